"""Unsafe URL schemes wherever a URL is stored."""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from ankasam_pubs.footnotes.blocks import SourceBlock
from ankasam_pubs.footnotes.legacy_import import apply_legacy_notes
from ankasam_pubs.importers.wordpress.content import convert_post
from ankasam_pubs.models import (
    AuthorIndexPage,
    AuthorProfile,
)
from ankasam_pubs.pages.blocks import RICH_TEXT_FEATURES
from tests.factories import (
    analysis,
    author,
    paragraphs,
    ref,
    source,
)
from tests.html import Doc

from .common import Report, dangerous_url, get

pytestmark = pytest.mark.django_db


BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    " DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
]


bad_urls = pytest.mark.parametrize("bad", BAD_URLS, ids=[repr(u)[1:-1][:24] for u in BAD_URLS])


def test_the_url_checker_can_fail():
    """The oracle the URL tests rely on: it flags what a browser would run."""
    html = "".join(f'<a href="{escape(url)}">x</a>' for url in BAD_URLS if "&" not in url)
    html += '<a href="&#106;avascript:alert(1)">x</a><a href="java&#x0A;script:1">y</a>'
    flagged = [url for url in Doc(html).urls if dangerous_url(url)]
    assert len(flagged) == len(Doc(html).urls)
    assert not dangerous_url("https://example.org/javascript:alert(1)")
    assert not dangerous_url("&#106;avascript:alert(1)")  # text, not markup: a relative URL


@bad_urls
def test_unsafe_source_url_is_a_validation_error(bad):
    block = SourceBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(source("Title", url=bad)))
    block.clean(block.to_python(source("Title", url="https://example.org/ok")))  # control


@bad_urls
def test_unsafe_author_link_is_a_validation_error(tree, bad):
    profile = author("linked", links=f"https://example.org/ok\n{bad}")
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "links" in error.value.message_dict
    profile.links = "https://example.org/ok\nhttps://example.org/two"
    profile.full_clean()  # control


@pytest.mark.parametrize("bad", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x"])
def test_unsafe_author_link_refused_by_the_admin_form(admin_client, bad):
    add = reverse(AuthorProfile.snippet_viewset.get_url_name("add"))
    data = {"display_name_en": "Form Author", "slug": "form-author", "is_active": "on"}
    response = admin_client.post(add, {**data, "links": bad})
    assert response.status_code == 200  # the form again, with the error
    assert not AuthorProfile.objects.filter(slug="form-author").exists()
    response = admin_client.post(add, {**data, "links": "https://example.org/me"})
    assert response.status_code == 302  # control: the same form with a web address saves
    assert AuthorProfile.objects.filter(slug="form-author").exists()


def test_unsafe_urls_stored_anyway_are_never_links(client, tree):
    """Values that bypassed validation (old data, scripts) are shown as text, never as href."""
    writer = author("bypass-writer", links="\n".join(BAD_URLS[:4] + ["https://example.org/ok"]))
    notes = [
        {"uid": f"u{i}", "sources": [source(f"Source {i}", url=bad)]}
        for i, bad in enumerate(BAD_URLS)
    ]
    body = paragraphs("<p>" + "".join(f"claim{ref(note['uid'])} " for note in notes) + "</p>")
    page = analysis(tree["index"]["en"], "Bypass", authors=[writer], body=body, notes=notes)
    authors_index = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="experts", locale=tree["locales"]["en"])
    )
    authors_index.save_revision().publish()
    report = Report()
    for url in (page.url, authors_index.url + "bypass-writer/"):
        html = get(client, url).content.decode()
        urls = Doc(html).urls
        report.check("https://example.org/ok" in urls or url == page.url, f"{url}: control link")
        for found in urls:
            report.check(not dangerous_url(found), f"{url}: unsafe href {found!r}")
    html = get(client, page.url).content.decode()
    report.check(html.count('class="ap-note-text"') == len(BAD_URLS), "notes not rendered")
    report.assert_clean()


def test_unsafe_note_urls_stored_anyway_never_leave_the_site(client, tree):
    """Exports, JSON-LD, Scholar's citation_reference and the API drop them; a web URL
    in the same page goes through (control)."""
    notes = [
        {"uid": f"u{i}", "sources": [source(f"Source {i}", url=bad)]}
        for i, bad in enumerate(BAD_URLS)
    ] + [{"uid": "web", "sources": [source("Web source", url="https://example.org/fine")]}]
    body = paragraphs("<p>" + "".join(f"claim{ref(note['uid'])} " for note in notes) + "</p>")
    page = analysis(tree["index"]["en"], "Exported", body=body, notes=notes)
    urls = [page.url]
    urls += [f"{page.url}references/{fmt}/" for fmt in ("bibtex", "ris", "csl-json")]
    urls.append(f"/api/v2/analyses/{page.pk}/")
    for url in urls:
        text = get(client, url).content.decode()
        if url == page.url:  # the notes list shows a bad URL as inert text (tested above)
            blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
            text = "\n".join(blocks + re.findall(r"<meta [^>]*>", text))
        assert "example.org/fine" in text, url
        lowered = text.lower()
        for scheme in ("javascript", "vbscript", "data:text"):
            assert scheme not in lowered, (url, scheme)


@bad_urls
def test_unsafe_body_links_are_dropped_by_the_editor(bad):
    """Draftail's content is converted by Wagtail on save; the link's URL is checked there."""
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": "click",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
            },
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": bad}}},
    }
    stored = ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))
    assert "click" in stored
    assert not [url for url in Doc(stored).urls if dangerous_url(url)], stored
    contentstate["entityMap"]["0"]["data"]["url"] = "https://example.org/"  # control
    stored = ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))
    assert Doc(stored).urls == ["https://example.org/"]


@bad_urls
def test_unsafe_links_in_imported_posts_are_dropped(bad):
    attribute = escape(bad)
    html = (
        f'<p><a href="{attribute}">one</a> <a href=" {attribute}">two</a></p>'
        f'<p><img src="{attribute}" alt="pic"></p><iframe src="{attribute}"></iframe>'
    )
    converted = convert_post(html, uid_for=lambda n: f"uid{n}")
    stored = json.dumps([block["value"] for block in converted.blocks])
    texts = [b["value"] for b in converted.blocks if isinstance(b["value"], str)]
    assert any("one" in text for text in texts)
    for text in texts:
        assert not [url for url in Doc(text).urls if dangerous_url(url)], text
    assert "javascript:" not in stored.lower() and "vbscript:" not in stored.lower()
    assert converted.problems  # the editor is told what was removed


@pytest.mark.parametrize("bad", [*BAD_URLS, "https://example.org/grain"])
def test_unsafe_urls_in_pasted_legacy_notes_are_not_kept(tree, bad):
    page = analysis(tree["index"]["en"], "Legacy", body=paragraphs("<p>Claim [1].</p>"))
    line = f'[1] "Grain in Transit", Example Review, {bad}, (Date of Accession: 15.03.2023).'
    result = apply_legacy_notes(page, "Notes\n" + line, link_markers=True)
    urls = [s.url for note in result.created for s in note.get_sources()]
    assert not [url for url in urls if dangerous_url(url) or "script" in url.lower()]
    if bad.startswith("https://"):  # control: a web address is kept
        assert urls == [bad]
