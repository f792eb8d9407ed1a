"""Who may keep a copy of a reader page, for how long, and how to revalidate it.

:func:`cache_control` is a pure decision from facts about the request and the page;
:func:`finish_response` applies it to a page's response, adds ``Vary`` and
``Content-Language``, and answers a matching ``If-None-Match`` with 304.

The validator is an ETag of the rendered bytes, not ``Last-Modified``: what an
analysis shows also changes when a translation goes live, an author profile is
edited or its similar posts are recomputed, none of which moves the page's own
publication date. A hash of the bytes is right whatever changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from ..conf import pubs_settings
from ..visibility import is_preview, is_restricted

#: Set on a response that already went through :func:`finish_response`.
APPLIED = "_ankasam_pubs_cache_headers"


@dataclass(frozen=True)
class CacheFacts:
    method: str
    status: int
    preview: bool
    live: bool
    restricted: bool  # a view restriction on the page or an ancestor
    authenticated: bool


def cache_control(facts: CacheFacts, max_age: int, shared_max_age: int | None) -> dict[str, object]:
    """``Cache-Control`` directives for one response (empty: leave the response alone).

    Previews, drafts and private pages are never stored anywhere; pages seen by a
    signed-in user (Wagtail's user bar, edit links) are for that browser only; a
    public page read anonymously may be kept by browsers and shared caches.
    """
    if facts.preview or not facts.live or facts.restricted:
        return {"private": True, "no_store": True}
    if facts.authenticated:
        return {"private": True, "no_cache": True}
    if facts.method not in ("GET", "HEAD") or facts.status != 200:
        return {}
    directives: dict[str, object] = {"public": True, "max_age": max_age}
    if shared_max_age is not None:
        directives["s_maxage"] = shared_max_age
    return directives


def is_signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def finish_response(page, request, response):
    """Cache headers and conditional GET for a response served by ``page.serve()``."""
    if getattr(response, APPLIED, False) or getattr(response, "streaming", False):
        return response
    setattr(response, APPLIED, True)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    facts = CacheFacts(
        method=request.method,
        status=response.status_code,
        preview=is_preview(request),
        live=page.live,
        restricted=is_restricted(page, request),
        authenticated=is_signed_in(request),
    )
    directives = cache_control(
        facts, pubs_settings.CACHE_MAX_AGE, pubs_settings.CACHE_SHARED_MAX_AGE
    )
    if directives:
        patch_cache_control(response, **directives)
    # The language is in the URL, but a cache in front of a host that negotiates it
    # (a prefix-less default language) must not hand one language's copy to another.
    patch_vary_headers(response, ("Accept-Language",))
    if not response.has_header("Content-Language"):
        response["Content-Language"] = page.locale.language_code
    if response.status_code != 200 or directives.get("no_store"):
        return response
    set_response_etag(response)
    return get_conditional_response(request, etag=response.get("ETag"), response=response)
