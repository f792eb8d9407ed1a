"""Series, topics and regions: one row each, labels translated with modeltranslation.

They are snippets editors manage, never hard-coded choices. The same row serves every
language version of an analysis, so taxonomies match across languages by identity.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in addresses and filters; the same for every language."),
    )
    description = models.TextField(_("description"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name or self.slug


class Series(TaxonomyTerm):
    """Analysis, Commentary, Bulletin, Interview, Report… as the centre defines them."""

    is_report = models.BooleanField(
        _("report series"),
        default=False,
        help_text=_("Analyses of a report series are described to search engines as reports."),
    )

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("series")
        verbose_name_plural = _("series")


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Region(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
