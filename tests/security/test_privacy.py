"""Privacy of drafts, revisions, previews, private pages and unpublished translations
on every URL a reader could type (tests/test_visibility.py holds the matrix of every
kind of secret against every public surface).
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backend

from ankasam_pubs.models import (
    AnalysisIndexPage,
    AnalysisPage,
    AuthorIndexPage,
    Region,
    Series,
    Topic,
)
from ankasam_pubs.similar import service
from tests.factories import (
    analysis,
    author,
    note_object,
    paragraphs,
    ref,
    restrict,
    source,
    term,
    translate,
)
from tests.html import Doc

from .common import LANGS, get, translate_url

pytestmark = pytest.mark.django_db


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


def test_translating_into_a_private_section_keeps_it_private(admin_client, tree):
    """Translating a page whose parent is untranslated creates the parent as a draft
    translation, which keeps the section's restriction and is served to nobody."""
    section = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(
            title="Section zqalias", slug="zqalias-index", locale=tree["locales"]["en"]
        )
    )
    section.save_revision().publish()
    restrict(section, PageViewRestriction.LOGIN)
    page = analysis(section, "Inside zqalias", slug="zqalias")
    response = admin_client.post(translate_url(page), {"locales": [tree["locales"]["tr"].pk]})
    assert response.status_code == 302
    copy = Page.objects.get(translation_key=section.translation_key, locale=tree["locales"]["tr"])
    assert not copy.live and copy.alias_of_id is None
    assert copy.get_view_restrictions().filter(restriction_type=PageViewRestriction.LOGIN)
    anonymous = Client()
    response = anonymous.get(copy.url)
    assert response.status_code == 404 and "zqalias" not in response.content.decode()
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
