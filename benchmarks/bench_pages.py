"""Page rendering against a plain Wagtail page of the same body, and queries per page type."""

from __future__ import annotations

import re
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ankasam_pubs.models import AnalysisIndexPage, Topic
from ankasam_pubs.similar.models import SimilarPost


def _body(blocks: int) -> list[dict]:
    body = []
    for n in range(blocks):
        if n % 5 == 4:
            body.append({"type": "heading", "value": {"text": f"Section {n}", "level": "h2"}})
        else:
            body.append(
                {
                    "type": "paragraph",
                    "value": f"<p>Paragraph {n} with <b>bold</b>, <i>italic</i> and a "
                    f'<a href="https://example.org/{n}">link</a>. ' + "Text " * 60 + "</p>",
                }
            )
    return body


def _notes(uids: list[str]) -> list[dict]:
    """One web source per note, as editors cite a news article."""
    from tests import factories as f

    return [
        {
            "uid": uid,
            "sources": [
                f.source(
                    f"Source {uid}",
                    url=f"https://example.org/{uid}",
                    container_title="Example Review",
                    accessed="2023-03-15",
                    authors="Demir, Ayşe",
                )
            ],
        }
        for uid in uids
    ]


#: The analysis the issue describes: 40 notes, 3 authors, 2 live translations, 6 similar.
NOTES = 40
SIMILAR_TEXT = "Gas pipelines, winter storage and interconnectors decide energy supply."


def build(blocks: int = 10):
    from home.models import StandardPage
    from tests import factories as f

    tree = f.site_tree()
    people = [f.author(f"bench-author-{n}") for n in range(3)]
    picture = f.image("bench")
    topic = f.term(Topic, "bench-energy")
    body = _body(blocks)
    uids = [f"bench-n{n}" for n in range(NOTES)]
    # The analysis's body cites every note; the plain page has the same text without them.
    cited = [dict(block) for block in body]
    paragraphs = [block for block in cited if block["type"] == "paragraph"]
    for n, uid in enumerate(uids):
        block = paragraphs[n % len(paragraphs)]
        block["value"] = block["value"].replace("</p>", f" Claim {n}.{f.ref(uid)}</p>")
    notes = _notes(uids)
    index = tree["index"]["en"]
    for n in range(12):  # related analyses: the page's similar posts
        f.analysis(
            index,
            f"Energy filler {n}",
            authors=people[n % 3 : n % 3 + 1],
            lead_image=picture,
            topics=[topic],
            body=f.paragraphs(f"<p>{SIMILAR_TEXT} Filler {n}.</p>"),
        )
    analysis = f.analysis(
        index,
        "Benchmark analysis: gas pipelines and winter storage",
        authors=people,
        body=cited,
        notes=notes,
        topics=[topic],
        lead_image=picture,
        summary=SIMILAR_TEXT,
    )
    for code in ("tr", "ru"):
        f.translate(analysis, tree["locales"][code], title=f"Benchmark {code}")
    shown = SimilarPost.objects.filter(page=analysis).count()
    assert shown == 6, f"the benchmark analysis shows {shown} similar posts, not 6"
    plain = tree["home"]["en"].add_child(
        instance=StandardPage(title="Benchmark plain page", slug="bench-plain", body=body)
    )
    plain.save_revision().publish()
    return {"analysis": analysis, "plain": plain, "index": index, "home": tree["home"]["en"]}


def median_times(client: Client, urls: dict[str, str], repeat: int) -> dict[str, float]:
    samples = {name: [] for name in urls}
    for url in urls.values():  # warm up
        assert client.get(url).status_code == 200, url
    for _ in range(repeat):
        for name, url in urls.items():  # interleaved
            start = time.perf_counter()
            client.get(url)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in samples.items()}


def count_queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def build_notes_pages(note_counts=(5, 40, 80), blocks: int = 10):
    """For each count: an analysis whose body cites that many notes, and the same text
    as a plain page (references removed), plus the same analysis without notes."""
    from home.models import StandardPage
    from tests import factories as f

    index = AnalysisIndexPage.objects.filter(locale__language_code="en").first()
    home = index.get_parent()
    pages = {}
    for count in note_counts:
        uids = [f"b{count}n{n}" for n in range(count)]
        chunks = [uids[i::blocks] for i in range(blocks)]
        with_refs = [
            "<p>"
            + " ".join(f"Sentence {i}.{f.ref(uid)}" for i, uid in enumerate(chunk))
            + " "
            + "Text " * 60
            + "</p>"
            for chunk in chunks
        ]
        plain = [re.sub(r'<a linktype="note"[^>]*>\*</a>', "", html) for html in with_refs]
        notes = _notes(uids)
        analysis = f.analysis(index, f"Notes {count}", body=f.paragraphs(*with_refs), notes=notes)
        bare = f.analysis(index, f"No notes {count}", body=f.paragraphs(*plain))
        standard = home.add_child(
            instance=StandardPage(
                title=f"Plain {count}", slug=f"plain-{count}", body=f.paragraphs(*plain)
            )
        )
        standard.save_revision().publish()
        pages[count] = {"analysis": analysis.url, "bare": bare.url, "plain": standard.url}
    return pages


def run(*, quick: bool) -> list[dict]:
    pages = build()
    client = Client()
    urls = {name: page.url for name, page in pages.items()}
    times = median_times(
        client, {"analysis": urls["analysis"], "plain": urls["plain"]}, repeat=15 if quick else 200
    )
    from django.test import override_settings

    # The same pages with the shared response cache on: what most readers get.
    with override_settings(ANKASAM_PUBS={"PAGE_CACHE_TIMEOUT": 300}):
        served = median_times(
            Client(),
            {"analysis": urls["analysis"], "plain": urls["plain"]},
            repeat=15 if quick else 200,
        )
    results = [
        {
            "name": "render: analysis (40 notes, 3 authors, 2 translations, 6 similar) vs plain",
            "value": times["analysis"],
            "baseline": times["plain"],
            "unit": "ms",
        },
        {
            "name": "served: same analysis from the response cache vs plain page (uncached)",
            "value": served["analysis"],
            "baseline": served["plain"],
            "unit": "ms",
        },
    ]

    for count, urls_for in build_notes_pages().items():
        with override_settings(ANKASAM_PUBS={"RENDER_CACHE_TIMEOUT": 0}):
            cold = median_times(client, urls_for, repeat=15 if quick else 150)
        results.append(
            {
                "name": f"notes, fragment cache off: {count} notes vs plain page, same text",
                "value": cold["analysis"],
                "baseline": cold["plain"],
                "unit": "ms",
            }
        )
        results.append(
            {
                "name": f"notes, fragment cache off: {count} notes vs same analysis, no notes",
                "value": cold["analysis"],
                "baseline": cold["bare"],
                "unit": "ms",
            }
        )
        times = median_times(client, urls_for, repeat=15 if quick else 150)
        results.append(
            {
                "name": f"notes: {count} notes vs plain page, same text",
                "value": times["analysis"],
                "baseline": times["plain"],
                "unit": "ms",
            }
        )
        results.append(
            {
                "name": f"notes: {count} notes vs same analysis, no notes",
                "value": times["analysis"],
                "baseline": times["bare"],
                "unit": "ms",
            }
        )
    for name in ("analysis", "index", "home", "plain"):
        results.append(
            {
                "name": f"queries: {name} page",
                "value": count_queries(client, urls[name]),
                "unit": "queries",
            }
        )
    return results
