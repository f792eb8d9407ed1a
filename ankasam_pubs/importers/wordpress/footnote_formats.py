"""The four forms of footnotes a WordPress post may hold, read into one ``[n] …`` list.

* a ``[1] …`` list at the end, with ``[1]`` markers in the text;
* Word's ``_ftn1``/``_ftnref1`` anchors (text pasted from Word);
* the WordPress core footnotes block (``<sup data-fn="…">`` with the ``footnotes`` post
  meta, a JSON list of ``{"id", "content"}``);
* inline shortcodes ``[efn_note]…[/efn_note]`` (Easy Footnotes) and ``((…))`` (WP
  Footnotes).

Inline forms are numbered in order of appearance and replaced by note references;
:func:`note_chunks` reads a list's HTML into lines with the reader pasted lists use
(:mod:`ankasam_pubs.footnotes.html_lines`), so every note goes through the same parser
(:mod:`ankasam_pubs.footnotes.legacy`).
"""

from __future__ import annotations

import bisect
import html as html_module
import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext

from ...footnotes.html_lines import clean, html_lines
from ...footnotes.richtext import stored_reference
from .text import TAG, ContentProblem, Excluded, LineMap, shorten

# -- inline notes -------------------------------------------------------------------------

_INLINE = re.compile(
    r"(?P<fn><sup\b[^>]*?\bdata-fn\s*=\s*(?P<q>[\"'])(?P<id>[^\"']*)(?P=q)[^>]*>.*?</sup\s*>)"
    r"|\[efn_note(?:\s[^\]]*)?\](?P<efn>.*?)\[/efn_note\]"
    r"|\(\((?P<paren>(?:(?!\n[ \t]*\n).)+?)\)\)(?!\))",  # ((…)) within one paragraph
    re.DOTALL | re.IGNORECASE,
)
_UNCLOSED = re.compile(r"\[efn_note(?:\s[^\]]*)?\]|\[/efn_note\]|\(\(|\)\)", re.IGNORECASE)


def _footnotes_meta(meta: str, problems: list[ContentProblem]) -> dict[str, str]:
    if not meta.strip():
        return {}
    try:
        data = json.loads(meta)
    except ValueError:
        problems.append(
            ContentProblem(
                0,
                "notes",
                shorten(meta),
                gettext("The “footnotes” post meta is not valid JSON; its notes were not read."),
            )
        )
        return {}
    notes = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            notes[entry["id"]] = str(entry.get("content") or "")
    return notes


@dataclass
class InlineNote:
    number: int
    html: str
    line: int
    style: str


def inline_notes(content: str, meta: str, uid_for, problems):
    """(content with references, inline notes in order, line map, styles found)."""
    footnotes = _footnotes_meta(meta, problems)
    lines = LineMap(content)
    notes: list[InlineNote] = []
    numbers_by_fn: dict[str, int] = {}
    pieces: list[str] = []
    removed: list[tuple[int, int]] = []
    position = length = 0
    excluded = Excluded(content)
    for match in _INLINE.finditer(content):
        if match.start() in excluded:
            continue
        line = lines.line(match.start())
        if match.group("fn"):
            fn = match.group("id")
            if fn in numbers_by_fn:
                number = numbers_by_fn[fn]
            elif fn in footnotes:
                number = numbers_by_fn[fn] = len(notes) + 1
                notes.append(InlineNote(number, footnotes[fn], line, "footnotes-block"))
            else:
                problems.append(
                    ContentProblem(
                        line,
                        "markers",
                        shorten(match.group(0)),
                        gettext(
                            "Footnote reference %(id)s has no text in the post’s “footnotes” "
                            "meta; the reference was removed."
                        )
                        % {"id": fn},
                    )
                )
                number = None
        else:
            style = "efn_note" if match.group("efn") is not None else "double-parentheses"
            text = match.group("efn") if style == "efn_note" else match.group("paren")
            number = len(notes) + 1
            notes.append(InlineNote(number, text, line, style))
        pieces.append(content[position : match.start()])
        length += match.start() - position
        replacement = str(stored_reference(uid_for(number))) if number else ""
        pieces.append(replacement)
        length += len(replacement)
        newlines = match.group(0).count("\n")
        if newlines:
            removed.append((length, newlines))
        position = match.end()
    pieces.append(content[position:])
    text = "".join(pieces)
    # Unreferenced notes of the footnotes block still become notes (reported later).
    for fn, note_html in footnotes.items():
        if fn not in numbers_by_fn:
            numbers_by_fn[fn] = len(notes) + 1
            notes.append(InlineNote(len(notes) + 1, note_html, 0, "footnotes-block"))
    if notes or removed:
        lines = LineMap(text, removed)
    excluded = Excluded(text)
    for match in _UNCLOSED.finditer(text):
        if match.start() in excluded:
            continue
        problems.append(
            ContentProblem(
                lines.line(match.start()),
                "notes",
                shorten(text[match.start() : match.start() + 80]),
                gettext("An inline note is opened or closed here but not both; kept as text."),
            )
        )
    return text, notes, lines


# -- notes lists at the end ---------------------------------------------------------------

_WORD_TARGET = re.compile(
    r"<a\b[^>]*(?:\b(?:name|id)\s*=\s*[\"']?_(?:ftn|edn)\d+[\"'\s>]"
    r"|\bhref\s*=\s*[\"']?[^\"'>]*#_(?:ftn|edn)ref\d+)",
    re.IGNORECASE,
)
_FIRST_NOTE = re.compile(r"\[\s*1\s*\]")
_STRUCTURAL_ONLY = re.compile(
    r"^\s*(?:</?(?:div|p|span|hr|br|section|b|strong|i|em|font|o:p)\b[^>]*>\s*|&nbsp;\s*"
    r"|<!--.*?-->\s*)*$",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"(?:notes|footnotes|endnotes|references|sources|dipnotlar|dipnot|notlar|kaynaklar|"
    r"kaynakça|примечания|сноски|источники|литература)\s*[:.]?"
)


def line_text(line: str) -> str:
    """The visible text of one line of HTML."""
    return clean(html_module.unescape(TAG.sub(" ", line)))


def _is_heading(text: str) -> bool:
    return bool(_HEADING.fullmatch(text.casefold().replace("\u0307", "")))


def list_start(content: str) -> tuple[int, str] | None:
    """(offset where an old notes list starts, its form), or None."""
    raw_lines = content.split("\n")
    offsets, total = [], 0
    for raw in raw_lines:
        offsets.append(total)
        total += len(raw) + 1

    def index_of(offset: int) -> int:
        return bisect.bisect_right(offsets, offset) - 1

    start = None
    word = _WORD_TARGET.search(content)
    if word:
        start, form = index_of(word.start()), "word"
    else:
        for index in range(len(raw_lines) - 1, -1, -1):
            if _FIRST_NOTE.match(line_text(raw_lines[index])):
                start, form = index, "list"
                break
        else:
            for index in range(len(raw_lines) - 1, -1, -1):
                text = line_text(raw_lines[index])
                if text and _is_heading(text):
                    if any(line_text(line) for line in raw_lines[index + 1 :]):
                        start, form = index, "list"
                    break
    if start is None:
        return None
    # Take the list's heading and the rules, breaks and wrappers before it along.
    while start > 0:
        previous = raw_lines[start - 1]
        if _STRUCTURAL_ONLY.match(previous) or _is_heading(line_text(previous)):
            start -= 1
        else:
            break
    return offsets[start], form


def note_chunks(html: str, first_line: int = 1, *, newline_breaks=True) -> list[tuple[str, int]]:
    """``(text, content line)`` of each line of a notes list; an ``<ol>`` item's text
    starts with its number."""
    chunks = []
    for line in html_lines(html, first_line, newline_breaks=newline_breaks, link_addresses=True):
        text = line.text
        if line.number is not None and not text.startswith("["):
            text = f"[{line.number}] {text}"
        chunks.append((text, line.line))
    return chunks
