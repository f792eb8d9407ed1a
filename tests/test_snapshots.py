"""Snapshots of reader pages: the same bytes as a full rendering, 9 queries for an
analysis, never used for previews or drafts, and never one request late after a change
(docs/explanation/fast-and-fresh.md). The same changes are checked across two server
processes in tests/test_freshness.py."""

from __future__ import annotations

import datetime
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from ankasam_pubs.caching import generations
from ankasam_pubs.models import AuthorIndexPage, CitationSettings, Series, Topic
from ankasam_pubs.pages.snapshot import usable
from tests.factories import (
    analysis,
    author,
    image,
    note_object,
    paragraphs,
    ref,
    restrict,
    source,
    term,
    translate,
)

BODY = "Gas pipelines, energy supply and winter storage: interconnectors carry the load."


@pytest.fixture
def site(tree, commit):
    en = tree["locales"]["en"]
    authors_index = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="authors", locale=en)
    )
    authors_index.save_revision().publish()
    # The site's citation settings exist (the first reader would otherwise create them,
    # which is a change like any other).
    CitationSettings.for_site(Site.objects.get(is_default_site=True))
    writers = [author(f"writer-{n}", display_name_en=f"Writer {n}") for n in range(3)]
    energy = term(Topic, "energy")
    series = term(Series, "briefs", name_en="Energy Briefs")
    picture = image("Pipeline at dusk")
    uids = [f"n{n}" for n in range(6)]
    notes = [
        {
            "uid": uid,
            "sources": [
                source(f"Report {uid}", url=f"https://example.org/{uid}", accessed="2023-03-15")
            ],
        }
        for uid in uids
    ]
    body = paragraphs(*(f"<p>{BODY} Claim {uid}.{ref(uid)}</p>" for uid in uids))
    with commit():
        others = [
            analysis(
                tree["index"]["en"],
                f"Winter storage {n}",
                topics=[energy],
                body=paragraphs(f"<p>{BODY} Other {n}.</p>"),
            )
            for n in range(4)
        ]
        page = analysis(
            tree["index"]["en"],
            "Gas and winter",
            body=body,
            notes=notes,
            authors=writers,
            topics=[energy],
            series=series,
            lead_image=picture,
        )
        versions = {"en": page}
        for code in ("tr", "ru"):
            versions[code] = translate(page, tree["locales"][code], title=f"Gas ({code})")
    return {
        **tree,
        "page": page,
        "versions": versions,
        "others": others,
        "writers": writers,
        "topic": energy,
        "series": series,
        "image": picture,
        "authors_index": authors_index,
    }


def html(url: str, client: Client | None = None) -> str:
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def queries(url: str, client: Client | None = None) -> int:
    client = client or Client()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# -- the same bytes, fewer queries ------------------------------------------------------
def urls(site) -> list[str]:
    return [
        *(page.url for page in site["versions"].values()),
        site["index"]["en"].url,
        site["index"]["en"].url + "?topic=energy",
        site["authors_index"].url + "writer-0/",
    ]


def test_snapshot_and_fresh_rendering_agree_in_every_language(site, settings):
    kept = {}
    for url in urls(site):
        html(url)
        kept[url] = html(url)
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "RENDER_CACHE_TIMEOUT": 0}
    for url in urls(site):
        assert html(url) == kept[url], url


def test_an_analysis_from_its_snapshot_costs_eight_queries(site):
    url = site["page"].url
    full = queries(url)
    assert full > 15  # the first request renders everything
    # The request's transaction (2), Wagtail's routing down to the index (the site with
    # its root, the active locale, the root's own class, the index and its own class:
    # 5) and the analysis with its locale, the generations and
    # whether a view restriction could apply (1).
    assert queries(url) == 8
    for version in site["versions"].values():
        queries(version.url)
        # Other languages: Wagtail's routing also finds the site root's translation.
        expected = 8 if version.locale.language_code == "en" else 9
        assert queries(version.url) == expected, version.url


def test_the_count_does_not_grow_with_authors_notes_or_similar_posts(site, tree):
    bare = analysis(tree["index"]["en"], "Bare", body=paragraphs("<p>Bare.</p>"))
    queries(bare.url)
    assert queries(bare.url) == 8


def test_index_and_profile_from_their_snapshots_cost_the_same_whatever_they_list(site, tree):
    index = site["index"]["en"].url
    profile = site["authors_index"].url + "writer-0/"
    queries(index), queries(profile)
    before = queries(index), queries(profile)
    for n in range(5):
        analysis(tree["index"]["en"], f"More {n}", authors=[site["writers"][0]])
    queries(index), queries(profile)
    assert (queries(index), queries(profile)) == before


def test_signed_in_readers_get_the_published_page(site, admin_user):
    page = site["page"]
    page.title = "A draft title nobody may read"
    page.save_revision()  # not published
    anonymous = html(page.url)
    client = Client()
    client.force_login(admin_user)
    signed_in = client.get(page.url)
    assert "private" in signed_in["Cache-Control"]
    text = signed_in.content.decode()
    assert "Gas and winter" in text and "A draft title nobody may read" not in text
    article = anonymous[anonymous.index("<article") : anonymous.index("</article>")]
    assert article in text


def test_a_preview_never_comes_from_a_snapshot(site, rf, admin_user):
    page = site["page"]
    html(page.url), html(page.url)
    draft = Page.objects.get(pk=page.pk).specific
    draft.title = "Previewed title"
    draft.save_revision()
    preview = draft.get_latest_revision_as_object().make_preview_request()
    assert "Previewed title" in preview.content.decode()
    assert "Previewed title" not in html(page.url)


def test_previews_drafts_and_restricted_pages_are_never_kept(site, rf):
    page = site["page"]
    assert usable(page, rf.get(page.url))
    preview = rf.get(page.url)
    preview.is_preview = True
    assert not usable(page, preview)
    draft = analysis(site["index"]["en"], "Draft", live=False)
    assert not usable(draft, rf.get("/"))
    restrict(page)
    assert not usable(Page.objects.get(pk=page.pk).specific, rf.get(page.url))


# -- every change shows on the very next request ---------------------------------------
def warm(*urls: str) -> None:
    for url in urls:
        Client().get(url)
        Client().get(url)


def test_editing_a_profile_shows_at_once(site):
    url = site["page"].url
    warm(url)
    writer = site["writers"][0]
    writer.display_name_en = "Renamed Writer"
    writer.save()
    assert "Renamed Writer" in html(url)


def test_renaming_a_topic_and_a_series_shows_at_once(site):
    url = site["page"].url
    warm(url, site["index"]["en"].url)
    site["topic"].name_en = "Energy security"
    site["topic"].save()
    site["series"].name_en = "Pipeline Papers"
    site["series"].save()
    assert "Energy security" in html(url)
    assert "Pipeline Papers" in html(url)
    assert "Pipeline Papers" in html(site["index"]["en"].url)


def test_changing_the_citation_style_shows_at_once(site):
    url = site["page"].url
    warm(url)
    settings_row = CitationSettings.for_site(Site.objects.get(is_default_site=True))
    before = html(url)
    assert settings_row.citation_style == "house"
    assert "(Date of Accession:" in before
    settings_row.citation_style = "chicago"
    settings_row.save()
    assert "(Date of Accession:" not in html(url)


def test_an_image_title_shows_at_once_as_alt_text(site):
    url = site["page"].url
    warm(url)
    assert 'alt="Pipeline at dusk"' in html(url)
    picture = site["image"]
    picture.title = "Compressor station"
    picture.save()
    assert 'alt="Compressor station"' in html(url)


def test_the_site_name_shows_at_once(site, settings):
    settings.ANKASAM_PUBS = {
        key: value for key, value in settings.ANKASAM_PUBS.items() if key != "ORGANISATION_NAME"
    }
    url = site["page"].url
    warm(url)
    default = Site.objects.get(is_default_site=True)
    default.site_name = "Caspian Policy Desk"
    default.save()
    assert "Caspian Policy Desk" in html(url)


def test_renaming_the_authors_index_moves_author_links_at_once(site):
    url = site["page"].url
    warm(url)
    assert 'href="/en/authors/writer-0/"' in html(url)
    index = AuthorIndexPage.objects.get(pk=site["authors_index"].pk)
    index.slug = "people"
    index.save_revision().publish()
    assert 'href="/en/people/writer-0/"' in html(url)


def test_unpublishing_a_translation_leaves_the_switcher_at_once(site):
    url = site["page"].url
    warm(url)
    russian = site["versions"]["ru"]
    assert '<link rel="alternate" hreflang="ru"' in html(url)
    assert f'href="{russian.url}"' in html(url)
    russian.unpublish()
    assert '<link rel="alternate" hreflang="ru"' not in html(url)
    assert f'href="{russian.url}"' not in html(url)


def test_privacy_on_a_translation_leaves_the_switcher_at_once(site):
    url = site["page"].url
    warm(url)
    assert '<link rel="alternate" hreflang="tr"' in html(url)
    restrict(site["versions"]["tr"])
    assert '<link rel="alternate" hreflang="tr"' not in html(url)
    assert f'href="{site["versions"]["tr"].url}"' not in html(url)


def test_an_expired_translation_leaves_the_switcher_when_it_expires(site):
    url = site["page"].url
    turkish = site["versions"]["tr"]
    soon = timezone.now() + datetime.timedelta(seconds=1)
    # No signal, no generation: only the time passing (publish_scheduled has not run).
    Page.objects.filter(pk=turkish.pk).update(expire_at=soon)
    warm(url)
    assert '<link rel="alternate" hreflang="tr"' in html(url)  # kept, until it expires
    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.05)
    assert '<link rel="alternate" hreflang="tr"' not in html(url)
    assert f'href="{turkish.url}"' not in html(url)


def test_moving_and_deleting_a_similar_page_shows_at_once(site, commit):
    url = site["page"].url
    warm(url)
    other = site["others"][0]
    assert other.url in html(url)
    with commit():
        Page.objects.get(pk=other.pk).delete()
    assert other.url not in html(url)


def test_each_kind_of_change_moves_its_generation(site, commit):
    before = generations.current()
    site["topic"].save()
    after_label = generations.current()
    assert after_label[0] == before[0] + 1 and after_label[1] == before[1]
    site["versions"]["ru"].unpublish()
    after_unpublish = generations.current()
    assert after_unpublish[1] > after_label[1] and after_unpublish[0] == after_label[0]
    note_object("x")  # building an object saves nothing: no bump
    assert generations.current() == after_unpublish
