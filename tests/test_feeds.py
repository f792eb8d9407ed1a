"""Site-wide RSS 2.0 and Atom 1.0 feeds: per language, per series/topic/region/author."""

from __future__ import annotations

import datetime
import html
import sys
import types
from xml.etree import ElementTree

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from ankasam_pubs.models import (
    AnalysisAuthor,
    AnalysisIndexPage,
    AuthorRole,
    Region,
    Series,
    Topic,
)
from ankasam_pubs.seo import feeds
from tests import factories as f

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
FORMATS = ("rss", "atom")
XSS = """<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>"""
PLAIN_XSS = """alert("x") & 'quoted'"""


def url(language: str, feed_format: str, kind: str | None = None, slug: str = "") -> str:
    if kind is None:
        return f"/feeds/{language}/{feed_format}/"
    return f"/feeds/{language}/{kind}/{slug}/{feed_format}/"


def fetch(client, address: str):
    """The response, its feedparser result (checked well-formed) and its XML tree."""
    response = client.get(address)
    assert response.status_code == 200, address
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (address, parsed.get("bozo_exception"))
    return response, parsed, ElementTree.fromstring(response.content)


def titles(client, address: str) -> list[str]:
    _response, parsed, _xml = fetch(client, address)
    return [entry.title for entry in parsed.entries]


def rss_items(xml) -> list:
    return xml.findall("channel/item")


@pytest.fixture
def corpus(tree):
    """Classified analyses in English, one translated into Turkish."""
    energy = f.term(Topic, "energy", name_tr="Enerji")
    security = f.term(Topic, "security", name_tr="Güvenlik")
    caucasus = f.term(Region, "caucasus", name_tr="Kafkasya")
    commentary = f.term(Series, "commentary", name_tr="Yorum")
    report = f.term(Series, "report", name_tr="Rapor")
    ayse = f.author("ayse-yilmaz", display_name_en="Ayse Yilmaz", display_name_tr="Ayşe Yılmaz")
    ivan = f.author("ivan-petrov", display_name_en="Ivan Petrov", display_name_tr="İvan Petrov")
    pipelines = f.analysis(
        tree["index"]["en"],
        "Pipelines",
        slug="pipelines",
        date=datetime.date(2024, 3, 1),
        summary="Gas routes.",
        series=commentary,
        topics=[energy],
        regions=[caucasus],
        authors=[ayse, ivan],
    )
    borders = f.analysis(
        tree["index"]["en"],
        "Borders",
        slug="borders",
        date=datetime.date(2024, 2, 1),
        series=report,
        topics=[security],
        authors=[ivan],
    )
    grids = f.analysis(
        tree["index"]["en"],
        "Grids",
        slug="grids",
        date=datetime.date(2024, 1, 1),
        topics=[energy, security],
    )
    boru = f.translate(pipelines, tree["locales"]["tr"], title="Boru hatları", slug="boru-hatlari")
    return {
        "pipelines": pipelines,
        "borders": borders,
        "grids": grids,
        "boru": boru,
        "ayse": ayse,
        "ivan": ivan,
    }


# -- documents, structure and headers --------------------------------------------------------
@pytest.mark.parametrize("feed_format", FORMATS)
def test_headers(client, corpus, feed_format):
    response = client.get(url("en", feed_format))
    assert response["Content-Type"] == f"application/{feed_format}+xml; charset=utf-8"
    assert response["Content-Language"] == "en"
    assert "max-age=300" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert client.get(url("tr", feed_format))["Content-Language"] == "tr"
    assert client.post(url("en", feed_format)).status_code == 405


def test_rss_structure(client, corpus):
    _response, parsed, xml = fetch(client, url("en", "rss"))
    assert xml.tag == "rss" and xml.get("version") == "2.0"
    channel = xml.find("channel")
    assert channel.findtext("title") == "Analyses — Ankasam Demo Centre"
    assert channel.findtext("link") == "http://localhost/en/analysis/"
    assert channel.findtext("description") == "Latest analyses published by Ankasam Demo Centre"
    assert channel.findtext("language") == "en"
    assert channel.findtext("ttl") == "5"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == "http://localhost/feeds/en/rss/"
    items = rss_items(xml)
    assert [item.findtext("title") for item in items] == ["Pipelines", "Borders", "Grids"]
    first = items[0]
    assert first.findtext("link") == "http://localhost/en/analysis/pipelines/"
    assert first.findtext("description") == "Gas routes."
    guid = first.find("guid")
    assert guid.get("isPermaLink") == "false" and guid.text.startswith("urn:uuid:")
    assert len({item.findtext("guid") for item in items}) == 3
    assert [c.text for c in first.findall("category")] == ["Commentary", "Energy", "Caucasus"]
    assert [c.text for c in first.findall(f"{DC}creator")] == ["Ayse Yilmaz", "Ivan Petrov"]
    assert first.findtext("pubDate").startswith("Fri, 01 Mar 2024 ")
    # An item without a summary has no empty description.
    assert items[2].find("description") is None
    assert parsed.version == "rss20"
    assert [a.name for a in parsed.entries[0].authors] == ["Ayse Yilmaz", "Ivan Petrov"]


def test_atom_structure(client, corpus):
    _response, parsed, xml = fetch(client, url("en", "atom"))
    assert xml.tag == f"{ATOM}feed"
    assert xml.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert xml.findtext(f"{ATOM}title") == "Analyses — Ankasam Demo Centre"
    assert xml.findtext(f"{ATOM}id") == "http://localhost/feeds/en/atom/"
    assert xml.findtext(f"{ATOM}updated")
    assert xml.findtext(f"{ATOM}author/{ATOM}name") == "Ankasam Demo Centre"
    links = {link.get("rel"): link.get("href") for link in xml.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://localhost/en/analysis/",
        "self": "http://localhost/feeds/en/atom/",
    }
    entries = xml.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Pipelines", "Borders", "Grids"]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}published")
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://localhost/en/analysis/pipelines/"
    summary = first.find(f"{ATOM}summary")
    assert summary.get("type") == "text" and summary.text == "Gas routes."
    assert [a.findtext(f"{ATOM}name") for a in first.findall(f"{ATOM}author")] == [
        "Ayse Yilmaz",
        "Ivan Petrov",
    ]
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == [
        "Commentary",
        "Energy",
        "Caucasus",
    ]
    assert parsed.version == "atom10"
    assert [tag.term for tag in parsed.entries[0].tags] == ["Commentary", "Energy", "Caucasus"]


def test_rss_and_atom_carry_the_same_items(client, corpus):
    _r, rss, _x = fetch(client, url("en", "rss"))
    _r, atom, _x = fetch(client, url("en", "atom"))
    assert [(e.title, e.link, e.id) for e in rss.entries] == [
        (e.title, e.link, e.id) for e in atom.entries
    ]


def test_an_empty_feed_is_still_valid(client, tree):
    for feed_format in FORMATS:
        _response, parsed, _xml = fetch(client, url("ru", feed_format))
        assert parsed.entries == []


def test_site_name_when_no_organisation_is_set(client, tree, settings):
    settings.ANKASAM_PUBS = {}
    site = tree["home"]["en"].get_site()
    _r, parsed, xml = fetch(client, url("en", "atom"))
    assert parsed.feed.title == "Analyses"
    assert xml.findtext(f"{ATOM}author/{ATOM}name") == "localhost"  # the Wagtail Site host
    site.site_name = "Centre <&> Site"
    site.save()
    _r, parsed, xml = fetch(client, url("en", "atom"))
    assert parsed.feed.title == "Analyses — Centre <&> Site"
    assert xml.findtext(f"{ATOM}author/{ATOM}name") == "Centre <&> Site"


# -- dates and identifiers -------------------------------------------------------------------
def test_dates_come_from_publication_date_and_revisions(client, tree):
    page = f.analysis(tree["index"]["en"], "Dated", date=datetime.date(2023, 5, 17))
    first = timezone.localtime(page.first_published_at)
    _r, _p, xml = fetch(client, url("en", "atom"))
    entry = xml.find(f"{ATOM}entry")
    published = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    assert published.date() == datetime.date(2023, 5, 17)
    assert published.time().replace(microsecond=0) == first.time().replace(microsecond=0)
    # Published on the day it is dated: the very moment of first publication.
    today = f.analysis(tree["index"]["en"], "Today", date=timezone.localdate())
    moment = feeds.published_at(today.publication_date, today.first_published_at)
    assert abs(moment - today.first_published_at) < datetime.timedelta(seconds=1)
    # Never published (imported content): midnight of the date.
    midnight = feeds.published_at(datetime.date(2020, 1, 2), None)
    assert timezone.localtime(midnight).time() == datetime.time.min
    # A new revision moves "updated", not "published".
    page.title = "Dated, revised"
    page.save_revision().publish()
    page.refresh_from_db()
    _r, _p, xml = fetch(client, url("en", "atom"))
    entry = next(
        e for e in xml.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Dated, revised"
    )
    updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    assert abs(updated - page.last_published_at) < datetime.timedelta(seconds=1)
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == published


def test_guid_survives_a_new_slug_and_differs_per_language(client, corpus):
    def guids(language):
        _r, parsed, _x = fetch(client, url(language, "rss"))
        return {entry.title: entry.id for entry in parsed.entries}

    before = guids("en")["Pipelines"]
    page = corpus["pipelines"]
    page.slug = "pipelines-renamed"
    page.save_revision().publish()
    after = guids("en")
    assert after["Pipelines"] == before
    assert guids("tr")["Boru hatları"] not in after.values()
    assert feeds.item_guid(page.translation_key, "en") == before


# -- what is listed --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "hide",
    ["draft", "password", "login", "groups", "private_section", "expire_at", "expired", "alias"],
)
def test_hidden_analyses_never_appear(client, tree, hide):
    f.analysis(tree["index"]["en"], "Visible")
    if hide == "draft":
        f.analysis(tree["index"]["en"], "Hidden", live=False)
    elif hide in ("password", "login", "groups"):
        f.restrict(f.analysis(tree["index"]["en"], "Hidden"), hide)
    elif hide == "private_section":
        section = tree["home"]["en"].add_child(
            instance=AnalysisIndexPage(
                title="Members", slug="members", locale=tree["locales"]["en"]
            )
        )
        section.save_revision().publish()
        f.analysis(section, "Hidden")
        f.restrict(section, PageViewRestriction.LOGIN)
    elif hide == "expire_at":  # expired, before publish_scheduled has run
        page = f.analysis(tree["index"]["en"], "Hidden")
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()
        assert page.live
    elif hide == "expired":
        page = f.analysis(tree["index"]["en"], "Hidden")
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()
        call_command("publish_scheduled", verbosity=0)
    elif hide == "alias":
        # An alias in the English tree of an English page: the same text twice.
        section = tree["home"]["en"].add_child(
            instance=AnalysisIndexPage(title="Mirror", slug="mirror", locale=tree["locales"]["en"])
        )
        section.save_revision().publish()
        original = f.analysis(tree["index"]["en"], "Original")
        original.create_alias(parent=section, update_slug="original-alias")
    for feed_format in FORMATS:
        shown = titles(client, url("en", feed_format))
        assert "Hidden" not in shown and "Visible" in shown
        if hide == "alias":
            assert shown.count("Original") == 1


def test_an_alias_in_another_language_is_not_a_translation(client, tree):
    page = f.analysis(tree["index"]["en"], "Mirrored")
    alias = page.copy_for_translation(tree["locales"]["tr"], alias=True)
    assert alias.live and alias.alias_of_id == page.pk
    assert titles(client, url("tr", "rss")) == []


def test_each_language_lists_only_its_own_pages(client, corpus):
    assert titles(client, url("en", "rss")) == ["Pipelines", "Borders", "Grids"]
    assert titles(client, url("tr", "rss")) == ["Boru hatları"]
    assert titles(client, url("ru", "atom")) == []


def test_turkish_feed_speaks_turkish(client, corpus, authors_index):
    _r, parsed, xml = fetch(client, url("tr", "rss"))
    channel = xml.find("channel")
    # Exact wording is the translators' (the organisation's name stays as it is).
    assert channel.findtext("title").startswith("Analizler")
    assert "Ankasam Demo Centre" in channel.findtext("title")
    assert channel.findtext("link") == "http://localhost/tr/analizler/"
    assert channel.findtext("language") == "tr"
    item = rss_items(xml)[0]
    assert item.findtext("title") == "Boru hatları"
    assert item.findtext("link") == "http://localhost/tr/analizler/boru-hatlari/"
    assert [c.text for c in item.findall("category")] == ["Yorum", "Enerji", "Kafkasya"]
    assert [c.text for c in item.findall(f"{DC}creator")] == ["Ayşe Yılmaz", "İvan Petrov"]
    _r, parsed, xml = fetch(client, url("tr", "atom"))
    entry = xml.find(f"{ATOM}entry")
    assert [a.findtext(f"{ATOM}uri") for a in entry.findall(f"{ATOM}author")] == [
        "http://localhost/tr/yazarlar/ayse-yilmaz/",
        "http://localhost/tr/yazarlar/ivan-petrov/",
    ]
    assert parsed.feed.language == "tr"
    # The language of the request does not leak into the feed, nor the feed's into it.
    assert titles(client, url("en", "rss"))[0] == "Pipelines"
    _r, _p, xml = fetch(client, url("en", "rss"))
    assert [c.text for c in rss_items(xml)[0].findall("category")][0] == "Commentary"


def test_credits_in_order_translators_as_contributors(client, tree):
    first = f.author("first-writer")
    second = f.author("second-writer")
    translator = f.author("the-translator")
    page = f.analysis(tree["index"]["en"], "Credited", authors=[second, first])
    page.analysis_authors.add(
        AnalysisAuthor(author=translator, role=AuthorRole.TRANSLATOR, sort_order=5)
    )
    page.save_revision().publish()
    _r, parsed, xml = fetch(client, url("en", "atom"))
    entry = xml.find(f"{ATOM}entry")
    assert [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")] == [
        "Second Writer",
        "First Writer",
    ]
    assert [c.findtext(f"{ATOM}name") for c in entry.findall(f"{ATOM}contributor")] == [
        "The Translator"
    ]
    # Without an authors index, no profile address is invented.
    assert entry.find(f"{ATOM}author/{ATOM}uri") is None
    _r, _p, xml = fetch(client, url("en", "rss"))
    item = rss_items(xml)[0]
    assert [c.text for c in item.findall(f"{DC}creator")] == ["Second Writer", "First Writer"]
    assert [c.text for c in item.findall(f"{DC}contributor")] == ["The Translator"]


def test_newest_first_and_at_most_a_page(client, tree, monkeypatch):
    for day in (5, 1, 9, 3, 7):
        f.analysis(tree["index"]["en"], f"Day {day}", date=datetime.date(2024, 6, day))
    assert titles(client, url("en", "rss")) == ["Day 9", "Day 7", "Day 5", "Day 3", "Day 1"]
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    assert titles(client, url("en", "atom")) == ["Day 9", "Day 7", "Day 5"]
    assert feeds.FEED_SIZE == 3 and len(titles(client, url("en", "rss"))) == 3


def test_feed_size_is_fifty():
    assert feeds.FEED_SIZE == 50


# -- filtered feeds --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kind, slug, expected, link",
    [
        ("series", "commentary", ["Pipelines"], "http://localhost/en/analysis/?series=commentary"),
        ("topic", "energy", ["Pipelines", "Grids"], "http://localhost/en/analysis/?topic=energy"),
        ("topic", "security", ["Borders", "Grids"], "http://localhost/en/analysis/?topic=security"),
        ("region", "caucasus", ["Pipelines"], "http://localhost/en/analysis/?region=caucasus"),
        ("author", "ivan-petrov", ["Pipelines", "Borders"], "http://localhost/en/analysis/"),
    ],
)
@pytest.mark.parametrize("feed_format", FORMATS)
def test_filtered_feeds(client, corpus, kind, slug, expected, link, feed_format):
    _response, parsed, _xml = fetch(client, url("en", feed_format, kind, slug))
    assert [entry.title for entry in parsed.entries] == expected
    assert parsed.feed.link == link
    own = f"http://localhost/feeds/en/{kind}/{slug}/{feed_format}/"
    assert any(link.href == own and link.rel == "self" for link in parsed.feed.links)


def test_filtered_feed_titles(client, corpus, authors_index):
    _r, parsed, _x = fetch(client, url("en", "rss", "series", "commentary"))
    # Names sit in the title as bidirectional isolates (U+2068 … U+2069).
    assert parsed.feed.title == "Analyses: \u2068Commentary\u2069 — Ankasam Demo Centre"
    assert parsed.feed.description == "Latest analyses in the series \u2068Commentary\u2069"
    _r, parsed, _x = fetch(client, url("tr", "rss", "topic", "energy"))
    assert "Enerji" in parsed.feed.title and "Energy" not in parsed.feed.title
    assert "Enerji" in parsed.feed.description
    assert [entry.title for entry in parsed.entries] == ["Boru hatları"]
    _r, parsed, xml = fetch(client, url("tr", "atom", "author", "ayse-yilmaz"))
    assert parsed.feed.title.startswith("\u2068Ayşe Yılmaz\u2069 imzalı analizler")
    assert parsed.feed.link == "http://localhost/tr/yazarlar/ayse-yilmaz/"
    assert xml.findtext(f"{ATOM}author/{ATOM}name") == "Ayşe Yılmaz"
    _r, parsed, _x = fetch(client, url("en", "atom", "region", "caucasus"))
    assert parsed.feed.subtitle == "Latest analyses on the region \u2068Caucasus\u2069"


def test_an_author_credited_twice_is_listed_once(client, tree):
    person = f.author("double")
    page = f.analysis(tree["index"]["en"], "Twice", authors=[person])
    page.analysis_authors.add(
        AnalysisAuthor(author=person, role=AuthorRole.TRANSLATOR, sort_order=1)
    )
    page.save_revision().publish()
    assert titles(client, url("en", "rss", "author", "double")) == ["Twice"]


@pytest.mark.parametrize(
    "address",
    [
        "/feeds/de/rss/",  # a language of the host's settings, but no Wagtail locale
        "/feeds/xx/atom/",
        "/feeds/en/json/",
        "/feeds/en/tag/energy/rss/",
        "/feeds/en/series/nothing/rss/",
        "/feeds/en/topic/nothing/atom/",
        "/feeds/en/region/nothing/rss/",
        "/feeds/en/author/nobody/atom/",
        "/feeds/xx/topic/energy/rss/",
        "/feeds/en/topic/energy/",
    ],
)
def test_unknown_feeds_are_404(client, corpus, address):
    assert not Locale.objects.filter(language_code="de").exists()
    # The demo's LocaleMiddleware retries any 404 outside i18n_patterns under /en/
    # (where Wagtail's catch-all lives): the reader still ends on a 404.
    response = client.get(address, follow=True)
    assert response.status_code == 404
    assert all(hop == f"/en{address}" for hop, _status in response.redirect_chain)


# -- escaping --------------------------------------------------------------------------------
def test_markup_typed_by_editors_stays_text(client, tree, authors_index):
    person = f.author("evil", display_name_en='Eve <b onmouseover="x">"Evil"</b>')
    topic = f.term(Topic, "xss", name_en="<i>Topic</i> & co")
    f.analysis(tree["index"]["en"], XSS, summary=XSS, authors=[person], topics=[topic])
    for feed_format in FORMATS:
        response, parsed, xml = fetch(client, url("en", feed_format))
        body = response.content.decode()
        assert "<script" not in body and "<img" not in body and "<b " not in body
        entry = parsed.entries[0]
        # Titles, names and labels are plain text: what looks like markup is left out
        # (RSS readers render titles as HTML), the summary is kept as typed.
        assert entry.title == PLAIN_XSS
        assert entry.author_detail.name == 'Eve "Evil"'
        assert [tag.term for tag in entry.tags] == ["Topic & co"]
        if feed_format == "rss":
            item = rss_items(xml)[0]
            assert item.findtext("title") == PLAIN_XSS
            # <description> is HTML to a reader: the text is escaped once more.
            assert item.findtext("description") == html.escape(XSS)
            assert html.unescape(entry.summary) == XSS
            assert item.findtext(f"{DC}creator") == 'Eve "Evil"'
        else:
            entry_xml = xml.find(f"{ATOM}entry")
            assert entry_xml.findtext(f"{ATOM}title") == PLAIN_XSS
            assert entry_xml.find(f"{ATOM}summary").get("type") == "text"
            assert entry_xml.findtext(f"{ATOM}summary") == XSS
            assert entry.summary == XSS


def test_control_characters_do_not_break_a_feed(client, tree):
    f.analysis(tree["index"]["en"], "Bell\x07 title", summary="Pasted\x0b from\x1f Word")
    for feed_format in FORMATS:
        _response, parsed, _xml = fetch(client, url("en", feed_format))
        assert parsed.entries[0].title == "Bell title"
        assert "Pasted from Word" in html.unescape(parsed.entries[0].summary)


# -- cost ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "address", [url("en", "rss"), url("en", "atom"), url("en", "atom", "topic", "energy")]
)
def test_query_count_does_not_grow_with_items(client, tree, authors_index, address):
    energy = f.term(Topic, "energy")
    caucasus = f.term(Region, "caucasus")
    commentary = f.term(Series, "commentary")
    people = [f.author() for _ in range(3)]

    def add(count):
        for _ in range(count):
            f.analysis(
                tree["index"]["en"],
                series=commentary,
                topics=[energy],
                regions=[caucasus],
                authors=people,
            )

    def count_queries():
        client.get(address)  # warm per-process caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address)
        assert response.status_code == 200
        return len(captured), len(feedparser.parse(response.content).entries)

    add(3)
    few, shown = count_queries()
    assert shown == 3
    add(9)
    many, shown = count_queries()
    assert shown == 12
    assert many == few


# -- autodiscovery ---------------------------------------------------------------------------
def test_feed_links_of_an_analysis(corpus):
    links = feeds.feed_links(corpus["pipelines"])
    assert [(link.title, link.url, link.mime_type) for link in links] == [
        ("Analyses (RSS)", "/feeds/en/rss/", "application/rss+xml"),
        ("Analyses (Atom)", "/feeds/en/atom/", "application/atom+xml"),
        (
            "Analyses: \u2068Commentary\u2069 (RSS)",
            "/feeds/en/series/commentary/rss/",
            "application/rss+xml",
        ),
        (
            "Analyses: \u2068Commentary\u2069 (Atom)",
            "/feeds/en/series/commentary/atom/",
            "application/atom+xml",
        ),
    ]
    # No series: the language's feeds only.
    assert [link.url for link in feeds.feed_links(corpus["grids"])] == [
        "/feeds/en/rss/",
        "/feeds/en/atom/",
    ]


def test_feed_links_follow_the_pages_language(corpus):
    links = feeds.feed_links(corpus["boru"])
    assert [link.url for link in links] == [
        "/feeds/tr/rss/",
        "/feeds/tr/atom/",
        "/feeds/tr/series/commentary/rss/",
        "/feeds/tr/series/commentary/atom/",
    ]
    assert "Analizler" in links[0].title and "RSS" in links[0].title
    assert "Atom" in links[1].title
    assert "Yorum" in links[2].title and "Commentary" not in links[2].title


def test_feed_links_of_an_index_and_other_pages(tree):
    assert [link.url for link in feeds.feed_links(tree["index"]["ru"])] == [
        "/feeds/ru/rss/",
        "/feeds/ru/atom/",
    ]
    assert feeds.feed_links(tree["home"]["en"]) == []


def test_feed_links_without_the_apps_urls(tree, settings, monkeypatch):
    urlconf = types.ModuleType("urls_without_feeds")
    urlconf.urlpatterns = []
    monkeypatch.setitem(sys.modules, urlconf.__name__, urlconf)
    settings.ROOT_URLCONF = urlconf.__name__
    assert feeds.feed_links(tree["index"]["en"]) == []


def test_feed_links_template(client, corpus):
    links = feeds.feed_links(corpus["pipelines"])
    rendered = render_to_string(
        "ankasam_pubs/includes/feed_links.html", {"feed_links": links}
    ).strip()
    lines = rendered.splitlines()
    assert lines[0] == (
        '<link rel="alternate" type="application/rss+xml" title="Analyses (RSS)" '
        'href="/feeds/en/rss/">'
    )
    assert len(lines) == 4
    assert 'type="application/atom+xml"' in lines[1]
    # The links lead to working feeds.
    for link in links:
        assert client.get(link.url).status_code == 200
    assert render_to_string("ankasam_pubs/includes/feed_links.html", {}).strip() == ""


def test_feed_link_titles_are_escaped_in_the_template(tree):
    series = f.term(Series, "quoted", name_en='"Quoted" <Series>')
    page = f.analysis(tree["index"]["en"], "Q", series=series)
    rendered = render_to_string(
        "ankasam_pubs/includes/feed_links.html", {"feed_links": feeds.feed_links(page)}
    )
    # The name is escaped in the attribute, isolated, and what looks like markup is out.
    assert 'title="Analyses: \u2068&quot;Quoted&quot;\u2069 (Atom)"' in rendered
    assert "<Series>" not in rendered and "&lt;Series&gt;" not in rendered


def test_doi_is_an_identifier_in_both_formats(client, tree):
    f.analysis(tree["index"]["en"], "With DOI", doi="https://doi.org/10.12345/ankasam.2023.14")
    f.analysis(tree["index"]["en"], "Without DOI", date=datetime.date(2000, 1, 1))
    _r, _p, xml = fetch(client, url("en", "rss"))
    items = rss_items(xml)
    assert items[0].findtext(f"{DC}identifier") == "https://doi.org/10.12345/ankasam.2023.14"
    assert items[1].find(f"{DC}identifier") is None
    _r, _p, xml = fetch(client, url("en", "atom"))
    entries = xml.findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{DC}identifier") == "https://doi.org/10.12345/ankasam.2023.14"
    assert entries[1].find(f"{DC}identifier") is None
    assert feeds.doi_url("doi:10.1002/(SICI)49:8<693::AID>3.0.CO;2-O") == (
        "https://doi.org/10.1002/%28SICI%2949%3A8%3C693%3A%3AAID%3E3.0.CO%3B2-O"
    )
    assert feeds.doi_url("") is None
