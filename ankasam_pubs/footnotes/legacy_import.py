"""Apply a pasted legacy notes list to a page: structured notes plus linked markers.

Shared by the admin's "Paste legacy notes" action and the WordPress importer. Works on
an in-memory page (a draft revision's object); the caller decides how to save it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from .blocks import ACCESSED_FORMAT, LOCATOR_CHOICES
from .legacy import LegacyNotes, ParsedNote, Problem, link_legacy_markers, parse_legacy_notes
from .models import new_note_uid
from .richtext import reference_uids


@dataclass
class LegacyImport:
    parsed: LegacyNotes
    created: list = field(default_factory=list)  # the new note objects
    linked: int = 0  # markers turned into references
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class PreviewRow:
    """One parsed note as the preview table shows it: each field as it will be stored."""

    number: int
    line: int
    raw: str
    authors: str
    title: str
    outlet: str
    issued: str
    url: str
    accessed: str
    locator: str
    ibid: bool
    comment: str


def preview_rows(parsed: LegacyNotes) -> list[PreviewRow]:
    """How each pasted line was split, field by field, so the editor can check it before
    anything is saved (the pasted line itself is kept beside it)."""
    labels = dict(LOCATOR_CHOICES)
    rows = []
    for note in parsed.notes:
        source = note.source
        rows.append(
            PreviewRow(
                number=note.number,
                line=note.line,
                raw=note.raw,
                authors="; ".join(name.inverted for name in source.authors) if source else "",
                title=source.title if source else "",
                outlet=source.container_title if source else "",
                issued=source.issued.isoformat() if source and source.issued else "",
                url=source.url if source else "",
                accessed=source.accessed.strftime(ACCESSED_FORMAT)
                if source and source.accessed
                else "",
                locator=f"{labels[source.locator_label.value]} {source.locator}"
                if source and source.locator
                else "",
                ibid=note.ibid,
                comment=note.comment,
            )
        )
    return rows


def source_block_value(note: ParsedNote) -> list[dict]:
    source = note.source
    if source is None:
        return []
    return [
        {
            "type": "source",
            "value": {
                "type": source.type.value,
                "authors": "\n".join(name.inverted for name in source.authors),
                "title": source.title,
                "container_title": source.container_title,
                "publisher": source.publisher,
                "issued": source.issued.isoformat() if source.issued else "",
                "url": source.url,
                "accessed": source.accessed.isoformat() if source.accessed else None,
                "volume": source.volume,
                "issue": source.issue,
                "pages": source.pages,
                "doi": source.doi,
                "locator": source.locator,
                "locator_label": source.locator_label.value,
            },
        }
    ]


def apply_legacy_notes(page, text: str, *, link_markers: bool = True) -> LegacyImport:
    """Add the notes parsed from ``text`` to ``page`` and link ``[n]`` markers in its text.

    Nothing is dropped silently: every unparsed line and unmatched marker is returned
    in ``problems``. The page is modified in memory only.
    """
    note_model = page._meta.get_field("notes").related_model
    parsed = parse_legacy_notes(text)
    result = LegacyImport(parsed=parsed, problems=list(parsed.problems))
    existing = list(page.notes.all())
    taken = {note.uid for note in existing}
    uids_by_number: dict[int, str] = {}
    position = max((note.sort_order or 0 for note in existing), default=0)
    for item in parsed.notes:
        uid = new_note_uid()
        while uid in taken:
            uid = new_note_uid()
        taken.add(uid)
        uids_by_number[item.number] = uid
        position += 1
        note = note_model(
            uid=uid,
            sources=source_block_value(item),
            comment=f"<p>{escape(item.comment)}</p>" if item.comment else "",
            sort_order=position,
        )
        result.created.append(note)
    page.notes = existing + result.created
    if link_markers:
        all_problems: list[Problem] = []
        referenced: set[int] = set()
        for name in getattr(page, "note_fields", ()):
            value = getattr(page, name)
            new_value, problems, found = _link_field(value, uids_by_number)
            setattr(page, name, new_value)
            referenced |= found
            # Each call reports numbers missing from *its* text; only the page as a whole
            # can tell whether a note is never referenced (reported below).
            markers = {f"[{number}]" for number in uids_by_number}
            all_problems += [p for p in problems if not (p.line == 0 and p.text in markers)]
        result.linked = len(referenced)
        # A number is "never referenced" only if no field referenced it.
        for number in sorted(set(uids_by_number) - referenced):
            all_problems.append(
                Problem(
                    line=0,
                    text=f"[{number}]",
                    reason=gettext("Note %(number)s is never referenced in the text.")
                    % {"number": number},
                )
            )
        result.problems += all_problems
    return result


def _link_field(value, uids_by_number):
    """(new value, problems, numbers referenced) for one note-bearing field."""

    wanted = {uid: number for number, uid in uids_by_number.items()}

    def link(html: str):
        new_html, problems = link_legacy_markers(html, uids_by_number)
        found = {wanted[uid] for uid in reference_uids(new_html) if uid in wanted}
        return new_html, problems, found

    if isinstance(value, StreamValue):
        raw = value.raw_data
        stream = []
        problems, found = [], set()
        for index, child in enumerate(value):
            data = dict(raw[index])
            if isinstance(child.value, RichText):
                data["value"], p, f = link(child.value.source)
                problems += p
                found |= f
            stream.append(data)
        return stream, problems, found
    if isinstance(value, str):
        return link(value)
    return value, [], set()
