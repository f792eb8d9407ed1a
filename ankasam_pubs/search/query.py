"""Running a reader's query: the ranked ids of the analyses that match it.

Which analyses may match is never decided here: the caller passes the queryset the
visibility rule allows (an index's listing, the API's set), and the backend is asked
only for matches among those.

With Wagtail's database backend, the matches are read from Wagtail's own index tables
directly. On PostgreSQL the backend tests ``title || body`` against the query, which no
index can answer, so every query read every row (160 ms at 10,000 analyses); asking
"each word in the title or in the body" lets PostgreSQL use the GIN index of each
column. On SQLite the backend ranks every row it joins (1.2 s at 10,000); a single
FTS5 ``MATCH`` ranked by ``bm25()`` reads only the matching rows. Every other backend
(a search engine) is asked through Wagtail's search API.
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

from ..registry import analysis_query_models
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
    if not hasattr(allowed.model, "get_search_text"):
        # A set of several analysis classes (the API's, on a host with more than one)
        # is searched class by class: each class's rows are indexed under its own type.
        ids = []
        for model in analysis_query_models():
            ids += _ranked(
                model.objects.filter(pk__in=allowed.values("pk")), words, language, operator
            )
        return ids[:MAX_RESULTS]
    return _ranked(allowed, words, language, operator)


def _ranked(allowed: QuerySet, words, language: str, operator: str) -> list[int]:
    ids = _direct_matches(allowed, words, operator)
    if ids is None:
        ids = _backend_matches(allowed, words, operator)
    texts = {
        pk: (title, summary)
        for pk, title, summary in allowed.model.objects.filter(pk__in=ids).values_list(
            "pk", "title", "summary"
        )
    }
    return rerank(ids, texts, words, language)


def _direct_matches(allowed: QuerySet, words, operator: str) -> list[int] | None:
    """The matches read from the database backend's own tables; None for other backends."""
    backend = get_search_backend()
    kind = type(backend).__name__
    if connection.vendor == "postgresql" and kind == "PostgresSearchBackend":
        return _postgres_matches(allowed, words, operator, getattr(backend, "config", None))
    if connection.vendor == "sqlite" and kind == "SQLiteSearchBackend":
        return _sqlite_matches(allowed, words, operator)
    return None


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


def _sqlite_matches(allowed: QuerySet, words, operator: str) -> list[int]:
    from wagtail.search.models import IndexEntry

    # Words are letters and digits only (ankasam_pubs.stems), so quoting them is safe.
    each = ["(" + " OR ".join(f'"{form}"' for form in forms) + ")" for forms in words]
    match = "{title body} : (" + f" {operator.upper()} ".join(each) + ")"
    keys, key_params = (
        allowed.annotate(key=Cast("pk", CharField())).values("key").query.sql_with_params()
    )
    entries = IndexEntry._meta.db_table
    fts = f"{entries}_fts"
    # bm25 weights follow the FTS table's columns: autocomplete, body, title.
    sql = (
        f"SELECT e.object_id FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "  # noqa: S608
        f"WHERE {fts} MATCH %s AND e.content_type_id = %s AND e.object_id IN ({keys}) "
        f"ORDER BY bm25({fts}, 0.0, 1.0, 5.0), e.id LIMIT %s"
    )
    content_type = ContentType.objects.get_for_model(allowed.model).pk
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, content_type, *key_params, MAX_RESULTS])
        return [int(row[0]) for row in cursor.fetchall()]


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
