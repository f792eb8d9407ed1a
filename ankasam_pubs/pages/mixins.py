"""The abstract page mixins a site builds its pages on, each a composition of concerns.

Like Wagtail's ``AbstractForm``, the mixins hold fields and behaviour; the concrete
classes in :mod:`ankasam_pubs.pages.models` add what needs a concrete model to point
at (ordered authors, tags) and nothing else. Each concern lives in its own package and
knows nothing of the others; only this layer puts them together:

=========================  ==================================================
concern                    piece
=========================  ==================================================
cache headers, serving     :class:`ankasam_pubs.caching.serving.CacheHeadersMixin`
feed autodiscovery         :class:`ankasam_pubs.seo.feeds.FeedLinksMixin`
switcher and ``hreflang``  :class:`ankasam_pubs.translations.live.LanguageVersionsMixin`
similar posts              :class:`ankasam_pubs.similar.display.SimilarPostsMixin`
reader search (indexing)   :class:`ankasam_pubs.search.indexing.AnalysisSearchMixin`
head metadata, JSON-LD     :class:`ankasam_pubs.seo.analysis.AnalysisMetadataMixin`
the analysis itself        :class:`.analysis.AnalysisContentMixin`
an index's listing         :class:`.index.AnalysisIndexContentMixin`
an authors index           :class:`.authors.AuthorIndexPageMixin`
=========================  ==================================================
"""

from __future__ import annotations

from urllib.parse import urlencode

from ..registry import ANALYSIS_AUTHORS, NOTES
from ..search.indexing import AnalysisSearchMixin
from ..seo.analysis import AnalysisMetadataMixin
from ..similar.display import SimilarPostsMixin
from .analysis import AnalysisContentMixin
from .authors import AuthorIndexPageMixin
from .base import PubsPageMixin
from .index import AnalysisIndexContentMixin
from .snapshot import SnapshotMixin


class AnalysisIndexPageMixin(SnapshotMixin, PubsPageMixin, AnalysisIndexContentMixin):
    """An index of analyses: listing and filters, plus what every page of the app has."""

    snapshot_regions = {
        "head": PubsPageMixin.head_template,
        "content": "ankasam_pubs/includes/analysis_index_content.html",
    }

    def snapshot_variant(self, request, *args, **kwargs) -> str | None:
        # A search is answered from the search index, which its task updates after the
        # publication: never kept. Filters and page numbers are plain queries.
        if request.GET.get("q", "").strip():
            return None
        return urlencode(sorted(request.GET.lists()), doseq=True)

    class Meta:
        abstract = True


class AnalysisPageMixin(
    SnapshotMixin,
    AnalysisMetadataMixin,
    SimilarPostsMixin,
    AnalysisSearchMixin,
    PubsPageMixin,
    AnalysisContentMixin,
):
    """An analysis. The snapshot comes first (a kept rendering spares all the rest),
    then the metadata: it reads what the others put in the context (credits,
    translations, numbering, topics)."""

    head_template = "ankasam_pubs/includes/head/analysis.html"
    snapshot_regions = {
        "head": head_template,
        "content": "ankasam_pubs/includes/analysis_content.html",
    }

    class Meta:
        abstract = True


__all__ = [
    "ANALYSIS_AUTHORS",
    "NOTES",
    "AnalysisIndexPageMixin",
    "AnalysisPageMixin",
    "AuthorIndexPageMixin",
    "PubsPageMixin",
]
