"""The default backend: the pure-Python engine in the web or task process."""

from __future__ import annotations

from .. import engine
from .base import SimilarPostsBackend


class InProcessBackend(SimilarPostsBackend):
    def build(self, documents, params, progress=None, *, locale_id=0):
        return engine.build(documents, params, progress)

    def reserve_for(self, doc, index, scores, params, *, locale_id=0):
        return engine.top(((key, forward) for key, (forward, _back) in scores.items()), params)
