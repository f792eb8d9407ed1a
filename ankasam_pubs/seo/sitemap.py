"""A sitemap of every locale's tree, each URL with its language alternates.

Wagtail's own sitemap covers only the site's root tree, so other languages' pages are
missing from it. Ours lists every live, public, non-alias page under the site root and
under each translation of it, and links language versions with ``xhtml:link``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Page, Site

from ..translations.live import hreflang_links


@dataclass(frozen=True)
class SitemapEntry:
    location: str
    lastmod: str | None
    alternates: tuple[tuple[str, str], ...]


def sitemap_pages(site: Site):
    roots = site.root_page.get_translations(inclusive=True).filter(alias_of__isnull=True)
    in_trees = reduce(
        lambda q, root: q | Q(path__startswith=root.path, depth__gte=root.depth),
        roots,
        Q(pk__in=[]),
    )
    return (
        Page.objects.live()
        .public()
        .filter(in_trees, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def sitemap_entries(site: Site, request=None) -> list[SitemapEntry]:
    pages = list(sitemap_pages(site))
    urls = {page.pk: page.get_full_url(request) for page in pages}
    groups = defaultdict(list)
    for page in pages:
        if urls[page.pk]:
            groups[page.translation_key].append(page)
    entries = []
    for page in pages:
        url = urls[page.pk]
        if not url:
            continue
        versions = groups[page.translation_key]
        alternates: tuple = ()
        if len(versions) > 1:
            others = [(v.locale.language_code, urls[v.pk]) for v in versions if v.pk != page.pk]
            alternates = tuple(hreflang_links((page.locale.language_code, url), others))
        lastmod = page.last_published_at.date().isoformat() if page.last_published_at else None
        entries.append(SitemapEntry(location=url, lastmod=lastmod, alternates=alternates))
    return entries


def sitemap_view(request):
    site = Site.find_for_request(request)
    if site is None:
        return HttpResponse(status=404)
    xml = render_to_string("ankasam_pubs/sitemap.xml", {"entries": sitemap_entries(site, request)})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
