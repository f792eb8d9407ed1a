"""Which analyses use a taxonomy term or an author profile (to refuse unsafe deletes)."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Model, Q

from ..authors.models import AuthorProfile
from ..taxonomy.models import Region, Series, Topic
from .mixins import ANALYSIS_AUTHORS, AnalysisPageMixin


def analysis_models() -> list[type[Model]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, AnalysisPageMixin) and not model._meta.abstract
    ]


def _lookup(obj: Model) -> Q | None:
    if isinstance(obj, Series):
        return Q(series=obj)
    if isinstance(obj, Topic):
        return Q(topics=obj)
    if isinstance(obj, Region):
        return Q(regions=obj)
    if isinstance(obj, AuthorProfile):
        return Q(**{f"{ANALYSIS_AUTHORS}__author": obj})
    return None


def analyses_using(obj: Model) -> list:
    """Every analysis (any language, live or draft) that uses ``obj``, by title."""
    lookup = _lookup(obj)
    if lookup is None:
        return []
    needs_credits = isinstance(obj, AuthorProfile)
    found = []
    for model in analysis_models():
        if needs_credits and not hasattr(model, ANALYSIS_AUTHORS):
            continue  # a host page class without author credits cannot use a profile
        found.extend(model.objects.filter(lookup).distinct().order_by("title"))
    return found
