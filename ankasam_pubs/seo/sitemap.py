"""A sitemap of every language's tree and every author profile, with alternates.

Wagtail's own sitemap covers only the site's root tree, so other languages' pages are
missing from it (Wagtail issue #6583). Ours lists every page that may be offered to
readers (:mod:`ankasam_pubs.visibility`) under the site root and under each of its
language versions, aliases included (a Turkish tree whose root is still an alias of
the English home holds real Turkish pages), plus each author profile under each
language's authors index, and links language versions with ``xhtml:link``. Each page
gives its own URLs through Wagtail's ``get_sitemap_urls()``, so a host's page class
that adds routes is honoured.

Past :data:`SITEMAP_LIMIT` URLs, ``/sitemap.xml`` becomes a sitemap index of
``/sitemap-1.xml``, ``/sitemap-2.xml``… (the protocol allows 50,000 URLs per file).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, reduce

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page, Site

from ..authors.models import AuthorProfile
from ..registry import AuthorIndexKind, query_models
from ..translations.live import hreflang_links, live_translations_for
from ..visibility import offered
from .absolute import site_url

#: URLs per sitemap file (the sitemaps.org protocol's maximum).
SITEMAP_LIMIT = 50_000
#: Pages whose language versions are read in one query.
_CHUNK = 500


@dataclass(frozen=True)
class SitemapEntry:
    location: str
    lastmod: str | None
    alternates: tuple[tuple[str, str], ...]


def site_trees_q(site: Site) -> Q:
    """Pages in the site's root tree or in any language version of it (aliases too)."""
    roots = site.root_page.get_translations(inclusive=True)
    return reduce(
        lambda q, root: q | Q(path__startswith=root.path, depth__gte=root.depth),
        roots,
        Q(pk__in=[]),
    )


def sitemap_pages(site: Site):
    """Every page of the site's language trees a reader may be offered, in tree order."""
    return offered(Page.objects.filter(site_trees_q(site))).order_by("path")


def _lastmod(value) -> str | None:
    return value.date().isoformat() if value else None


class SitemapItems:
    """Every URL of a site's sitemap, counted and read in slices (pages first, then
    author profiles), so a site of any size is never loaded whole."""

    def __init__(self, site: Site, request=None):
        self.site = site
        self.request = request

    @cached_property
    def pages(self):
        return sitemap_pages(self.site)

    @cached_property
    def page_count(self) -> int:
        return self.pages.count()

    @cached_property
    def author_indexes(self) -> list[Page]:
        trees = site_trees_q(self.site)
        found = []
        for model in query_models(AuthorIndexKind):
            found += offered(model.objects.filter(trees)).select_related("locale")
        return sorted(found, key=lambda page: page.path)

    @cached_property
    def profiles(self) -> list[AuthorProfile]:
        if not self.author_indexes:
            return []
        return list(AuthorProfile.objects.only("pk", "slug").order_by("slug", "pk"))

    def __len__(self) -> int:
        return self.page_count + len(self.author_indexes) * len(self.profiles)

    def entries(self, start: int = 0, stop: int | None = None) -> list[SitemapEntry]:
        stop = len(self) if stop is None else min(stop, len(self))
        entries = []
        if start < self.page_count:
            pages = list(
                self.pages[start : min(stop, self.page_count)].defer_streamfields().specific()
            )
            for offset in range(0, len(pages), _CHUNK):
                entries += self._page_entries(pages[offset : offset + _CHUNK])
        first, last = max(start - self.page_count, 0), stop - self.page_count
        if last > first:
            entries += self._profile_entries(first, last)
        return entries

    def _page_entries(self, pages: list[Page]) -> list[SitemapEntry]:
        versions = live_translations_for(pages, self.request)
        entries = []
        for page in pages:
            own = page.get_full_url(self.request)
            alternates: tuple = ()
            if own and versions[page.pk]:
                others = [
                    (v.language_code, v.page.get_full_url(self.request)) for v in versions[page.pk]
                ]
                alternates = tuple(hreflang_links((page.locale.language_code, own), others))
            for url in page.get_sitemap_urls(self.request):
                location = url.get("location")
                if not location:
                    continue
                entries.append(
                    SitemapEntry(
                        location=location,
                        lastmod=_lastmod(url.get("lastmod")),
                        alternates=alternates if location == own else (),
                    )
                )
        return entries

    def _profile_entries(self, first: int, last: int) -> list[SitemapEntry]:
        """Entries ``first`` to ``last`` of the (authors index x profile) grid."""
        roots = {index.pk: index.get_full_url(self.request) for index in self.author_indexes}
        groups = defaultdict(list)  # an authors index and its language versions
        for index in self.author_indexes:
            if roots[index.pk]:
                groups[index.translation_key].append(index)
        count = len(self.profiles)
        entries = []
        for position in range(first, last):
            index = self.author_indexes[position // count]
            profile = self.profiles[position % count]
            if not roots[index.pk]:
                continue

            def url(of: Page, slug: str = profile.slug) -> str:
                return roots[of.pk] + of.reverse_subpage("author_profile", args=[slug])

            own = url(index)
            versions = [other for other in groups[index.translation_key] if other.pk != index.pk]
            alternates: tuple = ()
            if versions:
                others = [(other.locale.language_code, url(other)) for other in versions]
                alternates = tuple(hreflang_links((index.locale.language_code, own), others))
            entries.append(SitemapEntry(location=own, lastmod=None, alternates=alternates))
        return entries


def sitemap_entries(site: Site, request=None) -> list[SitemapEntry]:
    """Every entry of a site's sitemap (all parts)."""
    return SitemapItems(site, request).entries()


def part_count(items: SitemapItems) -> int:
    return max(1, -(-len(items) // SITEMAP_LIMIT))


def sitemap_paths(site: Site | None = None) -> list[str]:
    """The site-relative paths of the sitemap and each of its parts (for purges)."""
    paths = [reverse("ankasam_pubs:sitemap")]
    parts = part_count(SitemapItems(site)) if site is not None else 1
    if parts > 1:
        paths += [reverse("ankasam_pubs:sitemap_part", args=[n]) for n in range(1, parts + 1)]
    return paths


def _xml(template: str, context: dict) -> HttpResponse:
    return HttpResponse(
        render_to_string(template, context), content_type="application/xml; charset=utf-8"
    )


def sitemap_view(request):
    """The whole sitemap, or an index of its parts when it is larger than one file."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("no site")
    items = SitemapItems(site, request)
    parts = part_count(items)
    if parts == 1:
        return _xml("ankasam_pubs/sitemap.xml", {"entries": items.entries()})
    locations = [
        site_url(reverse("ankasam_pubs:sitemap_part", args=[number]), request)
        for number in range(1, parts + 1)
    ]
    return _xml("ankasam_pubs/sitemap_index.xml", {"locations": locations})


def sitemap_part_view(request, number: int):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("no site")
    items = SitemapItems(site, request)
    if not 1 <= number <= part_count(items) or part_count(items) == 1:
        raise Http404("no such sitemap part")
    start = (number - 1) * SITEMAP_LIMIT
    entries = items.entries(start, start + SITEMAP_LIMIT)
    return _xml("ankasam_pubs/sitemap.xml", {"entries": entries})
