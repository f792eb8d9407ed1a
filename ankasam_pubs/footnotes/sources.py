"""The source a note cites, as plain data (CSL-style fields).

Everything downstream (citation styles, "Ibid.", exports, Scholar tags) works on these
frozen dataclasses, never on blocks or model instances, so it can be tested alone.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from enum import StrEnum


class SourceType(StrEnum):
    WEB_PAGE = "web-page"
    NEWS_ARTICLE = "news-article"
    JOURNAL_ARTICLE = "journal-article"
    BOOK = "book"
    CHAPTER = "chapter"
    REPORT = "report"
    INTERVIEW = "interview"
    OTHER = "other"


class LocatorLabel(StrEnum):
    PAGE = "page"
    PARAGRAPH = "paragraph"
    SECTION = "section"
    CHAPTER = "chapter"


@dataclass(frozen=True)
class Name:
    """A person (family + given) or an organisation (literal)."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @classmethod
    def parse(cls, text: str) -> Name:
        """``"Family, Given"`` is a person; anything else is kept whole (an organisation)."""
        text = " ".join(text.split())
        if text.count(",") == 1:
            family, given = (part.strip() for part in text.split(","))
            if family and given:
                return cls(family=family, given=given)
        return cls(literal=text)

    @property
    def display(self) -> str:
        """Given name first, as in a note: "Ayşe Demir", "World Bank"."""
        return self.literal or " ".join(part for part in (self.given, self.family) if part)

    @property
    def inverted(self) -> str:
        """Family name first, as in a bibliography: "Demir, Ayşe"."""
        if self.literal:
            return self.literal
        return ", ".join(part for part in (self.family, self.given) if part)


ISSUED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date that may be just a year, or a year and month (CSL allows both)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        match = ISSUED.match((text or "").strip())
        if not match:
            return None
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def isoformat(self) -> str:
        """``2022``, ``2022-11`` or ``2022-11-04``: the form the source form accepts."""
        return "-".join(
            f"{part:02d}" if position else str(part) for position, part in enumerate(self.parts())
        )

    def parts(self) -> list[int]:
        return [part for part in (self.year, self.month, self.day) if part is not None]

    def as_date(self) -> datetime.date | None:
        if self.month and self.day:
            return datetime.date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True)
class Source:
    """One cited work. ``locator`` belongs to the citation, not the work."""

    type: SourceType = SourceType.WEB_PAGE
    authors: tuple[Name, ...] = ()
    title: str = ""
    container_title: str = ""
    publisher: str = ""
    issued: PartialDate | None = None
    url: str = ""
    accessed: datetime.date | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    locator: str = ""
    locator_label: LocatorLabel = LocatorLabel.PAGE
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def identity(self) -> tuple:
        """What makes two citations cite *the same work* (for "Ibid."): all but locator."""
        return (
            self.type,
            tuple(
                (n.family.casefold(), n.given.casefold(), n.literal.casefold())
                for n in self.authors
            ),
            self.title.strip().casefold(),
            self.container_title.strip().casefold(),
            self.publisher.strip().casefold(),
            self.issued,
            self.url.strip().rstrip("/"),
            self.volume,
            self.issue,
            self.pages,
            self.doi.strip().lower(),
        )

    @classmethod
    def from_block_value(cls, value) -> Source:
        """From a ``SourceBlock`` value (a StructValue or a plain dict)."""
        get = value.get
        authors = tuple(
            Name.parse(line) for line in (get("authors") or "").splitlines() if line.strip()
        )
        issued = get("issued") or ""
        accessed = get("accessed") or None
        if isinstance(accessed, str):  # raw JSON stores dates as ISO strings
            try:
                accessed = datetime.date.fromisoformat(accessed)
            except ValueError:
                accessed = None
        return cls(
            type=SourceType(get("type") or SourceType.WEB_PAGE),
            authors=authors,
            title=(get("title") or "").strip(),
            container_title=(get("container_title") or "").strip(),
            publisher=(get("publisher") or "").strip(),
            issued=PartialDate.parse(issued) if isinstance(issued, str) else issued,
            url=(get("url") or "").strip(),
            accessed=accessed,
            volume=(get("volume") or "").strip(),
            issue=(get("issue") or "").strip(),
            pages=(get("pages") or "").strip(),
            doi=(get("doi") or "").strip(),
            locator=(get("locator") or "").strip(),
            locator_label=LocatorLabel(get("locator_label") or LocatorLabel.PAGE),
        )
