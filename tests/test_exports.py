"""Exports for reference managers: CSL-JSON, BibTeX and RIS, read back by real parsers."""

import datetime
import json
import re

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors

from ankasam_pubs.footnotes.exports import (
    bibtex_escape,
    bibtex_key,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from ankasam_pubs.footnotes.sources import LocatorLabel, Name, PartialDate, Source, SourceType

AYSE = Name(family="Demir", given="Ayşe")
IVAN = Name(family="Иванов", given="Иван")
BANK = Name(literal="World Bank")
FAO = Name(literal="Food and Agriculture Organization")

WEB = Source(
    type=SourceType.WEB_PAGE,
    authors=(AYSE,),
    title="Grain in Transit",
    container_title="Example Maritime Review",
    url="https://example.org/grain/",
    accessed=datetime.date(2023, 3, 15),
)
NEWS = Source(
    type=SourceType.NEWS_ARTICLE,
    authors=(IVAN,),
    title="Суда ждут у проливов",
    container_title="Ежедневный пример",
    issued=PartialDate(2024, 1, 9),
    url="https://news.example.com/ships",
)
JOURNAL = Source(
    type=SourceType.JOURNAL_ARTICLE,
    authors=(AYSE, IVAN),
    title="Grain in Transit",
    container_title="Example Maritime Review",
    issued=PartialDate(2023, 3),
    volume="12",
    issue="3",
    pages="45-67",
    doi="https://doi.org/10.1234/emr.3",
    locator="50",
)
BOOK = Source(
    type=SourceType.BOOK,
    authors=(AYSE, BANK),
    title="Karadeniz'de Tahıl Ticareti",
    publisher="Örnek Yayınları",
    issued=PartialDate(2020),
)
CHAPTER = Source(
    type=SourceType.CHAPTER,
    authors=(AYSE,),
    title="Grain and Empire",
    container_title="The Black Sea Economy",
    publisher="Example Press",
    issued=PartialDate(2021),
    pages="10–20",
)
REPORT = Source(
    type=SourceType.REPORT,
    authors=(BANK,),
    title="Commodity Markets Outlook",
    publisher="World Bank",
    issued=PartialDate(2023, 4),
    url="https://example.org/cmo",
)
INTERVIEW = Source(type=SourceType.INTERVIEW, authors=(IVAN,), title="On the Grain Deal")
OTHER = Source(type=SourceType.OTHER, title="Leaflet")

ITEMS = [
    ("fn-1", WEB),
    ("fn-2", NEWS),
    ("fn-3", JOURNAL),
    ("fn-4", BOOK),
    ("fn-5", CHAPTER),
    ("fn-6", REPORT),
    ("fn-7", INTERVIEW),
    ("fn-8", OTHER),
]


# -- CSL-JSON ---------------------------------------------------------------------------------


def test_csl_json_types_and_ids():
    items = to_csl_json(ITEMS)
    assert [(item["id"], item["type"]) for item in items] == [
        ("fn-1", "webpage"),
        ("fn-2", "article-newspaper"),
        ("fn-3", "article-journal"),
        ("fn-4", "book"),
        ("fn-5", "chapter"),
        ("fn-6", "report"),
        ("fn-7", "interview"),
        ("fn-8", "document"),
    ]


def test_csl_json_web_page():
    assert to_csl_json([("fn-1", WEB)]) == [
        {
            "id": "fn-1",
            "type": "webpage",
            "author": [{"family": "Demir", "given": "Ayşe"}],
            "title": "Grain in Transit",
            "container-title": "Example Maritime Review",
            "URL": "https://example.org/grain/",
            "accessed": {"date-parts": [[2023, 3, 15]]},
        }
    ]


def test_csl_json_journal_article():
    (item,) = to_csl_json([("fn-3", JOURNAL)])
    assert item == {
        "id": "fn-3",
        "type": "article-journal",
        "author": [{"family": "Demir", "given": "Ayşe"}, {"family": "Иванов", "given": "Иван"}],
        "title": "Grain in Transit",
        "container-title": "Example Maritime Review",
        "issued": {"date-parts": [[2023, 3]]},
        "volume": "12",
        "issue": "3",
        "page": "45-67",
        "DOI": "10.1234/emr.3",
        "locator": "50",
        "label": "page",
    }


def test_csl_json_organisation_publisher_and_year_only():
    (item,) = to_csl_json([("fn-4", BOOK)])
    assert item["author"] == [{"family": "Demir", "given": "Ayşe"}, {"literal": "World Bank"}]
    assert item["publisher"] == "Örnek Yayınları"
    assert item["issued"] == {"date-parts": [[2020]]}


def test_csl_json_omits_empty_fields_and_locator():
    (item,) = to_csl_json([("fn-8", OTHER)])
    assert item == {"id": "fn-8", "type": "document", "title": "Leaflet"}


def test_csl_json_locator_label():
    source = Source(title="T", locator="4", locator_label=LocatorLabel.PARAGRAPH)
    (item,) = to_csl_json([("x", source)])
    assert (item["locator"], item["label"]) == ("4", "paragraph")


def test_csl_json_serialises():
    text = json.dumps(to_csl_json(ITEMS), ensure_ascii=False)
    assert json.loads(text) == to_csl_json(ITEMS)
    assert "Örnek Yayınları" in text
    json.dumps(to_csl_json(ITEMS))  # ASCII-only output works too


def test_csl_json_empty():
    assert to_csl_json([]) == []


# -- BibTeX -----------------------------------------------------------------------------------


def parse_bibtex(text, **kwargs):
    library = bibtexparser.parse_string(text, **kwargs)
    assert library.failed_blocks == []
    return library


def fields(entry):
    return {field.key: field.value for field in entry.fields}


def test_bibtex_entry_types_and_keys():
    library = parse_bibtex(to_bibtex(ITEMS))
    assert [(entry.entry_type, entry.key) for entry in library.entries] == [
        ("misc", "fn_1"),
        ("article", "fn_2"),
        ("article", "fn_3"),
        ("book", "fn_4"),
        ("incollection", "fn_5"),
        ("techreport", "fn_6"),
        ("misc", "fn_7"),
        ("misc", "fn_8"),
    ]


def test_bibtex_web_page():
    (entry,) = parse_bibtex(to_bibtex([("fn-1", WEB)])).entries
    assert fields(entry) == {
        "author": "Demir, Ayşe",
        "title": "{Grain in Transit}",
        "organization": "Example Maritime Review",
        "url": "https://example.org/grain/",
        "urldate": "2023-03-15",
        "howpublished": r"\url{https://example.org/grain/}",
        "note": "Accessed: 2023-03-15",
    }


def test_bibtex_journal_article():
    (entry,) = parse_bibtex(to_bibtex([("fn-3", JOURNAL)])).entries
    assert fields(entry) == {
        "author": "Demir, Ayşe and Иванов, Иван",
        "title": "{Grain in Transit}",
        "journal": "Example Maritime Review",
        "year": "2023",
        "month": "3",
        "volume": "12",
        "number": "3",
        "pages": "45--67",
        "doi": "10.1234/emr.3",
    }


def test_bibtex_news_article_keeps_cyrillic():
    (entry,) = parse_bibtex(to_bibtex([("fn-2", NEWS)])).entries
    assert entry.entry_type == "article"
    values = fields(entry)
    assert values["journal"] == "Ежедневный пример"
    assert values["title"] == "{Суда ждут у проливов}"
    assert (values["year"], values["month"]) == ("2024", "1")


def test_bibtex_book_organisation_in_braces_and_turkish_kept():
    text = to_bibtex([("fn-4", BOOK)])
    assert "Ayşe" in text and "Örnek Yayınları" in text
    (entry,) = parse_bibtex(text).entries
    assert fields(entry) == {
        "author": "Demir, Ayşe and {World Bank}",
        "title": "{Karadeniz'de Tahıl Ticareti}",
        "publisher": "Örnek Yayınları",
        "year": "2020",
    }


def test_bibtex_chapter_and_report():
    library = parse_bibtex(to_bibtex([("fn-5", CHAPTER), ("fn-6", REPORT)]))
    chapter, report = (fields(entry) for entry in library.entries)
    assert chapter["booktitle"] == "The Black Sea Economy"
    assert chapter["publisher"] == "Example Press"
    assert chapter["pages"] == "10--20"
    assert report["institution"] == "World Bank"
    assert report["author"] == "{World Bank}"
    assert report["url"] == "https://example.org/cmo"
    assert "institution" not in chapter and "booktitle" not in report


def test_bibtex_organisation_with_and_stays_one_author():
    source = Source(type=SourceType.REPORT, authors=(FAO, AYSE), title="Food Outlook")
    library = parse_bibtex(to_bibtex([("r", source)]), append_middleware=[SeparateCoAuthors()])
    assert library.entries[0]["author"] == ["{Food and Agriculture Organization}", "Demir, Ayşe"]


SPECIAL = r"50% of R&D: $5 #1 a_b {x} ~y ^z \q"
SPECIAL_ESCAPED = (
    r"50\% of R\&D: \$5 \#1 a\_b {\textbraceleft}x{\textbraceright} {\textasciitilde}y "
    r"{\textasciicircum}z {\textbackslash}q"
)


def test_bibtex_escape():
    assert bibtex_escape(SPECIAL) == SPECIAL_ESCAPED
    assert bibtex_escape("Ayşe\nДемир  Иван") == "Ayşe Демир Иван"


def test_bibtex_special_characters_round_trip_escaped():
    source = Source(
        type=SourceType.BOOK,
        authors=(Name(literal="R&D {Lab}"), Name(family="O_Brien", given="Pat%")),
        title=SPECIAL,
        publisher="}{ unbalanced { \\",
        issued=PartialDate(2020),
    )
    (entry,) = parse_bibtex(to_bibtex([("fn-1", source)])).entries
    values = fields(entry)
    assert values["title"] == "{" + SPECIAL_ESCAPED + "}"
    assert values["author"] == r"{R\&D {\textbraceleft}Lab{\textbraceright}} and O\_Brien, Pat\%"
    assert values["publisher"] == (
        r"{\textbraceright}{\textbraceleft} unbalanced {\textbraceleft} {\textbackslash}"
    )


def test_bibtex_url_with_braces_stays_parseable():
    source = Source(title="T", url="https://example.org/a{b}?q=1%202&x=#y")
    (entry,) = parse_bibtex(to_bibtex([("u", source)])).entries
    assert fields(entry)["url"] == "https://example.org/a%7Bb%7D?q=1%202&x=#y"


def test_bibtex_keys_replace_non_alphanumerics_and_stay_unique():
    assert bibtex_key("fn-1") == "fn_1"
    assert bibtex_key("note 2:a") == "note_2_a"
    assert bibtex_key("ş1") == "_1"
    items = [("fn-1", WEB), ("fn_1", BOOK), ("fn 1", OTHER)]
    library = parse_bibtex(to_bibtex(items))
    assert [entry.key for entry in library.entries] == ["fn_1", "fn_1_2", "fn_1_3"]


def test_bibtex_newlines_in_values_are_collapsed():
    source = Source(title="Line one\nLine two", authors=(Name(literal="A\nB"),))
    text = to_bibtex([("n", source)])
    assert "title = {{Line one Line two}}," in text
    assert "author = {{A B}}," in text


def test_bibtex_empty():
    assert to_bibtex([]) == ""
    assert parse_bibtex(to_bibtex([])).entries == []


# -- RIS --------------------------------------------------------------------------------------


def test_ris_round_trip_with_rispy():
    records = rispy.loads(to_ris(ITEMS))
    assert [record["type_of_reference"] for record in records] == [
        "ELEC",
        "NEWS",
        "JOUR",
        "BOOK",
        "CHAP",
        "RPRT",
        "GEN",
        "GEN",
    ]
    assert [record["id"] for record in records] == [item_id for item_id, _ in ITEMS]


def test_ris_web_page():
    (record,) = rispy.loads(to_ris([("fn-1", WEB)]))
    assert record == {
        "type_of_reference": "ELEC",
        "authors": ["Demir, Ayşe"],
        "title": "Grain in Transit",
        "secondary_title": "Example Maritime Review",
        "urls": ["https://example.org/grain/"],
        "access_date": "2023/03/15",
        "id": "fn-1",
    }


def test_ris_journal_article():
    (record,) = rispy.loads(to_ris([("fn-3", JOURNAL)]))
    assert record["type_of_reference"] == "JOUR"
    assert record["authors"] == ["Demir, Ayşe", "Иванов, Иван"]
    assert record["title"] == "Grain in Transit"
    assert record["secondary_title"] == "Example Maritime Review"
    assert (record["year"], record["date"]) == ("2023", "2023/03//")
    assert (record["volume"], record["number"]) == ("12", "3")
    assert (record["start_page"], record["end_page"]) == ("45", "67")
    assert record["doi"] == "10.1234/emr.3"


def test_ris_book_organisation_and_year():
    (record,) = rispy.loads(to_ris([("fn-4", BOOK)]))
    assert record["authors"] == ["Demir, Ayşe", "World Bank,"]  # the comma marks an organisation
    assert record["publisher"] == "Örnek Yayınları"
    assert (record["year"], record["date"]) == ("2020", "2020///")
    assert "urls" not in record


def test_ris_news_full_date_and_url():
    (record,) = rispy.loads(to_ris([("fn-2", NEWS)]))
    assert record["type_of_reference"] == "NEWS"
    assert record["date"] == "2024/01/09/"
    assert record["urls"] == ["https://news.example.com/ships"]
    assert record["title"] == "Суда ждут у проливов"


def test_ris_chapter_pages_with_en_dash_and_single_page():
    (record,) = rispy.loads(to_ris([("fn-5", CHAPTER)]))
    assert (record["start_page"], record["end_page"]) == ("10", "20")
    single = Source(type=SourceType.JOURNAL_ARTICLE, title="T", pages="45")
    (record,) = rispy.loads(to_ris([("s", single)]))
    assert record["start_page"] == "45"
    assert "end_page" not in record


def test_ris_layout():
    text = to_ris([("fn-1", WEB), ("fn-8", OTHER)])
    assert "\r" not in text
    assert text.startswith("TY  - ELEC\n")
    assert text.endswith("ER  - \n\n")
    assert text.count("ER  - \n\n") == 2
    assert "\n\nTY  - GEN\n" in text
    for line in text.splitlines():
        assert line == "" or line[:2].isalnum() and line[2:6] == "  - "


@pytest.mark.parametrize(
    "value", ["Line one\nLine two", "Line one\r\nLine two", "Line one\tLine two"]
)
def test_ris_values_never_contain_newlines(value):
    source = Source(title=value, authors=(Name(literal=value),), publisher=value)
    text = to_ris([("fn\n1", source)])
    assert "TI  - Line one Line two\n" in text
    assert "AU  - Line one Line two,\n" in text
    assert "PB  - Line one Line two\n" in text
    assert "ID  - fn 1\n" in text
    (record,) = rispy.loads(text)
    assert record["title"] == "Line one Line two"


def test_ris_empty():
    assert to_ris([]) == ""


# -- read back with real BibTeX ---------------------------------------------------------------
#: Our escapes, undone: what a reader of the typeset reference sees.
LATEX = {
    r"{\textbraceleft}": "{",
    r"{\textbraceright}": "}",
    r"{\textbackslash}": "\\",
    r"{\textasciitilde}": "~",
    r"{\textasciicircum}": "^",
    r"\&": "&",
    r"\%": "%",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
}


def typeset(value: str) -> str:
    for escaped, char in LATEX.items():
        value = value.replace(escaped, char)
    return value


def unbrace(value: str) -> str:
    if value.startswith("{") and value.endswith("}") and value not in LATEX:
        depth = 0
        for index, char in enumerate(value):
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth == 0 and index < len(value) - 1:
                return value  # "{a} b {c}": not one group
        return value[1:-1]
    return value


HOSTILE_VALUES = [
    "}",
    "{",
    "A } lone brace",
    "} first { then",
    "{{{",
    "back\\slash \\} \\{",
    "50% off #1 & $5 _x_ ~y ^z",
    'unbalanced " quote',
    "line one\nER  - line two\r\n",
    "@misc{injected, title = {x}}",
    "Boğaziçi'nde İstanbul ığüşöç",
    "Каспийский «газ» — ёлка",
    "and",
    "x" * 400,
]


#: Where each source type's container (outlet, journal, book, series) and publisher go
#: in BibTeX: ``(container field, publisher field)``.
BIBTEX_PLACES = {
    SourceType.WEB_PAGE: ("organization", "publisher"),
    SourceType.NEWS_ARTICLE: ("journal", "publisher"),
    SourceType.JOURNAL_ARTICLE: ("journal", "publisher"),
    SourceType.BOOK: ("series", "publisher"),
    SourceType.CHAPTER: ("booktitle", "publisher"),
    SourceType.REPORT: ("series", "institution"),
    SourceType.INTERVIEW: ("organization", "publisher"),
    SourceType.OTHER: ("organization", "publisher"),
}


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_every_field_reads_back_in_real_bibtex(value):
    """Each field of a hostile source of every type, exported, is read by BibTeX 0.99d
    as written: no field lost after a stray brace, nothing spilling into the next one."""
    from tests.bibtex import log_problems, run_bibtex

    assert set(BIBTEX_PLACES) == set(SourceType)  # a new type must say where it goes
    sources = {
        kind: Source(
            type=kind,
            authors=(Name(family=value, given="Ayşe"), Name(literal=value)),
            title=value,
            container_title=value,
            publisher=value + " P",
            issued=PartialDate(2023, 3),
            volume=value,
            issue=value,
            pages=value,
            url="https://example.org/" + value,
            accessed=datetime.date(2023, 3, 15),
        )
        for kind in SourceType
    }
    text = to_bibtex([(f"n-{kind.value}", source) for kind, source in sources.items()])
    entries, names, log = run_bibtex(text)
    assert not log_problems(log), log
    expected_text = " ".join(value.split())
    assert len(entries) == len(SourceType)
    for kind in sources:
        got = entries[bibtex_key(f"n-{kind.value}")]
        # Every field present, none swallowed by a previous one.
        assert got["year"] == "2023" and got["month"] == "3", got
        assert got["urldate"] == "2023-03-15", got
        assert typeset(got["title"]) == "{" + expected_text + "}"
        for name in ("volume", "number"):
            assert typeset(got[name]) == expected_text, (kind, name, got)
        # A page range is written with "--" whatever dash was typed.
        dashes = re.compile(r"\s*[-\u2013\u2014]+\s*")
        assert dashes.sub("-", typeset(got["pages"])) == dashes.sub("-", expected_text)
        container, publisher = BIBTEX_PLACES[kind]
        assert typeset(got[container]) == expected_text, (kind, container, got)
        assert typeset(got[publisher]) == expected_text + " P", (kind, publisher, got)
        assert got["url"].startswith("https://example.org/")
        if kind == SourceType.WEB_PAGE:
            assert got["howpublished"].startswith("\\url{https://example.org/"), got
            assert got["note"] == "Accessed: 2023-03-15", got
        # format.name$ ties a name's words with "~"; ours are escaped, so these are its.
        # A part we braced to keep it whole comes back with its braces.
        first, second = (
            tuple(unbrace(part.replace("~", " ")) for part in name)
            for name in names[bibtex_key(f"n-{kind.value}")]
        )
        assert typeset(first[0]) == "Ayşe"
        assert typeset(" ".join(part for part in first[1:3] if part)) == expected_text
        assert typeset(second[2]) == expected_text


def test_real_bibtex_would_have_caught_a_lone_escaped_brace():
    """The control: the old escape (a bare ``\\}``) loses the fields after it in
    BibTeX, while bibtexparser reads it without complaint."""
    from tests.bibtex import run_bibtex

    old = "@article{a,\n  title = {{A \\} b}},\n  journal = {J},\n  volume = {7},\n}\n"
    assert parse_bibtex(old).entries[0]["volume"] == "7"
    entries, _names, _log = run_bibtex(old)
    assert "volume" not in entries["a"] and "journal" not in entries["a"]


# -- read back with pandoc ----------------------------------------------------------------------
def hostile_sources(value: str) -> dict:
    return {
        kind: Source(
            type=kind,
            authors=(Name(family=value, given="Ayşe"), Name(literal=value)),
            title=value,
            container_title=value,
            publisher=value,
            issued=PartialDate(2023, 3),
            volume=value,
            issue=value,
            pages="12-14",
            url="https://example.org/x",
        )
        for kind in (SourceType.BOOK, SourceType.JOURNAL_ARTICLE, SourceType.REPORT)
    }


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_every_field_reads_back_in_pandoc_from_ris(value):
    """pandoc's RIS reader gets each field whole, one record per source, and the
    organisation as one name (its reader takes only the year from a RIS date)."""
    from tests.pandoc import full_name, read

    sources = hostile_sources(value)
    records = read(to_ris([(f"n-{k.value}", s) for k, s in sources.items()]), "ris")
    expected = " ".join(value.split())
    assert [record["id"] for record in records] == [f"n-{kind.value}" for kind in sources]
    for record in records:
        assert record["title"] == expected
        assert record["issued"] == {"date-parts": [[2023]]}
        assert record["page"] == "12-14"
        assert record["URL"] == "https://example.org/x"
        person, organisation = record["author"]
        if "," in value:
            # RIS has no escape for a comma: "Family, Given, Suffix" is all it can say, so
            # a name with a comma is split there, an organisation's too.
            assert person["family"] == organisation["family"] == expected.split(",")[0]
        else:
            assert (full_name(person), person.get("given")) == (expected, "Ayşe"), person
            assert full_name(organisation) == expected and "given" not in organisation
        if record["type"] != "book":
            assert record["container-title"] == expected
        if record["type"] == "article-journal":
            assert (record["volume"], record["issue"]) == (expected, expected)


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_every_field_reads_back_in_pandoc_from_csl_json(value):
    """citeproc's reader (through pandoc) gives back exactly the items we wrote."""
    from tests.pandoc import full_name, read

    items = to_csl_json([(f"n-{k.value}", s) for k, s in hostile_sources(value).items()])
    got = read(json.dumps(items), "csljson")
    expected = " ".join(value.split())

    def typeset(text: str) -> str:  # citeproc curls straight apostrophes, as CSL asks
        return text.replace("'", "\u2019")

    assert [item["id"] for item in got] == [item["id"] for item in items]
    for mine, theirs in zip(items, got, strict=True):
        assert set(theirs) == set(mine)
        for key, wanted in mine.items():
            if key == "author":
                person, organisation = theirs["author"]
                assert (full_name(person), person["given"]) == (typeset(expected), "Ayşe")
                assert organisation == {"literal": typeset(expected)}
            elif isinstance(wanted, str):
                assert theirs[key] == typeset(wanted), key
            else:
                assert theirs[key] == wanted, key
        assert mine["title"] == expected
