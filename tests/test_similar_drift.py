"""Word weights follow the corpus: a site that grows by publication, one analysis at a
time, gets the lists a full rebuild would give, within the drift bound."""

from __future__ import annotations

import random

import pytest
from wagtail.models import Page

from ankasam_pubs.similar import service
from ankasam_pubs.similar.engine import weights_drifted
from ankasam_pubs.similar.models import SimilarityCorpus, SimilarPost
from tests.factories import analysis, paragraphs

pytestmark = pytest.mark.django_db

THEMES = {
    "energy": "gas pipeline storage winter supply interconnector tariff grid power",
    "water": "drought irrigation river basin dam reservoir rainfall farming aquifer",
    "trade": "port grain shipping strait tanker freight customs export container",
    "security": "border patrol militia ceasefire drone missile garrison convoy troop",
    "finance": "bond lira inflation reserve bank currency deficit rating lender",
}
COMMON = "policy region government analysis report country minister year".split()


def text(rng: random.Random) -> tuple[str, str]:
    """A title and a body of 80 words: mostly one theme, some of another, common words."""
    main, other = rng.sample(sorted(THEMES), 2)
    words = (
        rng.choices(THEMES[main].split(), k=40)
        + rng.choices(THEMES[other].split(), k=15)
        + rng.choices(COMMON, k=25)
    )
    rng.shuffle(words)
    return f"{main} {rng.choice(THEMES[main].split())}", " ".join(words)


def lists() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for page_id, similar_id in SimilarPost.objects.order_by("page_id", "rank").values_list(
        "page_id", "similar_id"
    ):
        found.setdefault(page_id, []).append(similar_id)
    return found


def grow(tree, commit, n: int) -> None:
    rng = random.Random(7)
    for _ in range(n):
        title, words = text(rng)
        with commit():
            analysis(tree["index"]["en"], title, body=paragraphs(f"<p>{words}</p>"))


def differences(tree) -> list[int]:
    """For each list, how many entries of a full rebuild's list it lacks (the lists are
    compared after the incremental updates so far, then the language is rebuilt)."""
    incremental = lists()
    service.rebuild(tree["locales"]["en"])
    rebuilt = lists()
    return [
        len(set(rebuilt.get(page, [])) - set(incremental.get(page, [])))
        for page in incremental.keys() | rebuilt.keys()
    ]


def test_drift_rule():
    assert weights_drifted(0, 1, 0.1)
    assert weights_drifted(10, 12, 0.1) and not weights_drifted(10, 11, 0.1)
    assert weights_drifted(100, 89, 0.1) and not weights_drifted(100, 90, 0.1)
    assert not weights_drifted(5, 500, float("inf"))


def test_a_site_grown_one_by_one_keeps_lists_within_one_entry_of_a_rebuild(tree, commit):
    """60 analyses published one by one into an empty site, each in its own commit (the
    default drift, 0.1). The weights were computed on a count within a tenth of today's,
    and no list lacks more than one of a full rebuild's entries."""
    grow(tree, commit, 60)
    weighed = SimilarityCorpus.objects.get(locale=tree["locales"]["en"]).documents
    live = Page.objects.filter(similarity_document__isnull=False).count()
    assert live == 60 and not weights_drifted(weighed, live, 0.1)
    missing = differences(tree)
    assert len(missing) == 60
    assert max(missing) <= 1, sorted(missing)


def test_without_the_rule_the_weights_freeze_at_the_first_publication(tree, commit, settings):
    """The control: with the rule off, weights stay those of a one-document corpus and
    lists drift far from a rebuild's (what the bound above catches)."""
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_REBUILD_DRIFT": 1e9}
    grow(tree, commit, 60)
    assert SimilarityCorpus.objects.get(locale=tree["locales"]["en"]).documents == 1
    assert max(differences(tree)) >= 3
