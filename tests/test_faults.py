"""Fault injection: the database going away mid-request, a crashing import.

What a failure may leave behind, and what it may show:

* A database error at any query of a reader's request (analysis, index, author page,
  feed, sitemap, API) is a plain 500 page (the example site's ``500.html``), never a
  traceback, SQL or a half-rendered page.
* A database error at any query of an editor's write leaves the database exactly as it
  was or exactly as the write wanted it, never a mix: our "Paste legacy notes" and
  Translate views whatever the host sets; Wagtail's publish and unpublish (and Wagtail
  7.0's draft saving) only with ``ATOMIC_REQUESTS``, which the example site sets and the
  install tutorial asks hosts to set (a test shows the half-writes without it).
* On PostgreSQL, the same with a real dropped connection (``pg_terminate_backend``).
* A crash while the WordPress importer writes its k-th post (an exception or Ctrl-C)
  leaves every post fully imported or absent, and running the import again completes it.

A failing task backend while publishing (content stays, ``rebuild_similar_posts``
repairs the lists) is covered in tests/test_similar_posts.py
(``test_task_backend_failure_keeps_content_and_a_rebuild_repairs``).

How the sweeps are faithful to production. Each iteration runs inside the test's own
transaction and is rolled back afterwards, so that the next one starts from the same
state. In production the request runs in autocommit mode: its outermost ``atomic``
block is a real transaction and a failed statement outside any block rolls back
nothing. :func:`production_transactions` gives the code under test those semantics
inside the test's transaction, and what it queued ``on_commit`` runs after the request,
inside the fault injector, as Django's immediate task backend would run it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connection, connections, transaction
from django.db.transaction import Atomic
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ankasam_pubs.models import (
    AnalysisAuthor,
    AnalysisNote,
    AnalysisPage,
    AuthorIndexPage,
    AuthorProfile,
    ImportedWordPressItem,
    Topic,
)
from ankasam_pubs.pages.blocks import RICH_TEXT_FEATURES
from ankasam_pubs.similar import service, tasks
from ankasam_pubs.similar.models import SimilarityDocument, SimilarPost
from tests import factories as f
from tests import test_import_wordpress as wp
from tests.factories import SOURCE_FORM_FIELDS, paragraphs, ref, source

GONE = "server closed the connection unexpectedly"
#: What an error page must never show a reader.
LEAKS = ("Traceback", "OperationalError", GONE, "SELECT ", "INSERT ", "wagtailcore_", "ankasam_")
ERROR_PAGE = "The page could not be shown because of a problem on our side."
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


# -- the fault injector ------------------------------------------------------------------


class DatabaseGoesAway:
    """An execute wrapper: the ``fail_at``-th query raises what a dropped server raises."""

    def __init__(self, fail_at: int):
        self.fail_at = fail_at
        self.count = 0
        self.failed_sql = None

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        if self.count == self.fail_at:
            self.failed_sql = sql
            raise OperationalError(GONE)
        return execute(sql, params, many, context)


@contextlib.contextmanager
def production_transactions():
    """Inside the test's transaction, transactions behave as in an autocommit request.

    An ``atomic`` block that would be outermost in production gets a savepoint even
    when it asks for none (``Model.save_base``, ``QuerySet.update``): in production it
    is a transaction of its own. ``mark_for_rollback_on_error`` outside any block of
    the code under test does nothing, as in autocommit mode.
    """
    baseline = len(connection.atomic_blocks)
    enter, mark = Atomic.__enter__, transaction.mark_for_rollback_on_error

    def outermost() -> bool:
        return len(connections[transaction.DEFAULT_DB_ALIAS].atomic_blocks) == baseline

    def atomic_enter(self):
        wanted = self.savepoint
        if outermost():
            self.savepoint = True
        try:
            return enter(self)
        finally:
            self.savepoint = wanted

    @contextlib.contextmanager
    def mark_for_rollback_on_error(using=None):
        if outermost():
            yield
        else:
            with mark(using):
                yield

    Atomic.__enter__ = atomic_enter
    transaction.mark_for_rollback_on_error = mark_for_rollback_on_error
    try:
        yield
    finally:
        Atomic.__enter__ = enter
        transaction.mark_for_rollback_on_error = mark


@contextlib.contextmanager
def rolled_back():
    """Everything inside is undone afterwards (a savepoint of the test's transaction)."""
    block = transaction.atomic()
    block._from_testcase = True  # durable blocks of the code under test stay allowed
    with block:
        yield
        transaction.set_rollback(True)
    tasks._pending.pages = None


def clear_caches() -> None:
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def run_request(make_request, fail_at: int | None):
    """One request as production runs it, the ``fail_at``-th query failing."""
    clear_caches()
    injector = DatabaseGoesAway(fail_at or 0)
    with (
        connection.execute_wrapper(injector),
        production_transactions(),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        response = make_request()
    return response, injector


def count_queries(make_request) -> int:
    """How many queries the request makes (its after-commit tasks included)."""
    with rolled_back():
        clear_caches()
        with (
            CaptureQueriesContext(connection) as queries,
            production_transactions(),
            TestCase.captureOnCommitCallbacks(execute=True),
        ):
            response = make_request()
        assert response.status_code < 400, response.status_code
    assert len(queries) > 0
    return len(queries)


def assert_error_page(response) -> None:
    assert response.status_code == 500
    body = response.content.decode()
    assert ERROR_PAGE in body, body[:500]
    for leak in LEAKS:
        assert leak not in body, leak


# -- content -------------------------------------------------------------------------------


@pytest.fixture
def site(tree, django_user_model):
    index = tree["index"]["en"]
    experts = tree["home"]["en"].add_child(
        instance=AuthorIndexPage(title="Experts", slug="authors", locale=tree["locales"]["en"])
    )
    experts.save_revision().publish()
    ayse, mehmet, olga = f.author("ayse"), f.author("mehmet"), f.author("olga")
    words = "grain corridor ports shipping insurance tonnage exports harvest"
    pages = [
        f.analysis(
            index,
            f"Grain corridor {n}",
            authors=[ayse, mehmet],
            body=paragraphs(f"<p>{words} {n}{ref('n1')}.</p>"),
            notes=[
                {"uid": "n1", "sources": [source(f"Source {n}")]},
                {"uid": "n2", "comment": "<p>An aside.</p>"},
            ],
        )
        for n in range(3)
    ]
    service.rebuild_all()
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return {
        "tree": tree,
        "page": pages[0],
        "experts": experts,
        "authors": {"ayse": ayse, "mehmet": mehmet, "olga": olga},
        "client": client,
    }


# -- 1a: readers ---------------------------------------------------------------------------

READER_URLS = {
    "analysis": lambda site: site["page"].url,
    "index": lambda site: site["tree"]["index"]["en"].url,
    "author": lambda site: site["experts"].url + "ayse/",
    "feed": lambda site: "/feeds/en/rss/",
    "sitemap": lambda site: "/sitemap.xml",
    "api": lambda site: "/api/v2/analyses/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", READER_URLS)
def test_a_reader_gets_the_error_page_whichever_query_fails(site, name):
    url = READER_URLS[name](site)
    reader = Client(raise_request_exception=False)
    reader.get(url)  # per-process caches (content types, site root paths) are warm
    total = count_queries(lambda: reader.get(url))
    for fail_at in range(1, total + 1):
        with rolled_back():
            response, injector = run_request(lambda: reader.get(url), fail_at)
        assert injector.failed_sql is not None, f"query {fail_at} of {total} never ran"
        assert_error_page(response)
    with rolled_back():
        response, injector = run_request(lambda: reader.get(url), total + 1)
    assert injector.failed_sql is None and response.status_code == 200, "the count is exact"


def test_the_error_pages_render_without_database_or_request():
    """No ``django_db`` mark: a single query would fail this test."""
    from django.http import Http404
    from django.test import RequestFactory
    from django.views.defaults import page_not_found, server_error

    response = server_error(RequestFactory().get("/en/analysis/"))  # renders an empty context
    assert response.status_code == 500 and ERROR_PAGE in response.content.decode()
    response = page_not_found(RequestFactory().get("/en/nowhere/"), Http404())
    assert response.status_code == 404
    assert "There is no page at this address." in response.content.decode()


# -- 1b, 1c: editors -----------------------------------------------------------------------

SOURCE_FIELDS = SOURCE_FORM_FIELDS


def deleted(rows) -> list[dict]:
    """Existing inline rows, submitted for deletion."""
    return [{"id": row.pk, "DELETE": "1", **fields} for row, fields in rows]


def edit_form(site) -> dict:
    """The edit form of the analysis with new text, notes and authors."""
    page, authors = site["page"], site["authors"]
    old_notes = [
        (note, {"uid": note.uid, "sources": streamfield([]), "comment": rich_text("")})
        for note in page.notes.order_by("sort_order")
    ]
    old_credits = [
        (credit, {"author": credit.author_id, "role": credit.role, "ORDER": n})
        for n, credit in enumerate(page.analysis_authors.order_by("sort_order"))
    ]
    return nested_form_data(
        {
            "title": "Water and drought",
            "slug": page.slug,
            "summary": "Rewritten.",
            "publication_date": page.publication_date.isoformat(),
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text(
                            f"<p>Rivers dry up and reservoirs empty{ref('w1')}.</p>",
                            features=RICH_TEXT_FEATURES,
                        ),
                    )
                ]
            ),
            "analysis_authors": inline_formset(
                [
                    *deleted(old_credits),
                    {"author": authors["olga"].pk, "role": "author", "ORDER": 3},
                    {"author": authors["ayse"].pk, "role": "translator", "ORDER": 4},
                ],
                initial=len(old_credits),
            ),
            "similar_pins": inline_formset([]),
            "similar_exclusions": inline_formset([]),
            "tags": "",
            "notes": inline_formset(
                [
                    *deleted(old_notes),
                    {
                        "uid": "w1",
                        "sources": streamfield(
                            [("source", {**SOURCE_FIELDS, "title": "Water atlas"})]
                        ),
                        "comment": rich_text("<p>Dry years.</p>"),
                    },
                ],
                initial=len(old_notes),
            ),
        }
    )


def publish(site):
    data = {**edit_form(site), "action-publish": "1"}
    url = reverse("wagtailadmin_pages:edit", args=[site["page"].pk])
    return lambda: site["client"].post(url, data)


def save_draft(site):
    data = edit_form(site)
    url = reverse("wagtailadmin_pages:edit", args=[site["page"].pk])
    return lambda: site["client"].post(url, data)


def unpublish(site):
    url = reverse("wagtailadmin_pages:unpublish", args=[site["page"].pk])
    return lambda: site["client"].post(url)


LEGACY = '[1] "Grain in Transit", Example Maritime Review, example.org/grain.\n[2] Ibid., 12.\n'


def paste_legacy_notes(site):
    url = reverse("ankasam_pubs_admin:paste_legacy_notes", args=[site["page"].pk])
    data = {"notes": LEGACY, "link_markers": "on", "confirm": "True"}
    return lambda: site["client"].post(url, data)


def translate(site):
    url = reverse("ankasam_pubs_translate_page", args=[site["page"].pk])
    # Two languages: our view makes both copies in one transaction.
    data = {"locales": [site["tree"]["locales"][code].pk for code in ("tr", "ru")]}
    return lambda: site["client"].post(url, data)


BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')  # random per request


def analysis_state(site, old_revisions: frozenset) -> dict:
    """What an editor's write may change, with revision ids made comparable."""
    pk = site["page"].pk

    def revision(revision_id):
        if revision_id is None or revision_id in old_revisions:
            return revision_id
        content = Revision.objects.get(pk=revision_id).content
        return ("new", content["title"], len(content.get("notes", [])))

    row = Page.objects.get(pk=pk)
    revisions = Revision.page_revisions.filter(object_id=str(pk)).order_by("created_at", "pk")
    pages = Page.objects.filter(translation_key=row.translation_key).order_by("locale_id")
    return {
        "page": (
            row.title,
            row.draft_title,
            row.live,
            row.has_unpublished_changes,
            AnalysisPage.objects.get(pk=pk).summary,
        ),
        "live_revision": revision(row.live_revision_id),
        "latest_revision": revision(row.latest_revision_id),
        "revisions": [revision(r) for r in revisions.values_list("pk", flat=True)],
        "notes": [
            (uid, BLOCK_KEY.sub("", comment), sort_order)
            for uid, comment, sort_order in AnalysisNote.objects.filter(page_id=pk)
            .order_by("sort_order")
            .values_list("uid", "comment", "sort_order")
        ],
        "authors": list(
            AnalysisAuthor.objects.filter(page_id=pk)
            .order_by("sort_order")
            .values_list("author_id", "role")
        ),
        "log": list(
            PageLogEntry.objects.filter(page_id=pk).order_by("pk").values_list("action", flat=True)
        ),
        "translations": [(p.locale_id, p.live, p.alias_of_id is not None) for p in pages],
        "pages": Page.objects.count(),
    }


def similar_state() -> dict:
    """The lists, and the words each document was indexed with.

    (Weights of other pages' documents drift between full rebuilds by design.)
    """
    return {
        "lists": sorted(SimilarPost.objects.values_list("page_id", "similar_id", "rank", "pinned")),
        "documents": sorted(
            (page_id, sorted(json.loads(data)["v"]))
            for page_id, data in SimilarityDocument.objects.values_list("page_id", "data")
        ),
    }


WRITES = {
    # name: (request builder, what the clean request must change)
    "publish": (publish, ("page", "live_revision", "notes", "authors")),
    "save-draft": (save_draft, ("latest_revision", "revisions")),
    "unpublish": (unpublish, ("page", "live_revision")),
    "paste-legacy-notes": (paste_legacy_notes, ("latest_revision", "revisions")),
    "translate": (translate, ("translations", "pages")),
}
ATOMIC_REQUESTS = bool(settings.DATABASES["default"].get("ATOMIC_REQUESTS"))


def sweep(site, name: str) -> set[str]:
    """Fail each query of the write in turn; every outcome is all-or-nothing. Returns
    the outcomes seen ("old", "new"); raises ``HalfWritten`` at the first mix."""
    prepare, changes = WRITES[name]
    request = prepare(site)
    old_revisions = frozenset(
        Revision.page_revisions.filter(object_id=str(site["page"].pk)).values_list("pk", flat=True)
    )
    before = analysis_state(site, old_revisions), similar_state()
    with rolled_back():
        clean, _ = run_request(request, None)
        after = analysis_state(site, old_revisions), similar_state()
    assert clean.status_code == 302, clean.status_code
    changed = {key for key in before[0] if before[0][key] != after[0][key]}
    assert set(changes) <= changed, changed
    total = count_queries(request)

    outcomes = set()
    for fail_at in range(1, total + 1):
        with rolled_back():
            response, injector = run_request(request, fail_at)
            assert injector.failed_sql is not None, f"query {fail_at} of {total} never ran"
            where = f"query {fail_at} of {total}: {injector.failed_sql[:120]}"
            content, lists = analysis_state(site, old_revisions), similar_state()
            if content == before[0]:
                assert lists == before[1], where
                outcomes.add("old")
            else:
                if content != after[0]:
                    raise HalfWritten(f"{where}\n{content}\n!=\n{after[0]}")
                outcomes.add("new")
                if lists != after[1]:  # the after-commit update failed: a rebuild repairs
                    service.rebuild_all()
                    assert similar_state() == after[1], where
            if response.status_code == 500:
                assert_error_page(response)
            else:  # a failure something caught (a search-index task): the write stands
                assert content == after[0] and response.status_code == 302, where
    return outcomes


class HalfWritten(AssertionError):
    pass


def test_the_example_site_makes_every_request_atomic():
    """What the sweeps below rely on for Wagtail's own views (docs: install tutorial)."""
    assert ATOMIC_REQUESTS


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["publish", "unpublish", "save-draft"])
def test_wagtails_writes_are_all_or_nothing_with_atomic_requests(site, name):
    assert sweep(site, name) == {"old", "new"}  # the sweep spans the commit


@pytest.mark.django_db
@pytest.mark.parametrize("atomic_requests", [True, False], ids=["atomic-requests", "autocommit"])
@pytest.mark.parametrize("name", ["paste-legacy-notes", "translate"])
def test_our_views_are_all_or_nothing_whatever_the_host_sets(
    site, name, atomic_requests, monkeypatch
):
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", atomic_requests)
    assert sweep(site, name) == {"old", "new"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["publish", "unpublish"])
def test_without_atomic_requests_wagtails_publishing_can_half_write(site, name, monkeypatch):
    """Why hosts must set ATOMIC_REQUESTS: Wagtail's publish and unpublish views write in
    several transactions. If a Wagtail release makes them atomic, this fails and the
    install tutorial's advice can be relaxed."""
    monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", False)
    with pytest.raises(HalfWritten):
        sweep(site, name)


# -- 2: a real dropped connection on PostgreSQL ----------------------------------------


class TerminateBackend:
    """Before the first query matching ``sql``, another session kills this one's backend."""

    def __init__(self, sql: str, occurrence: int = 1):
        self.sql, self.occurrence = sql, occurrence
        self.seen = 0
        self.killed = False

    def __call__(self, execute, sql, params, many, context):
        if not self.killed and self.sql in sql:
            self.seen += 1
            if self.seen == self.occurrence:
                self.killed = True
                pid = context["connection"].connection.info.backend_pid
                other = connections.create_connection(transaction.DEFAULT_DB_ALIAS)
                try:
                    with other.cursor() as cursor:
                        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
                        assert cursor.fetchone()[0] is True
                finally:
                    other.close()
        return execute(sql, params, many, context)


KILLS = {
    # name: (request builder, the statement before which the backend dies, its occurrence)
    "reader": (lambda site: lambda: Client(raise_request_exception=False).get(site["page"].url),
               'FROM "ankasam_pubs_analysisnote"', 1),
    "legacy-notes-revision": (paste_legacy_notes, 'INSERT INTO "wagtailcore_revision"', 1),
    "legacy-notes-page": (paste_legacy_notes, 'UPDATE "wagtailcore_page"', 1),
    "publish-revision": (publish, 'INSERT INTO "wagtailcore_revision"', 1),
    "publish-notes": (publish, 'INSERT INTO "ankasam_pubs_analysisnote"', 1),
    "publish-log": (publish, 'INSERT INTO "wagtailcore_pagelogentry"', 2),
}  # fmt: skip


@pytest.mark.skipif(
    not POSTGRES,
    reason="pg_terminate_backend needs PostgreSQL: set DATABASE_URL=postgres://… to run it",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", KILLS)
def test_postgres_backend_terminated_mid_request(name, django_user_model, monkeypatch):
    """A real dropped connection, in autocommit mode as in production."""
    from tests.test_browser import ensure_page_tree_root

    ensure_page_tree_root()
    tree = f.site_tree()
    site = {
        "tree": tree,
        "page": f.analysis(
            tree["index"]["en"],
            "Grain corridor",
            authors=[f.author("ayse"), f.author("mehmet")],
            body=paragraphs(f"<p>Grain left the ports{ref('n1')} [1].</p>"),
            notes=[{"uid": "n1", "sources": [source("Source")]}],
        ),
        "authors": {"ayse": f.author("ayse-2"), "olga": f.author("olga")},
    }
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    site["client"] = Client(raise_request_exception=False)
    site["client"].force_login(editor)
    if name.startswith("publish"):  # Wagtail's publish is all-or-nothing only with this
        monkeypatch.setitem(connection.settings_dict, "ATOMIC_REQUESTS", True)
    prepare, statement, occurrence = KILLS[name]
    request = prepare(site)
    old_revisions = frozenset(
        Revision.page_revisions.filter(object_id=str(site["page"].pk)).values_list("pk", flat=True)
    )
    before = analysis_state(site, old_revisions)
    killer = TerminateBackend(statement, occurrence)
    with connection.execute_wrapper(killer):
        response = request()
    assert killer.killed, f"the request never ran {statement}"
    assert_error_page(response)
    connection.close()  # the test's next query opens a new connection
    assert analysis_state(site, old_revisions) == before


# -- 4: a crash half-way through a WordPress import ---------------------------------------


def make_uploads(tmp_path) -> Path:
    """The old site's uploads folder, as tests/test_import_wordpress.py's fixture makes it."""
    from PIL import Image as PILImage

    folder = tmp_path / "uploads"
    for relative in ("2023/05/corridor-map.png", "2023/06/port-photo.png"):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (12, 8), (20, 90, 160)).save(path, "PNG")
    return folder


def import_export(uploads) -> None:
    call_command(
        "import_wordpress", str(wp.EXPORT), "--into", "/en/analysis/",
        "--uploads", str(uploads), "--mapping", str(wp.MAPPING), stdout=io.StringIO(),
    )  # fmt: skip


def imported_posts() -> dict[int, tuple]:
    """Each imported post as everything it was made into."""
    posts = {}
    rows = ImportedWordPressItem.objects.filter(post_type="post").select_related("page")
    for row in rows:
        page = row.page.specific
        posts[row.wp_id] = (
            page.locale.language_code,
            page.slug,
            page.title,
            page.live,
            page.live_revision_id is not None,
            page.has_unpublished_changes,
            [(n.uid, n.comment, n.sort_order) for n in page.notes.order_by("sort_order")],
            [(c.author.slug, c.role) for c in page.analysis_authors.order_by("sort_order")],
            sorted(page.topics.values_list("slug", flat=True)),
            sorted(page.regions.values_list("slug", flat=True)),
            page.series.slug if page.series else None,
            sorted(Redirect.objects.filter(redirect_page=page).values_list("old_path", flat=True)),
            sorted(PageViewRestriction.objects.filter(page=page).values_list("restriction_type")),
            row.translation_group,
        )
    return posts


def assert_whole_or_absent(reference: dict[int, tuple]) -> set[int]:
    """Every post is exactly as a clean import makes it, or leaves no trace."""
    posts = imported_posts()
    for wp_id, made in posts.items():
        assert made == reference[wp_id], wp_id
    # Nothing of an absent post: no page, note, credit, redirect, profile or term.
    pages = AnalysisPage.objects.all()
    assert pages.count() == len(posts)
    assert AnalysisNote.objects.count() == sum(len(made[6]) for made in posts.values())
    assert AnalysisAuthor.objects.count() == sum(len(made[7]) for made in posts.values())
    assert Redirect.objects.count() == sum(len(made[11]) for made in posts.values())
    credited = set(AnalysisAuthor.objects.values_list("author_id", flat=True))
    assert not AuthorProfile.objects.exclude(pk__in=credited).exists()
    assert not Topic.objects.filter(analysispage__isnull=True).exists()
    # Present members of a translation group are one page in several languages.
    keys: dict[str, set] = {}
    for row in ImportedWordPressItem.objects.filter(post_type="post").exclude(translation_group=""):
        keys.setdefault(row.translation_group, set()).add(row.page.translation_key)
    assert all(len(found) == 1 for found in keys.values()), keys
    return set(posts)


def crash_on(monkeypatch, stage: str, k: int, error: BaseException) -> list[int]:
    """Make the importer raise ``error`` at ``stage`` of the k-th post it writes."""
    from ankasam_pubs.importers.wordpress.importer import WordPressImporter

    written: list[int] = []

    def arm(item) -> None:
        if not written or written[-1] != item.post_id:
            written.append(item.post_id)
        if len(written) == k:
            raise error

    if stage == "tracking-row":  # the last write of a post
        manager = ImportedWordPressItem.objects
        original_row = manager.update_or_create

        def update_or_create(*args, defaults=None, **kwargs):
            if (defaults or {}).get("post_type") == "post":
                arm(SimpleNamespace(post_id=kwargs["wp_id"]))
            return original_row(*args, defaults=defaults, **kwargs)

        monkeypatch.setattr(manager, "update_or_create", update_or_create)
        return written
    name = {"credits": "_set_credits", "published": "_set_visibility"}[stage]
    original = getattr(WordPressImporter, name)

    def step(self, page, item, log):
        arm(item)
        return original(self, page, item, log)

    monkeypatch.setattr(WordPressImporter, name, step)
    return written


POSTS_WRITTEN = 7  # the export's posts that get as far as being written
EVERY_POST = range(1, POSTS_WRITTEN + 1)
SOME_POSTS = (1, 4, POSTS_WRITTEN)  # first, a translation of an earlier one, last


@pytest.mark.django_db
@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(
    "stage, error, ks",
    [
        # profiles and terms are being created, the page is not there yet
        ("credits", RuntimeError("disk full"), SOME_POSTS),
        # the page is added and published; visibility, redirects and its row are not
        ("published", RuntimeError("disk full"), SOME_POSTS),
        ("published", KeyboardInterrupt(), EVERY_POST),
        # everything but the row that records the post
        ("tracking-row", RuntimeError("disk full"), EVERY_POST),
        ("tracking-row", KeyboardInterrupt(), SOME_POSTS),
    ],
    ids=["credits-error", "published-error", "published-ctrl-c", "row-error", "row-ctrl-c"],
)
def test_an_import_crashing_at_the_kth_post_leaves_whole_posts_and_a_rerun_completes(
    tree, tmp_path, monkeypatch, stage, error, ks
):
    uploads = make_uploads(tmp_path)
    with rolled_back():
        import_export(uploads)
        reference, counts = imported_posts(), wp.snapshot()
    assert len(reference) == POSTS_WRITTEN
    for k in ks:
        with rolled_back(), monkeypatch.context() as patch:
            written = crash_on(patch, stage, k, error)
            if isinstance(error, KeyboardInterrupt):
                with pytest.raises(KeyboardInterrupt):
                    import_export(uploads)
            else:
                import_export(uploads)
            crashed = written[k - 1]
            present = assert_whole_or_absent(reference)
            assert crashed not in present, k
            if isinstance(error, KeyboardInterrupt):  # the run stopped there
                assert present == set(written[: k - 1]), k
            else:  # the run went on with the others
                assert present == set(reference) - {crashed}, k
            patch.undo()
            import_export(uploads)
            assert imported_posts() == reference, k
            assert wp.snapshot() == counts, k
