"""No URL of the app answers 500, whatever a client sends: property-based tests.

Hypothesis draws hostile values (any Unicode text with NUL and control characters,
quotes and full-text operators, numbers beyond any database integer, negative and
fractional numbers, very long strings) for every query parameter and path segment of
every route the app serves: the API (listing, detail, find; analyses and authors),
index pages and their filters, feeds, an analysis's cite and references exports, author
pages and the sitemap. They are sent as an anonymous reader, a signed-in reader and an
editor. Every answer must be below 500; every API answer must be JSON, at the address
asked for (no redirect to an HTML page).

``INPUTS`` counts what was sent; pytest's summary prints it, added up over xdist's
processes (tests/conftest.py; figures in docs/explanation/security-and-privacy.md).
Runs are derandomised, so CI sends the same inputs every time; ``HYPOTHESIS_SEED=<n>``
explores others.
"""

from __future__ import annotations

import os
from collections import Counter
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ankasam_pubs.models import Region, Series, Topic
from tests.factories import (
    analysis,
    author,
    paragraphs,
    ref,
    restrict,
    source,
    term,
    translate,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "60"))
SEED = os.environ.get("HYPOTHESIS_SEED")
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=SEED is None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
if SEED is not None:
    from hypothesis import seed as _seed

    PROFILE_SEED = _seed(int(SEED))
else:

    def PROFILE_SEED(test):  # noqa: N802 - a decorator
        return test


#: Inputs sent per test (in pytest's summary: tests/conftest.py).
INPUTS: Counter = Counter()

BIG = 2**63
text_values = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # no lone surrogates: not UTF-8
    max_size=300,
)
hostile = st.one_of(
    text_values,
    st.integers(min_value=-(BIG * 4), max_value=BIG * 4).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        [
            '"',
            "'",
            "\x00",
            "\"'<",
            "%",
            "\\",
            "*",
            "NEAR(a",
            "a AND NOT",
            ") OR (",
            "-1",
            "0",
            "9" * 40,
            "1e400",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "\u202etxt.exe",
            "x" * 5000,
            "",
            " ",
            "en",
            "tr",
            "ru",
            "ankasam_pubs.AnalysisPage",
            "title,-id",
            "*,-body",
            "1,2",
        ]
    ),
)


@pytest.fixture
def site(tree, authors_index, client, admin_client, django_user_model):
    """A small site with every kind of content the routes read, and three clients."""
    shared = {
        "series": term(Series, "series-one"),
        "topics": [term(Topic, "topic-one")],
        "regions": [term(Region, "region-one")],
        "authors": [author("writer")],
    }
    page = analysis(
        tree["index"]["en"],
        "Gas pipelines",
        slug="gas",
        body=paragraphs(f"<p>Exports rose{ref('a')}.</p>"),
        notes=[{"uid": "a", "sources": [source("A Report", url="https://example.org/r")]}],
        **shared,
    )
    restrict(analysis(tree["index"]["en"], "Private", slug="private", **shared))
    # A Russian authors index too, so author pages are tried in all three languages.
    authors = {**authors_index, "ru": translate(authors_index["en"], tree["locales"]["ru"])}
    reader = django_user_model.objects.create_user("reader", password="pw")
    signed_in = type(client)()
    signed_in.force_login(reader)
    return {
        "tree": tree,
        "page": page,
        "authors": authors,
        "clients": {"anonymous": client, "signed-in": signed_in, "editor": admin_client},
    }


def _check(site, url: str, params: dict | None = None, *, persona: str, test: str) -> None:
    client = site["clients"][persona]
    INPUTS[test] += 1
    response = client.get(url, params or {})
    assert response.status_code < 500, (persona, url, params, response.status_code)
    if url.startswith("/api/"):
        assert response.status_code in (200, 302, 400, 404), (url, params, response.status_code)
        if response.status_code != 302:
            assert response["Content-Type"].startswith("application/json"), (url, params)
        else:  # find/ answers with the detail URL of what it found: still the API
            assert response["Location"].startswith("/api/v2/"), (url, params)


personas = st.sampled_from(["anonymous", "signed-in", "editor"])

ANALYSES_PARAMETERS = [
    "search",
    "search_operator",
    "fields",
    "order",
    "limit",
    "offset",
    "type",
    "locale",
    "author",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "series",
    "topics",
    "regions",
    "authors",
    "notes",
    "body",
    "translations",
    "similar_posts",
    "publication_date",
    "first_published_at",
    "last_published_at",
    "show_in_menus",
    "seo_title",
    "search_description",
    "slug",
    "title",
    "id",
    "summary",
    "rich_text_format",
    "site",
    "unknown",
]
AUTHORS_PARAMETERS = ["lang", "fields", "order", "limit", "offset", "slug", "orcid", "id", "x"]


@PROFILE_SEED
@PROFILE
@given(
    data=st.dictionaries(st.sampled_from(ANALYSES_PARAMETERS), hostile, max_size=4),
    persona=personas,
)
def test_api_analyses_listing(site, data, persona):
    _check(site, "/api/v2/analyses/", data, persona=persona, test="api analyses listing")


@PROFILE_SEED
@PROFILE
@given(
    pk=st.one_of(st.integers(min_value=-(BIG * 2), max_value=BIG * 2).map(str), text_values),
    fields=hostile,
    persona=personas,
)
def test_api_details(site, pk, fields, persona):
    for endpoint in ("analyses", "authors"):
        url = f"/api/v2/{endpoint}/{quote(pk, safe='')}/"
        _check(site, url, {"fields": fields}, persona=persona, test="api details")


@PROFILE_SEED
@PROFILE
@given(path=hostile, pk=hostile, prefix=st.sampled_from(["", "/en", "/tr", "/ru", "/de"]))
def test_api_find(site, path, pk, prefix):
    for params in ({"html_path": prefix + "/" + path}, {"id": pk}, {"html_path": path}):
        _check(site, "/api/v2/analyses/find/", params, persona="anonymous", test="api find")


@PROFILE_SEED
@PROFILE
@given(
    data=st.dictionaries(st.sampled_from(AUTHORS_PARAMETERS), hostile, max_size=4),
    persona=personas,
)
def test_api_authors_listing(site, data, persona):
    _check(site, "/api/v2/authors/", data, persona=persona, test="api authors listing")


@PROFILE_SEED
@PROFILE
@given(
    data=st.dictionaries(
        st.sampled_from(["q", "series", "topic", "region", "author", "year", "page", "x"]),
        hostile,
        max_size=4,
    ),
    language=st.sampled_from(["en", "tr", "ru"]),
    persona=personas,
)
def test_index_filters(site, data, language, persona):
    index = site["tree"]["index"][language]
    _check(site, index.url, data, persona=persona, test="index filters")
    _check(site, site["tree"]["home"][language].url, data, persona=persona, test="index filters")


@PROFILE_SEED
@PROFILE
@given(
    language=st.one_of(st.sampled_from(["en", "tr", "ru"]), text_values),
    kind=st.one_of(st.sampled_from(["series", "topic", "region", "author"]), text_values),
    slug=st.one_of(st.sampled_from(["series-one", "topic-one", "writer"]), hostile),
    feed_format=st.one_of(st.sampled_from(["rss", "atom"]), text_values),
)
def test_feeds(site, language, kind, slug, feed_format):
    segments = [quote(value, safe="") or "x" for value in (language, kind, slug, feed_format)]
    _check(site, f"/feeds/{segments[0]}/{segments[3]}/", persona="anonymous", test="feeds")
    _check(site, "/feeds/{}/{}/{}/{}/".format(*segments), persona="anonymous", test="feeds")


@PROFILE_SEED
@PROFILE
@given(
    export=st.one_of(
        st.sampled_from(["chicago", "apa", "bibtex", "ris", "csl-json", "text"]), text_values
    ),
    query=st.dictionaries(st.sampled_from(["format", "page", "x"]), hostile, max_size=2),
    persona=personas,
)
def test_cite_and_references(site, export, query, persona):
    base = site["page"].url
    segment = quote(export, safe="") or "x"
    for route in ("cite", "references"):
        url = f"{base}{route}/{segment}/"
        _check(site, url, query, persona=persona, test="cite and references")


@PROFILE_SEED
@PROFILE
@given(
    slug=st.one_of(st.just("writer"), hostile),
    query=st.dictionaries(st.sampled_from(["page", "expertise", "x"]), hostile, max_size=2),
    language=st.sampled_from(["en", "tr", "ru"]),
    persona=personas,
)
def test_author_pages(site, slug, query, language, persona):
    base = site["authors"][language].url
    segment = quote(slug, safe="") or "x"
    _check(site, base, query, persona=persona, test="author pages")
    _check(site, f"{base}{segment}/", query, persona=persona, test="author pages")
    _check(site, f"{base}{segment}/feed/", query, persona=persona, test="author pages")


@PROFILE_SEED
@PROFILE
@given(part=hostile, query=st.dictionaries(st.sampled_from(["p", "x"]), hostile, max_size=2))
def test_sitemap(site, part, query):
    _check(site, "/sitemap.xml", query, persona="anonymous", test="sitemap")
    segment = quote(part, safe="") or "1"
    _check(site, f"/sitemap-{segment}.xml", query, persona="anonymous", test="sitemap")


@PROFILE_SEED
@PROFILE
@given(
    path=st.lists(hostile, min_size=1, max_size=3),
    language=st.sampled_from(["en", "tr", "ru"]),
)
def test_page_paths(site, path, language):
    """Any path below a language's tree: Wagtail routes it to a page or answers 404."""
    url = f"/{language}/" + "/".join(quote(part, safe="") or "x" for part in path) + "/"
    _check(site, url, persona="anonymous", test="page paths")
