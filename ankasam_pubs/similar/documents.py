"""Read analysis pages into engine documents: the one place that knows page models.

A page qualifies when it may be offered to readers (:mod:`ankasam_pubs.visibility`).
Everything else in this package only ever sees the qualifying pages this module
returns.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet
from wagtail.models import Locale, Page

from ..conf import pubs_settings
from ..registry import ANALYSIS_AUTHORS, analysis_query_models, credits_model
from ..text import plain_text
from ..visibility import offered
from .engine import DEFAULT_WEIGHTS, Document, Params


def params() -> Params:
    """Engine parameters from the ``ANKASAM_PUBS`` settings."""
    weights = dict(DEFAULT_WEIGHTS)
    weights.update(pubs_settings.SIMILAR_POSTS_WEIGHTS)
    return Params(
        weights=weights,
        count=pubs_settings.SIMILAR_POSTS_COUNT,
        reserve=max(24, 4 * pubs_settings.SIMILAR_POSTS_COUNT),
        half_life_days=pubs_settings.SIMILAR_POSTS_HALF_LIFE_DAYS,
        max_per_author=pubs_settings.SIMILAR_POSTS_MAX_PER_AUTHOR,
        max_per_series=pubs_settings.SIMILAR_POSTS_MAX_PER_SERIES,
        infer_from=pubs_settings.SIMILAR_POSTS_NEIGHBOURS_TAXONOMY,
    )


def qualifying(model: type[Page], locale_id: int | None = None) -> QuerySet:
    queryset = offered(model.objects.all())
    if locale_id is not None:
        queryset = queryset.filter(locale_id=locale_id)
    return queryset


def collect(locale_id: int, page_ids: Iterable[int] | None = None) -> list[Document]:
    """Qualifying analyses of one locale (all, or only those of ``page_ids``) as documents.

    A fixed number of queries per analysis model, whatever the number of pages.
    """
    language = Locale.objects.get(pk=locale_id).language_code
    documents: list[Document] = []
    ids = None if page_ids is None else list(page_ids)
    for model in analysis_query_models():
        queryset = qualifying(model, locale_id)
        if ids is not None:
            queryset = queryset.filter(pk__in=ids)
        authors = ANALYSIS_AUTHORS if credits_model(model) is not None else None
        prefetch = [
            Prefetch("topics", queryset=model.topics.rel.model.objects.only("pk")),
            Prefetch("regions", queryset=model.regions.rel.model.objects.only("pk")),
        ]
        if authors:
            prefetch.append(
                Prefetch(
                    authors, queryset=credits_model(model).objects.only("pk", "page", "author")
                )
            )
        queryset = queryset.only(
            "pk", "title", "summary", "body", "series_id", "publication_date", "locale_id"
        ).prefetch_related(*prefetch)
        for page in queryset.iterator(chunk_size=500):
            documents.append(document_for(page, language, authors))
    documents.sort(key=lambda d: d.key)
    return documents


def document_for(page, language: str, authors_relation: str | None = None) -> Document:
    taxonomy = {
        "topics": frozenset(t.pk for t in page.topics.all()),
        "regions": frozenset(r.pk for r in page.regions.all()),
        "series": frozenset({page.series_id} if page.series_id else ()),
        "authors": frozenset(credit.author_id for credit in getattr(page, authors_relation).all())
        if authors_relation
        else frozenset(),
    }
    date = page.publication_date
    return Document(
        key=page.pk,
        language=language,
        title=page.title,
        summary=page.summary or "",
        body=plain_text(page.body.raw_data),
        taxonomy=taxonomy,
        date=date.toordinal() if date else 0,
    )
