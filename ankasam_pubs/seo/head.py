"""What an analysis says about itself in ``<head>``: canonical URL, description,
OpenGraph, Twitter card and Google Scholar's Highwire Press tags.

:func:`head_metadata` is pure: it takes plain values the page gathered and returns
name/content pairs; the template only prints them (Django escapes every value).
Scholar tags follow Google Scholar's inclusion guidelines: one ``citation_author``
per author in order, dates as ``YYYY/MM/DD``, ``citation_reference`` per cited work.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..footnotes.sources import Source
from ..languages import og_locale as og_locale  # OpenGraph's language_TERRITORY


def scholar_date(value: datetime.date | datetime.datetime | None) -> str:
    return value.strftime("%Y/%m/%d") if value else ""


@dataclass(frozen=True)
class HeadInput:
    title: str
    url: str
    language: str
    description: str = ""
    site_name: str = ""
    publisher: str = ""
    is_report: bool = False
    series: str = ""
    series_number: str = ""
    published: datetime.date | None = None
    online: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    authors: list[tuple[str, str | None]] = field(default_factory=list)  # (name, profile URL)
    topics: list[str] = field(default_factory=list)
    image_url: str = ""
    image_alt: str = ""
    translations: list[str] = field(default_factory=list)  # language codes of live versions
    doi: str = ""
    pdf_url: str = ""
    references: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class HeadMetadata:
    canonical: str
    description: str
    properties: list[tuple[str, str]]  # <meta property=… content=…> (OpenGraph)
    names: list[tuple[str, str]]  # <meta name=… content=…> (Twitter, Scholar)


def reference_text(source: Source) -> str:
    """A ``citation_reference`` value in the key=value form Scholar parses."""
    parts = [("citation_author", name.inverted) for name in source.authors if name.display]
    parts += [
        ("citation_title", source.title),
        ("citation_journal_title", source.container_title),
        ("citation_publisher", source.publisher),
        ("citation_publication_date", str(source.issued.year) if source.issued else ""),
        ("citation_volume", source.volume),
        ("citation_issue", source.issue),
        ("citation_doi", source.doi),
        ("citation_pdf_url" if source.url.lower().endswith(".pdf") else "citation_url", source.url),
    ]
    # Semicolons separate the pairs: keep them out of the values.
    return "; ".join(
        f"{key}={' '.join(value.replace(';', ',').split())}" for key, value in parts if value
    )


def head_metadata(data: HeadInput, *, scholar: bool) -> HeadMetadata:
    """Everything for the head; ``scholar`` is False for pages Scholar must not index
    (previews, drafts, pages behind a view restriction)."""
    description = " ".join(data.description.split())
    properties = [
        ("og:type", "article"),
        ("og:title", data.title),
        ("og:url", data.url),
        ("og:locale", og_locale(data.language)),
        *(("og:locale:alternate", og_locale(code)) for code in data.translations),
    ]
    if description:
        properties.append(("og:description", description))
    if data.site_name:
        properties.append(("og:site_name", data.site_name))
    if data.image_url:
        properties.append(("og:image", data.image_url))
        if data.image_alt:
            properties.append(("og:image:alt", data.image_alt))
    if data.published:
        properties.append(("article:published_time", data.published.isoformat()))
    if data.modified:
        properties.append(("article:modified_time", data.modified.isoformat()))
    properties += [("article:author", url or name) for name, url in data.authors]
    if data.series:
        properties.append(("article:section", data.series))
    properties += [("article:tag", topic) for topic in data.topics]

    names = [
        ("twitter:card", "summary_large_image" if data.image_url else "summary"),
        ("twitter:title", data.title),
    ]
    if description:
        names.append(("twitter:description", description))
    if data.image_url:
        names.append(("twitter:image", data.image_url))

    if scholar:
        names.append(("citation_title", data.title))
        names += [("citation_author", name) for name, _url in data.authors]
        if data.published:
            names.append(("citation_publication_date", scholar_date(data.published)))
        if data.online:
            names.append(("citation_online_date", scholar_date(data.online)))
        names.append(("citation_language", data.language))
        if data.publisher:
            names.append(("citation_publisher", data.publisher))
            if data.is_report:
                names.append(("citation_technical_report_institution", data.publisher))
        if data.is_report and data.series_number:
            names.append(("citation_technical_report_number", data.series_number))
        if data.series:
            names.append(("citation_series_title", data.series))
        if data.doi:
            names.append(("citation_doi", data.doi))
        if data.pdf_url:
            names.append(("citation_pdf_url", data.pdf_url))
        names.append(("citation_abstract_html_url", data.url))
        names += [("citation_reference", reference_text(source)) for source in data.references]
    return HeadMetadata(
        canonical=data.url, description=description, properties=properties, names=names
    )
