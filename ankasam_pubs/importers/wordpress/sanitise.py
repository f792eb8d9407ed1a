"""Rich text and links as the body's editor would store them."""

from __future__ import annotations

import html as html_module
import re
from functools import lru_cache

from django.utils.html import format_html, strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from ...pages.blocks import RICH_TEXT_FEATURES

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def link_scheme_ok(href: str) -> bool:
    """Whether a link's address is relative or uses a scheme a reader may follow
    (never ``javascript:`` however it is disguised with entities or spaces)."""
    cleaned = re.sub(r"[`\x00-\x20\x7f-\xa0\s]+", "", html_module.unescape(href)).lower()
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1) in ALLOWED_SCHEMES


@lru_cache(maxsize=1)
def _converter():
    return ContentstateConverter(features=RICH_TEXT_FEATURES)


def sanitise(html: str) -> str:
    """Rich text exactly as the body's editor stores it.

    The HTML goes through Wagtail's own editor conversion (to Draftail's content state
    and back) with the features of the body's paragraphs: any element, attribute or
    style outside them goes, links keep only an address Wagtail accepts, and note
    references survive.
    """
    converter = _converter()
    try:
        return converter.to_database_format(converter.from_database_format(html))
    except AssertionError:
        # The editor's converter gives up on some tangled inline markup ("End of block
        # reached without closing inline style elements"): keep the words, as text.
        text = " ".join(strip_tags(html_module.unescape(html)).split())
        return str(format_html("<p>{}</p>", text)) if text else ""
