"""Django's model registry entry point; each concern keeps its models in its own package."""

from .authors.models import AuthorProfile
from .pages.models import (
    AbstractAnalysisAuthor,
    AnalysisAuthor,
    AnalysisIndexPage,
    AnalysisPage,
    AnalysisPageTag,
    AuthorRole,
)
from .taxonomy.models import Region, Series, Topic

__all__ = [
    "AbstractAnalysisAuthor",
    "AnalysisAuthor",
    "AnalysisIndexPage",
    "AnalysisPage",
    "AnalysisPageTag",
    "AuthorProfile",
    "AuthorRole",
    "Region",
    "Series",
    "Topic",
]
