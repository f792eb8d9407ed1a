"""Relevance of the similar-posts text score on the human-labelled Lee corpus.

The Lee corpus (Lee, Pincombe & Welsh 2005) is 50 short news articles, each pair rated
for similarity by human readers, plus 300 background articles of the same kind. It
ships inside the gensim wheel, so ``pip install -e '.[bench]'`` brings it along.

Three methods score the 1,225 pairs, all with the same corpus (background + Lee) for
their statistics:

* ours: the text component of :mod:`ankasam_pubs.similar.engine` (stemmed terms,
  sublinear TF x smoothed IDF, vectors cut to ``max_terms``, a page's query cut to its
  ``query_terms`` heaviest terms). The score of candidate *c* in page *p*'s list is
  directional; "symmetric" is the mean of both directions;
* plain TF-IDF cosine, gensim's ``Dictionary`` + ``TfidfModel`` with its defaults and
  ``simple_preprocess`` tokens: the usual baseline;
* YARPP-style keyword overlap: each article's 20 most frequent words (stop words
  dropped, no stemming); the score is how many keywords two articles share.

Metrics: Pearson correlation with the human ratings over the 1,225 pairs, and mean
nDCG@5 of each article's ranking of the 49 others (gain = human rating).
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import math
import statistics
from collections import Counter
from collections.abc import Callable, Sequence

from ankasam_pubs.similar import engine
from ankasam_pubs.stems import STOP_WORDS, words

Matrix = list[list[float]]

BACKGROUND_DOCS = 300
LEE_DOCS = 50
KEYWORDS = 20  # YARPP-style: keywords per article
DEPTH = 5  # nDCG@5


# --- data ------------------------------------------------------------------------------


def _data_dir():
    return importlib.resources.files("gensim").joinpath("test", "test_data")


def _decode(raw: bytes) -> str:
    # lee_background.cor is UTF-8; lee.cor is Latin-1 (a bare 0xA3 for the pound sign).
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _documents(name: str, expected: int) -> list[str]:
    text = _decode(_data_dir().joinpath(name).read_bytes())
    # One article a line; split on newlines only (str.splitlines would also split on
    # characters such as U+0085 that Latin-1 text may hold).
    docs = [line.strip() for line in text.split("\n") if line.strip()]
    if len(docs) != expected:
        raise ValueError(f"{name}: expected {expected} articles, found {len(docs)}")
    return docs


def _ratings(name: str, size: int) -> Matrix:
    """The human ratings as a full symmetric matrix.

    The file is a ``size`` x ``size`` matrix of ratings in [0, 1] with ones on the
    diagonal; only the upper triangle is filled (zeros below). A filled lower triangle
    is accepted if it mirrors the upper one.
    """
    text = _decode(_data_dir().joinpath(name).read_bytes())
    rows = [[float(v) for v in line.split()] for line in text.splitlines() if line.strip()]
    if len(rows) != size or any(len(row) != size for row in rows):
        raise ValueError(f"{name}: expected a {size}x{size} matrix")
    ratings = [[1.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i + 1, size):
            upper, lower = rows[i][j], rows[j][i]
            if lower and not math.isclose(lower, upper):
                raise ValueError(f"{name}: ratings ({i}, {j}) and ({j}, {i}) differ")
            if not 0.0 < upper <= 1.0:
                raise ValueError(f"{name}: rating ({i}, {j}) = {upper} out of (0, 1]")
            ratings[i][j] = ratings[j][i] = upper
    return ratings


def load() -> tuple[list[str], list[str], Matrix]:
    """(background articles, the 50 rated articles, their human ratings)."""
    return (
        _documents("lee_background.cor", BACKGROUND_DOCS),
        _documents("lee.cor", LEE_DOCS),
        _ratings("similarities0-1.txt", LEE_DOCS),
    )


# --- methods: each returns scores[p][c], the score of c in p's list ---------------------


def ours(background: Sequence[str], lee: Sequence[str], params: engine.Params) -> Matrix:
    """The engine's text component; IDF from background + Lee."""
    documents = [
        engine.Document(key=n, language="en", body=body)
        for n, body in enumerate([*background, *lee])
    ]
    counted = engine.count(documents, params)
    stats = engine.corpus_stats(counted)
    idf = counted[0].vocabulary.idf(stats)  # one vocabulary for the whole count
    indexed = [engine.index_document(item, stats, params, idf) for item in counted[-len(lee) :]]
    scorer = engine.Scorer(params)
    queries = [scorer.query(page) for page in indexed]
    return [[engine.query_dot(query, other.vector) for other in indexed] for query in queries]


def symmetric(scores: Matrix) -> Matrix:
    size = len(scores)
    return [[(scores[p][c] + scores[c][p]) / 2 for c in range(size)] for p in range(size)]


def _cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    product = sum(w * b.get(t, 0.0) for t, w in a.items())
    norms = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return product / norms if norms else 0.0


def plain_tfidf(background: Sequence[str], lee: Sequence[str]) -> Matrix:
    """Cosine of gensim's default TF-IDF vectors (dictionary and model fitted on all)."""
    from gensim.corpora import Dictionary
    from gensim.models import TfidfModel
    from gensim.utils import simple_preprocess

    tokens = [simple_preprocess(body) for body in [*background, *lee]]
    dictionary = Dictionary(tokens)
    bags = [dictionary.doc2bow(doc) for doc in tokens]
    model = TfidfModel(bags)
    vectors = [dict(model[bag]) for bag in bags[-len(lee) :]]
    return [[_cosine(a, b) for b in vectors] for a in vectors]


def keywords(body: str, n: int = KEYWORDS) -> set[str]:
    """The ``n`` most frequent unstemmed words that are not stop words (ties: first seen)."""
    stop = STOP_WORDS["en"]
    counts = Counter(word for word in words(body, "en") if word not in stop)
    return {word for word, _count in counts.most_common(n)}


def keyword_overlap(lee: Sequence[str]) -> Matrix:
    sets = [keywords(body) for body in lee]
    return [[float(len(a & b)) for b in sets] for a in sets]


# --- metrics ---------------------------------------------------------------------------


def pairs(size: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(size) for j in range(i + 1, size)]


def pearson(scores: Matrix, ratings: Matrix) -> float:
    """Correlation over the unique pairs i < j; ``scores[i][j]`` is i's view of j."""
    unique = pairs(len(ratings))
    return statistics.correlation(
        [scores[i][j] for i, j in unique], [ratings[i][j] for i, j in unique]
    )


def ndcg(scores: Matrix, ratings: Matrix, depth: int = DEPTH) -> float:
    """Mean nDCG@depth: each article ranks the others by score (ties by index)."""
    size = len(ratings)
    values = []
    for p in range(size):
        others = [c for c in range(size) if c != p]
        ranked = sorted(others, key=lambda c: (-scores[p][c], c))[:depth]
        ideal = sorted((ratings[p][c] for c in others), reverse=True)[:depth]
        dcg = sum(ratings[p][c] / math.log2(rank + 1) for rank, c in enumerate(ranked, 1))
        best = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(ideal, 1))
        values.append(dcg / best)
    return statistics.fmean(values)


# --- the benchmark ---------------------------------------------------------------------

#: (key, row title); every row's baseline is plain TF-IDF cosine.
METHODS = (
    ("ours", "ours (text, page -> candidate)"),
    ("ours_symmetric", "ours (text, symmetric mean)"),
    ("ours_uncut", "ours (text, query_terms = max_terms: query not cut)"),
    ("overlap", "YARPP-style keyword overlap"),
)


def evaluate(
    background: Sequence[str], lee: Sequence[str], ratings: Matrix
) -> dict[str, dict[str, float]]:
    """Every method's figures: ``{method: {"pearson": r, "ndcg": nDCG@5}}``."""
    params = engine.Params()
    ours_scores = ours(background, lee, params)
    methods: dict[str, Callable[[], Matrix]] = {
        "tfidf": lambda: plain_tfidf(background, lee),
        "ours": lambda: ours_scores,
        "ours_symmetric": lambda: symmetric(ours_scores),
        # A variant, not what pages use: the page's whole vector is the query.
        "ours_uncut": lambda: ours(
            background, lee, dataclasses.replace(params, query_terms=params.max_terms)
        ),
        "overlap": lambda: keyword_overlap(lee),
    }
    figures = {}
    for name, method in methods.items():
        scores = method()
        figures[name] = {"pearson": pearson(scores, ratings), "ndcg": ndcg(scores, ratings)}
    return figures


def run(*, quick: bool) -> list[dict]:
    del quick  # the whole benchmark takes about a second; a quick run is the same run
    figures = evaluate(*load())
    tfidf = figures["tfidf"]
    rows = []
    for metric, label, unit in (("pearson", "Pearson", "r"), ("ndcg", f"nDCG@{DEPTH}", "nDCG")):
        rows.append(
            {
                "name": f"lee: {label}, plain TF-IDF cosine (gensim)",
                "value": tfidf[metric],
                "baseline": None,
                "unit": unit,
            }
        )
        for name, title in METHODS:
            rows.append(
                {
                    "name": f"lee: {label}, {title}",
                    "value": figures[name][metric],
                    "baseline": tfidf[metric],
                    "unit": unit,
                }
            )
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        print(f"{row['name']:<70} {row['value']:.4f}")
