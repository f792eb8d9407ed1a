"""Load test: concurrent readers against gunicorn on PostgreSQL while an editor publishes,
unpublishes and saves secret drafts; every response is checked for errors and leaks.
See benchmarks/README.md ("Load test").

    DATABASE_URL=postgres://user@host:port/name .venv/bin/python benchmarks/load.py --quick

The run works in its own database ``<name>_load`` on the same server (dropped and
created again), so the database named in DATABASE_URL is never touched.
"""

from __future__ import annotations

import argparse
import datetime
import html
import http.client
import importlib.util
import json
import os
import platform
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlencode, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example_project"
sys.path[:0] = [str(EXAMPLE), str(ROOT)]

from benchmarks.topology import free_port, start_gunicorn, wait_until_ready  # noqa: E402

#: How often a reader picks each kind of URL: pages most, the heavy lists less.
KIND_WEIGHTS = {
    "analysis": 40,
    "index": 10,
    "home": 5,
    "author": 12,
    "feed": 15,
    "sitemap": 3,
    "api": 10,
    "private": 3,
    "draft": 2,
}
KINDS = tuple(KIND_WEIGHTS)

#: An API detail URL of a page that is not public. The example site prefixes the default
#: language (``i18n_patterns``), so Django's LocaleMiddleware turns the API's 404 into a
#: redirect to ``/en/api/…`` (docs/reference/api.md, "404s and i18n_patterns").
API_NOT_FOUND = frozenset({302, 404})

#: A password-protected page: Wagtail's password form (200); 401/403 would do as well,
#: as long as the body has none of the page (the leak scan checks that).
PASSWORD_FORM = frozenset({200, 401, 403})


# -- pure helpers (tests/test_loadtest_helpers.py) ---------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between closest ranks (as
    numpy's default); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/max in milliseconds, rounded to 0.1 ms."""
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms, default=0.0), 1),
    }


def needle_forms(text: str) -> set[bytes]:
    """The byte strings ``text`` may appear as in a response: raw UTF-8, HTML/XML escaped
    (with and without quotes escaped) and JSON with non-ASCII escaped."""
    forms = {text, html.escape(text, quote=True), html.escape(text, quote=False)}
    forms.add(json.dumps(text)[1:-1])
    forms.add(json.dumps(text, ensure_ascii=False)[1:-1])
    return {form.encode() for form in forms if form}


def find_leaks(body: bytes, needles: dict[bytes, str]) -> list[str]:
    """Labels of the needles (byte string -> what it is) that occur in ``body``."""
    return sorted({label for needle, label in needles.items() if needle in body})


def url_kind(
    url: str,
    *,
    author_roots: Iterable[str] = (),
    index_roots: Iterable[str] = (),
    home_roots: Iterable[str] = (),
) -> str:
    """What a site-relative URL is: feed, sitemap, api, author, index, home, analysis or
    other. Roots are the paths of the author index, analysis index and home pages."""
    path = urlparse(url).path
    if path.startswith("/feeds/") or path.endswith("/feed/"):
        return "feed"
    if path == "/sitemap.xml":
        return "sitemap"
    if path.startswith("/api/"):
        return "api"
    if any(path.startswith(root) for root in author_roots):
        return "author"
    if path in set(index_roots):
        return "index"
    if any(path.startswith(root) and path != root for root in index_roots):
        return "analysis"
    if path in set(home_roots):
        return "home"
    return "other"


@dataclass(frozen=True)
class Target:
    """One URL readers request, with the statuses that count as correct."""

    path: str
    kind: str
    allowed: frozenset[int] = frozenset({200})
    #: A page the editor unpublishes now and then: 404 is expected, counted apart.
    toggled: bool = False


def judge(target: Target, status: int) -> str:
    """ "ok", "toggled-404" (an expected 404 of a page being unpublished) or "error"."""
    if target.toggled and status == 404:
        return "toggled-404"
    return "ok" if status in target.allowed else "error"


@dataclass
class KindStats:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    bytes: int = 0
    errors: int = 0
    leaks: int = 0
    toggled_404: int = 0
    stale: int = 0  # older than the purge bound allows (topology run)
    hits: int = 0  # answered from the front-end cache (X-Cache: HIT)
    window_errors: int = 0  # 5xx or refused while an app server was announced down

    def merge(self, other: KindStats) -> None:
        self.latencies += other.latencies
        self.statuses.update(other.statuses)
        self.bytes += other.bytes
        self.errors += other.errors
        self.leaks += other.leaks
        self.toggled_404 += other.toggled_404
        self.stale += other.stale
        self.hits += other.hits
        self.window_errors += other.window_errors


def summarise(stats: dict[str, KindStats], seconds: float) -> list[dict]:
    """One row per kind plus an "all" row: requests, RPS, latency percentiles, faults."""
    total = KindStats()
    rows = []
    for kind in sorted(stats, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
        total.merge(stats[kind])
        rows.append(_row(kind, stats[kind], seconds))
    return [_row("all", total, seconds), *rows]


def _row(kind: str, stats: KindStats, seconds: float) -> dict:
    count = len(stats.latencies)
    return {
        "kind": kind,
        "requests": count,
        "rps": round(count / seconds, 1) if seconds else 0.0,
        **latency_summary(stats.latencies),
        "mean_kib": round(stats.bytes / count / 1024, 1) if count else 0.0,
        "errors": stats.errors,
        "leaks": stats.leaks,
        "toggled_404": stats.toggled_404,
        "stale": stats.stale,
        "hit_ratio": round(stats.hits / count, 3) if count else 0.0,
        "window_errors": stats.window_errors,
        "statuses": dict(sorted(stats.statuses.items(), key=lambda item: str(item[0]))),
    }


def load_database_url(url: str) -> str:
    """DATABASE_URL of the load test's own database: ``<name>_load`` on the same server."""
    parsed = urlparse(url)
    name = unquote(parsed.path.lstrip("/"))
    return urlunparse(parsed._replace(path="/" + quote(name + "_load")))


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and urlparse(url).scheme in ("postgres", "postgresql")


# -- the database ------------------------------------------------------------------------
def recreate_database(url: str, fallback: str) -> None:
    """Drop and create the database of ``url``, connected to its server's ``postgres``
    database (the load database itself cannot be dropped while connected to it), or to
    ``fallback`` (the database DATABASE_URL names) where ``postgres`` is not open to us."""
    import psycopg
    from psycopg import sql

    parsed = urlparse(url)
    name = unquote(parsed.path.lstrip("/"))
    try:
        conn = psycopg.connect(urlunparse(parsed._replace(path="/postgres")), autocommit=True)
    except psycopg.OperationalError:
        conn = psycopg.connect(fallback, autocommit=True)
    with conn:
        # FORCE: a gunicorn left over from a killed run may still hold connections.
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(name)))


def setup_django(url: str, media_root: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "demo_site.settings"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_MEDIA_ROOT"] = str(media_root)
    os.environ["DJANGO_DEBUG"] = "0"  # also keeps Django from recording every query
    import django

    django.setup()


@dataclass
class Fixtures:
    """What the load process added on top of the demo content, and the secrets to find."""

    needles: dict[bytes, str]
    private_ids: list[int]
    draft_ids: list[int]
    secret_draft_ids: list[int]  # live pages whose latest revision is a secret draft
    toggle_ids: list[int]  # live pages without secret drafts: the editor toggles these
    markers: dict[str, str]
    private_password: str = ""


def add_fixtures(rng: random.Random) -> Fixtures:
    """A password-protected and a never-published analysis with secret markers, and
    secret draft revisions on live analyses; returns the needles to look for."""
    from django.db import transaction
    from django.utils import translation
    from wagtail.models import Locale, Page, PageViewRestriction

    from ankasam_pubs.models import AnalysisAuthor, AnalysisIndexPage, AnalysisPage

    translation.activate("en")
    token = secrets.token_hex(6)  # random per run: a stale cache can't fake a pass
    markers = {
        "private": f"zqprivate{token}",
        "draft": f"zqdraft{token}",
        "revision": f"zqrevision{token}",
    }
    needles: dict[bytes, str] = {}
    for label, marker in markers.items():
        needles[marker.encode()] = f"{label} marker"

    def secret_paragraph(marker: str) -> list[dict]:
        return [{"type": "paragraph", "value": f"<p>Secret body {marker} not for readers.</p>"}]

    live = list(
        AnalysisPage.objects.live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("pk")
    )
    en = Locale.objects.get(language_code="en")
    index = AnalysisIndexPage.objects.get(locale=en)
    model_page = next(p for p in live if p.locale_id == en.pk)
    credits = list(model_page.analysis_authors.all())

    def new_analysis(title: str, slug: str, marker: str) -> AnalysisPage:
        # Same series, topics, regions and author as a live analysis, so the secret page
        # is a candidate for feeds, similar posts, author profiles and filtered lists.
        page = AnalysisPage(
            locale=en,
            live=False,
            title=title,
            slug=slug,
            summary=f"Secret summary {marker}.",
            series=model_page.series,
            publication_date=datetime.date.today(),
            body=secret_paragraph(marker),
        )
        page.topics.set(model_page.topics.all())
        page.regions.set(model_page.regions.all())
        for credit in credits:
            page.analysis_authors.add(AnalysisAuthor(author=credit.author, role=credit.role))
        index.add_child(instance=page)
        return page

    with transaction.atomic():
        private_title = f"Private briefing {markers['private']}"
        private = new_analysis(private_title, f"load-private-{token}", markers["private"])
        private.save_revision().publish()
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password=token
        )
        draft = new_analysis(
            f"Unpublished draft {markers['draft']}", f"load-draft-{token}", markers["draft"]
        )
        draft.save_revision()  # never published

    # Titles of pages readers must never see, the demo's own private and draft ones too.
    for page in Page.objects.filter(live=False).exclude(depth=1):
        for form in needle_forms(page.title):
            needles[form] = f"draft title {page.pk}"
    for restriction in PageViewRestriction.objects.select_related("page"):
        for form in needle_forms(restriction.page.title):
            needles[form] = f"private title {restriction.page_id}"

    # Live analyses per language: half get secret drafts, half are toggled by the editor.
    by_language: dict[int, list] = defaultdict(list)
    for page in live:
        by_language[page.locale_id].append(page)
    secret_ids, toggle_ids = [], []
    for pages in by_language.values():
        pages = pages[:]
        rng.shuffle(pages)
        half = max(1, len(pages) // 4)
        secret_ids += [p.pk for p in pages[:half]]
        toggle_ids += [p.pk for p in pages[half : half * 2]]
    for pk in secret_ids:
        save_secret_revision(pk, markers["revision"], 0)
    check_fixtures(secret_ids, private.pk, draft.pk, markers)
    return Fixtures(
        needles=needles,
        private_ids=[private.pk],
        draft_ids=[draft.pk],
        secret_draft_ids=secret_ids,
        toggle_ids=toggle_ids,
        markers=markers,
        private_password=token,
    )


def check_fixtures(secret_ids: list[int], private_id: int, draft_id: int, markers) -> None:
    """The fixtures are what the leak checks assume, or the run stops here: a secret
    that never reached the database would make "0 leaks" meaningless."""
    from wagtail.models import Page

    from ankasam_pubs.models import AnalysisPage

    for pk in secret_ids:
        page = AnalysisPage.objects.get(pk=pk)
        draft = page.get_latest_revision_as_object()
        if not (
            page.live
            and page.has_unpublished_changes
            and markers["revision"] in draft.title
            and markers["revision"] not in page.title
        ):
            raise RuntimeError(f"page {pk} has no unpublished secret revision")
    if not Page.objects.get(pk=private_id).get_view_restrictions().exists():
        raise RuntimeError("the private analysis has no view restriction")
    if Page.objects.get(pk=draft_id).live:
        raise RuntimeError("the draft analysis is live")


def save_secret_revision(pk: int, marker: str, number: int) -> None:
    """A newer, unpublished revision of a live analysis with the marker in title, summary
    and body; the live page must keep showing its published content."""
    from ankasam_pubs.models import AnalysisPage

    page = AnalysisPage.objects.get(pk=pk)
    # The page row holds the live content: the marker lands in the draft only.
    page.title = f"{page.title} {marker} r{number}"
    page.summary = f"{page.summary} {marker}"
    page.body = [*page.body.raw_data, *_marker_block(marker)]
    page.save_revision()


def _marker_block(marker: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>Draft-only paragraph {marker}.</p>"}]


# -- the URLs readers request ------------------------------------------------------------
def discover(fixtures: Fixtures) -> list[Target]:
    """Every public URL kind from the database, plus the private and draft pages."""
    from django.conf import settings
    from wagtail.models import Page

    from ankasam_pubs.models import (
        AnalysisIndexPage,
        AnalysisPage,
        AuthorIndexPage,
        AuthorProfile,
        Region,
        Series,
        Topic,
    )
    from home.models import HomePage

    languages = [code for code, _name in settings.LANGUAGES]
    homes = [p.url for p in HomePage.objects.live().public()]
    indexes = [p.url for p in AnalysisIndexPage.objects.live().public()]
    author_indexes = list(AuthorIndexPage.objects.live().public())
    roots = {
        "author_roots": [p.url for p in author_indexes],
        "index_roots": indexes,
        "home_roots": homes,
    }
    targets: list[Target] = []

    def add(path: str, kind: str | None = None, **extra) -> None:
        targets.append(Target(path, kind or url_kind(path, **roots), **extra))

    for path in homes + indexes:
        add(path)
    for path in indexes:
        add(path + "?page=2")
    for topic in Topic.objects.order_by("slug")[:3]:
        add(f"{indexes[0]}?topic={topic.slug}")

    toggled, secret = set(fixtures.toggle_ids), set(fixtures.secret_draft_ids)
    analyses = AnalysisPage.objects.live().public().filter(alias_of__isnull=True).order_by("pk")
    for page in analyses:
        add(page.url, toggled=page.pk in toggled)
        # Citation exports read the page too: every secret-draft page's, a third of the rest.
        if page.pk in secret or (page.pk not in toggled and page.pk % 3 == 0):
            add(page.url + "cite/bibtex/")
            add(page.url + "references/ris/")

    profiles = list(AuthorProfile.objects.order_by("slug"))
    for index in author_indexes:
        add(index.url)
        for profile in profiles:
            add(index.url + index.reverse_subpage("author_profile", args=[profile.slug]))
        add(index.url + index.reverse_subpage("author_feed", args=[profiles[0].slug]))

    for language in languages:
        for fmt in ("rss", "atom"):
            add(f"/feeds/{language}/{fmt}/")
        terms = [("author", p.slug) for p in profiles]
        terms += [("series", s.slug) for s in Series.objects.all()]
        terms += [("topic", t.slug) for t in Topic.objects.all()]
        terms += [("region", r.slug) for r in Region.objects.all()]
        for kind, slug in terms:
            add(f"/feeds/{language}/{kind}/{slug}/rss/")
        add(f"/feeds/{language}/author/{profiles[-1].slug}/atom/")
    add("/sitemap.xml")

    for language in languages:
        # Analyses are filtered by ``locale``; author profiles are translated by ``lang``.
        add(f"/api/v2/analyses/?locale={language}")
        add(f"/api/v2/authors/?lang={language}")
    add("/api/v2/analyses/?locale=en&limit=20&offset=5&fields=summary,body")
    for pk in fixtures.secret_draft_ids:
        add(f"/api/v2/analyses/{pk}/?fields=summary,body")

    # Wagtail answers a password-protected page with its password form (200), and a
    # page that was never published with 404, like one that does not exist.
    for pk in fixtures.private_ids + list(
        Page.objects.live().filter(view_restrictions__isnull=False).values_list("pk", flat=True)
    ):
        page = Page.objects.get(pk=pk)
        add(page.url, "private", allowed=PASSWORD_FORM)
        add(f"/api/v2/analyses/{pk}/", "private", allowed=API_NOT_FOUND)
    for pk in fixtures.draft_ids + list(
        AnalysisPage.objects.filter(live=False).values_list("pk", flat=True)
    ):
        page = Page.objects.get(pk=pk)
        add(_draft_path(page), "draft", allowed=frozenset({404}))
        add(f"/api/v2/analyses/{pk}/", "draft", allowed=API_NOT_FOUND)
    return list(dict.fromkeys(targets))  # the demo's own private/draft pages twice: once


def _draft_path(page) -> str:
    """The URL a never-published page would have: its parent's URL and its slug
    (Wagtail gives pages that are not live no URL)."""
    parent = page.get_parent()
    return f"{parent.url}{quote(page.slug)}/"


# -- the server (benchmarks/topology.py starts it) ---------------------------------------
def stop_gunicorn(process) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: graceful shutdown of the workers
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- readers and the editor --------------------------------------------------------------
@dataclass
class Finding:
    path: str
    status: int | str
    what: str


class Reader(threading.Thread):
    """One reader: requests targets (at random, or ``order``) and checks each answer.

    For the topology run, ``checker(target, status, body, started)`` returns what is stale
    in an answer, and ``in_window()`` says an app server is announced down: 5xx and refused
    connections then count apart from errors."""

    def __init__(
        self,
        number,
        port,
        targets,
        needles,
        stop,
        seed,
        deadline=None,
        order=None,
        checker=None,
        in_window=None,
    ):
        super().__init__(name=f"reader-{number}", daemon=True)
        self.checker = checker
        self.in_window = in_window or (lambda: False)
        self.port = port
        self.targets = targets
        self.needles = needles
        self.stop = stop
        self.deadline = deadline
        self.order = order  # fixed list of targets (the warm-up pass) instead of random
        self.rng = random.Random(seed)
        self.stats: dict[str, KindStats] = defaultdict(KindStats)
        self.findings: list[Finding] = []
        by_kind = defaultdict(list)
        for target in targets:
            by_kind[target.kind].append(target)
        self.by_kind = dict(by_kind)
        self.kinds = [k for k in KINDS if k in by_kind]
        self.weights = [KIND_WEIGHTS[k] for k in self.kinds]

    def pick(self) -> Target:
        kind = self.rng.choices(self.kinds, self.weights)[0]
        return self.rng.choice(self.by_kind[kind])

    def run(self) -> None:
        conn = None
        queue = iter(self.order) if self.order is not None else None
        while not self.stop.is_set():
            if queue is not None:
                target = next(queue, None)
                if target is None:
                    break
            else:
                if time.monotonic() >= self.deadline:
                    break
                target = self.pick()
            if conn is None:
                # http.client reconnects by itself after a "Connection: close" answer.
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            stats = self.stats[target.kind]
            started = time.perf_counter()
            began = time.monotonic()
            try:
                conn.request("GET", target.path)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                stats.latencies.append(time.perf_counter() - started)
                stats.statuses["connection"] += 1
                if self.in_window():
                    stats.window_errors += 1
                else:
                    stats.errors += 1
                    self.findings.append(Finding(target.path, "connection", repr(error)))
                conn.close()
                conn = None
                continue
            stats.latencies.append(time.perf_counter() - started)
            stats.statuses[response.status] += 1
            stats.bytes += len(body)
            if response.getheader("X-Cache") == "HIT":
                stats.hits += 1
            if self.checker is not None:
                for what in self.checker(target, response.status, body, began):
                    stats.stale += 1
                    self.findings.append(Finding(target.path, response.status, "STALE " + what))
            verdict = judge(target, response.status)
            if verdict == "error" and response.status >= 500 and self.in_window():
                stats.window_errors += 1
            elif verdict == "toggled-404":
                stats.toggled_404 += 1
            elif verdict == "error":
                stats.errors += 1
                self.findings.append(
                    Finding(target.path, response.status, "unexpected status: " + _snippet(body))
                )
            leaks = find_leaks(body, self.needles)
            if leaks:
                stats.leaks += 1
                self.findings.append(Finding(target.path, response.status, "LEAK " + str(leaks)))
        if conn is not None:
            conn.close()


def unlock_private_page(port: int, path: str, password: str) -> bytes:
    """The private page as a reader who knows the password sees it: the positive control
    that the marker reaches real responses and the leak scan finds it."""

    def fetch(method: str, url: str, body: str = "", cookies: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, url, body=body or None, headers=headers)
        response = conn.getresponse()
        content = response.read()
        jar = dict(cookies or {})
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
        conn.close()
        return response, content, jar

    _response, form, cookies = fetch("GET", path)
    text = form.decode()
    fields = dict(re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', text))
    action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', text).group(1))
    fields["password"] = password
    response, _content, cookies = fetch("POST", action, urlencode(fields), cookies)
    if response.status != 302:
        raise RuntimeError(f"the password form answered {response.status}, not a redirect")
    _response, page, _cookies = fetch("GET", path, cookies=cookies)
    return page


def _snippet(body: bytes, size: int = 160) -> str:
    return " ".join(body[:size].decode("utf-8", "replace").split())


class Editor(threading.Thread):
    """One editor in this process, through the ORM: unpublishes a toggled analysis,
    waits, publishes its last published revision again; now and then saves another
    secret draft revision on a page that already has one."""

    def __init__(self, fixtures: Fixtures, stop: threading.Event, pause: float, seed: int):
        super().__init__(name="editor", daemon=True)
        self.fixtures = fixtures
        self.stop = stop
        self.pause = pause
        self.rng = random.Random(seed)
        self.operations: Counter = Counter()
        self.failure: str | None = None

    def run(self) -> None:
        from django.db import connection

        from ankasam_pubs.models import AnalysisPage

        try:
            cycle = 0
            while not self.stop.is_set():
                pk = self.fixtures.toggle_ids[cycle % len(self.fixtures.toggle_ids)]
                page = AnalysisPage.objects.get(pk=pk)
                # Remember the published revision: after unpublish() the page has none.
                revision = page.live_revision
                page.unpublish()
                self.operations["unpublish"] += 1
                self.stop.wait(self.pause)
                # Toggled pages have no newer drafts, so this is exactly the old content.
                revision.publish()
                self.operations["publish"] += 1
                if cycle % 3 == 2:
                    secret = self.rng.choice(self.fixtures.secret_draft_ids)
                    save_secret_revision(secret, self.fixtures.markers["revision"], cycle)
                    self.operations["secret draft"] += 1
                cycle += 1
                self.stop.wait(self.pause)
        except Exception as error:  # reported, and fails the run
            self.failure = repr(error)
        finally:
            connection.close()


def run_readers(port, targets, needles, count, seconds, seed, stop):
    deadline = time.monotonic() + seconds
    readers = [
        Reader(n, port, targets, needles, stop, seed + n, deadline=deadline) for n in range(count)
    ]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    return readers


def warm_up(port, targets, needles, stop) -> list[Reader]:
    """Every URL once (each checked like the rest), so short runs still cover all of them
    and the timed run measures warm workers."""
    readers = [Reader(n, port, targets, needles, stop, n, order=targets[n::4]) for n in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    return readers


def collect(readers: Iterable[Reader]) -> tuple[dict[str, KindStats], list[Finding]]:
    stats: dict[str, KindStats] = defaultdict(KindStats)
    findings: list[Finding] = []
    for reader in readers:
        for kind, kind_stats in reader.stats.items():
            stats[kind].merge(kind_stats)
        findings += reader.findings
    return stats, findings


# -- report ------------------------------------------------------------------------------
def print_report(report: dict) -> None:
    setup = report["setup"]
    print(
        f"\nLoad test: {report['readers']} readers, {report['duration_s']} s, "
        f"{report['workers']} gunicorn {report['worker_class']} workers, PostgreSQL, "
        f"response cache {f'{cache} s' if (cache := report['page_cache_s']) else 'off'}, "
        f"{report['machine']['cpus']} CPUs; {setup['urls']} URLs; setup {setup['seconds']} s"
    )
    columns = [
        ("kind", 9),
        ("requests", 8),
        ("rps", 7),
        ("p50_ms", 8),
        ("p95_ms", 8),
        ("p99_ms", 8),
        ("max_ms", 8),
        ("mean_kib", 8),
        ("errors", 6),
        ("leaks", 5),
        ("toggled_404", 11),
    ]
    print("  ".join(f"{name:>{width}}" for name, width in columns))
    print("  ".join("-" * width for _name, width in columns))
    for row in report["results"]:
        print("  ".join(f"{row[name]!s:>{width}}" for name, width in columns))
    warm = report["warmup"]
    print(
        f"warm-up pass (every URL once, not timed above): {warm['requests']} requests, "
        f"{warm['errors']} errors, {warm['leaks']} leaks"
    )
    ops = report["editor"]["operations"]
    print(
        "editor operations: "
        + ", ".join(f"{name} {count}" for name, count in ops.items())
        + f" (total {sum(ops.values())})"
        + (f"; FAILED: {report['editor']['failure']}" if report["editor"]["failure"] else "")
    )
    print(
        f"load process (readers + editor) CPU: {report['load_process_cpu_s']} s in "
        f"{report['duration_s']} s; 1-minute load average {report['loadavg_1min']}"
    )
    total = report["totals"]
    print(f"errors: {total['errors']}, leaks: {total['leaks']}")
    for finding in report["findings"][:20]:
        print(f"  {finding['status']} {finding['path']}: {finding['what']}")
    if len(report["findings"]) > 20:
        print(f"  … and {len(report['findings']) - 20} more (see --json)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, help="concurrent readers (default 50)")
    parser.add_argument("--duration", type=float, help="seconds of load (default 60)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default 4)")
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument("--seed", type=int, default=1, help="readers' random seed")
    parser.add_argument("--editor-pause", type=float, default=0.5, help="seconds between edits")
    parser.add_argument("--quick", action="store_true", help="CI smoke run: 10 s, 2 workers")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--topology",
        action="store_true",
        help="run on the production topology: Redis, two app servers, Varnish, two "
        "task workers, with restarts (benchmarks/load_topology.py)",
    )
    parser.add_argument(
        "--purge-bound",
        type=float,
        default=3.0,
        help="topology run: seconds within which every change must reach every reader",
    )
    parser.add_argument(
        "--page-cache",
        type=int,
        default=0,
        metavar="SECONDS",
        help="turn on the shared response cache (database cache) for this many seconds",
    )
    args = parser.parse_args()
    if args.topology:
        if not is_postgres_url(os.environ.get("DATABASE_URL")):
            print("the topology run needs DATABASE_URL=postgres://…", file=sys.stderr)
            return 2
        from benchmarks import load_topology

        return load_topology.run(args)
    readers = args.readers or 50
    duration = args.duration or (10.0 if args.quick else 60.0)
    workers = args.workers or (2 if args.quick else 4)

    url = os.environ.get("DATABASE_URL")
    if not is_postgres_url(url):
        print(
            "benchmarks/load.py needs PostgreSQL: set DATABASE_URL=postgres://user@host:port/name "
            "(the load test works in its own database <name>_load on that server).",
            file=sys.stderr,
        )
        return 2

    if importlib.util.find_spec("gunicorn") is None:
        print("benchmarks/load.py needs gunicorn: pip install -e '.[load]'", file=sys.stderr)
        return 2

    started = time.monotonic()
    load_url = load_database_url(url)
    workdir = Path(tempfile.mkdtemp(prefix="ankasam-load-"))
    log = workdir / "gunicorn.log"
    print(f"database {urlparse(load_url).path.lstrip('/')}: creating, migrating, loading demo")
    recreate_database(load_url, fallback=url)
    if args.page_cache:
        # Read by the example settings, in this process (the editor) and in gunicorn's.
        os.environ["DJANGO_PAGE_CACHE_SECONDS"] = str(args.page_cache)
    setup_django(load_url, workdir / "media")
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if args.page_cache:
        call_command("createcachetable", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    fixtures = add_fixtures(random.Random(args.seed))
    targets = discover(fixtures)
    from django.db import connection

    connection.close()  # the editor thread opens its own

    env = {
        **os.environ,
        "DATABASE_URL": load_url,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "PYTHONPATH": os.pathsep.join([str(EXAMPLE), str(ROOT)]),
    }
    port = free_port()
    stop = threading.Event()
    process = start_gunicorn(port, workers, args.worker_class, env, log)
    try:
        wait_until_ready(process, port, targets[0].path)
        setup_seconds = round(time.monotonic() - started, 1)
        print(f"gunicorn on 127.0.0.1:{port}; warm-up pass over {len(targets)} URLs")
        warm_stats, warm_findings = collect(warm_up(port, targets, fixtures.needles, stop))
        private_path = next(t.path for t in targets if t.kind == "private")
        control = find_leaks(
            unlock_private_page(port, private_path, fixtures.private_password), fixtures.needles
        )
        if "private marker" not in control:
            raise RuntimeError(f"positive control: the unlocked private page showed {control}")
        print(f"positive control: the unlocked private page shows {', '.join(control)}")
        print(f"{readers} readers for {duration:g} s, editor running")
        editor = Editor(fixtures, stop, args.editor_pause, args.seed)
        editor.start()
        began, cpu_before = time.monotonic(), _own_cpu_seconds()
        stats, findings = collect(
            run_readers(port, targets, fixtures.needles, readers, duration, args.seed, stop)
        )
        elapsed = time.monotonic() - began
        load_cpu = _own_cpu_seconds() - cpu_before
        stop.set()
        editor.join(timeout=60)
        if editor.is_alive():
            editor.failure = "the editor did not stop within 60 s"
    except BaseException:
        print_log_tail(log)
        raise
    finally:
        stop.set()
        stop_gunicorn(process)

    import django
    import wagtail

    warm_total = summarise(warm_stats, 1.0)[0]
    results = summarise(stats, elapsed)
    errors = results[0]["errors"] + warm_total["errors"] + (1 if editor.failure else 0)
    leaks = results[0]["leaks"] + warm_total["leaks"]
    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "django": django.__version__,
            "wagtail": wagtail.__version__,
            "gunicorn": _gunicorn_version(),
            "database": "postgresql",
        },
        "quick": args.quick,
        "readers": readers,
        "duration_s": round(elapsed, 1),
        "workers": workers,
        "worker_class": args.worker_class,
        "page_cache_s": args.page_cache,
        "seed": args.seed,
        "setup": {"seconds": setup_seconds, "urls": len(targets)},
        # The readers and the editor share the machine with gunicorn: their CPU time and
        # the load average tell how much of it the server had.
        "load_process_cpu_s": round(load_cpu, 1),
        "loadavg_1min": round(os.getloadavg()[0], 2),
        "urls": Counter(t.kind for t in targets),
        "warmup": {k: warm_total[k] for k in ("requests", "errors", "leaks")},
        "results": results,
        "editor": {"operations": dict(editor.operations), "failure": editor.failure},
        "totals": {"errors": errors, "leaks": leaks},
        "findings": [vars(f) for f in warm_findings + findings],
        "wall_s": round(time.monotonic() - started, 1),
    }
    print_report(report)
    print(f"end to end: {report['wall_s']} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"results written to {args.json}")
    if errors or leaks:
        print_log_tail(log)
        return 1
    # Kept after a failure (the log and media stay for a look); on success only noise.
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


def print_log_tail(log: Path, lines: int = 40) -> None:
    print(f"\n--- gunicorn log ({log}), last {lines} lines ---", file=sys.stderr)
    text = log.read_text(errors="replace") if log.exists() else "(no log)"
    print("\n".join(text.splitlines()[-lines:]), file=sys.stderr)


def _own_cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _gunicorn_version() -> str:
    try:
        import gunicorn

        return gunicorn.__version__
    except ImportError:
        return "?"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # gunicorn was already stopped by main()'s finally
        print("interrupted", file=sys.stderr)
        sys.exit(130)
