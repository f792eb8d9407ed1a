"""Read pages' similar posts for templates and the API: no text processing.

:func:`similar_posts_for` answers for any number of pages in at most two queries. The
first reads the pages' precomputed lists, and with them the lists of the
default-language versions of translations. Only if a translation's own list is
shorter than the configured count, a second query fills it from its source's list,
mapped to the reader's language. Every page shown passes the visibility rule at read
time (:mod:`ankasam_pubs.visibility`), so a page that became private or expired a
moment ago is never shown, even before the tables have caught up.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import BooleanField, Case, F, Q, Value, When
from wagtail.models import Page

from ..conf import pubs_settings
from ..translations.live import language_name
from ..visibility import offered, offered_q
from .models import SimilarPost


@dataclass(frozen=True)
class SimilarItem:
    title: str
    url: str
    published: datetime.date | None
    language_code: str
    language_name: str | None  # set only when it differs from the reader's language
    score: float | None
    pinned: bool = False


def _item(other: Page, request, reader_language: str, score=None, pinned=False):
    url = other.get_url(request)
    if url is None:
        return None
    code = other.locale.language_code
    return SimilarItem(
        title=other.title,
        url=url,
        published=getattr(other, "similar_published", None),
        language_code=code,
        language_name=None if code == reader_language else language_name(code),
        score=score,
        pinned=pinned,
    )


def similar_posts_for(pages: Iterable[Page], request=None) -> dict[int, list[SimilarItem]]:
    """Each page's similar posts (by pk), in rank order, at most the configured count."""
    pages = list(pages)
    count = pubs_settings.SIMILAR_POSTS_COUNT
    result: dict[int, list[SimilarItem]] = {page.pk: [] for page in pages}
    pages = [page for page in pages if page.pk]
    if not count or not pages:
        return result
    mode = pubs_settings.SIMILAR_POSTS_BORROW
    default = settings.LANGUAGE_CODE
    borrower_keys = {
        page.translation_key
        for page in pages
        if mode != "none" and page.locale.language_code != default
    }
    own = Q(page_id__in=[page.pk for page in pages]) & offered_q("similar__")
    # The default-language versions' lists come in the same query: a translation whose
    # own list is short borrows from its source's.
    source = Q(page__translation_key__in=borrower_keys, page__locale__language_code=default)
    rows = (
        SimilarPost.objects.filter(own | source if borrower_keys else own)
        .annotate(
            shown=Case(
                When(own, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            similar_published=F("similar__similarity_document__published"),
            source_key=F("page__translation_key"),
            source_language=F("page__locale__language_code"),
        )
        .select_related("similar__locale")
        .order_by("page_id", "rank")
    )
    own_rows: dict[int, list] = defaultdict(list)
    source_rows: dict = defaultdict(list)  # translation key -> its source's rows
    for row in rows:
        row.similar.similar_published = row.similar_published
        if row.shown and len(own_rows[row.page_id]) < count:
            own_rows[row.page_id].append(row)
        if row.source_language == default and row.source_key in borrower_keys:
            source_rows[row.source_key].append(row)
    for page in pages:
        language = page.locale.language_code
        for row in own_rows[page.pk]:
            item = _item(row.similar, request, language, row.score, row.pinned)
            if item is not None:
                result[page.pk].append(item)
    short = [
        page
        for page in pages
        if page.translation_key in borrower_keys and len(result[page.pk]) < count
    ]
    if short:
        for page, items in _borrowed(short, source_rows, request, count, result, mode).items():
            result[page.pk] += items
    return result


def _borrowed(pages, source_rows, request, count: int, shown, mode: str) -> dict:
    """For each short translation, its source's list in the reader's language (and, with
    ``mode == "any"``, the source's own pages where no translation exists)."""
    keys = {row.similar.translation_key for rows in source_rows.values() for row in rows}
    wanted = Q(locale_id__in={page.locale_id for page in pages}, translation_key__in=keys)
    if mode == "any":
        wanted |= Q(pk__in={row.similar_id for rows in source_rows.values() for row in rows})
    candidates = list(
        offered(Page.objects.filter(wanted))
        .annotate(similar_published=F("similarity_document__published"))
        .select_related("locale")
    )
    result = {}
    for page in pages:
        ranks: dict = {}
        source_ids = set()
        for row in source_rows[page.translation_key]:
            ranks.setdefault(row.similar.translation_key, row.rank)
            source_ids.add(row.similar_id)
        mine = [
            c
            for c in candidates
            if c.translation_key != page.translation_key
            and (
                (c.locale_id == page.locale_id and c.translation_key in ranks)
                or (mode == "any" and c.pk in source_ids)
            )
        ]
        # Each analysis once, in the reader's language when it exists there.
        best: dict = {}
        for candidate in sorted(mine, key=lambda c: (ranks.get(c.translation_key, 0), c.pk)):
            key = candidate.translation_key
            if key not in best or candidate.locale_id == page.locale_id:
                best[key] = candidate
        shown_urls = {item.url for item in shown[page.pk]}
        wanted_count = count - len(shown[page.pk])
        items = []
        language = page.locale.language_code
        for candidate in sorted(
            best.values(), key=lambda c: (ranks.get(c.translation_key, 0), c.pk)
        ):
            item = _item(candidate, request, language)
            if item is not None and item.url not in shown_urls:
                items.append(item)
            if len(items) >= wanted_count:
                break
        result[page] = items
    return result


def similar_posts(page: Page, request=None) -> list[SimilarItem]:
    """One page's similar posts (see :func:`similar_posts_for`)."""
    return similar_posts_for([page], request)[page.pk]


class SimilarPostsMixin:
    """Page mixin: ``similar_posts`` for the template."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["similar_posts"] = similar_posts(self, request)
        return context
