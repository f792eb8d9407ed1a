"""Who signed an analysis, read for one page or for many at once.

An analysis page's author box, its head metadata, its feeds and the API all read the
same credits: :func:`credits_for` answers for any number of pages in a fixed number of
queries (credits with their profiles, portraits' renditions if asked, the authors
index of each language).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.models import Page

from ..registry import ANALYSIS_AUTHORS, AuthorIndexKind, credits_model, query_models
from ..visibility import offered
from .models import AuthorProfile, AuthorRole, byline_role


@dataclass(frozen=True)
class AuthorCredit:
    author: AuthorProfile
    role: str
    url: str | None  # the profile page in the page's language, if the site has one

    @property
    def is_cited(self) -> bool:
        """Named as an author of the work (citations, Scholar, JSON-LD); a translator
        is credited in the author box and feeds but is not an author of the work."""
        return self.role != AuthorRole.TRANSLATOR

    @property
    def byline_role(self) -> str:
        return byline_role(self.role)


def authors_indexes(locale_ids: Iterable[int]) -> dict[int, Page]:
    """The authors index page of each locale a reader may be offered (the first in tree
    order if a language has several): one query per authors index page class."""
    locale_ids = set(locale_ids)
    indexes: dict[int, Page] = {}
    if not locale_ids:
        return indexes
    found = []
    for model in query_models(AuthorIndexKind):
        found += offered(model.objects.filter(locale_id__in=locale_ids))
    for index in sorted(found, key=lambda page: page.path):
        indexes.setdefault(index.locale_id, index)
    return indexes


def authors_index_for(locale_id: int) -> Page | None:
    """The authors index page of one language (see :func:`authors_indexes`)."""
    return authors_indexes([locale_id]).get(locale_id)


def credits_for(pages: Iterable[Page], *, portraits: bool = False) -> dict[int, list[AuthorCredit]]:
    """The ordered credits of each page (by pk), each with its profile's page in that
    page's language. ``portraits`` also reads the portraits and their renditions."""
    pages = list(pages)
    rows: dict[int, list] = {page.pk: [] for page in pages}
    by_model: dict[type, list[Page]] = {}
    for page in pages:
        if ANALYSIS_AUTHORS in getattr(page, "_cluster_related_objects", {}):
            # A preview or a revision: its credits are in memory, not in the database.
            credits = getattr(page, ANALYSIS_AUTHORS).all()
            rows[page.pk] = sorted(credits, key=lambda row: (row.sort_order or 0, row.pk or 0))
        else:
            by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        credits = credits_model(model)
        if credits is None:  # a host's analysis class without credits
            continue
        queryset = credits.objects.select_related("author").order_by("sort_order", "pk")
        if portraits:
            queryset = queryset.select_related("author__portrait").prefetch_related(
                "author__portrait__renditions"
            )
        prefetch_related_objects(group, Prefetch(ANALYSIS_AUTHORS, queryset=queryset))
        for page in group:
            rows[page.pk] = list(getattr(page, ANALYSIS_AUTHORS).all())
    indexes = authors_indexes({page.locale_id for page in pages if rows[page.pk]})
    result = {}
    for page in pages:
        index = indexes.get(page.locale_id)
        result[page.pk] = [
            AuthorCredit(
                author=row.author,
                role=row.role,
                url=index.profile_url(row.author) if index is not None else None,
            )
            for row in rows[page.pk]
        ]
    return result
