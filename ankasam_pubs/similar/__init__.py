"""Similar posts: a precomputed, same-language relevance list for every live analysis.

Layout, following the data flow:

* :mod:`.text` turns text into stemmed terms, per language (pure).
* :mod:`.engine` weighs terms, scores pairs and picks a list (pure).
* :mod:`.documents` reads pages into engine documents (the only part that knows pages).
* :mod:`.service` computes lists with the engine and stores them in :mod:`.models`' tables.
* :mod:`.tasks` and :mod:`.signals` keep the tables fresh after each commit.
* :mod:`.display` reads pages' lists in at most two queries for templates and the API.
"""
