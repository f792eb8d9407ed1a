"""Share links: plain links, configurable, translated, no third-party script."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.checks import run_checks

from tests import factories as f

pytestmark = pytest.mark.django_db


def share_nav(html):
    return re.search(r'<nav class="ap-share".*?</nav>', html, re.S).group(0)


def test_every_network_by_default_with_encoded_links(client, tree):
    page = f.analysis(tree["index"]["en"], "Grain & ports: Türkiye's view", slug="grain-ports")
    nav = share_nav(client.get(page.url).content.decode())
    hrefs = dict(re.findall(r'<a class="ap-share-(\w+)" href="([^"]+)"', nav))
    assert list(hrefs) == [
        "x",
        "facebook",
        "linkedin",
        "telegram",
        "whatsapp",
        "vk",
        "email",
        "link",
    ]
    full = "http://localhost/en/analysis/grain-ports/"
    x = parse_qs(urlparse(hrefs["x"].replace("&amp;", "&")).query)
    assert x == {"url": [full], "text": ["Grain & ports: Türkiye's view"]}
    assert hrefs["email"].startswith("mailto:?subject=Grain%20%26%20ports")
    assert nav.count('target="_blank" rel="noopener noreferrer"') == 6
    assert 'href="/en/analysis/grain-ports/" data-ap-copy' in nav
    assert 'aria-label="Share on LinkedIn"' in nav


def test_no_third_party_script_or_tracker(client, tree):
    page = f.analysis(tree["index"]["en"], "Clean")
    html = client.get(page.url).content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    assert "<iframe" not in html


def test_networks_are_a_setting(client, tree, settings):
    page = f.analysis(tree["index"]["en"], "Configured")
    settings.ANKASAM_PUBS = {"SHARE_NETWORKS": ["telegram", "email"]}
    nav = share_nav(client.get(page.url).content.decode())
    assert re.findall(r'<a class="ap-share-(\w+)"', nav) == ["telegram", "email", "link"]
    settings.ANKASAM_PUBS = {"SHARE_NETWORKS": []}
    nav = share_nav(client.get(page.url).content.decode())
    assert re.findall(r'<a class="ap-share-(\w+)"', nav) == ["link"]


def test_unknown_network_is_a_check_error(settings):
    settings.ANKASAM_PUBS = {"SHARE_NETWORKS": ["x", "myspace"]}
    [error] = [e for e in run_checks() if e.id == "ankasam_pubs.E001"]
    assert "['myspace']" in error.msg and "telegram" in error.msg


def test_turkish_and_russian_labels(client, tree):
    en = f.analysis(tree["index"]["en"], "Labels", slug="labels")
    tr = f.translate(en, tree["locales"]["tr"], title="Etiketler", slug="etiketler")
    ru = f.translate(en, tree["locales"]["ru"], title="Метки", slug="метки")
    assert ">Paylaş</h2>" in share_nav(client.get(tr.url).content.decode())
    assert ">Поделиться</h2>" in share_nav(client.get(ru.url).content.decode())
