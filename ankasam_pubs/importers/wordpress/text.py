"""Where things are in a post's content: problems with their lines, offsets to lines,
and the spans (tags, comments, scripts) where notes and shortcodes are not looked for."""

from __future__ import annotations

import bisect
import html as html_module
import re
from dataclasses import dataclass

TAG = re.compile(r"<[^>]*>")
# "<![" that does not open CDATA or a Word conditional: Python's HTML parser raises on it.
_BROKEN_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[|if\b|endif\b)", re.IGNORECASE)


def defuse_marked_sections(html: str) -> str:
    """``html`` with every "<![" Python's HTML parser would choke on written as text."""
    return _BROKEN_MARKED_SECTION.sub("&lt;![", html)


SCRIPT_OR_COMMENT = re.compile(
    r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)

MAX_PROBLEM_TEXT = 200


@dataclass(frozen=True)
class ContentProblem:
    line: int  # line of the post's content (1-based); 0: the post as a whole
    kind: str  # "notes", "markers", "images", "links", "content"
    text: str
    reason: str  # translated


def shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_PROBLEM_TEXT:
        return text
    return text[: MAX_PROBLEM_TEXT - 1].rstrip() + "\u2026"


class LineMap:
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


class Excluded:
    """Where notes and shortcodes are not looked for: inside tags, comments, scripts."""

    def __init__(self, text: str):
        # Each list holds non-overlapping spans in order (tags may sit inside comments).
        self.lists = [
            [m.span() for m in SCRIPT_OR_COMMENT.finditer(text)],
            [m.span() for m in TAG.finditer(text)],
        ]
        self.starts = [[start for start, _end in spans] for spans in self.lists]

    def __contains__(self, offset: int) -> bool:
        for starts, spans in zip(self.starts, self.lists, strict=True):
            index = bisect.bisect_left(starts, offset) - 1
            if index >= 0 and offset < spans[index][1]:
                return True
        return False


def plain_text(html: str) -> str:
    """Text of a title or an excerpt: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html_module.unescape(TAG.sub(" ", html or "")).split())


def visible_text(html: str) -> str:
    return html_module.unescape(TAG.sub("", html)).strip()
