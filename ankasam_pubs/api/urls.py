"""Routes of the read API: ``api/v2/analyses/`` and ``api/v2/authors/``.

They are added to :mod:`ankasam_pubs.urls`, so they live wherever the host includes
that module, under its ``ankasam_pubs`` namespace (``ankasam_pubs:api:analyses:listing``).
Without ``rest_framework`` and ``wagtail.api.v2`` in INSTALLED_APPS there are none.
"""

from __future__ import annotations

from django.apps import apps
from django.urls import include, path, re_path

#: The router's namespace: this module's routes are part of ``ankasam_pubs.urls``.
NAMESPACE = "ankasam_pubs:api"


def api_enabled() -> bool:
    return apps.is_installed("rest_framework") and apps.is_installed("wagtail.api.v2")


def build_urlpatterns() -> list:
    if not api_enabled():
        return []
    from .errors import not_found
    from .views import build_router

    router = build_router(NAMESPACE)
    app_namespace = NAMESPACE.rpartition(":")[2]
    return [
        path(
            "api/v2/", include((router.get_urlpatterns(), app_namespace), namespace=app_namespace)
        ),
        # Any other address under the API: a JSON 404, not a page of the site.
        re_path(r"^api/v2/", not_found),
    ]


urlpatterns = build_urlpatterns()
