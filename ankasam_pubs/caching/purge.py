"""Which cached URLs change when an analysis changes, and purging them.

Wagtail's ``wagtail.contrib.frontend_cache`` purges a page's own URLs when it is
published or unpublished. An analysis also appears in many other places a
front-end cache (Varnish, Cloudflare, CloudFront…) keeps: its other language
versions (their language switcher), the index pages above it and their filtered
views, its authors' profiles and feeds, the language's feeds, the sitemap, the API,
and other analyses' similar posts. :func:`analysis_urls` lists them (a pure read of
the database); the signal handlers in :mod:`.signals` send them to the host's
configured backends after the commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale, Page, Site

from ..authors.credits import authors_index_for
from ..authors.models import AuthorProfile
from ..conf import pubs_settings
from ..registry import (
    ANALYSIS_AUTHORS,
    AnalysisIndexKind,
    AuthorIndexKind,
    analyses_using,
    analysis_query_models,
    is_analysis,
    query_models,
)
from ..seo.feeds import ATOM, RSS, feed_url
from ..seo.sitemap import sitemap_paths
from ..similar.models import SimilarPost
from ..taxonomy.models import Region, Series, Topic


def frontend_purging() -> bool:
    """Wagtail's front-end cache app is installed, has a backend, and we may use it."""
    return (
        pubs_settings.PURGE_RELATED
        and apps.is_installed("wagtail.contrib.frontend_cache")
        and bool(
            getattr(settings, "WAGTAILFRONTENDCACHE", None)
            or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
        )
    )


def purging_enabled() -> bool:
    """Some cache outside the app keeps copies that a change must empty (a CDN). The
    app's own kept renderings need no purge: they follow the generations."""
    return frontend_purging()


def page_urls(page: Page, cache_object=None) -> list[str]:
    """A page's full URL and its ``get_cached_paths()`` variants (none if unroutable)."""
    url = page.get_full_url(cache_object)
    if not url:
        return []
    return [url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def _reverse(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the host did not include ankasam_pubs.urls (or the API)
        return None


def _site_paths(site, language: str, terms: list[tuple[str, str]]) -> list[str]:
    """Feeds, sitemap and API listing paths that list analyses of ``language``."""
    try:
        paths = sitemap_paths(site)
    except NoReverseMatch:  # the host did not include ankasam_pubs.urls
        paths = []
    for kind, slug in [(None, ""), *terms]:
        for fmt in (RSS, ATOM):
            try:
                paths.append(feed_url(language, fmt, kind, slug))
            except NoReverseMatch:
                pass
    # The analyses endpoint filters by ?locale=, the authors endpoint translates by ?lang=.
    for endpoint, parameter in (("analyses", "locale"), ("authors", "lang")):
        listing = _reverse(f"ankasam_pubs:api:{endpoint}:listing")
        if listing:
            paths += [listing, f"{listing}?{parameter}={language}"]
    return [path for path in paths if path]


def analysis_urls(page: Page, cache_object=None) -> set[str]:
    """Every cached URL whose content depends on this analysis (any state: live or not)."""
    page = page.specific
    language = page.locale.language_code
    urls: set[str] = set()
    # Every language version: its own URLs (exports too) and its "also available in".
    urls |= version_urls(page, cache_object)

    terms: list[tuple[str, str]] = []
    if getattr(page, "series_id", None):
        terms.append(("series", page.series.slug))
    if hasattr(page, "topics"):
        terms += [("topic", topic.slug) for topic in page.topics.all()]
    if hasattr(page, "regions"):
        terms += [("region", region.slug) for region in page.regions.all()]
    year = getattr(page, "publication_date", None)

    # The home page and index pages above it list it, filtered views included.
    for ancestor in Page.objects.ancestor_of(page).filter(depth__gt=1).specific():
        base = page_urls(ancestor, cache_object)
        urls.update(base)
        if isinstance(ancestor, AnalysisIndexKind) and base:
            query = [f"{kind}={slug}" for kind, slug in terms]
            if year is not None:
                query.append(f"year={year.year}")
            urls.update(f"{base[0]}?{item}" for item in query)

    related = getattr(page, ANALYSIS_AUTHORS, None)
    profiles = [credit.author for credit in related.select_related("author")] if related else []
    authors_index = authors_index_for(page.locale_id) if profiles else None
    root = authors_index.get_full_url(cache_object) if authors_index else None
    for profile in profiles:
        terms.append(("author", profile.slug))
        if root:
            for route in ("author_profile", "author_feed"):
                urls.add(root + authors_index.reverse_subpage(route, args=[profile.slug]))

    # Other analyses that list it among their similar posts (until the worker
    # recomputes their lists, their stored lists still name it).
    listing_it = SimilarPost.objects.filter(similar_id=page.pk).values_list("page_id", flat=True)
    urls |= similar_list_urls(listing_it, cache_object)

    site = page.get_site()
    if site is not None:
        base = site.root_url.rstrip("/")
        paths = _site_paths(site, language, terms)
        paths.append(_reverse("ankasam_pubs:api:analyses:detail", page.pk))
        urls.update(base + path for path in paths if path)
    return urls


#: The filter parameter of an index for each kind of shared label.
TERM_KINDS = {Series: "series", Topic: "topic", Region: "region", AuthorProfile: "author"}


def shared_content_urls(obj) -> set[str]:
    """Every cached URL that shows ``obj``: a profile, a series, topic or region, or the
    citation settings (every analysis's cite box and exports).

    For a profile or a label: everything :func:`analysis_urls` lists for each analysis
    that uses it, in every language (its pages, the feeds of all its terms, which show
    its labels as categories, its authors' profiles, the indexes above it); every index
    and authors page of every language (filters and cards show labels and names), the
    index filtered by it, and the profiles that show it (their own, or a topic among
    their areas of expertise).
    """
    kind = TERM_KINDS.get(type(obj))
    urls: set[str] = set()
    if kind is None:
        for model in analysis_query_models():
            for page in model.objects.live():
                urls.update(page_urls(page))
                detail = _reverse("ankasam_pubs:api:analyses:detail", page.pk)
                site = page.get_site()
                if detail and site is not None:
                    urls.add(site.root_url.rstrip("/") + detail)
        return urls

    for page in analyses_using(obj):
        urls |= analysis_urls(page)
    if kind == "author":
        profiles = [obj]
    elif isinstance(obj, Topic):
        profiles = list(AuthorProfile.objects.filter(expertise=obj))
    else:
        profiles = []
    lists = [
        page
        for model in query_models(AnalysisIndexKind) + query_models(AuthorIndexKind)
        for page in model.objects.live().specific()
    ]
    for page in lists:
        base = page_urls(page)
        urls.update(base)
        if not base:
            continue
        if isinstance(page, AnalysisIndexKind):
            urls.add(f"{base[0]}?{kind}={obj.slug}")
            for ancestor in page.get_ancestors().filter(depth__gt=1):
                urls.update(page_urls(ancestor))
        elif isinstance(page, AuthorIndexKind):
            for profile in profiles:
                for route in ("author_profile", "author_feed"):
                    urls.add(base[0] + page.reverse_subpage(route, args=[profile.slug]))
    languages = list(Locale.objects.values_list("language_code", flat=True))
    for site in Site.objects.all():
        root = site.root_url.rstrip("/")
        for language in languages:
            urls.update(root + path for path in _site_paths(site, language, [(kind, obj.slug)]))
    return urls


def _urls_of_versions(translation_keys, cache_object=None) -> set[str]:
    urls: set[str] = set()
    for version in Page.objects.filter(translation_key__in=translation_keys).specific():
        urls.update(page_urls(version, cache_object))
    return urls


def similar_list_urls(page_ids: Iterable[int], cache_object=None) -> set[str]:
    """URLs of analyses whose similar posts changed, in every language version (a
    translation may borrow its source's list)."""
    keys = Page.objects.filter(pk__in=list(page_ids)).values("translation_key")
    return _urls_of_versions(keys, cache_object)


def version_urls(page: Page, cache_object=None) -> set[str]:
    """A page's URLs in every language version (their language switchers list it)."""
    return _urls_of_versions([page.translation_key], cache_object)


def subtree_urls(page: Page) -> set[str]:
    """Everything that shows a page or one below it: used when privacy changes."""
    urls: set[str] = set()
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        if is_analysis(descendant):
            urls |= analysis_urls(descendant)
        else:
            urls |= version_urls(descendant)
    return urls


def purge(urls: Iterable[str]) -> None:
    """Empty the host's front-end caches of these URLs."""
    urls = sorted(set(urls))
    if not urls:
        return
    if frontend_purging():
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        PurgeBatch(urls).purge()
