"""An HTML reader for tests: meta tags, links, JSON-LD scripts and URL attributes."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from bs4 import BeautifulSoup

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


def admin_form_data(html: str) -> dict[str, str]:
    """What the browser would send from the admin's edit form as rendered, untouched."""
    soup = BeautifulSoup(html, "html.parser")
    form = next(form for form in soup.select("form") if form.select_one("[name=slug]"))
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        kind = field.get("type", "")
        if kind in ("submit", "button", "file") or (
            kind in ("checkbox", "radio") and not field.has_attr("checked")
        ):
            continue
        if field.name == "select":
            chosen = [option.get("value", "") for option in field.select("option[selected]")]
            if field.has_attr("multiple"):
                if chosen:
                    data[field["name"]] = chosen
                continue
            first = field.select_one("option")
            data[field["name"]] = chosen[0] if chosen else first.get("value", "") if first else ""
        elif field.name == "textarea":
            data[field["name"]] = field.get_text()
        else:
            data[field["name"]] = field.get("value", "on" if kind == "checkbox" else "")
    return data
