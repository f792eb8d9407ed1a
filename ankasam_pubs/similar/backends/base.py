"""The interface every similar-posts backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

from .. import engine


class SimilarPostsBackend(ABC):
    """Finds each document's best candidates (its *reserve*).

    The service reads pages, applies pins, exclusions and diversity, and writes the
    tables; a backend only decides which candidates score how much.
    """

    @abstractmethod
    def build(
        self,
        documents: Sequence[engine.Document],
        params: engine.Params,
        progress: Callable[[str, int, int], None] | None = None,
        *,
        locale_id: int = 0,
    ) -> tuple[engine.Stats, list[engine.Indexed]]:
        """Statistics, vectors and reserves of one language's qualifying analyses."""

    @abstractmethod
    def reserve_for(
        self,
        doc: engine.Indexed,
        index: engine.Index,
        scores: dict[int, tuple[float, float]],
        params: engine.Params,
        *,
        locale_id: int = 0,
    ) -> list[tuple[int, float]]:
        """The reserve of a page that was just published or changed; ``scores`` holds the
        in-process scores against every other page (``Index.scores_against``)."""
