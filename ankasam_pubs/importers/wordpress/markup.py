"""What WordPress does to a post's stored text before showing it: paragraphs from blank
lines (``wpautop``) and the shortcodes every site has (captions, embeds, galleries)."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.translation import gettext

from .text import ContentProblem, Excluded, LineMap, shorten

_SEPARATED = (
    "p|div|h[1-6]|ul|ol|table|blockquote|figure|pre|hr|section|article|aside|header|footer|"
    "nav|iframe|script|style|dl|form|address|details|video|audio|object|embed|noscript"
)
_KEPT = _SEPARATED + "|li|tr|td|th|tbody|thead|tfoot|caption|dt|dd|figcaption|colgroup|col"
_OPEN_BLOCK = re.compile(rf"(<(?:{_SEPARATED})\b[^>]*>)", re.IGNORECASE)
_CLOSE_BLOCK = re.compile(rf"(</(?:{_SEPARATED})\s*>)", re.IGNORECASE)
_STARTS_BLOCK = re.compile(rf"</?(?:{_KEPT})\b", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BR_NEWLINE = re.compile(r"<br\s*/?>\s*\n", re.IGNORECASE)
_NEWLINE_OUTSIDE_TAGS = re.compile(r"<[^>]*>|\n")


def autop(text: str) -> str:
    """Paragraphs from WordPress's stored text, as WordPress's ``wpautop`` makes them.

    Blank lines separate paragraphs, a single newline is a ``<br>``; block elements stand
    on their own. Gutenberg's block comments are dropped.
    """
    text = _COMMENT.sub("\n\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSE_BLOCK.sub(r"\n\n\1\n\n", text)
    text = _BR_NEWLINE.sub("<br />", text)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_BLOCK.match(chunk):
            out.append(chunk)
        else:
            body = _NEWLINE_OUTSIDE_TAGS.sub(
                lambda m: "<br />\n" if m.group(0) == "\n" else m.group(0), chunk
            )
            out.append(f"<p>{body}</p>")
    return "\n".join(out)


_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z_][\w-]*)([^\]]*)\]")
_CAPTION = re.compile(
    r"\[(?:caption|wp_caption)\b([^\]]*)\](.*?)\[/(?:caption|wp_caption)\]", re.DOTALL
)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]")
_IDS = re.compile(r"\bids\s*=\s*[\"']?([\d,\s]+)")


def expand_shortcodes(text: str, lines: LineMap, problems: list[ContentProblem]) -> str:
    def caption(match):
        inner = match.group(2)
        images = re.findall(r"<img\b[^>]*>", inner, re.IGNORECASE)
        link = re.search(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", inner, re.IGNORECASE)
        rest = inner
        for piece in [link.group(0)] if link else images:
            rest = rest.replace(piece, "", 1)
        return f"<figure>{''.join(images)}<figcaption>{rest.strip()}</figcaption></figure>"

    def embed(match):
        url = escape(match.group(1).strip())
        return f'<p><a href="{url}">{url}</a></p>'

    def gallery(match):
        ids = _IDS.search(match.group(1))
        if not ids:
            return ""
        numbers = [part.strip() for part in ids.group(1).split(",") if part.strip()]
        return "".join(f'<figure><img class="wp-image-{n}" src="" /></figure>' for n in numbers)

    text = _CAPTION.sub(caption, text)
    text = _EMBED.sub(embed, text)
    text = _GALLERY.sub(gallery, text)
    seen = set()
    excluded = Excluded(text)
    for match in _SHORTCODE.finditer(text):
        name = match.group(2).lower()
        if name in seen or match.start() in excluded:
            continue
        # "[sic]" or "[Editor's note]" are prose: only report what looks like a shortcode.
        closed = f"[/{match.group(2)}]" in text
        if not (match.group(1) or "=" in match.group(3) or closed):
            continue
        seen.add(name)
        problems.append(
            ContentProblem(
                lines.shift(text.count("\n", 0, match.start()) + 1),
                "content",
                shorten(match.group(0)),
                gettext("Shortcode [%(name)s] is not understood; it was kept as text.")
                % {"name": name},
            )
        )
    return text
