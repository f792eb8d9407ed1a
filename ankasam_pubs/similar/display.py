"""Read a page's similar posts for its template: no text processing, at most two queries.

The first query reads the page's precomputed list. Only if it is shorter than the
configured count, and the page is a translation, a second query fills it from the
list of its default-language version, mapped to the reader's language. Both queries
re-check that each page shown is live, not expired, not an alias and has no view
restriction on itself or an ancestor, so a page that became private a moment ago is
never shown, even before the tables have caught up.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from ..conf import pubs_settings
from ..translations.live import _local_name
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


def _restricted(path_ref: str) -> Exists:
    """A view restriction on the page at ``path_ref`` or on one of its ancestors."""
    return Exists(
        PageViewRestriction.objects.annotate(prefix=Length("page__path")).filter(
            page__path=Substr(OuterRef(path_ref), 1, F("prefix"))
        )
    )


def _readable(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}live": True,
            f"{prefix}expired": False,
            f"{prefix}alias_of__isnull": True,
        }
    )


def similar_posts(page: Page, request=None) -> list[SimilarItem]:
    count = pubs_settings.SIMILAR_POSTS_COUNT
    if not count or not page.pk:
        return []
    rows = (
        SimilarPost.objects.filter(page_id=page.pk)
        .filter(_readable("similar__"))
        .exclude(_restricted("similar__path"))
        .select_related("similar", "similar__locale", "similar__similarity_document")
        .order_by("rank")[:count]
    )
    items = []
    language = page.locale.language_code
    for row in rows:
        item = _item(row.similar, request, language, row.score, row.pinned)
        if item is not None:
            items.append(item)
    if len(items) < count:
        items += _borrowed(page, request, count - len(items), {i.url for i in items})
    return items


def _item(other: Page, request, reader_language: str, score=None, pinned=False):
    url = other.get_url(request)
    if url is None:
        return None
    code = other.locale.language_code
    document = getattr(other, "similarity_document", None)
    return SimilarItem(
        title=other.title,
        url=url,
        published=document.published if document else None,
        language_code=code,
        language_name=None if code == reader_language else _local_name(code),
        score=score,
        pinned=pinned,
    )


def _borrowed(page: Page, request, wanted: int, shown_urls: set[str]) -> list[SimilarItem]:
    """Fill a translation's short list from its default-language version's list."""
    mode = pubs_settings.SIMILAR_POSTS_BORROW
    default_language = settings.LANGUAGE_CODE
    language = page.locale.language_code
    if mode == "none" or language == default_language:
        return []
    source_rows = SimilarPost.objects.filter(
        page__translation_key=page.translation_key,
        page__locale__language_code=default_language,
    )
    in_reader_language = Q(
        locale_id=page.locale_id,
        translation_key__in=source_rows.values("similar__translation_key"),
    )
    wanted_pages = in_reader_language
    if mode == "any":
        wanted_pages |= Q(pk__in=source_rows.values("similar_id"))
    candidates = (
        Page.objects.filter(wanted_pages)
        .filter(_readable())
        .exclude(_restricted("path"))
        .exclude(translation_key=page.translation_key)
        .annotate(
            source_rank=Subquery(
                source_rows.filter(similar__translation_key=OuterRef("translation_key")).values(
                    "rank"
                )[:1]
            )
        )
        .select_related("locale", "similarity_document")
        .order_by("source_rank", "pk")
    )
    # Each analysis once, in the reader's language when it exists there.
    best: dict = {}
    for candidate in candidates:
        key = candidate.translation_key
        if key not in best or candidate.locale_id == page.locale_id:
            best[key] = candidate
    items = []
    for candidate in sorted(best.values(), key=lambda c: (c.source_rank or 0, c.pk)):
        item = _item(candidate, request, language)
        if item is not None and item.url not in shown_urls:
            items.append(item)
        if len(items) >= wanted:
            break
    return items
