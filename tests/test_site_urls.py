"""Every absolute URL comes from the Wagtail Site, never from the request's host.

The Site is https://pubs.example.org; the test client asks as ``testserver`` (an
allowed host the Site does not name), so a URL built from the request would say
``http://testserver`` and fail these tests.
"""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from wagtail.models import Site

from ankasam_pubs.seo.absolute import site_url
from tests import factories as f
from tests.html import Doc

pytestmark = pytest.mark.django_db

ROOT = "https://pubs.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def public_site(tree, authors_index):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "pubs.example.org", 443
    site.save()
    person = f.author("site-author", display_name_en="Site Author", portrait=f.image("face"))
    page = f.analysis(
        tree["index"]["en"], "Rooted", slug="rooted", authors=[person], lead_image=f.image()
    )
    return {"page": page, "person": person, "index": authors_index["en"]}


def no_request_host(text: str) -> None:
    assert "testserver" not in text


def test_the_helper_prefers_the_site_and_keeps_absolute_urls(rf, public_site):
    request = rf.get("/", HTTP_HOST="testserver")
    assert site_url("/feeds/en/rss/", request) == ROOT + "/feeds/en/rss/"
    assert site_url("/x/", request, public_site["page"]) == ROOT + "/x/"
    assert site_url("https://cdn.example.net/a.png", request) == "https://cdn.example.net/a.png"
    assert site_url("", request) == ""


def test_analysis_page_head_uses_the_site(client, public_site):
    response = client.get("/en/analysis/rooted/", HTTP_HOST="testserver")
    assert response.status_code == 200
    html = response.content.decode()
    doc = Doc(html)
    canonical = [link["href"] for link in doc.links if link.get("rel") == "canonical"]
    assert canonical == [ROOT + "/en/analysis/rooted/"]
    assert doc.values("og:url") == [ROOT + "/en/analysis/rooted/"]
    assert doc.values("og:image")[0].startswith(ROOT + "/")
    no_request_host(html)


def test_author_page_uses_the_site(client, public_site):
    address = public_site["index"].url + "site-author/"
    response = client.get(address, HTTP_HOST="testserver")
    assert response.status_code == 200
    html = response.content.decode()
    doc = Doc(html)
    (person,) = [data for data in doc.json_ld() if data.get("@type") == "Person"]
    assert person["url"] == ROOT + "/en/authors/site-author/"
    assert person["image"].startswith(ROOT + "/")
    hreflang = [link["href"] for link in doc.links if link.get("hreflang")]
    assert hreflang and all(href.startswith(ROOT + "/") for href in hreflang)
    no_request_host(html)


def test_author_feed_uses_the_site(client, public_site):
    address = public_site["index"].url + "site-author/feed/"
    response = client.get(address, HTTP_HOST="testserver")
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": ROOT + "/en/authors/site-author/",
        "self": ROOT + "/en/authors/site-author/feed/",
    }
    entry_link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert entry_link == ROOT + "/en/analysis/rooted/"
    no_request_host(response.content.decode())


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_site_feeds_use_the_site(client, public_site, feed_format):
    response = client.get(f"/feeds/en/{feed_format}/", HTTP_HOST="testserver")
    assert response.status_code == 200
    text = response.content.decode()
    assert f'href="{ROOT}/feeds/en/{feed_format}/"' in text  # the feed's own address
    assert f"{ROOT}/en/analysis/rooted/" in text
    no_request_host(text)


def test_sitemap_uses_the_site(client, public_site, monkeypatch):
    from ankasam_pubs.seo import sitemap

    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 1)  # an index of parts
    response = client.get("/sitemap.xml", HTTP_HOST="testserver")
    assert response.status_code == 200
    text = response.content.decode()
    assert f"<loc>{ROOT}/sitemap-1.xml</loc>" in text
    no_request_host(text)
