"""A deterministic synthetic corpus of analyses for the similar-posts benchmarks.

Documents are drawn from topic clusters: each cluster has its own vocabulary mixed
into a shared Zipf-distributed background, and taxonomy terms follow the cluster with
some noise, as in a real archive. Same seed, same corpus, on every machine.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Iterator

from ankasam_pubs.similar.engine import Document

SYLLABLES = [
    c + v
    for c in ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh")
    for v in ("a", "e", "i", "o", "u", "ay", "or", "en")
]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def generate(n: int, **options) -> tuple[list[Document], list[int]]:
    """``n`` documents and the cluster of each (the ground truth for relevance)."""
    documents, labels = [], []
    for document, label in stream(n, **options):
        documents.append(document)
        labels.append(label)
    return documents, labels


def stream(
    n: int,
    *,
    seed: int = 20261129,
    clusters: int | None = None,
    body_words: int = 600,
    topical: float = 0.2,
    language: str = "en",
) -> Iterator[tuple[Document, int]]:
    """The documents of :func:`generate` one by one, each with its cluster, so that a
    rebuild can be measured without the whole corpus's bodies held at once."""
    rng = random.Random(seed)
    clusters = clusters or max(8, n // 60)
    background = _vocabulary(rng, 20_000)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(background))))
    cluster_words = [_vocabulary(rng, 120) for _ in range(clusters)]
    regions = 12
    authors = max(10, n // 40)
    start = datetime.date(2012, 1, 1).toordinal()
    for key in range(1, n + 1):
        cluster = rng.randrange(clusters)
        own = cluster_words[cluster]
        words = rng.choices(background, cum_weights=cumulative, k=round(body_words * (1 - topical)))
        words += rng.choices(own, k=body_words - len(words))
        rng.shuffle(words)
        k = max(1, round(5 * topical))
        title = " ".join(rng.choices(own, k=k) + rng.choices(background[:500], k=6 - k))
        summary = " ".join(rng.choices(own, k=4 * k) + rng.choices(background[:2000], k=20 - 4 * k))
        topic = cluster if rng.random() < 0.8 else rng.randrange(clusters)
        taxonomy = {
            "topics": frozenset(
                {topic, rng.randrange(clusters)} if rng.random() < 0.3 else {topic}
            ),
            "regions": frozenset({(cluster + rng.randrange(2)) % regions}),
            "series": frozenset({rng.randrange(5)}),
            "authors": frozenset({(cluster * 7 + rng.randrange(3)) % authors}),
        }
        yield (
            Document(
                key=key,
                language=language,
                title=title,
                summary=summary,
                body=" ".join(words),
                taxonomy=taxonomy,
                date=start + rng.randrange(5000),
            ),
            cluster,
        )
