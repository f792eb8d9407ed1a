"""Django's model registry entry point; each concern keeps its models in its own package."""

from .authors.models import AuthorProfile, AuthorRole
from .caching.models import Generation
from .footnotes.models import AbstractNote, CitationSettings
from .importers.wordpress.models import ImportedWordPressItem
from .pages.models import (
    AbstractAnalysisAuthor,
    AnalysisAuthor,
    AnalysisIndexPage,
    AnalysisNote,
    AnalysisPage,
    AnalysisPageTag,
    AuthorIndexPage,
)
from .similar.models import (
    SimilarityCorpus,
    SimilarityDocument,
    SimilarPost,
    SimilarPostExclusion,
    SimilarPostPin,
)
from .taxonomy.models import Region, Series, Topic

__all__ = [
    "AbstractAnalysisAuthor",
    "AbstractNote",
    "AnalysisNote",
    "CitationSettings",
    "Generation",
    "ImportedWordPressItem",
    "AnalysisAuthor",
    "AnalysisIndexPage",
    "AnalysisPage",
    "AnalysisPageTag",
    "AuthorIndexPage",
    "AuthorProfile",
    "AuthorRole",
    "Region",
    "Series",
    "SimilarityCorpus",
    "SimilarityDocument",
    "SimilarPost",
    "SimilarPostExclusion",
    "SimilarPostPin",
    "Topic",
]
