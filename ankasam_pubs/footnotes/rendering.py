"""From a :class:`~.numbering.Numbering` to HTML: references in text, and the notes list.

Pure functions: the same numbering and settings always give the same HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, override
from wagtail.rich_text import expand_db_html

from . import citations
from .numbering import Numbering, Reference, source_of
from .richtext import REFERENCE, reference_uids


def reference_html(reference: Reference) -> SafeString:
    if reference.number is None:
        return format_html(
            '<sup class="ap-noteref ap-noteref-missing">[?]'
            '<span class="ap-visually-hidden"> {}</span></sup>',
            gettext("(missing note)"),
        )
    return format_html(
        '<sup class="ap-noteref"><a href="#note-{number}"{id} role="doc-noteref" '
        'aria-label="{label}">[{number}]</a></sup>',
        number=reference.number,
        id=format_html(' id="{}"', reference.anchor) if reference.anchor else "",
        label=gettext("Footnote %(number)s") % {"number": reference.number},
    )


def render_rich_text(text: Any, numbering: Numbering | None) -> SafeString:
    """Rich text with every note reference numbered (or marked missing), then expanded."""
    source = source_of(text)
    if numbering is not None:
        references = numbering.references_for(text)
        if references is None:
            # A value the numbering did not walk (e.g. a copy): numbers, but no anchors.
            references = tuple(
                Reference(uid=uid, number=numbering.number_of(uid), anchor="", letter="")
                for uid in reference_uids(source)
            )
        replacements = iter(references)
        source = REFERENCE.sub(lambda _match: str(reference_html(next(replacements))), source)
    return mark_safe(expand_db_html(source))  # noqa: S308 - stored rich text, expanded by Wagtail


@dataclass(frozen=True)
class Backlink:
    anchor: str
    label: str  # the accessible name: "Back to reference 3a"
    letter: str


@dataclass(frozen=True)
class RenderedNote:
    number: int
    anchor: str
    citation: SafeString  # the sources, formatted (or "Ibid."), possibly empty
    comment: SafeString  # discursive text, possibly empty
    backlinks: tuple[Backlink, ...]
    is_ibid: bool
    note: Any


def render_notes(
    numbering: Numbering,
    *,
    style: str = "house",
    language: str = "en",
    use_ibid: bool = True,
    sources_of: Callable[[Any], list] | None = None,
) -> list[RenderedNote]:
    """The notes list, in number order, with "Ibid." where the previous note allows it."""

    sources_of = sources_of or (lambda note: note.get_sources())
    rendered = []
    previous: list = []
    with override(language):
        for numbered in numbering.notes:
            sources = sources_of(numbered.note)
            is_ibid = (
                use_ibid
                and len(sources) == 1
                and len(previous) == 1
                and sources[0].identity == previous[0].identity
            )
            if is_ibid:
                citation = citations.format_ibid(
                    sources[0], previous[0], style=style, language=language
                )
            else:
                citation = mark_safe(  # noqa: S308 - each part is already escaped
                    "; ".join(
                        str(citations.format_citation(source, style=style, language=language))
                        for source in sources
                    )
                )
            comment = numbered.note.comment
            rendered.append(
                RenderedNote(
                    number=numbered.number,
                    anchor=numbered.anchor,
                    citation=citation,
                    comment=mark_safe(expand_db_html(comment)) if comment else mark_safe(""),  # noqa: S308
                    backlinks=tuple(
                        Backlink(
                            anchor=reference.anchor,
                            label=gettext("Back to reference %(label)s")
                            % {"label": reference.label},
                            letter=reference.letter,
                        )
                        for reference in numbered.references
                    ),
                    is_ibid=is_ibid,
                    note=numbered.note,
                )
            )
            previous = sources
    return rendered
