"""Absolute URLs, all from the Wagtail Site.

A page's own URL comes from Wagtail (``page.get_full_url(request)``: its site's
``root_url``). Every other absolute URL the app writes (a route under an index page, a
feed, a sitemap part, an image rendition) is made here from the same root, so a page,
its author pages, its feeds and its sitemap agree on one host even when the request
came in under another name (a second allowed host, a proxy, an internal address).
"""

from __future__ import annotations

from wagtail.models import Site


def site_root_url(request, page=None) -> str | None:
    """The root URL (``https://host[:port]``, no trailing slash) of ``page``'s site,
    else of the request's site; None when no Wagtail Site matches."""
    if page is not None:
        parts = page.get_url_parts(request)  # Wagtail caches site roots on the request
        if parts is not None and parts[1]:
            return parts[1].rstrip("/")
    site = Site.find_for_request(request) if request is not None else None
    return site.root_url.rstrip("/") if site is not None else None


def site_url(path: str | None, request, page=None) -> str | None:
    """``path`` made absolute on the Wagtail site (see :func:`site_root_url`).

    A URL that is already absolute (a page on another site, media on a CDN) is kept.
    Only when no Site is configured at all does the request's own host stand in."""
    if not path or not path.startswith("/") or path.startswith("//"):
        return path
    root = site_root_url(request, page)
    if root is not None:
        return root + path
    return request.build_absolute_uri(path) if request is not None else path
