"""Similar posts on real pages: precomputed lists, kept fresh by tasks, never leaking."""

import datetime
import json
import logging

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from ankasam_pubs.models import AnalysisIndexPage
from ankasam_pubs.similar import engine, service, tasks
from ankasam_pubs.similar.display import similar_posts
from ankasam_pubs.similar.models import (
    SimilarityDocument,
    SimilarPost,
    SimilarPostExclusion,
    SimilarPostPin,
)
from tests.factories import analysis, author, paragraphs, restrict, term, translate

ENERGY = "Gas pipelines, energy supply and winter storage: interconnectors carry the load."
ENERGY_2 = "Winter gas storage and pipeline interconnectors decide energy supply."
ENERGY_3 = "Energy supply through gas pipelines depends on storage before winter."
WATER = "Drought, irrigation and rivers: adaptation finance for water basins."
WATER_2 = "Irrigation water from rivers and drought adaptation finance."
CYBER = "Malware and ransomware attacks on grid operators test cyber security."

TR_ENERGY = "Gaz boru hatları, enerji arzı ve kış depolaması."
TR_ENERGY_2 = "Kış gaz depolaması ve boru hatları enerji arzını belirler."
TR_WATER = "Kuraklık, sulama ve nehirler: su havzaları için uyum finansmanı."


def body(text: str) -> list[dict]:
    return paragraphs(f"<p>{text}</p>")


def shown(page) -> list[int]:
    return list(
        SimilarPost.objects.filter(page=page).order_by("rank").values_list("similar_id", flat=True)
    )


@pytest.fixture
def corpus(tree, commit):
    index = tree["index"]["en"]
    with commit():
        pages = {
            "energy": analysis(index, "Gas and winter", body=body(ENERGY)),
            "energy2": analysis(index, "Winter storage", body=body(ENERGY_2)),
            "water": analysis(index, "Water and drought", body=body(WATER)),
            "water2": analysis(index, "Rivers", body=body(WATER_2)),
            "cyber": analysis(index, "Grid security", body=body(CYBER)),
        }
    return pages


def test_publishing_fills_the_lists_right_after_commit(corpus):
    assert shown(corpus["energy"])[0] == corpus["energy2"].pk
    assert shown(corpus["water"])[0] == corpus["water2"].pk
    assert corpus["cyber"].pk not in shown(corpus["energy"])
    row = SimilarPost.objects.filter(page=corpus["energy"]).first()
    assert row.version == engine.ALGORITHM_VERSION


def test_a_new_analysis_enters_older_lists_at_once(tree, corpus, commit):
    with commit():
        newer = analysis(tree["index"]["en"], "Pipelines in winter", body=body(ENERGY_3))
    assert newer.pk in shown(corpus["energy"])
    assert newer.pk in shown(corpus["energy2"])
    assert newer.pk not in shown(corpus["water"])
    assert corpus["energy"].pk in shown(newer)


def test_incremental_lists_match_a_full_rebuild(tree, corpus, commit):
    with commit():
        analysis(tree["index"]["en"], "Pipelines in winter", body=body(ENERGY_3))
        corpus["water2"].unpublish()
    incremental = {p: shown(p) for p in Page.objects.filter(similarity_document__isnull=False)}
    service.rebuild(tree["locales"]["en"])
    rebuilt = {p: shown(p) for p in Page.objects.filter(similarity_document__isnull=False)}
    assert incremental == rebuilt


def test_rebuilding_twice_gives_identical_results(tree, corpus):
    def snapshot():
        return list(
            SimilarPost.objects.order_by("page_id", "rank").values_list(
                "page_id", "similar_id", "rank", "score", "pinned"
            )
        ), list(SimilarityDocument.objects.order_by("page_id").values_list("data", "reserve"))

    service.rebuild(tree["locales"]["en"])
    first = snapshot()
    service.rebuild(tree["locales"]["en"])
    assert snapshot() == first
    assert first[0]


# -- privacy: what never appears ---------------------------------------------------------


def everywhere(page) -> bool:
    """Whether ``page`` is anywhere in the tables."""
    return (
        SimilarPost.objects.filter(similar=page).exists()
        or SimilarPost.objects.filter(page=page).exists()
        or SimilarityDocument.objects.filter(page=page).exists()
    )


def test_drafts_and_scheduled_pages_never_enter(tree, corpus, commit):
    index = tree["index"]["en"]
    with commit():
        draft = analysis(index, "Gas pipelines draft", body=body(ENERGY_3), live=False)
        scheduled = analysis(index, "Gas storage later", body=body(ENERGY_3), live=False)
        revision = scheduled.save_revision()
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
        revision = scheduled.save_revision()
        revision.publish()  # publishing with a future go-live date only schedules it
    scheduled.refresh_from_db()
    assert not scheduled.live
    service.rebuild(tree["locales"]["en"])
    assert not everywhere(draft)
    assert not everywhere(scheduled)


@pytest.mark.parametrize(
    "change",
    ["unpublish", "expire", "password", "login", "groups", "delete", "move-under-private"],
)
def test_a_page_that_stops_qualifying_leaves_every_list_at_once(tree, corpus, commit, change):
    gone = corpus["energy2"]
    assert gone.pk in shown(corpus["energy"])
    with commit():
        if change == "unpublish":
            gone.unpublish()
        elif change == "expire":
            gone.expire_at = timezone.now() - datetime.timedelta(minutes=1)
            gone.save()
            gone.unpublish(set_expired=True)
        elif change in ("password", "login", "groups"):
            kind = {
                "password": PageViewRestriction.PASSWORD,
                "login": PageViewRestriction.LOGIN,
                "groups": PageViewRestriction.GROUPS,
            }[change]
            restrict(gone, kind)
        elif change == "delete":
            gone.delete()
        else:
            section = tree["home"]["en"].add_child(
                instance=AnalysisIndexPage(
                    title="Members", slug="members", locale=tree["locales"]["en"]
                )
            )
            section.save_revision().publish()
            restrict(section, PageViewRestriction.LOGIN)
            Page.objects.get(pk=gone.pk).move(section, pos="last-child")
    assert not SimilarPost.objects.filter(similar_id=gone.pk).exists()
    assert not SimilarityDocument.objects.filter(page_id=gone.pk).exists()
    assert gone.url not in [item.url for item in similar_posts(corpus["energy"])]
    # Lists it was not in are untouched.
    assert shown(corpus["water"])[0] == corpus["water2"].pk


def test_a_restriction_lifted_brings_the_page_back(tree, corpus, commit):
    with commit():
        restriction = restrict(corpus["energy2"])
    assert corpus["energy2"].pk not in shown(corpus["energy"])
    with commit():
        restriction.delete()
    assert corpus["energy2"].pk in shown(corpus["energy"])


def test_display_rechecks_privacy_even_before_the_tables_catch_up(tree, corpus):
    # No commit here: the tasks have not run, the table still lists the page.
    restrict(corpus["energy2"])
    assert corpus["energy2"].pk in shown(corpus["energy"])
    urls = [item.url for item in similar_posts(corpus["energy"])]
    assert corpus["energy2"].url not in urls
    assert corpus["water"].url not in urls  # unrelated stays out too
    Page.objects.filter(pk=corpus["water2"].pk).update(live=False)
    assert corpus["water2"].url not in [item.url for item in similar_posts(corpus["water"])]


# -- languages ---------------------------------------------------------------------------


@pytest.fixture
def turkish(tree, corpus, commit):
    tr = tree["locales"]["tr"]
    with commit():
        pages = {
            "energy": translate(corpus["energy"], tr, title="Gaz ve kış", body=body(TR_ENERGY)),
            "energy2": translate(
                corpus["energy2"], tr, title="Kış depolaması", body=body(TR_ENERGY_2)
            ),
            "water": translate(corpus["water"], tr, title="Su ve kuraklık", body=body(TR_WATER)),
        }
    return pages


def test_lists_are_same_language_and_never_hold_translations(tree, corpus, turkish):
    tr_ids = {p.pk for p in turkish.values()}
    for page in turkish.values():
        assert set(shown(page)) <= tr_ids - {page.pk}
    assert shown(turkish["energy"])[0] == turkish["energy2"].pk
    for page in corpus.values():
        assert not set(shown(page)) & tr_ids


def test_a_turkish_page_shows_turkish_posts_with_a_turkish_heading(client, turkish):
    response = client.get(turkish["energy"].url)
    html = response.content.decode()
    assert "Benzer Yazılar" in html
    section = html[html.index('class="ap-similar"') :]
    assert turkish["energy2"].url in section
    assert "/analysis/" not in section.split("</section>")[0]


def test_a_short_translation_borrows_from_its_source_in_the_readers_language(
    tree, corpus, turkish, commit, settings
):
    # A Turkish version whose text shares nothing with the Turkish energy page, while
    # the English versions are close: it only arrives through the English list.
    with commit():
        cyber_tr = translate(corpus["energy2"], tree["locales"]["ru"], title="Сеть")
        borrowed = translate(
            Page.objects.get(pk=corpus["cyber"].pk).specific,
            tree["locales"]["tr"],
            title="Şebeke güvenliği",
            body=body("Zararlı yazılım saldırıları"),
        )
    assert cyber_tr
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_COUNT": 6}
    own = shown(turkish["energy"])
    assert borrowed.pk not in own
    english_list = shown(corpus["energy"])
    items = similar_posts(turkish["energy"])
    urls = [item.url for item in items]
    assert all(item.language_code == "tr" and item.language_name is None for item in items)
    if corpus["cyber"].pk in english_list:
        assert borrowed.url in urls
    # English source's Turkish versions come after the page's own list.
    assert urls[: len(own)] == [Page.objects.get(pk=pk).url for pk in own]

    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_BORROW": "none"}
    assert [i.url for i in similar_posts(turkish["energy"])] == urls[: len(own)]


def test_other_language_versions_only_when_allowed_and_labelled(tree, corpus, turkish, settings):
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_BORROW": "translations"}
    assert all(i.language_code == "tr" for i in similar_posts(turkish["water"]))
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_BORROW": "any"}
    items = similar_posts(turkish["water"])
    english = [i for i in items if i.language_code == "en"]
    assert english, "the English list has versions with no Turkish translation"
    assert all(i.language_name == "English" for i in english)
    assert corpus["water2"].url in [i.url for i in english]


def test_borrowed_other_language_item_is_labelled_in_html(client, turkish, settings):
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_BORROW": "any"}
    html = client.get(turkish["water"].url).content.decode()
    assert 'hreflang="en" lang="en"' in html
    assert "(English)" in html


# -- editors' pins and exclusions, diversity ---------------------------------------------


def test_pins_first_and_exclusions_never(tree, corpus, commit):
    page = corpus["energy"]
    page.similar_pins.add(SimilarPostPin(analysis=corpus["cyber"], sort_order=0))
    page.similar_pins.add(SimilarPostPin(analysis=corpus["water"], sort_order=1))
    page.similar_exclusions.add(SimilarPostExclusion(analysis=corpus["energy2"]))
    with commit():
        page.save_revision().publish()
    assert shown(page)[:2] == [corpus["cyber"].pk, corpus["water"].pk]
    assert corpus["energy2"].pk not in shown(page)
    assert SimilarPost.objects.get(page=page, similar=corpus["cyber"]).pinned
    # A pinned page that stops qualifying leaves the list; publishing it again returns it.
    with commit():
        corpus["cyber"].unpublish()
    assert corpus["cyber"].pk not in shown(page)
    with commit():
        Page.objects.get(pk=corpus["cyber"].pk).specific.save_revision().publish()
    assert shown(page)[0] == corpus["cyber"].pk


def test_pins_carry_over_to_translations_in_their_language(tree, corpus, commit):
    page = corpus["energy"]
    page.similar_pins.add(SimilarPostPin(analysis=corpus["water"], sort_order=0))
    with commit():
        page.save_revision().publish()
        tr = tree["locales"]["tr"]
        water_tr = translate(corpus["water"], tr, title="Su", body=body(TR_WATER))
        energy_tr = translate(page, tr, title="Enerji", body=body(TR_ENERGY))
    # The copy points at the English page; the Turkish list shows the Turkish version.
    assert shown(energy_tr)[0] == water_tr.pk


def test_diversity_caps_one_author(tree, commit, settings):
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_COUNT": 4, "SIMILAR_POSTS_MAX_PER_AUTHOR": 2}
    index = tree["index"]["en"]
    prolific, other = author("prolific"), author("other")
    with commit():
        page = analysis(index, "Gas", body=body(ENERGY))
        for n in range(4):
            analysis(index, f"Gas {n}", body=body(ENERGY_2), authors=[prolific])
        # Others as relevant qualify (a much weaker one would not push a third out).
        for n in range(2):
            analysis(index, f"Storage {n}", body=body(ENERGY_2), authors=[other])
    shown_pages = Page.objects.filter(pk__in=shown(page)).specific()
    by_author = [p.analysis_authors.first().author_id for p in shown_pages]
    assert len(by_author) == 4
    assert by_author.count(prolific.pk) == 2


def test_taxonomy_is_compared_across_languages(tree, commit):
    """Topics are one row per term, translated field by field: the same in every locale."""
    topic = term(__import__("ankasam_pubs.models").models.Topic, "migration")
    index = tree["index"]["tr"]
    with commit():
        page = analysis(index, "Birinci", body=body("alfa"), topics=[topic])
        analysis(index, "İkinci", body=body("beta"))
        match = analysis(index, "Üçüncü", body=body("gama"), topics=[topic])
    assert shown(page) == [match.pk]


def test_an_untagged_analysis_borrows_topics_in_updates_as_in_a_rebuild(tree, commit, settings):
    """Published one by one, an analysis without topics borrows those of its closest
    texts and stores them; a rebuild finds the same, and the same lists."""
    models = __import__("ankasam_pubs.models").models
    gas, water = term(models.Topic, "gas"), term(models.Topic, "water")
    index = tree["index"]["en"]
    with commit():
        tagged = analysis(index, "Gas and winter", body=body(ENERGY), topics=[gas])
        analysis(index, "Winter storage", body=body(ENERGY_2), topics=[gas])
        analysis(index, "Water and drought", body=body(WATER), topics=[water])
        same = analysis(index, "Pipelines", body=body("gas pipeline " + WATER_2), topics=[gas])
        other = analysis(index, "Rivers", body=body("gas pipeline " + WATER_2), topics=[water])
    with commit():
        bare = analysis(index, "Pipelines in winter", body=body(ENERGY_3))
    stored = SimilarityDocument.objects.get(page=bare).data
    assert list(json.loads(stored)["i"])[0] == f"topics:{gas.pk}"
    # Same words shared with both, but only one shares the borrowed topic.
    assert shown(bare).index(same.pk) < shown(bare).index(other.pk)
    # Others' lists never see what it borrowed.
    assert bare.pk in shown(tagged)
    incremental = {p: shown(p) for p in Page.objects.filter(similarity_document__isnull=False)}
    service.rebuild(tree["locales"]["en"])
    assert SimilarityDocument.objects.get(page=bare).data == stored
    rebuilt = {p: shown(p) for p in Page.objects.filter(similarity_document__isnull=False)}
    assert incremental == rebuilt
    settings.ANKASAM_PUBS = {"SIMILAR_POSTS_NEIGHBOURS_TAXONOMY": 0}  # a site turns it off
    service.rebuild(tree["locales"]["en"])
    assert json.loads(SimilarityDocument.objects.get(page=bare).data)["i"] == {}


# -- cost at request time ----------------------------------------------------------------


def _bulk_analyses(parent: Page, count: int, locale) -> list[int]:
    """Page rows under ``parent`` without the costs of Page.add_child (for scale)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(parent.specific.__class__)
    last = parent.get_children().order_by("-path").first()
    start = int(last.path[-4:], 36) + 1 if last else 1
    pages = []
    for n in range(start, start + count):
        step = Page._get_path(parent.path, parent.depth + 1, n)[-4:]
        pages.append(
            Page(
                title=f"Bulk {n}",
                slug=f"bulk-{n}",
                path=parent.path + step,
                depth=parent.depth + 1,
                numchild=0,
                live=True,
                url_path=f"{parent.url_path}bulk-{n}/",
                content_type=content_type,
                locale=locale,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return list(Page.objects.filter(slug__startswith="bulk-").values_list("pk", flat=True))


def _fill_tables(ids: list[int], locale, per_page: int = 6) -> None:
    SimilarityDocument.objects.bulk_create(
        [
            SimilarityDocument(page_id=pk, locale=locale, data="{}", version="x")
            for pk in ids
            if not SimilarityDocument.objects.filter(page_id=pk).exists()
        ],
        batch_size=500,
    )
    SimilarPost.objects.filter(page_id__in=ids).delete()
    SimilarPost.objects.bulk_create(
        [
            SimilarPost(
                page_id=pk,
                similar_id=ids[(i + r) % len(ids)],
                rank=r,
                score=0.5,
                version="x",
            )
            for i, pk in enumerate(ids)
            for r in range(1, per_page + 1)
        ],
        batch_size=2000,
    )


def test_rendering_costs_the_same_queries_for_100_and_10000_analyses(tree, corpus, rf, settings):
    # The rendering itself, every time (no snapshot, no fragment).
    settings.ANKASAM_PUBS = {**settings.ANKASAM_PUBS, "RENDER_CACHE_TIMEOUT": 0}
    page = corpus["energy"]
    en = tree["locales"]["en"]
    request = rf.get(page.url)

    def measure() -> tuple[int, int, int]:
        page.get_url(request), page.locale  # site paths and own locale: loaded by any page view
        with CaptureQueriesContext(connection) as block:
            items = similar_posts(page, request)
        page.serve(rf.get(page.url)).render()  # warm what a running process keeps
        with CaptureQueriesContext(connection) as whole:
            response = page.serve(rf.get(page.url))
            response.render()
        return len(block), len(whole), len(items)

    ids = _bulk_analyses(tree["index"]["en"], 100, en)
    _fill_tables(ids + [page.pk], en)
    small = measure()
    ids = _bulk_analyses(tree["index"]["en"], 9_900, en)
    _fill_tables(ids + [page.pk], en)
    assert SimilarPost.objects.count() >= 60_000
    large = measure()
    assert small[0] == large[0] == 1, small  # own list complete: one query, no borrowing
    assert small[1] == large[1]
    assert small[2] == large[2] == 6


def test_a_translation_borrowing_costs_two_queries(tree, turkish, rf):
    page = turkish["water"]
    request = rf.get(page.url)
    page.get_url(request), page.locale  # site paths and own locale: loaded by any page view
    with CaptureQueriesContext(connection) as queries:
        similar_posts(page, request)
    assert len(queries) == 2, [q["sql"][:400] for q in queries.captured_queries]


# -- tasks and commands ------------------------------------------------------------------


def test_task_backend_failure_keeps_content_and_a_rebuild_repairs(
    tree, corpus, commit, monkeypatch, caplog
):
    class Broken:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("queue is down")

    monkeypatch.setattr(tasks, "update_similar_posts", Broken())
    with caplog.at_level(logging.ERROR), commit():
        newer = analysis(tree["index"]["en"], "Gas storage", body=body(ENERGY_3))
    assert newer.live
    assert "rebuild_similar_posts" in caplog.text
    assert newer.pk not in shown(corpus["energy"])
    call_command("rebuild_similar_posts", verbosity=0)
    assert newer.pk in shown(corpus["energy"])


def test_rebuild_command_for_one_locale(tree, turkish, capsys):
    SimilarPost.objects.all().delete()
    call_command("rebuild_similar_posts", locale="tr")
    out = capsys.readouterr().out
    assert "tr: 3 analyses" in out
    assert shown(turkish["energy"])
    assert not shown(
        Page.objects.get(
            translation_key=turkish["energy"].translation_key, locale__language_code="en"
        )
    )
    with pytest.raises(CommandError, match="No locale 'xx'"):
        call_command("rebuild_similar_posts", locale="xx")


@pytest.mark.django_db(transaction=True)
def test_a_real_database_worker_runs_the_updates(settings):
    from tests.factories import site_tree
    from tests.test_browser import ensure_page_tree_root

    if not settings.TASKS_DATABASE_BACKEND:
        pytest.fail("the tests need django-tasks-db (or django-tasks < 0.8)")
    ensure_page_tree_root()
    tree = site_tree()
    index = tree["index"]["en"]
    first = analysis(index, "Gas and winter", body=body(ENERGY))
    second = analysis(index, "Winter storage", body=body(ENERGY_2))
    assert first.pk in shown(second)  # immediate backend so far

    settings.TASKS = {"default": {"BACKEND": settings.TASKS_DATABASE_BACKEND}}
    newer = analysis(index, "Pipelines in winter", body=body(ENERGY_3))
    assert newer.pk not in shown(first)  # queued, not run: no worker yet
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert newer.pk in shown(first)
    assert first.pk in shown(newer)
