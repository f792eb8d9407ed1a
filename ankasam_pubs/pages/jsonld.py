"""schema.org description of an analysis (ScholarlyArticle, or Report for report series)."""

from __future__ import annotations

from ..authors.identity import person_jsonld
from ..conf import pubs_settings
from ..seo.jsonld import jsonld


def article_jsonld(page, credits, request) -> str | None:
    """JSON-LD text for a live page, safe inside ``<script>``; None for drafts/previews."""
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
            image = request.build_absolute_uri(rendition.url)
        url = request.build_absolute_uri(credit.url) if credit.url else None
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
    return jsonld(data)
