"""Read a WordPress export (WXR 1.0-1.2) as a stream of plain dataclasses.

The file is parsed with :func:`defusedxml.ElementTree.iterparse`: never whole in memory
(each ``<item>``, ``<wp:author>``… is dropped from the tree once read), and XML entity
declarations and external references are refused, so neither a "billion laughs" bomb
nor an external entity (XXE) is ever expanded. Malformed XML is a :class:`WxrError`
naming the line. Iterating a :class:`WxrReader` again reads the file again from the
start, so an importer can make two passes without keeping posts in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import TreeBuilder
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError, iterparse
from django.utils.translation import gettext

__all__ = [
    "SUPPORTED_VERSIONS",
    "Author",
    "Channel",
    "Item",
    "ItemTerm",
    "Term",
    "WxrError",
    "WxrReader",
    "WxrSecurityError",
]

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")

_WP = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
_EXCERPT = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"


class WxrError(Exception):
    """The file cannot be read as a WordPress export; ``str()`` is a translated message."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


class WxrSecurityError(WxrError):
    """The file declares XML entities or refers to external resources: refused."""


@dataclass(frozen=True)
class Channel:
    version: str = ""
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""


@dataclass(frozen=True)
class Author:
    """A ``<wp:author>`` entry of the channel."""

    id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    line: int = 0


@dataclass(frozen=True)
class Term:
    """A ``<wp:category>``, ``<wp:tag>`` or ``<wp:term>`` definition of the channel."""

    taxonomy: str
    slug: str
    name: str
    description: str = ""
    parent: str = ""
    id: int | None = None
    line: int = 0


@dataclass(frozen=True)
class ItemTerm:
    """A ``<category domain="…" nicename="…">name</category>`` of one item."""

    domain: str
    slug: str
    name: str


@dataclass(frozen=True)
class Item:
    """One ``<item>``: a post, a page, an attachment, a guest author…"""

    line: int  # line of <item> in the file
    post_id: int | None
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    content_line: int = 0  # line of <content:encoded>; the content's first line is on it
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified_gmt: str = ""
    post_parent: int | None = None
    post_password: str = ""
    attachment_url: str = ""
    terms: tuple[ItemTerm, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    #: A text of the item (its content most likely) was longer than the reader keeps.
    oversized: bool = False

    def meta_value(self, key: str, default: str = "") -> str:
        """The first value of a post meta key (WordPress allows repeated keys)."""
        for name, value in self.meta:
            if name == key:
                return value
        return default

    def terms_of(self, domain: str) -> list[ItemTerm]:
        return [term for term in self.terms if term.domain == domain]


#: Most characters one post's content (or excerpt, or any other text) may have. A long
#: analysis is about 100,000; a post above the limit is refused (the reader keeps only
#: the start of its text in memory), so one enormous post cannot exhaust the server's
#: memory or become a page no reader can load.
MAX_TEXT_CHARACTERS = 2_000_000


class _LineTarget:
    """A tree builder that notes the line where selected elements start, and stops
    keeping the text of any element past :data:`MAX_TEXT_CHARACTERS`."""

    WATCHED = ("item", "encoded")

    def __init__(self, limit: int = MAX_TEXT_CHARACTERS) -> None:
        self._builder = TreeBuilder()
        self.expat = None  # set once the parser exists
        self.lines: dict[int, int] = {}
        self.limit = limit
        self._open: list = []  # elements being built, innermost last
        self._size = 0  # characters kept of the innermost element's text
        self.oversized: set[int] = set()  # ids of elements whose text was cut

    def start(self, tag, attrs):
        element = self._builder.start(tag, attrs)
        if tag.rpartition("}")[2] in self.WATCHED and self.expat is not None:
            self.lines[id(element)] = self.expat.CurrentLineNumber
        self._open.append(element)
        self._size = 0
        return element

    def end(self, tag):
        if self._open:
            self._open.pop()
        self._size = 0
        return self._builder.end(tag)

    def data(self, data):
        self._size += len(data)
        if self._size > self.limit and self._open:
            self.oversized.add(id(self._open[-1]))
            return
        self._builder.data(data)

    def close(self):
        return self._builder.close()


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _brace, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _kind(namespace: str) -> str:
    if namespace == "":
        return ""
    if _WP.match(namespace):
        return "wp"
    if _EXCERPT.match(namespace):
        return "excerpt"
    if namespace == _CONTENT:
        return "content"
    if namespace == _DC:
        return "dc"
    return "other"


def _text(element) -> str:
    return element.text or ""


def _int(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


class WxrReader:
    """Iterate the authors, terms and items of a WXR file, in file order.

    :attr:`channel` holds the site's details (WXR version, base URL) once read; they come
    before the first item in every export WordPress writes. :attr:`warnings` lists what
    was read but not understood (e.g. a newer WXR version).
    """

    def __init__(self, path: str | Path, *, max_text: int = MAX_TEXT_CHARACTERS):
        self.path = Path(path)
        self.max_text = max_text
        self.channel = Channel()
        self.warnings: list[str] = []
        self._version_warned = False

    def __iter__(self) -> Iterator[Author | Term | Item]:
        self.channel = Channel()
        self.warnings = []
        self._version_warned = False
        target = _LineTarget(self.max_text)
        parser = DefusedXMLParser(
            target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        target.expat = parser.parser
        # A document type naming an outside file or address: refused, though expat would
        # not fetch it (WordPress never writes one, and the docs promise a refusal).
        parser.parser.StartDoctypeDeclHandler = _refuse_external_doctype
        try:
            source = open(self.path, "rb")  # noqa: SIM115 - closed in finally
        except OSError as error:
            raise WxrError(
                gettext("Cannot read %(path)s: %(error)s")
                % {"path": self.path, "error": error.strerror or error}
            ) from error
        try:
            yield from self._read(iterparse(source, events=("start", "end"), parser=parser), target)
        except ParseError as error:
            line, column = getattr(error, "position", (0, 0))
            reason = expat.ErrorString(error.code) if getattr(error, "code", None) else str(error)
            raise WxrError(
                gettext(
                    "Line %(line)s, column %(column)s: the file is not well-formed XML "
                    "(%(reason)s)."
                )
                % {"line": line, "column": column + 1, "reason": reason},
                line,
            ) from error
        except LookupError as error:  # <?xml encoding="…"?> names an unknown encoding
            raise WxrError(
                gettext(
                    "The file declares a character encoding Python does not know (%(error)s); "
                    "save the export as UTF-8, as WordPress writes it."
                )
                % {"error": error}
            ) from error
        except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden) as error:
            line = target.expat.CurrentLineNumber
            raise WxrSecurityError(
                gettext(
                    "Line %(line)s: the file declares an XML entity or refers to an external "
                    "resource (%(what)s). This is refused: such declarations can read local "
                    "files (XXE) or expand into gigabytes (“billion laughs”), and WordPress "
                    "never writes them."
                )
                % {"line": line, "what": _describe(error)},
                line,
            ) from error
        finally:
            source.close()

    def _read(self, events, target: _LineTarget) -> Iterator[Author | Term | Item]:
        depth = 0
        root_checked = False
        channel = None
        values: dict[str, str] = {}
        for event, element in events:
            if event == "start":
                depth += 1
                if not root_checked:
                    root_checked = True
                    if _split(element.tag)[1] != "rss":
                        raise WxrError(
                            gettext(
                                "Line 1: this is not a WordPress export (the root element is "
                                "<%(tag)s>, not <rss>)."
                            )
                            % {"tag": _split(element.tag)[1]},
                            1,
                        )
                if depth == 2 and _split(element.tag)[1] == "channel":
                    channel = element
                continue
            depth -= 1
            if channel is None or depth != 2:
                continue
            # A direct child of <channel> is complete: read it, then drop it.
            namespace, local = _split(element.tag)
            kind = _kind(namespace)
            line = target.lines.pop(id(element), 0)
            try:
                if kind == "" and local == "item":
                    self._check_version(line)
                    yield self._item(element, line, target)
                elif kind == "wp" and local == "author":
                    self._check_version(line)
                    yield self._author(element, line)
                elif kind == "wp" and local in ("category", "tag", "term"):
                    yield self._term(local, element, line)
                elif kind == "wp" and local in ("wxr_version", "base_site_url", "base_blog_url"):
                    values[local] = _text(element).strip()
                    self._set_channel(values)
                elif kind == "" and local in ("title", "link", "language"):
                    values[local] = _text(element).strip()
                    self._set_channel(values)
            finally:
                element.clear()
                channel.remove(element)

    def _set_channel(self, values: dict[str, str]) -> None:
        self.channel = Channel(
            version=values.get("wxr_version", ""),
            title=values.get("title", ""),
            link=values.get("link", ""),
            base_site_url=values.get("base_site_url", ""),
            base_blog_url=values.get("base_blog_url", ""),
            language=values.get("language", ""),
        )

    def _check_version(self, line: int) -> None:
        version = self.channel.version
        if not version:
            raise WxrError(
                gettext(
                    "Line %(line)s: this is not a WordPress export (no <wp:wxr_version> before "
                    "the first author or item)."
                )
                % {"line": line},
                line,
            )
        if version not in SUPPORTED_VERSIONS and not self._version_warned:
            self._version_warned = True
            self.warnings.append(
                gettext(
                    "WXR version %(version)s is newer than the versions this importer knows "
                    "(%(known)s); it was read as WXR 1.2."
                )
                % {"version": version, "known": ", ".join(SUPPORTED_VERSIONS)}
            )

    @staticmethod
    def _fields(element) -> dict[str, str]:
        """Simple children as ``{"wp:post_id": text, "title": text, …}`` (first wins)."""
        fields: dict[str, str] = {}
        for child in element:
            namespace, local = _split(child.tag)
            kind = _kind(namespace)
            key = f"{kind}:{local}" if kind else local
            fields.setdefault(key, _text(child))
        return fields

    def _author(self, element, line: int) -> Author:
        fields = self._fields(element)
        return Author(
            id=_int(fields.get("wp:author_id", "")),
            login=fields.get("wp:author_login", "").strip(),
            email=fields.get("wp:author_email", "").strip(),
            display_name=fields.get("wp:author_display_name", "").strip(),
            first_name=fields.get("wp:author_first_name", "").strip(),
            last_name=fields.get("wp:author_last_name", "").strip(),
            line=line,
        )

    def _term(self, local: str, element, line: int) -> Term:
        fields = self._fields(element)
        if local == "category":
            return Term(
                taxonomy="category",
                slug=fields.get("wp:category_nicename", "").strip(),
                name=fields.get("wp:cat_name", "").strip(),
                description=fields.get("wp:category_description", ""),
                parent=fields.get("wp:category_parent", "").strip(),
                id=_int(fields.get("wp:term_id", "")),
                line=line,
            )
        if local == "tag":
            return Term(
                taxonomy="post_tag",
                slug=fields.get("wp:tag_slug", "").strip(),
                name=fields.get("wp:tag_name", "").strip(),
                description=fields.get("wp:tag_description", ""),
                id=_int(fields.get("wp:term_id", "")),
                line=line,
            )
        return Term(
            taxonomy=fields.get("wp:term_taxonomy", "").strip(),
            slug=fields.get("wp:term_slug", "").strip(),
            name=fields.get("wp:term_name", "").strip(),
            description=fields.get("wp:term_description", ""),
            parent=fields.get("wp:term_parent", "").strip(),
            id=_int(fields.get("wp:term_id", "")),
            line=line,
        )

    def _item(self, element, line: int, target: _LineTarget) -> Item:
        fields: dict[str, str] = {}
        terms: list[ItemTerm] = []
        meta: list[tuple[str, str]] = []
        content_line = 0
        oversized = id(element) in target.oversized
        for child in element:
            oversized = oversized or id(child) in target.oversized
            namespace, local = _split(child.tag)
            kind = _kind(namespace)
            if kind == "" and local == "category":
                terms.append(
                    ItemTerm(
                        domain=child.get("domain", "category"),
                        slug=child.get("nicename", ""),
                        name=_text(child).strip(),
                    )
                )
            elif kind == "wp" and local == "postmeta":
                pair = self._fields(child)
                meta.append((pair.get("wp:meta_key", ""), pair.get("wp:meta_value", "")))
            elif kind == "content" and local == "encoded":
                fields["content"] = _text(child)
                oversized = oversized or id(child) in target.oversized
                content_line = target.lines.pop(id(child), 0)
            elif kind == "excerpt" and local == "encoded":
                fields["excerpt"] = _text(child)
                target.lines.pop(id(child), None)
            elif kind in ("", "wp", "dc"):
                fields.setdefault(f"{kind}:{local}" if kind else local, _text(child))
        return Item(
            line=line,
            post_id=_int(fields.get("wp:post_id", "")),
            post_type=fields.get("wp:post_type", "").strip(),
            status=fields.get("wp:status", "").strip(),
            title=fields.get("title", ""),
            link=fields.get("link", "").strip(),
            guid=fields.get("guid", "").strip(),
            creator=fields.get("dc:creator", "").strip(),
            content=fields.get("content", ""),
            content_line=content_line or line,
            excerpt=fields.get("excerpt", ""),
            post_name=fields.get("wp:post_name", "").strip(),
            post_date=fields.get("wp:post_date", "").strip(),
            post_date_gmt=fields.get("wp:post_date_gmt", "").strip(),
            post_modified_gmt=fields.get("wp:post_modified_gmt", "").strip(),
            post_parent=_int(fields.get("wp:post_parent", "")),
            post_password=fields.get("wp:post_password", ""),
            attachment_url=fields.get("wp:attachment_url", "").strip(),
            terms=tuple(terms),
            meta=tuple(meta),
            oversized=oversized,
        )


def _refuse_external_doctype(name, sysid, pubid, has_internal_subset):
    if sysid or pubid:
        raise DTDForbidden(name, sysid, pubid)


def _describe(error: Exception) -> str:
    if isinstance(error, EntitiesForbidden):
        target = error.sysid or error.pubid
        if target:
            return gettext("entity “%(name)s” pointing at %(target)s") % {
                "name": error.name,
                "target": target,
            }
        return gettext("entity “%(name)s”") % {"name": error.name}
    if isinstance(error, ExternalReferenceForbidden):
        return gettext("external reference to %(target)s") % {
            "target": error.sysid or error.pubid or "?"
        }
    if isinstance(error, DTDForbidden) and (error.sysid or error.pubid):
        return gettext("document type read from %(target)s") % {
            "target": error.sysid or error.pubid
        }
    return gettext("document type declaration")
