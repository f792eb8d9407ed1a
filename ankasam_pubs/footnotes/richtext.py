"""Note references inside rich text: the stored form, the editor entity, the fallback.

Stored form: ``<a linktype="note" id="UID">*</a>``. Our renderer replaces it with a
numbered, accessible reference (see :mod:`.rendering`); anything else that renders the
rich text (Wagtail's ``|richtext``, the search index) goes through
:class:`NoteLinkHandler` and gets a plain link to the note instead of a raw id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html import unescape

from django.utils.html import format_html
from wagtail.rich_text import LinkHandler

FEATURE = "note-ref"
ENTITY_TYPE = "NOTE_REF"
LINKTYPE = "note"
#: The text stored inside a reference; readers never see it (the number replaces it).
PLACEHOLDER = "*"

# A stored reference: <a ... linktype="note" ... id="UID" ...>text</a>
REFERENCE = re.compile(r"<a\b(?=[^>]*\blinktype=\"note\")[^>]*>.*?</a>", re.IGNORECASE | re.DOTALL)
ID_ATTRIBUTE = re.compile(r"\bid=\"([^\"]*)\"")


def reference_uids(html: str) -> Iterator[str]:
    """The note keys referenced by stored rich text, in order."""
    for match in REFERENCE.finditer(html or ""):
        found = ID_ATTRIBUTE.search(match.group(0))
        yield found.group(1) if found else ""


# A block of rich text as editors see it: paragraph, list item, heading or quote.
PARAGRAPH = re.compile(r"<(p|li|h[1-6]|blockquote)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


def reference_places(texts: Iterable[str]) -> Iterator[tuple[str, int, str]]:
    """``(key, paragraph number, first words of that paragraph)`` for every reference in
    ``texts`` (a field's rich texts in order; paragraphs numbered across them from 1), so
    a message can say where a reference is. A reference outside any paragraph element
    is still yielded, with the number 0 and no words."""
    number = 0
    for html in texts:
        html = html or ""
        paragraphs = []
        for match in PARAGRAPH.finditer(html):
            number += 1
            paragraphs.append((match.start(), match.end(), number, match.group(2)))
        for reference in REFERENCE.finditer(html):
            found = ID_ATTRIBUTE.search(reference.group(0))
            key = found.group(1) if found else ""
            place = next((p for p in paragraphs if p[0] <= reference.start() < p[1]), None)
            if place is None:
                yield key, 0, ""
                continue
            words = unescape(re.sub(r"<[^>]+>", " ", REFERENCE.sub("", place[3]))).split()
            yield key, place[2], " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def stored_reference(uid: str) -> str:
    return format_html('<a linktype="{}" id="{}">{}</a>', LINKTYPE, uid, PLACEHOLDER)


class NoteLinkHandler(LinkHandler):
    identifier = LINKTYPE

    @classmethod
    def expand_db_attributes(cls, attrs: dict) -> str:
        # Without a page's numbering, link to the note list; never show the raw key.
        return format_html(
            '<a href="#notes" class="ap-noteref" data-note="{}">', attrs.get("id", "")
        )
