"""What the security suite shares: payloads, how responses are read, the hostile
site's fields, the staff's permissions, hostile WordPress exports.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import GroupPagePermission, Page

from tests.html import Doc

LANGS = ("en", "tr", "ru")


WORDPRESS = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    #: Substrings that only appear if the payload was written out unescaped.
    danger: tuple[str, ...]


PAYLOADS = [
    Payload("script", "<script>alert(1)</script>", ("<script>alert(1)",)),
    Payload("attribute", '"><img src=x onerror=alert(1)>', ("<img src=x onerror",)),
    Payload(
        "jsonld-breakout",
        "</script><script>alert(1)</script>",
        ("</script><script>alert(1)", "<script>alert(1)"),
    ),
    Payload("xml", "]]>&amp; & <x y='1'>", ("<x y=", "]]>&amp; & <")),
    # Breaking out of a quoted attribute without any "<": only the quotes must be escaped.
    # Raw quotes are harmless in text, JSON and XML, so no substring is dangerous; the
    # check is structural: no element may carry an event-handler attribute.
    Payload("attribute-only", "\" onclick=alert(1) ' onfocus=a(2) '", ()),
    # Export syntax: unbalanced BibTeX braces, a TeX command and comment, an entry start.
    # Every payload fits the shortest field it goes into (a 40-character series number)
    # and has no comma or double space, which names and one-line fields rightly reshape;
    # line breaks and RIS tags in one-line fields are covered by test_exports and fuzz.
    Payload("export-syntax", "{\\} \\input{x} } % @misc{y} \\", ()),
    # Bidi controls: a right-to-left override and an isolate left open. Pages isolate
    # user text (test_xss.test_right_to_left_overrides_stay_inside_their_name_or_title);
    # here every surface must keep the characters and escape correctly around them.
    Payload("bidi", "\u202eexe.txt \u2067x \u202b", ()),
]


def value(tag: str, payload: Payload) -> str:
    """The stored value of one field: a tag naming the field, then the payload."""
    return f"{tag} {payload.text}"


def dangerous_url(url: str) -> bool:
    """A URL a browser would run or render as a document (as the browser reads it)."""
    cleaned = re.sub(r"[\x00-\x20\x7f-\xa0\s]+", "", url).lower()
    return cleaned.startswith(("javascript:", "data:", "vbscript:"))


def strings(data) -> list[str]:
    """Every string value in a parsed JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for item in data.values() for s in strings(item)]
    if isinstance(data, list):
        return [s for item in data for s in strings(item)]
    return []


class Report:
    """Collects every failure of a matrix, so one run names all of them."""

    def __init__(self):
        self.failures: list[str] = []

    def check(self, condition: bool, message: str) -> None:
        if not condition:
            self.failures.append(message)

    def html(self, where: str, html: str, payload: Payload, tags=(), *, raw_ok=()) -> None:
        """No raw payload, each tagged field present escaped, no script-running URL."""
        for danger in payload.danger:
            self.check(danger not in html, f"{where}: raw payload {danger!r}")
        for tag in tags:
            self.check(
                escape(value(tag, payload)) in html, f"{where}: field {tag} not shown escaped"
            )
        doc = Doc(html)
        for url in doc.urls:
            self.check(not dangerous_url(url), f"{where}: unsafe URL {url!r}")
        # Our templates carry no inline event handlers: any is an attribute breakout.
        self.check(not doc.handlers, f"{where}: event-handler attributes {doc.handlers}")

    def json(self, where: str, data, payload: Payload, tags=()) -> None:
        found = set(strings(data))
        for tag in tags:
            self.check(value(tag, payload) in found, f"{where}: field {tag} not round-tripped")

    def assert_clean(self) -> None:
        assert not self.failures, "\n".join(self.failures)


def get(client, url: str, status: int = 200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code)
    return response


def localised(prefix: str, payload: Payload, *fields: str) -> dict:
    return {
        f"{field}_{code}": value(f"{prefix}{field}-{code}", payload)
        for field in fields
        for code in LANGS
    }


def xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wxr(
    *,
    title="Imported post",
    content="<p>Text.</p>",
    excerpt="",
    author="Imported Author",
    category="Imported Category",
    doctype="",
    status="publish",
) -> str:
    """A minimal WordPress export: one author, one category, one post."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
{doctype}<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Old site</title><link>https://old.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login>writer</wp:author_login>
<wp:author_email>w@old.example</wp:author_email>
<wp:author_display_name>{xml_text(author)}</wp:author_display_name>
<wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name>
</wp:author>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>hostile</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name>{xml_text(category)}</wp:cat_name>
</wp:category>
<item>
<title>{xml_text(title)}</title><link>https://old.example/2023/05/post/</link>
<pubDate>Sun, 14 May 2023 06:30:00 +0000</pubDate><dc:creator>writer</dc:creator>
<guid isPermaLink="false">https://old.example/?p=101</guid><description></description>
<content:encoded>{xml_text(content)}</content:encoded>
<excerpt:encoded>{xml_text(excerpt)}</excerpt:encoded>
<wp:post_id>101</wp:post_id><wp:post_date>2023-05-14 09:30:00</wp:post_date>
<wp:post_date_gmt>2023-05-14 06:30:00</wp:post_date_gmt><wp:post_name>post</wp:post_name>
<wp:status>{status}</wp:status><wp:post_parent>0</wp:post_parent>
<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="hostile">{xml_text(category)}</category>
</item>
</channel>
</rss>
"""


def import_export(tmp_path, text: str, name: str = "export.xml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--into", "/en/analysis/", stdout=out)
    return out.getvalue()


def page_permission(group: Group, page: Page, codename: str) -> None:
    GroupPagePermission.objects.create(
        group=group,
        page=page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
    )


def admin_user_in(django_user_model, name: str, *groups: Group):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(*groups)
    return user


LEGACY_NOTES = (
    '[1] "Grain zqpasted", Example Review, https://example.org/g, (Date of Accession: 15.03.2023).'
)


def paste_url(page) -> str:
    return reverse("ankasam_pubs_admin:paste_legacy_notes", args=[page.pk])


def translate_url(page) -> str:
    return reverse("ankasam_pubs_translate_page", args=[page.pk])
