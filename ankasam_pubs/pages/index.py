"""An index of analyses: the listing of its own language, with the reader's filters.

One concern of the index page; :mod:`.mixins` composes it with the others.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..caching import generations
from ..conf import pubs_settings
from ..registry import AnalysisIndexKind
from ..visibility import may_be_restricted, published_analyses
from .base import MAY_BE_RESTRICTED
from .listing import build_listing


class AnalysisIndexContentMixin(AnalysisIndexKind, models.Model):
    """Lists the analyses of its own language a reader may see, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    #: The concrete analysis model listed; a host with its own analysis class sets it.
    analysis_model: str = "ankasam_pubs.AnalysisPage"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_analysis_model(self):
        return apps.get_model(self.analysis_model)

    def get_analyses(self):
        return published_analyses(self.get_analysis_model(), locale_id=self.locale_id, within=self)

    def route(self, request, path_components):
        """An analysis below the index in one query, with its locale, the generations and
        whether a view restriction could apply (which then need no query of their own),
        where Wagtail asks twice (the child, then its specific page); anything else as
        Wagtail routes it."""
        if path_components:
            child = (
                self.get_analysis_model()
                .objects.child_of(self)
                .select_related("locale")
                .annotate(**generations.annotations(), **{MAY_BE_RESTRICTED: may_be_restricted()})
                .filter(slug=path_components[0])
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self
                generations.remember(request, child)
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_cached_paths(self) -> list[str]:
        """The listing and its numbered pages, for front-end cache purges."""
        pages = -(-self.get_analyses().count() // pubs_settings.INDEX_PAGE_SIZE)
        return ["/"] + [f"/?page={number}" for number in range(2, pages + 1)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = build_listing(
            self.get_analyses(),
            request.GET,
            page_size=pubs_settings.INDEX_PAGE_SIZE,
            language=self.locale.language_code,
        )
        return context
