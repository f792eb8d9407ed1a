"""Which models play which part: analyses, indexes, author indexes, credits, notes.

The page mixins live high up (:mod:`ankasam_pubs.pages`); the code that needs to know
"is this an analysis?" (similar posts, feeds, cache purges, the API, link checks) lives
below them. So the mixins inherit the plain marker classes defined here, and every
lower layer asks this module instead of importing the mixins.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q
from wagtail.models import Page

#: Related name of an analysis page's ordered author credits (see AbstractAnalysisAuthor).
ANALYSIS_AUTHORS = "analysis_authors"
#: Related name of an analysis page's notes (see AbstractNote).
NOTES = "notes"


class PubsPage:
    """Marker: a page type of the app (analysis, analysis index, authors index)."""


class AnalysisKind(PubsPage):
    """Marker: an analysis page type (``AnalysisPageMixin`` inherits it)."""


class AnalysisIndexKind(PubsPage):
    """Marker: an index of analyses (``AnalysisIndexPageMixin`` inherits it)."""


class AuthorIndexKind(PubsPage):
    """Marker: an authors index with profile routes (``AuthorIndexPageMixin``)."""


def page_models(kind: type) -> list[type[Page]]:
    """Every concrete page class built on ``kind`` (the app's and the host's)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, kind) and issubclass(model, Page) and not model._meta.abstract
    ]


def query_models(kind: type) -> list[type[Page]]:
    """The page classes to query for ``kind``, sorted by label: a class whose parent is
    also one of them is left out, since a query on the parent returns its pages too."""
    found = page_models(kind)
    tops = [m for m in found if not any(o is not m and issubclass(m, o) for o in found)]
    return sorted(tops, key=lambda model: model._meta.label)


def analysis_models() -> list[type[Page]]:
    """Every concrete analysis class: for type tests (content types, ``isinstance``)."""
    return page_models(AnalysisKind)


def analysis_query_models() -> list[type[Page]]:
    """The analysis classes to query, each page once (see :func:`query_models`)."""
    return query_models(AnalysisKind)


def is_analysis(page_or_class) -> bool:
    """Whether a page (any class, specific or not) or a page class is an analysis."""
    cls = page_or_class if isinstance(page_or_class, type) else type(page_or_class)
    if isinstance(page_or_class, Page) and not issubclass(cls, AnalysisKind):
        cls = page_or_class.specific_class or cls
    return issubclass(cls, AnalysisKind)


def is_pubs_page(page: Page) -> bool:
    return issubclass(page.specific_class or type(page), PubsPage)


def _related_model(page_model, name: str):
    try:
        return page_model._meta.get_field(name).related_model
    except FieldDoesNotExist:  # a host's class without credits or notes
        return None


def credits_model(page_model):
    """The model of a page class's ordered author credits, or None if it has none."""
    return _related_model(page_model, ANALYSIS_AUTHORS)


def notes_model(page_model):
    """The model of a page class's notes, or None if it has none."""
    return _related_model(page_model, NOTES)


def usage_lookup(page_model, obj: Model) -> Q | None:
    """How ``page_model`` points at ``obj`` (a series, topic, region, profile...):
    through its own fields or through its credits; None if it cannot."""
    target = type(obj)
    lookups = [
        Q(**{field.name: obj})
        for field in page_model._meta.get_fields()
        if field.concrete
        and (field.many_to_one or field.many_to_many)
        and field.related_model is target
    ]
    credits = credits_model(page_model)
    if credits is not None and _related_model(credits, "author") is target:
        lookups.append(Q(**{f"{ANALYSIS_AUTHORS}__author": obj}))
    if not lookups:
        return None
    found = lookups[0]
    for lookup in lookups[1:]:
        found |= lookup
    return found


def analyses_using(obj: Model) -> list[Page]:
    """Every analysis (any language, live or draft) that uses ``obj``, by title."""
    found = []
    for model in analysis_query_models():
        lookup = usage_lookup(model, obj)
        if lookup is not None:
            found.extend(model.objects.filter(lookup).distinct().order_by("title"))
    return found
