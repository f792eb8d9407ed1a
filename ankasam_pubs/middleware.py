"""Wagtail's redirects, under the visibility rule.

Wagtail's ``RedirectMiddleware`` answers a 404 with a redirect to the page an old
address names, whatever that page's state: a redirect to a draft, an unpublished or an
expired page hands readers its new address. Ours redirects only to a page that may be
served (:func:`ankasam_pubs.visibility.is_served`); a page behind a password or login
is served, so its redirect stays (the reader may pass the check). Put it in
``MIDDLEWARE`` instead of Wagtail's; the WordPress importer's redirects rely on it.
"""

from __future__ import annotations

import inspect
from urllib.parse import urlparse

from django import http
from wagtail.contrib.redirects.middleware import RedirectMiddleware as WagtailRedirectMiddleware
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

from .visibility import is_served

# Wagtail 7.1+ decodes percent-escapes unless told not to (its get_redirect tries both
# forms); 7.0 never decodes and has no such argument.
_KEEP_ENCODED = (
    {"decode_unicode": False}
    if "decode_unicode" in inspect.signature(Redirect.normalise_path).parameters
    else {}
)


def _find(request) -> Redirect | None:
    path = Redirect.normalise_path(request.get_full_path(), **_KEEP_ENCODED)
    redirect = get_redirect(request, path)
    if redirect is None:
        bare = urlparse(path).path
        if bare != path:
            redirect = get_redirect(request, bare)
    return redirect


class RedirectMiddleware(WagtailRedirectMiddleware):
    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        redirect = _find(request)
        if redirect is None:
            return response
        if redirect.redirect_page_id is not None and not is_served(redirect.redirect_page):
            return response  # the target may not be shown: the old address stays a 404
        link = redirect.link
        if link is None:
            return response
        if redirect.is_permanent:
            return http.HttpResponsePermanentRedirect(link)
        return http.HttpResponseRedirect(link)
