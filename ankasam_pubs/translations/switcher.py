"""The language switcher of a site's header: one link per language of the site.

For each language in ``LANGUAGES`` the link goes to the current page's live translation
(:func:`~.live.live_translations`, the one visibility rule), else to that language's
home page (the site root's live translation in that locale), else the language is left
out. The current language links to the page itself. Works on any page, the app's or
the host's, and on pages without one (error pages): there every language goes home.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from ..visibility import offered
from .live import LanguageVersion, language_direction, language_name, live_translations

#: A page's context may hold its switcher's links, computed beforehand (a snapshot).
SWITCHER_CONTEXT = "ankasam_pubs_switcher"


@dataclass(frozen=True)
class SwitcherLink:
    language_code: str
    name_local: str
    direction: str  # "rtl" or "ltr": the language's own direction, for its name
    url: str
    is_current: bool


def locale_homes(request) -> dict[str, Page]:
    """The live, public root page of each locale in the request's site, by language
    code: the site's root page and its translations (one query)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    root_keys = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    homes = offered(Page.objects.filter(translation_key__in=root_keys)).select_related("locale")
    return {home.locale.language_code: home for home in homes}


def switcher_links(
    page: Page | None, request, translations: list[LanguageVersion] | None = None
) -> list[SwitcherLink]:
    """The switcher's links in ``LANGUAGES`` order.

    ``translations`` are the page's live language versions when the caller already has
    them (an app page's context, whose versions of an author profile carry the
    profile's path); otherwise they are looked up. At most two queries.
    """
    current = page.locale.language_code if page is not None else translation.get_language()
    if page is not None and translations is None:
        translations = live_translations(page, request)
    targets = {version.language_code: version.url for version in translations or ()}
    if page is not None:
        targets[current] = request.path if request is not None else page.url
    if any(code not in targets for code, _name in settings.LANGUAGES):
        for code, home in locale_homes(request).items():
            if code not in targets:
                targets[code] = home.get_url(request)
    return [
        SwitcherLink(
            language_code=code,
            name_local=language_name(code),
            direction=language_direction(code),
            url=targets[code],
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
        if targets.get(code)
    ]
