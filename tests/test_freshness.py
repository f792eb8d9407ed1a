"""No change by an editor is ever visible late, in any server process.

The example site runs as two server processes, A and B, on one SQLite file and one
shared cache (Django's database cache), as a host runs several workers. A third
process, the editor, changes content as the admin or a scheduled job would. For each
kind of change the affected pages are read from A and from B first (so each process
has rendered them, and kept whatever it keeps), the old state is checked, the change is
made, and the very next request to B, then to A, must show the new state. Every check
names its old and new state, and sees the old one first: each can fail.

These are black-box tests: they read HTTP responses only, so they hold whatever the app
caches, per process or shared, and however it invalidates. The sequence runs with the
response cache off (the database cache still shared, for fragments) and on
(``PAGE_CACHE_TIMEOUT``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from bs4 import BeautifulSoup

from tests.servers import LOG_TAIL, Server

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "example_project"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="two processes on one SQLite file; the SQLite legs run it",
    ),
]

#: The environment of every process of a run, by mode: the database cache shared by
#: A, B and the editor, with and without the whole-response cache on top.
MODES = {
    "response-cache-off": {"DJANGO_CACHE": "database"},
    "response-cache-on": {"DJANGO_CACHE": "database", "DJANGO_PAGE_CACHE_SECONDS": "300"},
}

# -- the content ---------------------------------------------------------------------------
#: Run once, then copied for each mode: a site in English with Turkish translations, authors with
#: profiles and an authors index, a topic, a series and a region, images, a PDF, citation
#: settings, and analyses whose similar posts are computed by the task (the immediate
#: backend runs it after each commit). Prints the pages' ids and paths as JSON.
SETUP = r"""
import datetime, json
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Site
from ankasam_pubs.models import (
    AnalysisIndexPage, AuthorIndexPage, CitationSettings, Region, Series, Topic,
)
from ankasam_pubs.similar.models import SimilarPost, SimilarPostPin
from tests.factories import (
    analysis, author, image, paragraphs, ref, site_tree, source, term, translate,
)

tree = site_tree()
en, tr = tree["locales"]["en"], tree["locales"]["tr"]
home, index = tree["home"]["en"], tree["index"]["en"]
site = Site.objects.get(is_default_site=True)
site.hostname, site.port, site.site_name = "pubs.example.org", 80, "Freshness Centre"
site.save()
CitationSettings.objects.update_or_create(site=site, defaults={"citation_style": "house"})


def section(title, slug, translated=False):
    page = home.add_child(instance=AnalysisIndexPage(title=title, slug=slug, locale=en))
    page.save_revision().publish()
    if translated:
        translate(page, tr, title=title + " (tr)", slug=slug + "-tr")
    return page


experts = home.add_child(instance=AuthorIndexPage(title="Experts", slug="experts", locale=en))
experts.save_revision().publish()
translate(experts, tr, title="Uzmanlar", slug="uzmanlar")
archive = section("Archive", "archive")
briefings = section("Briefings", "briefings", translated=True)

ayse = author("ayse-yilmaz", display_name_en="Ayşe Yılmaz")
energy = term(Topic, "energy", name_en="Energy security")
commentary = term(Series, "commentary", name_en="Commentary")
black_sea = term(Region, "black-sea", name_en="Black Sea")
photo = image("tanker")
photo.description = "A tanker at dawn"
photo.save()
chart = image("pipeline-map")
pdf = get_document_model().objects.create(
    title="Full text", file=ContentFile(b"%PDF-1.4 first", name="gas-winter.pdf")
)

pages = {}


def add(key, title, text, parent=index, tr_title=None, **fields):
    page = analysis(parent, title, slug=key, body=paragraphs(f"<p>{text}</p>"), **fields)
    pages[key] = page
    if tr_title:
        pages[key + "-tr"] = translate(page, tr, title=tr_title, slug=key + "-tr")
    return page


# Analyses that leave the site in one way or another, each with a Turkish version
# (whose language links name it) and the newest of all (the first page of the index
# lists them); the main analysis pins them all among its similar posts.
leaving = [
    add(key, title, text, parent=parent, tr_title=tr_title, date=datetime.date(2025, 1, day))
    for day, (key, title, text, tr_title, parent) in enumerate([
        ("unpublished", "Harbour dues", "Harbour dues and port fees rose.", "Liman", index),
        ("moved", "Rail freight", "Rail freight crosses the steppe.", "Demiryolu", index),
        ("deleted", "Fisheries", "Fisheries quotas in the northern sea.", "Balıkçılık", index),
        ("private", "Drones", "Drone procurement by navies.", "İHA", index),
        ("in-private-section", "Sanctions", "Sanctions and insurance.", "Yaptırım", briefings),
        ("expiring", "Elections", "Municipal elections and turnout.", "Seçimler", index),
    ], start=1)
]
add("linked", "Water basins", "Drought, irrigation and rivers in the basins.")
GAS = "Gas pipelines, energy supply and winter storage: interconnectors carry the load."
main = analysis(
    index, "Gas and winter", slug="gas-and-winter", live=False,
    authors=[ayse], topics=[energy], regions=[black_sea], series=commentary,
    lead_image=photo, pdf=pdf,
    body=[
        {"type": "paragraph", "value": f"<p>{GAS}{ref('n1')}</p>"},
        {"type": "image", "value": {"image": chart.pk, "alt_text": "", "caption": "Routes"}},
        {"type": "paragraph", "value":
            f'<p>See <a linktype="page" id="{pages["linked"].pk}">the basins</a>.</p>'},
    ],
    notes=[{"uid": "n1", "sources": [
        source("Port authority report", authors="Kaya, Deniz", url="https://ports.example.org/r")
    ]}],
)
for position, page in enumerate(leaving):
    main.similar_pins.add(SimilarPostPin(analysis=page, sort_order=position))
main.save_revision().publish()
pages["main"] = main
pages["main-tr"] = translate(main, tr, title="Gaz ve kış", slug="gaz-ve-kis")
# Two analyses on the same subject as the main one: each other's first similar post.
storage = add("storage", "Winter storage",
              "Winter gas storage and pipeline interconnectors decide energy supply.")
add("storage-2", "Storage before winter",
    "Energy supply through gas pipelines depends on winter storage and interconnectors.")
storage.similar_pins.add(SimilarPostPin(analysis=main, sort_order=0))
storage.save_revision().publish()
# Computed by the task, which the default (immediate) task backend ran after each commit.
assert SimilarPost.objects.filter(page=storage, similar=pages["storage-2"], pinned=False), (
    "the similar-posts task did not run in this process"
)
pages.update(index=index, archive=archive, briefings=briefings, experts=experts, pdf=pdf)
print(json.dumps({key: {"id": page.pk, "path": page.url} for key, page in pages.items()}))
"""

#: The editor: one process for each mode's run, which executes each block of code it is
#: sent (one namespace throughout) and answers OK or the traceback.
END, OK, FAILED = "#--end--", "#--ok--", "#--failed--"
EDITOR = f"""
import sys, traceback
namespace = {{}}
while True:
    lines = []
    while (line := sys.stdin.readline()) not in ({END!r} + "\\n", ""):
        lines.append(line)
    if not line:
        break
    try:
        exec("".join(lines), namespace)
        print({OK!r}, flush=True)
    except BaseException:
        traceback.print_exc(file=sys.stdout)
        print({FAILED!r}, flush=True)
"""


class Editor:
    """A long-lived ``manage.py shell`` that runs what it is sent, as an editor's change."""

    def __init__(self, env: dict[str, str], log: Path):
        self.log_path = log
        self.log = log.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - our own example project
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", EDITOR],
            cwd=PROJECT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )

    def run(self, code: str) -> str:
        """Run ``code`` and return what it printed; fail the test if it raised."""
        assert self.process.poll() is None, "the editor's process has exited"
        self.process.stdin.write(code.strip("\n") + "\n" + END + "\n")
        self.process.stdin.flush()
        output = []
        for line in self.process.stdout:
            if line.rstrip("\n") in (OK, FAILED):
                assert line.rstrip("\n") == OK, f"the editor's change failed:\n{''.join(output)}"
                return "".join(output)
            output.append(line)
        self.log.flush()
        raise AssertionError(
            f"the editor's process ended:\n{''.join(output)}\n"
            + self.log_path.read_text(errors="replace")[-LOG_TAIL:]
        )

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self.log.close()


# -- reading pages -------------------------------------------------------------------------
@dataclass
class Page:
    """One response, parsed."""

    status: int
    location: str
    soup: BeautifulSoup

    def texts(self, selector: str) -> list[str]:
        return [" ".join(node.get_text(" ").split()) for node in self.soup.select(selector)]

    def attrs(self, selector: str, name: str) -> list[str]:
        return [node.get(name, "") for node in self.soup.select(selector)]

    def meta(self, key: str) -> list[str]:
        return self.attrs(f'meta[property="{key}"], meta[name="{key}"]', "content")

    def links(self, selector: str) -> list[tuple[str, str]]:
        """(text, path) of each link: paths, so a moved page shows as a new address."""
        return [
            (" ".join(node.get_text(" ").split()), urlsplit(node.get("href", "")).path)
            for node in self.soup.select(selector)
        ]


#: What a check reads from a page; a probe returns something comparable.
Probe = Callable[[Page], object]


def status(page: Page) -> int:
    return page.status


def redirect(page: Page) -> tuple[int, str]:
    return page.status, urlsplit(page.location).path


def h1(page: Page) -> list[str]:
    return page.texts("h1")


def byline(page: Page) -> list[str]:
    return page.texts(".ap-article-header .ap-author bdi")


def author_box_links(page: Page) -> list[tuple[str, str]]:
    return page.links(".ap-author-name a")


def citations(page: Page) -> list[str]:
    return page.texts(".ap-cite-text")


def notes(page: Page) -> list[str]:
    return page.texts("#notes .ap-note-text")


def series(page: Page) -> list[str]:
    return page.texts(".ap-article-header .ap-series")


def classification(page: Page) -> list[str]:
    return page.texts(".ap-classification p")


def lead_image_alt(page: Page) -> tuple[list[str], list[str]]:
    return page.attrs(".ap-lead-image img", "alt"), page.meta("og:image:alt")


def figure_alt(page: Page) -> list[str]:
    return page.attrs(".ap-body .ap-figure img", "alt")


def pdf_links(page: Page) -> tuple[list[str], list[str]]:
    paths = [urlsplit(href).path for href in page.attrs(".ap-identifiers a[download]", "href")]
    return paths, [urlsplit(url).path for url in page.meta("citation_pdf_url")]


def canonical_and_site_name(page: Page) -> tuple[list[str], list[str]]:
    return page.attrs('link[rel="canonical"]', "href"), page.meta("og:site_name")


def body_links(page: Page) -> list[tuple[str, str]]:
    return page.links(".ap-body a:not([role=doc-noteref])")


def cards(page: Page) -> list[tuple[str, str]]:
    return page.links(".ap-card-title a")


def card_bylines(page: Page) -> list[str]:
    return page.texts(".ap-card .ap-byline .ap-author bdi")


def card_series(page: Page) -> list[str]:
    return page.texts(".ap-card .ap-series")


def similar(page: Page) -> list[tuple[str, str]]:
    return page.links(".ap-similar-list a")


def languages(page: Page) -> dict[str, list[str]]:
    """Where a page says it is available in English: the "also available in" line,
    the header's language switcher, ``hreflang`` alternates in the head."""
    return {
        "also available": [
            urlsplit(h).path for h in page.attrs('.ap-translations a[hreflang="en"]', "href")
        ],
        "switcher": [
            urlsplit(h).path for h in page.attrs('.ap-language-switcher a[hreflang="en"]', "href")
        ],
        "hreflang": [
            urlsplit(h).path for h in page.attrs('link[rel="alternate"][hreflang="en"]', "href")
        ],
    }


def public_text(page: Page) -> bool:
    """Whether the response shows an analysis's own content to an anonymous reader."""
    return page.status == 200 and bool(page.soup.select(".ap-article .ap-body"))


# -- the running site ----------------------------------------------------------------------
#: Seconds between scheduling an expiry and its time: enough to read the pages before.
EXPIRY_AHEAD = 10


@dataclass
class Check:
    path: str
    probe: Probe
    before: object
    after: object


@dataclass
class World:
    mode: str
    a: Server
    b: Server
    editor: Editor
    pages: dict[str, dict]

    def path(self, key: str) -> str:
        return self.pages[key]["path"]

    def id(self, key: str) -> int:
        return self.pages[key]["id"]

    def get(self, server: Server, path: str, cookies: dict | None = None) -> Page:
        # A new session each time: an anonymous reader, whom the response cache (when on)
        # serves unless the request carries a session cookie.
        response = requests.get(
            server.url + path, cookies=cookies, allow_redirects=False, timeout=30
        )
        assert response.status_code < 500, (response.status_code, path, server.log_tail())
        return Page(
            response.status_code,
            response.headers.get("Location", ""),
            BeautifulSoup(response.text, "html.parser"),
        )

    def read(self, checks: list[Check], servers: tuple[Server, ...], cookies=None) -> dict:
        """Each page once from each server, in this order (so B's first request after a
        change is B's first sight of it): {(server name, path): Page}."""
        paths = list(dict.fromkeys(check.path for check in checks))
        return {
            ("A" if server is self.a else "B", path): self.get(server, path, cookies)
            for server in servers
            for path in paths
        }

    def see_before(self, checks: list[Check]) -> None:
        """The old state, from A then B. With the response cache on, B may be answered
        with A's stored copy: both are read again with a session cookie, which the
        response cache passes by, so that each process renders each page itself too."""
        readings = [self.read(checks, (self.a, self.b))]
        if "DJANGO_PAGE_CACHE_SECONDS" in MODES[self.mode]:
            readings.append(self.read(checks, (self.a, self.b), {"sessionid": "none"}))
        for seen in readings:
            for check in checks:
                for server in ("A", "B"):
                    value = check.probe(seen[server, check.path])
                    assert value == check.before, (
                        f"before the change, {server} {check.path} {check.probe.__name__}: "
                        f"{value!r}, expected {check.before!r}"
                    )

    def change(self, request, checks: list[Check], code: str, **names) -> None:
        """Read every check's page from A and B and see the old state, make the change in
        the editor's process, then see the new state on the very next request to B, then
        A.

        """
        for check in checks:
            assert check.before != check.after, f"{check.probe.__name__} cannot fail"
        self.see_before(checks)
        self.editor.run(code.format(**{key: self.id(key) for key in self.pages}, **names))
        seen = self.read(checks, (self.b, self.a))
        failures = [
            f"{server} {check.path} {check.probe.__name__}: {value!r}, "
            f"expected {check.after!r} (was {check.before!r})"
            for check in checks
            for server in ("B", "A")
            if (value := check.probe(seen[server, check.path])) != check.after
        ]
        assert not failures, "visible late after the change:\n" + "\n".join(failures)


def environment(database: Path, media: Path, mode: dict[str, str]) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_CACHE", "DJANGO_PAGE_CACHE_SECONDS", "DJANGO_REDIS_URL")
    }
    # The servers and the editor import this checkout's code and the tests' factories.
    path = [str(ROOT), env.get("PYTHONPATH", "")]
    return {
        **env,
        **mode,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": os.pathsep.join(part for part in path if part),
    }


def manage(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own example project
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The database (with the cache table, empty) and media of :data:`SETUP`, made once
    and copied for each mode; and the pages' ids and paths."""
    where = tmp_path_factory.mktemp("freshness")
    database, media = where / "content.sqlite3", where / "media"
    manage("migrate", "--noinput", env=environment(database, media, {}))
    manage("createcachetable", env=environment(database, media, MODES["response-cache-off"]))
    # Each process's own memory cache: nothing is left in the shared one.
    output = manage("shell", "-v", "0", "-c", SETUP, env=environment(database, media, {}))
    return database, media, json.loads(output.splitlines()[-1])


@pytest.fixture(scope="module", params=list(MODES))
def world(request, content, tmp_path_factory):
    mode = request.param
    where = tmp_path_factory.mktemp(mode)
    database, media = where / "site.sqlite3", where / "media"
    shutil.copy(content[0], database)
    shutil.copytree(content[1], media)
    env = environment(database, media, MODES[mode])
    a = Server(PROJECT, env, where / "a.log").start()
    b = Server(PROJECT, env, where / "b.log").start()
    editor = Editor(env, where / "editor.log")
    try:
        a.wait_until_ready()
        b.wait_until_ready()
        yield World(mode, a, b, editor, content[2])
    finally:
        editor.close()
        a.stop()
        b.stop()


# -- the changes ---------------------------------------------------------------------------
# In file order: each changes its own content, or shared content only it reads.


def contains(probe: Probe, item) -> Probe:
    def check(page: Page) -> bool:
        return item in probe(page)

    check.__name__ = f"{probe.__name__} has {item!r}"
    return check


def names_english_version(path: str) -> Probe:
    """Whether a Turkish page's language links (either list, or hreflang) name ``path``."""

    def check(page: Page) -> bool:
        return any(path in paths for paths in languages(page).values())

    check.__name__ = f"language links name {path}"
    return check


def titles(probe: Probe) -> Probe:
    def check(page: Page) -> list[str]:
        return [title for title, _path in probe(page)]

    check.__name__ = f"titles of {probe.__name__}"
    return check


def paths(probe: Probe) -> Probe:
    def check(page: Page) -> list[str]:
        return [path for _title, path in probe(page)]

    check.__name__ = f"paths of {probe.__name__}"
    return check


def test_editing_an_author_profile(world, request):
    main, main_tr, index = world.path("main"), world.path("main-tr"), world.path("index")
    profile = world.path("experts") + "ayse-yilmaz/"
    old, new = "Ayşe Yılmaz", "Ayşe Kaya-Yılmaz"

    def cited_as(name: str) -> Probe:
        def check(page: Page) -> list[bool]:
            return [text.startswith(name) for text in citations(page)]

        check.__name__ = f"citations start with {name}"
        return check

    world.change(
        request,
        [
            Check(main, byline, [old], [new]),
            Check(main, author_box_links, [(old, profile)], [(new, profile)]),
            Check(main, cited_as("Yılmaz, Ayşe"), [True, False], [False, False]),
            Check(main, cited_as("Kaya-Yılmaz, Ayşe"), [False, False], [True, False]),
            Check(main, cited_as("Yılmaz, A."), [False, True], [False, False]),
            Check(main, cited_as("Kaya-Yılmaz, A."), [False, False], [False, True]),
            Check(main_tr, byline, [old], [new]),
            Check(index, card_bylines, [old], [new]),
            Check(profile, h1, [old], [new]),
        ],
        """
from ankasam_pubs.models import AuthorProfile
profile = AuthorProfile.objects.get(slug="ayse-yilmaz")
profile.display_name_en = "{new}"
profile.save()
""",
        new=new,
    )


def test_editing_a_topic_label(world, request):
    old = ["Topics: Energy security", "Regions: Black Sea"]
    new = ["Topics: Energy policy", "Regions: Black Sea"]
    world.change(
        request,
        [
            Check(world.path("main"), classification, old, new),
            Check(
                world.path("main-tr"),
                classification,
                ["Konular: Energy security", "Bölgeler: Black Sea"],
                ["Konular: Energy policy", "Bölgeler: Black Sea"],
            ),
        ],
        """
from ankasam_pubs.models import Topic
topic = Topic.objects.get(slug="energy")
topic.name_en = "Energy policy"
topic.save()
""",
    )


def test_editing_a_series_name(world, request):
    main, index = world.path("main"), world.path("index")
    world.change(
        request,
        [
            Check(main, series, ["Commentary"], ["Policy brief"]),
            Check(main, contains(lambda page: citations(page)[0], "Commentary"), True, False),
            Check(index, card_series, ["Commentary"], ["Policy brief"]),
        ],
        """
from ankasam_pubs.models import Series
series = Series.objects.get(slug="commentary")
series.name_en = "Policy brief"
series.save()
""",
    )


def test_changing_the_citation_style(world, request):
    """The house style's straight quotes and bare host become Chicago's curly quotes
    (punctuation inside them in English, outside in Turkish) and full URL."""
    house = ['Deniz Kaya, "Port authority report", ports.example.org/r .']
    chicago_en = ["Deniz Kaya, “Port authority report,” https://ports.example.org/r ."]
    chicago_tr = ["Deniz Kaya, “Port authority report”, https://ports.example.org/r ."]
    world.change(
        request,
        [
            Check(world.path("main"), notes, house, chicago_en),
            Check(world.path("main-tr"), notes, house, chicago_tr),
        ],
        """
from ankasam_pubs.models import CitationSettings
from wagtail.models import Site
settings = CitationSettings.for_site(Site.objects.get(is_default_site=True))
settings.citation_style = "chicago"
settings.save()
""",
    )


def test_editing_an_images_alt_text(world, request):
    """The lead image's alt text (its description), on the page and in OpenGraph."""
    old = (["A tanker at dawn"], ["A tanker at dawn"])
    new = (["A tanker leaving port"], ["A tanker leaving port"])
    world.change(
        request,
        [
            Check(world.path("main"), lead_image_alt, old, new),
            Check(world.path("main-tr"), lead_image_alt, old, new),
        ],
        """
from wagtail.images import get_image_model
photo = get_image_model().objects.get(title="tanker")
photo.description = "A tanker leaving port"
photo.save()
""",
    )


def test_editing_the_title_of_an_image_in_the_body(world, request):
    """A figure without its own alt text falls back to the image's title."""
    old, new = ["pipeline-map"], ["Map of the pipelines"]
    world.change(
        request,
        [
            Check(world.path("main"), figure_alt, old, new),
            Check(world.path("main-tr"), figure_alt, old, new),
        ],
        """
from wagtail.images import get_image_model
chart = get_image_model().objects.get(title="pipeline-map")
chart.title = "Map of the pipelines"
chart.save()
""",
    )


def test_replacing_a_document(world, request):
    """A new file for the analysis's PDF: the download link and Scholar's PDF URL."""
    pdf = world.id("pdf")
    old = ([f"/documents/{pdf}/gas-winter.pdf"], [f"/documents/{pdf}/gas-winter.pdf"])
    new = ([f"/documents/{pdf}/gas-winter-2.pdf"], [f"/documents/{pdf}/gas-winter-2.pdf"])
    world.change(
        request,
        [Check(world.path("main"), pdf_links, old, new)],
        """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
document = get_document_model().objects.get(pk={pdf})
document.file = ContentFile(b"%PDF-1.4 second", name="gas-winter-2.pdf")
document.save()
""",
    )


def test_editing_the_site(world, request):
    """The Wagtail Site's hostname (absolute URLs) and name (OpenGraph)."""
    main, main_tr = world.path("main"), world.path("main-tr")
    world.change(
        request,
        [
            Check(
                main,
                canonical_and_site_name,
                ([f"http://pubs.example.org{main}"], ["Freshness Centre"]),
                ([f"http://research.example.org{main}"], ["Research Centre"]),
            ),
            Check(
                main_tr,
                canonical_and_site_name,
                ([f"http://pubs.example.org{main_tr}"], ["Freshness Centre"]),
                ([f"http://research.example.org{main_tr}"], ["Research Centre"]),
            ),
        ],
        """
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
site.hostname, site.site_name = "research.example.org", "Research Centre"
site.save()
""",
    )


def test_moving_the_authors_index(world, request):
    """A new slug for the authors index: every link to a profile changes."""
    main, experts = world.path("main"), world.path("experts")
    people = experts.replace("/experts/", "/people/")
    world.change(
        request,
        [
            Check(
                main, paths(author_box_links), [experts + "ayse-yilmaz/"], [people + "ayse-yilmaz/"]
            ),
            Check(experts + "ayse-yilmaz/", status, 200, 404),
            Check(people + "ayse-yilmaz/", status, 404, 200),
        ],
        """
from ankasam_pubs.models import AuthorIndexPage
experts = AuthorIndexPage.objects.get(pk={experts})
experts.slug = "people"
experts.save_revision().publish()
""",
    )


def test_publishing_a_new_revision(world, request):
    main, index, storage = world.path("main"), world.path("index"), world.path("storage")
    old, new = "Gas and winter", "Gas, winter and prices"
    world.change(
        request,
        [
            Check(main, h1, [old], [new]),
            Check(index, contains(cards, (old, main)), True, False),
            Check(index, contains(cards, (new, main)), False, True),
            Check(storage, contains(similar, (old, main)), True, False),
            Check(storage, contains(similar, (new, main)), False, True),
        ],
        """
from ankasam_pubs.models import AnalysisPage
page = AnalysisPage.objects.get(pk={main})
page.title = "{new}"
page.save_revision().publish()
""",
        new=new,
    )


def test_publishing_a_new_analysis(world, request):
    """It joins the index, and the similar posts of an analysis on its subject."""
    index, storage = world.path("index"), world.path("storage")
    new = index + "storage-3/"
    world.change(
        request,
        [
            Check(new, status, 404, 200),
            Check(index, contains(cards, ("Storage in spring", new)), False, True),
            Check(storage, contains(similar, ("Storage in spring", new)), False, True),
        ],
        """
import datetime
from ankasam_pubs.models import AnalysisIndexPage
from tests.factories import analysis, paragraphs
analysis(
    AnalysisIndexPage.objects.get(pk={index}), "Storage in spring", slug="storage-3",
    date=datetime.date(2025, 2, 1),
    body=paragraphs("<p>Gas storage and pipeline interconnectors: energy supply after winter.</p>"),
)
""",
    )


def test_similar_lists_recomputed(world, request):
    """The task recomputes a list (here after an exclusion): an analysis leaves it."""
    storage = world.path("storage")
    item = ("Storage before winter", world.path("storage-2"))
    world.change(
        request,
        [Check(storage, contains(similar, item), True, False)],
        """
from ankasam_pubs.similar.models import SimilarPostExclusion
from ankasam_pubs.similar.tasks import update_similar_posts
from wagtail.models import Page
storage = Page.objects.get(pk={storage})
SimilarPostExclusion.objects.create(page=storage, analysis_id={storage-2})
update_similar_posts.enqueue(storage.locale_id, [storage.pk])
""",
    )


def leaving_checks(world: World, key: str, title: str, *, in_index: bool = True) -> list[Check]:
    """An analysis that leaves: the index, the main analysis's similar posts and its
    Turkish version's language links name it before, and none does after."""
    path = world.path(key)
    checks = [
        Check(world.path("main"), contains(similar, (title, path)), True, False),
        Check(world.path(key + "-tr"), names_english_version(path), True, False),
    ]
    if in_index:
        checks.append(Check(world.path("index"), contains(cards, (title, path)), True, False))
    return checks


def test_unpublishing(world, request):
    path = world.path("unpublished")
    world.change(
        request,
        [Check(path, status, 200, 404), *leaving_checks(world, "unpublished", "Harbour dues")],
        "from wagtail.models import Page\nPage.objects.get(pk={unpublished}).specific.unpublish()",
    )


def test_moving_a_page(world, request):
    old, archive = world.path("moved"), world.path("archive")
    new = archive + "moved/"
    title = "Rail freight"
    world.change(
        request,
        [
            Check(old, redirect, (200, ""), (301, new)),
            Check(new, status, 404, 200),
            Check(world.path("index"), contains(cards, (title, old)), True, False),
            Check(archive, cards, [], [(title, new)]),
            Check(world.path("main"), contains(similar, (title, old)), True, False),
            Check(world.path("main"), contains(similar, (title, new)), False, True),
            Check(world.path("moved-tr"), names_english_version(old), True, False),
            Check(world.path("moved-tr"), names_english_version(new), False, True),
        ],
        """
from wagtail.models import Page
Page.objects.get(pk={moved}).specific.move(Page.objects.get(pk={archive}), pos="last-child")
""",
    )


def test_moving_a_page_linked_from_another_body(world, request):
    old, new = world.path("linked"), world.path("archive") + "linked/"
    world.change(
        request,
        [
            Check(world.path("main"), body_links, [("the basins", old)], [("the basins", new)]),
        ],
        """
from wagtail.models import Page
Page.objects.get(pk={linked}).specific.move(Page.objects.get(pk={archive}), pos="last-child")
""",
    )


def test_deleting_a_page(world, request):
    path = world.path("deleted")
    world.change(
        request,
        [Check(path, status, 200, 404), *leaving_checks(world, "deleted", "Fisheries")],
        "from wagtail.models import Page\nPage.objects.get(pk={deleted}).specific.delete()",
    )


def test_restricting_a_page(world, request):
    """A password on the page itself: not served to the public, not offered anywhere."""
    path = world.path("private")
    world.change(
        request,
        [Check(path, public_text, True, False), *leaving_checks(world, "private", "Drones")],
        """
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.create(
    page_id={private}, restriction_type=PageViewRestriction.PASSWORD, password="secret"
)
""",
    )


def test_restricting_a_section(world, request):
    """Sign-in required on a section above the page."""
    path, section = world.path("in-private-section"), world.path("briefings")
    world.change(
        request,
        [
            Check(path, public_text, True, False),
            Check(section, titles(cards), ["Sanctions"], []),
            *leaving_checks(world, "in-private-section", "Sanctions", in_index=False),
        ],
        """
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.create(
    page_id={briefings}, restriction_type=PageViewRestriction.LOGIN
)
""",
    )


def test_expiry(world, request):
    """``expire_at`` passes; ``publish_scheduled`` has not run (the page is still live).

    The editor schedules the expiry a few seconds ahead (a publication, as the admin
    does it); the pages are read while it is still pending, then the time passes with
    no event at all, and the very next requests must no longer offer the page."""
    path = world.path("expiring")
    lists = leaving_checks(world, "expiring", "Elections")
    world.editor.run(
        f"""
import datetime
from django.utils import timezone
from wagtail.models import Page
page = Page.objects.get(pk={world.id("expiring")}).specific
page.expire_at = timezone.now() + datetime.timedelta(seconds={EXPIRY_AHEAD})
page.save_revision().publish()
"""
    )
    world.change(
        request,
        [
            Check(path, status, 200, 404),
            *(Check(c.path, c.probe, c.before, c.after) for c in lists),
        ],
        """
import time
from django.utils import timezone
from wagtail.models import Page
due = Page.objects.get(pk={expiring}).expire_at
time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.2)
""",
    )
