"""The app's ``<head>`` in whatever base template the host chose.

Each page type names the template of its head (``head_template``); the
``{% ankasam_pubs_head %}`` tag renders it inside the base template's ``<head>`` and
marks the request. A base template without the tag would silently drop canonical
URLs, ``hreflang``, Scholar tags, JSON-LD, scripts and styles, so in development
(``DEBUG``) a page rendered without the mark logs a warning that says how to fix it.
"""

from __future__ import annotations

import logging

from django.conf import settings

from ..conf import pubs_settings

logger = logging.getLogger(__name__)

#: Set on the request by ``{% ankasam_pubs_head %}``.
HEAD_RENDERED = "_ankasam_pubs_head_rendered"

FIX = "add {% load ankasam_pubs_tags %}{% ankasam_pubs_head %} inside its <head>"


def mark_head_rendered(request) -> None:
    if request is not None:
        setattr(request, HEAD_RENDERED, True)


def warn_unless_head_rendered(page, request) -> None:
    if not getattr(request, HEAD_RENDERED, False):
        logger.warning(
            "ankasam_pubs: %s (%s) was rendered through the base template %r without "
            "the app's head (stylesheet, canonical URL, hreflang, citation metadata, "
            "JSON-LD, scripts): %s.",
            request.path,
            type(page).__name__,
            pubs_settings.BASE_TEMPLATE,
            FIX,
        )


class HeadCheckMixin:
    """Page mixin: with ``DEBUG`` on, warn when a page of the app was rendered by a
    base template that lacks ``{% ankasam_pubs_head %}``.

    It sits below the cache headers in the page's bases, so it sees the template
    response of every route before it is rendered (and never a cached copy).
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (
            settings.DEBUG
            and hasattr(response, "add_post_render_callback")
            and not response.is_rendered
        ):
            response.add_post_render_callback(
                lambda _response: warn_unless_head_rendered(self, request)
            )
        return response
