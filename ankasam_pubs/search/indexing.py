"""What an analysis puts into the search index: the stems of its text, field by field.

Stems go in beside Wagtail's own fields (the raw title, summary and body stay, so
the admin's page search works as before). The title's stems are indexed under the
name ``title`` because the database backend on SQLite ranks only ``title`` apart from
``body``. Weights are given twice: as each field's boost (PostgreSQL, search engines)
and by repeating a field's stems (:data:`REPEAT`), because SQLite's BM25 scores the
whole row by term frequency and ignores boosts; a repeated title stem counts more
there too.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail.search import index

from ..registry import ANALYSIS_AUTHORS, NOTES, credits_model
from ..text import plain_text
from .text import stemmed


@dataclass(frozen=True)
class SearchText:
    """An analysis's searchable text, unstemmed, by weight."""

    title: str
    summary: str
    body: str
    sources: str
    people: str
    labels: str


def search_text(page) -> SearchText:
    """Everything a reader may search an analysis by (a pure read of the page)."""
    notes = list(getattr(page, NOTES).all()) if hasattr(page, NOTES) else []
    comments = [strip_tags(note.comment) for note in notes if note.comment]
    sources = []
    for note in notes:
        for source in note.get_sources():
            sources += [source.title, source.container_title, source.publisher]
            sources += [name.display for name in source.authors]
    people = []
    if credits_model(type(page)) is not None:
        codes = [code for code, _name in settings.LANGUAGES]
        for credit in getattr(page, ANALYSIS_AUTHORS).all():
            profile = credit.author
            names = {getattr(profile, f"display_name_{code}", "") or "" for code in codes}
            people += sorted(filter(None, names | {profile.display_name}))
    with override(page.locale.language_code):
        labels = [term.name for term in (*page.topics.all(), *page.regions.all())]
        if page.series_id:
            labels.append(page.series.name)
    return SearchText(
        title=page.title,
        summary=page.summary,
        body="\n".join([plain_text(page.body.raw_data), *comments]),
        sources="\n".join(filter(None, sources)),
        people="\n".join(people),
        labels="\n".join(filter(None, labels)),
    )


#: How often each part's stems are written into the index: its weight on SQLite.
REPEAT = {"title": 4, "summary": 2, "labels": 2, "people": 2, "sources": 1, "body": 1}


class StemmedTitle(index.SearchField):
    """The title's stems, under the name ``title`` (see the module's docstring)."""

    def __init__(self, **kwargs):
        super().__init__("title", **kwargs)

    def get_value(self, obj) -> str:
        return obj.search_stems("title")


#: The stemmed fields and their weights: a title match counts most, the body least.
SEARCH_FIELDS = [
    StemmedTitle(boost=5),
    index.SearchField("search_summary", boost=3),
    index.SearchField("search_labels", boost=2),
    index.SearchField("search_people", boost=2),
    index.SearchField("search_sources", boost=1.5),
    index.SearchField("search_body"),
]


class AnalysisSearchMixin:
    """An analysis's side of search: its text, read once per indexing, as stems."""

    def get_search_text(self) -> SearchText:
        cached = getattr(self, "_search_text", None)
        if cached is None:
            cached = self._search_text = search_text(self)
        return cached

    def search_stems(self, part: str) -> str:
        stems = stemmed(getattr(self.get_search_text(), part), self.locale.language_code)
        return " ".join([stems] * REPEAT[part]) if stems else ""

    def search_summary(self) -> str:
        return self.search_stems("summary")

    def search_labels(self) -> str:
        return self.search_stems("labels")

    def search_people(self) -> str:
        return self.search_stems("people")

    def search_sources(self) -> str:
        return self.search_stems("sources")

    def search_body(self) -> str:
        return self.search_stems("body")

    @classmethod
    def get_indexed_objects(cls):
        """Everything :func:`search_text` reads, fetched in a fixed number of queries."""
        queryset = super().get_indexed_objects().select_related("locale", "series")
        related = ["topics", "regions", NOTES]
        if credits_model(cls) is not None:
            related.append(f"{ANALYSIS_AUTHORS}__author")
        return queryset.prefetch_related(*related)
