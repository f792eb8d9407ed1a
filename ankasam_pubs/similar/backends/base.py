"""The interface every similar-posts backend implements."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .. import engine


class SimilarPostsBackend:
    """Finds each document's best candidates (its *reserve*).

    The service reads pages, applies pins, exclusions and diversity, and writes the
    tables; a backend only decides which candidates score how much.
    """

    def build(
        self,
        documents: Sequence[engine.Document],
        params: engine.Params,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> tuple[engine.Stats, list[engine.Indexed]]:
        raise NotImplementedError

    def reserve_for(
        self,
        doc: engine.Indexed,
        index: engine.Index,
        scores: dict[int, tuple[float, float]],
        params: engine.Params,
    ) -> list[tuple[int, float]]:
        """The reserve of a page that was just published or changed."""
        raise NotImplementedError
