"""Stored XSS in every editable text field on every surface that shows it, and in
what the WordPress importer brings in.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils.html import escape, strip_tags

from ankasam_pubs.models import (
    AnalysisPage,
    AuthorProfile,
    Region,
    Series,
    Topic,
)
from tests.bibtex import log_problems, run_bibtex
from tests.html import Doc

from .common import LANGS, PAYLOADS, Report, get, import_export, value, wxr

pytestmark = pytest.mark.django_db


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


def _plain(text: str) -> str:
    """A title, name or label as a feed carries it: markup left out, not escaped (RSS
    readers render titles as HTML), whitespace collapsed."""
    return " ".join(strip_tags(text).split())


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
        _plain(value(f"Ttitle-{code}", payload)),
        _plain(value(f"display_name-{code}", payload)),
        _plain(value(f"series_name-{code}", payload)),
        _plain(value(f"topic_name-{code}", payload)),
        _plain(value(f"region_name-{code}", payload)),
        # RSS readers take <description> as HTML, so it is escaped once more there.
        escape(summary) if fmt == "rss" else summary,
    ]
    for text in wanted:
        report.check(text in texts, f"{url}: {text!r} not in the feed")
    if kind is not None:
        field = "display_name" if kind == "author" else f"{kind}_name"
        name = _plain(value(f"{field}-{code}", payload))
        report.check(any(name in t for t in texts), f"{url}: feed title lacks the {kind} name")
    for text in texts:  # summaries excepted: plain text in Atom, escaped HTML in RSS
        plain = "<" not in text or _plain(text) == text or text.startswith("Tsummary")
        report.check(plain, f"{url}: markup in {text!r}")


def _check_author_feed(report, client, hostile, code):
    payload = hostile["payload"]
    url = hostile["authors_index"][code].url + "hostile-writer/feed/"
    body = get(client, url).content
    for danger in payload.danger:
        report.check(danger.encode() not in body, f"{url}: raw payload {danger!r}")
    texts = _feed_texts(ET.fromstring(body))
    for text in (
        _plain(value(f"Ttitle-{code}", payload)),
        escape(value(f"Tsummary-{code}", payload)),  # Atom summary of type html
        _plain(value(f"topic_name-{code}", payload)),
        _plain(value(f"display_name-{code}", payload)),
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
        if fmt == "ris":
            # One field per line: a value cannot end the record or start a field.
            for line in text.splitlines():
                ok = line == "" or line == "ER  - " or re.fullmatch(r"[A-Z][A-Z0-9]  - .+", line)
                report.check(bool(ok), f"{url}: RIS line {line!r}")
            report.check(text.count("ER  - ") == text.count("TY  - "), f"{url}: RIS records")
        if fmt == "bibtex":
            # Read back by real BibTeX: no error or warning, every entry keeps its title.
            entries, _names, log = run_bibtex(text)
            report.check(not log_problems(log), f"{url}: BibTeX log {log_problems(log)}")
            report.check(
                bool(entries) and all(tag in e.get("title", "") for e in entries.values()),
                f"{url}: BibTeX read {entries}",
            )
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


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_xss_wordpress_import(client, tree, tmp_path, payload, no_network):
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
    # report.html above fails on any event-handler attribute, the imported onclick too.
    listing = get(client, tree["index"]["en"].url).content.decode()
    report.html("index of imports", listing, payload)
    for field in ("title", "summary", "author"):
        report.check(escape(stored[field]) in listing, f"imported listing: {field} not shown")
    feed = _feed_texts(ET.fromstring(get(client, "/feeds/en/atom/").content))
    report.check(
        _plain(stored["title"]) in feed and _plain(stored["category"]) in feed, "imported feed"
    )
    report.assert_clean()


RLO = "\u202e"


def test_right_to_left_overrides_stay_inside_their_name_or_title(client, tree, authors_index):
    """A right-to-left override typed into a name, title or label cannot reorder the
    words after it: each sits in its own isolate (<bdi> in HTML, U+2068…U+2069 in plain
    text such as feed titles and attributes)."""
    from ankasam_pubs.models import Series
    from tests.factories import analysis, author, term

    person = author("rlo", display_name_en=f"Ayşe {RLO}exe.txt")
    series = term(Series, "rlo-series", name_en=f"Series {RLO}gnp")
    page = analysis(
        tree["index"]["en"],
        f"Gas {RLO}fdp.exe",
        authors=[person],
        series=series,
        series_number=f"2023{RLO}/14",
    )
    html = get(client, page.url).content.decode()
    assert f"<bdi>Ayşe {RLO}exe.txt</bdi>" in html  # byline
    assert f"<bdi>Series {RLO}gnp</bdi> <bdi>2023{RLO}/14</bdi>" in html  # header
    assert f"<i><bdi>Gas {RLO}fdp.exe</bdi></i>" in html  # cite box
    assert f'<h1 class="ap-title" dir="auto">Gas {RLO}fdp.exe</h1>' in html
    listing = get(client, tree["index"]["en"].url).content.decode()
    assert f"<bdi>Ayşe {RLO}exe.txt</bdi>" in listing
    profile = get(client, authors_index["en"].url + "rlo/").content.decode()
    assert f"\u2068Ayşe {RLO}exe.txt\u2069" in profile  # the feed link's title attribute
    feed = get(client, "/feeds/en/series/rlo-series/rss/").content.decode()
    assert f"\u2068Series {RLO}gnp\u2069" in feed


def test_an_attribute_breakout_is_seen_by_the_check():
    """The control for the attribute-only payload: written unescaped into a quoted
    attribute, it gives the element event handlers, which the report names."""
    report = Report()
    (payload,) = [p for p in PAYLOADS if p.name == "attribute-only"]
    report.html("control", f'<a title="{payload.text}" href="/">x</a>', payload)
    assert any("event-handler attributes ['onclick'" in f for f in report.failures)
    report = Report()
    report.html("control", f"<a title='{payload.text}' href='/'>x</a>", payload)
    assert any("'onfocus'" in f for f in report.failures)
