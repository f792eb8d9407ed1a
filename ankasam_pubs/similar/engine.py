"""The relevance engine: weigh terms, score pairs, pick a list. Pure Python, no I/O.

Score of candidate *c* for page *p*:

    text      TF-IDF cosine in [0, 1] (title counted ``title_weight`` times, summary
              ``summary_weight`` times, sublinear term frequency, smoothed IDF),
              restricted to the page's ``query_terms`` heaviest terms, as search
              engines' more-like-this queries do: cheaper and less noisy
    taxonomy  overlap / (overlap + TAXONOMY_SCALE) in [0, 1), where overlap is the
              sum over the taxonomy terms both share (topics, regions, series,
              authors) of kind weight x IDF of the term
    combined  text * (1 + w_taxonomy * taxonomy) + w_taxonomy_only * taxonomy
    score     combined * recency, where recency = 1 - r + r * 0.5 ** (gap / half-life)
              and gap is how many days *c* was published before *p* (0 if after).

Taxonomy multiplies the text score rather than adding to it: text cosines of long
documents are small numbers and taxonomy cosines large ones, so an added taxonomy
part would let two analyses that merely share a series outrank two on the same
subject. As a factor it reorders candidates whose texts are about as close, and a
small additive part lets analyses that share taxonomy but no words fill a list.

Why an overlap and not a cosine of taxonomy vectors: most analyses have one or two
terms of each kind, and a unit-length vector of one term is 1 whatever the term, so a
cosine turns "shares a topic of 3,773 documents" and "shares one of 55" into the same
yes/no. The overlap keeps both what the term is (its kind's weight: an author counts
as set per site) and how rare it is (its IDF), and each further shared term adds to
it. The saturating map to [0, 1) uses a fixed constant rather than the page's own
maximum or the corpus size: dividing by the page's maximum would make a page's only
topic a full match again, however common it is, and a corpus-dependent scale would
change every score as the site grows. With the constant at 3, sharing one common
topic (IDF about 2) gives 0.4, a rare one (IDF about 7) 0.7, and a rare topic, author
and series together about 0.8; the taxonomy-only part (0.25 by default) lets a page
that shares a topic but few words into a list, ahead of pages that share a few
incidental words and nothing else.

A page with no topic (or no region) of its own borrows those of its closest texts
(:func:`infer_taxonomy`) for its own list. Editors tag unevenly, and imported archives
often carry no topics at all; a page's nearest texts share its subject more often
than not. Other pages' lists compare only its own terms, so a guess never spreads.

Candidates come from the text postings and the taxonomy postings together and are
shortlisted on an estimate of the combined score (text part plus the taxonomy overlap
the postings saw), so a same-topic page with modest text overlap is scored, not cut
before its taxonomy counts.

The recency factor depends on the two publication dates only, never on today's date,
so a rebuild tomorrow gives today's lists and incremental updates stay exact.

Each document keeps its ``RESERVE`` best raw candidates; the shown list is chosen
from them (pins first, exclusions dropped, at most N per author and per series while
others qualify). Incremental updates edit reserves instead of rescoring everything.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import math
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass, field

import numpy as np

from ..stems import base_language, term_counts

#: Stored with every computed list; bump when scores would change for the same content.
ALGORITHM_VERSION = "ankasam-similar/3"

TAXONOMY_KINDS = ("topics", "regions", "series", "authors")
#: Kinds that a page without any term of its own borrows from its nearest texts.
INFERRED_KINDS = frozenset({"topics", "regions"})

#: The taxonomy overlap (sum of kind weight x IDF of shared terms) at which the
#: taxonomy score is one half; fixed, so scores do not move as the corpus grows.
TAXONOMY_SCALE = 3.0

DEFAULT_WEIGHTS: dict[str, float] = {
    "taxonomy": 2.0,
    "taxonomy_only": 0.25,
    "topics": 1.0,
    "regions": 0.6,
    "series": 0.5,
    "authors": 0.8,
    "recency": 0.25,
}


@dataclass(frozen=True)
class Params:
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    count: int = 6
    reserve: int = 24
    half_life_days: float = 730.0
    max_per_author: int = 2
    max_per_series: int = 3
    # A candidate over the author or series cap waits only for others scoring at
    # least this fraction of its score; weaker ones do not push it out of the list.
    diversity_ratio: float = 0.75
    min_score: float = 0.01
    title_weight: int = 3
    summary_weight: int = 2
    max_terms: int = 64  # terms kept per document vector, heaviest first
    query_terms: int = 40  # a page's heaviest terms that its text score compares
    postings_cap: int = 400  # documents kept per term when generating candidates
    taxonomy_postings_cap: int = 150  # most recent documents kept per taxonomy term
    # A page without topics (or regions) borrows them from this many of its closest
    # texts, each neighbour's terms weighed by its share of their text scores.
    infer_from: int = 20


@dataclass
class Document:
    """What the engine knows of one analysis (built by :mod:`.documents`)."""

    key: int
    language: str
    title: str = ""
    summary: str = ""
    body: str = ""
    taxonomy: dict[str, frozenset] = field(default_factory=dict)  # kind -> term keys
    date: int = 0  # publication date as a proleptic ordinal (date.toordinal())

    def counts(self, params: Params) -> Counter:
        language = base_language(self.language)
        counts = term_counts(self.body, language)
        for text, times in (
            (self.title, params.title_weight),
            (self.summary, params.summary_weight),
        ):
            for term, n in term_counts(text, language).items():
                counts[term] += n * times
        return counts

    def taxonomy_terms(self) -> list[str]:
        # Interned: a large corpus repeats the same few thousand terms in every document.
        return [
            sys.intern(f"{kind}:{key}")
            for kind in TAXONOMY_KINDS
            for key in self.taxonomy.get(kind, ())
        ]


@dataclass(slots=True)  # one per analysis, 100,000 at once in a large rebuild
class Indexed:
    """A document as stored: normalised vectors plus what list selection needs."""

    key: int
    vector: dict[str, float]
    taxonomy: dict[str, float]
    date: int
    authors: tuple = ()
    series: tuple = ()
    reserve: list[tuple[int, float]] = field(default_factory=list)
    # Taxonomy borrowed from the closest texts, for kinds the page has no term of
    # (set when its candidates are found; see :func:`infer_taxonomy`).
    inferred: dict[str, float] = field(default_factory=dict)

    @property
    def query_taxonomy(self) -> dict[str, float]:
        """The taxonomy this page's own list compares: its terms plus borrowed ones.
        Other pages' lists compare only its own terms, never what it guessed."""
        return with_borrowed(self.taxonomy, self.inferred)

    def to_json(self) -> dict:
        return {
            "v": {t: round(w, 5) for t, w in self.vector.items()},
            "x": {t: round(w, 5) for t, w in self.taxonomy.items()},
            "i": {t: round(w, 5) for t, w in self.inferred.items()},
            "d": self.date,
            "a": list(self.authors),
            "s": list(self.series),
        }

    @classmethod
    def from_json(cls, key: int, data: dict, reserve=()) -> Indexed:
        return cls(
            key=key,
            vector=data["v"],
            taxonomy=data["x"],
            date=data["d"],
            authors=tuple(data["a"]),
            series=tuple(data["s"]),
            reserve=[(k, s) for k, s in reserve],
            inferred=data.get("i", {}),
        )


@dataclass
class Stats:
    """Document frequencies of one language's corpus (text terms and taxonomy terms)."""

    documents: int = 0
    df: Counter = field(default_factory=Counter)

    def add(self, terms: Iterable[str]) -> None:
        """Count one more document containing ``terms`` (each distinct term once)."""
        self.documents += 1
        for term in terms:
            self.df[term] += 1

    def idf(self, term: str) -> float:
        return math.log((1 + self.documents) / (1 + self.df.get(term, 0))) + 1.0


def weights_drifted(weighed: int, now: int, drift: float) -> bool:
    """Whether word weights computed on ``weighed`` documents are too old for a corpus of
    ``now``: the count moved by more than ``drift`` of it (any change, while it is tiny).

    Incremental updates keep the weights of the last full rebuild, so without this a site
    that grows by publication would weigh every word as in its first few documents.
    """
    return abs(now - weighed) > drift * max(weighed, 1)


class Vocabulary:
    """The terms of a rebuild, numbered in the order first seen."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.terms: list[str] = []
        self._alphabetical = np.zeros(0, dtype=np.int64)

    def ids(self, terms: Iterable[str]) -> array:
        number, known = self.number, self.terms
        ids = array("i")
        for term in terms:
            found = number.get(term)
            if found is None:
                found = number[term] = len(known)
                known.append(term)
            ids.append(found)
        return ids

    def alphabetical(self) -> np.ndarray:
        """Each term number's place in alphabetical order of the terms (for ties)."""
        if len(self._alphabetical) != len(self.terms):
            terms = self.terms
            places = np.empty(len(terms), dtype=np.int64)
            places[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
            self._alphabetical = places
        return self._alphabetical

    def idf(self, stats: Stats) -> np.ndarray:
        """Each term number's IDF in ``stats``."""
        return np.fromiter(map(stats.idf, self.terms), np.float64, len(self.terms))


@dataclass(frozen=True)
class Counted:
    """A document's raw term counts, computed once (the costly part of a rebuild).

    A rebuild holds every document's counts until IDF is known, so they are kept
    compact: term numbers and counts in two arrays (about a sixth of a ``Counter``'s
    memory), and the document without its texts."""

    document: Document
    terms: array  # array("i"): numbers in ``vocabulary``
    numbers: array  # array("H") or array("I"): how often each term occurs
    taxonomy_terms: tuple[str, ...]
    vocabulary: Vocabulary

    @classmethod
    def of(
        cls, document: Document, params: Params, vocabulary: Vocabulary | None = None
    ) -> Counted:
        counts = document.counts(params)
        vocabulary = vocabulary or Vocabulary()
        wide = counts and max(counts.values()) > 0xFFFF
        return cls(
            dataclasses.replace(document, title="", summary="", body=""),
            vocabulary.ids(counts),
            array("I" if wide else "H", counts.values()),
            tuple(document.taxonomy_terms()),
            vocabulary,
        )

    def counts(self) -> Iterable[tuple[str, int]]:
        terms = self.vocabulary.terms
        return zip(map(terms.__getitem__, self.terms), self.numbers, strict=True)


def count(documents: Iterable[Document], params: Params) -> list[Counted]:
    vocabulary = Vocabulary()
    return [Counted.of(d, params, vocabulary) for d in documents]


def corpus_stats(counted: Iterable[Counted]) -> Stats:
    stats = Stats()
    for item in counted:
        stats.add(
            itertools.chain(map(item.vocabulary.terms.__getitem__, item.terms), item.taxonomy_terms)
        )
    return stats


def _heaviest_first(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])


def _sublinear(numbers: np.ndarray) -> np.ndarray:
    """1 + ln(n) per count, with :func:`math.log` (numpy's log may differ in the last
    bit, and stored vectors must not depend on the CPU)."""
    if len(numbers) and int(numbers.max()) >= len(_SUBLINEAR):
        return np.array([1.0 + math.log(n) for n in numbers.tolist()])
    return _SUBLINEAR[numbers]


# Counts up to 4,095 (nearly every term); made at import, so kept small (well under a
# millisecond). Larger counts take math.log one by one, giving the same floats.
_SUBLINEAR = np.array([0.0] + [1.0 + math.log(n) for n in range(1, 1 << 12)])


def text_vector(
    item: Counted, stats: Stats, limit: int | None, idf: np.ndarray | None = None
) -> dict[str, float]:
    """Sublinear TF x smoothed IDF of ``item``'s counts, top ``limit`` terms (heaviest
    first, ties by term), unit length. ``idf`` is :meth:`Vocabulary.idf`, given when
    many documents share a vocabulary.

    In numpy over the term numbers: the same floats as a Python loop (a multiply and a
    division per term) at a sixth of the time of one at 100,000 documents."""
    vocabulary = item.vocabulary
    ids = np.asarray(item.terms, dtype=np.intp)
    numbers = np.asarray(item.numbers)
    present = numbers > 0
    ids, numbers = ids[present], numbers[present]
    if idf is None:
        terms = vocabulary.terms
        weights = _sublinear(numbers) * np.fromiter(
            (stats.idf(terms[i]) for i in ids.tolist()), np.float64, len(ids)
        )
    else:
        weights = _sublinear(numbers) * idf[ids]
    order = np.lexsort((vocabulary.alphabetical()[ids], -weights))[:limit]
    chosen = weights[order].tolist()
    norm = math.sqrt(sum(w * w for w in chosen))
    if not norm:
        return {}
    terms = vocabulary.terms
    return {terms[i]: w / norm for i, w in zip(ids[order].tolist(), chosen, strict=True)}


def index_document(
    item: Counted, stats: Stats, params: Params, idf: np.ndarray | None = None
) -> Indexed:
    document = item.document
    kind_weight = params.weights
    taxonomy = {
        term: kind_weight.get(term.split(":", 1)[0], 0.0) * stats.idf(term)
        for term in item.taxonomy_terms
    }
    return Indexed(
        key=document.key,
        vector=text_vector(item, stats, params.max_terms, idf),
        taxonomy={t: w for t, w in sorted(taxonomy.items(), key=_heaviest_first) if w > 0},
        date=document.date,
        authors=tuple(sorted(document.taxonomy.get("authors", ()))),
        series=tuple(sorted(document.taxonomy.get("series", ()))),
    )


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def taxonomy_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Sum over shared terms of kind weight x IDF (the smaller of the two documents'
    values, so the overlap is symmetric even when their weights were computed apart)."""
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    total = 0.0
    for term, weight in a.items():
        other = get(term)
        if other is not None:
            total += weight if weight < other else other
    return total


def taxonomy_score(overlap: float) -> float:
    """The overlap mapped to [0, 1): rarer and more shared terms score higher."""
    return overlap / (overlap + TAXONOMY_SCALE) if overlap > 0 else 0.0


def with_borrowed(taxonomy: dict[str, float], inferred: dict[str, float]) -> dict[str, float]:
    """A page's own taxonomy terms plus what it borrowed (kinds it has none of)."""
    return {**taxonomy, **inferred} if inferred else taxonomy


def infer_taxonomy(
    doc: Indexed, neighbours: Iterable[tuple[Indexed, float]], limit: int
) -> dict[str, float]:
    """What ``doc`` borrows for the kinds of :data:`INFERRED_KINDS` it has no term of: each
    term of its ``limit`` closest texts (``neighbours``: other documents with their text
    score, highest first, ties on the smaller key) at the term's own weight times that
    neighbour's share of the text scores, added up over the neighbours.

    Editors tag unevenly (an imported archive may have no topics at all), and a page's
    nearest texts share its subject more often than not: their topics are a better guess
    than none. Only their own terms count, never what they borrowed themselves, so the
    guess does not depend on the order pages are scored in.
    """
    missing = INFERRED_KINDS - {term.split(":", 1)[0] for term in doc.taxonomy}
    if not missing or limit <= 0:
        return {}
    nearest = list(itertools.islice(neighbours, limit))
    total = sum(score for _other, score in nearest)
    votes: dict[str, float] = {}
    if total <= 0:
        return votes
    for other, score in nearest:
        share = score / total
        for term, weight in other.taxonomy.items():
            if term.split(":", 1)[0] in missing:
                votes[term] = votes.get(term, 0.0) + share * weight
    return dict(sorted(votes.items(), key=_heaviest_first))


def query_dot(query: Sequence[tuple[str, float]], vector: dict[str, float]) -> float:
    get = vector.get
    return sum(w * get(t, 0.0) for t, w in query)


class Scorer:
    """Combines the parts of a score with the configured weights."""

    def __init__(self, params: Params):
        weights = params.weights
        self.boost = max(weights["taxonomy"], 0.0)
        self.taxonomy_only = max(weights["taxonomy_only"], 0.0)
        self.recency = min(max(weights["recency"], 0.0), 1.0)
        self.half_life = max(params.half_life_days, 1.0)
        self.min_score = params.min_score
        self.query_terms = params.query_terms

    def recency_factor(self, page_date: int, candidate_date: int) -> float:
        gap = page_date - candidate_date
        if gap <= 0 or not self.recency:
            return 1.0
        return 1.0 - self.recency + self.recency * 0.5 ** (gap / self.half_life)

    def combine(self, text: float, taxonomy: float, page_date: int, candidate_date: int) -> float:
        combined = text * (1.0 + self.boost * taxonomy) + self.taxonomy_only * taxonomy
        return combined * self.recency_factor(page_date, candidate_date)

    def query(self, doc: Indexed) -> list[tuple[str, float]]:
        return list(itertools.islice(doc.vector.items(), self.query_terms))

    def pair(self, page: Indexed, candidate: Indexed) -> float:
        """The score of ``candidate`` in ``page``'s list."""
        return self.combine(
            query_dot(self.query(page), candidate.vector),
            taxonomy_score(taxonomy_overlap(page.query_taxonomy, candidate.taxonomy)),
            page.date,
            candidate.date,
        )


def _top(scores: Iterable[tuple[int, float]], n: int, min_score: float) -> list[tuple[int, float]]:
    # Ties break on the smaller key, so every run orders equal scores the same way.
    kept = ((k, s) for k, s in scores if s >= min_score)
    return heapq.nsmallest(n, kept, key=lambda ks: (-ks[1], ks[0]))


def top(scores: Iterable[tuple[int, float]], params: Params) -> list[tuple[int, float]]:
    """The ``reserve`` best of ``(key, score)`` pairs above the minimum, best first."""
    return _top(scores, params.reserve, params.min_score)


def _inverted(
    maps: Iterable[dict[str, float]], cap: int, rank: np.ndarray | None = None
) -> Postings:
    """Inverted lists of ``maps`` (one term -> weight map per document position, in
    position order): term -> (positions, weights).

    A term in more than ``cap`` documents keeps the ``cap`` best by ``rank`` (a value per
    position, higher first) or, without ``rank``, by weight; ties on the smaller
    position. Built as flat arrays rather than lists of tuples: at 100,000 documents the
    tuples alone took about 500 MB."""
    vocabulary: dict[str, int] = {}
    number = vocabulary.setdefault
    ids, where, weights = array("i"), array("i"), array("d")
    for at, weighed in enumerate(maps):
        for term, weight in weighed.items():
            ids.append(number(term, len(vocabulary)))
            where.append(at)
            weights.append(weight)
    if not ids:
        return Postings({}, np.zeros(0, np.int32), np.zeros(0))
    term_ids = np.frombuffer(ids, dtype=np.int32)
    positions = np.frombuffer(where, dtype=np.int32)
    values = np.frombuffer(weights, dtype=np.float64)
    order = np.lexsort((positions, -(values if rank is None else rank[positions]), term_ids))
    term_ids, positions, values = term_ids[order], positions[order], values[order]
    del order, ids, where, weights
    starts = np.flatnonzero(np.r_[True, term_ids[1:] != term_ids[:-1]])
    ends = np.r_[starts[1:], len(term_ids)]
    over = np.flatnonzero(ends - starts > cap)
    if len(over):
        # Drop each long list's tail (the weakest or oldest), then find the lists again.
        kept = np.ones(len(term_ids), dtype=bool)
        for start, end in zip(starts[over].tolist(), ends[over].tolist(), strict=True):
            kept[start + cap : end] = False
        term_ids, positions, values = term_ids[kept], positions[kept], values[kept]
        del kept
        starts = np.flatnonzero(np.r_[True, term_ids[1:] != term_ids[:-1]])
        ends = np.r_[starts[1:], len(term_ids)]
    terms = list(vocabulary)
    spans = {
        terms[term]: (start, end)
        for term, start, end in zip(
            term_ids[starts].tolist(), starts.tolist(), ends.tolist(), strict=True
        )
    }
    return Postings(spans, positions, values)


class Postings:
    """Inverted lists as spans of two compact arrays (a term's documents and weights).

    The order within a term does not change any sum: a document appears once per term,
    and sums run term by term (``Index.rank``)."""

    __slots__ = ("spans", "positions", "values")

    def __init__(self, spans: dict[str, tuple[int, int]], positions, values) -> None:
        self.spans, self.positions, self.values = spans, positions, values

    def get(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        span = self.spans.get(term)
        if span is None:
            return None
        start, end = span
        return self.positions[start:end], self.values[start:end]


class Index:
    """An in-memory corpus of one language that finds each document's best candidates.

    Not shared between threads: :meth:`rank` reuses scratch arrays."""

    #: A query sums its postings where they fall when they number fewer than
    #: 1/``sparse_below`` of the corpus (see :meth:`rank`).
    sparse_below = 4

    def __init__(self, documents: Sequence[Indexed], params: Params):
        self.params = params
        self.scorer = Scorer(params)
        self.documents = {d.key: d for d in documents}
        self._postings: tuple[Postings, Postings] | None = None
        # Set with the postings: documents by position in key order (``keys[i] >
        # keys[j]`` when ``i > j``), so documents may be added until they are built.
        self.keys: list[int] = []
        self.position: dict[int, int] = {}
        self._sums: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def postings(self) -> tuple[Postings, Postings]:
        """Text and taxonomy inverted lists: term -> (document positions, weights)."""
        if self._postings is None:
            self.keys = sorted(self.documents)
            self.position = {key: i for i, key in enumerate(self.keys)}
            ordered = [self.documents[key] for key in self.keys]
            # Very common terms keep the documents where they weigh most (impact
            # ordering); taxonomy terms keep their most recent documents.
            dates = np.fromiter((d.date for d in ordered), np.int64, len(ordered))
            self._postings = (
                _inverted((d.vector for d in ordered), self.params.postings_cap),
                _inverted((d.taxonomy for d in ordered), self.params.taxonomy_postings_cap, dates),
            )
        return self._postings

    def forget_postings(self) -> None:
        """Drop the inverted lists after documents were added or removed."""
        self._postings = None

    def _scratch(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per-position sum and stamp arrays, zero between queries, reused by every
        :meth:`rank` of this index (an index serves one thread: a rebuild)."""
        size = len(self.keys)
        if self._sums is None or len(self._sums[0]) != size:
            self._sums = (np.zeros(size), np.zeros(size), np.full(size, -1, np.int64))
        return self._sums

    @staticmethod
    def _gather(
        postings: Postings, query: Iterable[tuple[str, float]], combine: np.ufunc
    ) -> tuple[np.ndarray, np.ndarray]:
        """Every posting of ``query``'s terms as (positions, ``combine(w, weight)``),
        term by term (``np.multiply`` for text, ``np.minimum`` for the taxonomy
        overlap)."""
        positions, values = [], []
        for term, weight in query:
            entry = postings.get(term)
            if entry is not None:
                positions.append(entry[0])
                values.append(combine(entry[1], weight))
        if not positions:
            return np.zeros(0, np.int32), np.zeros(0)
        return np.concatenate(positions), np.concatenate(values)

    def _whole(self, positions: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Sums per position over the whole corpus (floats even when nothing is summed:
        ``bincount`` of nothing gives integers)."""
        if not len(positions):
            return np.zeros(len(self.keys))
        return np.bincount(positions, values, minlength=len(self.keys))

    def _distinct(self, positions: np.ndarray, stamp: np.ndarray) -> np.ndarray:
        """``positions`` without repeats (in no set order) without sorting: each
        position keeps the index of its last occurrence."""
        at = np.arange(len(positions))
        stamp[positions] = at
        distinct = positions[stamp[positions] == at]
        stamp[distinct] = -1
        return distinct

    @staticmethod
    def _locate(positions: np.ndarray, wanted: np.ndarray, stamp: np.ndarray) -> np.ndarray:
        """The index in ``positions`` (distinct) of each of ``wanted`` (all in it)."""
        stamp[positions] = np.arange(len(positions))
        found = stamp[wanted]
        stamp[positions] = -1
        return found

    def _nearest(self, found: np.ndarray, text: np.ndarray) -> Iterable[tuple[Indexed, float]]:
        """Documents at positions ``found`` with their text scores ``text`` (all above
        zero), highest first (ties on the smaller key)."""
        limit = self.params.infer_from
        if limit <= 0:
            return ()
        if len(found) > limit:
            # Keep every document tied with the last place; the sort below decides.
            cut = np.partition(text, len(found) - limit)[len(found) - limit]
            kept = text >= cut
            found, text = found[kept], text[kept]
        keys, documents = self.keys, self.documents
        order = sorted(zip((-text).tolist(), found.tolist(), strict=True))
        return ((documents[keys[at]], -negative) for negative, at in order)

    def rank(self, key: int) -> tuple[dict[str, float], list[tuple[int, float]]]:
        """The document's borrowed taxonomy and its ``reserve`` best candidates as
        (key, score), best first."""
        doc = self.documents[key]
        text_postings, taxonomy_postings = self.postings()
        # The hot part of a rebuild (every posting of every query term) runs in numpy.
        # A query whose postings are few beside the corpus sums them where they fall
        # (reused arrays, touched positions only); otherwise whole-corpus arrays are
        # cheaper. At 100,000 documents the whole-corpus arrays were most of a
        # rebuild; at 10,000 the scattered sums would be. Both give the same floats:
        # ``bincount`` and ``np.add.at`` add in input order, term by term and posting
        # by posting, as a Python loop would.
        own = self.position[key]
        size = len(self.keys)
        text_at, text_values = self._gather(text_postings, self.scorer.query(doc), np.multiply)
        sparse = len(text_at) * self.sparse_below < size
        text_sums, overlap_sums, stamp = self._scratch()
        if sparse:
            np.add.at(text_sums, text_at, text_values)
            text_sums[own] = 0.0
            touched = self._distinct(text_at, stamp)
            text = text_sums[touched]
            scored = text > 0  # the page itself drops out
            touched, text = touched[scored], text[scored]
        else:
            sums = self._whole(text_at, text_values)
            sums[own] = 0.0
            touched = np.flatnonzero(sums)
            text = sums[touched]
        inferred = infer_taxonomy(doc, self._nearest(touched, text), self.params.infer_from)
        taxonomy = with_borrowed(doc.taxonomy, inferred)
        overlap_at, overlap_values = self._gather(taxonomy_postings, taxonomy.items(), np.minimum)
        positions, values = touched, text
        if len(overlap_at):
            # The few documents sharing taxonomy get the combined estimate (recency
            # aside); those with no text score join the candidates.
            np.add.at(overlap_sums, overlap_at, overlap_values)
            overlap_sums[own] = 0.0
            sharing = np.unique(overlap_at)
            overlap = overlap_sums[sharing]
            overlap_sums[sharing] = 0.0
            sharing, overlap = sharing[overlap > 0], overlap[overlap > 0]
            shared_text = (text_sums if sparse else sums)[sharing]
            x = overlap / (overlap + TAXONOMY_SCALE)
            boosted = shared_text * (1.0 + self.scorer.boost * x) + self.scorer.taxonomy_only * x
            scored = shared_text > 0
            values = text.copy()
            values[self._locate(touched, sharing[scored], stamp)] = boosted[scored]
            alone = ~scored
            positions = np.concatenate((touched, sharing[alone]))
            values = np.concatenate((values, boosted[alone]))
            text = np.concatenate((text, shared_text[alone]))
        if sparse:
            text_sums[touched] = 0.0
        shortlist = 2 * self.params.reserve
        if len(values) > shortlist:
            # Everything tied with the last place stays in; the sort below decides.
            cut = np.partition(values, len(values) - shortlist)[len(values) - shortlist]
            kept = values >= cut
            positions, text, values = positions[kept], text[kept], values[kept]
        # Best first, ties on the smaller key (positions follow keys), as ``_top``
        # orders the final list.
        best = sorted(zip((-values).tolist(), positions.tolist(), text.tolist(), strict=True))
        keys = self.keys
        combine = self.scorer.combine
        documents = self.documents
        scores = []
        for _estimate, at, text_score in best[:shortlist]:
            candidate = documents[keys[at]]
            scores.append(
                (
                    candidate.key,
                    combine(
                        text_score,
                        taxonomy_score(taxonomy_overlap(taxonomy, candidate.taxonomy)),
                        doc.date,
                        candidate.date,
                    ),
                )
            )
        return inferred, _top(scores, self.params.reserve, self.scorer.min_score)

    def candidates(self, key: int) -> list[tuple[int, float]]:
        """The document's ``reserve`` best candidates as (key, score), best first."""
        return self.rank(key)[1]

    def scores_against(
        self, doc: Indexed
    ) -> tuple[dict[str, float], dict[int, tuple[float, float]]]:
        """What ``doc`` borrows (as :meth:`rank` finds it) and its exact scores with every
        other document, both directions: ``{other: (score of other in doc's list, score
        of doc in other's list)}``, zero pairs left out."""
        scorer = self.scorer
        query = scorer.query(doc)
        limit = scorer.query_terms
        vector = doc.vector
        terms = vector.keys()
        texts: dict[int, tuple[float, float]] = {}
        for other in self.documents.values():
            # Most documents share no word with this one: a set test in C skips them.
            if other.key != doc.key and not terms.isdisjoint(other.vector.keys()):
                texts[other.key] = (
                    query_dot(query, other.vector),
                    query_dot(itertools.islice(other.vector.items(), limit), vector),
                )
        nearest = sorted((-forward, key) for key, (forward, _back) in texts.items() if forward)
        documents = self.documents
        inferred = infer_taxonomy(
            doc, ((documents[key], -negative) for negative, key in nearest), self.params.infer_from
        )
        mine = with_borrowed(doc.taxonomy, inferred)
        own = doc.taxonomy
        combine = scorer.combine
        result = {}
        for other in documents.values():
            if other.key == doc.key:
                continue
            forward, backward = texts.get(other.key, (0.0, 0.0))
            ahead = taxonomy_score(taxonomy_overlap(mine, other.taxonomy)) if mine else 0.0
            theirs = other.query_taxonomy
            back = taxonomy_score(taxonomy_overlap(theirs, own)) if own and theirs else 0.0
            if forward or backward or ahead or back:
                result[other.key] = (
                    combine(forward, ahead, doc.date, other.date),
                    combine(backward, back, other.date, doc.date),
                )
        return inferred, result


@dataclass(frozen=True)
class Choice:
    key: int
    score: float
    pinned: bool = False


def select(
    page: Indexed,
    reserve: Sequence[tuple[int, float]],
    documents: dict[int, Indexed],
    params: Params,
    *,
    pins: Sequence[int] = (),
    excluded: Iterable[int] = (),
) -> list[Choice]:
    """The shown list: pins in their order, then the best candidates with diversity.

    No more than ``max_per_author`` results share an author and no more than
    ``max_per_series`` share a series while other candidates qualify, that is score at
    least ``diversity_ratio`` of the held-back candidate's score; held-back candidates
    fill the list when too few others do, so no slot stays empty while one remains.
    """
    excluded = set(excluded) | {page.key}
    chosen: list[Choice] = []
    seen: set[int] = set()
    for key in pins:
        if key in documents and key not in excluded and key not in seen:
            chosen.append(Choice(key, 1.0, pinned=True))
            seen.add(key)
    authors: Counter = Counter()
    series: Counter = Counter()
    for choice in chosen:
        authors.update(documents[choice.key].authors)
        series.update(documents[choice.key].series)
    held_back: list[tuple[int, float]] = []
    ratio = params.diversity_ratio

    def take(key: int, score: float) -> None:
        chosen.append(Choice(key, score))
        seen.add(key)
        authors.update(documents[key].authors)
        series.update(documents[key].series)

    for key, score in reserve:
        # Held-back candidates much better than this one come first: the cap trades
        # a little relevance for variety, never a relevant result for a weak one.
        while held_back and len(chosen) < params.count and held_back[0][1] * ratio > score:
            take(*held_back.pop(0))
        if len(chosen) >= params.count:
            break
        if key in excluded or key in seen or key not in documents:
            continue
        candidate = documents[key]
        if any(authors[a] >= params.max_per_author for a in candidate.authors) or any(
            series[s] >= params.max_per_series for s in candidate.series
        ):
            held_back.append((key, score))
            continue
        take(key, score)
    for key, score in held_back:
        if len(chosen) >= params.count:
            break
        take(key, score)
    pinned = [c for c in chosen if c.pinned]
    ranked = sorted((c for c in chosen if not c.pinned), key=lambda c: (-c.score, c.key))
    return pinned + ranked


def merge_reserve(
    reserve: Sequence[tuple[int, float]], key: int, score: float | None, params: Params
) -> list[tuple[int, float]]:
    """``reserve`` with ``key`` given a new ``score`` (None removes it), best first."""
    entries = [(k, s) for k, s in reserve if k != key]
    if score is not None:
        entries.append((key, score))
    return _top(entries, params.reserve, params.min_score)


def build(
    documents: Iterable[Document],
    params: Params,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[Stats, list[Indexed]]:
    """A full rebuild of one language's corpus: stats, vectors and every reserve.

    ``documents`` may be a generator: each one's texts are dropped once counted, so a
    caller that streams them never holds a whole corpus of bodies."""
    total = len(documents) if isinstance(documents, Sized) else 0
    step = max(1, total // 50)
    counted = []
    vocabulary = Vocabulary()
    for done, document in enumerate(documents, start=1):
        counted.append(Counted.of(document, params, vocabulary))
        if progress is not None and (done % step == 0 or done == total):
            progress("tokenise", done, total or done)
    total = len(counted)
    step = max(1, total // 50)
    stats = corpus_stats(counted)
    idf = vocabulary.idf(stats)
    # Each document's counts go as its vector is made, so both are never held whole.
    counted.reverse()
    indexed = []
    while counted:
        indexed.append(index_document(counted.pop(), stats, params, idf))
    del counted, vocabulary, idf
    index = Index(indexed, params)
    for done, doc in enumerate(indexed, start=1):
        doc.inferred, doc.reserve = index.rank(doc.key)
        if progress is not None and (done % step == 0 or done == total):
            progress("score", done, total)
    return stats, indexed
