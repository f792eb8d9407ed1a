"""Importing an old WordPress notes list and linking the ``[n]`` markers of the body.

All names, outlets and addresses below are invented.
"""

import dataclasses
import datetime
import textwrap
from urllib.parse import urlsplit

import pytest

from ankasam_pubs.footnotes.citations import format_citation
from ankasam_pubs.footnotes.legacy import (
    MAX_PROBLEM_TEXT,
    LegacyNotes,
    ParsedNote,
    Problem,
    link_legacy_markers,
    parse_legacy_notes,
)
from ankasam_pubs.footnotes.richtext import reference_uids, stored_reference
from ankasam_pubs.footnotes.sources import LocatorLabel, Name, Source, SourceType

GRAIN = (
    '[1] "Grain in Transit", Example Maritime Review, example.org/grain-transit, '
    "(Date of Accession: 15.03.2023)."
)
PORTS = (
    '[2] Ayşe Demir, "Ports and Power", Example Policy Journal, https://example.com/ports, '
    "(Erişim Tarihi: 02.04.2023)."
)
CASPIAN = (
    "[3] Иван Петров, «Каспийский транзит», Пример Ревю, https://example.net/transit, "
    "(Дата обращения: 10.01.2024)."
)


def parse(text: str) -> LegacyNotes:
    return parse_legacy_notes(textwrap.dedent(text).strip("\n"))


def only_note(text: str) -> ParsedNote:
    result = parse_legacy_notes(text)
    assert len(result.notes) == 1, result
    return result.notes[0]


def reasons(result) -> list[str]:
    problems = result.problems if isinstance(result, LegacyNotes) else result
    return [problem.reason for problem in problems]


# -- the centre's format ------------------------------------------------------------------


def test_web_page_without_author_and_with_a_bare_address():
    note = only_note(GRAIN)
    assert note.number == 1
    assert note.line == 1
    assert note.raw == GRAIN
    assert not note.ibid
    assert note.comment == ""
    assert note.source == Source(
        type=SourceType.WEB_PAGE,
        title="Grain in Transit",
        container_title="Example Maritime Review",
        url="https://example.org/grain-transit",
        accessed=datetime.date(2023, 3, 15),
    )


def test_author_before_the_title_and_turkish_accession_label():
    source = only_note(PORTS).source
    assert source.authors == (Name.parse("Ayşe Demir"),)
    assert source.title == "Ports and Power"
    assert source.container_title == "Example Policy Journal"
    assert source.url == "https://example.com/ports"
    assert source.accessed == datetime.date(2023, 4, 2)
    assert source.type == SourceType.WEB_PAGE


def test_russian_note_with_guillemets():
    source = only_note(CASPIAN).source
    assert source.authors == (Name(literal="Иван Петров"),)
    assert source.title == "Каспийский транзит"
    assert source.container_title == "Пример Ревю"
    assert source.url == "https://example.net/transit"
    assert source.accessed == datetime.date(2024, 1, 10)


@pytest.mark.parametrize(
    "label",
    [
        "Zugriff am: 02.04.2023",
        "abgerufen am 02.04.2023",
        "Consulté le : 02.04.2023",
        "تاريخ الاطلاع: 02.04.2023",
    ],
)
def test_german_french_and_arabic_accession_labels(label):
    source = only_note(PORTS.replace("Erişim Tarihi: 02.04.2023", label)).source
    assert source.accessed == datetime.date(2023, 4, 2)
    assert source.url == "https://example.com/ports"


@pytest.mark.parametrize(
    "quoted",
    ['"Ports and Power"', "\u201cPorts and Power\u201d", "«Ports and Power»", "„Ports and Power“"],
)
def test_every_kind_of_title_quotes(quoted):
    source = only_note(f"[1] {quoted}, Example Outlet, https://example.com/p").source
    assert source.title == "Ports and Power"
    assert source.container_title == "Example Outlet"


def test_english_comma_inside_the_quotes():
    source = only_note("[1] \u201cPorts and Power,\u201d Example Outlet, example.com/p").source
    assert source.title == "Ports and Power"
    assert source.container_title == "Example Outlet"


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("Ayşe Demir", (Name(literal="Ayşe Demir"),)),
        ("Demir, Ayşe", (Name(family="Demir", given="Ayşe"),)),
        ("Ayşe Demir and Mehmet Kaya", (Name(literal="Ayşe Demir"), Name(literal="Mehmet Kaya"))),
        ("Ayşe Demir ve Mehmet Kaya", (Name(literal="Ayşe Demir"), Name(literal="Mehmet Kaya"))),
        (
            "Иван Петров и Анна Смирнова",
            (Name(literal="Иван Петров"), Name(literal="Анна Смирнова")),
        ),
        ("Ayşe Demir; Mehmet Kaya", (Name(literal="Ayşe Demir"), Name(literal="Mehmet Kaya"))),
        ("Ayşe Demir & Mehmet Kaya", (Name(literal="Ayşe Demir"), Name(literal="Mehmet Kaya"))),
        ("Example Ports Authority", (Name(literal="Example Ports Authority"),)),
    ],
)
def test_authors(authors, expected):
    source = only_note(f'[1] {authors}, "Ports and Power", Example Outlet, example.com/p').source
    assert source.authors == expected


def test_www_address_gets_https():
    source = only_note('[1] "Quay Walls", Example Outlet, www.example.org/quay.').source
    assert source.url == "https://www.example.org/quay"


def test_http_address_is_kept_as_written():
    source = only_note('[1] "Quay Walls", Example Outlet, http://example.org/quay?a=1.').source
    assert source.url == "http://example.org/quay?a=1"


def test_address_without_a_quoted_title():
    note = only_note("[1] Example Ports Authority annual figures, https://example.org/figures")
    assert note.source == Source(
        type=SourceType.WEB_PAGE,
        title="Example Ports Authority annual figures",
        url="https://example.org/figures",
    )
    assert note.comment == ""


def test_address_without_a_title_and_with_an_accession_date():
    note = only_note("[1] Example figures, example.org/f, (Date of Accession: 3.4.2023).")
    assert note.source.title == "Example figures"
    assert note.source.url == "https://example.org/f"
    assert note.source.accessed == datetime.date(2023, 4, 3)


def test_discursive_note():
    text = "[1] The figures were revised twice in the same year, as the author noted."
    note = only_note(text)
    assert note.source is None
    assert note.comment == "The figures were revised twice in the same year, as the author noted."
    assert not note.ibid


def test_quoted_phrase_in_a_sentence_is_not_a_title():
    note = only_note('[1] Some call this "soft leverage" but the term is loose.')
    assert note.source is None
    assert note.comment == 'Some call this "soft leverage" but the term is loose.'


def test_title_without_address_is_still_a_source():
    note = only_note('[1] Ayşe Demir, "Ports and Power", Example Press.')
    assert note.source.title == "Ports and Power"
    assert note.source.container_title == "Example Press"
    assert note.source.url == ""


def test_text_after_the_accession_date_is_the_comment():
    note = only_note(GRAIN[:-1] + ". The figures were later revised.")
    assert note.source.accessed == datetime.date(2023, 3, 15)
    assert note.comment == "The figures were later revised."


def test_volume_issue_pages_and_locator_in_house_order():
    text = (
        '[1] Ayşe Demir, "Ports and Power", Example Policy Journal, Vol. 4, No. 2, pp. 10-31, '
        "https://example.com/ports, (Date of Accession: 02.04.2023), p. 17."
    )
    source = only_note(text).source
    assert (source.volume, source.issue, source.pages) == ("4", "2", "10-31")
    assert source.locator == "17"
    assert source.container_title == "Example Policy Journal"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("15.03.2023", datetime.date(2023, 3, 15)),
        ("15/03/2023", datetime.date(2023, 3, 15)),
        ("5.3.2023", datetime.date(2023, 3, 5)),
        ("5/3/2023", datetime.date(2023, 3, 5)),
    ],
)
def test_accession_date_formats(written, expected):
    text = f'[1] "Quay Walls", Example Outlet, example.org/q, (Date of Accession: {written}).'
    result = parse_legacy_notes(text)
    assert result.problems == ()
    assert result.notes[0].source.accessed == expected


@pytest.mark.parametrize("written", ["31.02.2023", "15.13.2023", "00.01.2023"])
def test_invalid_date_is_a_problem_and_the_note_is_kept(written):
    text = f'[1] "Quay Walls", Example Outlet, example.org/q, (Date of Accession: {written}).'
    result = parse_legacy_notes(text)
    (note,) = result.notes
    assert note.source.title == "Quay Walls"
    assert note.source.url == "https://example.org/q"
    assert note.source.accessed is None
    (problem,) = result.problems
    assert problem.line == 1
    assert problem.text == written
    assert "date" in problem.reason.lower()


def test_unreadable_date_is_a_problem():
    result = parse_legacy_notes('[1] "Q", Example Outlet, example.org/q, (Accessed: last spring).')
    assert result.notes[0].source.accessed is None
    assert [p.text for p in result.problems] == ["last spring"]


@pytest.mark.parametrize(
    "unsafe",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "ftp://example.org/file.txt",
    ],
)
def test_unsafe_address_is_dropped_and_reported(unsafe):
    text = f'[1] "Quay Walls", Example Outlet, {unsafe}, (Date of Accession: 01.02.2023). Kept.'
    result = parse_legacy_notes(text)
    (note,) = result.notes
    assert note.source.url == ""
    assert note.source.title == "Quay Walls"
    assert note.source.container_title == "Example Outlet"
    assert note.source.accessed == datetime.date(2023, 2, 1)
    assert note.comment == "Kept."
    assert all(unsafe not in str(value) for value in dataclasses.astuple(note.source))
    (problem,) = result.problems
    assert (problem.line, problem.text) == (1, unsafe)
    assert "http" in problem.reason


def test_unsafe_address_in_a_note_without_title_leaves_a_discursive_note():
    result = parse_legacy_notes("[1] See the archive javascript:alert(1)")
    assert result.notes[0].source is None
    assert result.notes[0].comment == "See the archive"
    assert len(result.problems) == 1


# -- Ibid. ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ibid", "locator"),
    [
        ("Ibid.", ""),
        ("Ibid., 12.", "12"),
        ("Ibid, p. 12", "12"),
        ("ibid., pp. 12-14.", "12-14"),
        ("A.g.e.", ""),
        ("Age.", ""),
        ("a.g.e., s. 14", "14"),
        ("A.g.e., s. 14.", "14"),
        ("Там же.", ""),
        ("Там же. С. 14.", "14"),
        ("там же, с. 14", "14"),
        ("Ebd.", ""),
        ("Ebd., S. 14.", "14"),
        ("Ebenda, S. 14", "14"),
        ("المرجع نفسه.", ""),
        ("المرجع نفسه، ص. 14", "14"),
        ("المصدر نفسه، ص 14.", "14"),
    ],
)
def test_every_ibid_variant(ibid, locator):
    result = parse(f"{GRAIN}\n[2] {ibid}")
    assert result.problems == ()
    first, second = result.notes
    assert second.ibid
    assert second.comment == ""
    assert second.source == dataclasses.replace(first.source, locator=locator)
    assert second.source.identity == first.source.identity
    assert second.source.locator_label == LocatorLabel.PAGE


def test_ibid_chains_keep_the_same_source():
    result = parse(
        f"""
        {PORTS}
        [3] Ibid., 12.
        [4] Ibid.
        [5] A.g.e., s. 14.
        [6] Там же.
        {CASPIAN.replace("[3]", "[7]")}
        [8] Там же. С. 3.
        """
    )
    notes = {note.number: note for note in result.notes}
    ports = notes[2].source
    assert [notes[n].source.locator for n in (3, 4, 5, 6)] == ["12", "", "14", ""]
    for number in (3, 4, 5, 6):
        assert notes[number].ibid
        assert notes[number].source.title == "Ports and Power"
        assert notes[number].source.identity == ports.identity
    assert notes[8].source.title == "Каспийский транзит"
    assert notes[8].source.locator == "3"


def test_ibid_after_the_first_note_and_after_a_discursive_note_are_problems():
    result = parse(
        """
        [1] Ibid.
        [2] A remark with no source.
        [3] Там же. С. 4.
        """
    )
    first, _, third = result.notes
    assert (first.source, first.comment, first.ibid) == (None, "Ibid.", True)
    assert (third.source, third.comment) == (None, "Там же. С. 4.")
    assert [(p.line, p.text) for p in result.problems] == [(1, "Ibid."), (3, "Там же. С. 4.")]


def test_a_word_starting_like_ibid_is_not_ibid():
    note = parse(f"{GRAIN}\n[2] Agenda items were postponed.").notes[1]
    assert not note.ibid
    assert note.source is None


# -- the list ------------------------------------------------------------------------------


def test_headings_before_the_first_note_are_ignored():
    for heading in ["Notes", "Footnotes:", "DİPNOTLAR", "Dipnotlar", "Kaynaklar", "Примечания"]:
        result = parse_legacy_notes(f"{heading}\n\n{GRAIN}")
        assert result.problems == (), heading
        assert result.notes[0].line == 3
    assert parse_legacy_notes(f"Сноски\n{GRAIN}").problems == ()


def test_other_text_before_the_first_note_is_reported():
    result = parse(
        f"""
        Notes
        Posted by the editor
        {GRAIN}
        """
    )
    assert len(result.notes) == 1
    (problem,) = result.problems
    assert (problem.line, problem.text) == (2, "Posted by the editor")


def test_continuation_lines_belong_to_the_previous_note():
    result = parse(
        """
        [1] The port figures are disputed;
        see the discussion
        in the next chapter.
        [2] A second remark.
        """
    )
    first, second = result.notes
    assert first.comment == (
        "The port figures are disputed; see the discussion in the next chapter."
    )
    assert first.raw == (
        "[1] The port figures are disputed; see the discussion in the next chapter."
    )
    assert (first.line, second.line) == (1, 4)
    assert result.problems == ()


def test_continuation_after_the_accession_date_becomes_comment():
    result = parse_legacy_notes(f"{GRAIN}\nThe same figures appear elsewhere.")
    assert result.notes[0].comment == "The same figures appear elsewhere."
    assert result.notes[0].source.accessed == datetime.date(2023, 3, 15)


def test_whitespace_is_collapsed_and_blank_lines_counted():
    result = parse_legacy_notes("\n\n[1]   A   remark\u00a0here.  \n\n[2] Two.")
    assert [(n.line, n.raw) for n in result.notes] == [(3, "[1] A remark here."), (5, "[2] Two.")]


def test_duplicate_numbers_keep_the_first():
    result = parse(
        """
        [1] First remark.
        [2] Second remark.
        [2] Another second remark,
        continued.
        [3] Third remark.
        """
    )
    assert [(n.number, n.comment) for n in result.notes] == [
        (1, "First remark."),
        (2, "Second remark."),
        (3, "Third remark."),
    ]
    (problem,) = result.problems
    assert problem.line == 3
    assert problem.text == "[2] Another second remark, continued."
    assert "2" in problem.reason


def test_out_of_sequence_numbers_are_parsed_and_reported():
    result = parse(
        """
        [1] One.
        [3] Three.
        [4] Four.
        [2] Two.
        """
    )
    assert [n.number for n in result.notes] == [1, 3, 4, 2]
    assert [p.line for p in result.problems] == [2, 4]
    assert all("out of sequence" in reason for reason in reasons(result))


def test_empty_note_is_kept_and_reported():
    result = parse_legacy_notes("[1] One.\n[2]\n[3] Three.")
    assert [n.number for n in result.notes] == [1, 2, 3]
    assert result.notes[1].comment == ""
    assert [p.line for p in result.problems] == [2]


def test_dot_numbered_list():
    result = parse(
        """
        Notes
        1. "Quay Walls", Example Outlet, example.org/q, (Date of Accession: 01.02.2023).
        2. Ibid., 5.
        3. A remark
        that continues.
        """
    )
    assert [n.number for n in result.notes] == [1, 2, 3]
    assert result.notes[1].source.locator == "5"
    assert result.notes[2].comment == "A remark that continues."
    assert result.problems == ()


def test_dot_numbers_are_not_note_starts_in_a_bracketed_list():
    result = parse(
        """
        [1] Three reasons are given:
        2. the cost of fuel,
        3. the state of the quays.
        [2] Second.
        """
    )
    assert [n.number for n in result.notes] == [1, 2]
    assert result.notes[0].comment == (
        "Three reasons are given: 2. the cost of fuel, 3. the state of the quays."
    )


def test_dot_numbers_that_do_not_look_like_a_list_are_not_notes():
    result = parse(
        """
        4. Something the editor wrote.
        12. Something else.
        """
    )
    assert result.notes == ()
    assert [p.line for p in result.problems] == [1, 2]


def test_empty_input():
    assert parse_legacy_notes("") == LegacyNotes(notes=(), problems=())
    assert parse_legacy_notes("  \n\n") == LegacyNotes(notes=(), problems=())


def test_long_problem_text_is_shortened():
    result = parse_legacy_notes("Intro " + "x" * 500 + "\n[1] One.")
    (problem,) = result.problems
    assert len(problem.text) <= MAX_PROBLEM_TEXT
    assert problem.text.startswith("Intro xxx")


def test_values_are_frozen():
    note = only_note(GRAIN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        note.number = 2  # type: ignore[misc]
    problem = Problem(line=1, text="x", reason="y")
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.line = 2  # type: ignore[misc]


# -- HTML input ----------------------------------------------------------------------------

WORD_LIST = """\
<div style="mso-element:footnote-list"><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
<div style="mso-element:footnote" id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1"
title=""><span class=MsoFootnoteReference><span style='mso-special-format:footnote'><![if
!supportFootnotes]><span class=MsoFootnoteReference><span
style='font-size:10.0pt'>[1]</span></span><![endif]></span></span></a> Mehmet Kaya &amp;
Elif Y&#305;ld&#305;z, &#8220;Rails&nbsp;East&#8221;, Example Review,
https://example.org/rails, (Eri&#351;im Tarihi: 05.06.2022).<o:p></o:p></p>
</div>
<div style="mso-element:footnote" id=ftn2>
<p class=MsoFootnoteText><sup><a href="#_ftnref2" id="_ftn2">[2]</a></sup> Ibid., 7.</p>
</div>
<div style="mso-element:footnote" id=ftn3>
<p class=MsoFootnoteText><a href="#_ftnref3" name="_ftn3">3</a> A remark<br>that
continues.</p>
</div>
<p><a href="#_ftnref4" name="_ftn4"><sup>[4]</sup></a> &#8220;Depots&#8221;, Example
Review, example.org/depots, (Date of Accession: 31.02.2022).</p>
</div>
"""


def test_word_notes_list():
    result = parse_legacy_notes(WORD_LIST)
    assert [(n.number, n.line) for n in result.notes] == [(1, 1), (2, 2), (3, 3), (4, 5)]
    first, second, third, fourth = result.notes
    assert first.raw.startswith("[1] Mehmet Kaya & Elif Yıldız, “Rails East”")
    assert first.source.authors == (Name(literal="Mehmet Kaya"), Name(literal="Elif Yıldız"))
    assert first.source.title == "Rails East"
    assert first.source.url == "https://example.org/rails"
    assert first.source.accessed == datetime.date(2022, 6, 5)
    assert second.ibid and second.source == dataclasses.replace(first.source, locator="7")
    assert third.source is None
    assert third.comment == "A remark that continues."
    assert fourth.source.url == "https://example.org/depots"
    assert fourth.source.accessed is None
    assert [(p.line, p.text) for p in result.problems] == [(5, "31.02.2022")]


def test_ordered_list_numbers_its_items():
    result = parse_legacy_notes(
        "<h3>Dipnotlar</h3><ol>"
        '<li>"Quay Walls", Example Outlet, example.org/q, (Date of Accession: 01.02.2023).</li>'
        "<li>Ibid., <b>9</b>.</li>"
        "<li>A remark<br>continued.</li>"
        "</ol>"
    )
    assert [(n.number, n.line) for n in result.notes] == [(1, 2), (2, 3), (3, 4)]
    first, second, third = result.notes
    assert first.source.title == "Quay Walls"
    assert second.ibid and second.source.locator == "9"
    assert third.comment == "A remark continued."
    assert result.problems == ()


def test_ordered_list_start_and_value_attributes():
    result = parse_legacy_notes(
        '<ol start="4"><li>Four.</li><li>Five.</li><li value="9">Nine.</li></ol>'
    )
    assert [n.number for n in result.notes] == [4, 5, 9]
    assert [p.line for p in result.problems] == [1, 3]
    assert all("out of sequence" in reason for reason in reasons(result))


def test_html_paragraphs_with_bracketed_numbers_and_junk_before():
    result = parse_legacy_notes(
        "<p><strong>Notes</strong></p><p>Share this post</p>"
        "<p>[1] First &amp; only.</p><p>[1] Again.</p>"
        "<script>var x = '[2] not a note';</script>"
    )
    assert [(n.number, n.comment) for n in result.notes] == [(1, "First & only.")]
    assert [p.line for p in result.problems] == [2, 4]


# -- round trip ---------------------------------------------------------------------------


def test_round_trip_through_the_house_style():
    result = parse("\n".join([GRAIN, PORTS, CASPIAN, "[4] Ibid., 12."]))
    assert result.problems == ()
    for note in result.notes:
        html = format_citation(note.source, style="house", language="en")
        assert note.source.title in html
        assert urlsplit(note.source.url).hostname in html
    assert "Date of Accession: 15.03.2023" in format_citation(
        result.notes[0].source, style="house", language="en"
    )


# -- markers in the body ------------------------------------------------------------------

UIDS = {1: "note-a", 2: "note-b", 3: "note-c"}


def ref(uid: str) -> str:
    return str(stored_reference(uid))


@pytest.mark.parametrize(
    "marker",
    [
        "[1]",
        "<sup>[1]</sup>",
        "<sup> [ 1 ] </sup>",
        "<sup>1</sup>",
        '<a href="#_ftn1" name="_ftnref1">[1]</a>',
        '<a href="#_ftn1" name="_ftnref1" title="">1</a>',
        '<sup><a href="#_ftn1" name="_ftnref1">[1]</a></sup>',
        '<a href="#_ftn1" id="_ftnref1"><sup>[1]</sup></a>',
        '<span class="MsoFootnoteReference"><a href="#_ftn1" name="_ftnref1">[1]</a></span>',
        '<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1" title=""><span '
        "class=MsoFootnoteReference><span style='mso-special-format:footnote'><![if "
        "!supportFootnotes]><span class=MsoFootnoteReference><span style='font-size:12.0pt'>"
        "[1]</span></span><![endif]></span></span></a>",
        '<sup><a href="#fn1" id="fnref1">1</a></sup>',
    ],
)
def test_each_marker_form(marker):
    html, problems = link_legacy_markers(f"<p>Grain moved east{marker}.</p>", {1: "note-a"})
    assert html == f"<p>Grain moved east{ref('note-a')}.</p>"
    assert problems == ()
    assert list(reference_uids(html)) == ["note-a"]


def test_several_markers_and_repeats():
    html, problems = link_legacy_markers(
        "<p>One[1], two<sup>[2]</sup></p>\n<p>three<sup>3</sup> and one again [1].</p>", UIDS
    )
    assert list(reference_uids(html)) == ["note-a", "note-b", "note-c", "note-a"]
    assert problems == ()


def test_attributes_are_untouched():
    body = (
        '<p><a href="https://example.org/archive[1]" title="see [2]">the archive</a>'
        '<img src="https://example.org/map[3].png" alt="map [1]">'
        "<span data-note='[2]' class=\"x\">text</span> [3]</p>"
    )
    html, problems = link_legacy_markers(body, UIDS)
    expected = body.replace("</span> [3]", f"</span> {ref('note-c')}")
    assert html == expected
    assert [p.reason for p in problems] == [
        "Note 1 is never referenced in the text.",
        "Note 2 is never referenced in the text.",
    ]
    assert all(p.line == 0 for p in problems)


def test_marker_inside_a_link_is_left_and_reported():
    body = '<p>See\n<a href="https://example.org/r">the report [2]</a> [1].</p>'
    html, problems = link_legacy_markers(body, {1: "note-a", 2: "note-b"})
    assert html == body.replace(" [1].", f" {ref('note-a')}.")
    assert [(p.line, p.text) for p in problems] == [(2, "[2]"), (0, "[2]")]


def test_markers_without_a_note_are_left_and_reported_with_their_line():
    body = "<p>First[1].</p>\n<p>Second<sup>[7]</sup>\nthird [8] and\n" + (
        '<a href="#_ftn9" name="_ftnref9">[9]</a></p>'
    )
    html, problems = link_legacy_markers(body, {1: "note-a"})
    assert html == body.replace("[1]", ref("note-a"))
    assert [(p.line, p.text) for p in problems] == [
        (2, "<sup>[7]</sup>"),
        (3, "[8]"),
        (4, '<a href="#_ftn9" name="_ftnref9">[9]</a>'),
    ]
    assert all("no note" in p.reason for p in problems)


def test_bare_superscript_without_a_note_is_not_a_marker():
    body = "<p>Area: 40 m<sup>2</sup>, the 1<sup>st</sup> quay.</p>"
    html, problems = link_legacy_markers(body, {})
    assert html == body
    assert problems == ()


def test_notes_never_referenced_are_reported():
    html, problems = link_legacy_markers("<p>Only [2].</p>", UIDS)
    assert html == f"<p>Only {ref('note-b')}.</p>"
    assert [(p.line, p.text) for p in problems] == [(0, "[1]"), (0, "[3]")]
    assert all("never referenced" in p.reason for p in problems)


def test_back_links_of_an_old_notes_list_in_the_body_are_not_markers():
    body = '<p>Text[1].</p>\n<p><a href="#_ftnref1" name="_ftn1">[1]</a> The note.</p>'
    html, problems = link_legacy_markers(body, {1: "note-a"})
    assert html == body.replace("Text[1]", f"Text{ref('note-a')}")
    assert [(p.line, p.text) for p in problems] == [(2, "[1]")]


def test_comments_and_scripts_are_untouched():
    body = "<!-- [1] --><script>var a = b[1];</script><p>x[1]</p>"
    html, problems = link_legacy_markers(body, {1: "note-a"})
    assert html == f"<!-- [1] --><script>var a = b[1];</script><p>x{ref('note-a')}</p>"
    assert problems == ()


def test_plain_text_body_and_empty_body():
    assert link_legacy_markers("A [1] B", {1: "u"}) == (f"A {ref('u')} B", ())
    html, problems = link_legacy_markers("", {1: "u"})
    assert html == ""
    assert [p.line for p in problems] == [0]


def test_parsed_notes_link_the_body_end_to_end():
    notes = parse("\n".join([GRAIN, PORTS])).notes
    uids = {note.number: f"uid-{note.number}" for note in notes}
    html, problems = link_legacy_markers("<p>Grain<sup>[1]</sup> and ports[2].</p>", uids)
    assert list(reference_uids(html)) == ["uid-1", "uid-2"]
    assert problems == ()


def test_unquoted_title_gives_its_outlet_only_when_the_link_spells_it():
    notes = parse_legacy_notes(
        "[1] Japan Imports from South Korea, Trading Economics, "
        "https://tradingeconomics.com/japan/imports, (Date of Accession: 15.03.2023).\n"
        "[2] Oil, gas and coal, Annual figures, https://example.org/energy\n"
        "[3] Port calls, Review, https://review.example.org/calls\n"
    ).notes
    assert [(n.source.title, n.source.container_title) for n in notes] == [
        ("Japan Imports from South Korea", "Trading Economics"),
        ("Oil, gas and coal, Annual figures", ""),  # no host spells "Annual figures"
        ("Port calls", "Review"),
    ]


def test_curly_quotes_inside_a_title_are_kept():
    [note] = parse_legacy_notes(
        "[1] Karimov, Rustam, “The ‘Middle’ Corridor’s Future”, Caspian Review, "
        "example.org/x, (Date of Accession: 15.03.2023)."
    ).notes
    assert note.source.title == "The ‘Middle’ Corridor’s Future"
