"""The article fragment (body with numbered references, then the notes list), cached.

The fragment depends on the published revision's content, the site's citation settings
and, through images, documents and links to other pages in the body, on the
generations (:mod:`ankasam_pubs.caching.generations`), so it is cached under a key made
of exactly those: a new revision, another language, a changed setting or any change
elsewhere is a different key, never a stale entry. Previews and unpublished content
are always rendered afresh.
"""

from __future__ import annotations

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .. import __version__
from ..caching import generations
from ..conf import pubs_settings
from ..footnotes.models import CitationSettings
from ..footnotes.rendering import render_notes

TEMPLATE = "ankasam_pubs/includes/article.html"


def fragment_cache_key(page, settings: CitationSettings, language: str, request=None) -> str | None:
    revision = getattr(page, "live_revision_id", None)
    if not page.live or revision is None:
        return None
    shared, published = generations.current(request)
    return ":".join(
        [
            "ankasam_pubs",
            __version__,
            "article",
            str(page.pk),
            str(revision),
            # Ids can be reused (SQLite, restored backups): the publication time cannot.
            page.last_published_at.isoformat() if page.last_published_at else "",
            language,
            settings.citation_style,
            "ibid" if settings.use_ibid else "noibid",
            str(settings.pk or 0),
            str(shared),
            str(published),
        ]
    )


def article_context(page, settings: CitationSettings, language: str) -> dict:
    numbering = page.get_numbering()
    return {
        "page": page,
        "numbering": numbering,
        "rendered_notes": render_notes(
            numbering,
            style=settings.citation_style,
            language=language,
            use_ibid=settings.use_ibid,
        ),
        "export_links": page.get_export_links() if numbering.notes else [],
    }


def render_article(page, request) -> SafeString:
    settings = CitationSettings.for_request(request)
    language = page.locale.language_code
    timeout = pubs_settings.RENDER_CACHE_TIMEOUT
    key = None
    if timeout != 0 and not getattr(request, "is_preview", False):
        key = fragment_cache_key(page, settings, language, request)
    cache = caches[pubs_settings.RENDER_CACHE]
    if key is not None:
        cached = cache.get(key)
        if cached is not None:
            return mark_safe(cached)  # noqa: S308 - our own rendered fragment
    html = render_to_string(TEMPLATE, article_context(page, settings, language), request=request)
    if key is not None:
        cache.set(key, str(html), timeout)
    return mark_safe(html)  # noqa: S308 - rendered by our templates
