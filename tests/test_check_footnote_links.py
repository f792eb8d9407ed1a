"""``check_footnote_links``: dead source URLs of live analyses, against a local server only."""

import io
import json
import os
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page, Revision

from ankasam_pubs.footnotes.linkcheck import (
    LinkError,
    LinkResult,
    check_all,
    check_url,
    collect_links,
)
from ankasam_pubs.models import AnalysisNote
from tests import factories as f
from tests.factories import note_object, source

pytestmark = pytest.mark.django_db

SLOW_SECONDS = 2.0  # /slow answers after this (or when the server stops), --timeout is 0.5
CYRILLIC = "/%D0%BE%D0%BA"  # "/ок" as sent on the wire


# -- a local server ----------------------------------------------------------------------------


class Handler(BaseHTTPRequestHandler):
    state: SimpleNamespace  # set on the subclass the fixture makes

    def do_HEAD(self):
        self.respond()

    def do_GET(self):
        self.respond()

    def log_message(self, *args):
        pass

    def reply(self, status: int, location: str | None = None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        body = b"x" * 100_000 if status == 200 else b"no"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def respond(self):
        state = self.state
        path = urlsplit(self.path).path
        with state.lock:
            state.requests[(self.command, self.path)] += 1
            state.agents.add(self.headers.get("User-Agent"))
        if path in ("/ok", CYRILLIC):
            self.reply(200)
        elif path == "/moved":
            self.reply(301, "/ok")
        elif path == "/moved-gone":
            self.reply(302, "/gone")
        elif path == "/loop":
            self.reply(302, "/loop")
        elif path == "/nohead":
            self.reply(405 if self.command == "HEAD" else 200)
        elif path == "/error":
            self.reply(500)
        elif path == "/slow":
            state.release.wait(SLOW_SECONDS)
            self.reply(200)
        elif path.startswith("/slow2/"):
            with state.lock:
                state.active += 1
                state.max_active = max(state.max_active, state.active)
            time.sleep(0.2)
            with state.lock:
                state.active -= 1
            self.reply(200)
        else:
            self.reply(404)


@pytest.fixture
def server(monkeypatch):
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)  # 127.0.0.1 only, never through a proxy
    state = SimpleNamespace(
        requests=Counter(),
        agents=set(),
        lock=threading.Lock(),
        release=threading.Event(),
        active=0,
        max_active=0,
    )
    handler = type("BoundHandler", (Handler,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.handle_error = lambda request, address: None  # a client that timed out hung up
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    yield SimpleNamespace(url=lambda path: base + path, state=state)
    state.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


@pytest.fixture
def refused_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nobody-listens"


def citing(index, title, *urls, live=True):
    notes = [
        {"uid": f"n{number}", "sources": [source(f"Source {number}", url=url)]}
        for number, url in enumerate(urls, start=1)
    ]
    return f.analysis(index, title, notes=notes, live=live)


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("check_footnote_links", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def sections(out: str) -> dict[str, list[str]]:
    """Report lines under each page heading (the summary line is under "")."""
    found: dict[str, list[str]] = {"": []}
    heading = ""
    for line in out.splitlines():
        if line.startswith("  "):
            found[heading].append(line.strip())
        elif line.endswith("]"):
            heading = line
            found[heading] = []
        else:
            found[""].append(line)
    return found


def snapshot():
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk",
            "title",
            "live",
            "latest_revision_id",
            "has_unpublished_changes",
            "last_published_at",
        )
    )
    notes = [
        (note.pk, note.page_id, note.uid, note.sort_order, note.comment, note.sources.raw_data)
        for note in AnalysisNote.objects.order_by("pk")
    ]
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "created_at"))
    return pages, [repr(note) for note in notes], revisions


# -- the command -------------------------------------------------------------------------------


def test_reports_dead_links_of_live_pages_per_page(tree, server, refused_url):
    url = server.url
    grain = citing(
        tree["index"]["en"],
        "Grain corridor",
        url("/ok?shared"),
        url("/gone"),
        url("/moved"),
        url("/nohead"),
        url("/error"),
        "ftp://example.org/file.pdf",
        refused_url,
        url("/moved-gone"),
    )
    tahil = citing(
        tree["index"]["tr"], "Tahıl koridoru", url("/ok?shared"), url("/gone"), url("/ок")
    )
    citing(tree["index"]["en"], "Unpublished", url("/draft-only"), live=False)
    edited = citing(tree["index"]["en"], "Edited", url("/ok?live"))
    edited.notes.add(note_object("n2", [source("Draft", url=url("/draft-change"))], position=1))
    edited.save_revision()  # a draft of a live page: its new note is not live yet
    assert edited.has_unpublished_changes
    before = snapshot()

    out, err = run()

    report = sections(out)
    grain_heading = f"Grain corridor — {grain.url} [en]"
    tahil_heading = f"Tahıl koridoru — {tahil.url} [tr]"
    assert set(report) == {"", grain_heading, tahil_heading}
    assert report[grain_heading] == [
        f"note 2 (n2): {url('/gone')} — HTTP 404",
        f"note 5 (n5): {url('/error')} — HTTP 500",
        "note 6 (n6): ftp://example.org/file.pdf — not an http(s) URL",
        f"note 7 (n7): {refused_url} — connection refused",
        f"note 8 (n8): {url('/moved-gone')} → {url('/gone')} — HTTP 404",
    ]
    assert report[tahil_heading] == [f"note 2 (n2): {url('/gone')} — HTTP 404"]
    assert report[""] == ["10 links checked on 3 pages: 5 dead."]
    assert "checked 10/10 links" in err

    requests = server.state.requests
    assert requests[("HEAD", "/ok?shared")] == 1  # cited by two pages, requested once
    assert requests[("HEAD", "/nohead")] == 1 and requests[("GET", "/nohead")] == 1
    assert requests[("HEAD", "/moved")] == 1 and requests[("GET", "/moved")] == 0
    assert requests[("HEAD", CYRILLIC)] == 1
    assert not any("draft" in path for _method, path in requests)
    assert server.state.agents == {"ankasam-pubs-linkcheck/1.0"}
    assert snapshot() == before


def test_a_slow_server_times_out(tree, server):
    citing(tree["index"]["en"], "Slow", server.url("/slow"), server.url("/ok"))
    started = time.monotonic()
    out, _err = run("--timeout", "0.5")
    assert time.monotonic() - started < SLOW_SECONDS
    assert f"note 1 (n1): {server.url('/slow')} — timed out" in out
    assert "1 dead." in out and server.url("/ok") not in out


def test_locale_and_page_options_narrow_the_check(tree, server):
    english = citing(tree["index"]["en"], "English", server.url("/gone?en"))
    citing(tree["index"]["tr"], "Türkçe", server.url("/gone?tr"))
    citing(tree["index"]["ru"], "Русский", server.url("/gone?ru"))

    out, _err = run("--locale", "tr")
    assert "Türkçe" in out and "English" not in out and "Русский" not in out
    assert out.endswith("1 link checked on 1 page: 1 dead.\n")
    assert list(server.state.requests) == [("HEAD", "/gone?tr")]

    out, _err = run("--page", str(english.pk))
    assert "English" in out and "Türkçe" not in out
    assert [page.title for page in collect_links(locale="ru")] == ["Русский"]


def test_json_report_and_quiet_verbosity(tree, server, tmp_path):
    page = citing(tree["index"]["en"], "Report", server.url("/ok"), server.url("/moved"))
    page.notes.add(note_object("zz", [source("Gone", url=server.url("/gone"))], position=2))
    page.save_revision().publish()
    path = tmp_path / "links.json"

    out, err = run("--json", str(path), verbosity=0)

    assert err == ""  # no progress, but the report itself is still printed
    assert out.splitlines() == [
        f"Report — {page.url} [en]",
        f"  note 3 (zz): {server.url('/gone')} — HTTP 404",
        "3 links checked on 1 page: 1 dead.",
    ]
    data = json.loads(path.read_text("utf-8"))
    assert data["summary"] == {
        "links_checked": 3,
        "pages_checked": 1,
        "pages_scanned": 1,
        "dead": 1,
        "redirected": 1,
        "text": "3 links checked on 1 page: 1 dead.",
    }
    [entry] = data["pages"]
    assert entry["title"] == "Report" and entry["locale"] == "en"
    assert entry["id"] == page.pk and entry["url_path"] == page.url_path
    assert entry["dead"] == [
        {
            "note_number": 3,
            "note_uid": "zz",
            "source_title": "Gone",
            "url": server.url("/gone"),
            "final_url": None,
            "status": 404,
            "error": "http",
            "reason": "HTTP 404",
        }
    ]
    [moved] = entry["redirected"]
    assert moved["url"] == server.url("/moved") and moved["final_url"] == server.url("/ok")

    out, _err = run(verbosity=2)  # redirects are listed too when asked for
    assert f"note 2 (n2): {server.url('/moved')} moved to {server.url('/ok')}" in out


def test_concurrency_is_bounded(tree, server):
    urls = [server.url(f"/slow2/{n}") for n in range(6)]
    citing(tree["index"]["en"], "Many", *urls)
    out, _err = run("--concurrency", "2")
    assert out == "6 links checked on 1 page: 0 dead.\n"
    assert 1 <= server.state.max_active <= 2
    assert sum(server.state.requests.values()) == 6


def test_bad_arguments_raise_command_error(tree, tmp_path):
    draft = citing(tree["index"]["en"], "Draft", "https://example.org/", live=False)
    cases = [
        (("--locale", "xx"), "Unknown locale"),
        (("--concurrency", "0"), "between 1 and 64"),
        (("--concurrency", "65"), "between 1 and 64"),
        (("--concurrency", "many"), "invalid int value"),
        (("--timeout", "0"), "above zero"),
        (("--page", "987654"), "No analysis page"),
        (("--page", str(tree["home"]["en"].pk)), "No analysis page"),
        (("--page", str(draft.pk)), "draft"),
        (("--json", str(tmp_path / "missing" / "links.json")), "not a directory"),
    ]
    for args, message in cases:
        with pytest.raises(CommandError, match=message):
            run(*args)


# -- the checking functions --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, error",
    [
        ("ftp://example.org/file", LinkError.SCHEME),
        ("mailto:someone@example.org", LinkError.SCHEME),
        ("javascript:alert(1)", LinkError.SCHEME),
        ("file:///etc/passwd", LinkError.SCHEME),
        ("/relative/path", LinkError.SCHEME),
        ("http://", LinkError.INVALID),
        ("http://example.org:99999/", LinkError.INVALID),
        ("https://bad..host/", LinkError.INVALID),
    ],
)
def test_unusable_urls_are_dead_without_a_request(url, error):
    result = check_url(url, timeout=0.1)
    assert result.dead and result.error == error and result.method == ""


def test_check_url_follows_redirects_and_falls_back_to_get(server):
    moved = check_url(server.url("/moved"), timeout=2)
    assert not moved.dead and moved.status == 200 and moved.final_url == server.url("/ok")
    nohead = check_url(server.url("/nohead"), timeout=2)
    assert (nohead.dead, nohead.status, nohead.method) == (False, 200, "GET")
    loop = check_url(server.url("/loop"), timeout=2)
    assert loop.dead and loop.error == LinkError.REDIRECT
    fragment = check_url(server.url("/ok#section"), timeout=2)
    assert not fragment.dead and fragment.final_url == ""


def test_check_all_deduplicates_and_reports_progress():
    calls, progress = [], []

    def checker(url, timeout):
        calls.append(url)
        return LinkResult(url, 200)

    urls = ["https://a.test/x", "https://a.test/x#one", "https://b.test/", "https://a.test/x"]
    results = check_all(
        urls, concurrency=3, timeout=1, progress=lambda *a: progress.append(a[:2]), checker=checker
    )
    assert sorted(calls) == ["https://a.test/x", "https://b.test/"]
    assert set(results) == set(urls)
    assert results["https://a.test/x#one"].url == "https://a.test/x#one"
    assert progress == [(1, 2), (2, 2)]
    with pytest.raises(ValueError):
        check_all(urls, concurrency=0)
