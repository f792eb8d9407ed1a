"""Read analysis pages into engine documents: the one place that knows page models.

A page qualifies when it is live, public (no view restriction on it or an ancestor),
not an alias and not expired. Everything else in this package only ever sees the
qualifying pages this module returns.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.db.models import Prefetch, QuerySet
from wagtail.models import Page

from ..conf import pubs_settings
from ..pages.text import plain_text
from .engine import DEFAULT_WEIGHTS, Document, Params


def analysis_models() -> list[type[Page]]:
    """Every concrete page class built on the analysis mixin (ours and the host's)."""
    from ..pages.mixins import AnalysisPageMixin

    return [
        model
        for model in apps.get_models()
        if issubclass(model, AnalysisPageMixin) and issubclass(model, Page)
    ]


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
    )


def qualifying(model: type[Page], locale_id: int | None = None) -> QuerySet:
    queryset = model.objects.live().public().filter(alias_of__isnull=True, expired=False)
    if locale_id is not None:
        queryset = queryset.filter(locale_id=locale_id)
    return queryset


def _authors_relation(model) -> str | None:
    from ..pages.mixins import ANALYSIS_AUTHORS

    try:
        model._meta.get_field(ANALYSIS_AUTHORS)
    except Exception:  # noqa: BLE001 - a host's analysis class may have no credits
        return None
    return ANALYSIS_AUTHORS


def collect(locale_id: int, page_ids: Iterable[int] | None = None) -> list[Document]:
    """Qualifying analyses of one locale (all, or only those of ``page_ids``) as documents.

    A fixed number of queries per analysis model, whatever the number of pages.
    """
    from wagtail.models import Locale

    language = Locale.objects.get(pk=locale_id).language_code
    documents: list[Document] = []
    ids = None if page_ids is None else list(page_ids)
    for model in analysis_models():
        queryset = qualifying(model, locale_id)
        if ids is not None:
            queryset = queryset.filter(pk__in=ids)
        authors = _authors_relation(model)
        prefetch = [
            Prefetch("topics", queryset=model.topics.rel.model.objects.only("pk")),
            Prefetch("regions", queryset=model.regions.rel.model.objects.only("pk")),
        ]
        if authors:
            related = model._meta.get_field(authors).related_model
            prefetch.append(
                Prefetch(authors, queryset=related.objects.only("pk", "page", "author"))
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
