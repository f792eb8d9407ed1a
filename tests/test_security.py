"""One security suite, as a matrix: stored XSS in every editable text field on every
surface that shows it, unsafe URL schemes wherever a URL is stored, privacy of drafts,
revisions, previews, private pages and unpublished translations on every public URL,
publish permissions and CSRF in our admin views, and hostile XML for the importer.

Every check is two-sided: the raw payload must never appear AND the field must really
be there (escaped, or parsed back to the same value), so a field that silently stops
being rendered fails the test instead of passing it.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import socket
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import GroupPagePermission, Page, PageViewRestriction, Revision
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backend

from ankasam_pubs.footnotes.blocks import SourceBlock
from ankasam_pubs.footnotes.legacy_import import apply_legacy_notes
from ankasam_pubs.importers.wordpress.content import convert_post
from ankasam_pubs.models import (
    AnalysisIndexPage,
    AnalysisNote,
    AnalysisPage,
    AuthorIndexPage,
    AuthorProfile,
    Region,
    Series,
    Topic,
)
from ankasam_pubs.pages.blocks import RICH_TEXT_FEATURES
from ankasam_pubs.similar import service
from tests.factories import (
    analysis,
    author,
    image,
    note_object,
    paragraphs,
    ref,
    restrict,
    source,
    term,
    translate,
)
from tests.html import Doc

pytestmark = pytest.mark.django_db

LANGS = ("en", "tr", "ru")
WORDPRESS = Path(__file__).resolve().parent / "fixtures" / "wordpress"


# -- payloads ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    #: Substrings that only appear if the payload was written out unescaped.
    danger: tuple[str, ...]


PAYLOADS = [
    Payload("script", "<script>alert(1)</script>", ("<script>alert(1)",)),
    Payload("attribute", '"><img src=x onerror=alert(1)>', ("<img src=x onerror",)),
    Payload(
        "jsonld-breakout",
        "</script><script>alert(1)</script>",
        ("</script><script>alert(1)", "<script>alert(1)"),
    ),
    Payload("xml", "]]>&amp; & <x y='1'>", ("<x y=", "]]>&amp; & <")),
]


def value(tag: str, payload: Payload) -> str:
    """The stored value of one field: a tag naming the field, then the payload."""
    return f"{tag} {payload.text}"


# -- reading responses -------------------------------------------------------------------------
def dangerous_url(url: str) -> bool:
    """A URL a browser would run or render as a document (as the browser reads it)."""
    cleaned = re.sub(r"[\x00-\x20\x7f-\xa0\s]+", "", url).lower()
    return cleaned.startswith(("javascript:", "data:", "vbscript:"))


def strings(data) -> list[str]:
    """Every string value in a parsed JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for item in data.values() for s in strings(item)]
    if isinstance(data, list):
        return [s for item in data for s in strings(item)]
    return []


class Report:
    """Collects every failure of a matrix, so one run names all of them."""

    def __init__(self):
        self.failures: list[str] = []

    def check(self, condition: bool, message: str) -> None:
        if not condition:
            self.failures.append(message)

    def html(self, where: str, html: str, payload: Payload, tags=(), *, raw_ok=()) -> None:
        """No raw payload, each tagged field present escaped, no script-running URL."""
        for danger in payload.danger:
            self.check(danger not in html, f"{where}: raw payload {danger!r}")
        for tag in tags:
            self.check(
                escape(value(tag, payload)) in html, f"{where}: field {tag} not shown escaped"
            )
        for url in Doc(html).urls:
            self.check(not dangerous_url(url), f"{where}: unsafe URL {url!r}")

    def json(self, where: str, data, payload: Payload, tags=()) -> None:
        found = set(strings(data))
        for tag in tags:
            self.check(value(tag, payload) in found, f"{where}: field {tag} not round-tripped")

    def assert_clean(self) -> None:
        assert not self.failures, "\n".join(self.failures)


def get(client, url: str, status: int = 200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code)
    return response


# -- the hostile site --------------------------------------------------------------------------
def _localised(prefix: str, payload: Payload, *fields: str) -> dict:
    return {
        f"{field}_{code}": value(f"{prefix}{field}-{code}", payload)
        for field in fields
        for code in LANGS
    }


@pytest.fixture(params=PAYLOADS, ids=lambda p: p.name)
def hostile(request, tree, admin_user):
    """Every editable text field holds the payload, behind a tag naming the field."""
    payload: Payload = request.param
    locs = tree["locales"]

    def v(tag):
        return value(tag, payload)

    series = Series.objects.create(slug="hostile-series", **_localised("series_", payload, "name"))
    topic = Topic.objects.create(slug="hostile-topic", **_localised("topic_", payload, "name"))
    region = Region.objects.create(slug="hostile-region", **_localised("region_", payload, "name"))
    writer = AuthorProfile.objects.create(
        slug="hostile-writer",
        links="https://example.org/writer",
        user=admin_user,
        **_localised(
            "",
            payload,
            "display_name",
            "position",
            "short_bio",
            "bio",
            "languages",
            "affiliation",
        ),
    )
    writer.expertise.set([topic])
    picture = image()
    body = [
        {"type": "paragraph", "value": f"<p>{escape(v('Tpara'))}{ref('n1')}</p>"},
        {"type": "heading", "value": {"text": v("Thead"), "level": "h2"}},
        {"type": "quote", "value": {"quote": v("Tquote"), "attribution": v("Tattrib")}},
        {
            "type": "image",
            "value": {"image": picture.pk, "alt_text": v("Talt"), "caption": v("Tfigcap")},
        },
        {
            "type": "table",
            "value": {
                "caption": v("Ttabcap"),
                "table": {
                    "data": [[v("Tcell"), "2"]],
                    "first_row_is_table_header": False,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            },
        },
    ]
    note = {
        "uid": "n1",
        "sources": [
            source(
                v("Tsrctitle"),
                authors=v("Tsrcauth"),
                container_title=v("Tcontainer"),
                publisher=v("Tpublisher"),
                url="https://example.org/source?a=1&b=2",
                locator="12",
            )
        ],
        "comment": f"<p>{escape(v('Tcomment'))}</p>",
    }

    home = tree["home"]["en"]
    home.title, home.intro = v("Thome"), v("Thomeintro")
    home.save_revision().publish()
    index = tree["index"]["en"]
    index.title, index.intro = v("Tindex"), v("Tintro")
    index.save_revision().publish()

    page = analysis(
        index,
        v("Ttitle-en"),
        slug="hostile",
        seo_title=v("Tseo"),
        search_description=v("Tdesc"),
        summary=v("Tsummary-en"),
        series=series,
        series_number=v("Tnum"),
        authors=[writer],
        topics=[topic],
        regions=[region],
        body=body,
        notes=[note],
    )
    pages = {"en": page}
    for code in ("tr", "ru"):
        pages[code] = translate(
            page,
            locs[code],
            title=v(f"Ttitle-{code}"),
            summary=v(f"Tsummary-{code}"),
            slug=f"hostile-{code}",
        )
    authors_index = {}
    authors_en = home.add_child(
        instance=AuthorIndexPage(
            title=v("Tauthidx"), intro=v("Tauthintro"), slug="authors", locale=locs["en"]
        )
    )
    authors_en.save_revision().publish()
    authors_index["en"] = authors_en
    for code in ("tr", "ru"):
        authors_index[code] = translate(authors_en, locs[code], slug=f"authors-{code}")
    return {
        "payload": payload,
        "pages": pages,
        "index": tree["index"],
        "home": tree["home"],
        "authors_index": authors_index,
        "writer": writer,
        "series": series,
        "topic": topic,
        "region": region,
        "tree": tree,
    }


# -- 1. stored XSS -----------------------------------------------------------------------------
def _expected_page_tags(code: str) -> list[str]:
    tags = [
        f"Ttitle-{code}",
        f"Tsummary-{code}",
        f"display_name-{code}",
        f"position-{code}",
        f"short_bio-{code}",
    ]
    if code == "en":
        tags += ["Tseo", "Tdesc", "Tnum"]
    # The body and notes are copied into every translation.
    tags += ["Tpara", "Thead", "Tquote", "Tattrib", "Tfigcap", "Talt", "Ttabcap", "Tcell"]
    tags += ["Tsrctitle", "Tsrcauth", "Tcontainer", "Tcomment"]
    return tags


def test_xss_every_public_surface(client, hostile):
    """Pages, head, JSON-LD, listings, author pages, feeds, API and exports, in every
    language: one site build per payload, every failure listed."""
    report = Report()
    for code in LANGS:
        _check_analysis_page(report, client, hostile, code)
        _check_listings(report, client, hostile, code)
        for fmt in ("rss", "atom"):
            for kind in FEED_KINDS:
                _check_feed(report, client, hostile, code, fmt, kind)
        _check_author_feed(report, client, hostile, code)
        _check_exports(report, client, hostile, code)
        _check_api(report, client, hostile, code)
    _check_api_notes(report, client, hostile)
    report.assert_clean()


def _check_analysis_page(report, client, hostile, code):
    payload = hostile["payload"]
    page = hostile["pages"][code]
    html = get(client, page.url).content.decode()
    report.html(f"analysis/{code}", html, payload, _expected_page_tags(code))
    for kind in ("series", "topic", "region"):
        shown = escape(value(f"{kind}_name-{code}", payload)) in html
        report.check(shown, f"analysis/{code}: {kind} name not shown escaped")

    doc = Doc(html)
    (article,) = [item for item in doc.json_ld() if item.get("@type") == "ScholarlyArticle"]
    expected = {
        "headline": value(f"Ttitle-{code}", payload),
        "abstract": value(f"Tsummary-{code}", payload),
    }
    for key, wanted in expected.items():
        report.check(article.get(key) == wanted, f"jsonld/{code}: {key} = {article.get(key)!r}")
    report.check(
        article["isPartOf"]["name"] == value(f"series_name-{code}", payload),
        f"jsonld/{code}: series",
    )
    report.check(
        article["about"] == [{"@type": "Thing", "name": value(f"topic_name-{code}", payload)}],
        f"jsonld/{code}: topics",
    )
    (person,) = article["author"]
    report.check(person["name"] == value(f"display_name-{code}", payload), "jsonld: author")
    report.check(person["jobTitle"] == value(f"position-{code}", payload), "jsonld: jobTitle")
    report.check(
        person["affiliation"]["name"] == value(f"affiliation-{code}", payload),
        "jsonld: affiliation",
    )
    (cited,) = article["citation"]
    report.check(cited["name"] == value("Tsrctitle", payload), "jsonld: cited work")
    report.check(cited["isPartOf"] == value("Tcontainer", payload), "jsonld: cited container")
    report.check(
        cited["publisher"]["name"] == value("Tpublisher", payload), "jsonld: cited publisher"
    )
    # Any payload (</script> above all) must stay inside its own script element.
    report.check(len(doc.jsonld) == html.count('type="application/ld+json"'), "jsonld split")
    if code == "en":
        report.check(article["isPartOf"]["position"] == value("Tnum", payload), "jsonld: number")
        report.check(doc.values("description") == [value("Tdesc", payload)], "meta description")
        report.check(doc.values("og:title") == [value("Tseo", payload)], "meta og:title")
        report.check(doc.values("citation_title") == [value("Tseo", payload)], "citation_title")
        report.check(
            doc.values("citation_author") == [value("display_name-en", payload)],
            "citation_author",
        )
        report.check(doc.values("article:tag") == [value("topic_name-en", payload)], "article:tag")
    else:  # a translation starts with the source's SEO title
        report.check(doc.values("og:title") == [value("Tseo", payload)], f"og:title/{code}")


def _check_listings(report, client, hostile, code):
    payload = hostile["payload"]
    cards = [f"Ttitle-{code}", f"Tsummary-{code}", f"series_name-{code}", f"display_name-{code}"]
    # The filter form lists every series, topic and region by name.
    cards += [f"topic_name-{code}", f"region_name-{code}"]
    index = hostile["index"][code]
    report.html(f"index/{code}", get(client, index.url).content.decode(), payload, cards)
    filtered = index.url + "?series=hostile-series&topic=hostile-topic&region=hostile-region"
    report.html(f"index?filters/{code}", get(client, filtered).content.decode(), payload, cards)
    home = hostile["home"][code]
    home_tags = [f"Ttitle-{code}"] + (["Thome", "Thomeintro", "Tindex"] if code == "en" else [])
    report.html(f"home/{code}", get(client, home.url).content.decode(), payload, home_tags)
    if code == "en":
        report.html("index/en", get(client, index.url).content.decode(), payload, ["Tintro"])

    authors = hostile["authors_index"][code]
    experts = get(client, authors.url).content.decode()
    expert_tags = [f"display_name-{code}", f"position-{code}", f"topic_name-{code}"]
    if code == "en":
        expert_tags += ["Tauthidx", "Tauthintro"]
    report.html(f"authors/{code}", experts, payload, expert_tags)

    profile_url = authors.url + "hostile-writer/"
    html = get(client, profile_url).content.decode()
    profile_tags = [f"{field}-{code}" for field in ("display_name", "position", "bio", "languages")]
    profile_tags += [f"affiliation-{code}", f"topic_name-{code}", f"Ttitle-{code}"]
    report.html(f"profile/{code}", html, payload, profile_tags)
    (person,) = Doc(html).json_ld()
    report.check(person["name"] == value(f"display_name-{code}", payload), "person name")
    report.check(person["jobTitle"] == value(f"position-{code}", payload), "person jobTitle")
    report.check(
        person["affiliation"]["name"] == value(f"affiliation-{code}", payload),
        "person affiliation",
    )


def _feed_texts(root) -> list[str]:
    texts = []
    for element in root.iter():
        texts.append(element.text or "")
        texts += list(element.attrib.values())
    return texts


FEED_KINDS = [None, "series", "topic", "region", "author"]


def _check_feed(report, client, hostile, code, fmt, kind):
    payload = hostile["payload"]
    slug = {"author": "hostile-writer"}.get(kind, f"hostile-{kind}")
    url = f"/feeds/{code}/{fmt}/" if kind is None else f"/feeds/{code}/{kind}/{slug}/{fmt}/"
    body = get(client, url).content
    for danger in payload.danger:
        report.check(danger.encode() not in body, f"{url}: raw payload {danger!r}")
    root = ET.fromstring(body)  # ]]> and & in fields must not break the XML
    texts = _feed_texts(root)
    summary = value(f"Tsummary-{code}", payload)
    wanted = [
        value(f"Ttitle-{code}", payload),
        value(f"display_name-{code}", payload),
        value(f"series_name-{code}", payload),
        value(f"topic_name-{code}", payload),
        value(f"region_name-{code}", payload),
        # RSS readers take <description> as HTML, so it is escaped once more there.
        escape(summary) if fmt == "rss" else summary,
    ]
    for text in wanted:
        report.check(text in texts, f"{url}: {text!r} not in the feed")
    if kind is not None:
        field = "display_name" if kind == "author" else f"{kind}_name"
        name = value(f"{field}-{code}", payload)
        report.check(any(name in t for t in texts), f"{url}: feed title lacks the {kind} name")


def _check_author_feed(report, client, hostile, code):
    payload = hostile["payload"]
    url = hostile["authors_index"][code].url + "hostile-writer/feed/"
    body = get(client, url).content
    for danger in payload.danger:
        report.check(danger.encode() not in body, f"{url}: raw payload {danger!r}")
    texts = _feed_texts(ET.fromstring(body))
    for text in (
        value(f"Ttitle-{code}", payload),
        escape(value(f"Tsummary-{code}", payload)),  # Atom summary of type html
        value(f"topic_name-{code}", payload),
        value(f"display_name-{code}", payload),
    ):
        report.check(text in texts, f"{url}: {text!r} not in the feed")


def _check_api(report, client, hostile, code):
    payload = hostile["payload"]
    page = hostile["pages"][code]
    for url in (f"/api/v2/analyses/?fields=*&locale={code}", f"/api/v2/analyses/{page.pk}/"):
        response = get(client, url)
        report.check(response["Content-Type"].startswith("application/json"), url)
        report.check(response.get("X-Content-Type-Options") == "nosniff", f"{url} sniff")
        tags = [f"Ttitle-{code}", f"Tsummary-{code}"]
        tags += [f"{kind}_name-{code}" for kind in ("series", "topic", "region")]
        tags += [f"display_name-{code}", f"position-{code}", f"short_bio-{code}"]
        report.json(url, response.json(), payload, tags)
    url = f"/api/v2/authors/?fields=*&lang={code}"
    fields = ("display_name", "position", "short_bio", "bio", "languages", "affiliation")
    tags = [f"{field}-{code}" for field in fields] + [f"topic_name-{code}"]
    report.json(url, get(client, url).json(), payload, tags)
    # DRF's browsable API is HTML: it must escape the JSON it shows.
    html = get(client, url, HTTP_ACCEPT="text/html").content.decode()
    report.html(f"{url} (browsable)", html, payload)
    shown = escape(json.dumps(value(f"display_name-{code}", payload), ensure_ascii=False))
    report.check(shown in html, f"{url} (browsable): display_name not shown escaped")


def _check_api_notes(report, client, hostile):
    payload = hostile["payload"]
    notes = get(client, f"/api/v2/analyses/{hostile['pages']['en'].pk}/").json()["notes"]
    report.json("api notes", notes, payload, ["Tsrctitle", "Tcontainer", "Tpublisher"])


EXPORTS = [
    ("cite", "chicago"),
    ("cite", "apa"),
    ("cite", "bibtex"),
    ("cite", "ris"),
    ("cite", "csl-json"),
    ("references", "bibtex"),
    ("references", "ris"),
    ("references", "csl-json"),
]


def _check_exports(report, client, hostile, code):
    """Citation exports are downloads, never HTML a browser would run."""
    payload = hostile["payload"]
    page = hostile["pages"][code]
    for route, fmt in EXPORTS:
        url = f"{page.url}{route}/{fmt}/"
        response = get(client, url)
        report.check("html" not in response["Content-Type"], f"{url}: served as HTML")
        disposition = response["Content-Disposition"]
        report.check(disposition.startswith("attachment"), f"{url}: not a download")
        report.check(response.get("X-Content-Type-Options") == "nosniff", f"{url}: sniff")
        text = response.content.decode()
        tag = f"Ttitle-{code}" if route == "cite" else "Tsrctitle"
        report.check(tag in text, f"{url}: {tag} missing")
        if fmt == "csl-json":
            (item,) = json.loads(text)
            report.check(item["title"] == value(tag, payload), f"{url}: title")
            if route == "references":
                container = item.get("container-title")
                report.check(container == value("Tcontainer", payload), f"{url}: container")


def test_xss_admin_screens(client, admin_client, hostile, admin_user):
    payload = hostile["payload"]
    report = Report()
    page = hostile["pages"]["en"]
    edit = get(admin_client, reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    report.html("admin edit", edit, payload, ["Ttitle-en", "Tsummary-en", "Tnum", "Tseo"])
    tr_edit = reverse("wagtailadmin_pages:edit", args=[hostile["pages"]["tr"].pk])
    html = get(admin_client, tr_edit).content.decode()
    report.check("ap-translation-status" in html, "translation status panel missing")
    report.html("admin edit tr (translation panel)", html, payload, ["Ttitle-tr"])
    explorer = reverse("wagtailadmin_explore", args=[hostile["index"]["en"].pk])
    report.html("explorer", get(admin_client, explorer).content.decode(), payload, ["Ttitle-en"])
    report.html(
        "dashboard",
        get(admin_client, reverse("wagtailadmin_home")).content.decode(),
        payload,
        ["Ttitle-en"],
    )
    for model, tag in (
        (AuthorProfile, "display_name-en"),
        (Series, "series_name-en"),
        (Topic, "topic_name-en"),
        (Region, "region_name-en"),
    ):
        viewset = model.snippet_viewset
        listing = get(admin_client, reverse(viewset.get_url_name("list"))).content.decode()
        report.html(f"{model.__name__} listing", listing, payload, [tag])
        obj = model.objects.get()
        edit_url = reverse(viewset.get_url_name("edit"), args=[obj.pk])
        fields = [f"{model.__name__.lower()}_name"]
        if model is AuthorProfile:
            fields = ["display_name", "position", "short_bio", "bio", "languages", "affiliation"]
        tags = [f"{field}-{code}" for field in fields for code in LANGS]
        report.html(
            f"{model.__name__} edit", get(admin_client, edit_url).content.decode(), payload, tags
        )

    # Our delete guard names the profile and the analyses using it in a message.
    delete = reverse(
        AuthorProfile.snippet_viewset.get_url_name("delete"), args=[hostile["writer"].pk]
    )
    refused = admin_client.post(delete, follow=True).content.decode()
    report.check(AuthorProfile.objects.filter(pk=hostile["writer"].pk).exists(), "deleted")
    report.html("delete refused", refused, payload, ["display_name-en", "Ttitle-en"])

    legacy = reverse("ankasam_pubs_admin:paste_legacy_notes", args=[page.pk])
    report.html("legacy notes", get(admin_client, legacy).content.decode(), payload)
    pasted = f"[1] {value('Tlegacy', payload)}, https://example.org/x\n[2] {payload.text}\n"
    response = admin_client.post(legacy, {"notes": pasted})
    assert response.status_code == 200
    report.html("legacy notes preview", response.content.decode(), payload, ["Tlegacy"])
    report.assert_clean()


# -- 1b. WordPress import content --------------------------------------------------------------
@pytest.fixture
def _no_network(monkeypatch):
    """The importer never opens a connection (an external entity or DTD would)."""

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wxr(
    *,
    title="Imported post",
    content="<p>Text.</p>",
    excerpt="",
    author="Imported Author",
    category="Imported Category",
    doctype="",
    status="publish",
) -> str:
    """A minimal WordPress export: one author, one category, one post."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
{doctype}<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old site</title><link>https://old.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login>writer</wp:author_login>
<wp:author_email>w@old.example</wp:author_email>
<wp:author_display_name>{_xml_text(author)}</wp:author_display_name>
<wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name>
</wp:author>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>hostile</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name>{_xml_text(category)}</wp:cat_name>
</wp:category>
<item>
<title>{_xml_text(title)}</title><link>https://old.example/2023/05/post/</link>
<pubDate>Sun, 14 May 2023 06:30:00 +0000</pubDate><dc:creator>writer</dc:creator>
<guid isPermaLink="false">https://old.example/?p=101</guid><description></description>
<content:encoded>{_xml_text(content)}</content:encoded>
<excerpt:encoded>{_xml_text(excerpt)}</excerpt:encoded>
<wp:post_id>101</wp:post_id><wp:post_date>2023-05-14 09:30:00</wp:post_date>
<wp:post_date_gmt>2023-05-14 06:30:00</wp:post_date_gmt><wp:post_name>post</wp:post_name>
<wp:status>{status}</wp:status><wp:post_parent>0</wp:post_parent>
<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="hostile">{_xml_text(category)}</category>
</item>
</channel>
</rss>
"""


def import_export(tmp_path, text: str, name: str = "export.xml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--into", "/en/analysis/", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_xss_wordpress_import(client, tree, tmp_path, payload, _no_network):
    """Text from an export is stored as text; HTML from it is sanitised."""
    content = (
        f"<p>{escape(value('Wbody', payload))}</p>\n"
        f"<p>Raw {payload.text} <a href='javascript:alert(1)' onclick='alert(1)'>x</a></p>"
    )
    import_export(
        tmp_path,
        wxr(
            title=value("Wtitle", payload),
            excerpt=value("Wexcerpt", payload),
            author=value("Wauthor", payload),
            category=value("Wcategory", payload),
            content=content,
        ),
    )
    page = AnalysisPage.objects.get(locale__language_code="en")
    writer = AuthorProfile.objects.get()
    topic = Topic.objects.get()
    # WordPress titles and names are HTML: the importer keeps their text, tags dropped.
    stored = {
        "title": page.title,
        "summary": page.summary,
        "author": writer.display_name,
        "category": topic.name,
    }
    report = Report()
    for field, text in stored.items():
        report.check(text.startswith("W"), f"import: {field} lost: {text!r}")
        for danger in payload.danger:
            report.check(danger not in text, f"import: {field} stored {danger!r}")
    html = get(client, page.url).content.decode()
    report.html("imported page", html, payload)
    body = value("Wbody", payload)  # re-serialised: quotes in text need no escaping
    minimal = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    report.check(escape(body) in html or minimal in html, "imported page: body not shown")
    for field in ("title", "author", "category"):
        report.check(escape(stored[field]) in html, f"imported page: {field} not shown")
    report.check("onclick" not in html, "imported onclick attribute kept")
    listing = get(client, tree["index"]["en"].url).content.decode()
    report.html("index of imports", listing, payload)
    for field in ("title", "summary", "author"):
        report.check(escape(stored[field]) in listing, f"imported listing: {field} not shown")
    feed = _feed_texts(ET.fromstring(get(client, "/feeds/en/atom/").content))
    report.check(stored["title"] in feed and stored["category"] in feed, "imported feed")
    report.assert_clean()


# -- 2. unsafe URL schemes ---------------------------------------------------------------------
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


# -- 3. privacy --------------------------------------------------------------------------------
#: One marker per secret; each is in the secret's slug, title, summary and body, so any
#: response that names, links or quotes a secret contains its marker.
SECRETS = {
    "draft": "zqdraft",
    "revision": "zqrevision",
    "password": "zqpassword",
    "login": "zqlogin",
    "groups": "zqgroups",
    "section": "zqsection",
    "tr-draft": "zqtrdraft",
    "ru-private": "zqruprivate",
}
SIMILAR_TEXT = "Gas pipelines, energy supply and winter storage decide the interconnector load."


def _secret_fields(marker: str) -> dict:
    return {
        "title": f"Title {marker}",
        "summary": f"Summary {marker}",
        "slug": marker,
        "body": paragraphs(f"<p>{SIMILAR_TEXT} {marker}</p>"),
    }


@pytest.fixture
def secrets(tree):
    """Public analyses and, around them, one secret of each kind sharing their series,
    topic, region, author and vocabulary (so every filter and similar list could reach it)."""
    locs = tree["locales"]
    index = tree["index"]["en"]
    shared = {
        "series": term(Series, "shared-series"),
        "topics": [term(Topic, "shared-topic")],
        "regions": [term(Region, "shared-region")],
        "authors": [author("shared-writer", display_name_en="Shared Writer")],
        "date": datetime.date(2024, 6, 1),
    }
    body = paragraphs(f"<p>{SIMILAR_TEXT}</p>")
    public = analysis(index, "Public pipelines", slug="public", body=body, **shared)
    public2 = analysis(index, "Public storage", slug="public-two", body=body, **shared)
    public2_tr = translate(public2, locs["tr"], title="Genel depolama", slug="genel")
    pages = {}
    pages["draft"] = analysis(index, live=False, **_secret_fields("zqdraft"), **shared)
    for kind in ("password", "login", "groups"):
        pages[kind] = analysis(index, **_secret_fields(SECRETS[kind]), **shared)
    restrict(pages["password"])
    restrict(pages["login"], PageViewRestriction.LOGIN)
    insiders = Group.objects.create(name="Insiders")
    restrict(pages["groups"], PageViewRestriction.GROUPS).groups.add(insiders)

    # A live page whose newer revision is not published.
    revised = analysis(index, "Revised public", slug="revised", body=body, **shared)
    revised.title = "Title zqrevision"
    revised.summary = "Summary zqrevision"
    revised.slug = "zqrevision"
    revised.seo_title = revised.search_description = "Seo zqrevision"
    revised.body = paragraphs(f"<p>{SIMILAR_TEXT} zqrevision{ref('zq')}</p>")
    revised.notes.add(note_object("zq", [source("Source zqrevision")]))
    revised.save_revision()
    pages["revision"] = revised

    # A private section: the index and the analysis in it.
    section = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(
            title="Section zqsection", slug="zqsection-index", locale=locs["en"]
        )
    )
    section.save_revision().publish()
    restrict(section, PageViewRestriction.GROUPS).groups.add(insiders)
    pages["section"] = analysis(section, **_secret_fields("zqsection"), **shared)
    pages["section-index"] = section

    # Translations of the public page: a Turkish draft and a password-protected Russian one.
    pages["tr-draft"] = translate(public, locs["tr"], live=False, **_secret_fields("zqtrdraft"))
    pages["ru-private"] = translate(public, locs["ru"], **_secret_fields("zqruprivate"))
    restrict(pages["ru-private"])

    authors_index = {}
    authors_index["en"] = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="experts", locale=locs["en"])
    )
    authors_index["en"].save_revision().publish()
    for code in ("tr", "ru"):
        authors_index[code] = translate(authors_index["en"], locs[code], slug=f"experts-{code}")
    for locale in locs.values():
        service.rebuild(locale)
    # Every page in the search index, secrets too (Wagtail 7 indexes after commit), so
    # ?search= could find them if the API did not exclude them.
    for page in Page.objects.specific():
        search_index.insert_or_update_object(page)
    return {
        "tree": tree,
        "public": public,
        "public2": public2,
        "public2_tr": public2_tr,
        "pages": pages,
        "authors_index": authors_index,
    }


def _public_urls(s) -> list[str]:
    tree, public = s["tree"], s["public"]
    urls = ["/sitemap.xml"]
    for code in LANGS:
        index = tree["index"][code].url
        urls += [tree["home"][code].url, index]
        urls += [
            f"{index}?{query}"
            for query in (
                "series=shared-series",
                "topic=shared-topic",
                "region=shared-region",
                "year=2024",
                "page=2",
                "series=shared-series&topic=shared-topic",
            )
        ]
        experts = s["authors_index"][code].url
        urls += [experts, experts + "?expertise=shared-topic", experts + "shared-writer/"]
        urls += [experts + "shared-writer/feed/", experts + "shared-writer/?page=2"]
        for fmt in ("rss", "atom"):
            urls.append(f"/feeds/{code}/{fmt}/")
            for kind, slug in (
                ("series", "shared-series"),
                ("topic", "shared-topic"),
                ("region", "shared-region"),
                ("author", "shared-writer"),
            ):
                urls.append(f"/feeds/{code}/{kind}/{slug}/{fmt}/")
        urls += [
            f"/api/v2/analyses/?locale={code}&fields=*",
            f"/api/v2/authors/?lang={code}&fields=*",
        ]
    for page in (public, s["public2"], s["public2_tr"], s["pages"]["revision"]):
        urls += [page.url, f"/api/v2/analyses/{page.pk}/"]
        urls += [
            page.url + suffix
            for suffix in (
                "cite/chicago/",
                "cite/bibtex/",
                "cite/ris/",
                "cite/csl-json/",
                "references/csl-json/",
                "references/ris/",
            )
        ]
    urls += [
        "/api/v2/analyses/",
        "/api/v2/analyses/?fields=*&limit=100",
        "/api/v2/analyses/?type=ankasam_pubs.AnalysisPage&fields=*",
        "/api/v2/analyses/?author=shared-writer&fields=*",
        f"/api/v2/analyses/?translation_of={public.pk}&fields=*",
        f"/api/v2/analyses/?translation_of={public.pk}&locale=tr",
        f"/api/v2/analyses/?child_of={tree['index']['en'].pk}&fields=*",
        f"/api/v2/analyses/?descendant_of={tree['home']['en'].pk}&fields=*",
        f"/api/v2/analyses/?series={public.series_id}&fields=*",
        "/api/v2/analyses/?search=Title&fields=*",
        "/api/v2/analyses/?search=Summary",
        "/api/v2/analyses/?order=title&fields=title",
        "/api/v2/analyses/?publication_date=2024-06-01",
        "/api/v2/authors/",
        f"/api/v2/authors/{s['public'].analysis_authors.first().author_id}/?lang=tr",
    ]
    return urls


def _secret_urls(s) -> list[tuple[str, str]]:
    """``(kind, URL)``: every way to a secret that does not go through a listing."""
    found = []
    for kind, page in s["pages"].items():
        marker_kind = "section" if kind == "section-index" else kind
        marker = SECRETS[marker_kind]
        urls = [
            page.url,
            f"/api/v2/analyses/{page.pk}/",
            f"/api/v2/analyses/?search={marker}",
            f"/api/v2/analyses/?slug={marker}",
            f"/api/v2/analyses/?title=Title%20{marker}",
            f"/api/v2/analyses/?child_of={page.pk}",
            f"/api/v2/analyses/?descendant_of={page.pk}",
            f"/api/v2/analyses/?id={page.pk}",
        ]
        if isinstance(page.specific, AnalysisPage):
            urls += [
                page.url + suffix
                for suffix in (
                    "cite/chicago/",
                    "cite/apa/",
                    "cite/bibtex/",
                    "cite/csl-json/",
                    "references/bibtex/",
                    "references/csl-json/",
                )
            ]
        # Wagtail's previews and draft views are admin URLs: closed to readers.
        urls += [
            reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
            reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
            reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
            reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id]),
        ]
        found += [(marker_kind, url) for url in urls]
    return found


def _leaks(client, urls, *, allowed: dict[str, set[str]] | None = None) -> list[str]:
    allowed = allowed or {}
    leaks = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            leaks.append(f"{url}: server error {response.status_code}")
            continue
        text = response.content.decode("utf-8", "replace").lower()
        # A password or login form names the address the reader typed (its ?next=):
        # the secret's own path is not a leak, its title, text or any other link is.
        path = url.split("?")[0].lower()
        for form in (path, quote(path, safe=""), quote(path), escape(quote(path, safe="/"))):
            text = text.replace(form.lower(), "")
        for kind, marker in SECRETS.items():
            if marker in text and url not in allowed.get(kind, set()):
                leaks.append(f"{url} ({response.status_code}) shows the {kind} secret")
    return leaks


@pytest.fixture(params=["anonymous", "logged-in"])
def reader(request, client, django_user_model):
    """A reader of the site: anonymous, or logged in without any permission or group."""
    if request.param == "logged-in":
        client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    return request.param, client


def test_privacy_no_public_url_shows_a_secret(reader, secrets):
    persona, client = reader
    leaks = _leaks(client, _public_urls(secrets))
    secret_urls = _secret_urls(secrets)
    allowed = {}
    if persona == "logged-in":  # a login restriction is passed by any logged-in user, by design
        login = secrets["pages"]["login"]
        allowed["login"] = {
            url for kind, url in secret_urls if kind == "login" and url.startswith(login.url)
        }
    leaks += _leaks(client, [url for _kind, url in secret_urls], allowed=allowed)
    assert not leaks, "\n".join(leaks)


def test_privacy_controls_the_public_content_is_there(client, secrets):
    """The other half of the privacy test: the same URLs do show public content."""
    public, public2 = secrets["public"], secrets["public2"]
    index = get(client, secrets["tree"]["index"]["en"].url + "?topic=shared-topic")
    assert "Public pipelines" in index.content.decode()
    html = get(client, public2.url).content.decode()
    doc = Doc(html)
    assert "Genel depolama" in html or "Türkçe" in html  # the switcher offers Turkish
    assert [link["hreflang"] for link in doc.links if link.get("hreflang")] == [
        "en",
        "tr",
        "x-default",
    ]
    (article,) = doc.json_ld()
    assert [v["inLanguage"] for v in article["workTranslation"]] == ["tr"]
    similar = get(client, public.url).content.decode()
    assert "Public storage" in similar  # similar posts are listed, just not the secret ones
    api = get(client, "/api/v2/analyses/?search=Public").json()
    assert {item["id"] for item in api["items"]} >= {public.pk, public2.pk}
    # The secrets are in the search index: the API's filtering, not luck, hides them.
    found = get_search_backend().search("zqdraft", AnalysisPage)
    assert [page.pk for page in found] == [secrets["pages"]["draft"].pk]
    detail = get(client, f"/api/v2/analyses/{public.pk}/").json()
    assert detail["similar_posts"]
    feed = get(client, "/feeds/en/topic/shared-topic/rss/").content.decode()
    assert "Public pipelines" in feed
    sitemap = get(client, "/sitemap.xml").content.decode()
    assert public.get_full_url() in sitemap
    profile = get(client, secrets["authors_index"]["en"].url + "shared-writer/").content.decode()
    assert "Public pipelines" in profile
    authors = get(client, "/api/v2/authors/?fields=analyses_count").json()["items"]
    # Counted: public, public-two, revised (live). Not: the five secrets in English.
    assert [item["analyses_count"] for item in authors] == [3]
    # The published version of the revised page is shown, not its newer draft.
    assert "Revised public" in get(client, secrets["pages"]["revision"].url).content.decode()


# -- 4. permissions ----------------------------------------------------------------------------
def _page_permission(group: Group, page: Page, codename: str) -> None:
    GroupPagePermission.objects.create(
        group=group,
        page=page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
    )


def _admin_user(django_user_model, name: str, *groups: Group):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(*groups)
    return user


@pytest.fixture
def staff(tree, django_user_model):
    """Real Wagtail groups: drafters (add + change, no publish) on the English analyses,
    editors of another section only, and admin users with no page permission at all."""
    base = Group.objects.create(name="Admin access")
    base.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    drafters = Group.objects.create(name="Drafters")
    for codename in ("add_page", "change_page"):
        _page_permission(drafters, tree["index"]["en"], codename)
    other_section = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(title="Other", slug="other", locale=tree["locales"]["en"])
    )
    other_section.save_revision().publish()
    others = Group.objects.create(name="Other section")
    for codename in ("add_page", "change_page", "publish_page"):
        _page_permission(others, other_section, codename)
    page = analysis(
        tree["index"]["en"], "Guarded", slug="guarded", body=paragraphs("<p>Exports rose [1].</p>")
    )
    return {
        "page": page,
        "drafter": _admin_user(django_user_model, "drafter", base, drafters),
        "other": _admin_user(django_user_model, "other-editor", base, others),
        "nobody": _admin_user(django_user_model, "nobody", base),
        "tree": tree,
    }


LEGACY_NOTES = (
    '[1] "Grain zqpasted", Example Review, https://example.org/g, (Date of Accession: 15.03.2023).'
)


def _paste_url(page) -> str:
    return reverse("ankasam_pubs_admin:paste_legacy_notes", args=[page.pk])


def _translate_url(page) -> str:
    return reverse("ankasam_pubs_translate_page", args=[page.pk])


def test_drafter_cannot_publish_through_the_legacy_notes_view(client, staff):
    page = staff["page"]
    live_revision = page.live_revision_id
    client.force_login(staff["drafter"])
    assert get(client, _paste_url(page)).status_code == 200
    response = client.post(
        _paste_url(page),
        {
            "notes": LEGACY_NOTES,
            "link_markers": "on",
            "confirm": "True",
            "action-publish": "action-publish",
            "publish": "1",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.latest_revision_id != live_revision  # the view did save (control) …
    assert page.live_revision_id == live_revision  # … a draft, not a publication
    assert page.has_unpublished_changes
    assert not AnalysisNote.objects.filter(page=page).exists()
    anonymous = Client()
    assert "zqpasted" not in get(anonymous, page.url).content.decode()
    assert "zqpasted" not in get(anonymous, f"/api/v2/analyses/{page.pk}/").content.decode()


def test_drafter_translation_is_a_draft(client, staff):
    page, tree = staff["page"], staff["tree"]
    client.force_login(staff["drafter"])
    live_pages = set(Page.objects.live().filter(alias_of__isnull=True).values_list("pk", flat=True))
    response = client.post(_translate_url(page), {"locales": [tree["locales"]["tr"].pk]})
    assert response.status_code == 302
    translated = AnalysisPage.objects.get(
        translation_key=page.translation_key, locale__language_code="tr"
    )
    assert not translated.live
    now_live = set(Page.objects.live().filter(alias_of__isnull=True).values_list("pk", flat=True))
    assert now_live == live_pages
    assert Client().get(translated.url).status_code == 404


@pytest.mark.parametrize("who", ["other", "nobody"])
def test_our_admin_views_refuse_users_without_edit_rights(client, staff, who):
    page, tree = staff["page"], staff["tree"]
    revisions = Revision.objects.count()
    pages = Page.objects.count()
    client.force_login(staff[who])
    for response in (
        client.get(_paste_url(page)),
        client.post(_paste_url(page), {"notes": LEGACY_NOTES, "confirm": "True"}),
        client.get(_translate_url(page)),
        client.post(_translate_url(page), {"locales": [tree["locales"]["tr"].pk]}),
    ):
        # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")
    assert Revision.objects.count() == revisions
    assert Page.objects.count() == pages


def test_our_admin_views_send_anonymous_users_to_log_in(client, staff):
    page = staff["page"]
    for url in (
        _paste_url(page),
        _translate_url(page),
        reverse(AuthorProfile.snippet_viewset.get_url_name("list")),
    ):
        for response in (client.get(url), client.post(url, {"notes": LEGACY_NOTES})):
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("model", [AuthorProfile, Series, Topic, Region], ids=lambda m: m.__name__)
def test_snippets_need_their_model_permissions(client, staff, model):
    obj = author("kept") if model is AuthorProfile else term(model, "kept")
    field = "display_name_en" if model is AuthorProfile else "name_en"
    before = getattr(obj, field)
    viewset = model.snippet_viewset
    client.force_login(staff["drafter"])  # may edit pages, not profiles or taxonomies
    edit = reverse(viewset.get_url_name("edit"), args=[obj.pk])
    delete = reverse(viewset.get_url_name("delete"), args=[obj.pk])
    for response in (
        client.get(edit),
        client.post(edit, {field: "changed", "slug": "kept"}),
        client.post(delete),
        client.post(reverse(viewset.get_url_name("add")), {field: "new", "slug": "new"}),
    ):
        assert response.status_code in (302, 403)
    obj.refresh_from_db()
    assert getattr(obj, field) == before
    assert model.objects.count() == 1


# -- 5. CSRF -----------------------------------------------------------------------------------
def _csrf_cases(tree, page):
    profile = author("csrf-writer")
    series = term(Series, "csrf-series")
    snippets = AuthorProfile.snippet_viewset, Series.snippet_viewset
    return [
        ("legacy notes", _paste_url(page), {"notes": LEGACY_NOTES, "confirm": "True"}),
        ("translate", _translate_url(page), {"locales": [tree["locales"]["tr"].pk]}),
        (
            "author add",
            reverse(snippets[0].get_url_name("add")),
            {"display_name_en": "Forged", "slug": "forged"},
        ),
        (
            "author edit",
            reverse(snippets[0].get_url_name("edit"), args=[profile.pk]),
            {"display_name_en": "Forged", "slug": "csrf-writer"},
        ),
        ("author delete", reverse(snippets[0].get_url_name("delete"), args=[profile.pk]), {}),
        (
            "series edit",
            reverse(snippets[1].get_url_name("edit"), args=[series.pk]),
            {"name_en": "Forged", "slug": "csrf-series"},
        ),
        ("series delete", reverse(snippets[1].get_url_name("delete"), args=[series.pk]), {}),
    ]


def _state():
    return (
        Revision.objects.count(),
        Page.objects.count(),
        sorted(AuthorProfile.objects.values_list("slug", "display_name_en")),
        sorted(Series.objects.values_list("slug", "name_en")),
    )


def test_csrf_every_admin_form_of_ours_refuses_a_forged_post(tree, admin_user):
    page = analysis(tree["index"]["en"], "CSRF", body=paragraphs("<p>Claim [1].</p>"))
    cases = _csrf_cases(tree, page)
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(admin_user)
    before = _state()
    refused = {name: forged.post(url, data).status_code for name, url, data in cases}
    assert refused == {name: 403 for name, _url, _data in cases}
    assert _state() == before
    # Control: with the token the same client is let through (a form, a redirect).
    get(forged, _paste_url(page))
    token = forged.cookies["csrftoken"].value
    response = forged.post(_paste_url(page), {"notes": LEGACY_NOTES, "csrfmiddlewaretoken": token})
    assert response.status_code == 200 and "zqpasted" in response.content.decode()


def test_csrf_the_front_end_password_form(tree):
    page = analysis(tree["index"]["en"], "Protected zqcsrf")
    restriction = restrict(page)
    forged = Client(enforce_csrf_checks=True)
    form = get(forged, page.url).content.decode()
    assert 'name="csrfmiddlewaretoken"' in form
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = forged.post(url, {"password": "secret", "return_url": page.url})
    assert response.status_code == 403
    assert "zqcsrf" not in get(forged, page.url).content.decode()  # still locked


def test_front_end_forms_are_get_only(client, tree):
    """The reader's filter forms change nothing: they are GET forms, and POST is refused."""
    html = get(client, tree["index"]["en"].url).content.decode()
    assert re.findall(r'<form[^>]*method="(\w+)"', html) == ["get"]
    feed = client.post("/feeds/en/rss/")
    assert feed.status_code == 405


# -- 6. importer: hostile XML ------------------------------------------------------------------
def _snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        AuthorProfile.objects.count(),
        Topic.objects.count(),
        Series.objects.count(),
    )


def _hostile_exports(secret: Path) -> dict[str, str]:
    url = secret.as_uri()
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    return {
        "xxe-in-content": wxr(
            content="&xxe;", doctype=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}">]>\n'
        ).replace("&amp;xxe;", "&xxe;"),
        "xxe-parameter-entity": wxr(doctype=f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{url}"> %p;]>\n'),
        "xxe-in-attribute-default": wxr(
            doctype=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}"><!ATTLIST rss a CDATA "&xxe;">]>\n'
        ),
        "billion-laughs-in-item": wxr(
            title="&l9;", doctype=f'<!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>\n'
        ).replace("&amp;l9;", "&l9;"),
        "quadratic-blowup": wxr(
            content="&a;" * 2000, doctype=f'<!DOCTYPE rss [<!ENTITY a "{"a" * 50000}">]>\n'
        ).replace("&amp;a;", "&a;"),
    }


HOSTILE = [
    "xxe-in-content",
    "xxe-parameter-entity",
    "xxe-in-attribute-default",
    "billion-laughs-in-item",
    "quadratic-blowup",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_xml_is_refused_and_nothing_is_written(tree, tmp_path, name, _no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("zqlocalfile\n", encoding="utf-8")
    before = _snapshot()
    with pytest.raises(CommandError) as error:
        import_export(tmp_path, _hostile_exports(secret)[name])
    message = str(error.value)
    assert "refused" in message and "Nothing was imported" in message, message
    assert "zqlocalfile" not in message
    assert _snapshot() == before


def test_external_dtd_is_never_fetched(tree, tmp_path, _no_network):
    """An external DTD is neither downloaded nor read; nothing of it reaches the site."""
    secret = tmp_path / "evil.dtd"
    secret.write_text('<!ENTITY zq "zqlocalfile">', encoding="utf-8")
    before = _snapshot()
    for doctype in (
        f'<!DOCTYPE rss SYSTEM "{secret.as_uri()}">\n',
        '<!DOCTYPE rss SYSTEM "http://attacker.invalid/evil.dtd">\n',
    ):
        try:
            output = import_export(tmp_path, wxr(title="Plain", doctype=doctype))
        except CommandError as error:
            assert "zqlocalfile" not in str(error)
            assert _snapshot() == before
        else:
            assert "zqlocalfile" not in output
            assert not Page.objects.filter(title__contains="zqlocalfile").exists()


def test_the_shipped_hostile_fixtures_still_fail_through_the_command(tree, _no_network):
    """The fixtures test_import_wordpress.py reads, through the same entry point."""
    for name in ("xxe.xml", "billion-laughs.xml"):
        with pytest.raises(CommandError, match="refused"):
            call_command(
                "import_wordpress",
                str(WORDPRESS / name),
                "--into",
                "/en/analysis/",
                stdout=io.StringIO(),
            )
    assert not AnalysisPage.objects.exists()


def test_legacy_notes_view_respects_page_locks(client, staff, admin_user):
    """A page locked by someone else is not changed through our view either (Wagtail's
    edit view refuses to save it; so must the paste view)."""
    page = staff["page"]
    page.locked, page.locked_by, page.locked_at = True, admin_user, page.last_published_at
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    revisions = page.revisions.count()
    client.force_login(staff["drafter"])
    client.post(_paste_url(page), {"notes": LEGACY_NOTES, "link_markers": "on", "confirm": "True"})
    assert page.revisions.count() == revisions
    page.locked = False
    page.save(update_fields=["locked"])
    client.post(_paste_url(page), {"notes": LEGACY_NOTES, "link_markers": "on", "confirm": "True"})
    assert page.revisions.count() == revisions + 1  # control: unlocked, the same post saves


def test_translating_into_a_private_section_keeps_it_private(admin_client, tree):
    """Translating a page whose parent is untranslated creates the parent as an alias;
    an alias of a private section must stay private."""
    section = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(
            title="Section zqalias", slug="zqalias-index", locale=tree["locales"]["en"]
        )
    )
    section.save_revision().publish()
    restrict(section, PageViewRestriction.LOGIN)
    page = analysis(section, "Inside zqalias", slug="zqalias")
    response = admin_client.post(_translate_url(page), {"locales": [tree["locales"]["tr"].pk]})
    assert response.status_code == 302
    alias = Page.objects.get(alias_of=section, locale=tree["locales"]["tr"])
    assert alias.live  # the alias exists and is routable …
    anonymous = Client()
    response = anonymous.get(alias.url)
    assert response.status_code == 302 and "zqalias" not in response.content.decode()
    for url in ("/sitemap.xml", "/feeds/tr/rss/", "/api/v2/analyses/?locale=tr", "/tr/"):
        assert "zqalias" not in get(anonymous, url).content.decode()


def test_privacy_an_unshown_email_address_is_never_published(client, tree, django_user_model):
    """A profile's e-mail address (and linked admin account) stays private unless shown."""
    account = django_user_model.objects.create_user("zqaccount", email="zqaccount@example.org")
    profile = author("mail-writer", email="zqemail@example.org", show_email=False, user=account)
    page = analysis(tree["index"]["en"], "Signed", authors=[profile])
    experts = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="experts", locale=tree["locales"]["en"])
    )
    experts.save_revision().publish()
    urls = [
        page.url,
        experts.url,
        experts.url + "mail-writer/",
        experts.url + "mail-writer/feed/",
        "/feeds/en/author/mail-writer/atom/",
        f"/api/v2/analyses/{page.pk}/",
        "/api/v2/authors/?fields=*",
        f"/api/v2/authors/{profile.pk}/",
        f"/api/v2/authors/{profile.pk}/?fields=*",
    ]
    for url in urls:
        text = get(client, url).content.decode().lower()
        assert "zqemail" not in text and "zqaccount" not in text, url
    for query in ("email=zqemail@example.org", "order=email", "fields=user", "user=1"):
        assert client.get(f"/api/v2/authors/?{query}").status_code == 400, query
    # Control: shown on request, the same address appears.
    profile.show_email = True
    profile.save()
    assert "zqemail@example.org" in get(client, experts.url + "mail-writer/").content.decode()
    assert get(client, f"/api/v2/authors/{profile.pk}/").json()["email"] == "zqemail@example.org"
