"""An HTML reader for tests: meta tags, links, JSON-LD scripts and URL attributes."""

from __future__ import annotations

import json
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


class Doc(HTMLParser):
    """Meta tags, JSON-LD scripts and every URL-valued attribute of an HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self.urls: list[str] = []
        self.links: list[dict] = []
        #: Names of inline event-handler attributes ("onclick") found on any element.
        self.handlers: list[str] = []
        self._in_jsonld = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.urls += [v or "" for k, v in attrs if k in URL_ATTRIBUTES]
        self.handlers += [k for k, _v in attrs if k.startswith("on")]
        if tag == "meta" and "content" in attributes:
            key = attributes.get("name") or attributes.get("property")
            self.meta.append((key, attributes["content"]))
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def values(self, name: str) -> list[str]:
        return [content for key, content in self.meta if key == name]

    def json_ld(self) -> list[dict]:
        return [json.loads(text) for text in self.jsonld]
