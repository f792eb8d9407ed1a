"""Running a reader's query: the ranked ids of the analyses that match it.

Which analyses may match is never decided here: the caller passes the queryset the
visibility rule allows (an index's listing, the API's set), and the backend is asked
only for matches among those.

On PostgreSQL with Wagtail's database backend, the matches are read from Wagtail's own
index table directly: the backend tests ``title || body`` against the query, which no
index can answer, so every query read every row (275 ms at 10,000 analyses); asking
"each word in the title or in the body" lets PostgreSQL use the GIN index of each
column. Every other backend is asked through Wagtail's search API.
"""

from __future__ import annotations

import operator as operators
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, CharField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from .text import query_terms, rerank

#: At most this many matches are ranked and listed (100 pages of 10): a query that
#: matches more is too broad to read through, and the bound keeps every step cheap.
MAX_RESULTS = 1000


def ranked_ids(allowed: QuerySet, query: str, language: str, *, operator: str = "and") -> list[int]:
    """Ids of the analyses in ``allowed`` matching every word of ``query`` (any word
    with ``operator="or"``), stemmed in ``language``, best first. Raises
    :class:`.text.QueryTooLong`."""
    words = query_terms(query, language)
    if not words:
        return []
    backend = get_search_backend()
    if connection.vendor == "postgresql" and type(backend).__name__ == "PostgresSearchBackend":
        ids = _postgres_matches(allowed, words, operator, getattr(backend, "config", None))
    else:
        ids = _backend_matches(allowed, words, operator)
    texts = {
        pk: (title, summary)
        for pk, title, summary in allowed.model.objects.filter(pk__in=ids).values_list(
            "pk", "title", "summary"
        )
    }
    return rerank(ids, texts, words, language)


def _backend_matches(allowed: QuerySet, words, operator: str) -> list[int]:
    candidates = allowed.model.objects.filter(pk__in=allowed.values("pk")).only("pk")
    each = [
        Or([PlainText(form) for form in forms]) if len(forms) > 1 else PlainText(forms[0])
        for forms in words
    ]
    search = (And if operator == "and" else Or)(each) if len(each) > 1 else each[0]
    return [page.pk for page in candidates.search(search, order_by_relevance=True)[:MAX_RESULTS]]


def _postgres_matches(allowed: QuerySet, words, operator: str, config) -> list[int]:
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from wagtail.search.models import IndexEntry

    def word(forms):
        return reduce(
            operators.or_, (SearchQuery(form, search_type="plain", config=config) for form in forms)
        )

    per_word = [word(forms) for forms in words]
    join = operators.and_ if operator == "and" else operators.or_
    whole = reduce(join, per_word)
    # The same weights as the backend: a title match counts as much as the whole body.
    rank = SearchRank(F("title"), whole) * 5 + SearchRank(F("body"), whole)
    keys = allowed.annotate(key=Cast("pk", CharField())).values("key")
    rows = (
        IndexEntry.objects.filter(
            reduce(join, [Q(title=query) | Q(body=query) for query in per_word]),
            content_type=ContentType.objects.get_for_model(allowed.model),
            object_id__in=keys,
        )
        .annotate(rank=rank)
        .order_by("-rank", "id")
        .values_list("object_id", flat=True)[:MAX_RESULTS]
    )
    return [int(key) for key in rows]


def ranked_ids_by_language(allowed: QuerySet, query: str, *, operator: str = "and") -> list[int]:
    """:func:`ranked_ids` over pages of several languages: each language's pages are
    searched with that language's stems (an index holds each page's stems in its own
    language), and the lists follow one another in the order of ``LANGUAGES``; scores of
    different languages are not comparable."""
    present = set(allowed.values_list("locale__language_code", flat=True).distinct())
    ids: list[int] = []
    for code in [code for code, _name in settings.LANGUAGES if code in present] + sorted(
        present - {code for code, _name in settings.LANGUAGES}
    ):
        mine = allowed.filter(locale__language_code=code)
        ids += ranked_ids(mine, query, code, operator=operator)
    return ids


def in_rank_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """``queryset`` limited to ``ids`` and ordered as they are."""
    if not ids:
        return queryset.none()
    rank = Case(
        *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(rank)
