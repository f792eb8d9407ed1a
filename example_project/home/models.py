from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ankasam_pubs.conf import pubs_settings
from ankasam_pubs.models import AnalysisIndexPage, AnalysisPage
from ankasam_pubs.pages.blocks import PlainBodyBlock
from ankasam_pubs.pages.listing import with_card_data
from ankasam_pubs.pages.mixins import PubsPageMixin
from ankasam_pubs.visibility import offered, published_analyses


class HomePage(PubsPageMixin, Page):
    """The example site's home: an introduction and the latest analyses."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [AnalysisIndexPage, "ankasam_pubs.AuthorIndexPage", "home.StandardPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest"] = list(
            with_card_data(published_analyses(AnalysisPage, locale_id=self.locale_id, within=self))[
                :6
            ]
        )
        context["indexes"] = list(
            offered(AnalysisIndexPage.objects.child_of(self).filter(locale_id=self.locale_id))
        )
        return context


class StandardPage(Page):
    """A plain Wagtail page (about, contact…); also the benchmarks' baseline."""

    body = StreamField(PlainBodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    subpage_types: list[str] = []


class PlainListPage(Page):
    """The benchmarks' baseline for listings (benchmarks/bench_pages.py): a plain Wagtail
    page with an introduction and its live, public child pages, newest first, a page of
    ``INDEX_PAGE_SIZE`` at a time, each with title, date and search description. It
    stands for the analysis index and for an author profile (the introduction holds the
    biography); editors never create one.
    """

    intro = models.TextField(_("introduction"), blank=True)

    is_creatable = False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().order_by("-first_published_at")
        context["children"] = Paginator(children, pubs_settings.INDEX_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return context
