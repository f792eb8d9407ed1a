"""Tables of precomputed similar posts, and the editor's pins and exclusions.

Only live, public, non-alias analyses ever get a :class:`SimilarityDocument` or appear
as ``similar`` in :class:`SimilarPost`; the service removes a page from both the
moment it stops qualifying, so the tables never hold a draft's or a private page's row.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable


class SimilarityCorpus(models.Model):
    """Document frequencies of one language's analyses, from the last full rebuild."""

    locale = models.OneToOneField(
        "wagtailcore.Locale", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    documents = models.PositiveIntegerField(default=0)
    frequencies = models.TextField(default="{}")  # JSON: term -> document frequency
    version = models.CharField(max_length=40)
    built_at = models.DateTimeField()

    class Meta:
        verbose_name = _("similarity corpus")
        verbose_name_plural = _("similarity corpora")

    def __str__(self) -> str:
        return f"{self.locale_id}: {self.documents}"


class SimilarityDocument(models.Model):
    """One qualifying analysis as the engine sees it: vectors and its best candidates."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="similarity_document",
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    published = models.DateField(null=True)
    data = models.TextField()  # JSON, see engine.Indexed.to_json
    reserve = models.TextField(default="[]")  # JSON: [[page id, score], ...] best first
    version = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("similarity document")
        verbose_name_plural = _("similarity documents")

    def __str__(self) -> str:
        return str(self.page_id)


class SimilarPost(models.Model):
    """One entry of an analysis's shown list, in rank order."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    similar = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    pinned = models.BooleanField(default=False)
    version = models.CharField(max_length=40)

    class Meta:
        ordering = ["page", "rank"]
        verbose_name = _("similar post")
        verbose_name_plural = _("similar posts")
        constraints = [
            models.UniqueConstraint(fields=["page", "similar"], name="ankasam_pubs_similar_once"),
            models.UniqueConstraint(fields=["page", "rank"], name="ankasam_pubs_similar_rank"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id} #{self.rank}: {self.similar_id}"


class SimilarPostPin(Orderable):
    """An analysis an editor wants shown first among a page's similar posts."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="similar_pins")
    analysis = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("analysis"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Shown first, in this order, while it is live and public. Pick any language "
            "version: each translation shows its own language's version."
        ),
    )

    panels = [PageChooserPanel("analysis")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned similar post")
        verbose_name_plural = _("pinned similar posts")


class SimilarPostExclusion(models.Model):
    """An analysis never to be shown among a page's similar posts."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="similar_exclusions"
    )
    analysis = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("analysis"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Never shown among this page's similar posts, in any language."),
    )

    panels = [PageChooserPanel("analysis")]

    class Meta:
        verbose_name = _("excluded similar post")
        verbose_name_plural = _("excluded similar posts")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.analysis_id}"
