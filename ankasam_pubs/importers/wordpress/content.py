"""A WordPress post's HTML as body blocks and structured notes (pure: no database).

:func:`convert_post` takes ``content:encoded`` as WordPress stores it (classic editor
text with blank lines between paragraphs, or Gutenberg blocks) and returns StreamField
data for an analysis body, the notes found, and every problem with the line of the
post's content it was found on. The steps live in modules named for them:
:mod:`.footnote_formats` (the four forms of notes), :mod:`.markup` (``wpautop`` and
shortcodes), :mod:`.blocks` (HTML to blocks), :mod:`.sanitise` (rich text and links as
the editor stores them) and :mod:`.text` (lines and problems).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.translation import gettext

from ...footnotes.legacy import ParsedNote, link_legacy_markers, parse_legacy_notes
from ...footnotes.legacy_import import source_block_value
from ...footnotes.richtext import reference_uids
from .blocks import BlockBuilder, ImageRef
from .footnote_formats import inline_notes, line_text, list_start, note_chunks
from .markup import autop, expand_shortcodes
from .text import ContentProblem, plain_text, shorten

__all__ = [
    "ContentProblem",
    "ConvertedPost",
    "ImageRef",
    "convert_post",
    "plain_text",
]


@dataclass
class ConvertedPost:
    blocks: list[dict]  # StreamField data; image blocks hold an ImageRef as "image"
    notes: list[dict]  # {"uid", "sources", "comment", "sort_order"} in note order
    parsed: tuple[ParsedNote, ...]
    styles: list[str]  # note forms found: "list", "word", "footnotes-block", …
    problems: list[ContentProblem] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    linked: int = 0  # notes referenced from the text


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

    text, inline, lines = inline_notes(content, footnotes_meta, uid_for, problems)
    note_lines: list[int] = []  # content line of each chunk of the notes list
    if inline:
        for style in ("footnotes-block", "efn_note", "double-parentheses"):
            if any(note.style == style for note in inline):
                styles.append(style)
        chunks = []
        for note in inline:
            flat = " ".join(chunk for chunk, _line in note_chunks(note.html, newline_breaks=False))
            chunks.append((f"[{note.number}] {flat}", note.line))
        listed = list_start(text)
        if listed:
            problems.append(
                ContentProblem(
                    lines.line(listed[0]),
                    "notes",
                    shorten(line_text(text[listed[0] : listed[0] + 200])),
                    gettext(
                        "This post has inline notes and also a notes list; the list was "
                        "kept as text."
                    ),
                )
            )
        body = text
    else:
        listed = list_start(text)
        if listed:
            offset, form = listed
            styles.append(form)
            body = text[:offset]
            first_line = text.count("\n", 0, offset) + 1
            # Gutenberg stores HTML paragraphs, where a newline is just a space.
            gutenberg = "<!-- wp:" in text
            chunks = note_chunks(text[offset:], first_line, newline_breaks=not gutenberg)
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

    expanded = expand_shortcodes(linked_html, lines, problems)
    builder = BlockBuilder(content, find_attachment, block_id, problems)
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
