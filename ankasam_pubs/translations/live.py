"""The language versions a reader may be offered: live, public, real pages only.

``page.get_translations()`` alone returns drafts, private pages and aliases; every
listing of translations in the app goes through :func:`live_translations`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page


@dataclass(frozen=True)
class LanguageVersion:
    page: Page
    language_code: str
    name_local: str
    url: str


def live_translations(page: Page) -> list[LanguageVersion]:
    """Other language versions of ``page`` a reader can open, in LANGUAGES order."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    pages = (
        page.get_translations()
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    versions = []
    for other in pages:
        code = other.locale.language_code
        url = other.get_url()
        if url is None:  # not routable from any site: nothing to link to
            continue
        versions.append(
            LanguageVersion(
                page=other,
                language_code=code,
                name_local=_local_name(code),
                url=url,
            )
        )
    return sorted(versions, key=lambda version: order.get(version.language_code, len(order)))


def _local_name(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def hreflang_links(own: tuple[str, str], others: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(hreflang, URL)`` pairs, sorted, then ``x-default``: the site language's version
    when it is among them, else ``own``. Pure; shared by page heads and the sitemap."""
    links = sorted([own, *((code, url) for code, url in others if url)])
    return [*links, ("x-default", dict(links).get(settings.LANGUAGE_CODE, own[1]))]


def alternate_links(page: Page, versions: list[LanguageVersion], request) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` pairs for ``<link rel="alternate">``.

    Only a live, public page with listed versions gets them (see :func:`hreflang_links`).
    """
    if not page.live or getattr(request, "is_preview", False) or not versions:
        return []
    if page.get_view_restrictions().exists():
        return []
    own = page.get_full_url(request)
    if own is None:
        return []
    others = [(v.language_code, v.page.get_full_url(request)) for v in versions]
    return hreflang_links((page.locale.language_code, own), others)
