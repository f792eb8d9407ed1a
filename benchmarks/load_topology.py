"""The load test on the production topology (benchmarks/topology.py): readers through
Varnish (and a few straight to one app server, for comparison), an editor publishing,
unpublishing, changing privacy and editing a shared profile and a topic label, while
one app server and one task worker are killed and restarted. See benchmarks/README.md.

    DATABASE_URL=postgres://user@host:port/name .venv/bin/python benchmarks/load.py --topology

Every answer is checked against the editor's log of changes: once a change is older
than the purge bound, no answer may show the state before it.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import random
import re
import shutil
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from benchmarks import load
from benchmarks.topology import Topology, task_result_model, wait_until_ready

#: Seconds after an editor's change within which every reader must see it (purge via a
#: task worker, Varnish's ban, the shared response cache): the bound the run asserts.
PURGE_BOUND = 3.0  # the default of --purge-bound
#: Seconds after the editor stops within which the task queue must be empty.
QUEUE_BOUND = 60.0


@dataclass
class Event:
    at: float  # time.monotonic() when the change was committed
    key: str
    value: object


@dataclass
class ChangeLog:
    """What the editor changed and when; readers judge answers against it."""

    events: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, key: str, value) -> float:
        now = time.monotonic()
        with self.lock:
            self.events[key].append(Event(now, key, value))
        return now

    def settled(self, key: str, began: float, ended: float, bound: float):
        """The value of ``key`` every cache must show for a request sent at ``began`` and
        answered at ``ended``: the last change older than the bound, if no later change
        could also be in the answer; else ``None`` (undecided: not judged)."""
        with self.lock:
            events = list(self.events.get(key, ()))
        before = [event for event in events if event.at <= began - bound]
        if not before:
            return None
        if any(began - bound < event.at <= ended for event in events):
            return None
        return before[-1].value

    def floor(self, key: str, began: float, bound: float):
        """The newest value (a counter) that is older than the bound at ``began``."""
        with self.lock:
            events = [event for event in self.events.get(key, ()) if event.at <= began - bound]
        return events[-1].value if events else None


@dataclass
class Watched:
    """The pages and markers the editor changes, as readers can recognise them."""

    toggled: dict[int, bytes]  # page id -> its path (in hrefs, sitemaps, JSON)
    private_id: int
    private_path: bytes
    private_marker: bytes
    bio_marker: str  # followed by n<k>
    topic_marker: str
    profile_path: str
    index_path: str


class Checker:
    """Is an answer older than the editor's changes allow? Returns what is stale."""

    def __init__(self, log: ChangeLog, watched: Watched, bound: float):
        self.log = log
        self.watched = watched
        self.bound = bound
        self.bio = re.compile(re.escape(watched.bio_marker).encode() + rb"n(\d+)")
        self.topic = re.compile(re.escape(watched.topic_marker).encode() + rb"n(\d+)")

    def __call__(self, target, status: int, body: bytes, began: float) -> list[str]:
        ended = time.monotonic()
        if status >= 500:  # an error, judged as one (or as the announced outage's)
            return []
        found: list[str] = []
        path = target.path.encode()
        hidden = dict(self.watched.toggled)
        hidden[self.watched.private_id] = self.watched.private_path
        for pk, page_path in hidden.items():
            key = "private" if pk == self.watched.private_id else f"live:{pk}"
            state = self.log.settled(key, began, ended, self.bound)
            if state is None:
                continue
            shown = state is True if key.startswith("live") else state == "public"
            if path == page_path:
                if key.startswith("live") and shown != (status == 200):
                    found.append(f"page {pk} answered {status} though it is {state}")
                if key == "private" and shown != (self.watched.private_marker in body):
                    found.append(f"private page {pk} {'hid' if shown else 'showed'} its text")
            elif not shown and page_path in body:
                found.append(f"lists page {pk} that is {state}")
        private = self.log.settled("private", began, ended, self.bound)
        if private == "restricted" and self.watched.private_marker in body:
            found.append("shows the text of the page made private")
        for key, pattern in (("bio", self.bio), ("topic", self.topic)):
            floor = self.log.floor(key, began, self.bound)
            if floor is None:
                continue
            seen = [int(number) for number in pattern.findall(body)]
            if seen and min(seen) < floor:
                found.append(f"{key} version {min(seen)}, not {floor} or later")
        return found


# -- fixtures for the editor -------------------------------------------------------------
def watch(fixtures: load.Fixtures, token: str) -> Watched:
    """Markers in the content the editor will change, published before the run."""
    from wagtail.models import PageViewRestriction

    from ankasam_pubs.models import AnalysisIndexPage, AnalysisPage, AuthorIndexPage, Topic

    toggled = {pk: AnalysisPage.objects.get(pk=pk).url.encode() for pk in fixtures.toggle_ids}
    # The page whose privacy changes: a toggled one, taken out of the toggling.
    private_id = fixtures.toggle_ids.pop()
    toggled.pop(private_id)
    page = AnalysisPage.objects.get(pk=private_id)
    private_marker = f"zqpublic{token}"
    page.body = [*page.body.raw_data, *load._marker_block(private_marker)]
    page.save_revision().publish()
    PageViewRestriction.objects.filter(page=page).delete()

    profile = _most_credited_profile()
    used = Counter(
        topic_id
        for topic_id in AnalysisPage.topics.through.objects.values_list("topic_id", flat=True)
    )
    topic = Topic.objects.get(pk=min(used, key=lambda pk: (-used[pk], pk)))
    authors_index = AuthorIndexPage.objects.get(locale__language_code="en")
    index = AnalysisIndexPage.objects.get(locale__language_code="en")  # labels in English
    return (
        Watched(
            toggled=toggled,
            private_id=private_id,
            private_path=page.url.encode(),
            private_marker=private_marker.encode(),
            bio_marker=f"zqbio{token}",
            topic_marker=f"zqtopic{token}",
            profile_path=authors_index.url
            + authors_index.reverse_subpage("author_profile", args=[profile.slug]),
            index_path=index.url,
        ),
        profile,
        topic,
    )


def _most_credited_profile():
    from django.db.models import Count

    from ankasam_pubs.models import AnalysisAuthor, AuthorProfile

    top = (
        AnalysisAuthor.objects.values("author")
        .annotate(n=Count("pk"))
        .order_by("-n", "author")
        .first()
    )
    return AuthorProfile.objects.get(pk=top["author"])


# -- the editor and the chaos ------------------------------------------------------------
class TopologyEditor(threading.Thread):
    """Changes content through the ORM (with the app servers' settings: the same purges
    and tasks), confirms each change through Varnish and times it, and kills and restarts
    an app server and a task worker at set moments of the run."""

    def __init__(self, topology, fixtures, watched, profile, topic, log, stop, duration):
        super().__init__(name="editor", daemon=True)
        self.topology = topology
        self.fixtures = fixtures
        self.watched = watched
        self.profile = profile
        self.topic = topic
        self.log = log
        self.stop = stop
        self.duration = duration
        self.operations: dict[str, int] = defaultdict(int)
        self.fresh_after: dict[str, list[float]] = defaultdict(list)
        self.failure: str | None = None
        self.window_lock = threading.Lock()
        self.windows: list[list[float]] = []  # [start, end] of announced app-server outages
        self.chaos: list[str] = []
        self.began = time.monotonic()

    def in_window(self) -> bool:
        now = time.monotonic()
        with self.window_lock:
            return any(start <= now <= (end or now) for start, end in self.windows)

    def fetch(self, path: str) -> tuple[int, bytes]:
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", self.topology.varnish_port, timeout=30)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def confirm(self, what: str, path: str, fresh, since: float) -> None:
        """Poll through Varnish until ``fresh(status, body)``; record the delay."""
        deadline = since + 30
        while time.monotonic() < deadline:
            try:
                status, body = self.fetch(path)
            except OSError:
                status, body = 0, b""
            if fresh(status, body):
                self.fresh_after[what].append(time.monotonic() - since)
                return
            time.sleep(0.02)
        raise RuntimeError(f"{what}: {path} not fresh 30 s after the change")

    def run(self) -> None:
        from django.db import connection

        try:
            self._run()
        except Exception as error:  # reported, and fails the run
            self.failure = repr(error)
        finally:
            connection.close()

    def _run(self) -> None:
        from wagtail.models import PageViewRestriction

        from ankasam_pubs.models import AnalysisPage

        began = self.began = time.monotonic()
        kill_app_at = began + self.duration * 0.3
        kill_worker_at = began + self.duration * 0.55
        watched = self.watched
        for pk in watched.toggled:
            self.log.record(f"live:{pk}", True)
        self.log.record("private", "public")
        cycle = 0
        bio = topic = 0
        while not self.stop.is_set():
            now = time.monotonic()
            if kill_app_at and now >= kill_app_at:
                kill_app_at = None
                self._restart_app()
            if kill_worker_at and now >= kill_worker_at:
                kill_worker_at = None
                self._restart_worker()
            pk = list(watched.toggled)[cycle % len(watched.toggled)]
            page = AnalysisPage.objects.get(pk=pk)
            path = page.url
            revision = page.live_revision
            page.unpublish()
            since = self.log.record(f"live:{pk}", False)
            self.operations["unpublish"] += 1
            self.confirm("unpublish", path, lambda s, b: s == 404, since)
            self.stop.wait(0.3)
            revision.publish()
            since = self.log.record(f"live:{pk}", True)
            self.operations["publish"] += 1
            self.confirm("publish", path, lambda s, b: s == 200, since)
            step = cycle % 4
            if step == 0:
                private = AnalysisPage.objects.get(pk=watched.private_id)
                restriction = PageViewRestriction.objects.create(
                    page=private,
                    restriction_type=PageViewRestriction.PASSWORD,
                    password="topology",  # noqa: S106
                )
                since = self.log.record("private", "restricted")
                self.operations["make private"] += 1
                marker = watched.private_marker
                target = watched.private_path.decode()
                self.confirm("make private", target, lambda s, b, m=marker: m not in b, since)
                self.stop.wait(0.3)
                restriction.delete()
                since = self.log.record("private", "public")
                self.operations["make public"] += 1
                self.confirm("make public", target, lambda s, b, m=marker: m in b, since)
            elif step == 1:
                bio += 1
                # The author box shows the short biography, the profile page the full one.
                text = f"Writes on energy. {watched.bio_marker}n{bio}"
                self.profile.short_bio_en = self.profile.bio_en = text
                self.profile.save()
                since = self.log.record("bio", bio)
                self.operations["edit profile"] += 1
                marker = f"{watched.bio_marker}n{bio}".encode()
                self.confirm(
                    "edit profile", watched.profile_path, lambda s, b, m=marker: m in b, since
                )
            elif step == 2:
                topic += 1
                self.topic.name_en = f"Energy {watched.topic_marker}n{topic}"
                self.topic.save()
                since = self.log.record("topic", topic)
                self.operations["rename topic"] += 1
                marker = f"{watched.topic_marker}n{topic}".encode()
                self.confirm(
                    "rename topic", watched.index_path, lambda s, b, m=marker: m in b, since
                )
            else:
                secret = random.Random(cycle).choice(self.fixtures.secret_draft_ids)
                load.save_secret_revision(secret, self.fixtures.markers["revision"], cycle)
                self.operations["secret draft"] += 1
            cycle += 1
            self.stop.wait(0.3)

    def _restart_app(self) -> None:
        """Kill app server 2 as a crash does, start it again, and close the window when
        Varnish's probe has it back in rotation."""
        with self.window_lock:
            self.windows.append([time.monotonic(), None])
        started = time.monotonic()
        self.topology.kill("app2")
        self.chaos.append(f"app server 2 killed {started - self.began:.1f} s into the run")
        self.stop.wait(2.0)
        self.topology.start_app(2)
        service = self.topology.services["app2"]
        wait_until_ready(service.process, self.topology.app_ports[1], "/en/")
        time.sleep(3.0)  # Varnish's probe: a healthy window of 2 of 3 at 1 s intervals
        with self.window_lock:
            self.windows[-1][1] = time.monotonic()
        self.chaos.append(f"app server 2 back after {time.monotonic() - started:.1f} s")

    def _restart_worker(self) -> None:
        started = time.monotonic()
        self.topology.kill("worker1")
        self.chaos.append(f"task worker 1 killed {started - self.began:.1f} s into the run")
        self.stop.wait(2.0)
        self.topology.start_worker(1)
        self.chaos.append(f"task worker 1 back after {time.monotonic() - started:.1f} s")


def purge_from_outside(port: int, path: str) -> dict:
    """A reader sends PURGE to the public listener: refused, and the copy stays."""
    import http.client

    def send(method: str) -> tuple[int, str | None]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request(method, path)
        response = conn.getresponse()
        response.read()
        conn.close()
        return response.status, response.getheader("X-Cache")

    send("GET")
    status, _cache = send("PURGE")
    _status, cache = send("GET")
    return {
        "status": status,
        "still_cached": cache == "HIT",
        "refused": status == 405 and cache == "HIT",
    }


# -- after the run ---------------------------------------------------------------------
def drain_queue(timeout: float) -> tuple[float, dict[str, int]]:
    """Seconds until no task is waiting or running; the counts by status at the end."""
    from django.db.models import Count

    model = task_result_model()
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if not model.objects.filter(status__in=["READY", "RUNNING"]).exists():
            break
        time.sleep(0.2)
    waited = time.monotonic() - started
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")))
    return waited, counts


def task_lags() -> list[float]:

    rows = task_result_model().objects.filter(started_at__isnull=False)
    return [
        (r.started_at - r.enqueued_at).total_seconds()
        for r in rows.only("enqueued_at", "started_at")
    ]


def lists_match_rebuild() -> tuple[int, int]:
    """Pages whose stored similar posts equal a full rebuild's, and all pages."""
    from wagtail.models import Locale

    from ankasam_pubs.similar import service
    from ankasam_pubs.similar.models import SimilarPost

    def snapshot():
        lists = defaultdict(list)
        for page_id, similar_id in SimilarPost.objects.order_by("page_id", "rank").values_list(
            "page_id", "similar_id"
        ):
            lists[page_id].append(similar_id)
        return lists

    before = snapshot()
    for locale in Locale.objects.all():
        service.rebuild(locale)
    after = snapshot()
    keys = before.keys() | after.keys()
    return sum(before.get(k) == after.get(k) for k in keys), len(keys)


# -- the run ---------------------------------------------------------------------------
def run(args) -> int:
    readers = args.readers or (20 if args.quick else 50)
    duration = args.duration or (30.0 if args.quick else 60.0)
    direct_readers = max(1, readers // 10)
    url = os.environ["DATABASE_URL"]
    started = time.monotonic()
    load_url = load.load_database_url(url)
    workdir = Path(tempfile.mkdtemp(prefix="ankasam-topology-load-"))
    base_env = {
        **os.environ,
        "DATABASE_URL": load_url,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_PAGE_CACHE_SECONDS": str(args.page_cache or 300),
    }
    base_env.pop("DJANGO_REDIS_URL", None)
    topology = Topology(workdir / "services", base_env)
    print(f"database {urlparse(load_url).path.lstrip('/')}: creating, migrating, loading demo")
    load.recreate_database(load_url, fallback=url)
    topology.start_redis()
    os.environ.update({k: v for k, v in topology.env.items() if k.startswith("DJANGO_")})
    load.setup_django(load_url, workdir / "media")
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    fixtures = load.add_fixtures(random.Random(args.seed))
    token = fixtures.markers["private"].removeprefix("zqprivate")
    watched, profile, topic = watch(fixtures, token)
    # The set-up queued list updates and purges for services not yet running: the lists
    # are rebuilt here instead, and the empty Varnish needs no purge.
    call_command("rebuild_similar_posts", verbosity=0)
    task_result_model().objects.all().delete()
    targets = load.discover(fixtures)
    from django.db import connection

    connection.close()

    stop = threading.Event()
    log = ChangeLog()
    editor = None
    try:
        topology.start()
        setup_seconds = round(time.monotonic() - started, 1)
        print("\n".join(topology.describe()))
        via, direct = topology.varnish_port, topology.app_ports[0]
        warm_stats, warm_findings = load.collect(load.warm_up(via, targets, fixtures.needles, stop))
        refused = purge_from_outside(via, watched.index_path)
        checker = Checker(log, watched, args.purge_bound)
        editor = TopologyEditor(topology, fixtures, watched, profile, topic, log, stop, duration)
        deadline = time.monotonic() + duration
        group = [
            load.Reader(
                n,
                direct if n < direct_readers else via,
                targets,
                fixtures.needles,
                stop,
                args.seed + n,
                deadline=deadline,
                checker=checker,
                in_window=editor.in_window,
            )
            for n in range(readers)
        ]
        print(
            f"{readers - direct_readers} readers through Varnish and {direct_readers} straight to "
            f"app server 1 for {duration:g} s; editor, app-server and worker restarts running"
        )
        editor.start()
        began = time.monotonic()
        for reader in group:
            reader.start()
        for reader in group:
            reader.join()
        elapsed = time.monotonic() - began
        stop.set()
        editor.join(timeout=120)
        if editor.is_alive():
            editor.failure = "the editor did not stop within 120 s"
        varnish = topology.varnish_stats()
        drained, statuses = drain_queue(QUEUE_BOUND)
        lags = task_lags()
        same, pages = lists_match_rebuild()
    except BaseException:
        for name in ("app1", "app2", "worker1", "varnish"):
            service = topology.services.get(name)
            if service is not None:
                load.print_log_tail(service.log)
        raise
    finally:
        stop.set()
        topology.stop()

    via_stats, via_findings = load.collect(r for r in group if r.port == via)
    direct_stats, direct_findings = load.collect(r for r in group if r.port == direct)
    via_rows = load.summarise(via_stats, elapsed)
    direct_rows = load.summarise(direct_stats, elapsed)
    warm = load.summarise(warm_stats, 1.0)[0]
    findings = warm_findings + via_findings + direct_findings
    errors = via_rows[0]["errors"] + direct_rows[0]["errors"] + warm["errors"]
    errors += 1 if editor.failure else 0
    leaks = via_rows[0]["leaks"] + direct_rows[0]["leaks"] + warm["leaks"]
    stale = via_rows[0]["stale"] + direct_rows[0]["stale"]
    lost = sum(n for status, n in statuses.items() if status != "SUCCESSFUL")
    lookups = varnish.get("hits", 0) + varnish.get("misses", 0) + varnish.get("passes", 0)
    fresh = {
        what: load.latency_summary(values) | {"changes": len(values)}
        for what, values in sorted(editor.fresh_after.items())
    }
    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "quick": args.quick,
        "readers": {"via_varnish": readers - direct_readers, "direct": direct_readers},
        "duration_s": round(elapsed, 1),
        "purge_bound_s": args.purge_bound,
        "setup_s": setup_seconds,
        "via_varnish": via_rows,
        "direct": direct_rows,
        "varnish": varnish
        | {"hit_ratio": round(varnish.get("hits", 0) / lookups, 3) if lookups else 0.0},
        "fresh_after_change": fresh,
        "editor": {"operations": dict(editor.operations), "failure": editor.failure},
        "chaos": editor.chaos,
        "tasks": {
            "drained_after_s": round(drained, 1),
            "by_status": statuses,
            "lag": load.latency_summary(lags) | {"tasks": len(lags)},
        },
        "similar_lists_equal_to_rebuild": {"equal": same, "pages": pages},
        "purge_from_readers_port": refused,
        "totals": {"errors": errors, "leaks": leaks, "stale": stale, "tasks_lost": lost},
        "findings": [vars(f) for f in findings],
    }
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"results written to {args.json}")
    failed = errors or leaks or stale or lost or same != pages or not refused["refused"]
    if not failed:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"logs kept in {workdir}")
    return 1 if failed else 0


def print_report(report: dict) -> None:
    columns = ["kind", "requests", "rps", "p50_ms", "p95_ms", "p99_ms", "hit_ratio", "errors"]
    columns += ["window_errors", "leaks", "stale"]
    for name in ("via_varnish", "direct"):
        print(f"\n{name.replace('_', ' ')} ({report['readers'][name]} readers):")
        print("  ".join(f"{c:>9}" for c in columns))
        for row in report[name]:
            print("  ".join(f"{row[c]!s:>9}" for c in columns))
    print(f"\nVarnish: {report['varnish']}")
    print(f"fresh after each change (bound {report['purge_bound_s']} s):")
    for what, summary in report["fresh_after_change"].items():
        print(f"  {what:<14} {summary}")
    print(f"editor: {report['editor']}")
    print(f"chaos: {'; '.join(report['chaos'])}")
    print(f"tasks: {report['tasks']}")
    print(f"similar lists equal to a full rebuild: {report['similar_lists_equal_to_rebuild']}")
    print(f"PURGE sent by a reader to Varnish's public port: {report['purge_from_readers_port']}")
    print(f"totals: {report['totals']}")
    for finding in report["findings"][:20]:
        print(f"  {finding['status']} {finding['path']}: {finding['what']}")
