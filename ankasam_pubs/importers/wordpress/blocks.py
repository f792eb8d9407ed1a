"""A post's HTML (after ``wpautop``) as the body's StreamField blocks: paragraphs as
the editor stores them, headings, quotes, tables, images; what a body cannot hold is
reported, never silently dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.html import escape
from django.utils.translation import gettext

from ...footnotes.richtext import REFERENCE
from .sanitise import link_scheme_ok, sanitise
from .text import ContentProblem, defuse_marked_sections, shorten, visible_text

_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_CONTAINERS = frozenset(
    "div section article main aside header footer nav center span font details summary "
    "form fieldset body html".split()
)
_DROPPED = frozenset("script style noscript template head title meta link".split())
_EMBEDDED = frozenset("iframe object embed video audio canvas svg button input select".split())
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small strong sub sup time "
    "u var br wbr del ins span font".split()
)


@dataclass(frozen=True)
class ImageRef:
    """An image the body shows; the importer decides which Wagtail image it becomes."""

    attachment_id: int | None  # None: not an attachment of the export
    src: str
    alt: str
    caption: str
    line: int


class BlockBuilder:
    def __init__(self, content: str, find_attachment, block_id, problems):
        self.content = content  # the post's content, to find lines of problems
        self.find_attachment = find_attachment
        self.block_id = block_id
        self.problems = problems
        self.blocks: list[dict] = []
        self.images: list[ImageRef] = []
        self.current: list[str] = []
        self.reported: set[tuple[str, str]] = set()

    # -- problems
    def line_of(self, needle: str) -> int:
        if not needle:
            return 0
        offset = self.content.find(needle)
        return self.content.count("\n", 0, offset) + 1 if offset != -1 else 0

    def report(self, kind: str, needle: str, text: str, reason: str) -> None:
        key = (reason, text)
        if key in self.reported:
            return
        self.reported.add(key)
        self.problems.append(ContentProblem(self.line_of(needle), kind, shorten(text), reason))

    # -- blocks
    def add(self, block_type: str, value) -> None:
        self.blocks.append({"type": block_type, "value": value, "id": self.block_id()})

    def flush(self) -> None:
        if not self.current:
            return
        html = sanitise("".join(self.current))
        self.current = []
        if html and (visible_text(html) or REFERENCE.search(html)):
            self.add("paragraph", html)

    def paragraph(self, html: str) -> None:
        self.current.append(html)

    def build(self, html: str) -> list[dict]:
        soup = BeautifulSoup(defuse_marked_sections(html), "html.parser")
        self.walk(soup)
        self.flush()
        return self.blocks

    def walk(self, parent) -> None:
        for node in list(parent.children):
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if str(node).strip():
                    self.paragraph(f"<p>{escape(str(node))}</p>")
                continue
            if isinstance(node, Tag):
                self.element(node)

    def element(self, node: Tag) -> None:
        name = node.name.lower()
        if name in _DROPPED:
            if name in ("script", "noscript"):
                self.report(
                    "content",
                    f"<{name}",
                    str(node)[:120],
                    gettext("A script was removed from the text."),
                )
            return
        if name in _EMBEDDED:
            self.embedded(node)
            return
        if name in _HEADINGS:
            self.heading(node, _HEADINGS[name])
        elif name == "img":
            self.flush()
            self.image(node, "")
        elif name == "figure":
            self.figure(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "table":
            self.table(node)
        elif name == "hr":
            self.flush()
        elif name in ("p", "ul", "ol", "pre", "dl"):
            self.text_block(node)
        elif name in _CONTAINERS and not self.inline_only(node):
            self.walk(node)
        elif name in _INLINE_TAGS:  # inline content outside a paragraph
            self.text_block(node, wrap="element")
        else:  # a container of text only, or an element out of its place (li, td…)
            self.text_block(node, wrap="contents")

    @staticmethod
    def inline_only(node: Tag) -> bool:
        return all(
            isinstance(child, NavigableString) or child.name.lower() in _INLINE_TAGS
            for child in node.children
        )

    def text_block(self, node: Tag, *, wrap: str = "") -> None:
        """A paragraph or list; images and embedded content inside it are taken out."""
        images = node.find_all("img")
        for image in images:
            image.extract()
        for inner in node.find_all(list(_EMBEDDED)):
            self.embedded(inner)
            inner.extract()
        for inner in node.find_all(list(_DROPPED)):
            inner.extract()
        self.clean_links(node)
        if not node.get_text().strip() and not node.find("a", attrs={"linktype": "note"}):
            pass
        elif node.name.lower() == "pre":
            text = escape(node.get_text()).replace("\n", "<br/>")
            self.paragraph(f"<p>{text}</p>")
        elif node.name.lower() == "dl":
            for item in node.find_all(["dt", "dd"]):
                self.paragraph(f"<p>{item.decode_contents()}</p>")
        elif wrap == "element":
            self.paragraph(f"<p>{node}</p>")
        elif wrap == "contents":
            self.paragraph(f"<p>{node.decode_contents()}</p>")
        else:
            self.paragraph(str(node))
        if images:
            self.flush()
            for image in images:
                self.image(image, "")

    def clean_links(self, node: Tag) -> None:
        for link in node.find_all("a"):
            if link.get("linktype") == "note":
                continue
            href = (link.get("href") or "").strip()
            if not href or href.startswith("#"):
                link.unwrap()  # anchors and in-page links of the old page lead nowhere now
            elif not link_scheme_ok(href):
                self.report(
                    "links",
                    href[:60],
                    href,
                    gettext("Only web, e-mail and phone links are kept; this link was removed."),
                )
                link.unwrap()

    def heading(self, node: Tag, level: str) -> None:
        if node.find("a", attrs={"linktype": "note"}) or node.find("img"):
            self.clean_links(node)
            for image in node.find_all("img"):
                image.extract()
                self.flush()
                self.image(image, "")
            self.paragraph(f"<p><b>{node.decode_contents()}</b></p>")
            return
        text = " ".join(node.get_text(" ").split())
        if text:
            self.flush()
            self.add("heading", {"text": text[:255], "level": level})

    def figure(self, node: Tag) -> None:
        caption_node = node.find("figcaption")
        caption = " ".join(caption_node.get_text(" ").split()) if caption_node else ""
        if caption_node is not None and caption_node.find("a", attrs={"linktype": "note"}):
            caption_node.extract()
            self.clean_links(caption_node)
            after = f"<p>{caption_node.decode_contents()}</p>"
            caption = ""
        else:
            after = ""
        images = node.find_all("img")
        tables = node.find_all("table")
        if images:
            self.flush()
            for image in images:
                self.image(image, caption if len(images) == 1 else "")
        elif tables:
            for table in tables:
                self.table(table, caption)
        elif "wp-block-embed" in " ".join(node.get("class") or []):
            # Gutenberg keeps the embedded address as text: it becomes a link.
            url = node.get_text(" ").split()
            if url and url[0].startswith(("http://", "https://")):
                self.flush()
                self.paragraph(f'<p><a href="{escape(url[0])}">{escape(url[0])}</a></p>')
        else:
            if caption_node is not None:
                caption_node.extract()
            self.walk(node)
        if after:
            self.paragraph(after)

    def quote(self, node: Tag) -> None:
        cite = node.find(["cite", "footer"])
        attribution = " ".join(cite.get_text(" ").split()) if cite else ""
        if node.find("a") or node.find("img") or node.find(["ul", "ol", "table"]):
            self.walk(node)
            return
        if cite is not None:
            cite.extract()
        text = "\n\n".join(
            " ".join(part.get_text(" ").split())
            for part in (node.find_all("p") or [node])
            if part.get_text().strip()
        )
        if text:
            self.flush()
            self.add("quote", {"quote": text, "attribution": attribution[:255]})

    def table(self, node: Tag, caption: str = "") -> None:
        if node.find("a", attrs={"linktype": "note"}):
            for row in node.find_all("tr"):
                cells = [cell.decode_contents() for cell in row.find_all(["td", "th"])]
                self.paragraph(f"<p>{' | '.join(cells)}</p>")
            return
        rows = []
        for row in node.find_all("tr"):
            rows.append([" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"])])
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first = node.find("tr")
        header = bool(first and first.find("th"))
        table_caption = node.find("caption")
        if table_caption is not None and not caption:
            caption = " ".join(table_caption.get_text(" ").split())
        self.flush()
        self.add(
            "table",
            {
                "caption": caption[:255],
                "table": {
                    "data": rows,
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_header_choice": "row" if header else "neither",
                    "table_caption": "",
                    "cell": [],
                    "mergedCells": [],
                },
            },
        )

    def embedded(self, node: Tag) -> None:
        src = (node.get("src") or node.get("data") or "").strip()
        reason = gettext("Embedded content (<%(tag)s>) cannot be imported; it was removed.") % {
            "tag": node.name
        }
        if src.startswith(("http://", "https://")):
            reason = gettext(
                "Embedded content (<%(tag)s>) cannot be imported; a link to it was kept."
            ) % {"tag": node.name}
            url = escape(src)
            self.flush()
            self.paragraph(f'<p><a href="{url}">{url}</a></p>')
        self.report("content", src or f"<{node.name}", src or str(node)[:120], reason)

    def image(self, node: Tag, caption: str) -> None:
        src = (node.get("src") or "").strip()
        classes = " ".join(node.get("class") or [])
        alt = " ".join((node.get("alt") or "").split())
        match = _WP_IMAGE_CLASS.search(classes)
        attachment = self.find_attachment(src, int(match.group(1)) if match else None)
        ref = ImageRef(attachment, src, alt[:255], caption[:500], self.line_of(src))
        self.images.append(ref)
        if attachment is None:
            self.report(
                "images",
                src,
                src or str(node),
                gettext(
                    "This image is not an attachment of the export; it was not imported "
                    "(the importer never downloads anything)."
                ),
            )
            return
        self.flush()
        self.add("image", {"image": ref, "alt_text": alt[:255], "caption": caption[:500]})
