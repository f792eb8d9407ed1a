"""Reader search: what goes into the search index, how a reader's query is read, and
what a result shows.

Built on Wagtail's search framework, so the host's configured backend serves it (the
database backend by default: SQLite FTS5, PostgreSQL full text). Words are stemmed by
the app itself, in the page's language (:mod:`ankasam_pubs.stems`), before they reach
the backend, on both sides: the index holds stems and queries are stemmed the same
way. A backend has one text-search configuration for every page, so a site in English,
Turkish and Russian would otherwise stem two of them with the wrong rules.
"""
