"""Serving a reader page: the shared response cache (when on), then cache headers."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.utils.cache import get_conditional_response

from . import responses
from .headers import APPLIED, finish_response


def serve(page, request, serve_page: Callable[[], object]):
    """``page.serve()`` with the shared response cache (when on) and cache headers."""
    key = responses.request_key(page, request)
    generation = None
    if key is not None:
        cached, generation = responses.lookup(key, request)
        if cached is not None:
            setattr(cached, APPLIED, True)
            return get_conditional_response(request, etag=cached.get("ETag"), response=cached)
    response = finish_response(page, request, serve_page())
    if key is not None:
        responses.store(key, response, generation)
    return response


class CacheHeadersMixin:
    """Page mixin: every route of the page (its own view, routable subpages such as an
    analysis's exports or an authors index's profiles) gets cache headers and, when on,
    the shared response cache."""

    def serve(self, request, *args, **kwargs):
        return serve(self, request, partial(super().serve, request, *args, **kwargs))
