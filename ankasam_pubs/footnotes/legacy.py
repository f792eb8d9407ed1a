"""Import an old (WordPress) notes list and link the ``[n]`` markers of the body to it.

:func:`parse_legacy_notes` turns a pasted notes list (plain text or HTML) into
:class:`ParsedNote` values, reading sources written in the centre's house style::

    Author, "Title", Outlet, example.org/page, (Date of Accession: 15.03.2023). Comment

:func:`link_legacy_markers` replaces the markers of the body HTML (``[1]``,
``<sup>1</sup>``, Word's ``_ftn`` anchors…) with stored note references.

Nothing is dropped silently: whatever cannot be used comes back as a :class:`Problem`
with its line number. In HTML input a "line" is a ``<p>``, ``<li>``, ``<div>`` or
``<br>``-separated chunk, counted from 1 (empty chunks are not counted); in plain text
it is a physical line.
"""

from __future__ import annotations

import bisect
import datetime
import html as html_module
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from django.utils.translation import gettext

from .html_lines import clean, html_lines, word_anchor_number
from .richtext import stored_reference
from .sources import LocatorLabel, Name, Source, SourceType

__all__ = [
    "LegacyNotes",
    "ParsedNote",
    "Problem",
    "link_legacy_markers",
    "parse_legacy_notes",
]

#: Problem texts are cut to this many characters.
MAX_PROBLEM_TEXT = 200


@dataclass(frozen=True)
class ParsedNote:
    """One note of the old list."""

    number: int  # the number as written in the old list
    source: Source | None  # structured source, if the line cites one
    comment: str  # remaining discursive plain text ("" if none)
    ibid: bool  # the line was "Ibid."-style
    line: int  # 1-based line number in the pasted text
    raw: str  # the line as pasted (tags stripped, whitespace collapsed)


@dataclass(frozen=True)
class Problem:
    """Something that could not be used, and why."""

    line: int  # 1-based line (0 if not line-specific)
    text: str  # the offending text (at most MAX_PROBLEM_TEXT characters)
    reason: str  # translated, human readable


@dataclass(frozen=True)
class LegacyNotes:
    notes: tuple[ParsedNote, ...]
    problems: tuple[Problem, ...]


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_PROBLEM_TEXT:
        return text
    return text[: MAX_PROBLEM_TEXT - 1].rstrip() + "\u2026"


def _problem(line: int, text: str, reason: str) -> Problem:
    return Problem(line=line, text=_shorten(text), reason=reason)


# -- from pasted text to lines ------------------------------------------------------------

_NUMBER_TEXT = re.compile(r"\[?\s*(\d{1,4})\s*\]?")
_LOOKS_LIKE_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:]*(?:\s[^<>]*)?/?>")
# Word's conditional sections: <![if !supportFootnotes]> … <![endif]>
_MARKED_SECTION = re.compile(r"<!\[[^\[\]<>]*\]>")


@dataclass
class _Line:
    number: int  # 1-based line number
    text: str
    implicit: int | None = None  # the number of an <ol> item


def _text_lines(text: str) -> list[_Line]:
    lines = []
    for index, line in enumerate(text.splitlines(), start=1):
        cleaned = clean(line)
        if cleaned:
            lines.append(_Line(index, cleaned))
    return lines


def _html_lines(text: str) -> list[_Line]:
    lines = html_lines(_MARKED_SECTION.sub("", text))
    return [_Line(index, line.text, line.number) for index, line in enumerate(lines, start=1)]


# -- note starts --------------------------------------------------------------------------

_BRACKET_START = re.compile(r"\[(\d{1,4})\][.:)]?\s*(.*)", re.DOTALL)
_DOT_START = re.compile(r"(\d{1,3})\.\s+(\S.*)", re.DOTALL)
_HEADING = re.compile(
    r"(?:notes|footnotes|endnotes|references|sources|dipnotlar|dipnot|notlar|kaynaklar|"
    r"kaynakça|примечания|сноски|источники|литература)\s*[:.]?"
)


def _is_heading(text: str) -> bool:
    return bool(_HEADING.fullmatch(text.casefold().replace("\u0307", "")))


def _dot_numbered(lines: list[_Line]) -> bool:
    """Whether ``1. …`` lines start notes: only in a list that looks numbered that way."""
    if any(line.implicit is not None or _BRACKET_START.match(line.text) for line in lines):
        return False
    numbers = [int(m.group(1)) for line in lines if (m := _DOT_START.match(line.text))]
    if not numbers or numbers[0] != 1:
        return False
    steps = list(zip(numbers, numbers[1:], strict=False))
    return sum(after == before + 1 for before, after in steps) * 2 >= len(steps)


def _note_start(line: _Line, dot_numbered: bool) -> tuple[int, str] | None:
    match = _BRACKET_START.match(line.text)
    if match:
        return int(match.group(1)), match.group(2)
    if line.implicit is not None:
        return line.implicit, line.text
    if dot_numbered:
        match = _DOT_START.match(line.text)
        if match:
            return int(match.group(1)), match.group(2)
    return None


# -- a note's text --------------------------------------------------------------------------

_IBID = re.compile(
    # en/fr "Ibid.", tr "A.g.e.", ru "Там же", de "Ebd."/"Ebenda", ar "المرجع نفسه"/"المصدر نفسه"
    r"(?:ibid(?:em)?\b\.?|a\.\s*g\.\s*e(?:\.|\b)|age\.|там\s+же\b\.?|ebd\.|ebenda\b\.?|"
    r"(?:المرجع|المصدر)\s+نفسه)\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_LOCATOR_VALUE = r"\d+(?:\s*[-\u2013]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-\u2013]\s*\d+)?)*"
_IBID_LOCATOR = re.compile(
    r"(?:(?:pp?|ss?|sf|с|стр|ص)\.?\s*)?(?P<locator>" + _LOCATOR_VALUE + r")\s*\.?\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_LABELLED_LOCATOR = re.compile(
    r"(?:pp?|ss?|sf|с|стр|ص)\.\s*(?P<locator>" + _LOCATOR_VALUE + r")\s*\.?\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_ACCESSION = re.compile(
    r"\(\s*(?:date\s+of\s+access(?:ion)?|access(?:ion)?\s+date|accessed(?:\s+on)?|retrieved|"
    r"erişim\s+tarihi|erişim|дата\s+обращения|дата\s+доступа|zugriff\s+am|abgerufen\s+am|"
    r"consulté\s+le|تاريخ\s+الاطلاع|تاريخ\s+الزيارة)\s*:?\s*(?P<date>[^()]*?)\s*\)",
    re.IGNORECASE,
)
_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TITLE = re.compile(
    r"\"(?P<a>[^\"]+)\"|\u201c(?P<b>[^\u201d]+)\u201d|\u00ab(?P<c>[^\u00bb]+)\u00bb"
    r"|\u201e(?P<d>[^\u201c\u201d]+)[\u201c\u201d]"
)
_UNSAFE_URL = re.compile(
    r"(?<![\w.+-])(?:(?!https?://)[a-z][a-z0-9+.-]*://\S+"
    r"|(?:javascript|vbscript|data|file|mailto|tel|ftp|blob)\s*:\S+)",
    re.IGNORECASE,
)
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_URL = re.compile(
    r"(?<![\w@/.-])(?:https?://\S+|www\.\S+|"
    rf"{_LABEL}(?:\.{_LABEL})*\.[a-z]{{2,}}(?:/\S*|(?=\s*,|\s*$)))",
    re.IGNORECASE,
)
_AUTHOR_SEPARATOR = re.compile(r"\s+(?:and|ve|и)\s+|\s*[;&]\s*", re.IGNORECASE)
_VOLUME = re.compile(r"(?:vol\.?|volume|cilt|том|т\.)\s*(\d\S*)", re.IGNORECASE)
_ISSUE = re.compile(r"(?:no\.?|issue|sayı|№|вып\.)\s*(\d\S*)", re.IGNORECASE)
_PAGES = re.compile(r"(?:pp?|ss?|с)\.\s*(\d.*)", re.IGNORECASE)
_DOI = re.compile(r"doi:\s*(\S+)", re.IGNORECASE)


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:!?'\"\u00bb\u201d\u201c\u2019]":
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def _tidy(text: str) -> str:
    """Whitespace collapsed, no stray commas left by removed parts."""
    text = re.sub(r"\s*,(?:\s*,)+", ",", " ".join(text.split()))
    return text.strip(" ,;")


def _join(*parts: str) -> str:
    return " ".join(part for part in (part.strip() for part in parts) if part)


class _NoteReader:
    """Reads one note; reports problems against the note's own lines."""

    def __init__(self, lines: list[_Line], problems: list[Problem]):
        self.lines = lines
        self.problems = problems

    def report(self, fragment: str, reason: str) -> None:
        line = next((line.number for line in self.lines if fragment in line.text), None)
        self.problems.append(_problem(line or self.lines[0].number, fragment, reason))

    def ibid(self, body: str, previous: Source | None) -> tuple[Source | None, str] | None:
        """``(source, comment)`` for an Ibid.-style note, None if it is not one."""
        match = _IBID.fullmatch(body)
        if not match:
            return None
        if previous is None:
            self.report(
                body,
                gettext("Ibid. without a previous source to repeat; the note was kept as text."),
            )
            return None, body
        rest = match.group("rest").lstrip(",.;: \u060c")  # U+060C: the Arabic comma
        locator = ""
        found = _IBID_LOCATOR.fullmatch(rest)
        if found:
            locator = " ".join(found.group("locator").split())
            rest = found.group("rest")
        source = replace(previous, locator=locator, locator_label=LocatorLabel.PAGE)
        return source, rest.strip()

    def source(self, body: str) -> tuple[Source | None, str]:
        """``(source, comment)`` for a note in the house format, or ``(None, text)``."""
        unsafe_urls = [_trim_url(found.group(0)) for found in _UNSAFE_URL.finditer(body)]
        for url in unsafe_urls:
            self.report(
                url, gettext("Only http and https links are accepted; this link was removed.")
            )
            body = body.replace(url, "", 1)
        if unsafe_urls:
            body = _tidy(body)

        accession = _ACCESSION.search(body)
        head = body[: accession.start()] if accession else body
        after = body[accession.end() :] if accession else ""

        fields: dict = {}
        middle = head
        title = self._title(head)
        if title:
            prefix, fields["title"], middle = title
            authors = [part.strip(" ,") for part in _AUTHOR_SEPARATOR.split(prefix)]
            fields["authors"] = tuple(Name.parse(part) for part in authors if part)

        url = _URL.search(middle)
        leftover = ""
        if url:
            fields["url"] = _trim_url(url.group(0))
            if not fields["url"].lower().startswith(("http://", "https://")):
                fields["url"] = "https://" + fields["url"]
            before = middle[: url.start()]
            leftover = middle[url.start() + len(_trim_url(url.group(0))) :]
            if title:
                self._container(before, fields)
            else:
                fields["title"], outlet = _split_outlet(
                    before.strip().rstrip(",;: ").strip(), fields["url"]
                )
                if outlet:
                    fields["container_title"] = outlet
        elif title:
            self._container(middle, fields)
        else:
            return None, body  # discursive

        comments = []
        leftover = leftover.strip(" ,;").lstrip(". ")
        if leftover:
            found = _LABELLED_LOCATOR.fullmatch(leftover)
            if found and not found.group("rest"):
                fields["locator"] = " ".join(found.group("locator").split())
            else:
                comments.append(leftover)
        if accession:
            fields["accessed"] = self._date(accession.group("date"))
            after = after.lstrip(" ,")
            found = _LABELLED_LOCATOR.match(after) if "locator" not in fields else None
            if found:
                fields["locator"] = " ".join(found.group("locator").split())
                after = found.group("rest")
            comments.append(after.lstrip(". ").strip())
        fields["type"] = SourceType.WEB_PAGE if fields.get("url") else SourceType.OTHER
        return Source(**{k: v for k, v in fields.items() if v is not None}), _join(*comments)

    @staticmethod
    def _title(head: str) -> tuple[str, str, str] | None:
        """``(text before, title, text after)`` if ``head`` has a title in quotes."""
        for match in _TITLE.finditer(head):
            prefix, after = head[: match.start()].strip(), head[match.end() :]
            title = next(group for group in match.groups() if group is not None).strip()
            inside_stop = title.endswith((",", "."))  # English: "Title," Outlet
            if prefix and not prefix.endswith(","):
                continue
            if not (inside_stop or not after.strip() or after.lstrip()[0] in ",.;"):
                continue
            return prefix, title.rstrip(",").strip(), after.lstrip(" ,.;")
        return None

    @staticmethod
    def _container(text: str, fields: dict) -> None:
        """Outlet, and volume, issue, pages, DOI when written as separate parts."""
        rest = []
        for part in (part.strip(" .") for part in text.split(",")):
            if not part:
                continue
            for key, pattern in (
                ("volume", _VOLUME),
                ("issue", _ISSUE),
                ("pages", _PAGES),
                ("doi", _DOI),
            ):
                found = pattern.fullmatch(part)
                if found and key not in fields:
                    fields[key] = found.group(1).strip()
                    break
            else:
                rest.append(part)
        fields["container_title"] = ", ".join(rest)

    def _date(self, text: str) -> datetime.date | None:
        text = text.strip()
        match = _DATE.fullmatch(text)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
        if not match and (match := _ISO_DATE.fullmatch(text)):
            parts = match.groups()
        if not parts:
            self.report(
                text or "()",
                gettext("Unrecognised date of accession; the note was kept without it."),
            )
            return None
        try:
            return datetime.date(*(int(part) for part in parts))
        except ValueError:
            self.report(text, gettext("Invalid date of accession; the note was kept without it."))
            return None


def _split_outlet(text: str, url: str) -> tuple[str, str]:
    """``(title, outlet)`` of an unquoted "Title, Outlet" head: the last comma-separated
    part is the outlet only when the link's host spells it ("Trading Economics" and
    tradingeconomics.com); otherwise a comma may belong to the title, and it stays whole."""
    title, comma, last = text.rpartition(",")
    host = urlsplit(url).hostname or ""
    letters = re.sub(r"\W", "", last.casefold())
    if comma and title.strip() and len(letters) >= 3 and letters in re.sub(r"\W", "", host):
        return title.strip(), last.strip()
    return text, ""


@dataclass
class _Group:
    number: int
    body: list[str]
    lines: list[_Line] = field(default_factory=list)


def parse_legacy_notes(text: str) -> LegacyNotes:
    """Notes, and problems, of a pasted notes list (plain text or HTML)."""
    text = text or ""
    lines = _html_lines(text) if _LOOKS_LIKE_HTML.search(text) else _text_lines(text)
    dot_numbered = _dot_numbered(lines)
    problems: list[Problem] = []

    groups: list[_Group] = []
    for line in lines:
        start = _note_start(line, dot_numbered)
        if start:
            groups.append(_Group(start[0], [start[1]], [line]))
        elif groups:
            groups[-1].body.append(line.text)
            groups[-1].lines.append(line)
        elif not _is_heading(line.text):
            problems.append(
                _problem(
                    line.number,
                    line.text,
                    gettext("Text before the first numbered note; it was not imported."),
                )
            )

    notes: list[ParsedNote] = []
    seen: set[int] = set()
    expected = 1
    for group in groups:
        first = group.lines[0].number
        raw = " ".join(line.text for line in group.lines)
        if group.number in seen:
            reason = gettext(
                "Duplicate note number %(number)s; only the first note with this number was kept."
            ) % {"number": group.number}
            problems.append(_problem(first, raw, reason))
            continue
        seen.add(group.number)
        if group.number != expected:
            reason = gettext("Note %(number)s is out of sequence (expected %(expected)s).") % {
                "number": group.number,
                "expected": expected,
            }
            problems.append(_problem(first, raw, reason))
        expected = group.number + 1

        body = _join(*group.body)
        reader = _NoteReader(group.lines, problems)
        previous = notes[-1].source if notes else None
        if not body:
            problems.append(
                _problem(
                    first, raw, gettext("Note %(number)s is empty.") % {"number": group.number}
                )
            )
            result, ibid = (None, ""), False
        elif (found := reader.ibid(body, previous)) is not None:
            result, ibid = found, True
        else:
            result, ibid = reader.source(body), False
        source, comment = result
        notes.append(ParsedNote(group.number, source, comment, ibid, first, raw))

    problems.sort(key=lambda problem: problem.line)
    return LegacyNotes(notes=tuple(notes), problems=tuple(problems))


# -- markers in the body ------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<other><!--.*?-->|<(?P<raw>script|style|textarea)\b[^>]*>.*?</(?P=raw)\s*>|<![^>]*>)"
    r"|(?P<tag></?[a-zA-Z][^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"<(/?)\s*([a-zA-Z][\w:-]*)")
_ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
_MARKER = re.compile(r"\[(\d{1,4})\]")
_BRACKETED = re.compile(r"\[\s*(\d{1,4})\s*\]")
_BARE = re.compile(r"\d{1,4}")
_WRAPPERS = ("sup", "span")


@dataclass(frozen=True)
class _Token:
    kind: str  # "text", "tag" or "other"
    start: int
    end: int
    name: str = ""
    closing: bool = False


def _tokens(html: str) -> list[_Token]:
    tokens, position = [], 0
    for match in _TOKEN.finditer(html):
        if match.start() > position:
            tokens.append(_Token("text", position, match.start()))
        named = _TAG_NAME.match(match.group("tag")) if match.group("tag") else None
        if named is not None:
            slash, name = named.groups()
            tokens.append(_Token("tag", match.start(), match.end(), name.lower(), bool(slash)))
        elif match.group("tag"):
            # "<İı…": IGNORECASE lets "İ" pass [a-zA-Z]; no HTML tag starts so: text.
            tokens.append(_Token("text", match.start(), match.end()))
        else:
            tokens.append(_Token("other", match.start(), match.end()))
        position = match.end()
    if position < len(html):
        tokens.append(_Token("text", position, len(html)))
    return tokens


def _attributes(tag: str) -> dict:
    return {
        match.group(1).lower(): html_module.unescape(
            next(value for value in match.groups()[1:] if value is not None)
        )
        for match in _ATTRIBUTE.finditer(tag)
    }


class _MarkerLinker:
    def __init__(self, html: str, uids_by_number: dict[int, str]):
        self.html = html
        self.uids = uids_by_number
        self.tokens = _tokens(html)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.replacements: list[tuple[int, int, int]] = []  # (start, end, number)
        self.problems: list[Problem] = []
        self.referenced: set[int] = set()

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def text(self, first: int, last: int) -> str:
        """Visible text of tokens ``first..last`` (inclusive)."""
        return html_module.unescape(
            "".join(
                self.html[token.start : token.end]
                for token in self.tokens[first : last + 1]
                if token.kind == "text"
            )
        )

    def closing(self, index: int, name: str) -> int | None:
        for later in range(index + 1, len(self.tokens)):
            token = self.tokens[later]
            if token.kind == "tag" and token.name == name and token.closing:
                return later
        return None

    def marker(self, start: int, end: int, number: int, *, certain: bool = True) -> None:
        """A marker at ``html[start:end]``; ``certain``: report it if it has no note."""
        if number in self.uids:
            self.replacements.append((start, end, number))
            self.referenced.add(number)
        elif certain:
            reason = gettext("There is no note %(number)s; the marker was left unchanged.")
            self.problems.append(
                _problem(self.line_of(start), self.html[start:end], reason % {"number": number})
            )

    def element(self, first: int, last: int, number: int, *, certain: bool = True) -> None:
        """A marker that is a whole element; wrappers holding only it go with it."""
        tokens = self.tokens
        while True:
            before, after = first - 1, last + 1
            while before >= 0 and self._blank(before):
                before -= 1
            while after < len(tokens) and self._blank(after):
                after += 1
            if before < 0 or after >= len(tokens):
                break
            opening, closing = tokens[before], tokens[after]
            if not (
                opening.kind == closing.kind == "tag"
                and opening.name == closing.name
                and opening.name in _WRAPPERS
                and not opening.closing
                and closing.closing
            ):
                break
            first, last = before, after
        self.marker(tokens[first].start, tokens[last].end, number, certain=certain)

    def _blank(self, index: int) -> bool:
        token = self.tokens[index]
        return token.kind == "text" and not self.html[token.start : token.end].strip()

    def run(self) -> None:
        index = 0
        while index < len(self.tokens):
            index = self.step(index)

    def step(self, index: int) -> int:
        token = self.tokens[index]
        if token.kind == "text":
            for match in _MARKER.finditer(self.html, token.start, token.end):
                self.marker(match.start(), match.end(), int(match.group(1)))
            return index + 1
        if token.kind != "tag" or token.closing:
            return index + 1
        if token.name == "a":
            last = self.closing(index, "a")
            if last is not None:
                self.anchor(index, last)
                return last + 1
        elif token.name == "sup":
            last = self.closing(index, "sup")
            inner = self.tokens[index + 1 : last] if last is not None else []
            if last is not None and not any(t.kind == "tag" and t.name == "a" for t in inner):
                text = self.text(index + 1, last - 1).strip()
                if match := _BRACKETED.fullmatch(text):
                    self.element(index, last, int(match.group(1)))
                    return last + 1
                if _BARE.fullmatch(text) and int(text) in self.uids:
                    self.element(index, last, int(text), certain=False)
                    return last + 1
        return index + 1

    def anchor(self, first: int, last: int) -> None:
        attributes = _attributes(self.html[self.tokens[first].start : self.tokens[first].end])
        visible = self.text(first + 1, last - 1).strip()
        shown = _NUMBER_TEXT.fullmatch(visible)
        word = word_anchor_number(attributes, back_links=False)
        # A back-link of an old notes list left in the body is not a marker.
        back_link = word is None and word_anchor_number(attributes, back_links=True) is not None
        if word is not None:
            self.element(first, last, int(shown.group(1)) if shown else word)
        elif not back_link and attributes.get("href", "").startswith("#") and shown:
            self.element(first, last, int(shown.group(1)))
        else:
            start, end = self.tokens[first].start, self.tokens[last].end
            for match in _MARKER.finditer(self.html, start, end):
                if self._in_text(match.start()):
                    reason = gettext("Marker inside a link; it was left unchanged.")
                    self.problems.append(_problem(self.line_of(match.start()), match[0], reason))

    def _in_text(self, offset: int) -> bool:
        return any(
            token.kind == "text" and token.start <= offset < token.end for token in self.tokens
        )

    def result(self) -> tuple[str, tuple[Problem, ...]]:
        pieces, position = [], 0
        for start, end, number in sorted(self.replacements):
            pieces.append(self.html[position:start])
            pieces.append(str(stored_reference(self.uids[number])))
            position = end
        pieces.append(self.html[position:])
        problems = list(self.problems)
        for number in sorted(set(self.uids) - self.referenced):
            reason = gettext("Note %(number)s is never referenced in the text.")
            problems.append(_problem(0, f"[{number}]", reason % {"number": number}))
        return "".join(pieces), tuple(problems)


def link_legacy_markers(
    html: str, uids_by_number: dict[int, str]
) -> tuple[str, tuple[Problem, ...]]:
    """``html`` with its note markers replaced by stored references, and the problems.

    Markers: ``[1]``, ``<sup>[1]</sup>``, ``<sup>1</sup>`` (only if note 1 exists), Word
    footnote anchors (``<a href="#_ftn1" name="_ftnref1">[1]</a>``, also inside ``<sup>``
    or ``<span>`` wrappers, which are removed with them) and in-page links whose text is
    just the number. Attributes are never changed.
    """
    linker = _MarkerLinker(html or "", dict(uids_by_number))
    linker.run()
    return linker.result()
