"""Query counts of the listing pages (issue 18): the analysis index and an author profile
cost a fixed number of queries, whatever the number of analyses they list.

Each listed analysis has its own lead image, series, topic, region and two authors of its
own, so a card field fetched per card (not prefetched) shows as a count that grows with
the listing. The counts include the two statements of the request's transaction
(``ATOMIC_REQUESTS``: a savepoint and its release inside the test's transaction).
benchmarks/bench_pages.py reports the same pages' counts outside a test transaction.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ankasam_pubs.models import Region, Series, Topic
from tests import factories as f

pytestmark = pytest.mark.django_db

#: Queries for the analysis index page (``/en/analysis/``), any number of cards: rendered
#: (no snapshot kept: ``RENDER_CACHE_TIMEOUT`` 0, or the first request after a change)
#: and answered from its snapshot.
INDEX_QUERIES = {"rendered": 26, "snapshot": 10}
#: Queries for an author profile (``/en/authors/<slug>/``), any number of analyses.
PROFILE_QUERIES = {"rendered": 18, "snapshot": 10}


@pytest.fixture(params=["rendered", "snapshot"])
def mode(request, settings):
    if request.param == "rendered":
        settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "RENDER_CACHE_TIMEOUT": 0}
    return request.param


def queries(client, url: str) -> int:
    """Queries of the second request: the first one warms what a running site keeps
    (site root paths, renditions made on first view)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def listed(index, count: int, *, author=None) -> None:
    """``count`` analyses, every card field filled with objects of its own."""
    for _ in range(count):
        n = next(f._counter)
        credits = [f.author(), f.author()]
        f.analysis(
            index,
            authors=[author, credits[0]] if author else credits,
            lead_image=f.image(f"lead-{n}"),
            series=f.term(Series, f"series-{n}"),
            topics=[f.term(Topic, f"topic-{n}")],
            regions=[f.term(Region, f"region-{n}")],
            summary=f"Summary {n}.",
        )


def test_index_query_count_is_constant_for_3_or_9_analyses(client, tree, settings, mode):
    assert settings.ANKASAM_PUBS["INDEX_PAGE_SIZE"] == 9  # all nine on one page
    index = tree["index"]["en"]
    listed(index, 3)
    three = queries(client, index.url)
    assert client.get(index.url).content.decode().count('<article class="ap-card') == 3
    listed(index, 6)
    nine = queries(client, index.url)
    assert client.get(index.url).content.decode().count('<article class="ap-card') == 9
    assert (three, nine) == (INDEX_QUERIES[mode], INDEX_QUERIES[mode])


def test_profile_query_count_is_constant_for_2_or_8_analyses(client, tree, authors_index, mode):
    person = f.author(
        "profiled",
        display_name_en="Profiled Person",
        bio_en="Works on energy.\n\nAnd on ports.",
        portrait=f.image("portrait"),
    )
    person.expertise.set([f.term(Topic, "energy"), f.term(Topic, "ports")])
    url = authors_index["en"].url + "profiled/"
    listed(tree["index"]["en"], 2, author=person)
    two = queries(client, url)
    assert client.get(url).content.decode().count('<article class="ap-card') == 2
    listed(tree["index"]["en"], 6, author=person)
    eight = queries(client, url)
    assert client.get(url).content.decode().count('<article class="ap-card') == 8
    assert (two, eight) == (PROFILE_QUERIES[mode], PROFILE_QUERIES[mode])
