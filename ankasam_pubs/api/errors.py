"""Bad input to the API gets a 400 or 404 in JSON at the address that was asked for.

Three things turned client mistakes into server errors or HTML pages:

* a number beyond what a database integer holds (``?series=99999999999999999999``, an
  id in the path) fails in the database driver (SQLite's ``OverflowError``,
  PostgreSQL's "out of range");
* a NUL character cannot be sent to PostgreSQL at all;
* Django's ``LocaleMiddleware`` answers any 404 outside ``i18n_patterns`` with a
  redirect to the same path under ``/en/``, where Wagtail's catch-all page route gives
  an HTML 404. An API 404 must stay a JSON 404 where it was asked.
"""

from __future__ import annotations

import re

from django.http import Http404, JsonResponse
from django.utils.translation import gettext
from wagtail.api.v2.utils import BadRequestError

#: The range of a signed 64-bit integer: every id and integer column of the app.
_SMALLEST, _LARGEST = -(2**63), 2**63 - 1
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")

#: A urlconf without language-prefixed patterns (see :func:`keep_address`).
UNPREFIXED_URLCONF = "ankasam_pubs.api.unprefixed"


def in_range(value) -> bool:
    try:
        return _SMALLEST <= int(value) <= _LARGEST
    except (TypeError, ValueError):
        return False


def check_parameters(query) -> None:
    """Refuse what no endpoint can take, whatever the parameter: NUL characters and
    whole numbers out of range (a 400 naming the parameter)."""
    for name, values in query.lists():
        for value in values:
            if "\x00" in name or "\x00" in value:
                raise BadRequestError(
                    gettext("%(name)s: NUL characters are not allowed")
                    % {"name": name.strip("\x00")}
                )
            if _INTEGER.fullmatch(value) and not in_range(value):
                raise BadRequestError(
                    gettext("%(name)s: %(value)s is out of range")
                    % {"name": name, "value": value.strip()}
                )


def check_id(pk) -> None:
    """An id in the path that no row can have is simply not found."""
    if pk is not None and not in_range(pk):
        raise Http404("not found")


def keep_address(request) -> None:
    """Keep a 404 where it was asked: ``LocaleMiddleware`` only redirects a 404 when
    the request's urlconf uses language prefixes, and this one has none. Nothing else
    reads ``request.urlconf`` once the view has run."""
    request.urlconf = UNPREFIXED_URLCONF


class JsonErrorsMixin:
    """For API viewsets: the checks above before any handler, 404s kept in place."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(request.GET)
        check_id(kwargs.get("pk"))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 404:
            keep_address(request._request)
        return response


def not_found(request, *args, **kwargs):
    """Any other address under the API: a JSON 404, not a page of the site."""
    keep_address(request)
    return JsonResponse({"message": gettext("not found")}, status=404)
