"""Behaviour of analysis pages, as abstract mixins a host can build its pages on.

Like Wagtail's ``AbstractForm``, the mixins hold fields and behaviour; the concrete
classes in :mod:`ankasam_pubs.pages.models` add what needs a concrete model to point
at (ordered authors, tags) and nothing else.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

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

from ..caching.headers import is_restricted
from ..caching.headers import serve as cached_serve
from ..conf import pubs_settings
from ..footnotes.citations import bare_doi
from ..footnotes.exports import FORMATS, reference_items
from ..footnotes.forms import NotesPageForm
from ..footnotes.numbering import Numbering, iter_rich_texts, number_notes
from ..seo.feeds import feed_links
from ..seo.head import HeadInput, HeadMetadata, head_metadata
from ..seo.share import share_links
from ..similar.display import similar_posts
from ..translations.live import alternate_links, live_translations
from ..translations.status import TranslationStatusPanel
from .article import render_article
from .blocks import AnalysisBodyBlock
from .citation import CITE_FORMATS, analysis_source, author_name, citations, cite
from .jsonld import article_jsonld
from .listing import build_listing, published_analyses
from .text import plain_text, reading_minutes, reading_time_label
from .validators import validate_doi


@dataclass(frozen=True)
class AuthorCredit:
    author: object  # AuthorProfile
    role: str
    url: str | None  # the profile page in the reader's language, if the site has one


def authors_index_for(locale_id: int):
    """The live authors index page of a language (the first, if a site has several)."""
    from django.apps import apps

    model = apps.get_model("ankasam_pubs", "AuthorIndexPage")
    return model.objects.live().filter(locale_id=locale_id).order_by("path").first()


# Related name a concrete analysis page gives its ordered authors (see AbstractAnalysisAuthor).
ANALYSIS_AUTHORS = "analysis_authors"
# Related name a concrete analysis page gives its notes (see AbstractNote).
NOTES = "notes"


def _site_name(page, request) -> str:
    site = getattr(request, "_ankasam_pubs_site", None)
    if site is None:
        site = request._ankasam_pubs_site = page.get_site() or False
    return site.site_name if site and site.site_name else ""


class PubsPageMixin:
    """What every page of the app puts in its template context."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ankasam_pubs_base_template"] = pubs_settings.BASE_TEMPLATE
        context["ankasam_pubs_stylesheet"] = pubs_settings.STYLESHEET
        context["translations"] = live_translations(self)
        context["alternates"] = alternate_links(self, context["translations"], request)
        context["feed_links"] = feed_links(self)
        return context

    def serve(self, request, *args, **kwargs):
        # Cache-Control, Vary, Content-Language and ETag (ankasam_pubs.caching.headers).
        return cached_serve(self, request, partial(super().serve, request, *args, **kwargs))


class AnalysisIndexPageMixin(PubsPageMixin, models.Model):
    """Lists live, public analyses of its own language, newest first, with filters."""

    intro = models.TextField(_("introduction"), blank=True)

    #: The concrete analysis model listed; a host with its own analysis class sets it.
    analysis_model: str = "ankasam_pubs.AnalysisPage"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_analysis_model(self):
        from django.apps import apps

        return apps.get_model(self.analysis_model)

    def get_analyses(self):
        return published_analyses(self.get_analysis_model(), locale_id=self.locale_id, within=self)

    def get_cached_paths(self) -> list[str]:
        """The listing and its numbered pages, for front-end cache purges."""
        pages = -(-self.get_analyses().count() // pubs_settings.INDEX_PAGE_SIZE)
        return ["/"] + [f"/?page={number}" for number in range(2, pages + 1)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = build_listing(
            self.get_analyses(), request.GET, page_size=pubs_settings.INDEX_PAGE_SIZE
        )
        return context


class AnalysisPageMixin(RoutablePageMixin, PubsPageMixin, models.Model):
    """An analysis: summary, series, date, lead image, body, topics, regions."""

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
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
    ]

    base_form_class = NotesPageForm

    #: Fields whose rich text may reference notes, in document order (StreamFields are
    #: walked block by block, nested blocks included; RichTextFields are taken whole).
    note_fields: tuple[str, ...] = ("body",)

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        # Every route (the page, its cite/ and references/ exports) gets cache headers.
        return cached_serve(self, request, partial(super().serve, request, *args, **kwargs))

    def get_cached_paths(self) -> list[str]:
        """The page and its exports, for front-end cache purges."""
        return (
            ["/"]
            + [self.reverse_subpage("cite", args=[key]) for key in CITE_FORMATS]
            + [self.reverse_subpage("references", args=[key]) for key in FORMATS]
        )

    def get_notes(self) -> list:
        related = getattr(self, NOTES, None)
        return list(related.all()) if related is not None else []

    def get_numbering(self) -> Numbering:
        """Notes numbered by first reference in ``note_fields`` (a pure computation)."""
        return number_notes(
            self.get_notes(), iter_rich_texts(getattr(self, name) for name in self.note_fields)
        )

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
        credits = [c for c in self.get_authors() if c.role != "translator"]
        family = author_name(credits[0].author).family if credits else ""
        stem = slugify(family or self.slug.split("-")[0], allow_unicode=False) or "analysis"
        return f"{stem}-{self.publication_date.year}"

    def get_citation_source(self, request, credits=None):
        credits = self.get_authors() if credits is None else credits
        series = self.series
        return analysis_source(
            title=self.title,
            authors=[author_name(c.author) for c in credits if c.role != "translator"],
            date=self.publication_date,
            url=self.get_full_url(request) or "",
            series=series.name if series else "",
            series_number=self.series_number,
            publisher=pubs_settings.ORGANISATION_NAME or _site_name(self, request),
            doi=self.doi,
        )

    def get_cite_links(self) -> list[tuple[str, str]]:
        return [
            (label, self.url + self.reverse_subpage("cite", args=[key]))
            for key, label in (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON"))
        ]

    def absolute_url(self, request, path: str) -> str:
        """``path`` on this page's site (the host its canonical URL uses), so every URL
        in the head agrees with the canonical one."""
        if path.startswith(("http://", "https://")):
            return path
        parts = self.get_url_parts(request)  # site root paths are cached on the request
        if parts is not None and parts[1]:
            return parts[1] + path
        return request.build_absolute_uri(path)

    def is_public_for_scholar(self, request) -> bool:
        """Live, not a preview, no view restriction on it or an ancestor."""
        if not self.live or getattr(request, "is_preview", False):
            return False
        return not is_restricted(self, request)

    def get_head_metadata(
        self, request, credits, translations, numbering, topics=None
    ) -> HeadMetadata:
        topics = list(self.topics.all()) if topics is None else topics
        url = self.get_full_url(request) or ""
        image_url = image_alt = ""
        if self.lead_image_id:
            image = self.lead_image
            image_url = self.absolute_url(request, image.get_rendition("fill-1200x630").url)
            image_alt = getattr(image, "default_alt_text", "") or image.title
        series = self.series
        references = [source for _id, source in reference_items(numbering)]
        return head_metadata(
            HeadInput(
                title=self.seo_title or self.title,
                url=url,
                language=self.locale.language_code,
                description=self.search_description or self.summary,
                site_name=_site_name(self, request),
                publisher=pubs_settings.ORGANISATION_NAME or _site_name(self, request),
                is_report=bool(series and series.is_report),
                series=series.name if series else "",
                series_number=self.series_number,
                published=self.publication_date,
                online=self.first_published_at,
                modified=self.last_published_at,
                authors=[
                    (c.author.display_name, self.absolute_url(request, c.url) if c.url else None)
                    for c in credits
                    if c.role != "translator"
                ],
                topics=[topic.name for topic in topics],
                image_url=image_url,
                image_alt=image_alt,
                translations=[version.language_code for version in translations],
                doi=bare_doi(self.doi),
                pdf_url=self.absolute_url(request, self.pdf.url) if self.pdf_id else "",
                references=references,
            ),
            scholar=self.is_public_for_scholar(request),
        )

    def get_share_links(self, request) -> list:
        if not self.live or getattr(request, "is_preview", False):
            return []
        url = self.get_full_url(request)
        return share_links(url, self.title, pubs_settings.SHARE_NETWORKS) if url else []

    def get_export_links(self) -> list[tuple[str, str]]:
        return [
            (label, self.url + self.reverse_subpage("references", args=[key]))
            for key, label in (("bibtex", "BibTeX"), ("ris", "RIS"), ("csl-json", "CSL-JSON"))
        ]

    def get_authors(self) -> list[AuthorCredit]:
        """The ordered credits, each with its profile's page in this page's language.

        A fixed number of queries whatever the number of authors (credits with their
        profiles and portraits, portrait renditions, the authors index).
        """
        related = getattr(self, ANALYSIS_AUTHORS, None)
        if related is None:
            return []
        credits = list(
            related.select_related("author", "author__portrait")
            .prefetch_related("author__portrait__renditions")
            .order_by("sort_order")
        )
        index = authors_index_for(self.locale_id) if credits else None
        return [
            AuthorCredit(
                author=credit.author,
                role=credit.role,
                url=index.profile_url(credit.author) if index else None,
            )
            for credit in credits
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["credits"] = credits = self.get_authors()
        numbering = self.get_numbering()
        context["topics"] = topics = list(self.topics.all())
        context["article_jsonld"] = article_jsonld(
            self, credits, request, context["translations"], numbering, topics
        )
        context["regions"] = list(self.regions.all())
        context["article"] = render_article(self, request)
        context["share_links"] = self.get_share_links(request)
        context["similar_posts"] = similar_posts(self, request)
        context["head"] = self.get_head_metadata(
            request, credits, context["translations"], numbering, topics
        )
        language = self.locale.language_code
        context["citations"] = citations(self.get_citation_source(request, credits), language)
        context["cite_links"] = self.get_cite_links()
        minutes = reading_minutes(plain_text(self.body.raw_data), language)
        context["reading_time"] = reading_time_label(minutes, language)
        return context
