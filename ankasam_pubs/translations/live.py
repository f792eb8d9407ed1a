"""The language versions a reader may be offered: live, public, real pages only.

``page.get_translations()`` alone returns drafts, private pages and aliases; every
listing of translations in the app (switcher, ``hreflang``, JSON-LD, OpenGraph, the
API, the sitemap) goes through :func:`live_translations_for`, which applies the one
visibility rule (:mod:`ankasam_pubs.visibility`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page

from ..visibility import is_offered, offered


@dataclass(frozen=True)
class LanguageVersion:
    page: Page
    language_code: str
    name_local: str
    url: str


def language_name(code: str) -> str:
    """A language's own name for itself ("Türkçe"), or the site's name for it."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def language_direction(code: str) -> str:
    """``"rtl"`` or ``"ltr"`` for a language code, by Django's ``LANGUAGES_BIDI`` (the
    rule ``get_language_bidi`` applies to the active language)."""
    return "rtl" if code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


def _language_order() -> dict[str, int]:
    return {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


def live_translations_for(pages: Iterable[Page], request=None) -> dict[int, list[LanguageVersion]]:
    """Other language versions a reader can open, for each of ``pages`` (by pk), in
    LANGUAGES order: one query whatever the number of pages."""
    pages = list(pages)
    result: dict[int, list[LanguageVersion]] = {page.pk: [] for page in pages}
    keys = {page.translation_key for page in pages}
    if not keys:
        return result
    by_key: dict = defaultdict(list)
    for other in offered(Page.objects.filter(translation_key__in=keys)).select_related("locale"):
        by_key[other.translation_key].append(other)
    order = _language_order()
    for page in pages:
        versions = []
        for other in by_key[page.translation_key]:
            if other.pk == page.pk:
                continue
            url = other.get_url(request)
            if url is None:  # not routable from any site: nothing to link to
                continue
            code = other.locale.language_code
            versions.append(
                LanguageVersion(
                    page=other, language_code=code, name_local=language_name(code), url=url
                )
            )
        result[page.pk] = sorted(versions, key=lambda v: order.get(v.language_code, len(order)))
    return result


def live_translations(page: Page, request=None) -> list[LanguageVersion]:
    """Other language versions of one page (see :func:`live_translations_for`)."""
    return live_translations_for([page], request)[page.pk]


def hreflang_links(own: tuple[str, str], others: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(hreflang, URL)`` pairs, sorted, then ``x-default``: the site language's version
    when it is among them, else ``own``. Pure; shared by page heads and the sitemap."""
    links = sorted([own, *((code, url) for code, url in others if url)])
    return [*links, ("x-default", dict(links).get(settings.LANGUAGE_CODE, own[1]))]


def alternate_links(page: Page, versions: list[LanguageVersion], request) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` pairs for ``<link rel="alternate">``.

    Only a page that may be offered (live, public, not an alias, not a preview) with
    listed versions gets them (see :func:`hreflang_links`).
    """
    if not versions or not is_offered(page, request):
        return []
    own = page.get_full_url(request)
    if own is None:
        return []
    others = [(v.language_code, v.page.get_full_url(request)) for v in versions]
    return hreflang_links((page.locale.language_code, own), others)


class LanguageVersionsMixin:
    """Page mixin: ``translations`` (the switcher) and ``alternates`` (``hreflang``)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translations"] = live_translations(self, request)
        context["alternates"] = alternate_links(self, context["translations"], request)
        return context
