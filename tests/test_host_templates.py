"""The app's pages inside a host's own base template, and the language switcher."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Site

from ankasam_pubs.translations.switcher import switcher_links
from tests import factories as f
from tests.html import Doc

pytestmark = pytest.mark.django_db

HOST_TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = "/static/ankasam_pubs/css/ankasam_pubs.css"
FIX = "{% load ankasam_pubs_tags %}{% ankasam_pubs_head %}"


@pytest.fixture
def host_base(settings):
    """Point BASE_TEMPLATE at one of the host templates in tests/templates/host/."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [HOST_TEMPLATES, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates

    def use(name: str) -> None:
        # override_settings replaces the whole dict: change one key of a copy.
        settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "BASE_TEMPLATE": f"host/{name}"}

    return use


@pytest.fixture
def arabic(tree):
    """Arabic home and analysis index, like the other languages of the tree."""
    locale = Locale.objects.create(language_code="ar")
    home = f.translate(tree["home"]["en"], locale)
    index = f.translate(tree["index"]["en"], locale, title="تحليلات", slug="tahlilat")
    return {"locale": locale, "home": home, "index": index}


def head_and_body(html: str):
    soup = BeautifulSoup(html, "html.parser")
    return soup.head, soup.body


def analysis_with_everything(tree):
    series = f.term(f.Series, "briefs")
    page = f.analysis(tree["index"]["en"], "Grain corridors", series=series)
    f.translate(page, tree["locales"]["tr"], title="Tahıl koridorları")
    return page


# -- the head in a host's base template ----------------------------------------------------
def test_an_analysis_in_a_host_base_template_keeps_its_head_and_its_styles(
    client, tree, host_base, settings, caplog
):
    host_base("base.html")
    settings.DEBUG = True
    page = analysis_with_everything(tree)
    with caplog.at_level(logging.WARNING, logger="ankasam_pubs"):
        html = client.get(page.url).content.decode()
    head, body = head_and_body(html)
    doc = Doc(str(head))
    links = {(link["rel"], link.get("hreflang"), link["href"]) for link in doc.links}
    assert ("stylesheet", None, STYLESHEET) in links
    assert ("canonical", None, f"http://localhost{page.url}") in links
    assert ("alternate", "tr", "http://localhost/tr/analizler/" + page.slug + "/") in links
    assert doc.values("citation_title") == ["Grain corridors"]
    assert [item["headline"] for item in doc.json_ld()] == ["Grain corridors"]
    assert any(link.get("type") == "application/rss+xml" for link in doc.links)
    scripts = [script["src"] for script in head.select("script[src]")]
    assert "/static/ankasam_pubs/js/notes.js" in scripts
    # The host's <body> has none of our classes; the content's own wrapper has.
    assert body["class"] == ["host-body", "ap-analysis"]
    wrapper = body.select_one(".host-layout > .ankasam-pubs")
    assert wrapper is not None and wrapper.select_one("article.ap-article")
    assert (wrapper["lang"], wrapper["dir"]) == ("en", "ltr")
    # The head is there: no development warning (the control of the test below).
    assert not [r for r in caplog.records if r.name.startswith("ankasam_pubs")]


def test_every_page_type_puts_its_head_through_the_tag(client, tree, authors_index, host_base):
    host_base("base.html")
    profile = f.author("ada-lovelace", display_name_en="Ada Lovelace")
    f.analysis(tree["index"]["en"], authors=[profile])
    pages = {
        tree["index"]["en"].url: "ap-index",
        authors_index["en"].url: "ap-authors",
        authors_index["en"].url + "ada-lovelace/": "ap-profile",
    }
    for url, kind in pages.items():
        head, body = head_and_body(client.get(url).content.decode())
        hreflangs = {link.get("hreflang") for link in head.select("link[rel=alternate]")}
        assert {"en", "tr", "x-default"} <= hreflangs, url
        assert head.select_one(f"link[rel=stylesheet][href='{STYLESHEET}']"), url
        assert body.select_one(f".host-layout > .ankasam-pubs.{kind}[lang=en][dir=ltr]"), url
    head, _body = head_and_body(client.get(authors_index["en"].url + "ada-lovelace/").content)
    assert head.select_one("link[type='application/atom+xml']")["href"].endswith("/feed/")
    assert Doc(str(head)).json_ld()[0]["name"] == "Ada Lovelace"


def test_an_arabic_page_is_right_to_left_under_a_host_html_lang_en(client, tree, arabic, host_base):
    host_base("base.html")
    page = f.analysis(arabic["index"], "ممرات الحبوب")
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "en"  # the host's, fixed
    wrapper = soup.select_one(".host-layout > .ankasam-pubs")
    assert (wrapper["lang"], wrapper["dir"]) == ("ar", "rtl")


@pytest.mark.parametrize("debug", [True, False])
def test_a_base_template_without_the_tag_warns_in_development(
    client, tree, authors_index, host_base, settings, caplog, debug
):
    host_base("base_without_head.html")
    settings.DEBUG = debug
    page = f.analysis(tree["index"]["en"])
    urls = [page.url, tree["index"]["en"].url, authors_index["en"].url]
    for url in urls:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="ankasam_pubs"):
            html = client.get(url).content.decode()
        assert 'rel="canonical"' not in html and STYLESHEET not in html
        warnings = [r.getMessage() for r in caplog.records if r.name.startswith("ankasam_pubs")]
        if not debug:
            assert warnings == [], url
            continue
        assert len(warnings) == 1, url
        assert "'host/base_without_head.html'" in warnings[0]
        assert FIX in warnings[0] and "<head>" in warnings[0]


def test_our_own_base_template_uses_the_tag(client, tree, settings, caplog):
    settings.DEBUG = True
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "BASE_TEMPLATE": "ankasam_pubs/base.html"}
    page = f.analysis(tree["index"]["en"])
    with caplog.at_level(logging.WARNING, logger="ankasam_pubs"):
        html = client.get(page.url).content.decode()
    assert html.count(STYLESHEET) == 1 and html.count('rel="canonical"') == 1
    assert not [r for r in caplog.records if r.name.startswith("ankasam_pubs")]


def test_on_other_pages_the_tag_gives_only_the_stylesheet(settings):
    template = Template("{% load ankasam_pubs_tags %}{% ankasam_pubs_head %}")
    context = {"page": Page(title="Host page"), "alternates": [("en", "/x/")]}
    stylesheet = f'<link rel="stylesheet" href="{STYLESHEET}">'
    assert template.render(Context(context)).strip() == stylesheet
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "STYLESHEET": None}
    assert template.render(Context(context)).strip() == ""


# -- the language switcher -----------------------------------------------------------------
def switcher(html: str) -> dict[str, tuple[str, bool]]:
    """Language code -> (link, is current) of the switcher in a page's header."""
    soup = BeautifulSoup(html, "html.parser")
    nav = soup.select_one(".site-header nav.ap-language-switcher")
    return {
        a["hreflang"]: (a["href"], a.get("aria-current") == "page")
        for a in nav.select("a[hreflang]")
    }


def test_switcher_links_live_translations_else_the_language_home(client, tree):
    page = f.analysis(tree["index"]["en"], "Grain corridors")
    turkish = f.translate(page, tree["locales"]["tr"], title="Tahıl koridorları")
    f.translate(page, tree["locales"]["ru"], title="Черновик", live=False)
    # Arabic has no locale at all: neither a translation nor a home, so it is left out.
    links = switcher(client.get(page.url).content.decode())
    assert links == {
        "en": (page.url, True),
        "tr": (turkish.url, False),
        "ru": (tree["home"]["ru"].url, False),  # the draft is never linked
    }
    # The header's switcher and the article's own agree.
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one(".ap-translations a[hreflang=tr]")["href"] == turkish.url
    # From the translation, back to the original.
    links_tr = switcher(client.get(turkish.url).content.decode())
    assert links_tr["en"] == (page.url, False) and links_tr["tr"] == (turkish.url, True)


def test_switcher_never_links_private_translations_or_aliases(client, tree):
    page = f.analysis(tree["index"]["en"])
    f.restrict(f.translate(page, tree["locales"]["tr"], title="Gizli"))
    page.copy_for_translation(tree["locales"]["ru"], alias=True)
    links = switcher(client.get(page.url).content.decode())
    assert links["tr"] == (tree["home"]["tr"].url, False)
    assert links["ru"] == (tree["home"]["ru"].url, False)


def test_switcher_on_a_host_page_and_on_an_author_profile(client, tree, authors_index, arabic):
    from home.models import StandardPage

    about = tree["home"]["en"].add_child(instance=StandardPage(title="About", slug="about"))
    about.save_revision().publish()
    about_tr = f.translate(about, tree["locales"]["tr"], title="Hakkında", slug="hakkinda")
    links = switcher(client.get(about.url).content.decode())
    assert links == {
        "en": (about.url, True),
        "tr": (about_tr.url, False),
        "ru": (tree["home"]["ru"].url, False),
        "ar": (arabic["home"].url, False),
    }
    f.author("ada-lovelace", display_name_en="Ada Lovelace")
    links = switcher(client.get("/en/authors/ada-lovelace/").content.decode())
    assert links["tr"] == ("/tr/yazarlar/ada-lovelace/", False)
    assert links["en"] == ("/en/authors/ada-lovelace/", True)
    assert links["ru"] == (tree["home"]["ru"].url, False)


def test_switcher_marks_the_language_by_its_own_name_and_direction(client, tree, arabic):
    page = f.analysis(tree["index"]["en"])
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    nav = soup.select_one("nav.ap-language-switcher")
    assert nav["aria-label"] == "Language"
    arabic_link = nav.select_one("a[hreflang=ar]")
    own_name = get_language_info("ar")["name_local"]
    assert (arabic_link.text, arabic_link["lang"], arabic_link["dir"]) == (own_name, "ar", "rtl")
    assert nav.select_one("a[hreflang=tr]").text == "Türkçe"
    assert [a["hreflang"] for a in nav.select("a[aria-current]")] == ["en"]


def test_switcher_queries_do_not_grow_with_languages_or_translations(tree, arabic):
    from home.models import StandardPage

    def queries(page) -> int:
        request = RequestFactory().get(page.url)
        Site.find_for_request(request)  # the site is found once per request anyway
        Page.objects.get(pk=tree["home"]["en"].pk).get_url(request)  # and its root paths
        with CaptureQueriesContext(connection) as captured:
            links = switcher_links(page, request)
        assert links
        return len(captured)

    one = tree["home"]["en"].add_child(instance=StandardPage(title="One", slug="one"))
    one.save_revision().publish()
    many = tree["home"]["en"].add_child(instance=StandardPage(title="Many", slug="many"))
    many.save_revision().publish()
    for code in ("tr", "ru"):
        f.translate(many, tree["locales"][code])
    f.translate(many, arabic["locale"])
    # Live translations, then the homes of the languages still missing.
    assert queries(one) == 2
    # Every language translated: no home needed.
    assert queries(many) == 1
