"""schema.org description of an analysis (ScholarlyArticle, or Report for report series)."""

from __future__ import annotations

from django.conf import settings

from ..authors.identity import person_jsonld
from ..conf import pubs_settings
from ..footnotes.citations import bare_doi
from ..footnotes.exports import reference_items
from ..seo.jsonld import jsonld


def _cited_work(source) -> dict:
    """A note's source as a schema.org ``CreativeWork``."""
    work: dict = {"@type": "CreativeWork", "name": source.title or source.container_title}
    authors = [name.display for name in source.authors if name.display]
    if authors:
        work["author"] = [{"@type": "Person", "name": name} for name in authors]
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
    """JSON-LD text for a live page, safe inside ``<script>``; None for drafts/previews.

    ``translations`` are the live, public language versions (the default language's
    version is the original: it lists the others as ``workTranslation``, they point
    back with ``translationOfWork``); ``numbering`` gives the cited works.
    """
    if not page.live or getattr(request, "is_preview", False):
        return None
    organisation = pubs_settings.ORGANISATION_NAME
    authors = []
    for credit in credits:
        if credit.role == "translator":
            continue
        image = None
        if credit.author.portrait_id:
            rendition = credit.author.portrait.get_rendition("fill-400x400")
            image = page.absolute_url(request, rendition.url)
        url = page.absolute_url(request, credit.url) if credit.url else None
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
        data["image"] = page.absolute_url(
            request, page.lead_image.get_rendition("fill-1200x630").url
        )
    topics = [topic.name for topic in (page.topics.all() if topics is None else topics)]
    if topics:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
    if page.pdf_id:
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": page.absolute_url(request, page.pdf.url),
        }
    if numbering is not None:
        cited = [_cited_work(source) for _id, source in reference_items(numbering)]
        if cited:
            data["citation"] = cited
    versions = [
        {
            "@type": data["@type"],
            "inLanguage": v.language_code,
            "url": page.absolute_url(request, v.url),
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
