"""Reader search on an index page: stemmed in the page's language, weighted, combined
with the filters and their counts, snippets, limits, and only what readers may see."""

from __future__ import annotations

import datetime
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search import index

from ankasam_pubs.search.text import query_terms, snippet
from ankasam_pubs.taxonomy.models import Region, Series, Topic
from tests import factories as f

pytestmark = pytest.mark.django_db


def indexed(page):
    """``page`` in the search index now: Wagtail 7.0 indexes after the commit, which a
    test's transaction never reaches."""
    index.insert_or_update_object(page)
    return page


def titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".ap-card-title a")]


def options(response, name: str) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [o.get_text() for o in soup.select(f"select[name={name}] option")][1:]


@pytest.fixture
def corpus(tree):
    en, tr, ru = (tree["index"][code] for code in ("en", "tr", "ru"))
    energy = f.term(Topic, "energy", name_en="Energy", name_tr="Enerji", name_ru="Энергетика")
    trade = f.term(Topic, "trade", name_en="Trade", name_tr="Ticaret", name_ru="Торговля")
    briefs = f.term(Series, "briefs", name_en="Briefs")
    aylin = f.author("aylin-kaya", display_name_en="Aylin Kaya", display_name_ru="Айлин Кая")
    pages = {
        "pipes": f.analysis(
            en,
            "Pipelines under the sea",
            summary="Gas routes to the south",
            topics=[energy],
            authors=[aylin],
        ),
        "ports": f.analysis(
            en,
            "Grain and the straits",
            summary="Shipping queues",
            topics=[trade],
            series=briefs,
            body=f.paragraphs("<p>Ports wait; a pipeline is mentioned once here.</p>"),
        ),
        "cites": f.analysis(
            en,
            "Fertiliser markets",
            topics=[trade],
            notes=[{"uid": "n1", "sources": [f.source("Winter Outlook for Interconnectors")]}],
            body=f.paragraphs(f"<p>Prices{f.ref('n1')} rose.</p>"),
        ),
        "tr": f.analysis(tr, "Boğazlardaki gemiler", summary="Türkiye'nin limanları"),
        "ru": f.analysis(ru, "Каспийский газ", summary="Газопроводы и трубопроводы"),
        "draft": f.analysis(en, "Pipelines in draft", live=False),
    }
    for page in pages.values():
        indexed(page)
    return pages


def test_stemmed_match_in_each_language(client, corpus):
    assert titles(client.get("/en/analysis/?q=pipeline"))[0] == "Pipelines under the sea"
    assert titles(client.get("/tr/analizler/?q=liman")) == ["Boğazlardaki gemiler"]
    assert titles(client.get("/tr/analizler/?q=boğaz")) == ["Boğazlardaki gemiler"]
    assert titles(client.get("/ru/аналитика/?q=газопровод")) == ["Каспийский газ"]
    assert titles(client.get("/ru/аналитика/?q=газа")) == ["Каспийский газ"]
    # Each index searches its own language only.
    assert titles(client.get("/en/analysis/?q=газ")) == []


def test_title_weighs_more_than_body(client, corpus):
    # "Grain and the straits" mentions a pipeline once in its body; the title match leads.
    assert titles(client.get("/en/analysis/?q=pipelines")) == [
        "Pipelines under the sea",
        "Grain and the straits",
    ]


def test_sources_authors_and_labels_are_searchable(client, corpus):
    assert titles(client.get("/en/analysis/?q=interconnectors+outlook")) == ["Fertiliser markets"]
    assert titles(client.get("/en/analysis/?q=Kaya")) == ["Pipelines under the sea"]
    # The author's name in another language finds the page too.
    assert titles(client.get("/en/analysis/?q=Кая")) == ["Pipelines under the sea"]
    assert titles(client.get("/en/analysis/?q=energy")) == ["Pipelines under the sea"]


def test_drafts_are_never_found(client, corpus):
    assert "Pipelines in draft" not in titles(client.get("/en/analysis/?q=pipelines+draft"))
    assert titles(client.get("/en/analysis/?q=draft")) == []


def test_every_word_must_match(client, corpus):
    assert titles(client.get("/en/analysis/?q=pipelines+fertiliser")) == []
    assert titles(client.get("/en/analysis/?q=grain+ports")) == ["Grain and the straits"]


def test_filters_combine_with_the_query_and_show_counts(client, corpus):
    response = client.get("/en/analysis/?q=pipeline")
    assert options(response, "topic") == ["Energy (1)", "Trade (1)"]
    assert options(response, "series") == ["Briefs (1)"]
    assert options(response, "author") == ["Aylin Kaya (1)"]
    response = client.get("/en/analysis/?q=pipeline&topic=trade")
    assert titles(response) == ["Grain and the straits"]
    # A filter's own counts leave it out, so the other topic is still offered.
    assert options(response, "topic") == ["Energy (1)", "Trade (1)"]
    assert options(response, "author") == []
    assert titles(client.get("/en/analysis/?author=aylin-kaya")) == ["Pipelines under the sea"]


def test_counts_are_in_the_readers_language(client, corpus):
    response = client.get("/ru/аналитика/?q=газ")
    assert options(response, "author") == []
    response = client.get("/en/analysis/?q=pipeline")
    assert "Энергетика (1)" not in options(response, "topic")


def test_search_results_page_with_the_query_and_filters_kept(client, corpus, tree, settings):
    """Ranked results page through "Previous"/"Next" (not "Newer"/"Older", which a
    date-ordered listing says), every page link keeps the query and the filters, the
    pages together hold each match once, and the region and year counts follow the query."""
    settings.ANKASAM_PUBS = {"INDEX_PAGE_SIZE": 2}
    black_sea = f.term(Region, "black-sea", name_en="Black Sea")
    caspian = f.term(Region, "caspian", name_en="Caspian")
    for n, (region, year) in enumerate([(black_sea, 2021), (black_sea, 2022), (caspian, 2022)]):
        indexed(
            f.analysis(
                tree["index"]["en"],
                f"Pipeline tariffs {n}",
                regions=[region],
                date=datetime.date(year, 5, 1),
            )
        )
    response = client.get("/en/analysis/?q=pipeline&topic=")
    assert options(response, "region") == ["Black Sea (2)", "Caspian (1)"]
    # The corpus's two pipeline analyses have the factory's dates; the tariffs 2021-2022.
    years = Counter([2021, 2022, 2022])
    years.update(corpus[key].publication_date.year for key in ("pipes", "ports"))
    assert options(response, "year") == [f"{y} ({n})" for y, n in sorted(years.items())[::-1]]
    seen, url, pages = [], "/en/analysis/?q=pipeline&topic=", 0
    while url:
        response = client.get(url)
        soup = BeautifulSoup(response.content, "html.parser")
        seen += titles(response)
        pages += 1
        nav = soup.select_one("nav.ap-pagination")
        assert "Newer" not in nav.get_text() and "Older" not in nav.get_text()
        links = {a["rel"][0]: a for a in nav.select("a[rel]")}
        if pages > 1:
            assert links["prev"].get_text() == "Previous"
        following = links.get("next")
        if following is not None:
            assert following.get_text() == "Next"
            assert "q=pipeline" in following["href"] and "topic=" in following["href"]
            url = "/en/analysis/" + following["href"]
        else:
            url = None
    assert pages == 3
    assert len(seen) == len(set(seen)) == 5
    assert set(seen) == {
        "Pipelines under the sea",
        "Grain and the straits",
        "Pipeline tariffs 0",
        "Pipeline tariffs 1",
        "Pipeline tariffs 2",
    }
    assert seen[-1] == "Grain and the straits"  # the body-only match ranks last
    # Narrowed to a region, the query's year counts narrow with it.
    response = client.get("/en/analysis/?q=pipeline&region=black-sea")
    assert titles(response) and all(t.startswith("Pipeline tariffs") for t in titles(response))
    assert options(response, "year") == ["2022 (1)", "2021 (1)"]
    # A listing by date still says "Older".
    nav = BeautifulSoup(client.get("/en/analysis/").content, "html.parser").select_one(
        "nav.ap-pagination a[rel=next]"
    )
    assert nav.get_text() == "Older"


def test_snippet_marks_the_matching_words(client, corpus):
    response = client.get("/en/analysis/?q=ports")
    soup = BeautifulSoup(response.content, "html.parser")
    card = soup.select_one(".ap-snippet")
    assert [m.get_text() for m in card.select("mark")] == ["Ports"]
    assert "1 analysis matches your search." in soup.get_text(" ", strip=True)


def test_no_results_suggests_removing_filters(client, corpus):
    response = client.get("/en/analysis/?q=fertiliser&topic=energy")
    empty = BeautifulSoup(response.content, "html.parser").select_one(".ap-empty")
    assert "Try removing a filter" in empty.get_text()
    assert empty.select_one("a")["href"] == "?q=fertiliser"
    assert titles(client.get("/en/analysis/" + empty.select_one("a")["href"])) == [
        "Fertiliser markets"
    ]
    soup = BeautifulSoup(client.get("/en/analysis/?q=zzzz").content, "html.parser")
    assert "Try fewer or different words." in soup.select_one(".ap-empty").get_text()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "%00",
        "AND",
        "OR NOT",
        "*",
        "(",
        "pipe*",
        "title:x",
        "<script>",
        "--",
        "^",
        "NEAR(a b)",
    ],
)
def test_any_input_is_safe(client, corpus, query):
    response = client.get("/en/analysis/", {"q": query})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"<main", 1)[-1]


def test_too_long_query_is_reported_and_not_run(client, corpus):
    response = client.get("/en/analysis/", {"q": "pipeline " * 30})
    soup = BeautifulSoup(response.content, "html.parser")
    assert "at most 200 characters" in soup.select_one(".ap-filters [role=alert]").get_text()
    # The query is left out, as an invalid filter is: the listing is unfiltered.
    assert len(titles(response)) == 3


def test_query_count_does_not_grow_with_results(client, corpus, tree):
    energy, trade = Topic.objects.get(slug="energy"), Topic.objects.get(slug="trade")
    for n in range(6):
        indexed(f.analysis(tree["index"]["en"], f"Pipeline study {n}", topics=[energy]))
    client.get("/en/analysis/?q=pipeline")  # warm caches (site root, locales)
    with CaptureQueriesContext(connection) as many:
        assert len(titles(client.get("/en/analysis/?q=pipeline"))) == 8
    indexed(f.analysis(tree["index"]["en"], "Pipeline study 9", topics=[trade]))
    with CaptureQueriesContext(connection) as more:
        assert len(titles(client.get("/en/analysis/?q=pipeline"))) == 9
    assert len(more) == len(many)


def test_query_terms_and_snippet_are_pure():
    assert query_terms('"Pipelines" AND (ports)', "en") == [("pipelin",), ("port",)]
    assert query_terms("the of and", "en") == []
    html = snippet("Ports <b>wait</b> for ships", [("port",)], "en")
    assert html == "<mark>Ports</mark> &lt;b&gt;wait&lt;/b&gt; for ships"
    words = (
        " ".join(f"w{n}" for n in range(100)) + " pipeline " + " ".join(f"v{n}" for n in range(100))
    )
    cut = snippet(words, [("pipelin",)], "en")
    assert cut.startswith("… ") and cut.endswith(" …") and "<mark>pipeline</mark>" in cut
    assert len(re.findall(r"\w+", re.sub(r"</?mark>", "", cut))) == 30


def test_turkish_bare_nouns_match_their_inflected_forms():
    # Snowball cuts "liman" to "lima" but "limanları" to "liman": both are asked for.
    assert query_terms("liman", "tr") == [("lima", "liman")]
    assert query_terms("gemiler", "tr") == [("gemi",)]
    assert query_terms("Каспийский газа", "ru") == [("каспийск",), ("газ",)]
    # The snippet marks what the search matched: the inflected form too.
    html = snippet("İzmir limanları kışın doldu.", query_terms("liman", "tr"), "tr")
    assert "<mark>limanları</mark>" in html


def test_a_renamed_label_or_author_is_searchable_after_the_commit(
    client, corpus, django_capture_on_commit_callbacks
):
    topic = Topic.objects.get(slug="energy")
    assert titles(client.get("/en/analysis/?q=hydrocarbons")) == []
    with django_capture_on_commit_callbacks(execute=True):
        topic.name_en = "Hydrocarbons"
        topic.save()
    assert titles(client.get("/en/analysis/?q=hydrocarbons")) == ["Pipelines under the sea"]
    profile = corpus["pipes"].analysis_authors.get().author
    with django_capture_on_commit_callbacks(execute=True):
        profile.display_name_tr = "Aylin Kayaoğlu"
        profile.save()
    assert titles(client.get("/en/analysis/?q=Kayaoğlu")) == ["Pipelines under the sea"]
    # The old label no longer finds it.
    assert titles(client.get("/en/analysis/?q=energy")) == []


def test_the_direct_path_finds_what_the_backend_finds(corpus, tree):
    """On the database backend, matches are read from its tables directly (SQLite FTS5,
    PostgreSQL's GIN indexes); they must be the matches Wagtail's own search returns."""
    from ankasam_pubs.models import AnalysisPage
    from ankasam_pubs.search import query
    from ankasam_pubs.visibility import published_analyses

    cases = (("en", "pipeline"), ("en", "grain ports"), ("tr", "liman"), ("ru", "газ"))
    for code, words in cases:
        allowed = published_analyses(AnalysisPage, locale_id=tree["locales"][code].pk)
        terms = query_terms(words, code)
        for operator in ("and", "or"):
            direct = query._direct_matches(allowed, terms, operator)
            assert direct, (code, words, operator)
            assert sorted(direct) == sorted(query._backend_matches(allowed, terms, operator))
    # Drafts are in the index (as Wagtail keeps them) but never among the matches.
    allowed = published_analyses(AnalysisPage, locale_id=tree["locales"]["en"].pk)
    draft = query._direct_matches(allowed, query_terms("draft", "en"), "and")
    assert draft == []
    everything = AnalysisPage.objects.filter(locale=tree["locales"]["en"])
    assert query._direct_matches(everything, query_terms("draft", "en"), "and") == [
        corpus["draft"].pk
    ]


def test_ranked_matches_cost_one_query_and_one_more(corpus, tree):
    from ankasam_pubs.models import AnalysisPage
    from ankasam_pubs.search import query
    from ankasam_pubs.visibility import published_analyses

    allowed = published_analyses(AnalysisPage, locale_id=tree["locales"]["en"].pk)
    query.ranked_ids(allowed, "pipeline", "en")  # content types cached, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert len(query.ranked_ids(allowed, "pipelines south", "en")) == 1
    # The matches, then the titles and summaries they are ordered by.
    assert len(queries) == 2
    with CaptureQueriesContext(connection) as more:
        assert len(query.ranked_ids(allowed, "pipelines", "en")) == 2
    assert len(more) == 2


def test_a_set_of_pages_of_several_classes_is_searched_class_by_class(corpus, tree):
    """The API's set on a host with several analysis classes is a Page queryset."""
    from wagtail.models import Page

    from ankasam_pubs.models import AnalysisPage
    from ankasam_pubs.search.query import ranked_ids
    from ankasam_pubs.visibility import published_analyses

    allowed = published_analyses(AnalysisPage, locale_id=tree["locales"]["en"].pk)
    as_pages = Page.objects.filter(pk__in=allowed.values("pk"))
    expected = [corpus["pipes"].pk, corpus["ports"].pk]
    assert ranked_ids(allowed, "pipelines", "en") == expected
    assert ranked_ids(as_pages, "pipelines", "en") == expected
