"""What an analysis says about itself to search engines, Scholar and other sites: the
head metadata (canonical, OpenGraph, Twitter, Highwire tags), schema.org JSON-LD and
share links. One concern of the analysis page, composed by :mod:`ankasam_pubs.pages`.

Which pages may carry what follows :mod:`ankasam_pubs.visibility`: Scholar tags,
``hreflang`` and JSON-LD only on a page that may be offered; an alias's canonical
link names its original.
"""

from __future__ import annotations

from django.conf import settings

from ..authors.identity import person_jsonld
from ..conf import pubs_settings
from ..footnotes.citations import bare_doi
from ..footnotes.exports import reference_items
from ..visibility import canonical_page, is_offered, is_preview, is_served
from .absolute import site_url
from .head import HeadInput, HeadMetadata, head_metadata
from .jsonld import jsonld
from .share import share_links


def site_name(page, request) -> str:
    """The Wagtail site's name (read once per request)."""
    site = getattr(request, "_ankasam_pubs_site", None)
    if site is None:
        site = request._ankasam_pubs_site = page.get_site() or False
    return site.site_name if site and site.site_name else ""


def publisher_name(page, request) -> str:
    """``ORGANISATION_NAME``, else the Wagtail site's name."""
    return pubs_settings.ORGANISATION_NAME or site_name(page, request)


def absolute_url(page, request, path: str) -> str:
    """``path`` on the page's site (the host its canonical URL uses), so every URL in
    the head agrees with the canonical one."""
    return site_url(path, request, page)


def head_for(page, request, credits, translations, numbering, topics) -> HeadMetadata:
    """The head of an analysis page from what its context already holds."""
    canonical = canonical_page(page)
    url = canonical.get_full_url(request) or ""
    image_url = image_alt = ""
    if page.lead_image_id:
        image = page.lead_image
        image_url = absolute_url(page, request, image.get_rendition("fill-1200x630").url)
        image_alt = getattr(image, "default_alt_text", "") or image.title
    series = page.series
    references = [source for _id, source in reference_items(numbering)]
    return head_metadata(
        HeadInput(
            title=page.seo_title or page.title,
            url=url,
            language=page.locale.language_code,
            description=page.search_description or page.summary,
            site_name=site_name(page, request),
            publisher=publisher_name(page, request),
            is_report=bool(series and series.is_report),
            series=series.name if series else "",
            series_number=page.series_number,
            published=page.publication_date,
            online=page.first_published_at,
            modified=page.last_published_at,
            authors=[
                (c.author.display_name, absolute_url(page, request, c.url) if c.url else None)
                for c in credits
                if c.is_cited
            ],
            topics=[topic.name for topic in topics],
            image_url=image_url,
            image_alt=image_alt,
            translations=[version.language_code for version in translations],
            doi=bare_doi(page.doi),
            pdf_url=absolute_url(page, request, page.pdf.url) if page.pdf_id else "",
            references=references,
        ),
        scholar=is_offered(page, request),
    )


def share_links_for(page, request) -> list:
    """Share links of the page's canonical address; none for drafts and previews."""
    if not is_served(page) or is_preview(request):
        return []
    url = canonical_page(page).get_full_url(request)
    return share_links(url, page.title, pubs_settings.SHARE_NETWORKS) if url else []


def _cited_work(source) -> dict:
    """A note's source as a schema.org ``CreativeWork``."""
    work: dict = {"@type": "CreativeWork", "name": source.title or source.container_title}
    # A name entered as "Family, Given" is a person; anything else is an organisation's
    # full name (the source form says so), and schema.org types follow that choice.
    authors = [
        {"@type": "Organization" if name.literal else "Person", "name": name.display}
        for name in source.authors
        if name.display
    ]
    if authors:
        work["author"] = authors
    if source.container_title and source.title:
        work["isPartOf"] = source.container_title
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.issued:
        work["datePublished"] = source.issued.isoformat()
    if source.doi:
        work["identifier"] = f"https://doi.org/{bare_doi(source.doi)}"
    if source.url:
        work["url"] = source.url
    return work


def article_jsonld(
    page, credits, request, translations=(), numbering=None, topics=None
) -> str | None:
    """JSON-LD text for a live page, safe inside ``<script>``; None for drafts, previews
    and aliases (the original describes the work).

    ``translations`` are the live, public language versions (the default language's
    version is the original: it lists the others as ``workTranslation``, they point
    back with ``translationOfWork``); ``numbering`` gives the cited works.
    """
    if not is_served(page) or is_preview(request) or page.alias_of_id:
        return None
    organisation = pubs_settings.ORGANISATION_NAME
    authors = []
    for credit in credits:
        if not credit.is_cited:
            continue
        image = None
        if credit.author.portrait_id:
            rendition = credit.author.portrait.get_rendition("fill-400x400")
            image = absolute_url(page, request, rendition.url)
        url = absolute_url(page, request, credit.url) if credit.url else None
        authors.append(
            person_jsonld(credit.author, url=url, image=image, organisation=organisation)
        )
    series = page.series
    data = {
        "@context": "https://schema.org",
        "@type": "Report" if series and series.is_report else "ScholarlyArticle",
        "headline": page.title,
        "inLanguage": page.locale.language_code,
        "datePublished": page.publication_date.isoformat(),
        "url": page.get_full_url(request),
        "author": authors,
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    if page.summary:
        data["abstract"] = page.summary
    if organisation:
        data["publisher"] = {"@type": "Organization", "name": organisation}
    if series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": series.name}
        if page.series_number:
            data["isPartOf"]["position"] = page.series_number
    if page.doi:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": bare_doi(page.doi),
            "url": f"https://doi.org/{bare_doi(page.doi)}",
        }
        data["sameAs"] = f"https://doi.org/{bare_doi(page.doi)}"
    if page.lead_image_id:
        data["image"] = absolute_url(
            page, request, page.lead_image.get_rendition("fill-1200x630").url
        )
    topics = [topic.name for topic in (page.topics.all() if topics is None else topics)]
    if topics:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
    if page.pdf_id:
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": absolute_url(page, request, page.pdf.url),
        }
    if numbering is not None:
        cited = [_cited_work(source) for _id, source in reference_items(numbering)]
        if cited:
            data["citation"] = cited
    versions = [
        {
            "@type": data["@type"],
            "inLanguage": v.language_code,
            "url": absolute_url(page, request, v.url),
        }
        for v in translations
    ]
    if versions:
        default = settings.LANGUAGE_CODE
        if page.locale.language_code == default:
            data["workTranslation"] = versions
        else:
            original = [v for v in versions if v["inLanguage"] == default]
            if original:
                data["translationOfWork"] = original[0]
            others = [v for v in versions if v["inLanguage"] != default]
            if others:
                data["workTranslation"] = others
    return jsonld(data)


class AnalysisMetadataMixin:
    """Page mixin: ``head``, ``article_jsonld`` and ``share_links`` of an analysis, from
    the ``credits``, ``translations``, ``numbering`` and ``topics`` its other concerns
    put in the context (so it comes first among the page's bases)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        credits, translations = context["credits"], context["translations"]
        numbering, topics = context["numbering"], context["topics"]
        context["head"] = head_for(self, request, credits, translations, numbering, topics)
        context["article_jsonld"] = article_jsonld(
            self, credits, request, translations, numbering, topics
        )
        context["share_links"] = share_links_for(self, request)
        return context
