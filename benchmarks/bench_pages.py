"""Page rendering against plain Wagtail pages doing the nearest plain equivalent, and
queries per page type.

Every app page is compared with a plain page at the same tree depth (Wagtail's routing
costs a query per level): the analysis and the notes analyses (depth 4) with
``home.StandardPage`` pages under a plain section page, the analysis index (depth 3)
with a ``home.PlainListPage`` beside it, an author profile (``/en/authors/<slug>/``,
served by the depth-3 authors index, the URL depth of a depth-4 page) with a
``home.PlainListPage`` under the plain section.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from ankasam_pubs.models import AnalysisIndexPage, AuthorIndexPage, Topic
from ankasam_pubs.similar.models import SimilarPost


def pubs_settings(**changes):
    """``override_settings`` for some ``ANKASAM_PUBS`` entries, the others kept: replacing
    the whole dict would drop the site's base template and organisation name, and the
    rows would no longer compare like with like."""
    return override_settings(ANKASAM_PUBS={**settings.ANKASAM_PUBS, **changes})


def bare_base_template():
    """``base.html`` without the example site's header: its language switcher is the
    app's own tag, which would make the plain baselines do the app's work too."""
    engines = [dict(engine) for engine in settings.TEMPLATES]
    here = str(Path(__file__).resolve().parent / "templates")
    engines[0] = {**engines[0], "DIRS": [here, *engines[0].get("DIRS", [])]}
    return override_settings(TEMPLATES=engines)


def check_site_settings(client: Client, url: str) -> None:
    """Under an override the page still names the site's organisation (JSON-LD, head)."""
    name = settings.ANKASAM_PUBS["ORGANISATION_NAME"]
    assert name in client.get(url).content.decode(), f"{url} lost ORGANISATION_NAME"


def _body(blocks: int) -> list[dict]:
    body = []
    for n in range(blocks):
        if n % 5 == 4:
            body.append({"type": "heading", "value": {"text": f"Section {n}", "level": "h2"}})
        else:
            body.append(
                {
                    "type": "paragraph",
                    "value": f"<p>Paragraph {n} with <b>bold</b>, <i>italic</i> and a "
                    f'<a href="https://example.org/{n}">link</a>. ' + "Text " * 60 + "</p>",
                }
            )
    return body


def _notes(uids: list[str]) -> list[dict]:
    """One web source per note, as editors cite a news article."""
    from tests import factories as f

    return [
        {
            "uid": uid,
            "sources": [
                f.source(
                    f"Source {uid}",
                    url=f"https://example.org/{uid}",
                    container_title="Example Review",
                    accessed="2023-03-15",
                    authors="Demir, Ayşe",
                )
            ],
        }
        for uid in uids
    ]


#: The analysis the issue describes: 40 notes, 3 authors, 2 live translations, 6 similar.
NOTES = 40
SIMILAR_TEXT = "Gas pipelines, winter storage and interconnectors decide energy supply."
#: Analyses by the profiled author: more than a page, so the profile lists a full page.
PROFILE_ANALYSES = 12
BIO = (
    "Ayşe Demir leads the centre's energy programme. She studied economics in Ankara and "
    "Edinburgh and worked on gas markets at a regulator before joining the centre.\n\n"
    + "Her research covers pipelines, storage, interconnectors and the politics of supply. "
    * 6
)


def plain_page(parent, title: str, slug: str, body=(), **fields):
    from home.models import StandardPage

    page = parent.add_child(instance=StandardPage(title=title, slug=slug, body=body, **fields))
    page.save_revision().publish()
    return page


def plain_list(parent, title: str, slug: str, items: list[tuple[str, str]], intro: str = ""):
    """A ``home.PlainListPage`` whose children carry these titles and summaries."""
    from home.models import PlainListPage

    page = parent.add_child(instance=PlainListPage(title=title, slug=slug, intro=intro))
    page.save_revision().publish()
    for n, (child_title, summary) in enumerate(items):
        plain_page(page, child_title, f"item-{n}", search_description=summary)
    return page


def build(blocks: int = 10):
    from tests import factories as f

    tree = f.site_tree()
    home = tree["home"]["en"]
    people = [f.author(f"bench-author-{n}") for n in range(3)]
    picture = f.image("bench")
    topic = f.term(Topic, "bench-energy")
    body = _body(blocks)
    uids = [f"bench-n{n}" for n in range(NOTES)]
    # The analysis's body cites every note; the plain page has the same text without them.
    cited = [dict(block) for block in body]
    paragraphs = [block for block in cited if block["type"] == "paragraph"]
    for n, uid in enumerate(uids):
        block = paragraphs[n % len(paragraphs)]
        block["value"] = block["value"].replace("</p>", f" Claim {n}.{f.ref(uid)}</p>")
    notes = _notes(uids)
    index = tree["index"]["en"]
    # The profiled author, with a full page of analyses (older than the index's first
    # page, which shows the fillers and the benchmark analysis).
    profiled = f.author(
        "bench-profile",
        display_name_en="Ayşe Demir",
        position_en="Director, energy programme",
        bio_en=BIO,
        portrait=f.image("portrait"),
    )
    profiled.expertise.set([topic])
    for n in range(PROFILE_ANALYSES):
        f.analysis(
            index,
            f"Profile analysis {n}: storage tariffs",
            authors=[profiled],
            lead_image=picture,
            summary=f"How storage tariffs shaped winter {n}.",
        )
    for n in range(12):  # related analyses: the page's similar posts
        f.analysis(
            index,
            f"Energy filler {n}",
            authors=people[n % 3 : n % 3 + 1],
            lead_image=picture,
            topics=[topic],
            body=f.paragraphs(f"<p>{SIMILAR_TEXT} Filler {n}.</p>"),
            summary=f"Filler {n} on energy supply.",
        )
    analysis = f.analysis(
        index,
        "Benchmark analysis: gas pipelines and winter storage",
        authors=people,
        body=cited,
        notes=notes,
        topics=[topic],
        lead_image=picture,
        summary=SIMILAR_TEXT,
    )
    for code in ("tr", "ru"):
        f.translate(analysis, tree["locales"][code], title=f"Benchmark {code}")
    shown = SimilarPost.objects.filter(page=analysis).count()
    assert shown == 6, f"the benchmark analysis shows {shown} similar posts, not 6"
    authors = home.add_child(instance=AuthorIndexPage(title="Experts", slug="authors"))
    authors.save_revision().publish()
    for code, slug in (("tr", "uzmanlar"), ("ru", "eksperty")):
        f.translate(authors, tree["locales"][code], slug=slug)

    # The plain pages, each at the depth of the page it stands for.
    section = plain_page(home, "Plain section", "plain")  # depth 3
    plain = plain_page(section, "Benchmark plain page", "article", body=body)  # depth 4
    listed = [
        (page.title, page.summary)
        for page in AnalysisIndexPage.objects.get(pk=index.pk).get_children().specific()
    ]
    plain_index = plain_list(home, "Plain index", "plain-index", listed)  # depth 3
    profile_titles = [
        (page.title, page.summary) for page in authors.analyses_by(profiled).order_by("pk")
    ]
    plain_profile = plain_list(  # depth 4
        section, profiled.display_name, "profile", profile_titles, intro=profiled.bio
    )
    return {
        "analysis": analysis,
        "plain": plain,
        "index": index,
        "plain_index": plain_index,
        "profile": authors.profile_url(profiled),
        "plain_profile": plain_profile,
        "home": home,
        "section": section,
    }


def check_like_with_like(client: Client, urls: dict[str, str]) -> None:
    """The listings and their baselines show as many items; the profile and its
    baseline the same biography."""
    pages = {name: client.get(url).content.decode() for name, url in urls.items()}
    size = settings.ANKASAM_PUBS["INDEX_PAGE_SIZE"]
    for name in ("index", "plain_index", "profile", "plain_profile"):
        cards = pages[name].count('<article class="ap-card')
        assert cards == size, f"{name} lists {cards} items, not {size}"
    for name in ("profile", "plain_profile"):
        assert "Her research covers pipelines" in pages[name], f"{name} lacks the biography"


def median_times(client: Client, urls: dict[str, str], repeat: int) -> dict[str, float]:
    samples = {name: [] for name in urls}
    for url in urls.values():  # warm up
        assert client.get(url).status_code == 200, url
    for _ in range(repeat):
        for name, url in urls.items():  # interleaved
            start = time.perf_counter()
            client.get(url)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in samples.items()}


def times_after_each_change(client: Client, url: str, baseline: str, repeat: int) -> dict:
    """The page's first request after a change (a publication elsewhere moves the
    ``published`` generation before every request), interleaved with its baseline."""
    from ankasam_pubs.caching import generations

    samples: dict[str, list[float]] = {"page": [], "baseline": []}
    client.get(url), client.get(baseline)
    for _ in range(repeat):
        generations.bump(generations.PUBLISHED)
        start = time.perf_counter()
        client.get(url)
        samples["page"].append(time.perf_counter() - start)
        start = time.perf_counter()
        client.get(baseline)
        samples["baseline"].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in samples.items()}


def count_queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def build_notes_pages(section, note_counts=(5, 40, 80), blocks: int = 10):
    """For each count: an analysis whose body cites that many notes, and the same text
    as a plain page (references removed) under the plain section, at the analysis's
    depth, plus the same analysis without notes."""
    from tests import factories as f

    index = AnalysisIndexPage.objects.filter(locale__language_code="en").first()
    pages = {}
    for count in note_counts:
        uids = [f"b{count}n{n}" for n in range(count)]
        chunks = [uids[i::blocks] for i in range(blocks)]
        with_refs = [
            "<p>"
            + " ".join(f"Sentence {i}.{f.ref(uid)}" for i, uid in enumerate(chunk))
            + " "
            + "Text " * 60
            + "</p>"
            for chunk in chunks
        ]
        plain = [re.sub(r'<a linktype="note"[^>]*>\*</a>', "", html) for html in with_refs]
        notes = _notes(uids)
        analysis = f.analysis(index, f"Notes {count}", body=f.paragraphs(*with_refs), notes=notes)
        bare = f.analysis(index, f"No notes {count}", body=f.paragraphs(*plain))
        standard = plain_page(section, f"Plain {count}", f"notes-{count}", f.paragraphs(*plain))
        assert standard.depth == analysis.depth == bare.depth
        pages[count] = {"analysis": analysis.url, "bare": bare.url, "plain": standard.url}
    return pages


def ratio_row(name: str, times: dict[str, float], page: str, baseline: str) -> dict:
    return {"name": name, "value": times[page], "baseline": times[baseline], "unit": "ms"}


def run(*, quick: bool) -> list[dict]:
    pages = build()
    client = Client()
    urls = {name: page if isinstance(page, str) else page.url for name, page in pages.items()}
    depth = {name: page.depth for name, page in pages.items() if not isinstance(page, str)}
    assert depth["analysis"] == depth["plain"] == depth["plain_profile"] == 4, depth
    assert depth["index"] == depth["plain_index"] == 3, depth
    # The profile is a route of the depth-3 authors index: its URL has a depth-4 page's.
    assert urls["profile"].count("/") == urls["plain_profile"].count("/"), urls
    check_like_with_like(client, urls)
    repeat = 15 if quick else 200
    timed = ("analysis", "plain", "index", "plain_index", "profile", "plain_profile")
    times = median_times(client, {name: urls[name] for name in timed}, repeat=repeat)
    with bare_base_template():
        bare_html = Client().get(urls["plain"]).content.decode()
        assert "ap-language-switcher" not in bare_html and "Benchmark" in bare_html
        bare = median_times(Client(), {name: urls[name] for name in timed}, repeat=repeat)
    # Without snapshots (and fragments): every request renders everything.
    with pubs_settings(RENDER_CACHE_TIMEOUT=0):
        check_site_settings(Client(), urls["analysis"])
        fresh = median_times(Client(), {name: urls[name] for name in timed}, repeat=repeat)
        fresh_queries = {name: count_queries(Client(), urls[name]) for name in timed}
    after_change = times_after_each_change(Client(), urls["analysis"], urls["plain"], repeat)
    # The same pages with the shared response cache on: what most readers get.
    with pubs_settings(PAGE_CACHE_TIMEOUT=300):
        check_site_settings(Client(), urls["analysis"])
        served = median_times(
            Client(), {"analysis": urls["analysis"], "plain": urls["plain"]}, repeat=repeat
        )
    results = [
        ratio_row(
            "render: analysis (40 notes, 3 authors, 2 translations, 6 similar) "
            "from its snapshot vs plain page at depth 4",
            times,
            "analysis",
            "plain",
        ),
        ratio_row(
            "render: same analysis from its snapshot vs plain page at depth 4, "
            "base template without the header's language switcher",
            bare,
            "analysis",
            "plain",
        ),
        ratio_row(
            "render: same analysis, first request after each change elsewhere "
            "vs plain page at depth 4",
            after_change,
            "page",
            "baseline",
        ),
        ratio_row(
            "render: same analysis rendered afresh (RENDER_CACHE_TIMEOUT=0) "
            "vs plain page at depth 4",
            fresh,
            "analysis",
            "plain",
        ),
        ratio_row(
            "served: same analysis from the response cache vs plain page at depth 4 (uncached)",
            served,
            "analysis",
            "plain",
        ),
        ratio_row(
            "render: analysis index (9 cards) from its snapshot "
            "vs plain list of 9 child pages at depth 3",
            times,
            "index",
            "plain_index",
        ),
        ratio_row(
            "render: analysis index from its snapshot vs plain list at depth 3, "
            "base template without the switcher",
            bare,
            "index",
            "plain_index",
        ),
        ratio_row(
            "render: analysis index rendered afresh vs plain list at depth 3",
            fresh,
            "index",
            "plain_index",
        ),
        ratio_row(
            "render: author profile (9 of 12 analyses, /en/authors/<slug>/) from its "
            "snapshot vs plain list page at depth 4",
            times,
            "profile",
            "plain_profile",
        ),
        ratio_row(
            "render: author profile from its snapshot vs plain list page at depth 4, "
            "base template without the switcher",
            bare,
            "profile",
            "plain_profile",
        ),
        ratio_row(
            "render: author profile rendered afresh vs plain list page at depth 4",
            fresh,
            "profile",
            "plain_profile",
        ),
    ]
    for name in ("analysis", "index", "profile"):
        results.append(
            {
                "name": f"queries: {name} page rendered afresh",
                "value": fresh_queries[name],
                "unit": "queries",
            }
        )

    for count, urls_for in build_notes_pages(pages["section"]).items():
        with pubs_settings(RENDER_CACHE_TIMEOUT=0):
            check_site_settings(client, urls_for["analysis"])
            cold = median_times(client, urls_for, repeat=15 if quick else 150)
        results.append(
            ratio_row(
                f"notes, fragment cache off: {count} notes vs plain page at depth 4, same text",
                cold,
                "analysis",
                "plain",
            )
        )
        results.append(
            ratio_row(
                f"notes, fragment cache off: {count} notes vs same analysis, no notes",
                cold,
                "analysis",
                "bare",
            )
        )
        times = median_times(client, urls_for, repeat=15 if quick else 150)
        results.append(
            ratio_row(
                f"notes: {count} notes vs plain page at depth 4, same text",
                times,
                "analysis",
                "plain",
            )
        )
        results.append(
            ratio_row(f"notes: {count} notes vs same analysis, no notes", times, "analysis", "bare")
        )
    counted = {
        "analysis page": "analysis",
        "index page": "index",
        "author profile page": "profile",
        "home page": "home",
        "plain page at depth 4": "plain",
        "plain list page at depth 3 (index baseline)": "plain_index",
        "plain list page at depth 4 (profile baseline)": "plain_profile",
    }
    for label, name in counted.items():
        queries = count_queries(client, urls[name])
        results.append({"name": f"queries: {label}", "value": queries, "unit": "queries"})
    return results
