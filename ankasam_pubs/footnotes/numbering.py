"""Numbering as a pure function of a page's content, in document order.

:func:`number_notes` walks the page's note-bearing fields (StreamField blocks at any
depth, and plain rich-text fields), finds every reference, and numbers notes by their
first reference. It never renders anything and stores nothing on blocks or fields: the
result is a fresh immutable value, so rendering twice, or from several threads, gives
the same page.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from .richtext import reference_uids


@dataclass(frozen=True)
class Reference:
    """One place in the text that cites a note."""

    uid: str
    number: int | None  # None: the note does not exist (a dangling reference)
    anchor: str  # the id of the reference in the page, target of the back-link
    letter: str  # "", or "a", "b"… when the note is cited more than once

    @property
    def label(self) -> str:
        return f"{self.number}{self.letter}" if self.number is not None else "?"


@dataclass(frozen=True)
class NumberedNote:
    number: int
    note: Any
    anchor: str
    references: tuple[Reference, ...]

    @property
    def is_referenced(self) -> bool:
        return bool(self.references)


@dataclass(frozen=True)
class Numbering:
    notes: tuple[NumberedNote, ...] = ()
    dangling: tuple[str, ...] = ()  # keys referenced in the text with no such note
    # id(rich text value) -> (the value itself, its references in order). Holding the
    # value keeps its identity valid for as long as this numbering lives.
    by_text: dict[int, tuple[Any, tuple[Reference, ...]]] = field(default_factory=dict)

    def references_for(self, text: Any) -> tuple[Reference, ...] | None:
        entry = self.by_text.get(id(text))
        return entry[1] if entry is not None and entry[0] is text else None

    def number_of(self, uid: str) -> int | None:
        for numbered in self.notes:
            if numbered.note.uid == uid:
                return numbered.number
        return None

    @property
    def unreferenced(self) -> tuple[NumberedNote, ...]:
        return tuple(n for n in self.notes if not n.references)


def letters(count: int) -> list[str]:
    """ "" for one reference; a, b, … z, aa, ab … for several."""
    if count <= 1:
        return [""] * count
    alphabet = string.ascii_lowercase
    result = []
    for index in range(count):
        label = ""
        index += 1
        while index:
            index, remainder = divmod(index - 1, 26)
            label = alphabet[remainder] + label
        result.append(label)
    return result


def iter_rich_texts(values: Iterable[Any]) -> Iterator[Any]:
    """Every rich-text value inside ``values`` (StreamValues, RichText, str), in order."""
    for value in values:
        if isinstance(value, StreamValue):
            for child in value:
                yield from _walk(child.block, child.value)
        elif isinstance(value, (RichText, str)):
            yield value


def _walk(block: blocks.Block, value: Any) -> Iterator[Any]:
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield value
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _walk(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _walk(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _walk(child.block, child.value)


def source_of(text: Any) -> str:
    return text.source if isinstance(text, RichText) else str(text or "")


def number_notes(notes: Iterable[Any], texts: Iterable[Any]) -> Numbering:
    """Number ``notes`` (objects with ``uid``) by first reference in ``texts``.

    ``texts`` are the page's rich-text values in document order (see
    :func:`iter_rich_texts`). Notes never referenced keep their editorial order and are
    numbered after the referenced ones, so nothing is silently dropped.
    """
    notes = list(notes)
    by_uid = {note.uid: note for note in notes}
    order: list[str] = []
    found: list[tuple[Any, list[str]]] = []
    for text in texts:
        uids = list(reference_uids(source_of(text)))
        found.append((text, uids))
        for uid in uids:
            if uid in by_uid and uid not in order:
                order.append(uid)
    order += [note.uid for note in notes if note.uid not in order]
    numbers = {uid: position for position, uid in enumerate(order, start=1)}

    totals = Counter(uid for _text, uids in found for uid in uids)
    seen: Counter = Counter()
    per_note: dict[str, list[Reference]] = {uid: [] for uid in order}
    by_text: dict[int, tuple[Any, tuple[Reference, ...]]] = {}
    dangling: list[str] = []
    for text, uids in found:
        references = []
        for uid in uids:
            number = numbers.get(uid)
            letter = letters(totals[uid])[seen[uid]] if number is not None else ""
            seen[uid] += 1
            if number is None:
                if uid not in dangling:
                    dangling.append(uid)
                anchor = ""
            else:
                anchor = f"ref-{number}" + (f"-{letter}" if letter else "")
            reference = Reference(uid=uid, number=number, anchor=anchor, letter=letter)
            references.append(reference)
            if number is not None:
                per_note[uid].append(reference)
        by_text[id(text)] = (text, tuple(references))

    numbered = tuple(
        NumberedNote(
            number=numbers[uid],
            note=by_uid[uid],
            anchor=f"note-{numbers[uid]}",
            references=tuple(per_note[uid]),
        )
        for uid in order
    )
    return Numbering(notes=numbered, dangling=tuple(dangling), by_text=by_text)
