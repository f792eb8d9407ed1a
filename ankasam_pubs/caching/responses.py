"""A server-side cache of whole reader responses, emptied by the same purges as a CDN.

Off unless ``PAGE_CACHE_TIMEOUT`` is above 0. It keeps a response only when nothing in
it can be personal: an anonymous ``GET``/``HEAD`` without a session or messages cookie,
of a live page without view restrictions, answered 200 with ``public`` caching headers
and no cookie set. Wagtail's ``before_serve_page`` hooks (password and login checks)
run before a page's ``serve()``, so a cached copy is never a way around them; a hit
re-checks the page's restrictions anyway. Keys are the Wagtail site and the path with
its query string; :func:`forget` turns the URLs of :mod:`.purge` into the same keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from wagtail.models import Site

from ..conf import pubs_settings

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
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def request_key(page, request) -> str | None:
    """The key of this request's response, or None when it must not be shared."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return None
    if getattr(request, "is_preview", False) or not page.live or _personal(request):
        return None
    from .headers import is_restricted

    if is_restricted(page, request):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    return key_for(site.pk, request.get_full_path())


def load(key: str) -> HttpResponse | None:
    stored = _cache().get(key)
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def store(key: str, response) -> None:
    if response.status_code != 200 or response.cookies or getattr(response, "streaming", False):
        return
    if "public" not in response.get("Cache-Control", ""):
        return
    headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
    _cache().set(key, (response.content, headers), pubs_settings.PAGE_CACHE_TIMEOUT)


def _site_roots() -> list[tuple[str, int]]:
    roots = [(site.root_url.rstrip("/"), site.pk) for site in Site.objects.all()]
    return sorted(roots, key=lambda item: len(item[0]), reverse=True)


def forget(urls: Iterable[str]) -> None:
    """Drop the cached responses of full URLs (those a front-end cache would purge)."""
    if not enabled():
        return
    roots = _site_roots()
    keys = []
    for url in urls:
        for root, site_id in roots:
            if url.startswith(root + "/") or url == root:
                parts = urlsplit(url)
                path = parts.path or "/"
                keys.append(key_for(site_id, f"{path}?{parts.query}" if parts.query else path))
                break
    if keys:
        _cache().delete_many(keys)
