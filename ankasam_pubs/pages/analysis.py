"""The analysis itself: its fields, notes, credits, citation and exports.

One concern of the analysis page; :mod:`.mixins` composes it with the others (cache
headers, language versions, feeds, similar posts, head metadata).
"""

from __future__ import annotations

import datetime

from django.db import models
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..authors.credits import AuthorCredit, credits_for
from ..conf import pubs_settings
from ..footnotes.exports import FORMATS, reference_items
from ..footnotes.numbering import Numbering, iter_rich_texts, number_notes
from ..registry import NOTES, AnalysisKind
from ..search.indexing import SEARCH_FIELDS
from ..seo.analysis import publisher_name
from ..text import plain_text, reading_minutes, reading_time_label
from ..translations.status import TranslationStatusPanel
from .article import render_article
from .blocks import AnalysisBodyBlock
from .citation import CITE_FORMATS, analysis_source, author_name, citations, cite
from .forms import AnalysisPageForm
from .validators import validate_doi

EXPORT_LINKS = (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON"))


class AnalysisContentMixin(AnalysisKind, RoutablePageMixin, models.Model):
    """An analysis: summary, series, date, lead image, body, topics, regions, notes."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=1000,
        help_text=_("The dek: one or two sentences shown under the title and in listings."),
    )
    series = models.ForeignKey(
        "ankasam_pubs.Series",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(AnalysisBodyBlock(), blank=True, verbose_name=_("body"))
    series_number = models.CharField(
        _("number in series"),
        max_length=40,
        blank=True,
        help_text=_('Shown with the series name, e.g. "2023/14" for "Analysis 2023/14".'),
    )
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_('The analysis\'s own DOI, e.g. "10.12345/ankasam.2023.14".'),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Offered for download and to Google Scholar."),
    )
    topics = ParentalManyToManyField("ankasam_pubs.Topic", blank=True, verbose_name=_("topics"))
    regions = ParentalManyToManyField("ankasam_pubs.Region", blank=True, verbose_name=_("regions"))

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("series"),
                FieldPanel("series_number"),
                FieldPanel("publication_date"),
                FieldPanel("topics"),
                FieldPanel("regions"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("lead_image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("doi"), FieldPanel("pdf")],
            heading=_("Identifiers and files"),
        )
    ]
    search_fields = (
        Page.search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("publication_date"),
        ]
        + SEARCH_FIELDS
    )

    base_form_class = AnalysisPageForm

    #: Fields whose rich text may reference notes, in document order (StreamFields are
    #: walked block by block, nested blocks included; RichTextFields are taken whole).
    note_fields: tuple[str, ...] = ("body",)

    class Meta:
        abstract = True

    def get_cached_paths(self) -> list[str]:
        """The page and its exports, for front-end cache purges."""
        return (
            ["/"]
            + [self.reverse_subpage("cite", args=[key]) for key in CITE_FORMATS]
            + [self.reverse_subpage("references", args=[key]) for key in FORMATS]
        )

    # -- notes -----------------------------------------------------------------------
    def get_notes(self) -> list:
        related = getattr(self, NOTES, None)
        return list(related.all()) if related is not None else []

    def get_numbering(self) -> Numbering:
        """Notes numbered by first reference in ``note_fields`` (a pure computation)."""
        return number_notes(
            self.get_notes(), iter_rich_texts(getattr(self, name) for name in self.note_fields)
        )

    def get_export_links(self) -> list[tuple[str, str]]:
        return [
            (label, self.url + self.reverse_subpage("references", args=[key]))
            for key, label in EXPORT_LINKS
        ]

    @path("references/<str:export_format>/", name="references")
    def references_export(self, request, export_format: str):
        """The page's cited works as BibTeX, RIS or CSL-JSON, for reference managers."""
        if export_format not in FORMATS:
            raise Http404
        content_type, extension, serialise = FORMATS[export_format]
        body = serialise(reference_items(self.get_numbering()))
        response = HttpResponse(body, content_type=content_type)
        filename = f"{self.slug}-references.{extension}"
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response

    # -- credits ---------------------------------------------------------------------
    def get_authors(self) -> list[AuthorCredit]:
        """The ordered credits, each with its profile's page in this page's language.

        A fixed number of queries whatever the number of authors (credits with their
        profiles and portraits, portrait renditions, the authors index).
        """
        return credits_for([self], portraits=True)[self.pk]

    # -- citing this analysis --------------------------------------------------------
    @path("cite/<str:export_format>/", name="cite")
    def cite_export(self, request, export_format: str):
        """This analysis as a reference: Chicago or APA text, BibTeX, RIS or CSL-JSON."""
        if export_format not in CITE_FORMATS:
            raise Http404
        content_type, extension = CITE_FORMATS[export_format]
        source = self.get_citation_source(request)
        language = self.locale.language_code
        body = cite(source, export_format, language, citation_id=self.citation_key())
        response = HttpResponse(body, content_type=content_type)
        filename = f"{self.slug}-{export_format}.{extension}"
        response["Content-Disposition"] = content_disposition_header(True, filename)
        response["Content-Language"] = language
        return response

    def citation_key(self) -> str:
        cited = [c for c in self.get_authors() if c.is_cited]
        family = author_name(cited[0].author).family if cited else ""
        stem = slugify(family or self.slug.split("-")[0], allow_unicode=False) or "analysis"
        return f"{stem}-{self.publication_date.year}"

    def get_citation_source(self, request, credits=None):
        credits = self.get_authors() if credits is None else credits
        series = self.series
        return analysis_source(
            title=self.title,
            authors=[author_name(c.author) for c in credits if c.is_cited],
            date=self.publication_date,
            url=self.get_full_url(request) or "",
            series=series.name if series else "",
            series_number=self.series_number,
            publisher=publisher_name(self, request),
            doi=self.doi,
        )

    def get_cite_links(self) -> list[tuple[str, str]]:
        return [
            (label, self.url + self.reverse_subpage("cite", args=[key]))
            for key, label in EXPORT_LINKS
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["credits"] = credits = self.get_authors()
        context["numbering"] = self.get_numbering()
        context["topics"] = list(self.topics.all())
        context["regions"] = list(self.regions.all())
        context["article"] = render_article(self, request)
        language = self.locale.language_code
        context["citations"] = citations(self.get_citation_source(request, credits), language)
        context["cite_links"] = self.get_cite_links()
        speeds = pubs_settings.WORDS_PER_MINUTE
        minutes = reading_minutes(plain_text(self.body.raw_data), language, speeds)
        context["reading_time"] = reading_time_label(minutes, language)
        return context
