"""What the API shows of a set of analyses, read for all of them at once.

A listing response serialises up to ``limit`` analyses; reading each one's credits,
translations and similar posts on its own (``get_authors()``, ``live_translations()``,
``similar_posts()``) would cost queries per analysis. :class:`AnalysisSet` answers for
a whole response in a fixed number of queries, with the rules of those functions (the
tests compare its answers with theirs), and one rule of the API's own: every page it
links to is one the API itself serves (live, no view restriction on it or an ancestor,
not an alias, not past its expiry time even before ``publish_scheduled`` has
unpublished it).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, Q, prefetch_related_objects
from wagtail.models import Page, Site

from ..conf import pubs_settings
from ..pages.listing import current_q
from ..pages.mixins import ANALYSIS_AUTHORS, NOTES, AuthorCredit
from ..similar.display import SimilarItem, _item, _readable, _restricted
from ..similar.documents import analysis_models
from ..similar.models import SimilarPost
from ..translations.live import LanguageVersion, _local_name


def analysis_page_models() -> list[type[Page]]:
    """Concrete page models built on ``AnalysisPageMixin``, subclasses of one another
    folded into the topmost (a query on a model also returns its subclasses)."""
    found = analysis_models()
    tops = [m for m in found if not any(o is not m and issubclass(m, o) for o in found)]
    return sorted(tops, key=lambda model: model._meta.label)


def credit_model(page_model):
    """The model of a page class's ordered author credits, or None if it has none."""
    return _related_model(page_model, ANALYSIS_AUTHORS)


def _related_model(page_model, name: str):
    try:
        return page_model._meta.get_field(name).related_model
    except FieldDoesNotExist:  # a host's class without credits or notes
        return None


def served_pages(queryset):
    """``queryset`` (of pages) narrowed to what any reader may see."""
    return queryset.live().public().filter(alias_of__isnull=True).filter(current_q())


def absolute_page_url(url: str | None, request) -> str | None:
    """A page URL as Wagtail's ``full_url`` gives it: a relative URL from
    ``page.get_url(request)`` belongs to the request's site."""
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url + url
    return request.build_absolute_uri(url) if request is not None else url


def author_indexes(locale_ids) -> dict[int, Page]:
    """The first authors index page of each locale (as ``authors_index_for``), served only."""
    model = apps.get_model("ankasam_pubs", "AuthorIndexPage")
    indexes: dict[int, Page] = {}
    if not locale_ids:
        return indexes
    for index in served_pages(model.objects.filter(locale_id__in=set(locale_ids))).order_by("path"):
        indexes.setdefault(index.locale_id, index)
    return indexes


class AnalysisSet:
    """The analyses of one response; each part is read the first time a field asks."""

    def __init__(self, pages, request):
        self.pages = list(pages)
        self.request = request
        self._prefetched: set[str] = set()
        self.prefetch("locale")

    def prefetch(self, name: str) -> None:
        """Prefetch one relation (``series``, ``topics``, ``regions``, notes, credits)."""
        if name in self._prefetched:
            return
        self._prefetched.add(name)
        groups: dict[type, list] = defaultdict(list)
        for page in self.pages:
            groups[type(page)].append(page)
        for model, pages in groups.items():
            if name == ANALYSIS_AUTHORS:
                credits = credit_model(model)
                if credits is None:
                    continue
                lookup = Prefetch(
                    name, queryset=credits.objects.select_related("author").order_by("sort_order")
                )
            elif name == NOTES and _related_model(model, NOTES) is None:
                continue
            else:
                lookup = name
            prefetch_related_objects(pages, lookup)

    # -- authors ---------------------------------------------------------------------
    @cached_property
    def credits(self) -> dict[int, list[AuthorCredit]]:
        """As ``get_authors()``, but read for all pages at once."""
        self.prefetch(ANALYSIS_AUTHORS)
        rows = {
            page.pk: list(getattr(page, ANALYSIS_AUTHORS).all())
            if hasattr(page, ANALYSIS_AUTHORS)
            else []
            for page in self.pages
        }
        indexes = author_indexes({page.locale_id for page in self.pages if rows[page.pk]})
        result = {}
        for page in self.pages:
            index = indexes.get(page.locale_id)
            result[page.pk] = [
                AuthorCredit(
                    author=row.author,
                    role=row.role,
                    url=absolute_page_url(index.profile_url(row.author), self.request)
                    if index
                    else None,
                )
                for row in rows[page.pk]
            ]
        return result

    # -- translations ----------------------------------------------------------------
    @cached_property
    def translations(self) -> dict[int, list[LanguageVersion]]:
        """As ``live_translations()``: other language versions in LANGUAGES order."""
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        keys = {page.translation_key for page in self.pages}
        by_key: dict = defaultdict(list)
        others = served_pages(Page.objects.filter(translation_key__in=keys)).select_related(
            "locale"
        )
        for other in others:
            by_key[other.translation_key].append(other)
        result = {}
        for page in self.pages:
            versions = []
            for other in by_key[page.translation_key]:
                if other.pk == page.pk:
                    continue
                url = other.get_url(self.request)
                if url is None:  # not routable from any site
                    continue
                code = other.locale.language_code
                versions.append(
                    LanguageVersion(
                        page=other,
                        language_code=code,
                        name_local=_local_name(code),
                        url=absolute_page_url(url, self.request),
                    )
                )
            result[page.pk] = sorted(versions, key=lambda v: order.get(v.language_code, len(order)))
        return result

    # -- similar posts ---------------------------------------------------------------
    @cached_property
    def similar(self) -> dict[int, list[SimilarItem]]:
        """As ``similar_posts()``: each page's list, short translations' lists filled
        from their default-language version's; three queries for any number of pages."""
        count = pubs_settings.SIMILAR_POSTS_COUNT
        result: dict[int, list[SimilarItem]] = {page.pk: [] for page in self.pages}
        if not count or not self.pages:
            return result
        rows = (
            SimilarPost.objects.filter(page_id__in=[page.pk for page in self.pages])
            .filter(_readable("similar__"), current_q("similar__"))
            .exclude(_restricted("similar__path"))
            .select_related("similar", "similar__locale", "similar__similarity_document")
            .order_by("page_id", "rank")
        )
        chosen: dict[int, list] = defaultdict(list)
        for row in rows:
            if len(chosen[row.page_id]) < count:
                chosen[row.page_id].append(row)
        for page in self.pages:
            language = page.locale.language_code
            for row in chosen[page.pk]:
                item = _item(row.similar, self.request, language, row.score, row.pinned)
                if item is not None:
                    result[page.pk].append(item)
        short = [page for page in self.pages if len(result[page.pk]) < count]
        for page, items in self._borrowed(short, count, result).items():
            result[page.pk] += items
        return {
            pk: [
                dataclasses.replace(item, url=absolute_page_url(item.url, self.request))
                for item in items
            ]
            for pk, items in result.items()
        }

    def _borrowed(self, pages, count: int, shown: dict) -> dict:
        """For each short translation, what ``similar_posts()`` borrows (``_borrowed``)."""
        mode = pubs_settings.SIMILAR_POSTS_BORROW
        default_language = settings.LANGUAGE_CODE
        pages = [p for p in pages if mode != "none" and p.locale.language_code != default_language]
        if not pages:
            return {}
        # The default-language version's list of each page: similar page -> rank.
        source_rows = SimilarPost.objects.filter(
            page__translation_key__in={page.translation_key for page in pages},
            page__locale__language_code=default_language,
        ).order_by("page__path", "rank")
        ranks: dict = defaultdict(dict)  # translation key -> {similar's key: rank}
        similar_ids: dict = defaultdict(set)  # translation key -> similar page ids
        for key, similar_id, similar_key, rank in source_rows.values_list(
            "page__translation_key", "similar_id", "similar__translation_key", "rank"
        ):
            ranks[key].setdefault(similar_key, rank)
            similar_ids[key].add(similar_id)
        wanted = Q(
            locale_id__in={page.locale_id for page in pages},
            translation_key__in={k for by_key in ranks.values() for k in by_key},
        )
        if mode == "any":
            wanted |= Q(pk__in={pk for ids in similar_ids.values() for pk in ids})
        candidates = list(
            Page.objects.filter(wanted)
            .filter(_readable(), current_q())
            .exclude(_restricted("path"))
            .select_related("locale", "similarity_document")
        )
        result = {}
        for page in pages:
            page_ranks = ranks[page.translation_key]
            mine = [
                c
                for c in candidates
                if c.translation_key != page.translation_key
                and (
                    (c.locale_id == page.locale_id and c.translation_key in page_ranks)
                    or (mode == "any" and c.pk in similar_ids[page.translation_key])
                )
            ]
            mine.sort(key=lambda c: (page_ranks.get(c.translation_key, 0), c.pk))
            # Each analysis once, in the reader's language when it exists there.
            best: dict = {}
            for candidate in mine:
                key = candidate.translation_key
                if key not in best or candidate.locale_id == page.locale_id:
                    best[key] = candidate
            shown_urls = {item.url for item in shown[page.pk]}
            wanted_count = count - len(shown[page.pk])
            items = []
            language = page.locale.language_code
            for candidate in sorted(
                best.values(), key=lambda c: (page_ranks.get(c.translation_key, 0), c.pk)
            ):
                item = _item(candidate, self.request, language)
                if item is not None and item.url not in shown_urls:
                    items.append(item)
                if len(items) >= wanted_count:
                    break
            result[page] = items
        return result
