"""A page's sources for reference managers: CSL-JSON, BibTeX and RIS.

Each function takes ``(citation_id, Source)`` pairs and returns plain data or text.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .citations import bare_doi
from .sources import Name, PartialDate, Source, SourceType

Items = Iterable[tuple[str, Source]]

_PAGE_RANGE = re.compile(r"\s*(?:-+|\u2013|\u2014)\s*")


def _one_line(value: object) -> str:
    """The value as text with every run of whitespace (newlines too) made one space."""
    return " ".join(str(value).split())


def _date_parts(value: PartialDate | datetime.date | None) -> list[int]:
    if value is None:
        return []
    if isinstance(value, PartialDate):
        return value.parts()
    return [value.year, value.month, value.day]


def _split_pages(pages: str) -> tuple[str, str]:
    """``("45", "67")`` from ``"45-67"``; ``("45", "")`` for a single page."""
    first, _, last = _PAGE_RANGE.sub("-", _one_line(pages)).partition("-")
    return first.strip(), last.strip()


# -- CSL-JSON -------------------------------------------------------------------------------

CSL_TYPES = {
    SourceType.WEB_PAGE: "webpage",
    SourceType.NEWS_ARTICLE: "article-newspaper",
    SourceType.JOURNAL_ARTICLE: "article-journal",
    SourceType.BOOK: "book",
    SourceType.CHAPTER: "chapter",
    SourceType.REPORT: "report",
    SourceType.INTERVIEW: "interview",
    SourceType.OTHER: "document",
}


def _csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": _one_line(name.literal)}
    parts = (("family", name.family), ("given", name.given))
    return {key: _one_line(value) for key, value in parts if _one_line(value)}


def to_csl_json(items: Items) -> list[dict]:
    """CSL-JSON items (ready for ``json.dumps``); empty fields are left out."""
    result = []
    for citation_id, source in items:
        item: dict = {"id": citation_id, "type": CSL_TYPES[SourceType(source.type)]}
        issued = _date_parts(source.issued)
        accessed = _date_parts(source.accessed)
        fields = {
            "author": [name for name in map(_csl_name, source.authors) if name],
            "title": source.title,
            "container-title": source.container_title,
            "publisher": source.publisher,
            "issued": {"date-parts": [issued]} if issued else None,
            "URL": source.url,
            "accessed": {"date-parts": [accessed]} if accessed else None,
            "volume": source.volume,
            "issue": source.issue,
            "page": source.pages,
            "DOI": bare_doi(source.doi),
        }
        if source.locator:
            fields["locator"] = source.locator
            fields["label"] = str(source.locator_label)
        # Text fields on one line, as in the other formats (citeproc collapses them too).
        item.update(
            (key, _one_line(value) if isinstance(value, str) else value)
            for key, value in fields.items()
            if value and (not isinstance(value, str) or _one_line(value))
        )
        result.append(item)
    return result


# -- BibTeX ---------------------------------------------------------------------------------

BIBTEX_TYPES = {
    SourceType.WEB_PAGE: "misc",
    SourceType.NEWS_ARTICLE: "article",
    SourceType.JOURNAL_ARTICLE: "article",
    SourceType.BOOK: "book",
    SourceType.CHAPTER: "incollection",
    SourceType.REPORT: "techreport",
    SourceType.INTERVIEW: "misc",
    SourceType.OTHER: "misc",
}

# BibTeX counts every brace, escaped or not ("\}" too): a lone brace would end the field
# early and BibTeX would drop the fields after it. Braces and backslashes become LaTeX
# commands inside a brace pair of their own, which always balances.
_BIBTEX_SPECIALS = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
}
_AND = re.compile(r"\band\b", re.IGNORECASE)
_LONE_DASH = re.compile(r"(?:^|\s)-+(?:\s|$)")


def bibtex_escape(text: str) -> str:
    """``text`` on one line with BibTeX/LaTeX special characters escaped; UTF-8 kept."""
    return "".join(_BIBTEX_SPECIALS.get(char, char) for char in _one_line(text))


def _bibtex_url(url: str) -> str:
    """A URL safe inside braces: braces, backslashes and spaces percent-encoded."""
    codes = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}
    return "".join(codes.get(char, char) for char in _one_line(url))


def _bibtex_name(name: Name) -> str:
    if name.literal:
        return "{" + bibtex_escape(name.literal) + "}"
    parts = []
    for part, is_family in ((name.family, True), (name.given, False)):
        if part:
            escaped = bibtex_escape(part)
            # BibTeX splits names itself: at "and" (another author), at commas (family,
            # given), and at spaces and dashes into words it may reorder or drop (a
            # lone "-"). We know which part is the family: a braced part stays whole.
            split = _AND.search(escaped) or "," in escaped or _LONE_DASH.search(escaped)
            if split or (is_family and " " in escaped):
                escaped = "{" + escaped + "}"
            parts.append(escaped)
    return ", ".join(parts)


def bibtex_key(citation_id: str) -> str:
    """The citation id with everything but ASCII letters and digits replaced by ``_``."""
    return re.sub(r"[^A-Za-z0-9]", "_", citation_id) or "item"


def _bibtex_fields(source: Source) -> list[tuple[str, str]]:
    """``(field, already-escaped value)`` pairs, in a stable order, empty ones skipped."""
    kind = SourceType(source.type)
    entry_type = BIBTEX_TYPES[kind]
    text = bibtex_escape
    fields: list[tuple[str, str]] = []
    names = [_bibtex_name(name) for name in source.authors]
    fields.append(("author", " and ".join(name for name in names if name)))
    fields.append(("title", "{" + text(source.title) + "}" if source.title.strip() else ""))
    container = text(source.container_title)
    if entry_type == "article":
        fields.append(("journal", container or text(source.publisher)))
        if source.container_title:
            fields.append(("publisher", text(source.publisher)))
    elif entry_type == "incollection":
        fields.append(("booktitle", container))
        fields.append(("publisher", text(source.publisher)))
    elif entry_type == "techreport":
        fields.append(("institution", text(source.publisher)))
        fields.append(("series", container))
    elif entry_type == "book":
        fields.append(("publisher", text(source.publisher)))
        fields.append(("series", container))
    else:  # misc: the site or outlet, then who publishes it
        fields.append(("organization", container))
        fields.append(("publisher", text(source.publisher)))
    if source.issued:
        fields.append(("year", str(source.issued.year)))
        fields.append(("month", str(source.issued.month or "")))
    fields.append(("volume", text(source.volume)))
    fields.append(("number", text(source.issue)))
    first, last = _split_pages(source.pages)
    fields.append(("pages", text(f"{first}--{last}" if last else first)))
    fields.append(("doi", _bibtex_url(bare_doi(source.doi))))
    url = _bibtex_url(source.url)
    fields.append(("url", url))
    accessed = source.accessed.isoformat() if source.accessed else ""
    fields.append(("urldate", accessed))
    if kind == SourceType.WEB_PAGE:
        fields.append(("howpublished", r"\url{" + url + "}" if url else ""))
        fields.append(("note", f"Accessed: {accessed}" if accessed else ""))
    return [(name, value) for name, value in fields if value]


def to_bibtex(items: Items) -> str:
    """BibTeX entries, one per item; keys made unique with ``_2``, ``_3``… if needed."""
    entries = []
    used: set[str] = set()
    for citation_id, source in items:
        key = base = bibtex_key(citation_id)
        number = 1
        while key.casefold() in used:
            number += 1
            key = f"{base}_{number}"
        used.add(key.casefold())
        lines = [f"@{BIBTEX_TYPES[SourceType(source.type)]}{{{key},"]
        lines += [f"  {name} = {{{value}}}," for name, value in _bibtex_fields(source)]
        lines.append("}")
        entries.append("\n".join(lines))
    return "\n\n".join(entries) + ("\n" if entries else "")


# -- RIS ------------------------------------------------------------------------------------

RIS_TYPES = {
    SourceType.WEB_PAGE: "ELEC",
    SourceType.NEWS_ARTICLE: "NEWS",
    SourceType.JOURNAL_ARTICLE: "JOUR",
    SourceType.BOOK: "BOOK",
    SourceType.CHAPTER: "CHAP",
    SourceType.REPORT: "RPRT",
    # RIS has no interview type.
    SourceType.INTERVIEW: "GEN",
    SourceType.OTHER: "GEN",
}


def _ris_date(parts: list[int], *, trailing: bool) -> str:
    """``2023/03/15/`` (``DA``) or ``2023/03/15`` (``Y2``); missing parts left empty."""
    year, month, day = (parts + [None, None])[:3]
    text = "/".join([str(year), f"{month:02d}" if month else "", f"{day:02d}" if day else ""])
    return text + "/" if trailing else text


def _ris_name(name: Name) -> str:
    """RIS's "Family, Given". An organisation, or a family name alone, ends with a
    comma: readers (EndNote's convention, pandoc) otherwise split "World Bank" into a
    given name "World" and a family name "Bank"."""
    if name.literal:
        return f"{name.literal},"
    return f"{name.family}, {name.given}" if name.given else f"{name.family},"


def to_ris(items: Items) -> str:
    """RIS records with LF line endings, each closed by ``ER  - `` and a blank line."""
    records = []
    for citation_id, source in items:
        lines: list[tuple[str, str]] = [("TY", RIS_TYPES[SourceType(source.type)])]
        lines += [("AU", _ris_name(name)) for name in source.authors if name.display]
        lines += [
            ("TI", source.title),
            ("T2", source.container_title),
            ("PB", source.publisher),
        ]
        issued = _date_parts(source.issued)
        if issued:
            lines.append(("PY", str(issued[0])))
            lines.append(("DA", _ris_date(issued, trailing=True)))
        lines.append(("UR", source.url))
        accessed = _date_parts(source.accessed)
        if accessed:
            lines.append(("Y2", _ris_date(accessed, trailing=False)))
        first, last = _split_pages(source.pages)
        lines += [
            ("VL", source.volume),
            ("IS", source.issue),
            ("SP", first),
            ("EP", last),
            ("DO", bare_doi(source.doi)),
            ("ID", citation_id),
        ]
        body = [f"{tag}  - {_one_line(value)}" for tag, value in lines if _one_line(value)]
        records.append("\n".join(body) + "\nER  - \n\n")
    return "".join(records)


# -- a page's references --------------------------------------------------------------------


def publishable(source: Source) -> Source:
    """The source as it may leave the site: a URL that is not http(s) is dropped.

    The editor's form refuses such URLs; a value stored without validation (a script,
    an old import) must still never reach an export, JSON-LD, a meta tag or the API.
    The link checker reads the stored value and reports it.
    """
    url = source.url.strip()
    try:
        web = urlsplit(url).scheme.lower() in ("http", "https")
    except ValueError:
        web = False
    if not url or web:
        return source
    return dataclasses.replace(source, url="")


def reference_items(numbering) -> list[tuple[str, Source]]:
    """Each distinct work a page cites, in order of first citation, locators dropped.

    Ids follow the note numbers (``note-3``, or ``note-3-2`` for a note's second source),
    so an export can be matched with the page.
    """

    seen: set = set()
    items = []
    for numbered in numbering.notes:
        sources = numbered.note.get_sources()
        for position, source in enumerate(sources, start=1):
            if source.identity in seen:
                continue
            seen.add(source.identity)
            citation_id = f"note-{numbered.number}" + (f"-{position}" if position > 1 else "")
            items.append((citation_id, publishable(dataclasses.replace(source, locator=""))))
    return items


def _csl_json_text(items: Items) -> str:
    import json

    return json.dumps(to_csl_json(items), ensure_ascii=False, indent=2)


#: url segment -> (content type, file extension, serialiser)
FORMATS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib", to_bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris", to_ris),
    "csl-json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json", _csl_json_text),
}
