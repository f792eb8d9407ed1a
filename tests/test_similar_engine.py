"""The similar-posts engine and tokeniser: pure functions, no database."""

import dataclasses
import datetime
import math

import numpy as np
import pytest

from ankasam_pubs.similar import engine
from ankasam_pubs.stems import fold_case, term_counts, terms
from benchmarks.corpus import generate
from benchmarks.steps import same_cluster_precision

ENERGY = "gas pipeline energy supply winter storage interconnector pipelines supplies"
WATER = "drought water irrigation rivers adaptation finance basin irrigated"
CYBER = "cyber attack grid malware ransomware operators security attacks"


def day(year: int, month: int = 1, date: int = 1) -> int:
    return datetime.date(year, month, date).toordinal()


def doc(key, body, *, title="", date=None, **taxonomy):
    return engine.Document(
        key=key,
        language="en",
        title=title,
        body=body,
        taxonomy={kind: frozenset(values) for kind, values in taxonomy.items()},
        date=date or day(2024),
    )


def ranked(documents, params=None, key=1):
    params = params or engine.Params()
    _stats, indexed = engine.build(documents, params)
    return [k for k, _score in next(d for d in indexed if d.key == key).reserve]


# -- tokeniser ------------------------------------------------------------------------


def test_the_fast_word_pattern_finds_what_the_full_one_finds():
    """Texts without combining marks take a faster pattern; on any text the words must be
    those of the full pattern (letters, then letters or marks; or four digits)."""
    import random
    import unicodedata

    from ankasam_pubs import stems

    samples = [
        "Gas pipelines, 2023: supply (winter) & storage — “interconnectors” 12345 a_b x1y",
        "Türkiye'nin enerji arzı ve İstanbul'daki ılık kış; ÇĞÖŞÜ",
        "Каспийский газ: зимний тест для газопроводов, ёлка",
        "हिंदी भाषा में विश्लेषण",  # Devanagari vowel signs are marks
        "עִבְרִית מְנֻקֶּדֶת",  # Hebrew points
        "ภาษาไทย ที่นี่",  # Thai vowels above and below
        unicodedata.normalize("NFD", "Consulté le 15 mars 2023, Zürich"),
        "naïve café\u0301 x\u0308y a\u20dd",
    ]
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000]
    samples += ["".join(rng.choices(alphabet, k=200)) for _ in range(300)]
    samples += ["".join(rng.choices("ab1 2\u0301\u093f.,-", k=60)) for _ in range(300)]
    for text in samples:
        assert stems.words(text, "xx") == stems._WORD.findall(stems.fold_case(text, "xx"))


def test_only_texts_without_combining_marks_take_the_fast_word_pattern():
    """Every combining mark sends a text to the full pattern (a character the check let
    through would split words at it); Arabic prose with its own punctuation does not."""
    import unicodedata

    from ankasam_pubs import stems

    marks = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)).startswith("M")]
    assert len(marks) > 2000
    assert all(stems._MAYBE_MARKS.search(mark) for mark in marks)
    arabic = "خطوط الأنابيب، والتجارة؛ هل تنمو؟ ٥٠٪ من ١٬٢٠٠ شحنة «الممر» - تقرير ٢٠٢٣."
    folded = stems.fold_case(arabic, "ar")
    assert not stems._MAYBE_MARKS.search(folded)
    assert stems.words(arabic, "ar") == stems._WORD.findall(folded)
    assert "الانابيب" in stems.words(arabic, "ar")


def test_turkish_casing_of_dotted_and_dotless_i():
    assert fold_case("IRAK İZMİR Iğdır", "tr") == "ırak izmir ığdır"
    # The same words in English follow English casing.
    assert fold_case("IRAK", "en") == "irak"
    # Upper- and lower-case spellings of a Turkish word give the same term.
    assert terms("İSTANBUL", "tr") == terms("istanbul", "tr")
    assert terms("ISPARTA", "tr") != terms("isparta", "tr")  # I is ı in Turkish


def test_turkish_suffix_after_apostrophe_and_stemming():
    assert terms("Türkiye'nin", "tr") == terms("Türkiye", "tr")
    forms = ("politikalar", "politikaları", "politikanın", "politikada")
    assert len({tuple(terms(form, "tr")) for form in forms}) == 1
    assert "ve" not in term_counts("enerji ve su", "tr")


def test_russian_yo_folds_to_ye_and_inflections_share_a_stem():
    assert terms("Ёлка", "ru") == terms("елка", "ru")
    assert terms("энергетики", "ru") == terms("энергетика", "ru")
    assert term_counts("и в на", "ru") == {}


def test_english_stems_and_stop_words():
    assert terms("pipelines", "en") == terms("pipeline", "en")
    assert terms("The Ministry's policies", "en") == ["ministri", "polici"]


# -- scoring ---------------------------------------------------------------------------


def test_shared_words_rank_a_candidate_first():
    documents = [
        doc(1, ENERGY),
        doc(2, WATER),
        doc(3, ENERGY + " " + WATER),
        doc(4, CYBER),
        doc(5, ENERGY.replace("gas", "oil")),
    ]
    assert ranked(documents)[:2] == [5, 3]
    assert 4 not in ranked(documents)  # nothing in common: not a candidate at all


def test_title_weighs_more_than_body():
    # 2 and 3 hold the same words; "sanctions" is in 2's title and in 3's body.
    documents = [
        doc(1, "sanctions"),
        doc(2, "alpha beta", title="sanctions"),
        doc(3, "sanctions beta", title="alpha"),
    ]
    reserve = ranked(documents)
    assert reserve == [2, 3]


def test_rarer_shared_taxonomy_terms_count_more():
    # Same text for everyone; 2 shares a rare topic with 1, 3 a common one.
    documents = [doc(1, "common words", topics={1, 9})]
    documents.append(doc(2, "common words", topics={1}))
    documents.append(doc(3, "common words", topics={9}))
    documents += [doc(k, "common words", topics={9}) for k in range(4, 12)]
    reserve = ranked(documents)
    assert reserve[0] == 2
    assert reserve.index(2) < reserve.index(3)


def test_taxonomy_alone_makes_a_candidate():
    documents = [doc(1, ENERGY, regions={5}), doc(2, CYBER, regions={5}), doc(3, WATER)]
    assert ranked(documents) == [2]


def test_recency_is_a_gentle_decay_relative_to_the_page():
    params = engine.Params()
    documents = [
        doc(1, ENERGY, date=day(2024)),
        doc(2, ENERGY, date=day(2014)),  # ten years older
        doc(3, ENERGY, date=day(2023, 6)),
        doc(4, ENERGY, date=day(2025)),  # newer than the page: no decay
    ]
    _stats, indexed = engine.build(documents, params)
    scores = dict(indexed[0].reserve)
    assert scores[4] > scores[3] > scores[2]
    weight = params.weights["recency"]
    assert scores[2] >= (1 - weight) * scores[4]  # old work keeps most of its score
    # No dependence on today's date: the same pair always scores the same.
    scorer = engine.Scorer(params)
    assert scorer.recency_factor(day(2024), day(2025)) == 1.0
    assert scorer.recency_factor(day(2024), day(2024) - 730) == pytest.approx(1 - weight / 2)


def test_taxonomy_raises_close_texts_and_weights_are_settings():
    documents = [
        doc(1, ENERGY, topics={1}),
        doc(2, ENERGY),
        doc(3, CYBER, topics={1}),  # shares the topic, not a word
        doc(4, ENERGY, topics={1}),
    ]
    assert ranked(documents) == [4, 2, 3]
    text_only = engine.Params(
        weights={**engine.DEFAULT_WEIGHTS, "taxonomy": 0.0, "taxonomy_only": 0.0}
    )
    assert ranked(documents, text_only) == [2, 4]  # a tie, broken by key
    no_floor = engine.Params(weights={**engine.DEFAULT_WEIGHTS, "taxonomy_only": 0.0})
    assert ranked(documents, no_floor) == [4, 2]


def test_a_shared_series_does_not_outrank_a_shared_subject():
    # Long texts give small cosines; a shared series must not beat shared words.
    documents = [doc(1, ENERGY + " " + WATER, series={1})]
    documents.append(doc(2, ENERGY + " " + CYBER))
    documents.append(doc(3, "unrelated " + CYBER, series={1}))
    documents += [doc(k, WATER, series={2}) for k in range(4, 8)]
    reserve = ranked(documents)
    assert reserve.index(2) < reserve.index(3)


def test_a_rebuild_is_deterministic():
    documents, _labels = generate(300, seed=7)
    first = engine.build(documents, engine.Params())[1]
    second = engine.build(list(reversed(documents)), engine.Params())[1]
    assert {d.key: d.reserve for d in first} == {d.key: d.reserve for d in second}
    # A stream (a site reading its pages one by one) gives the same.
    streamed = engine.build((d for d in documents), engine.Params())[1]
    assert [(d.key, d.reserve, d.vector) for d in streamed] == [
        (d.key, d.reserve, d.vector) for d in first
    ]


def test_both_ways_of_summing_postings_give_the_same_floats():
    """A query sums its postings in scratch arrays over the positions it touches (large
    corpora) or in whole-corpus arrays (small ones): every list, score and borrowed topic
    is the same to the last bit, query after query on the same scratch arrays."""
    documents, _labels = generate(400, seed=13)
    documents = [  # a third without topics, which borrow theirs
        dataclasses.replace(d, taxonomy={k: v for k, v in d.taxonomy.items() if k != "topics"})
        if i % 3 == 0
        else d
        for i, d in enumerate(documents)
    ]
    params = engine.Params()
    _stats, indexed = engine.build(documents, params)
    results = {}
    for below in (0, 10**9):
        index = engine.Index(indexed, params)
        index.sparse_below = below
        results[below] = [index.rank(d.key) for d in indexed]
    assert results[0] == results[10**9]
    assert all(reserve for _inferred, reserve in results[0])
    assert any(inferred for inferred, _reserve in results[0])


def test_sublinear_weights_are_math_log_below_and_beyond_the_table():
    for dtype, counts in ((np.uint16, [1, 7, 4095]), (np.uint32, [1, 4096, 70_000])):
        got = engine._sublinear(np.array(counts, dtype=dtype)).tolist()
        assert got == [1.0 + math.log(n) for n in counts]


def test_term_counts_follow_first_occurrence_and_drop_stop_words():
    counts = term_counts("The pipelines of the Caspian: a pipeline, gas and the gas.", "en")
    assert list(counts.items()) == [("pipelin", 2), ("caspian", 1), ("gas", 2)]


def test_counts_are_kept_compact_and_without_the_texts():
    document = doc(1, "Pipelines and pipeline supply " * 3, title="Gas supply", topics={4})
    vocabulary = engine.Vocabulary()
    counted = engine.Counted.of(document, engine.Params(), vocabulary)
    assert dict(counted.counts()) == dict(document.counts(engine.Params()))
    assert counted.document.body == counted.document.title == ""
    assert counted.taxonomy_terms == ("topics:4",)
    again = engine.Counted.of(doc(2, "supply"), engine.Params(), vocabulary)
    assert list(again.terms) == [vocabulary.number["suppli"]]  # one numbering per rebuild


def test_the_engine_finds_the_synthetic_clusters():
    documents, labels = generate(600, seed=11)
    params = engine.Params()
    _stats, indexed = engine.build(documents, params)
    assert all(len(d.reserve) >= 6 for d in indexed)
    assert same_cluster_precision(indexed, labels, params) > 0.9


def test_exact_scores_agree_with_the_index():
    documents, _labels = generate(200, seed=3)
    params = engine.Params()
    _stats, indexed = engine.build(documents, params)
    index = engine.Index(indexed, params)
    page = indexed[0]
    inferred, forward = index.scores_against(page)
    assert inferred == page.inferred
    for key, score in page.reserve:
        assert forward[key][0] == pytest.approx(score)
        assert engine.Scorer(params).pair(page, index.documents[key]) == pytest.approx(score)


@pytest.mark.parametrize("sums", ["where postings fall", "whole corpus"])
@pytest.mark.parametrize("reserve", [6, 200])
def test_the_index_finds_what_scoring_every_pair_finds(reserve, sums, monkeypatch):
    """With every posting kept and recency off (so the shortlist's estimates are the exact
    scores), each reserve is exactly the best of all exact pair scores, ties on the smaller
    key: ten copies of each of a few documents tie at every rank, at the shortlist's edge
    (reserve 6: a shortlist of 12) as well as within it (reserve 200: the whole corpus).
    Both ways of summing postings are held to it."""
    monkeypatch.setattr(engine.Index, "sparse_below", 0 if sums == "where postings fall" else 10**9)
    documents, _labels = generate(120, seed=5)
    copies = [
        dataclasses.replace(d, key=1000 * copy + d.key)
        for copy in range(1, 11)
        for d in documents[:8]
    ]
    params = engine.Params(
        weights={**engine.DEFAULT_WEIGHTS, "recency": 0.0},
        reserve=reserve,
        postings_cap=10_000,
        taxonomy_postings_cap=10_000,
    )
    _stats, indexed = engine.build([*documents, *copies], params)
    scorer = engine.Scorer(params)
    by_key = {d.key: d for d in indexed}
    for page in indexed:
        exhaustive = engine.top(
            ((key, scorer.pair(page, other)) for key, other in by_key.items() if key != page.key),
            params,
        )
        assert [k for k, _s in page.reserve] == [k for k, _s in exhaustive]
        assert [s for _k, s in page.reserve] == pytest.approx([s for _k, s in exhaustive])


# -- choosing the shown list -------------------------------------------------------------


def indexed(key, authors=(), series=()):
    return engine.Indexed(key, {}, {}, 0, tuple(authors), tuple(series))


def test_pins_come_first_in_their_order_and_exclusions_never_show():
    params = engine.Params(count=4)
    documents = {k: indexed(k) for k in range(1, 9)}
    reserve = [(2, 0.9), (3, 0.8), (4, 0.7), (5, 0.6), (6, 0.5)]
    chosen = engine.select(documents[1], reserve, documents, params, pins=[7, 5], excluded={3})
    assert [c.key for c in chosen] == [7, 5, 2, 4]
    assert [c.pinned for c in chosen] == [True, True, False, False]
    # A pin that does not qualify (not in the corpus) or is the page itself is ignored.
    chosen = engine.select(documents[1], reserve, documents, params, pins=[99, 1])
    assert [c.key for c in chosen] == [2, 3, 4, 5]


def test_diversity_caps_one_author_and_one_series_while_others_qualify():
    params = engine.Params(count=4, max_per_author=2, max_per_series=3)
    documents = {1: indexed(1)}
    documents.update({k: indexed(k, authors=["a"]) for k in (2, 3, 4, 5)})
    documents.update({k: indexed(k, authors=["b"], series=["s"]) for k in (6, 7, 8, 9)})
    reserve = [(k, 1 - k / 100) for k in range(2, 10)]
    chosen = [c.key for c in engine.select(documents[1], reserve, documents, params)]
    assert chosen == [2, 3, 6, 7]
    # When too few others qualify, the best held-back candidates fill the list.
    reserve = [(k, 1 - k / 100) for k in (2, 3, 4, 5, 6)]
    chosen = [c.key for c in engine.select(documents[1], reserve, documents, params)]
    assert chosen == [2, 3, 4, 6]


def test_merge_reserve_keeps_the_best_in_order():
    params = engine.Params(reserve=3)
    reserve = [(2, 0.5), (3, 0.4), (4, 0.3)]
    assert engine.merge_reserve(reserve, 9, 0.45, params) == [(2, 0.5), (9, 0.45), (3, 0.4)]
    assert engine.merge_reserve(reserve, 3, None, params) == [(2, 0.5), (4, 0.3)]
    assert engine.merge_reserve(reserve, 2, 0.1, params) == [(3, 0.4), (4, 0.3), (2, 0.1)]


def test_languages_with_or_without_a_stemmer_get_lists():
    """A host with a language Snowball has no stemmer for still gets same-language lists
    (and German, which Snowball has, is stemmed)."""
    assert terms("ПРИСТАНИЩА Пристанища край Улицата", "bg") == [
        "пристанища",
        "пристанища",
        "край",
        "улицата",
    ]
    assert terms("HÄFEN Häfen Hafens", "de") == ["haf", "haf", "haf"]
    documents = [
        engine.Document(key=1, language="de", body="Häfen Getreide Versicherung"),
        engine.Document(key=2, language="de", body="Getreide und Häfen"),
        engine.Document(key=3, language="de", body="Netze Sicherheit"),
    ]
    _stats, indexed = engine.build(documents, engine.Params())
    assert [k for k, _s in indexed[0].reserve] == [2]


# -- taxonomy: rarity, kind, shortlisting, cap backfill (issue: taxonomy as a yes/no) --


def pair_score(documents, page, candidate, params=None):
    params = params or engine.Params()
    _stats, indexed = engine.build(documents, params)
    by_key = {d.key: d for d in indexed}
    return engine.Scorer(params).pair(by_key[page], by_key[candidate])


def test_sharing_a_rare_topic_beats_sharing_a_common_one():
    # Two pairs alike in everything but how many documents carry the shared topic.
    documents = [doc(1, "alpha words", topics={1}), doc(2, "beta words", topics={1})]
    documents += [doc(3, "gamma words", topics={9}), doc(4, "delta words", topics={9})]
    documents += [doc(k, f"filler{k}", topics={9}) for k in range(5, 40)]
    assert pair_score(documents, 1, 2) > pair_score(documents, 3, 4)


def test_the_kind_of_a_shared_term_keeps_its_weight():
    # A shared topic (weight 1.0) against a shared region (0.6), same rarity.
    documents = [doc(1, "alpha words", topics={1}), doc(2, "beta words", topics={1})]
    documents += [doc(3, "gamma words", regions={1}), doc(4, "delta words", regions={1})]
    assert pair_score(documents, 1, 2) > pair_score(documents, 3, 4)
    # The weights are settings: make regions count more and the order turns.
    params = engine.Params(weights={**engine.DEFAULT_WEIGHTS, "regions": 2.0})
    assert pair_score(documents, 1, 2, params) < pair_score(documents, 3, 4, params)


def test_more_shared_terms_score_higher():
    documents = [doc(1, "alpha", topics={1}, authors={7}), doc(2, "beta", topics={1})]
    documents += [doc(3, "gamma", topics={1}, authors={7})]
    assert pair_score(documents, 1, 3) > pair_score(documents, 1, 2)
    score = engine.taxonomy_score
    assert 0 < score(1.0) < score(2.0) < score(50.0) < 1


def test_a_same_topic_page_with_little_text_overlap_is_shortlisted():
    """Fifty text-only neighbours fill a text shortlist, fifty same-topic pages without
    shared words tie on a yes/no taxonomy one; the page sharing three words and the
    topic must still be scored, and then it ranks first."""
    documents = [doc(1, ENERGY + " " + WATER, topics={1})]
    documents += [doc(k, f"gas pipeline energy supply a{k} b{k} c{k}") for k in range(2, 52)]
    documents += [doc(k, f"unrelated{k} words{k}", topics={1}) for k in range(52, 102)]
    documents.append(doc(500, "gas pipeline energy x500 y500 z500 w500", topics={1}))
    reserve = ranked(documents)
    assert 500 in reserve
    assert reserve[0] == 500


def test_the_diversity_cap_never_drops_a_much_better_result():
    params = engine.Params(count=4, max_per_author=2, max_per_series=3)
    documents = {1: indexed(1)}
    documents.update({k: indexed(k, authors=["a"]) for k in (2, 3, 4)})
    documents.update({k: indexed(k, authors=[f"x{k}"]) for k in (5, 6, 7)})
    # 4 is by an author already shown twice, but the others are far weaker.
    reserve = [(2, 0.9), (3, 0.8), (4, 0.7), (5, 0.2), (6, 0.1)]
    chosen = [c.key for c in engine.select(documents[1], reserve, documents, params)]
    assert chosen == [2, 3, 4, 5]
    # Others nearly as good still take the place: the cap keeps its purpose.
    reserve = [(2, 0.9), (3, 0.8), (4, 0.7), (5, 0.65), (6, 0.6)]
    chosen = [c.key for c in engine.select(documents[1], reserve, documents, params)]
    assert chosen == [2, 3, 5, 6]
    # And no slot stays empty while a held-back candidate remains.
    reserve = [(2, 0.9), (3, 0.8), (4, 0.7)]
    chosen = [c.key for c in engine.select(documents[1], reserve, documents, params)]
    assert chosen == [2, 3, 4]


# -- taxonomy borrowed by pages without any (editors tag unevenly) -----------------------


def borrowing_corpus():
    """Page 1 has no topics. Its three closest texts (2-4) are all on topic 1; 5 shares
    as many words with it as 6 does, but 5 is on topic 1 and 6 on topic 2."""
    documents = [doc(1, ENERGY)]
    documents += [doc(k, ENERGY + f" extra{k}", topics={1}) for k in (2, 3, 4)]
    documents.append(doc(5, "gas pipeline winter " + WATER, topics={1}))
    documents.append(doc(6, "gas pipeline winter " + CYBER, topics={2}))
    documents += [doc(k, f"filler{k} words{k}", topics={2}) for k in range(7, 12)]
    return documents


def test_a_page_without_topics_borrows_those_of_its_closest_texts():
    documents = borrowing_corpus()
    reserve = ranked(documents)
    assert reserve.index(5) < reserve.index(6)
    _stats, indexed = engine.build(documents, engine.Params())
    by_key = {d.key: d for d in indexed}
    borrowed = by_key[1].inferred
    assert list(borrowed)[0] == "topics:1"  # heaviest first
    assert borrowed["topics:1"] > 4 * borrowed.get("topics:2", 0.0)
    # Turned off, the two tie on text and the smaller key comes first only by chance:
    # with 6 given the smaller key the order turns.
    off = engine.Params(infer_from=0)
    swapped = [dataclasses.replace(d, key={5: 6, 6: 5}.get(d.key, d.key)) for d in documents]
    assert ranked(documents, off).index(5) < ranked(documents, off).index(6)
    assert ranked(swapped, off).index(5) < ranked(swapped, off).index(6)
    assert ranked(swapped).index(6) < ranked(swapped).index(5)  # 6 is now on topic 1


def test_own_topics_are_never_replaced_and_others_never_see_a_guess():
    documents = borrowing_corpus()
    documents[0] = doc(1, ENERGY, topics={2})
    _stats, indexed = engine.build(documents, engine.Params())
    by_key = {d.key: d for d in indexed}
    assert by_key[1].inferred == {}  # it has a topic of its own: nothing is borrowed
    # Page 1 without topics borrows topic 1, but a topic-1 page's list scores page 1 on
    # page 1's own terms only (none), never on what it guessed.
    documents[0] = doc(1, ENERGY)
    _stats, indexed = engine.build(documents, engine.Params())
    by_key = {d.key: d for d in indexed}
    scorer = engine.Scorer(engine.Params())
    page, bare = by_key[5], dataclasses.replace(by_key[1], inferred={})
    assert scorer.pair(page, by_key[1]) == scorer.pair(page, bare)
    assert scorer.pair(by_key[1], page) > scorer.pair(bare, page)


def test_borrowing_takes_the_weighted_vote_of_the_nearest_and_round_trips():
    a = engine.Indexed(key=2, vector={}, taxonomy={"topics:1": 2.0, "authors:3": 1.0}, date=0)
    b = engine.Indexed(key=3, vector={}, taxonomy={"topics:2": 4.0, "regions:5": 1.0}, date=0)
    c = engine.Indexed(key=4, vector={}, taxonomy={"topics:3": 9.0}, date=0)
    page = engine.Indexed(key=1, vector={}, taxonomy={"regions:7": 1.0}, date=0)
    # Scores 3 and 1: shares 0.75 and 0.25; the third neighbour is past the limit;
    # regions are the page's own, so only topics are borrowed; authors never are.
    inferred = engine.infer_taxonomy(page, [(a, 3.0), (b, 1.0), (c, 1.0)], limit=2)
    assert inferred == {"topics:1": 1.5, "topics:2": 1.0}
    page.inferred = inferred
    stored = engine.Indexed.from_json(1, page.to_json())
    assert stored.inferred == inferred
    assert stored.query_taxonomy == {"regions:7": 1.0, **inferred}
    # Rows stored before borrowing existed read as borrowing nothing.
    old = {k: v for k, v in page.to_json().items() if k != "i"}
    assert engine.Indexed.from_json(1, old).inferred == {}
