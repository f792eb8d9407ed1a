"""Fuzzing the pure parsers with hypothesis, from a seed corpus kept in ``corpus/``.

Targets: the legacy-notes parser and the marker linker, the WordPress post converter,
the citation formatters and exports, the note-reference parser, and name and date
parsing. Inputs are the corpus files, mutations of them (slices, splices, inserted
hostile fragments) and arbitrary text. Each target must return normally, whatever it
gets, and keep its own promises (escaped HTML, one line per RIS field, JSON-ready data).

CI runs a short, derandomised pass (``FUZZ_EXAMPLES``, default 150 per target);
``FUZZ_EXAMPLES=20000 FUZZ_SEED=<n> pytest tests/fuzz`` runs a long one. Every crash a
run finds becomes a regression test in ``test_regressions.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.utils.html import escape
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from ankasam_pubs.footnotes.citations import STYLES, format_citation, format_ibid
from ankasam_pubs.footnotes.exports import to_bibtex, to_csl_json, to_ris
from ankasam_pubs.footnotes.legacy import link_legacy_markers, parse_legacy_notes
from ankasam_pubs.footnotes.richtext import reference_uids, stored_reference
from ankasam_pubs.footnotes.sources import LocatorLabel, Name, PartialDate, Source, SourceType
from ankasam_pubs.importers.wordpress.content import convert_post
from ankasam_pubs.pages.citation import apa, chicago

CORPUS = Path(__file__).resolve().parent / "corpus"
SEEDS = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.iterdir())]
FRAGMENTS = [
    "[1]",
    "[",
    "]",
    "((",
    "))",
    "[efn_note]",
    "[/efn_note]",
    "<a href='#_ftnref1' name='_ftn1'>[1]</a>",
    '<sup data-fn="x">1</sup>',
    "<ol start='-5'><li value='99999999999999999999'>",
    "</li></ol>",
    "Ibid.",
    "Aynı yer",
    "Там же",
    '"',
    "«»",
    "(Date of Accession: 31.02.2023)",
    "pp. 4-",
    "vol. ",
    "doi:",
    "https://",
    "javascript:alert(1)",
    "<!--",
    "-->",
    "<![CDATA[",
    "<script>",
    "\x00",
    "\u202e",
    "\r\n",
    "\n\n",
    "&#x110000;",
    "&amp;",
    "İı",
    "%",
    "{",
    "}",
    "\\",
    "ER  - ",
    " and ",
    ",",
]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
SEED = os.environ.get("FUZZ_SEED")
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=SEED is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def FUZZ(test):  # noqa: N802 - used as a decorator, like hypothesis's own
    """The run's settings, and its seed when ``FUZZ_SEED`` names one."""
    test = SETTINGS(test)
    return seed(int(SEED))(test) if SEED is not None else test


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@st.composite
def mutated(draw) -> str:
    """A corpus file, cut and spliced with hostile fragments, or arbitrary text."""
    if draw(st.integers(0, 4)) == 0:
        return draw(text)
    seed = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(seed)))
        action = draw(st.integers(0, 2))
        if action == 0:
            seed = seed[:position] + draw(st.sampled_from(FRAGMENTS)) + seed[position:]
        elif action == 1:
            end = draw(st.integers(position, len(seed)))
            seed = seed[:position] + seed[end:]
        else:
            seed = seed[:position] + draw(text) + seed[position:]
    return seed


@st.composite
def sources(draw) -> Source:
    field = st.one_of(text, st.sampled_from(FRAGMENTS))
    names = st.lists(
        st.one_of(
            st.builds(Name, family=field, given=field),
            st.builds(Name, literal=field),
        ),
        max_size=4,
    )
    dates = st.one_of(
        st.none(),
        st.builds(
            PartialDate,
            st.integers(1, 9999),
            st.one_of(st.none(), st.integers(1, 12)),
            st.one_of(st.none(), st.integers(1, 28)),
        ),
    )
    return Source(
        type=draw(st.sampled_from(list(SourceType))),
        authors=tuple(draw(names)),
        title=draw(field),
        container_title=draw(field),
        publisher=draw(field),
        issued=draw(dates),
        url=draw(st.one_of(field, st.just("https://example.org/x"))),
        accessed=draw(st.one_of(st.none(), st.dates())),
        volume=draw(field),
        issue=draw(field),
        pages=draw(field),
        doi=draw(field),
        locator=draw(field),
        locator_label=draw(st.sampled_from(list(LocatorLabel))),
    )


@FUZZ
@given(notes=mutated())
def test_legacy_notes_parser(notes):
    parsed = parse_legacy_notes(notes)
    uids = {note.number: f"uid{note.number}" for note in parsed.notes}
    for note in parsed.notes:
        assert note.number >= 1
        assert note.line >= 0
    linked, problems = link_legacy_markers(notes, uids)
    assert isinstance(linked, str)
    assert set(reference_uids(linked)) <= set(uids.values())
    assert all(problem.line >= 0 for problem in problems)


@FUZZ
@given(content=mutated(), meta=st.one_of(st.just(""), mutated(), st.sampled_from(SEEDS)))
def test_wordpress_post_converter(content, meta):
    converted = convert_post(content, uid_for=lambda n: f"n{n}", footnotes_meta=meta)
    assert all(problem.line >= 0 for problem in converted.problems)
    uids = [note["uid"] for note in converted.notes]
    assert len(uids) == len(set(uids))
    json.dumps([block for block in converted.blocks if block["type"] != "image"])
    for block in converted.blocks:
        if block["type"] == "paragraph":
            assert "<script" not in block["value"].lower()
            assert 'href="javascript:' not in block["value"].lower()


@FUZZ
@given(source=sources(), previous=sources(), language=st.sampled_from(["en", "tr", "ru", "de"]))
def test_citation_formatters_and_exports(source, previous, language):
    for style in STYLES:
        html = str(format_citation(source, style=style, language=language))
        assert "<script" not in html.lower()
        format_ibid(source, previous, style=style, language=language)
    if source.issued is not None:
        str(chicago(source, language)), str(apa(source, language))
    items = [("n-1", source), ("n-2", previous)]
    json.dumps(to_csl_json(items))
    for line in to_ris(items).splitlines():
        assert line == "" or line[2:6] == "  - " or line == "ER  - ", repr(line)
    bibtex = to_bibtex(items)
    body = bibtex.replace(r"\{", "").replace(r"\}", "")
    assert body.count("{") == body.count("}"), bibtex


@FUZZ
@given(html=mutated(), uid=text)
def test_note_reference_parser(html, uid):
    list(reference_uids(html))
    # Keys are stored escaped and read back as stored: one reference, its own key.
    assert list(reference_uids(str(stored_reference(uid)))) == [str(escape(uid))]


@FUZZ
@given(value=st.one_of(mutated(), text))
def test_name_and_date_parsers(value):
    name = Name.parse(value)
    assert isinstance(name.display, str) and isinstance(name.inverted, str)
    date = PartialDate.parse(value)
    if date is not None:
        assert 1 <= date.year and (date.month is None or 1 <= date.month <= 12)
        date.isoformat()
