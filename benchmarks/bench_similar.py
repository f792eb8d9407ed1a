"""Similar posts at scale: full rebuild, incremental update, render cost.

Two levels, both on the deterministic synthetic corpus of ``benchmarks/corpus.py``:

* engine: ``engine.build`` on documents in memory (10,000 and 100,000 in a full run);
* site: real ``AnalysisPage`` rows in the benchmark database, then the service's full
  rebuild (what ``rebuild_similar_posts`` runs), one incremental update after
  publishing a new analysis, and the queries of the similar-posts block.

Peak memory is the peak RSS of a child process that does only that step, so the
figure includes Python and Django as a site would run them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from benchmarks.steps import peak_rss_mib, run_child, same_cluster_precision, streamed_build

ROOT = Path(__file__).resolve().parent.parent


# -- steps run in a child process ---------------------------------------------------------


def engine_step(n: int) -> dict:
    """A rebuild fed one document at a time, as a site reads its pages: the corpus's
    bodies are never all held, so the peak is the engine's. The generator's own time is
    measured apart and taken out."""
    from ankasam_pubs.similar import engine
    from benchmarks.corpus import stream

    step = streamed_build(stream(n))
    indexed, labels = step.pop("indexed"), step.pop("labels")
    step["precision"] = same_cluster_precision(indexed, labels, engine.Params())
    return step


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_site.settings")
    import django

    django.setup()


def rebuild_step() -> dict:
    setup_django()
    from wagtail.models import Locale

    from ankasam_pubs.similar import service

    started = time.perf_counter()
    count = service.rebuild(Locale.objects.get(language_code="en"))
    return {
        "seconds": time.perf_counter() - started,
        "analyses": count,
        "peak_rss_mib": peak_rss_mib(),
    }


# -- in the benchmark process -------------------------------------------------------------


def taxonomy_gain(n: int = 3_000) -> list[dict]:
    """Does taxonomy help? Same-cluster precision@6, text alone against the combined
    score, on short, noisy documents (where text alone is weakest)."""
    from ankasam_pubs.similar import engine
    from benchmarks.corpus import generate

    documents, labels = generate(n, seed=5, body_words=60, topical=0.1)
    figures = {}
    for name, weights in (
        ("text only", {**engine.DEFAULT_WEIGHTS, "taxonomy": 0.0, "taxonomy_only": 0.0}),
        ("combined", dict(engine.DEFAULT_WEIGHTS)),
    ):
        params = engine.Params(weights=weights)
        _stats, indexed = engine.build(documents, params)
        figures[name] = same_cluster_precision(indexed, labels, params)
    return [
        {
            "name": f"similar: precision@6 with taxonomy (baseline: text only), {n:,} short docs",
            "value": figures["combined"],
            "unit": "",
            "baseline": figures["text only"],
        }
    ]


def analysis_index():
    from ankasam_pubs.models import AnalysisIndexPage
    from tests import factories as f

    index = AnalysisIndexPage.objects.filter(locale__language_code="en").first()
    return index or f.site_tree()["index"]["en"]


def insert_analyses(index, n: int, *, seed: int = 20261129) -> float:
    """``n`` live analyses of the synthetic corpus, inserted in bulk (Page.add_child is slow).

    Returns the seconds it took and document ``n + 1`` of the same corpus, for publishing.
    """
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from ankasam_pubs.models import AnalysisAuthor, AnalysisPage, AuthorProfile, Region, Topic
    from benchmarks.corpus import generate

    documents, _labels = generate(n + 1, seed=seed)
    documents, extra = documents[:n], documents[n]
    topics = {k: Topic.objects.create(slug=f"t{k}", name_en=f"Topic {k}") for k in range(200)}
    regions = {k: Region.objects.create(slug=f"r{k}", name_en=f"Region {k}") for k in range(12)}
    people = {
        k: AuthorProfile.objects.create(slug=f"p{k}", display_name_en=f"Person {k}")
        for k in range(max(10, n // 40))
    }
    content_type = ContentType.objects.get_for_model(AnalysisPage)
    started = time.perf_counter()
    last = index.get_children().order_by("-path").first()
    first = int(last.path[-4:], 36) if last else 0
    with transaction.atomic():
        pages = []
        for position, doc in enumerate(documents, start=1):
            step = Page._get_path(index.path, index.depth + 1, first + position)[-4:]
            pages.append(
                Page(
                    title=doc.title,
                    draft_title=doc.title,
                    slug=f"bench-{doc.key}",
                    path=index.path + step,
                    depth=index.depth + 1,
                    numchild=0,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{index.url_path}bench-{doc.key}/",
                    content_type=content_type,
                    locale_id=index.locale_id,
                    first_published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
                )
            )
        Page.objects.bulk_create(pages, batch_size=500)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + n)
        ids = dict(Page.objects.filter(slug__startswith="bench-").values_list("slug", "pk"))
        fields = AnalysisPage._meta.local_concrete_fields
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        marks = ", ".join(["%s"] * len(fields))
        rows = []
        for doc in documents:
            page = AnalysisPage(
                page_ptr_id=ids[f"bench-{doc.key}"],
                summary=doc.summary,
                publication_date=datetime.date.fromordinal(doc.date),
                body=[{"type": "paragraph", "value": f"<p>{doc.body}</p>"}],
                series=None,
            )
            rows.append(
                [
                    field.get_db_prep_save(getattr(page, field.attname), connection)
                    for field in fields
                ]
            )
        table = connection.ops.quote_name(AnalysisPage._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
        through_topics = AnalysisPage.topics.through
        through_regions = AnalysisPage.regions.through
        through_topics.objects.bulk_create(
            [
                through_topics(analysispage_id=ids[f"bench-{d.key}"], topic_id=topics[t % 200].pk)
                for d in documents
                for t in d.taxonomy["topics"]
            ],
            batch_size=2000,
        )
        through_regions.objects.bulk_create(
            [
                through_regions(analysispage_id=ids[f"bench-{d.key}"], region_id=regions[r % 12].pk)
                for d in documents
                for r in d.taxonomy["regions"]
            ],
            batch_size=2000,
        )
        AnalysisAuthor.objects.bulk_create(
            [
                AnalysisAuthor(page_id=ids[f"bench-{d.key}"], author=people[a % len(people)])
                for d in documents
                for a in d.taxonomy["authors"]
            ],
            batch_size=2000,
        )
    return time.perf_counter() - started, extra


def run(*, quick: bool) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from ankasam_pubs.similar import service
    from ankasam_pubs.similar.display import similar_posts
    from ankasam_pubs.similar.models import SimilarPost
    from tests import factories as f

    results = taxonomy_gain(1_000 if quick else 3_000)
    engine_sizes = [2_000] if quick else [10_000, 100_000]
    for n in engine_sizes:
        step = run_child("benchmarks.bench_similar", "engine", str(n))
        results += [
            {"name": f"similar: engine build, {n:,} docs", "value": step["seconds"], "unit": "s"},
            {
                "name": f"similar: engine build peak RSS, {n:,} docs",
                "value": step["peak_rss_mib"],
                "unit": "MiB",
            },
            {
                "name": f"similar: same-cluster precision@6, {n:,} docs",
                "value": step["precision"],
                "unit": "",
            },
        ]

    n = 1_000 if quick else 10_000
    index = analysis_index()
    insert_seconds, extra = insert_analyses(index, n)
    results.append(
        {"name": f"similar: insert {n:,} analyses (setup)", "value": insert_seconds, "unit": "s"}
    )
    step = run_child("benchmarks.bench_similar", "rebuild")
    full = step["seconds"]
    results += [
        {"name": f"similar: site rebuild, {n:,} analyses", "value": full, "unit": "s"},
        {
            "name": f"similar: site rebuild peak RSS, {n:,} analyses",
            "value": step["peak_rss_mib"],
            "unit": "MiB",
        },
    ]

    # One new analysis, published as an editor would; time the task's work on its own.
    page = f.analysis(
        index,
        extra.title,
        body=[{"type": "paragraph", "value": f"<p>{extra.body}</p>"}],
        summary=extra.summary,
    )
    started = time.perf_counter()
    service.update(index.locale_id, [page.pk])
    incremental = time.perf_counter() - started
    entered = SimilarPost.objects.filter(similar=page).count()
    results.append(
        {
            "name": f"similar: incremental update, 1 new into {n:,} (lists entered: {entered})",
            "value": incremental,
            "unit": "s",
            "baseline": full,
        }
    )

    target = Page.objects.get(pk=SimilarPost.objects.order_by("page_id").first().page_id).specific
    target.locale  # noqa: B018 - loaded by any page view before the block renders
    with CaptureQueriesContext(connection) as queries:
        items = similar_posts(target)
    results.append(
        {
            "name": f"similar: block queries at {n:,} analyses ({len(items)} shown)",
            "value": float(len(queries)),
            "unit": "queries",
        }
    )
    return results


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "engine":
        print(json.dumps(engine_step(int(sys.argv[2]))))
    elif command == "rebuild":
        print(json.dumps(rebuild_step()))
    else:
        raise SystemExit(f"unknown step {command!r}")
