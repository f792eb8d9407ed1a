"""Inputs that crashed a parser during fuzzing, kept so the crash cannot come back.

Each test names the failure it was found with; the input is the smallest one that
showed it.
"""

from __future__ import annotations

from ankasam_pubs.footnotes.html_lines import html_lines
from ankasam_pubs.footnotes.legacy import link_legacy_markers, parse_legacy_notes
from ankasam_pubs.importers.wordpress.content import convert_post
from ankasam_pubs.importers.wordpress.sanitise import sanitise


def convert(html: str):
    return convert_post(html, uid_for=lambda n: f"n{n}", footnotes_meta="")


def test_dotted_capital_i_after_a_bracket_is_text():
    # AttributeError: "İ" matched [a-z] under IGNORECASE but not the tag-name pattern.
    html = "<p>Yazı<İı/em> [1]</p><p>[1] Kaynak</p>"
    parsed = parse_legacy_notes(html)
    linked, _problems = link_legacy_markers(html, {n.number: f"u{n.number}" for n in parsed.notes})
    assert "İı/em" in linked.replace("&lt;", "<")


def test_marked_section_without_a_name_is_text():
    # AssertionError from html.parser ("unexpected '[' char in declaration") and from
    # BeautifulSoup on the same input.
    html = "<p>Before <![1]-- after</p>"
    assert [line.text for line in html_lines(html) if line.text.strip()]
    converted = convert(html)
    text = " ".join(block["value"] for block in converted.blocks if block["type"] == "paragraph")
    assert "Before" in text and "after" in text


def test_negative_list_start_does_not_number_notes_below_one():
    html = "<p>Text[1]</p><ol start='-5'><li>Source one</li><li>Source two</li></ol>"
    parsed = parse_legacy_notes(html)
    assert parsed.notes and all(note.number >= 1 for note in parsed.notes)


def test_huge_list_value_does_not_become_a_note_number():
    html = "<p>Text[1]</p><ol><li value='99999999999999999999'>Source</li></ol>"
    assert all(1 <= note.number <= 9999 for note in parse_legacy_notes(html).notes)


def test_unclosed_inline_style_keeps_the_words():
    # AssertionError in Wagtail's contentstate converter: "End of block reached
    # without closing inline style elements".
    html = "<p><b><i>bold</b> and italic</i></p><p>next</p>"
    cleaned = sanitise(html)
    assert "bold" in cleaned and "italic" in cleaned
    assert "<script" not in sanitise("<p><b><i>x</b><script>alert(1)</script></i></p>")
