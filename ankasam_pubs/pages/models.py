"""The concrete page classes: thin, everything else lives in the mixins."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from ..authors.models import AuthorRole, byline_role
from ..footnotes.models import AbstractNote
from ..registry import ANALYSIS_AUTHORS, NOTES
from .mixins import AnalysisIndexPageMixin, AnalysisPageMixin, AuthorIndexPageMixin


class AbstractAnalysisAuthor(Orderable):
    """One credit on an analysis; a host's own page class subclasses this with its key."""

    author = models.ForeignKey(
        "ankasam_pubs.AuthorProfile",
        verbose_name=_("author"),
        on_delete=models.PROTECT,  # a profile that signs analyses is never deleted silently
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.AUTHOR
    )

    panels = [FieldPanel("author"), FieldPanel("role")]

    @property
    def byline_role(self) -> str:
        return byline_role(self.role)

    class Meta(Orderable.Meta):
        abstract = True


class AnalysisIndexPage(AnalysisIndexPageMixin, Page):
    subpage_types = ["ankasam_pubs.AnalysisPage"]
    template = "ankasam_pubs/analysis_index_page.html"

    class Meta:
        verbose_name = _("analysis index page")
        verbose_name_plural = _("analysis index pages")


class AnalysisPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "ankasam_pubs.AnalysisPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class AnalysisPage(AnalysisPageMixin, Page):
    tags = ClusterTaggableManager(through=AnalysisPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["ankasam_pubs.AnalysisIndexPage"]
    subpage_types: list[str] = []
    template = "ankasam_pubs/analysis_page.html"

    content_panels = AnalysisPageMixin.content_panels + [
        InlinePanel(ANALYSIS_AUTHORS, heading=_("Authors"), label=_("author"), min_num=0),
        FieldPanel("tags"),
        InlinePanel(NOTES, heading=_("Notes"), label=_("note"), classname="ap-notes-panel"),
        MultiFieldPanel(
            [
                InlinePanel("similar_pins", label=_("Pinned")),
                InlinePanel("similar_exclusions", label=_("Excluded")),
            ],
            heading=_("Similar posts"),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")


class AnalysisAuthor(AbstractAnalysisAuthor):
    page = ParentalKey(AnalysisPage, on_delete=models.CASCADE, related_name=ANALYSIS_AUTHORS)

    class Meta(AbstractAnalysisAuthor.Meta):
        verbose_name = _("author credit")
        verbose_name_plural = _("author credits")


class AnalysisNote(AbstractNote):
    page = ParentalKey(AnalysisPage, on_delete=models.CASCADE, related_name=NOTES)

    class Meta(AbstractNote.Meta):
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [
            models.UniqueConstraint(fields=["page", "uid"], name="ankasam_pubs_note_uid_per_page")
        ]


class AuthorIndexPage(AuthorIndexPageMixin, Page):
    """Experts of the centre, and each author's profile at ``<this page>/<slug>/``."""

    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "ankasam_pubs/author_index_page.html"

    class Meta:
        verbose_name = _("authors index page")
        verbose_name_plural = _("authors index pages")
