"""Reader search at scale: index build time, and per-query time of a reader's search.

On the synthetic corpus of ``benchmarks/corpus.py`` (10,000 analyses in a full run,
1,000 with ``--quick``), in the benchmark database (SQLite unless ``DATABASE_URL``
names PostgreSQL):

* index build: every analysis written to the search index, as ``update_index`` does,
  with the app's stemmed fields; baseline: the same analyses with Wagtail's own fields
  only (title, summary, body), measured in the same run;
* per query (median and p95 over a fixed query set, each run three times): the ranked
  matches (``ranked_ids``: stemming, the backend's query, the title-first order), and
  the whole index page's listing (matches, filter counts, the page of cards and their
  snippets); baseline: Wagtail's own ``.search()`` of the same words, first page.
"""

from __future__ import annotations

import statistics
import time

QUERIES = 40


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timed(function, repeats: int = 3) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _build_index(model, search_fields=None) -> float:
    from wagtail.search.backends import get_search_backend

    original = model.search_fields
    if search_fields is not None:
        model.search_fields = search_fields
    try:
        backend = get_search_backend()
        backend.reset_index() if hasattr(backend, "reset_index") else None
        started = time.perf_counter()
        index = backend.get_index_for_model(model)
        objects = list(model.get_indexed_objects().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(objects), 500):
            chunk = model.get_indexed_objects().filter(pk__in=objects[start : start + 500])
            index.add_items(model, list(chunk))
        return time.perf_counter() - started
    finally:
        model.search_fields = original


def run(*, quick: bool) -> list[dict]:
    from django.http import QueryDict
    from wagtail.models import Page
    from wagtail.search import index as search_index

    from ankasam_pubs.models import AnalysisPage
    from ankasam_pubs.pages.listing import build_listing
    from ankasam_pubs.search.query import ranked_ids
    from ankasam_pubs.visibility import published_analyses
    from benchmarks.bench_similar import analysis_index, insert_analyses
    from benchmarks.corpus import generate

    n = 1_000 if quick else 10_000
    index = analysis_index()
    have = AnalysisPage.objects.filter(locale_id=index.locale_id).count()
    if have < n:  # the similar-posts benchmark did not run first
        insert_analyses(index, n - have)
    count = AnalysisPage.objects.filter(locale_id=index.locale_id).count()

    wagtail_fields = Page.search_fields + [
        search_index.SearchField("summary"),
        search_index.SearchField("body"),
    ]
    baseline_build = _build_index(AnalysisPage, wagtail_fields)
    ours_build = _build_index(AnalysisPage)

    documents, _labels = generate(n)
    step = max(1, len(documents) // QUERIES)
    queries = [" ".join(documents[i].title.split()[:2]) for i in range(0, len(documents), step)]
    queries = queries[:QUERIES]

    allowed = published_analyses(AnalysisPage, locale_id=index.locale_id, within=index)
    # What a host gets from Wagtail alone: live pages of the language, searched as typed.
    plain_set = AnalysisPage.objects.live().filter(locale_id=index.locale_id)
    ranked, listing, plain = [], [], []
    for words in queries:
        ranked += _timed(lambda words=words: ranked_ids(allowed, words, "en"))
        params = QueryDict(mutable=True)
        params["q"] = words

        def whole(params=params):
            result = build_listing(allowed, params, page_size=10, language="en")
            list(result.analyses)

        listing += _timed(whole)
        plain += _timed(lambda words=words: list(plain_set.search(words, operator="and")[:10]))

    def figures(name: str, values: list[float]) -> list[dict]:
        return [
            {
                "name": f"search: {name}, median, {count:,} analyses",
                "value": statistics.median(values),
                "unit": "ms",
                "baseline": statistics.median(plain),
            },
            {
                "name": f"search: {name}, p95, {count:,} analyses",
                "value": _percentile(values, 0.95),
                "unit": "ms",
                "baseline": _percentile(plain, 0.95),
            },
        ]

    return [
        {
            "name": f"search: index build, {count:,} analyses (baseline: Wagtail's fields)",
            "value": ours_build,
            "unit": "s",
            "baseline": baseline_build,
        },
        *figures("ranked matches", ranked),
        *figures("whole listing (counts, cards, snippets)", listing),
    ]
