"""The lines of text in an HTML notes list: one reader for pasted lists and imports.

A notes list arrives as HTML in two ways: pasted by an editor into "Paste legacy
notes" (:mod:`.legacy`) and inside a WordPress post (:mod:`ankasam_pubs.importers`).
Both need the same reading: block elements and ``<br>`` end a line, ``<ol>`` items
carry their number, Word's footnote back-links (``<a href="#_ftnref1">[1]</a>``) read
as ``[1]``, scripts and styles are skipped, invisible characters dropped. The importer
also wants each line's place in the post and the addresses of links whose text does not
show them; those are options.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A footnote anchor of Word (or LibreOffice): _ftn1, _ftnref1, _edn1, _ednref1.
_WORD_ANCHOR_ID = re.compile(r"_(?:ftn|edn)(?:ref)?(\d{1,4})$", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"\[?\s*(\d{1,4})\s*\]?")
_SCHEME_AND_WWW = re.compile(r"^[a-z]+://(?:www\.)?", re.IGNORECASE)


def clean(text: str) -> str:
    """Visible text: invisible characters dropped, whitespace collapsed."""
    return " ".join(_INVISIBLE.sub("", text).split())


def word_anchor_number(attributes: dict, *, back_links: bool) -> int | None:
    """The note number of a Word footnote anchor, or None.

    In the body an anchor points to the note (``href="#_ftn1"``, ``name="_ftnref1"``);
    in the notes list it points back (``href="#_ftnref1"``, ``name="_ftn1"``).
    ``back_links`` accepts both kinds; otherwise only the body's.
    """
    href = attributes.get("href", "")
    fragment = href.rsplit("#", 1)[1] if "#" in href else ""
    names = [attributes.get("name", ""), attributes.get("id", "")]
    for value, points_to_note in [(fragment, True)] + [(name, False) for name in names]:
        match = _WORD_ANCHOR_ID.search(value)
        if not match or not value.lower().startswith(("_ftn", "_edn")):
            continue
        is_ref = "ref" in value.lower()
        # href="#_ftn1" / name="_ftnref1" mark a reference in the body.
        in_body = is_ref != points_to_note
        if back_links or in_body:
            return int(match.group(1))
    return None


def _to_int(value: str | None, default: int) -> int:
    """A list number as notes have them (1 to 9999); anything else is the default."""
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return number if 1 <= number <= 9999 else default


@dataclass(frozen=True)
class HtmlLine:
    text: str
    line: int  # line of the source where the text starts (counted from ``first_line``)
    number: int | None = None  # the number of the <ol> item the text is


class HtmlLineCollector(HTMLParser):
    """Plain-text lines of an HTML notes list (see the module's docstring)."""

    BREAKS = frozenset(
        "p div li br hr h1 h2 h3 h4 h5 h6 tr table blockquote dt dd section article "
        "header footer pre".split()
    )
    SKIP = frozenset("script style head title template".split())

    def __init__(
        self, first_line: int = 1, *, newline_breaks: bool = False, link_addresses: bool = False
    ):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        #: Classic WordPress text: a newline outside tags is a line break (wpautop).
        self.newline_breaks = newline_breaks
        #: Keep a link's address after its text when the text does not show it.
        self.link_addresses = link_addresses
        self.lines: list[HtmlLine] = []
        self._buffer: list[str] = []
        self._line = 0
        self._started = False
        self._lists: list[list[int] | None] = []  # [next number] for <ol>, None for <ul>
        self._pending: int | None = None  # number of the current <ol> item
        self._skip = 0
        self._links: list[dict] = []

    def parse_marked_section(self, i, report=1):
        # Python's parser raises AssertionError on "<![" not followed by a name (a
        # pasted "<![1]--"): read those three characters as text and go on.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3

    def _mark_start(self, data: str) -> None:
        """Remember the line of the line's first visible character."""
        if not self._started and data.strip():
            self._started = True
            lead = data[: len(data) - len(data.lstrip())]
            self._line = self.getpos()[0] + lead.count("\n")

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
            return
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a":
            word = word_anchor_number(attributes, back_links=True)
            self._links.append({"attrs": attributes, "text": [], "word": word})
            if word is not None:
                self._mark_start("[")
            return
        if tag in ("ol", "ul"):
            self._flush()
            self._lists.append([_to_int(attributes.get("start"), 1)] if tag == "ol" else None)
        elif tag == "li":
            self._flush()
            counter = self._lists[-1] if self._lists else None
            if counter is not None:
                self._pending = _to_int(attributes.get("value"), counter[0])
                counter[0] = self._pending + 1
        elif tag in self.BREAKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "a" and self._links:
            self._close_link(self._links.pop())
        elif tag in ("ol", "ul"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag == "li":
            self._flush()
            self._pending = None
        elif tag in self.BREAKS:
            self._flush()

    def handle_data(self, data):
        if self._skip:
            return
        if not self.newline_breaks or self._links or "\n" not in data:
            self._mark_start(data)
            self._append(data)
            return
        line, _column = self.getpos()
        for index, part in enumerate(data.split("\n")):
            if index:
                self._flush()
            if part.strip() and not self._started:
                self._started = True
                self._line = line + index
            self._append(part)

    def _close_link(self, link: dict) -> None:
        text = "".join(link["text"])
        if link["word"] is not None:
            shown = _NUMBER_TEXT.fullmatch(clean(text))
            self._append(f" [{shown.group(1) if shown else link['word']}] ")
            return
        self._append(text)
        href = link["attrs"].get("href", "").strip()
        bare = _SCHEME_AND_WWW.sub("", href).rstrip("/")
        if self.link_addresses and href and not href.startswith("#") and bare and bare not in text:
            self._append(f" {href} ")

    def _append(self, text: str) -> None:
        if self._links:
            self._links[-1]["text"].append(text)
        else:
            self._buffer.append(text)

    def close(self):
        super().close()
        while self._links:
            self._close_link(self._links.pop())
        self._flush()

    def _flush(self):
        text = clean("".join(self._buffer))
        self._buffer = []
        if text:
            line = self.first_line + self._line - 1 if self._started else self.first_line
            self.lines.append(HtmlLine(text, line, self._pending))
            self._pending = None
        self._started = False


def html_lines(
    html: str, first_line: int = 1, *, newline_breaks: bool = False, link_addresses: bool = False
) -> list[HtmlLine]:
    """The lines of ``html`` (see :class:`HtmlLineCollector` for the options)."""
    collector = HtmlLineCollector(
        first_line, newline_breaks=newline_breaks, link_addresses=link_addresses
    )
    collector.feed(html)
    collector.close()
    return collector.lines
