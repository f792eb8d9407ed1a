"""HTTP caching of reader pages and front-end cache purges when an analysis changes."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils.cache import get_max_age
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from ankasam_pubs.caching.headers import CacheFacts, cache_control
from ankasam_pubs.caching.purge import analysis_urls, shared_content_urls
from ankasam_pubs.models import AuthorIndexPage, Series, Topic
from tests.factories import analysis, author, paragraphs, restrict, term, translate

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A front-end cache that only writes down what it was asked to purge."""

    def purge(self, url: str) -> None:
        PURGED.append(url)


FRONTEND_CACHE = {"recorder": {"BACKEND": "tests.test_caching.RecordingBackend"}}

ENERGY = "Gas pipelines, energy supply and winter storage: interconnectors carry the load."
ENERGY_2 = "Winter gas storage and pipeline interconnectors decide energy supply."
WATER = "Drought, irrigation and rivers: adaptation finance for water basins."
WATER_2 = "Irrigation water from rivers and drought adaptation finance."


@pytest.fixture(autouse=True)
def _clean():
    PURGED.clear()


# -- the decision, as a pure function -------------------------------------------------
def facts(**changes) -> CacheFacts:
    values = {
        "method": "GET",
        "status": 200,
        "preview": False,
        "live": True,
        "restricted": False,
        "authenticated": False,
    }
    values.update(changes)
    return CacheFacts(**values)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, {"public": True, "max_age": 300}),
        ({"method": "HEAD"}, {"public": True, "max_age": 300}),
        ({"preview": True}, {"private": True, "no_store": True}),
        ({"live": False}, {"private": True, "no_store": True}),
        ({"restricted": True}, {"private": True, "no_store": True}),
        ({"restricted": True, "authenticated": True}, {"private": True, "no_store": True}),
        ({"authenticated": True}, {"private": True, "no_cache": True}),
        ({"status": 404}, {}),
        ({"method": "POST"}, {}),
    ],
)
def test_cache_control_decision(changes, expected):
    assert cache_control(facts(**changes), 300, None) == expected


def test_shared_max_age_is_added_only_when_set():
    assert cache_control(facts(), 60, 86400) == {"public": True, "max_age": 60, "s_maxage": 86400}


# -- headers on real pages ------------------------------------------------------------
@pytest.fixture
def site(tree):
    en = tree["locales"]["en"]
    authors_index = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="authors", locale=en)
    )
    authors_index.save_revision().publish()
    writer = author("ayse-kaya", display_name_en="Ayşe Kaya")
    energy = term(Topic, "energy")
    page = analysis(
        tree["index"]["en"],
        "Gas and winter",
        body=paragraphs(f"<p>{ENERGY}</p>"),
        authors=[writer],
        topics=[energy],
    )
    versions = {"en": page}
    for code in ("tr", "ru"):
        versions[code] = translate(page, tree["locales"][code], title=f"Gas ({code})")
    return {**tree, "page": page, "versions": versions, "author": writer, "topic": energy}


def test_an_analysis_is_publicly_cacheable_with_language_and_etag(site):
    response = Client().get(site["versions"]["tr"].url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert get_max_age(response) == 300
    assert "Accept-Language" in response["Vary"]
    assert response["Content-Language"] == "tr"
    assert response["ETag"].startswith('"')


def test_a_matching_etag_is_answered_with_304_and_a_change_with_200(site):
    client = Client()
    url = site["page"].url
    etag = client.get(url)["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    page = site["page"]
    page.title = "Gas, winter and storage"
    page.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert b"Gas, winter and storage" in changed.content


@pytest.mark.parametrize("which", ["index", "home", "author", "cite"])
def test_other_reader_pages_are_cacheable_too(site, which):
    urls = {
        "index": site["index"]["en"].url,
        "home": site["home"]["en"].url,
        "author": "/en/authors/ayse-kaya/",
        "cite": site["page"].url + "cite/bibtex/",
    }
    response = Client().get(urls[which])
    assert response.status_code == 200, urls[which]
    assert "public" in response["Cache-Control"]
    assert response.has_header("ETag")


def test_a_signed_in_reader_gets_a_private_copy(site, admin_client):
    response = admin_client.get(site["page"].url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_private_page_is_never_stored(site, admin_user):
    restrict(site["page"], PageViewRestriction.LOGIN)
    client = Client()
    client.force_login(admin_user)
    response = client.get(site["page"].url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_a_draft_seen_through_the_admin_is_never_stored(site, admin_client):
    page = site["page"]
    page.title = "Unpublished working title"
    page.save_revision()
    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert b"Unpublished working title" in response.content
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


# -- front-end cache purge --------------------------------------------------------------
@pytest.fixture
def purging(settings):
    settings.WAGTAILFRONTENDCACHE = FRONTEND_CACHE
    settings.WAGTAILADMIN_BASE_URL = "http://localhost"


def test_publishing_purges_every_language_version_and_every_list(site, purging, commit):
    page = site["page"]
    with commit():
        page.save_revision().publish()
    purged = set(PURGED)
    base = "http://localhost"
    for code, version in site["versions"].items():
        assert base + version.url in purged, code
        assert base + version.url + "cite/chicago/" in purged
        assert base + version.url + "references/bibtex/" in purged
    # The lists in the analysis's language: home, index (and its filtered views).
    assert base + site["home"]["en"].url in purged
    index = base + site["index"]["en"].url
    assert {index, index + "?topic=energy", index + f"?year={page.publication_date.year}"} <= (
        purged
    )
    # Its author's profile and feed, the language's feeds, term feeds, sitemap, API.
    assert {
        base + "/en/authors/ayse-kaya/",
        base + "/en/authors/ayse-kaya/feed/",
        base + "/feeds/en/rss/",
        base + "/feeds/en/atom/",
        base + "/feeds/en/topic/energy/rss/",
        base + "/feeds/en/author/ayse-kaya/atom/",
        base + "/sitemap.xml",
        base + "/api/v2/analyses/?locale=en",
        base + "/api/v2/authors/?lang=en",
        base + f"/api/v2/analyses/{page.pk}/",
    } <= purged
    # Lists in other languages did not change: they are left in the cache.
    assert base + site["index"]["tr"].url not in purged
    assert base + "/feeds/tr/rss/" not in purged


def test_unpublishing_purges_the_same_lists(site, purging, commit):
    with commit():
        site["page"].unpublish()
    assert "http://localhost" + site["index"]["en"].url in PURGED
    assert "http://localhost" + site["versions"]["ru"].url in PURGED


def test_similar_posts_that_change_are_purged_and_unrelated_ones_are_not(
    tree, purging, commit, settings
):
    index = tree["index"]["en"]
    settings.WAGTAILFRONTENDCACHE = {}
    with commit():
        older = analysis(index, "Winter storage", body=paragraphs(f"<p>{ENERGY_2}</p>"))
        water = analysis(index, "Water and drought", body=paragraphs(f"<p>{WATER}</p>"))
        water2 = analysis(index, "Rivers", body=paragraphs(f"<p>{WATER_2}</p>"))
    settings.WAGTAILFRONTENDCACHE = FRONTEND_CACHE
    with commit():
        newer = analysis(index, "Gas and winter", body=paragraphs(f"<p>{ENERGY}</p>"))
    purged = set(PURGED)
    # The older energy analysis now lists the newer one: its cached copy is stale.
    assert "http://localhost" + older.url in purged
    assert "http://localhost" + newer.url in purged
    # The water analyses' lists did not change.
    assert "http://localhost" + water.url not in purged
    assert "http://localhost" + water2.url not in purged


def test_nothing_is_computed_without_a_configured_backend(site, commit, settings):
    settings.WAGTAILFRONTENDCACHE = None
    with commit():
        site["page"].save_revision().publish()
    assert PURGED == []


# -- the shared response cache (PAGE_CACHE_TIMEOUT) -------------------------------------
@pytest.fixture
def page_cache(settings):
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "PAGE_CACHE_TIMEOUT": 300}


#: What Wagtail reads to route a request down the tree (each page as its own class).
ROUTING_TABLES = (
    "wagtailcore_site",
    "wagtailcore_locale",
    "wagtailcore_page",
    "wagtailcore_pageviewrestriction",
    "home_homepage",
    "ankasam_pubs_analysisindexpage",
    "ankasam_pubs_analysispage",
    # Read in the same query as the analysis: the generations a stored copy must match.
    "ankasam_pubs_generation",
)


def captured(client, url, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, [query["sql"] for query in queries.captured_queries]


def queries_of(client, url, **headers):
    response, sql = captured(client, url, **headers)
    return response, len(sql)


def only_routing(sql: str) -> bool:
    if sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):  # ATOMIC_REQUESTS in a test
        return True
    tables = set(re.findall(r'(?:FROM|JOIN) "(\w+)"', sql))
    return bool(tables) and tables <= set(ROUTING_TABLES)


def test_a_second_anonymous_reader_gets_the_stored_copy(site, page_cache):
    url = site["page"].url
    first, rendered = captured(Client(), url)
    second, served = captured(Client(), url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Language"] == "en"
    # Wagtail's routing (site, locale, tree, its restriction check) and our re-check of
    # restrictions: nothing of the rendering.
    assert all(only_routing(sql) for sql in served), served
    assert not all(only_routing(sql) for sql in rendered)
    again = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def plant_stored_copy(url: str) -> None:
    """A stored response under the current generations that no rendering would give."""
    from ankasam_pubs.caching import generations, responses

    key = responses.key_for(1, url)
    responses._cache().set(key, (generations.current(), b"planted copy", [], None), 300)


def test_the_cache_is_off_by_default(site):
    url = site["page"].url
    Client().get(url)
    plant_stored_copy(url)
    assert Client().get(url).content != b"planted copy"


def test_publishing_empties_the_copies_that_show_the_analysis(site, page_cache, commit):
    ru = site["versions"]["ru"]
    index_url = site["index"]["en"].url
    for url in (site["page"].url, ru.url, index_url):
        Client().get(url)
    page = site["page"]
    page.title = "Gas after the winter"
    with commit():
        page.save_revision().publish()
    assert b"Gas after the winter" in Client().get(page.url).content
    assert b"Gas after the winter" in Client().get(index_url).content
    ru.title = "Газ после зимы"
    with commit():
        ru.save_revision().publish()
    assert "Газ после зимы" in Client().get(ru.url).content.decode()


def test_a_page_made_private_leaves_the_cached_listings(site, page_cache, commit):
    index_url = site["index"]["en"].url
    assert b"Gas and winter" in Client().get(index_url).content
    with commit():
        restrict(site["page"], PageViewRestriction.PASSWORD)
    assert b"Gas and winter" not in Client().get(index_url).content
    response = Client().get(site["page"].url)
    assert b"Gas and winter" not in response.content  # Wagtail's password form


def test_changed_similar_posts_empty_the_older_analysis_copy(tree, page_cache, commit):
    index = tree["index"]["en"]
    with commit():
        older = analysis(index, "Winter storage", body=paragraphs(f"<p>{ENERGY_2}</p>"))
    assert b"Pipelines before winter" not in Client().get(older.url).content
    with commit():
        analysis(index, "Pipelines before winter", body=paragraphs(f"<p>{ENERGY}</p>"))
    assert b"Pipelines before winter" in Client().get(older.url).content


def test_readers_with_a_session_are_served_fresh(site, page_cache, admin_user):
    url = site["page"].url
    Client().get(url)
    plant_stored_copy(url)
    assert Client().get(url).content == b"planted copy"  # what an anonymous reader gets
    client = Client()
    client.force_login(admin_user)
    response = client.get(url)
    assert response.content != b"planted copy"
    assert "Gas and winter" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_a_copy_rendered_before_a_change_is_never_served_after_it(site, page_cache, rf):
    """The race a per-URL purge loses: a reader renders the old state, the change
    commits and purges, then the reader stores its copy."""
    from django.http import HttpResponse

    from ankasam_pubs.caching import generations, responses

    key = responses.key_for(1, "/en/analysis/race/")
    _nothing, generation = responses.lookup(key)
    old = HttpResponse(b"old listing with a title made private since")
    old["Cache-Control"] = "public, max-age=300"
    # The change commits while the old state is being rendered.
    generations.bump(generations.PUBLISHED)
    responses.store(key, old, generation)
    assert responses.lookup(key)[0] is None
    fresh = HttpResponse(b"fresh")
    fresh["Cache-Control"] = "public, max-age=300"
    responses.store(key, fresh, responses.lookup(key)[1])
    assert responses.lookup(key)[0].content == b"fresh"


def test_editing_an_author_profile_shows_at_once(site, page_cache, commit):
    url = site["page"].url
    assert "Ayşe Kaya" in Client().get(url).content.decode()
    writer = site["author"]
    writer.display_name_en = "Ayşe Kaya-Demir"
    with commit():
        writer.save()
    assert "Ayşe Kaya-Demir" in Client().get(url).content.decode()


# -- shared content and similar lists: a front-end cache forgets every copy that shows them
def test_editing_a_profile_purges_every_page_that_shows_it(site, purging, commit):
    writer = site["author"]
    other = analysis(site["index"]["en"], "Rivers", body=paragraphs(f"<p>{WATER}</p>"))
    PURGED.clear()
    writer.display_name_en = "Ayşe Kaya-Demir"
    with commit():
        writer.save()
    purged = set(PURGED)
    base = "http://localhost"
    for code, version in site["versions"].items():
        assert base + version.url in purged, code
        assert base + site["index"][code].url in purged, code
        assert base + f"/feeds/{code}/author/ayse-kaya/rss/" in purged
        assert base + f"/api/v2/authors/?lang={code}" in purged
    assert {
        base + "/en/authors/",
        base + "/en/authors/ayse-kaya/",
        base + "/en/authors/ayse-kaya/feed/",
        base + site["index"]["en"].url + "?author=ayse-kaya",
        base + f"/api/v2/analyses/{site['page'].pk}/",
    } <= purged
    # An analysis that does not credit her keeps its copies (its similar posts may
    # change when her analyses' documents do: that purge is the lists' own).
    assert base + other.url not in shared_content_urls(writer)


def test_renaming_a_topic_purges_its_analyses_and_every_index(site, purging, commit):
    topic = site["topic"]
    other = analysis(site["index"]["en"], "Rivers", body=paragraphs(f"<p>{WATER}</p>"))
    PURGED.clear()
    topic.name_en = "Energy security"
    with commit():
        topic.save()
    purged = set(PURGED)
    base = "http://localhost"
    for code, version in site["versions"].items():
        assert base + version.url in purged, code
        # Every index lists the topic in its filters, even one without such analyses.
        assert base + site["index"][code].url in purged, code
        assert base + site["index"][code].url + "?topic=energy" in purged
        assert base + f"/feeds/{code}/topic/energy/atom/" in purged
    assert base + other.url not in shared_content_urls(topic)


def test_deleting_a_topic_purges_the_pages_that_showed_it(site, purging, commit):
    with commit():
        site["topic"].delete()
    assert "http://localhost" + site["page"].url in PURGED


def test_the_analyses_that_list_it_as_similar_are_purged_with_it(tree, settings, commit):
    """Unpublishing purges them at once, not when a worker recomputes their lists: until
    then their cached copies would still link the page."""
    index = tree["index"]["en"]
    with commit():
        older = analysis(index, "Winter storage", body=paragraphs(f"<p>{ENERGY_2}</p>"))
        newer = analysis(index, "Gas and winter", body=paragraphs(f"<p>{ENERGY}</p>"))
        water = analysis(index, "Rivers", body=paragraphs(f"<p>{WATER}</p>"))
    settings.WAGTAILADMIN_BASE_URL = "http://localhost"
    urls = analysis_urls(newer)
    assert "http://localhost" + older.url in urls
    assert "http://localhost" + water.url not in urls


def test_renaming_a_topic_purges_every_feed_and_profile_that_shows_it(site, purging, commit):
    """Feeds list an item's topics as categories; profiles list their analyses' topics
    and their areas of expertise (the topology load test found both left stale)."""
    series = term(Series, "briefs")
    page = site["page"]
    page.series = series
    page.save_revision().publish()
    expert = author("deniz-ak", display_name_en="Deniz Ak")
    expert.expertise.add(site["topic"])
    urls = shared_content_urls(site["topic"])
    base = "http://localhost"
    assert base + "/feeds/en/series/briefs/rss/" in urls
    assert base + "/feeds/en/author/ayse-kaya/rss/" in urls
    assert base + "/en/authors/ayse-kaya/" in urls
    assert base + "/en/authors/deniz-ak/" in urls
