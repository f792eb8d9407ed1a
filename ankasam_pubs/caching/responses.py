"""A server-side cache of whole reader responses, emptied by the same purges as a CDN.

Off unless ``PAGE_CACHE_TIMEOUT`` is above 0. It keeps a response only when nothing in
it can be personal: an anonymous ``GET``/``HEAD`` without a session or messages cookie,
of a live page without view restrictions, answered 200 with ``public`` caching headers
and no cookie set. Wagtail's ``before_serve_page`` hooks (password and login checks)
run before a page's ``serve()``, so a cached copy is never a way around them; a hit
re-checks the page's restrictions anyway. Keys are the Wagtail site and the path with
its query string; a stored copy counts only under the generations
(:mod:`.generations`) that were current when its rendering began, so every change a
reader could see retires all stored copies at once, in every process.
"""

from __future__ import annotations

import hashlib
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

from ..conf import pubs_settings
from ..visibility import is_preview, is_restricted, next_expiry
from . import generations
from .headers import is_signed_in

#: Response headers a cached copy keeps (the rest belong to one request or none).
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Cache-Control",
    "Vary",
    "ETag",
)


def enabled() -> bool:
    return bool(pubs_settings.PAGE_CACHE_TIMEOUT)


def _cache():
    return caches[pubs_settings.RENDER_CACHE]


def key_for(site_id: int, path: str) -> str:
    # Requests arrive percent-encoded, page URLs (Russian slugs) do not: compare decoded.
    digest = hashlib.sha256(f"{site_id}\n{unquote(path)}".encode()).hexdigest()
    return f"ankasam_pubs:response:{digest}"


def _personal(request) -> bool:
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return True
    return is_signed_in(request)


def request_key(page, request) -> str | None:
    """The key of this request's response, or None when it must not be shared."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return None
    if is_preview(request) or not page.live or _personal(request):
        return None
    if is_restricted(page, request):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    return key_for(site.pk, request.get_full_path())


def lookup(key: str, request=None) -> tuple[HttpResponse | None, tuple[int, ...]]:
    """The stored response (if still valid) and the current generations."""
    generation = generations.current(request)
    stored = _cache().get(key)
    if stored is None or tuple(stored[0]) != generation:
        return None, generation
    _generation, content, headers, valid_until = stored
    if valid_until is not None and timezone.now() >= valid_until:
        return None, generation
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response, generation


def store(key: str, response, generation: tuple[int, ...]) -> None:
    """Keep a response rendered under ``generation``: if anything changed while it was
    being rendered, the generation moved on and this copy is never served."""
    if response.status_code != 200 or response.cookies or getattr(response, "streaming", False):
        return
    if "public" not in response.get("Cache-Control", ""):
        return
    headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
    # Not used after the next pending expiry: the page may list or link the expiring one.
    kept = (generation, response.content, headers, next_expiry())
    _cache().set(key, kept, pubs_settings.PAGE_CACHE_TIMEOUT)
