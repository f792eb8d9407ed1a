"""A backend that asks Elasticsearch or OpenSearch for more-like-this candidates.

For sites whose archive outgrows one process: text candidates come from the index
Wagtail's search backend already keeps (``WAGTAILSEARCH_BACKENDS``), so the web and
task processes hold no text statistics. Taxonomy, recency, privacy, pins, exclusions
and diversity are applied exactly as with the in-process backend, and the results go
into the same tables.

Privacy does not depend on the search index: its hits are only candidates, and only
pages that qualify in the database (live, public, not aliases) are ever kept.

The backend speaks plain JSON over HTTP (``urllib``), so it needs no Elasticsearch
client library. Subclass it to change the index name, fields or transport.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import urllib.request
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from .. import engine
from ..documents import analysis_models
from .base import SimilarPostsBackend

Transport = Callable[[str, str, dict], dict]


def index_conventions() -> dict[str, str]:
    """How Wagtail's Elasticsearch backends name the page index and its content-type field.

    Wagtail 7.1+ delegates search to django-modelsearch (index ``<INDEX_PREFIX>wagtailcore_page``,
    field ``_django_content_type``); Wagtail 7.0 names it ``<INDEX>__wagtailcore_page`` with
    a ``content_type`` field.
    """
    if importlib.util.find_spec("modelsearch") is not None:
        return {"index": "{prefix}wagtailcore_page", "content_type": "_django_content_type"}
    return {"index": "{prefix}__wagtailcore_page", "content_type": "content_type"}


def http_transport(base_url: str, timeout: float = 10.0) -> Transport:
    """POST JSON to ``base_url`` + path; user:password in the URL becomes basic auth."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"Search backend URL must be http or https, not {base_url!r}")
    headers = {"Content-Type": "application/json"}
    if parts.username:
        token = f"{parts.username}:{parts.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(token).decode()
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    root = urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))

    def send(method: str, path: str, body: dict) -> dict:
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            root + path, data=json.dumps(body).encode(), headers=headers, method=method
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return json.load(response)

    return send


class SearchBackend(SimilarPostsBackend):
    #: Alias in ``WAGTAILSEARCH_BACKENDS`` whose server and index are asked.
    search_alias = "default"
    #: Terms the search engine picks from each page for its query (as ES's default).
    max_query_terms = 25
    #: Hits asked for per page; more than the reserve, as some may not qualify here.
    hits = 50

    def __init__(self, transport: Transport | None = None):
        config = dict(getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get(self.search_alias, {}))
        conventions = index_conventions()
        if "modelsearch" in conventions["content_type"]:
            prefix = config.get("INDEX_PREFIX", "")
        else:
            prefix = config.get("INDEX", "wagtail")
        self.index = conventions["index"].format(prefix=prefix)
        self.content_type_field = conventions["content_type"]
        if transport is None:
            urls = config.get("URLS") or ["http://localhost:9200"]
            transport = http_transport(urls[0] if isinstance(urls, list | tuple) else urls)
        self.transport = transport

    # -- what is asked -------------------------------------------------------------------

    def fields(self) -> list[str]:
        """Indexed text fields compared: the title and the analysis's summary and body."""
        fields = ["title"]
        for model in analysis_models():
            prefix = f"{model._meta.app_label.lower()}_{model.__name__.lower()}__"
            for name in ("summary", "body"):
                field = prefix + name
                if field not in fields:
                    fields.append(field)
        return fields

    def content_types(self) -> list[str]:
        return sorted(f"{m._meta.app_label}.{m.__name__}" for m in analysis_models())

    def query(self, key: int, locale_id: int) -> dict:
        return {
            "size": self.hits,
            "_source": False,
            "query": {
                "bool": {
                    "must": [
                        {
                            "more_like_this": {
                                "fields": self.fields(),
                                "like": [{"_index": self.index, "_id": str(key)}],
                                "min_term_freq": 1,
                                "min_doc_freq": 1,
                                "max_query_terms": self.max_query_terms,
                            }
                        }
                    ],
                    "filter": [
                        {"term": {"live_filter": True}},
                        {"term": {"locale_id_filter": locale_id}},
                        {"terms": {self.content_type_field: self.content_types()}},
                    ],
                }
            },
        }

    def text_candidates(self, key: int, locale_id: int) -> dict[int, float]:
        """Hits for the page, scores scaled so the best hit is 1.0 (like a cosine's range)."""
        response = self.transport("POST", f"/{self.index}/_search", self.query(key, locale_id))
        hits = response.get("hits", {}).get("hits", [])
        scores = {}
        for hit in hits:
            try:
                scores[int(hit["_id"])] = float(hit["_score"])
            except (KeyError, TypeError, ValueError):
                continue  # a document this app did not index: not a page id
        best = max(scores.values(), default=0.0)
        return {k: s / best for k, s in scores.items()} if best > 0 else {}

    # -- the backend interface -----------------------------------------------------------

    def _reserve(self, doc, index: engine.Index, locale_id: int, params) -> list:
        text = self.text_candidates(doc.key, locale_id)
        _text_postings, taxonomy_postings = index.postings()
        keys = {k for k in text if k in index.documents}
        for term in doc.taxonomy:
            keys.update(k for k, _w in taxonomy_postings.get(term, ()))
        keys.discard(doc.key)
        combine = index.scorer.combine
        scores = (
            (
                k,
                combine(
                    text.get(k, 0.0),
                    engine.dot(doc.taxonomy, index.documents[k].taxonomy),
                    doc.date,
                    index.documents[k].date,
                ),
            )
            for k in keys
        )
        return engine.top(scores, params)

    def build(self, documents, params, progress=None, *, locale_id: int = 0):
        counted = engine.count(documents, params)
        stats = engine.corpus_stats(counted)
        idf = stats.idf_table()
        indexed = [engine.index_document(item, stats, params, idf) for item in counted]
        index = engine.Index(indexed, params)
        total = len(indexed)
        for done, doc in enumerate(indexed, start=1):
            doc.reserve = self._reserve(doc, index, locale_id, params)
            if progress is not None:
                progress("search", done, total)
        return stats, indexed

    def reserve_for(self, doc, index, scores, params, *, locale_id: int = 0):
        index.forget_postings()  # the corpus just changed
        return self._reserve(doc, index, locale_id, params)
