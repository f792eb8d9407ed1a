"""A WordPress post's HTML as body blocks and structured notes (pure: no database).

:func:`convert_post` takes ``content:encoded`` as WordPress stores it (classic editor
text with blank lines between paragraphs, or Gutenberg blocks) and returns StreamField
data for an analysis body, the notes found, and every problem with the line of the
post's content it was found on. Notes come in any of these forms:

* a ``[1] …`` list at the end, with ``[1]`` markers in the text;
* Word's ``_ftn1``/``_ftnref1`` anchors (text pasted from Word);
* the WordPress core footnotes block (``<sup data-fn="…">`` with the ``footnotes`` post
  meta, a JSON list of ``{"id", "content"}``);
* inline shortcodes ``[efn_note]…[/efn_note]`` (Easy Footnotes) and ``((…))`` (WP
  Footnotes).

Inline forms are numbered in order of appearance and written as a ``[n] …`` list, so
every note goes through the same parser as a pasted list (:mod:`...footnotes.legacy`):
sources read in the house style, "Ibid." kept as a repeat of the previous source.
"""

from __future__ import annotations

import bisect
import html as html_module
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.html import escape
from django.utils.translation import gettext

from ...footnotes.legacy import ParsedNote, link_legacy_markers, parse_legacy_notes
from ...footnotes.legacy_import import source_block_value
from ...footnotes.richtext import REFERENCE, reference_uids, stored_reference
from ...pages.blocks import RICH_TEXT_FEATURES

__all__ = [
    "ContentProblem",
    "ConvertedPost",
    "ImageRef",
    "convert_post",
    "plain_text",
]

MAX_PROBLEM_TEXT = 200


@dataclass(frozen=True)
class ContentProblem:
    line: int  # line of the post's content (1-based); 0: the post as a whole
    kind: str  # "notes", "markers", "images", "links", "content"
    text: str
    reason: str  # translated


@dataclass(frozen=True)
class ImageRef:
    """An image the body shows; the importer decides which Wagtail image it becomes."""

    attachment_id: int | None  # None: not an attachment of the export
    src: str
    alt: str
    caption: str
    line: int


@dataclass
class ConvertedPost:
    blocks: list[dict]  # StreamField data; image blocks hold an ImageRef as "image"
    notes: list[dict]  # {"uid", "sources", "comment", "sort_order"} in note order
    parsed: tuple[ParsedNote, ...]
    styles: list[str]  # note forms found: "list", "word", "footnotes-block", …
    problems: list[ContentProblem] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    linked: int = 0  # notes referenced from the text


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_PROBLEM_TEXT:
        return text
    return text[: MAX_PROBLEM_TEXT - 1].rstrip() + "\u2026"


class _Lines:
    """Line numbers of offsets in a text derived from the content (removals tracked)."""

    def __init__(self, text: str, removed: list[tuple[int, int]] | None = None):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.removed = sorted(removed or [])  # (offset in text, newlines removed before it)
        self.offsets = [offset for offset, _count in self.removed]
        self.cumulative = []
        total = 0
        for _offset, count in self.removed:
            total += count
            self.cumulative.append(total)

    def line(self, offset: int) -> int:
        line = bisect.bisect_right(self.starts, offset)
        index = bisect.bisect_right(self.offsets, offset)
        return line + (self.cumulative[index - 1] if index else 0)

    def shift(self, line: int) -> int:
        """The content line of ``line`` of the derived text."""
        if not self.removed or line <= 0:
            return line
        offset = self.starts[min(line, len(self.starts)) - 1]
        return self.line(offset)


# -- inline notes -------------------------------------------------------------------------

_INLINE = re.compile(
    r"(?P<fn><sup\b[^>]*?\bdata-fn\s*=\s*(?P<q>[\"'])(?P<id>[^\"']*)(?P=q)[^>]*>.*?</sup\s*>)"
    r"|\[efn_note(?:\s[^\]]*)?\](?P<efn>.*?)\[/efn_note\]"
    r"|\(\((?P<paren>(?:(?!\n[ \t]*\n).)+?)\)\)(?!\))",  # ((…)) within one paragraph
    re.DOTALL | re.IGNORECASE,
)
_UNCLOSED = re.compile(r"\[efn_note(?:\s[^\]]*)?\]|\[/efn_note\]|\(\(|\)\)", re.IGNORECASE)
_SCRIPT_OR_COMMENT = re.compile(
    r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)


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
                _shorten(meta),
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
class _Inline:
    number: int
    html: str
    line: int
    style: str


def _inline_notes(content: str, meta: str, uid_for, problems):
    """(content with references, inline notes in order, line map, styles found)."""
    footnotes = _footnotes_meta(meta, problems)
    lines = _Lines(content)
    notes: list[_Inline] = []
    numbers_by_fn: dict[str, int] = {}
    pieces: list[str] = []
    removed: list[tuple[int, int]] = []
    position = length = 0
    excluded = _Excluded(content)
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
                notes.append(_Inline(number, footnotes[fn], line, "footnotes-block"))
            else:
                problems.append(
                    ContentProblem(
                        line,
                        "markers",
                        _shorten(match.group(0)),
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
            notes.append(_Inline(number, text, line, style))
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
            notes.append(_Inline(len(notes) + 1, note_html, 0, "footnotes-block"))
    if notes or removed:
        lines = _Lines(text, removed)
    excluded = _Excluded(text)
    for match in _UNCLOSED.finditer(text):
        if match.start() in excluded:
            continue
        problems.append(
            ContentProblem(
                lines.line(match.start()),
                "notes",
                _shorten(text[match.start() : match.start() + 80]),
                gettext("An inline note is opened or closed here but not both; kept as text."),
            )
        )
    return text, notes, lines


class _Excluded:
    """Where notes and shortcodes are not looked for: inside tags, comments, scripts."""

    def __init__(self, text: str):
        # Each list holds non-overlapping spans in order (tags may sit inside comments).
        self.lists = [
            [m.span() for m in _SCRIPT_OR_COMMENT.finditer(text)],
            [m.span() for m in _TAG.finditer(text)],
        ]
        self.starts = [[start for start, _end in spans] for spans in self.lists]

    def __contains__(self, offset: int) -> bool:
        for starts, spans in zip(self.starts, self.lists, strict=True):
            index = bisect.bisect_left(starts, offset) - 1
            if index >= 0 and offset < spans[index][1]:
                return True
        return False


# -- notes lists at the end ---------------------------------------------------------------

_WORD_TARGET = re.compile(
    r"<a\b[^>]*(?:\b(?:name|id)\s*=\s*[\"']?_(?:ftn|edn)\d+[\"'\s>]"
    r"|\bhref\s*=\s*[\"']?[^\"'>]*#_(?:ftn|edn)ref\d+)",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
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


def _line_text(line: str) -> str:
    text = html_module.unescape(_TAG.sub(" ", line))
    return " ".join(_INVISIBLE.sub("", text).split())


def _is_heading(text: str) -> bool:
    return bool(_HEADING.fullmatch(text.casefold().replace("\u0307", "")))


def _list_start(content: str) -> tuple[int, str] | None:
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
            if _FIRST_NOTE.match(_line_text(raw_lines[index])):
                start, form = index, "list"
                break
        else:
            for index in range(len(raw_lines) - 1, -1, -1):
                text = _line_text(raw_lines[index])
                if text and _is_heading(text):
                    if any(_line_text(line) for line in raw_lines[index + 1 :]):
                        start, form = index, "list"
                    break
    if start is None:
        return None
    # Take the list's heading and the rules, breaks and wrappers before it along.
    while start > 0:
        previous = raw_lines[start - 1]
        if _STRUCTURAL_ONLY.match(previous) or _is_heading(_line_text(previous)):
            start -= 1
        else:
            break
    return offsets[start], form


class _NoteLines(HTMLParser):
    """Text chunks of a notes list, each with the line where it starts.

    Like the legacy parser's reading of HTML (block elements and ``<br>`` end a chunk,
    Word back-links read as ``[n]``, ``<ol>`` items are numbered) plus: the address of a
    link whose text does not show it is kept after the text, so it is not lost.
    """

    BREAKS = frozenset(
        "p div li br hr h1 h2 h3 h4 h5 h6 tr table blockquote dt dd section article "
        "header footer pre".split()
    )
    SKIP = frozenset("script style head title template".split())
    WORD = re.compile(r"_(?:ftn|edn)(ref)?(\d{1,4})$", re.IGNORECASE)
    NUMBER = re.compile(r"\[?\s*(\d{1,4})\s*\]?")

    def __init__(self, first_line: int = 1, *, newline_breaks: bool = True):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.newline_breaks = newline_breaks
        self.chunks: list[tuple[str, int]] = []
        self._buffer: list[str] = []
        self._line = 0
        self._started = False
        self._lists: list[list[int] | None] = []
        self._pending: int | None = None
        self._skip = 0
        self._links: list[dict] = []

    def _note_start(self, data: str) -> None:
        """Remember the line of the chunk's first visible character."""
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
            self._links.append({"attrs": attributes, "text": [], "word": self._word(attributes)})
            if self._links[-1]["word"] is not None:
                self._note_start("[")
            return
        if tag in ("ol", "ul"):
            self._flush()
            start = attributes.get("start", "1").strip()
            self._lists.append([int(start) if start.isdigit() else 1] if tag == "ol" else None)
        elif tag == "li":
            self._flush()
            counter = self._lists[-1] if self._lists else None
            if counter is not None:
                value = attributes.get("value", "").strip()
                self._pending = int(value) if value.isdigit() else counter[0]
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
            self._note_start(data)
            self._append(data)
            return
        # Classic editor text: each newline is a line break (WordPress's wpautop).
        line, _column = self.getpos()
        for index, part in enumerate(data.split("\n")):
            if index:
                self._flush()
            if part.strip() and not self._started:
                self._started = True
                self._line = line + index
            self._append(part)

    def _word(self, attributes: dict) -> int | None:
        """The number of a Word back-link (``href="#_ftnref1"`` or ``name="_ftn1"``)."""
        href = attributes.get("href", "")
        fragment = href.rsplit("#", 1)[1] if "#" in href else ""
        match = self.WORD.search(fragment)
        if match and match.group(1):
            return int(match.group(2))
        for name in (attributes.get("name", ""), attributes.get("id", "")):
            match = self.WORD.search(name)
            if match and not match.group(1):
                return int(match.group(2))
        return None

    def _close_link(self, link: dict) -> None:
        text = "".join(link["text"])
        if link["word"] is not None:
            shown = self.NUMBER.fullmatch(" ".join(text.split()))
            self._append(f" [{shown.group(1) if shown else link['word']}] ")
            return
        href = link["attrs"].get("href", "").strip()
        self._append(text)
        bare = re.sub(r"^[a-z]+://(?:www\.)?", "", href, flags=re.IGNORECASE).rstrip("/")
        if href and not href.startswith("#") and bare and bare not in text:
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
        text = " ".join(_INVISIBLE.sub("", "".join(self._buffer)).split())
        self._buffer = []
        if text:
            if self._pending is not None and not text.startswith("["):
                text = f"[{self._pending}] {text}"
            self.chunks.append((text, self.first_line + self._line - 1))
            self._pending = None
        self._started = False


def _chunks(html: str, first_line: int = 1, *, newline_breaks=True) -> list[tuple[str, int]]:
    reader = _NoteLines(first_line, newline_breaks=newline_breaks)
    reader.feed(html)
    reader.close()
    return reader.chunks


# -- body HTML to blocks ------------------------------------------------------------------

_SEPARATED = (
    "p|div|h[1-6]|ul|ol|table|blockquote|figure|pre|hr|section|article|aside|header|footer|"
    "nav|iframe|script|style|dl|form|address|details|video|audio|object|embed|noscript"
)
_KEPT = _SEPARATED + "|li|tr|td|th|tbody|thead|tfoot|caption|dt|dd|figcaption|colgroup|col"
_OPEN_BLOCK = re.compile(rf"(<(?:{_SEPARATED})\b[^>]*>)", re.IGNORECASE)
_CLOSE_BLOCK = re.compile(rf"(</(?:{_SEPARATED})\s*>)", re.IGNORECASE)
_STARTS_BLOCK = re.compile(rf"</?(?:{_KEPT})\b", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BR_NEWLINE = re.compile(r"<br\s*/?>\s*\n", re.IGNORECASE)
_NEWLINE_OUTSIDE_TAGS = re.compile(r"<[^>]*>|\n")


def autop(text: str) -> str:
    """Paragraphs from WordPress's stored text, as WordPress's ``wpautop`` makes them.

    Blank lines separate paragraphs, a single newline is a ``<br>``; block elements stand
    on their own. Gutenberg's block comments are dropped.
    """
    text = _COMMENT.sub("\n\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSE_BLOCK.sub(r"\n\n\1\n\n", text)
    text = _BR_NEWLINE.sub("<br />", text)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_BLOCK.match(chunk):
            out.append(chunk)
        else:
            body = _NEWLINE_OUTSIDE_TAGS.sub(
                lambda m: "<br />\n" if m.group(0) == "\n" else m.group(0), chunk
            )
            out.append(f"<p>{body}</p>")
    return "\n".join(out)


_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z_][\w-]*)([^\]]*)\]")
_CAPTION = re.compile(
    r"\[(?:caption|wp_caption)\b([^\]]*)\](.*?)\[/(?:caption|wp_caption)\]", re.DOTALL
)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]")
_IDS = re.compile(r"\bids\s*=\s*[\"']?([\d,\s]+)")
_ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_CONTAINERS = frozenset(
    "div section article main aside header footer nav center span font details summary "
    "form fieldset body html".split()
)
_DROPPED = frozenset("script style noscript template head title meta link".split())
_EMBEDDED = frozenset("iframe object embed video audio canvas svg button input select".split())
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small strong sub sup time "
    "u var br wbr del ins span font".split()
)


def _link_scheme_ok(href: str) -> bool:
    cleaned = re.sub(r"[`\x00-\x20\x7f-\xa0\s]+", "", html_module.unescape(href)).lower()
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1) in _ALLOWED_SCHEMES


class _BlockBuilder:
    def __init__(self, content: str, find_attachment, block_id, problems):
        self.content = content  # the post's content, to find lines of problems
        self.find_attachment = find_attachment
        self.block_id = block_id
        self.problems = problems
        self.blocks: list[dict] = []
        self.images: list[ImageRef] = []
        self.current: list[str] = []
        self.reported: set[tuple[str, str]] = set()

    # -- problems
    def line_of(self, needle: str) -> int:
        if not needle:
            return 0
        offset = self.content.find(needle)
        return self.content.count("\n", 0, offset) + 1 if offset != -1 else 0

    def report(self, kind: str, needle: str, text: str, reason: str) -> None:
        key = (reason, text)
        if key in self.reported:
            return
        self.reported.add(key)
        self.problems.append(ContentProblem(self.line_of(needle), kind, _shorten(text), reason))

    # -- blocks
    def add(self, block_type: str, value) -> None:
        self.blocks.append({"type": block_type, "value": value, "id": self.block_id()})

    def flush(self) -> None:
        if not self.current:
            return
        html = sanitise("".join(self.current))
        self.current = []
        if html and (_visible(html) or REFERENCE.search(html)):
            self.add("paragraph", html)

    def paragraph(self, html: str) -> None:
        self.current.append(html)

    def build(self, html: str) -> list[dict]:
        soup = BeautifulSoup(html, "html.parser")
        self.walk(soup)
        self.flush()
        return self.blocks

    def walk(self, parent) -> None:
        for node in list(parent.children):
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if str(node).strip():
                    self.paragraph(f"<p>{escape(str(node))}</p>")
                continue
            if isinstance(node, Tag):
                self.element(node)

    def element(self, node: Tag) -> None:
        name = node.name.lower()
        if name in _DROPPED:
            if name in ("script", "noscript"):
                self.report(
                    "content",
                    f"<{name}",
                    str(node)[:120],
                    gettext("A script was removed from the text."),
                )
            return
        if name in _EMBEDDED:
            self.embedded(node)
            return
        if name in _HEADINGS:
            self.heading(node, _HEADINGS[name])
        elif name == "img":
            self.flush()
            self.image(node, "")
        elif name == "figure":
            self.figure(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "table":
            self.table(node)
        elif name == "hr":
            self.flush()
        elif name in ("p", "ul", "ol", "pre", "dl"):
            self.text_block(node)
        elif name in _CONTAINERS and not self.inline_only(node):
            self.walk(node)
        elif name in _INLINE_TAGS:  # inline content outside a paragraph
            self.text_block(node, wrap="element")
        else:  # a container of text only, or an element out of its place (li, td…)
            self.text_block(node, wrap="contents")

    @staticmethod
    def inline_only(node: Tag) -> bool:
        return all(
            isinstance(child, NavigableString) or child.name.lower() in _INLINE_TAGS
            for child in node.children
        )

    def text_block(self, node: Tag, *, wrap: str = "") -> None:
        """A paragraph or list; images and embedded content inside it are taken out."""
        images = node.find_all("img")
        for image in images:
            image.extract()
        for inner in node.find_all(list(_EMBEDDED)):
            self.embedded(inner)
            inner.extract()
        for inner in node.find_all(list(_DROPPED)):
            inner.extract()
        self.clean_links(node)
        if not node.get_text().strip() and not node.find("a", attrs={"linktype": "note"}):
            pass
        elif node.name.lower() == "pre":
            text = escape(node.get_text()).replace("\n", "<br/>")
            self.paragraph(f"<p>{text}</p>")
        elif node.name.lower() == "dl":
            for item in node.find_all(["dt", "dd"]):
                self.paragraph(f"<p>{item.decode_contents()}</p>")
        elif wrap == "element":
            self.paragraph(f"<p>{node}</p>")
        elif wrap == "contents":
            self.paragraph(f"<p>{node.decode_contents()}</p>")
        else:
            self.paragraph(str(node))
        if images:
            self.flush()
            for image in images:
                self.image(image, "")

    def clean_links(self, node: Tag) -> None:
        for link in node.find_all("a"):
            if link.get("linktype") == "note":
                continue
            href = (link.get("href") or "").strip()
            if not href or href.startswith("#"):
                link.unwrap()  # anchors and in-page links of the old page lead nowhere now
            elif not _link_scheme_ok(href):
                self.report(
                    "links",
                    href[:60],
                    href,
                    gettext("Only web, e-mail and phone links are kept; this link was removed."),
                )
                link.unwrap()

    def heading(self, node: Tag, level: str) -> None:
        if node.find("a", attrs={"linktype": "note"}) or node.find("img"):
            self.clean_links(node)
            for image in node.find_all("img"):
                image.extract()
                self.flush()
                self.image(image, "")
            self.paragraph(f"<p><b>{node.decode_contents()}</b></p>")
            return
        text = " ".join(node.get_text(" ").split())
        if text:
            self.flush()
            self.add("heading", {"text": text[:255], "level": level})

    def figure(self, node: Tag) -> None:
        caption_node = node.find("figcaption")
        caption = " ".join(caption_node.get_text(" ").split()) if caption_node else ""
        if caption_node is not None and caption_node.find("a", attrs={"linktype": "note"}):
            caption_node.extract()
            self.clean_links(caption_node)
            after = f"<p>{caption_node.decode_contents()}</p>"
            caption = ""
        else:
            after = ""
        images = node.find_all("img")
        tables = node.find_all("table")
        if images:
            self.flush()
            for image in images:
                self.image(image, caption if len(images) == 1 else "")
        elif tables:
            for table in tables:
                self.table(table, caption)
        elif "wp-block-embed" in " ".join(node.get("class") or []):
            # Gutenberg keeps the embedded address as text: it becomes a link.
            url = node.get_text(" ").split()
            if url and url[0].startswith(("http://", "https://")):
                self.flush()
                self.paragraph(f'<p><a href="{escape(url[0])}">{escape(url[0])}</a></p>')
        else:
            if caption_node is not None:
                caption_node.extract()
            self.walk(node)
        if after:
            self.paragraph(after)

    def quote(self, node: Tag) -> None:
        cite = node.find(["cite", "footer"])
        attribution = " ".join(cite.get_text(" ").split()) if cite else ""
        if node.find("a") or node.find("img") or node.find(["ul", "ol", "table"]):
            self.walk(node)
            return
        if cite is not None:
            cite.extract()
        text = "\n\n".join(
            " ".join(part.get_text(" ").split())
            for part in (node.find_all("p") or [node])
            if part.get_text().strip()
        )
        if text:
            self.flush()
            self.add("quote", {"quote": text, "attribution": attribution[:255]})

    def table(self, node: Tag, caption: str = "") -> None:
        if node.find("a", attrs={"linktype": "note"}):
            for row in node.find_all("tr"):
                cells = [cell.decode_contents() for cell in row.find_all(["td", "th"])]
                self.paragraph(f"<p>{' | '.join(cells)}</p>")
            return
        rows = []
        for row in node.find_all("tr"):
            rows.append([" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"])])
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first = node.find("tr")
        header = bool(first and first.find("th"))
        table_caption = node.find("caption")
        if table_caption is not None and not caption:
            caption = " ".join(table_caption.get_text(" ").split())
        self.flush()
        self.add(
            "table",
            {
                "caption": caption[:255],
                "table": {
                    "data": rows,
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_header_choice": "row" if header else "neither",
                    "table_caption": "",
                    "cell": [],
                    "mergedCells": [],
                },
            },
        )

    def embedded(self, node: Tag) -> None:
        src = (node.get("src") or node.get("data") or "").strip()
        reason = gettext("Embedded content (<%(tag)s>) cannot be imported; it was removed.") % {
            "tag": node.name
        }
        if src.startswith(("http://", "https://")):
            reason = gettext(
                "Embedded content (<%(tag)s>) cannot be imported; a link to it was kept."
            ) % {"tag": node.name}
            url = escape(src)
            self.flush()
            self.paragraph(f'<p><a href="{url}">{url}</a></p>')
        self.report("content", src or f"<{node.name}", src or str(node)[:120], reason)

    def image(self, node: Tag, caption: str) -> None:
        src = (node.get("src") or "").strip()
        classes = " ".join(node.get("class") or [])
        alt = " ".join((node.get("alt") or "").split())
        match = _WP_IMAGE_CLASS.search(classes)
        attachment = self.find_attachment(src, int(match.group(1)) if match else None)
        ref = ImageRef(attachment, src, alt[:255], caption[:500], self.line_of(src))
        self.images.append(ref)
        if attachment is None:
            self.report(
                "images",
                src,
                src or str(node),
                gettext(
                    "This image is not an attachment of the export; it was not imported "
                    "(the importer never downloads anything)."
                ),
            )
            return
        self.flush()
        self.add("image", {"image": ref, "alt_text": alt[:255], "caption": caption[:500]})


def _visible(html: str) -> str:
    return html_module.unescape(_TAG.sub("", html)).strip()


@lru_cache(maxsize=1)
def _converter():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    return ContentstateConverter(features=RICH_TEXT_FEATURES)


def sanitise(html: str) -> str:
    """Rich text exactly as the body's editor stores it.

    The HTML goes through Wagtail's own editor conversion (to Draftail's content state
    and back) with the features of the body's paragraphs: any element, attribute or
    style outside them goes, links keep only an address Wagtail accepts, and note
    references survive.
    """
    converter = _converter()
    return converter.to_database_format(converter.from_database_format(html))


def _expand_shortcodes(text: str, lines: _Lines, problems: list[ContentProblem]) -> str:
    def caption(match):
        inner = match.group(2)
        images = re.findall(r"<img\b[^>]*>", inner, re.IGNORECASE)
        link = re.search(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", inner, re.IGNORECASE)
        rest = inner
        for piece in [link.group(0)] if link else images:
            rest = rest.replace(piece, "", 1)
        return f"<figure>{''.join(images)}<figcaption>{rest.strip()}</figcaption></figure>"

    def embed(match):
        url = escape(match.group(1).strip())
        return f'<p><a href="{url}">{url}</a></p>'

    def gallery(match):
        ids = _IDS.search(match.group(1))
        if not ids:
            return ""
        numbers = [part.strip() for part in ids.group(1).split(",") if part.strip()]
        return "".join(f'<figure><img class="wp-image-{n}" src="" /></figure>' for n in numbers)

    text = _CAPTION.sub(caption, text)
    text = _EMBED.sub(embed, text)
    text = _GALLERY.sub(gallery, text)
    seen = set()
    excluded = _Excluded(text)
    for match in _SHORTCODE.finditer(text):
        name = match.group(2).lower()
        if name in seen or match.start() in excluded:
            continue
        # "[sic]" or "[Editor's note]" are prose: only report what looks like a shortcode.
        closed = f"[/{match.group(2)}]" in text
        if not (match.group(1) or "=" in match.group(3) or closed):
            continue
        seen.add(name)
        problems.append(
            ContentProblem(
                lines.shift(text.count("\n", 0, match.start()) + 1),
                "content",
                _shorten(match.group(0)),
                gettext("Shortcode [%(name)s] is not understood; it was kept as text.")
                % {"name": name},
            )
        )
    return text


def convert_post(
    content: str,
    *,
    uid_for: Callable[[int], str],
    find_attachment: Callable[[str, int | None], int | None] = lambda src, wp_id: None,
    footnotes_meta: str = "",
    block_namespace: str = "",
) -> ConvertedPost:
    """Body blocks, notes and problems of one post's ``content:encoded``.

    ``uid_for(n)`` gives the key of note ``n`` (stable keys make a re-import identical);
    ``find_attachment(src, wp_image_id)`` names the export's attachment an ``<img>``
    shows (or None); ``footnotes_meta`` is the post's ``footnotes`` meta (JSON).
    """
    content = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    problems: list[ContentProblem] = []
    styles: list[str] = []

    text, inline, lines = _inline_notes(content, footnotes_meta, uid_for, problems)
    note_lines: list[int] = []  # content line of each chunk of the notes list
    if inline:
        for style in ("footnotes-block", "efn_note", "double-parentheses"):
            if any(note.style == style for note in inline):
                styles.append(style)
        chunks = []
        for note in inline:
            flat = " ".join(chunk for chunk, _line in _chunks(note.html, newline_breaks=False))
            chunks.append((f"[{note.number}] {flat}", note.line))
        listed = _list_start(text)
        if listed:
            problems.append(
                ContentProblem(
                    lines.line(listed[0]),
                    "notes",
                    _shorten(_line_text(text[listed[0] : listed[0] + 200])),
                    gettext(
                        "This post has inline notes and also a notes list; the list was "
                        "kept as text."
                    ),
                )
            )
        body = text
    else:
        listed = _list_start(text)
        if listed:
            offset, form = listed
            styles.append(form)
            body = text[:offset]
            first_line = text.count("\n", 0, offset) + 1
            # Gutenberg stores HTML paragraphs, where a newline is just a space.
            gutenberg = "<!-- wp:" in text
            chunks = _chunks(text[offset:], first_line, newline_breaks=not gutenberg)
        else:
            body, chunks = text, []
    list_html = "".join(f"<p>{escape(chunk)}</p>" for chunk, _line in chunks)
    note_lines = [line for _chunk, line in chunks]

    def content_line(chunk_line: int) -> int:
        if 1 <= chunk_line <= len(note_lines):
            return note_lines[chunk_line - 1]
        return 0

    parsed = parse_legacy_notes(list_html) if chunks else None
    notes: list[dict] = []
    uids: dict[int, str] = {}
    line_of_note: dict[int, int] = {}
    if parsed is not None:
        for problem in parsed.problems:
            problems.append(
                ContentProblem(content_line(problem.line), "notes", problem.text, problem.reason)
            )
        for position, note in enumerate(parsed.notes, start=1):
            uid = uid_for(note.number)
            uids[note.number] = uid
            line_of_note[note.number] = content_line(note.line)
            notes.append(
                {
                    "uid": uid,
                    "sources": source_block_value(note),
                    "comment": f"<p>{escape(note.comment)}</p>" if note.comment else "",
                    "sort_order": position,
                }
            )

    if inline:
        # References are already in place; plain [n] left in the text are only reported.
        _ignored, marker_problems = link_legacy_markers(body, {})
        linked_html = body
    else:
        linked_html, marker_problems = link_legacy_markers(body, uids)
    referenced = set(reference_uids(linked_html))
    for problem in marker_problems:
        if problem.line == 0:
            continue  # "never referenced": decided below, for the whole post
        problems.append(
            ContentProblem(lines.shift(problem.line), "markers", problem.text, problem.reason)
        )
    for number, uid in uids.items():
        if uid not in referenced:
            problems.append(
                ContentProblem(
                    line_of_note.get(number, 0),
                    "notes",
                    f"[{number}]",
                    gettext("Note %(number)s is never referenced in the text.")
                    % {"number": number},
                )
            )

    counter = iter(range(1, 1_000_000))

    def block_id() -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{block_namespace}#{next(counter)}"))

    expanded = _expand_shortcodes(linked_html, lines, problems)
    builder = _BlockBuilder(content, find_attachment, block_id, problems)
    blocks = builder.build(autop(expanded))
    problems.sort(key=lambda problem: (problem.line == 0, problem.line))
    return ConvertedPost(
        blocks=blocks,
        notes=notes,
        parsed=parsed.notes if parsed is not None else (),
        styles=styles,
        problems=problems,
        images=builder.images,
        linked=len({uid for uid in uids.values() if uid in referenced}),
    )


def plain_text(html: str) -> str:
    """Text of a title or an excerpt: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html_module.unescape(_TAG.sub(" ", html or "")).split())
