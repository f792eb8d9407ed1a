"""Pure functions of reader search: the terms of a query, and a result's snippet."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..stems import COMBINING_MARKS, base_language, terms, words
from ..text import MAX_SEARCH_LENGTH

#: A query keeps at most this many distinct stems (more only slow the backend down).
MAX_QUERY_TERMS = 12

# Words with their combining marks (a vowelled Arabic or a Hindi word is one token), and
# the text between them.
_TOKEN = re.compile(rf"(?:\w|[{COMBINING_MARKS}])+|[^\w{COMBINING_MARKS}]+")


class QueryTooLong(ValueError):
    """A query longer than :data:`~ankasam_pubs.text.MAX_SEARCH_LENGTH` characters."""


def query_terms(query: str, language: str) -> list[tuple[str, ...]]:
    """The reader's words as the index is searched for them: each word's stem, and for
    Turkish also the stem of its plural where that differs; every word must match.

    Snowball's Turkish stemmer cuts a bare "liman" to "lima" (it reads the final n as a
    suffix) but "limanlar", "limanları" and "limanda" to "liman"; the plural's stem is
    the one the inflected forms in the index share.
    """
    if len(query) > MAX_SEARCH_LENGTH:
        raise QueryTooLong(query[:20])
    language = base_language(language)
    seen: dict[tuple[str, ...], None] = {}
    for word in words(query, language):
        stems = terms(word, language)
        if not stems:  # a stop word
            continue
        forms = [stems[0]]
        if language == "tr" and not word.endswith(("lar", "ler")):
            forms += terms(word + _turkish_plural(word), language)
        seen.setdefault(tuple(dict.fromkeys(forms)), None)
    return list(seen)[:MAX_QUERY_TERMS]


_FRONT_VOWELS = set("eiöü")
_VOWELS = set("aıoueiöü")


def _turkish_plural(word: str) -> str:
    """The plural suffix vowel harmony gives ``word``: -ler after a front vowel."""
    last = next((c for c in reversed(word) if c in _VOWELS), "a")
    return "ler" if last in _FRONT_VOWELS else "lar"


def rerank(
    ids: list[int], texts: dict[int, tuple[str, str]], words: list[tuple[str, ...]], language: str
) -> list[int]:
    """``ids`` (the backend's order) with the pages whose title holds more of the
    reader's words first, then those whose title and summary do; the backend's order
    within each group. ``texts`` maps an id to its (title, summary).

    Backends weigh fields differently (SQLite's BM25 scores a row as a whole), so the
    rule that a word in the title counts most is applied here, the same everywhere.
    """

    def key(position_and_id):
        position, pk = position_and_id
        title, summary = texts.get(pk, ("", ""))
        in_title = set(terms(title, language))
        in_summary = in_title | set(terms(summary, language))
        return (
            -sum(1 for forms in words if in_title.intersection(forms)),
            -sum(1 for forms in words if in_summary.intersection(forms)),
            position,
        )

    return [pk for _position, pk in sorted(enumerate(ids), key=key)]


def stemmed(text: str, language: str) -> str:
    """``text`` as the index holds it: its stems, in order, separated by spaces."""
    return " ".join(terms(text, language)) if text else ""


def snippet(
    text: str, query: list[tuple[str, ...]], language: str, *, size: int = 30
) -> SafeString:
    """About ``size`` words of ``text`` around the first word matching the query (as
    :func:`query_terms` gives it: any form of any word), escaped, matching words in
    ``<mark>``; the opening words when none matches."""
    tokens = _TOKEN.findall(" ".join(text.split()))
    if not tokens:
        return mark_safe("")
    wanted = {form for forms in query for form in forms}
    word_positions = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    matches = {i for i in word_positions if wanted.intersection(_stems_of(tokens[i], language))}
    first = min(matches) if matches else word_positions[0] if word_positions else 0
    index_of_first = word_positions.index(first) if first in word_positions else 0
    start_word = max(0, index_of_first - size // 3)
    end_word = min(len(word_positions), start_word + size)
    start = word_positions[start_word] if word_positions else 0
    end = word_positions[end_word - 1] + 1 if word_positions else len(tokens)
    parts = ["… " if start_word > 0 else ""]
    for i in range(start, end):
        token = escape(tokens[i])
        parts.append(f"<mark>{token}</mark>" if i in matches else str(token))
    if end_word < len(word_positions):
        parts.append(" …")
    return mark_safe("".join(parts))  # noqa: S308 - every token escaped above


def _stems_of(word: str, language: str) -> set[str]:
    language = base_language(language)
    return set(terms(word, language)) or set(words(word, language))
