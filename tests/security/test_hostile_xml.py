"""Hostile XML for the WordPress importer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from ankasam_pubs.models import (
    AnalysisPage,
    AuthorProfile,
    Series,
    Topic,
)

from .common import WORDPRESS, import_export, wxr

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        AuthorProfile.objects.count(),
        Topic.objects.count(),
        Series.objects.count(),
    )


def _hostile_exports(secret: Path) -> dict[str, str]:
    url = secret.as_uri()
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    return {
        "xxe-in-content": wxr(
            content="&xxe;", doctype=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}">]>\n'
        ).replace("&amp;xxe;", "&xxe;"),
        "xxe-parameter-entity": wxr(doctype=f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{url}"> %p;]>\n'),
        "xxe-in-attribute-default": wxr(
            doctype=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}"><!ATTLIST rss a CDATA "&xxe;">]>\n'
        ),
        "billion-laughs-in-item": wxr(
            title="&l9;", doctype=f'<!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>\n'
        ).replace("&amp;l9;", "&l9;"),
        "quadratic-blowup": wxr(
            content="&a;" * 2000, doctype=f'<!DOCTYPE rss [<!ENTITY a "{"a" * 50000}">]>\n'
        ).replace("&amp;a;", "&a;"),
    }


HOSTILE = [
    "xxe-in-content",
    "xxe-parameter-entity",
    "xxe-in-attribute-default",
    "billion-laughs-in-item",
    "quadratic-blowup",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_xml_is_refused_and_nothing_is_written(tree, tmp_path, name, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("zqlocalfile\n", encoding="utf-8")
    before = _snapshot()
    with pytest.raises(CommandError) as error:
        import_export(tmp_path, _hostile_exports(secret)[name])
    message = str(error.value)
    assert "refused" in message and "Nothing was imported" in message, message
    assert "zqlocalfile" not in message
    assert _snapshot() == before


def test_external_dtd_is_refused_and_never_fetched(tree, tmp_path, no_network):
    """A document type read from a file or an address is refused, as the docs say, with
    a message naming it; nothing of it reaches the site and nothing is written."""
    secret = tmp_path / "evil.dtd"
    secret.write_text('<!ENTITY zq "zqlocalfile">', encoding="utf-8")
    before = _snapshot()
    for target in (secret.as_uri(), "http://attacker.invalid/evil.dtd"):
        doctype = f'<!DOCTYPE rss SYSTEM "{target}">\n'
        with pytest.raises(CommandError) as error:
            import_export(tmp_path, wxr(title="Plain", doctype=doctype))
        message = str(error.value)
        assert "refused" in message and target in message, message
        assert "zqlocalfile" not in message
        assert _snapshot() == before
    # The control: the same export without the external document type imports.
    import_export(tmp_path, wxr(title="Plain zqcontrol"))
    assert Page.objects.filter(title="Plain zqcontrol").exists()


def test_unknown_encoding_is_a_clear_error(tree, tmp_path, no_network):
    before = _snapshot()
    text = wxr(title="Plain").replace('encoding="UTF-8"', 'encoding="klingon"')
    with pytest.raises(CommandError) as error:
        import_export(tmp_path, text)
    assert "klingon" in str(error.value) and "UTF-8" in str(error.value)
    assert _snapshot() == before


def test_a_post_over_the_size_limit_is_refused_and_the_others_import(tree, tmp_path, no_network):
    from ankasam_pubs.importers.wordpress.wxr import MAX_TEXT_CHARACTERS

    huge = "<p>" + "x" * (MAX_TEXT_CHARACTERS + 10) + "</p>"
    output = import_export(tmp_path, wxr(title="Huge zqhuge", content=huge))
    assert "limit" in output and "not imported" in output
    assert not Page.objects.filter(title__contains="zqhuge").exists()
    output = import_export(tmp_path, wxr(title="Fits zqfits", content="<p>Small.</p>"))
    assert Page.objects.filter(title="Fits zqfits").exists()


def test_the_shipped_hostile_fixtures_still_fail_through_the_command(tree, no_network):
    """The fixtures test_import_wordpress.py reads, through the same entry point."""
    for name in ("xxe.xml", "billion-laughs.xml"):
        with pytest.raises(CommandError, match="refused"):
            call_command(
                "import_wordpress",
                str(WORDPRESS / name),
                "--into",
                "/en/analysis/",
                stdout=io.StringIO(),
            )
    assert not AnalysisPage.objects.exists()
