"""One footnote citation as safe HTML: the centre's house style or Chicago notes.

Pure functions over :class:`~ankasam_pubs.footnotes.sources.Source`: no database, no
templates. Every piece of source text is escaped; a URL becomes a link only when its
scheme is http or https. Labels are translated with the app's catalogues, inside
``translation.override(language)``.
"""

# Message ids used here (English; translated in ankasam_pubs/locale/*/django.po):
#   "Date of Accession"      house style: "(Date of Accession: 15.03.2023)"
#   "accessed"               Chicago: "accessed March 15, 2023"
#   "Ibid."                  a repeated note, same place
#   "Ibid., %(locator)s."    a repeated note, another place
#   "p."   "pp."             page, pages
#   "para."  "sec."  "ch."   paragraph, section, chapter locators
#   "Vol."  "No."            house style journal volume and issue
#   "no."                    Chicago journal issue: "12, no. 3"
#   "n.d."                   Chicago: no date
#   "and" (context "citation author list")   Chicago author lists
#   "et al."                 Chicago author lists
#   "in %(container)s"       Chicago chapter: "in <i>Book</i>"

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils import dateformat
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop, override, pgettext

from ..languages import base_language, long_date_formats, quotes
from .sources import LocatorLabel, Name, PartialDate, Source, SourceType

STYLES = ("house", "chicago")

_LOCATOR_LABELS = {
    LocatorLabel.PAGE: gettext_noop("p."),
    LocatorLabel.PARAGRAPH: gettext_noop("para."),
    LocatorLabel.SECTION: gettext_noop("sec."),
    LocatorLabel.CHAPTER: gettext_noop("ch."),
}

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_RANGE = re.compile(r"(?<=\w)\s*[-\u2013]\s*(?=\w)")
_TAG = re.compile(r"<[^>]*>")


def bare_doi(doi: str) -> str:
    """``"10.1234/x"`` from a DOI written bare, as ``doi:…`` or as a doi.org URL."""
    return _DOI_PREFIX.sub("", (doi or "").strip()).strip()


def format_citation(source: Source, *, style: str, language: str) -> SafeString:
    """The full note for ``source`` in ``style`` (one of :data:`STYLES`), as safe HTML."""
    _check_style(style)
    with override(language):
        if style == "house":
            return _house(source)
        return _chicago(source, _language_key(language))


def format_ibid(source: Source, previous: Source, *, style: str, language: str) -> SafeString:
    """The short form of a note citing the same work as the note just before it.

    Plain "Ibid." when the place cited is the same (or none is given), "Ibid., 12." when
    it differs. If ``source`` is not the same work as ``previous`` the full citation is
    returned instead.
    """
    _check_style(style)
    if source.identity != previous.identity:
        return format_citation(source, style=style, language=language)
    with override(language):
        same_place = not source.locator or (
            source.locator == previous.locator and source.locator_label == previous.locator_label
        )
        if same_place:
            return mark_safe(escape(gettext("Ibid.")))  # noqa: S308 - escaped just here
        locator = _locator(source, spell_page=False).rstrip(".")
        return mark_safe(escape(gettext("Ibid., %(locator)s.")) % {"locator": locator})  # noqa: S308


# -- shared helpers -----------------------------------------------------------------------


def _check_style(style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}; expected one of {STYLES}")


def _language_key(language: str) -> str:
    return base_language(language or "en")


def _is_web_url(url: str) -> bool:
    try:
        return urlsplit(url).scheme.lower() in ("http", "https")
    except ValueError:
        return False


def _url(url: str, text: str | None = None) -> SafeString:
    """A link for http(s) URLs; anything else (``javascript:``…) as plain escaped text."""
    url = url.strip()
    if _is_web_url(url):
        return format_html('<a href="{}">{}</a>', url, url if text is None else text)
    return escape(url)


def _short_url(url: str) -> str:
    """``example.org/grain`` for ``https://example.org/grain/``."""
    return re.sub(r"^https?://", "", url.strip(), flags=re.IGNORECASE).rstrip("/")


def _locator(source: Source, *, spell_page: bool) -> SafeString:
    """``"p. 12"`` / ``"pp. 12-14"`` (or bare ``"12"``), ``"para. 3"``, as escaped HTML."""
    locator = " ".join(source.locator.split())
    if not locator:
        return SafeString("")
    if source.locator_label == LocatorLabel.PAGE:
        if not spell_page:
            return escape(locator)
        label = gettext("pp.") if _RANGE.search(locator) or "," in locator else gettext("p.")
    else:
        label = gettext(_LOCATOR_LABELS[LocatorLabel(source.locator_label)])
    return format_html("{} {}", label, locator)


def _visible_text(html: str) -> str:
    return _TAG.sub("", html).rstrip()


def _with_full_stop(html: str) -> SafeString:
    """``html`` ending in exactly one full stop (none after a "?" or "!" of its own)."""
    if not html or _visible_text(html).endswith((".", "?", "!")):
        return mark_safe(html)  # noqa: S308 - built from escaped parts
    return mark_safe(html + ".")  # noqa: S308


def _join(parts, separator: str = ", ") -> SafeString:
    """Join escaped parts, skipping empty ones."""
    return mark_safe(separator.join(str(part) for part in parts if part))  # noqa: S308


# -- house style ----------------------------------------------------------------------------


def _house(source: Source) -> SafeString:
    """The centre's style.

    ``Author, "Title", Outlet, Vol. 1, No. 2, 2020, pp. 3-4, p. 5, doi:…, url,
    (Date of Accession: …).`` The year is given for works identified by it
    (books, chapters, reports, journal articles); the page cited comes with the work's
    own numbers, before the address and the accession date.
    """
    parts: list[SafeString] = []
    names = [name.display for name in source.authors if name.display]
    if names:
        parts.append(escape(", ".join(names)))
    if source.title:
        parts.append(format_html('"{}"', source.title))
    outlet = source.container_title or source.publisher
    if outlet:
        parts.append(escape(outlet))
    if source.volume:
        parts.append(format_html("{} {}", gettext("Vol."), source.volume))
    if source.issue:
        parts.append(format_html("{} {}", gettext("No."), source.issue))
    if source.issued and SourceType(source.type) in _DATED_IN_HOUSE_STYLE:
        parts.append(escape(str(source.issued.year)))
    if source.pages:
        label = gettext("pp.") if _RANGE.search(source.pages) else gettext("p.")
        parts.append(format_html("{} {}", label, source.pages))
    parts.append(_locator(source, spell_page=True))
    doi = bare_doi(source.doi)
    if doi:
        parts.append(format_html("doi:{}", doi))
    if source.url.strip():
        url = source.url.strip()
        parts.append(_url(url, _short_url(url)) if _is_web_url(url) else _url(url))
    if source.accessed:
        parts.append(
            format_html(
                "({}: {})", gettext("Date of Accession"), source.accessed.strftime("%d.%m.%Y")
            )
        )
    return _with_full_stop(_join(parts))


#: House-style notes of these works give their year of publication (a web page has its
#: accession date instead).
_DATED_IN_HOUSE_STYLE = {
    SourceType.BOOK,
    SourceType.CHAPTER,
    SourceType.REPORT,
    SourceType.JOURNAL_ARTICLE,
}


# -- Chicago notes ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Quoted:
    """A title in quotation marks; in English the next comma or stop goes inside them."""

    title: str


def _chicago_names(names: tuple[Name, ...], language: str) -> str:
    shown = [name.display for name in names if name.display]
    if len(shown) <= 1:
        return "".join(shown)
    if len(shown) > 3:
        et_al = gettext("et al.")
        return f"{shown[0]} {et_al}"
    conjunction = author_list_and()
    if len(shown) == 2:
        return f"{shown[0]} {conjunction} {shown[1]}"
    serial = "," if language == "en" else ""  # "A, B, and C" only in English
    return f"{shown[0]}, {shown[1]}{serial} {conjunction} {shown[2]}"


def author_list_and() -> str:
    """The word before the last author, from this app's catalogue only: the context keeps
    another package's "and" from answering, so it is in the language of the dates."""
    return pgettext("citation author list", "and")


def long_date(value: PartialDate | datetime.date, language: str) -> str:
    """A date in words, in the active language: "March 15, 2023", "15 Mart 2023",
    "15 марта 2023", "20. November 2026", "March 2023", "март 2023".

    Patterns: :func:`ankasam_pubs.languages.long_date_formats`; month names: Django's.
    Where Django writes the genitive month in lower case ("марта", "listopada") the
    language writes month names in lower case inside a sentence, so a month and year
    ("Март 2023" in Django's headings) is lower-cased too."""
    if isinstance(value, PartialDate):
        if not value.month:
            return str(value.year)
        date = datetime.date(value.year, value.month, value.day or 1)
        whole = value.day is not None
    else:
        date, whole = value, True
    full, year_month = long_date_formats(language)
    text = dateformat.format(date, full if whole else year_month)
    if not whole and dateformat.format(date, "E")[:1].islower():
        text = text.lower()
    return text


def _chicago_link(source: Source) -> SafeString:
    doi = bare_doi(source.doi)
    if doi:
        return _url(f"https://doi.org/{doi}")
    return _url(source.url) if source.url.strip() else SafeString("")


def _dash(pages: str) -> str:
    return _RANGE.sub("\u2013", pages.strip())


def _publication(source: Source) -> SafeString:
    """``(Publisher, 2020)``, or ``(Publisher, n.d.)`` without a date."""
    year = str(source.issued.year) if source.issued else gettext("n.d.")
    return format_html("({})", ", ".join(part for part in (source.publisher, year) if part))


def _chicago(source: Source, language: str) -> SafeString:
    kind = SourceType(source.type)
    parts: list[SafeString | _Quoted] = [escape(_chicago_names(source.authors, language))]
    italic_title = format_html("<i>{}</i>", source.title) if source.title else SafeString("")

    if kind in (SourceType.BOOK, SourceType.REPORT):
        parts.append(_join([italic_title, _publication(source)], " "))
        parts.append(_chicago_link(source))
    elif kind == SourceType.CHAPTER:
        if source.title:
            parts.append(_Quoted(source.title))
        container = ""
        if source.container_title:
            book = format_html("<i>{}</i>", source.container_title)
            container = escape(gettext("in %(container)s")) % {"container": book}
        parts.append(_join([container, _publication(source)], " "))
        parts.append(escape(_dash(source.pages)))
        parts.append(_chicago_link(source))
    elif kind == SourceType.JOURNAL_ARTICLE:
        if source.title:
            parts.append(_Quoted(source.title))
        journal = format_html("<i>{}</i>", source.container_title) if source.container_title else ""
        if source.volume:
            journal = _join([journal, escape(source.volume)], " ")
        if source.issue:
            journal = _join([journal, format_html("{} {}", gettext("no."), source.issue)])
        if source.issued:
            journal = _join([journal, format_html("({})", source.issued.year)], " ")
        if source.pages:
            journal = format_html("{}: {}", journal, _dash(source.pages))
        parts.append(mark_safe(journal))  # noqa: S308 - built from escaped parts
        parts.append(_chicago_link(source))
    else:  # web page, news article, interview, other
        if source.title:
            parts.append(_Quoted(source.title))
        outlet = source.container_title or source.publisher
        if outlet and kind == SourceType.NEWS_ARTICLE and source.container_title:
            parts.append(format_html("<i>{}</i>", outlet))
        else:
            parts.append(escape(outlet))
        if source.issued:
            parts.append(escape(long_date(source.issued, language)))
        elif source.accessed:
            accessed = long_date(source.accessed, language)
            parts.append(format_html("{} {}", gettext("accessed"), accessed))
        parts.append(_chicago_link(source))

    parts.append(_locator(source, spell_page=False))
    return _chicago_join([part for part in parts if part], language)


def _chicago_join(parts: list[SafeString | _Quoted], language: str) -> SafeString:
    opening, closing, inside = quotes(language)
    html = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if not isinstance(part, _Quoted):
            html += str(part) + ("" if last else ", ")
            continue
        title = part.title.strip()
        if not inside:
            html += str(format_html("{}{}{}", opening, title, closing)) + ("" if last else ", ")
            continue
        # English: "Title," Next … / "Title." at the end; no stop after "?" or "!".
        if title.endswith(("?", "!")) or (last and title.endswith(".")):
            mark = ""
        else:
            mark = "." if last else ","
        html += str(format_html("{}{}{}{}", opening, title, mark, closing))
        if last:
            return mark_safe(html)  # noqa: S308 - built from escaped parts
        html += " "
    return _with_full_stop(html)
