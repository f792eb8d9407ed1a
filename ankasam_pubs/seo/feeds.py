"""RSS 2.0 and Atom 1.0 feeds of a language's analyses, whole or by series, topic,
region or author.

Data flows one way, as everywhere in the app: :func:`feed_analyses` runs the fixed set
of queries (``published_analyses`` of every analysis model, restricted to the
requesting site's tree in that language, not expired), :func:`feed_items` turns the
pages into plain :class:`FeedItem` data in the feed's language, :func:`render_feed`
writes that data with Django's feed generators, and :func:`feed_view` only wires them
together and sets the headers. :func:`feed_links` gives a page's ``<link
rel="alternate">`` autodiscovery links (``includes/feed_links.html`` renders them).
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc2822_date, rfc3339_date
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page, Site

from ..authors.credits import authors_index_for, credits_for
from ..authors.models import AuthorProfile
from ..conf import pubs_settings
from ..footnotes.citations import bare_doi
from ..registry import (
    ANALYSIS_AUTHORS,
    AnalysisIndexKind,
    AnalysisKind,
    analysis_query_models,
    credits_model,
    query_models,
)
from ..taxonomy.models import Region, Series, Topic
from ..text import isolate
from ..visibility import offered, published_analyses
from .absolute import site_url

#: Most items a feed carries: the newest analyses, whatever the feed's filter. Feed
#: readers keep what they have already seen, so a feed only needs the recent ones.
FEED_SIZE = 50

#: Seconds a reader, proxy or CDN may keep a feed (``Cache-Control: max-age``); RSS
#: ``<ttl>`` says the same in minutes.
FEED_MAX_AGE = 300

RSS = "rss"
ATOM = "atom"
MIME_TYPES = {RSS: "application/rss+xml", ATOM: "application/atom+xml"}

#: URL kind -> the model whose ``slug`` names a filtered feed.
KINDS: dict[str, type] = {
    "series": Series,
    "topic": Topic,
    "region": Region,
    "author": AuthorProfile,
}

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"

# Characters XML 1.0 cannot carry (Django's XML writer refuses them with an error):
# an editor's stray control character must not take a whole feed down.
_NOT_XML = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")


# -- plain data --------------------------------------------------------------------------
@dataclass(frozen=True)
class FeedPerson:
    name: str
    url: str | None = None  # the profile page in the feed's language, if the site has one


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    guid: str
    summary: str  # plain text, as the editor typed it
    published: datetime.datetime
    updated: datetime.datetime
    authors: tuple[FeedPerson, ...] = ()
    contributors: tuple[FeedPerson, ...] = ()
    categories: tuple[str, ...] = ()
    doi: str | None = None  # as a https://doi.org/ address


@dataclass(frozen=True)
class Feed:
    title: str
    subtitle: str
    link: str  # the HTML page the feed mirrors
    url: str  # the feed itself
    language: str
    publisher: str  # the feed-level author (Atom requires one when an entry has none)
    items: tuple[FeedItem, ...] = ()


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    mime_type: str


# -- pure helpers ------------------------------------------------------------------------
def xml_text(value) -> str:
    """``value`` as a string XML 1.0 can carry (control characters dropped)."""
    return _NOT_XML.sub("", str(value or ""))


def feed_text(value) -> str:
    """A title, name or label as plain text for a feed: many readers show RSS titles
    and categories as HTML, so what looks like markup is left out, not escaped."""
    return " ".join(strip_tags(xml_text(value)).split())


def item_guid(translation_key, language_code: str) -> str:
    """A URN that never changes for one page: not with its slug, its place in the tree,
    the site's domain or a database reload. Each language version has its own."""
    return f"urn:uuid:{uuid.uuid5(uuid.UUID(str(translation_key)), language_code)}"


def doi_url(doi: str) -> str | None:
    """``https://doi.org/10.1234/x`` for a DOI however it was typed; None for none."""
    bare = bare_doi(doi)
    return f"https://doi.org/{quote(bare, safe='/')}" if bare else None


def published_at(
    publication_date: datetime.date, first_published_at: datetime.datetime | None
) -> datetime.datetime:
    """The editorial publication date, at the time of day the page was first published
    (so same-day analyses keep their order); midnight when it never was."""
    zone = timezone.get_current_timezone()
    if first_published_at is None:
        clock = datetime.time.min
    else:
        clock = timezone.localtime(first_published_at, zone).time()
    return timezone.make_aware(datetime.datetime.combine(publication_date, clock), zone)


def feed_title(kind: str | None = None, name: str = "", organisation: str = "") -> str:
    """The feed's title in the active language, e.g. "Analyses: Energy — Centre"."""
    if kind is None:
        title = _("Analyses")
    elif kind == "author":
        title = _("Analyses by %(name)s") % {"name": isolate(feed_text(name))}
    else:
        title = _("Analyses: %(name)s") % {"name": isolate(feed_text(name))}
    if organisation:
        # Translators: the title of a news feed, then the name of the research centre.
        title = _("%(title)s — %(organisation)s") % {"title": title, "organisation": organisation}
    return title


def feed_subtitle(kind: str | None = None, name: str = "", organisation: str = "") -> str:
    """One sentence describing the feed, in the active language."""
    if kind == "series":
        return _("Latest analyses in the series %(name)s") % {"name": isolate(feed_text(name))}
    if kind == "topic":
        return _("Latest analyses on the topic %(name)s") % {"name": isolate(feed_text(name))}
    if kind == "region":
        return _("Latest analyses on the region %(name)s") % {"name": isolate(feed_text(name))}
    if kind == "author":
        return _("Latest analyses by %(name)s") % {"name": isolate(feed_text(name))}
    if organisation:
        return _("Latest analyses published by %(organisation)s") % {"organisation": organisation}
    return _("Latest analyses")


def feed_url(language: str, feed_format: str, kind: str | None = None, slug: str = "") -> str:
    """The site-relative URL of a feed (``NoReverseMatch`` if the host has no feeds)."""
    if kind is None:
        return reverse("ankasam_pubs:feed", args=[language, feed_format])
    return reverse("ankasam_pubs:filtered_feed", args=[language, kind, slug, feed_format])


# -- reading the pages -------------------------------------------------------------------
def with_feed_data(queryset):
    """What an item shows, in a fixed number of queries whatever the number of items
    (credits are read by :func:`feed_items`)."""
    return queryset.select_related("series").prefetch_related("topics", "regions")


def _filter(queryset, kind: str | None, obj):
    if kind is None:
        return queryset
    if kind == "series":
        return queryset.filter(series=obj)
    if kind == "topic":
        return queryset.filter(topics=obj)
    if kind == "region":
        return queryset.filter(regions=obj)
    if credits_model(queryset.model) is None:
        return queryset.none()
    # One author may hold two credits on a page (say author and translator).
    return queryset.filter(**{f"{ANALYSIS_AUTHORS}__author": obj}).distinct()


def _sort_key(page):
    first = page.first_published_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return (page.publication_date, first, page.pk)


def feed_analyses(
    locale: Locale,
    *,
    within: Page | None = None,
    kind: str | None = None,
    obj=None,
    limit: int | None = None,
) -> list[Page]:
    """Analyses of one locale a reader may be offered (under ``within``), optionally of
    one series/topic/region/author, newest first, at most ``limit``.

    Three queries per analysis model (pages, topics, regions).
    ``limit`` defaults to :data:`FEED_SIZE`.
    """
    limit = FEED_SIZE if limit is None else limit
    pages = []
    for model in analysis_query_models():
        queryset = published_analyses(model, locale_id=locale.pk, within=within)
        pages.extend(with_feed_data(_filter(queryset, kind, obj))[:limit])
    return sorted(pages, key=_sort_key, reverse=True)[:limit]


def feed_items(
    pages: Iterable[Page],
    *,
    language: str,
    request,
    profile_url: Callable[[AuthorProfile], str | None] = lambda profile: None,
) -> list[FeedItem]:
    """Plain item data for ``pages`` (as :func:`feed_analyses` returns them).

    Names of series, topics, regions and people are read with ``language`` active,
    since django-modeltranslation answers in the active language. Pages with no URL
    on any site are left out.
    """
    items = []
    pages = list(pages)
    credits = credits_for(pages)
    with translation.override(language):
        for page in pages:
            link = page.get_full_url(request)
            if not link:
                continue
            published = published_at(page.publication_date, page.first_published_at)
            updated = max(page.last_published_at or published, published)
            authors, contributors = [], []
            for credit in credits[page.pk]:
                person = FeedPerson(
                    name=feed_text(credit.author.display_name), url=profile_url(credit.author)
                )
                (authors if credit.is_cited else contributors).append(person)
            terms = [page.series] if page.series_id else []
            terms += [*page.topics.all(), *page.regions.all()]
            names = [feed_text(term.name) for term in terms]
            items.append(
                FeedItem(
                    title=feed_text(page.title),
                    link=link,
                    guid=item_guid(page.translation_key, language),
                    summary=xml_text(page.summary),
                    published=published,
                    updated=updated,
                    authors=tuple(authors),
                    contributors=tuple(contributors),
                    categories=tuple(dict.fromkeys(name for name in names if name)),
                    doi=doi_url(getattr(page, "doi", "")),
                )
            )
    return items


# -- writing -----------------------------------------------------------------------------
class _Rss(Rss201rev2Feed):
    """RSS 2.0 with every credited person (Dublin Core) and a non-permalink guid."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        entry: FeedItem = item["entry"]
        handler.addQuickElement("title", entry.title)
        handler.addQuickElement("link", entry.link)
        if entry.summary:
            # RSS readers take <description> as HTML: escaped once more, the summary
            # shows as the text the editor typed, "<script>" included.
            handler.addQuickElement("description", escape(entry.summary))
        for person in entry.authors:
            handler.addQuickElement("dc:creator", person.name)
        for person in entry.contributors:
            handler.addQuickElement("dc:contributor", person.name)
        handler.addQuickElement("pubDate", rfc2822_date(entry.published))
        handler.addQuickElement("guid", entry.guid, {"isPermaLink": "false"})
        if entry.doi:
            handler.addQuickElement("dc:identifier", entry.doi)
        for name in entry.categories:
            handler.addQuickElement("category", name)


class _Atom(Atom1Feed):
    """Atom 1.0 with one author element per credited person and a plain-text summary."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        entry: FeedItem = item["entry"]
        handler.addQuickElement("title", entry.title, {"type": "text"})
        handler.addQuickElement("link", "", {"rel": "alternate", "href": entry.link})
        handler.addQuickElement("id", entry.guid)
        handler.addQuickElement("published", rfc3339_date(entry.published))
        handler.addQuickElement("updated", rfc3339_date(entry.updated))
        for element, people in (("author", entry.authors), ("contributor", entry.contributors)):
            for person in people:
                handler.startElement(element, {})
                handler.addQuickElement("name", person.name)
                if person.url:
                    handler.addQuickElement("uri", person.url)
                handler.endElement(element)
        if entry.summary:
            handler.addQuickElement("summary", entry.summary, {"type": "text"})
        for name in entry.categories:
            handler.addQuickElement("category", "", {"term": name})
        if entry.doi:
            handler.addQuickElement("dc:identifier", entry.doi)


GENERATORS = {RSS: _Rss, ATOM: _Atom}


def render_feed(feed: Feed, feed_format: str) -> tuple[bytes, str]:
    """The feed document (UTF-8) and its content type."""
    generator = GENERATORS[feed_format](
        title=xml_text(feed.title),
        link=feed.link,
        description=xml_text(feed.subtitle),
        subtitle=xml_text(feed.subtitle),
        language=feed.language,
        feed_url=feed.url,
        feed_guid=feed.url,
        author_name=xml_text(feed.publisher),
        ttl=str(FEED_MAX_AGE // 60),
    )
    for entry in feed.items:
        generator.add_item(
            title=entry.title,
            link=entry.link,
            description=entry.summary,
            pubdate=entry.published,
            updateddate=entry.updated,
            unique_id=entry.guid,
            entry=entry,
        )
    return generator.writeString("utf-8").encode("utf-8"), generator.content_type


# -- the view ----------------------------------------------------------------------------
def organisation_name(site: Site | None) -> str:
    """``ORGANISATION_NAME``, else the Wagtail site's name, else ""."""
    return pubs_settings.ORGANISATION_NAME or (site.site_name if site else "") or ""


def _first_index(locale: Locale, within: Page | None) -> Page | None:
    models = query_models(AnalysisIndexKind)
    if not models:
        return None
    queryset = offered(Page.objects.type(*models).filter(locale=locale))
    if within is not None:
        queryset = queryset.descendant_of(within, inclusive=True)
    return queryset.order_by("path").first()


def build_feed(
    request, locale: Locale, feed_format: str, kind: str | None = None, slug: str = ""
) -> Feed:
    """The whole feed of one language (and filter) as plain data; 404 for unknown slugs."""
    obj = get_object_or_404(KINDS[kind], slug=slug) if kind is not None else None
    site = Site.find_for_request(request)
    root = site.root_page.get_translation_or_none(locale) if site else None
    if site is not None and root is None:
        items_pages: list[Page] = []  # the site has no tree in this language
    else:
        items_pages = feed_analyses(locale, within=root, kind=kind, obj=obj)

    authors_index = authors_index_for(locale.pk)
    authors_base = authors_index.get_full_url(request) if authors_index else None

    def profile_url(profile: AuthorProfile) -> str | None:
        if not authors_base:
            return None
        return authors_base + authors_index.reverse_subpage("author_profile", args=[profile.slug])

    language = locale.language_code
    index = _first_index(locale, root)
    landing = index or root
    home = (landing.get_full_url(request) if landing else None) or site_url("/", request)
    link = home
    if kind in ("series", "topic", "region") and index is not None:
        link = home + "?" + urlencode({kind: obj.slug})
    elif kind == "author":
        link = profile_url(obj) or home

    organisation = organisation_name(site)
    with translation.override(language):
        name = obj.display_name if kind == "author" else (obj.name if obj else "")
        return Feed(
            title=feed_title(kind, name, organisation),
            subtitle=feed_subtitle(kind, name, organisation),
            link=link,
            url=site_url(feed_url(language, feed_format, kind, slug), request),
            language=language,
            publisher=feed_text(name)
            if kind == "author"
            else (organisation or urlsplit(home).netloc),
            items=tuple(
                feed_items(items_pages, language=language, request=request, profile_url=profile_url)
            ),
        )


@require_safe
def feed_view(request, language: str, feed_format: str, kind: str | None = None, slug: str = ""):
    if feed_format not in GENERATORS or (kind is not None and kind not in KINDS):
        raise Http404
    locale = get_object_or_404(Locale, language_code=language)
    feed = build_feed(request, locale, feed_format, kind, slug)
    body, content_type = render_feed(feed, feed_format)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Language"] = locale.language_code
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


# -- autodiscovery -----------------------------------------------------------------------
def feed_links(page) -> list[FeedLink]:
    """RSS and Atom links for a page's ``<head>``, in the page's language.

    An analysis links the all-analyses feeds of its language and its series' feeds; an
    analysis index the all-analyses feeds; any other page nothing. Empty when the host
    has not included ``ankasam_pubs.urls``.
    """
    if not isinstance(page, AnalysisKind | AnalysisIndexKind):
        return []
    language = page.locale.language_code
    links = []
    with translation.override(language):
        feeds: list[tuple[str | None, str, str]] = [(None, "", "")]
        if isinstance(page, AnalysisKind) and page.series_id:
            feeds.append(("series", page.series.slug, page.series.name))
        try:
            for kind, slug, name in feeds:
                title = feed_title(kind, name)
                links += [
                    FeedLink(
                        _("%(title)s (RSS)") % {"title": title},
                        feed_url(language, RSS, kind, slug),
                        MIME_TYPES[RSS],
                    ),
                    FeedLink(
                        _("%(title)s (Atom)") % {"title": title},
                        feed_url(language, ATOM, kind, slug),
                        MIME_TYPES[ATOM],
                    ),
                ]
        except NoReverseMatch:
            return []
    return links


class FeedLinksMixin:
    """Page mixin: ``feed_links`` (RSS and Atom autodiscovery) for the head."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = feed_links(self)
        return context
