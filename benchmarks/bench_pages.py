"""Page rendering against a plain Wagtail page of the same body, and queries per page type."""

from __future__ import annotations

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


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


def build(blocks: int = 10):
    from home.models import StandardPage
    from tests import factories as f

    tree = f.site_tree()
    people = [f.author(f"bench-author-{n}") for n in range(3)]
    picture = f.image("bench")
    body = _body(blocks)
    index = tree["index"]["en"]
    analysis = f.analysis(
        index, "Benchmark analysis", authors=people, body=body, lead_image=picture
    )
    for code in ("tr", "ru"):
        f.translate(analysis, tree["locales"][code], title=f"Benchmark {code}")
    for n in range(12):
        f.analysis(index, f"Filler {n}", authors=people, lead_image=picture)
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


def run(*, quick: bool) -> list[dict]:
    pages = build()
    client = Client()
    urls = {name: page.url for name, page in pages.items()}
    times = median_times(
        client, {"analysis": urls["analysis"], "plain": urls["plain"]}, repeat=15 if quick else 200
    )
    results = [
        {
            "name": "render: analysis page vs plain page (median)",
            "value": times["analysis"],
            "baseline": times["plain"],
            "unit": "ms",
        }
    ]
    for name in ("analysis", "index", "home", "plain"):
        results.append(
            {
                "name": f"queries: {name} page",
                "value": count_queries(client, urls[name]),
                "unit": "queries",
            }
        )
    return results
