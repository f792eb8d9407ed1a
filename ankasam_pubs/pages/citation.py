"""Cite this analysis: the analysis itself as a source, in Chicago, APA and the exports.

Pure functions over plain data: :func:`analysis_source` turns the page's fields into
a :class:`~ankasam_pubs.footnotes.sources.Source`, the same type the notes use, so the
BibTeX, RIS and CSL-JSON exports are shared with the notes. Chicago (bibliography) and
APA (7th edition, report) are formatted here, labels and month names in the reader's
language.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils import dateformat
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, override, pgettext

from ..footnotes.citations import author_list_and, bare_doi, long_date
from ..footnotes.exports import FORMATS as EXPORT_FORMATS
from ..footnotes.sources import Name, PartialDate, Source, SourceType
from ..languages import apa_date_format

# Message ids used here: "and" and "&" (context "citation author list": Chicago and APA
# author lists), "No." (report number in APA). Dates: ankasam_pubs.languages.

_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Citation:
    style: str
    label: str
    html: SafeString
    text: str  # the same without markup, for copying and the text/plain download


def author_name(profile) -> Name:
    """A profile's name for a citation: its sortable name "Family, Given" when set,
    else the display name split before its last word."""
    sortable = Name.parse(profile.sort_name or "")
    if sortable.family:
        return sortable
    display = " ".join((profile.display_name or "").split())
    if " " in display:
        given, family = display.rsplit(" ", 1)
        return Name(family=family, given=given)
    return Name(literal=display)


def analysis_source(
    *,
    title: str,
    authors: list[Name],
    date: datetime.date,
    url: str,
    series: str = "",
    series_number: str = "",
    publisher: str = "",
    doi: str = "",
) -> Source:
    def line(text: str) -> str:
        # Every cite format is line-based or shown in a line: a typed newline is a space.
        return " ".join(text.split())

    return Source(
        type=SourceType.REPORT,
        authors=tuple(authors),
        title=line(title),
        container_title=line(series),
        publisher=line(publisher),
        issued=PartialDate(date.year, date.month, date.day),
        url=url,
        issue=line(series_number),
        doi=bare_doi(doi),
    )


def _bdi(text: str) -> str:
    """A name or title isolated from the words around it (escaped HTML)."""
    return str(format_html("<bdi>{}</bdi>", text))


def _link(source: Source) -> str:
    return f"https://doi.org/{source.doi}" if source.doi else source.url


def _apa_date(source: Source, language: str) -> str:
    """APA's "2023, March 17": the year, then month and day in the language's order."""
    issued = source.issued
    if not issued.month:
        return str(issued.year)
    day = datetime.date(issued.year, issued.month, issued.day or 1)
    return dateformat.format(day, apa_date_format(language))


def _closed(text: str) -> str:
    """The mark that ends a title: none after its own ".", "?" or "!" (no "?.")."""
    return "" if text.rstrip().endswith((".", "?", "!", "…")) else "."


def _url_html(url: str) -> SafeString:
    return format_html('<a href="{}">{}</a>', url, url) if url else SafeString("")


def chicago(source: Source, language: str) -> SafeString:
    """Chicago bibliography entry: ``Demir, Ayşe, and Ivan Petrov. <i>Title</i>. Analysis
    2023/14. Centre, March 17, 2023. https://…``"""
    with override(language):
        names = [n for n in source.authors if n.display]
        if names:
            texts = [names[0].inverted] + [n.display for n in names[1:]]
            shown = [_bdi(text) for text in texts]
            if len(shown) > 1:
                conjunction = escape(author_list_and())
                serial = "," if len(shown) > 2 or language == "en" else ""
                people = ", ".join(shown[:-1]) + f"{serial} {conjunction} {shown[-1]}"
            else:
                people = shown[0]
            people = people if texts[-1].endswith(".") else people + "."
        else:
            people = ""
        series = " ".join(_bdi(p) for p in (source.container_title, source.issue) if p)
        date = long_date(source.issued, language)
        publisher = _bdi(source.publisher) if source.publisher else ""
        parts = [
            mark_safe(people),  # noqa: S308 - escaped names joined
            format_html("<i><bdi>{}</bdi></i>{}", source.title, _closed(source.title)),
            mark_safe(series + ".") if series else "",  # noqa: S308 - escaped parts
            mark_safe(", ".join(p for p in (publisher, escape(date)) if p) + "."),  # noqa: S308
            _url_html(_link(source)) + (mark_safe(".") if _link(source) else ""),
        ]
        return mark_safe(" ".join(str(p) for p in parts if p))  # noqa: S308 - escaped parts


def _apa_name(name: Name) -> str:
    if name.literal:
        return name.literal
    initials = " ".join(f"{part[0]}." for part in re.split(r"[\s]+", name.given) if part)
    return f"{name.family}, {initials}" if initials else name.family


def apa(source: Source, language: str) -> SafeString:
    """APA 7 report reference: ``Demir, A., & Petrov, I. (2023, March 17). <i>Title</i>
    (Analysis No. 2023/14). Centre. https://…``"""
    with override(language):
        names = [_bdi(_apa_name(n)) for n in source.authors if n.display]
        if len(names) > 1:
            ampersand = escape(pgettext("citation author list", "&"))
            people = ", ".join(names[:-1]) + f", {ampersand} " + names[-1]
        else:
            people = "".join(names)
        date = _apa_date(source, language)
        number = ""
        if source.issue:
            series = _bdi(source.container_title) if source.container_title else ""
            number = mark_safe(  # noqa: S308 - escaped parts
                f"{series} {escape(gettext('No.'))} {_bdi(source.issue)}".strip()
            )
        title = format_html("<i><bdi>{}</bdi></i>", source.title)
        if number:
            title = format_html("{} ({}).", title, number)
        else:
            title = format_html("{}{}", title, _closed(source.title))
        publisher = source.publisher
        ending = "" if publisher.endswith(".") else "."
        parts = [
            mark_safe(people) if people else "",  # noqa: S308 - escaped names joined
            escape(f"({date})."),
            title,
            format_html("<bdi>{}</bdi>{}", publisher, ending) if publisher else "",
            _url_html(_link(source)),
        ]
        if not people:  # APA: with no author, the title moves to the front
            parts = [parts[2], parts[1], *parts[3:]]
        return mark_safe(" ".join(str(p) for p in parts if p))  # noqa: S308 - escaped parts


def plain(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(_TAGS.sub("", html))


def citations(source: Source, language: str) -> list[Citation]:
    result = []
    for style, label, formatter in (("chicago", "Chicago", chicago), ("apa", "APA", apa)):
        html = formatter(source, language)
        result.append(Citation(style=style, label=label, html=html, text=plain(html)))
    return result


#: url segment -> (content type, file extension); chicago/apa are plain text.
CITE_FORMATS = {
    "chicago": ("text/plain; charset=utf-8", "txt"),
    "apa": ("text/plain; charset=utf-8", "txt"),
    **{key: (content_type, ext) for key, (content_type, ext, _s) in EXPORT_FORMATS.items()},
}


def cite(source: Source, export_format: str, language: str, citation_id: str) -> str:
    """The analysis as ``export_format`` (a key of :data:`CITE_FORMATS`)."""
    if export_format == "chicago":
        return plain(chicago(source, language)) + "\n"
    if export_format == "apa":
        return plain(apa(source, language)) + "\n"
    return EXPORT_FORMATS[export_format][2]([(citation_id, source)])
