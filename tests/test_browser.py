"""A real browser (Debian's Chromium through Playwright) on a live server with demo content."""

import os
import re
import threading
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


def ensure_page_tree_root():
    """A flushed database lacks the roots Wagtail's migrations create: restore them."""
    from wagtail.models import Collection, Locale, Page

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        locale, _ = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))


@pytest.fixture
def demo(live_server):
    from django.contrib.auth import get_user_model

    from demo.loader import DemoLoader

    ensure_page_tree_root()
    DemoLoader(log=lambda *_: None).load()
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct horse")
    return live_server


class _InFlight:
    """Counts the live server's request threads, so a test ends only once the last
    request its browser started has finished. Otherwise a request still running (the
    admin's background fetches after a click) holds the database while pytest-django
    flushes it: "database table is locked" on SQLite, "being accessed by other users"
    on PostgreSQL, and the next test starts on the leftovers.

    It also lets one request at a time into the site: with an in-memory SQLite
    database every server thread shares the test's one connection, and two requests
    at once (the admin page and its icon sprite) fail with "cannot start a transaction
    within a transaction"."""

    def __init__(self, httpd):
        self.count = 0
        self.lock = threading.Lock()
        app, one_at_a_time = httpd.get_app(), threading.Lock()

        def serialised(environ, start_response):
            with one_at_a_time:
                return app(environ, start_response)

        httpd.set_app(serialised)
        handle = httpd.process_request_thread

        def tracked(*args):
            with self.lock:
                self.count += 1
            try:
                handle(*args)
            finally:
                with self.lock:
                    self.count -= 1

        httpd.process_request_thread = tracked

    def wait(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not self.count, f"{self.count} requests still running after {timeout} s"


@pytest.fixture
def page(browser, request):
    in_flight = None
    if "live_server" in request.fixturenames:
        httpd = request.getfixturevalue("live_server").thread.httpd
        in_flight = getattr(httpd, "ankasam_in_flight", None) or _InFlight(httpd)
        httpd.ankasam_in_flight = in_flight
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()  # closes its connections; the server finishes what it started
    if in_flight is not None:
        in_flight.wait()


def test_reader_browses_index_and_analysis(demo, page):
    from ankasam_pubs.models import AnalysisPage

    page.goto(f"{demo.url}/en/analysis/")
    cards = page.locator(".ap-card-title a")
    assert cards.count() >= 9
    first_title = cards.first.inner_text()
    cards.first.click()
    page.wait_for_load_state()
    assert page.locator("h1.ap-title").inner_text() == first_title
    assert page.locator(".ap-author-box").count() >= 1
    # Drafts and password-protected analyses never appear in the listing.
    listed = set()
    page.goto(f"{demo.url}/en/analysis/")
    while True:
        listed |= set(page.locator(".ap-card-title a").all_inner_texts())
        older = page.locator("a[rel=next]")
        if not older.count():
            break
        older.click()
        page.wait_for_load_state()
    hidden = AnalysisPage.objects.filter(locale__language_code="en").exclude(
        pk__in=AnalysisPage.objects.live().public().values("pk")
    )
    assert hidden.count() >= 2
    assert not listed & {p.title for p in hidden}


def test_reader_filters_by_topic(demo, page):
    page.goto(f"{demo.url}/en/analysis/")
    options = page.locator("select[name=topic] option")
    label = options.nth(1).inner_text()
    page.select_option("select[name=topic]", index=1)
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert re.search(r"topic=[\w-]+", page.url)
    assert page.locator("select[name=topic] option:checked").inner_text() == label
    assert page.locator(".ap-card").count() >= 1


@pytest.mark.parametrize(
    ("path", "words", "expected"),
    [
        ("/en/analysis/", "pipelines", "Caspian Gas"),
        ("/tr/analizler/", "limanlar", "Karadeniz Tahıl Koridoru"),
        ("/ru/аналитика/", "каспийского газа", "Каспийский газ"),
    ],
)
def test_reader_searches_in_their_language(demo, page, path, words, expected):
    page.goto(f"{demo.url}{path}")
    page.get_by_role("searchbox").fill(words)
    page.get_by_role("button", name=re.compile("Search|Ara|Найти|Поиск")).click()
    page.wait_for_load_state()
    assert "q=" in page.url
    titles = page.locator(".ap-card-title a").all_inner_texts()
    assert titles and expected in titles[0], titles
    assert page.locator(".ap-snippet mark, .ap-summary").count() >= 1
    assert page.get_by_role("searchbox").input_value() == words


def test_reader_switches_language_on_an_analysis(demo, page):
    page.goto(f"{demo.url}/en/analysis/")
    # Open analyses until one offers a Turkish version, then follow it.
    hrefs = page.locator(".ap-card-title a").evaluate_all("els => els.map(e => e.href)")
    for href in hrefs:
        page.goto(href)
        link = page.locator(".ap-translations a[hreflang=tr]")
        if link.count():
            assert link.inner_text() == "Türkçe"
            link.click()
            page.wait_for_load_state()
            assert "/tr/" in page.url
            assert page.locator("html").get_attribute("lang") == "tr"
            assert "Bu yazı şu dillerde de mevcut:" in page.locator(".ap-translations").inner_text()
            # Turkish interface labels around the Turkish text.
            assert page.get_by_role("heading", name="Paylaş").count() == 1
            assert page.get_by_role("heading", name="Notlar").count() == 1
            assert (
                page.locator('a[role="doc-noteref"]')
                .first.get_attribute("aria-label")
                .startswith("Dipnot ")
            )
            return
    pytest.fail("no demo analysis offers a Turkish version")


def test_header_switcher_goes_to_the_analysis_translation(demo, page):
    """The header's language links and the article's "also available in" agree: both
    go to the analysis's translation, not to the other language's home page."""
    page.goto(f"{demo.url}/en/analysis/")
    hrefs = page.locator(".ap-card-title a").evaluate_all("els => els.map(e => e.href)")
    for href in hrefs:
        page.goto(href)
        article_link = page.locator(".ap-translations a[hreflang=tr]")
        if not article_link.count():
            continue
        header = page.locator(".site-header nav.ap-language-switcher")
        assert header.locator("a[aria-current=page]").get_attribute("hreflang") == "en"
        translation = article_link.evaluate("a => a.href")
        header.locator("a[hreflang=tr]").click()
        page.wait_for_load_state()
        assert page.url == translation
        assert page.url.rstrip("/") != f"{demo.url}/tr"
        assert header.locator("a[aria-current=page]").get_attribute("hreflang") == "tr"
        return
    pytest.fail("no demo analysis offers a Turkish version")


def test_editor_logs_into_the_admin(demo, page):
    page.goto(f"{demo.url}/admin/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "correct horse")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.locator("main").count() == 1
    from ankasam_pubs.models import AuthorProfile

    page.goto(f"{demo.url}/admin/snippets/ankasam_pubs/authorprofile/")
    listing = page.locator("main table").first
    for profile in AuthorProfile.objects.all():
        assert listing.get_by_role("link", name=profile.display_name_en).count() == 1


def log_in_as_editor(page, base_url: str) -> None:
    """A new superuser "editor" signs in through the admin's login form."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct horse")
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "correct horse")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))


def open_note(page, index: int) -> None:
    """Unfold a written note in the Notes panel (they open folded) by its heading."""
    toggle = page.locator(
        f"#inline_child_notes-{index}-panel-section > .w-panel__header > [data-panel-toggle]"
    )
    page.wait_for_function("() => document.querySelectorAll('.ap-note-summary').length > 0")
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def test_editor_inserts_a_note_reference_and_reader_follows_it(live_server, page):

    from tests import factories as f
    from tests.factories import paragraphs, ref, source

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(
        tree["index"]["en"],
        "Editorial test",
        body=paragraphs(f"<p>Alpha claim{ref('aaaa1111')} and a beta claim.</p>"),
        notes=[
            {"uid": "aaaa1111", "sources": [source("Alpha source")]},
            {"uid": "bbbb2222", "sources": [source("Beta source", url="https://example.org/b")]},
        ],
    )
    log_in_as_editor(page, live_server.url)

    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    editor = page.locator(".public-DraftEditor-content").first
    # The stored reference shows its real number in the editor, not its key, and says
    # which note it is when hovered.
    assert editor.locator("[data-ap-note-ref]").get_attribute("data-ap-number") == "1"
    assert editor.locator("[data-ap-note-ref]").get_attribute("title") == "[1] Alpha source"
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Shift+ArrowLeft")  # select the final "." to show the toolbar
    page.locator("button[name=NOTE_REF]").click()
    chooser = page.get_by_role("dialog", name="Choose a note")
    chooser.get_by_role("button", name=re.compile("Beta source")).click()
    inserted = editor.locator("[data-ap-note-ref=bbbb2222]")
    assert inserted.get_attribute("data-ap-number") == "2"
    assert inserted.get_attribute("title") == "[2] Beta source"
    # Draftail writes its content to the form after a short debounce: wait for it.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input')].some(i => i.value.includes('bbbb2222')"
        " && i.value.includes('NOTE_REF') && i.name.startsWith('body-'))"
    )
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-publish]').click()")
    assert "has been published" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}{analysis.url}")
    references = page.locator('a[role="doc-noteref"]')
    assert references.all_inner_texts() == ["[1]", "[2]"]
    assert (
        page.locator(".ap-rich-text").inner_text().startswith("Alpha claim[1] and a beta claim.[2]")
    )
    references.nth(1).click()
    assert page.url.endswith("#note-2")
    note = page.locator("#note-2")
    assert "Beta source" in note.inner_text()
    note.get_by_role("link", name="Back to reference 2").click()
    assert page.url.endswith("#ref-2")
    # Keyboard focus on a reference shows the note in place.
    references.first.focus()
    preview = page.get_by_role("tooltip")
    assert "Alpha source" in preview.inner_text()
    assert references.first.get_attribute("aria-describedby") == "ap-note-preview"
    page.keyboard.press("Escape")
    assert page.get_by_role("tooltip").count() == 0


def test_editor_translates_a_page_whose_section_is_untranslated(live_server, page):
    """The Translate form offers Turkish for a page in an English-only section and shows
    its Submit button; clicking it makes drafts only (the page and its section)."""
    from wagtail.models import Page

    from ankasam_pubs.models import AnalysisIndexPage
    from tests import factories as f

    ensure_page_tree_root()
    tree = f.site_tree()
    briefs = tree["home"]["en"].add_child(
        instance=AnalysisIndexPage(title="Briefs", slug="briefs", locale=tree["locales"]["en"])
    )
    briefs.save_revision().publish()
    brief = f.analysis(briefs, "Caspian brief", slug="caspian-brief")
    live_before = set(Page.objects.live().values_list("pk", flat=True))
    log_in_as_editor(page, live_server.url)

    page.goto(f"{live_server.url}/admin/translation/submit/page/{brief.pk}/")
    turkish = page.get_by_role("checkbox", name=re.compile("Turkish|Türkçe"))
    assert turkish.is_enabled()
    turkish.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()
    messages = page.locator(".messages").inner_text()
    assert "Briefs" in messages and "draft" in messages
    translated = Page.objects.get(translation_key=brief.translation_key, locale__language_code="tr")
    section = translated.get_parent()
    assert section.translation_key == briefs.translation_key
    assert not translated.live and not section.live and section.alias_of_id is None
    assert set(Page.objects.live().values_list("pk", flat=True)) == live_before


def test_editor_translates_from_the_languages_panel(live_server, page):
    """The Languages panel says which language is edited, links to translating into a
    missing language (ticked on the Translate form), and flags a translation whose text
    is still the source's, in the panel and when it is published."""
    from wagtail.models import Page

    from tests import factories as f

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(tree["index"]["en"], "Straits traffic", slug="straits-traffic")
    log_in_as_editor(page, live_server.url)

    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    editing = page.locator(".ap-editing-language").inner_text()
    assert editing == "You are editing the English version."
    page.get_by_role("link", name="Translate into Türkçe").click()
    page.wait_for_url(re.compile(r"/admin/translation/submit/page/\d+/\?locale=tr$"))
    assert page.get_by_role("checkbox", name=re.compile("Türkçe")).is_checked()
    assert not page.get_by_role("checkbox", name=re.compile("Русский")).is_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()
    turkish = Page.objects.get(translation_key=analysis.translation_key, locale__language_code="tr")
    assert page.url.endswith(f"/admin/pages/{turkish.pk}/edit/")
    panel = page.locator(".ap-editing-language")
    assert panel.get_attribute("lang") == "tr"
    assert "You are editing the Türkçe version." in panel.inner_text()
    assert "still the same as another language version" in panel.inner_text()
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    messages = page.locator(".messages").inner_text()
    assert "has been published" in messages
    assert "is published in Türkçe, but its text is still the same as the English version" in (
        messages
    )


def test_editor_tells_notes_apart_and_adds_them_from_the_text(live_server, page):
    """The Notes panel heads each note with its number in the text and who/what it
    cites, folds written notes and the source's secondary fields; the note chooser
    wraps long titles and adds a note ("New note", "Same source as previous") without
    leaving the body; the reader gets "Ibid." for the copied source."""
    from tests import factories as f
    from tests.factories import paragraphs, ref, source

    ensure_page_tree_root()
    tree = f.site_tree()
    long_title = "A very long report title " * 12
    analysis = f.analysis(
        tree["index"]["en"],
        "Notes panel",
        body=paragraphs(f"<p>Alpha claim{ref('alpha001')} and a beta claim{ref('beta0002')}.</p>"),
        # Entry order differs from the order of the references in the text.
        notes=[
            {"uid": "beta0002", "sources": [source("Beta source", url="https://example.org/b")]},
            {"uid": "gamma003", "sources": [source(long_title.strip())]},
            {
                "uid": "alpha001",
                "sources": [source("Alpha source", authors="Karimov, Rustam", locator="45")],
            },
        ],
    )
    log_in_as_editor(page, live_server.url)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    panel = page.locator("#id_notes-FORMS")

    def headings():
        return [
            " ".join(text.split())
            for text in panel.locator(
                ":scope > [data-inline-panel-child] > section > .w-panel__header"
                " [data-panel-heading-text]"
            ).all_inner_texts()
        ]

    page.wait_for_selector("html[data-ap-notes-ready]", state="attached")
    assert headings() == [
        "Note [2] Beta source",
        f"Note [3] {long_title.strip()} — not referenced in the text",
        "Note [1] Karimov, Alpha source, Page 45",
    ]
    assert page.get_by_text("Reference key").count() == 0
    assert page.locator("#id_notes-ADD").inner_text().strip() == "Add note"
    # Written notes are folded to their headings.
    toggles = panel.locator(
        ":scope > [data-inline-panel-child] > section > .w-panel__header [data-panel-toggle]"
    )
    assert [t.get_attribute("aria-expanded") for t in toggles.all()] == ["false"] * 3
    folded = panel.bounding_box()["height"]
    toggles.nth(2).click()
    alpha = panel.locator(":scope > [data-inline-panel-child]").nth(2)
    assert alpha.locator('[name$="-value-title"]').is_visible()
    assert not alpha.locator('[name$="-value-publisher"]').is_visible()
    more = alpha.locator(".ap-source-more")
    assert more.inner_text() == "More fields (5)"
    more.click()
    assert alpha.locator('[name$="-value-publisher"]').is_visible()
    assert more.inner_text() == "Fewer fields"
    assert more.get_attribute("aria-expanded") == "true"
    print(f"notes panel: {folded:.0f} px folded, {panel.bounding_box()['height']:.0f} px open")

    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Shift+ArrowLeft")
    page.locator("button[name=NOTE_REF]").click()
    chooser = page.get_by_role("dialog", name="Choose a note")
    choices = chooser.locator(".ap-note-choice")
    assert [" ".join(t.split()) for t in choices.all_inner_texts()] == [
        "[2] Beta source",
        f"[3] {long_title.strip()}",
        "[1] Karimov, Alpha source, Page 45",
    ]
    for box in chooser.locator(".ap-note-chooser__box, .ap-note-choice").all():
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), "a title spills out"
    ibid = re.compile(r"Same source as previous \(Ibid\.\): \[2\] Beta source")
    chooser.get_by_role("button", name=ibid).click()
    page.wait_for_function("() => document.querySelectorAll('.ap-note-summary').length === 4")
    assert headings()[1:] == [
        f"Note [4] {long_title.strip()} — not referenced in the text",
        "Note [1] Karimov, Alpha source, Page 45",
        "Note [3] Beta source",
    ]
    copied = panel.locator(":scope > [data-inline-panel-child]").nth(3)
    assert copied.locator('[name$="-value-url"]').input_value() == "https://example.org/b"

    # The cursor is back in the body after the insertion: the editor types on.
    assert page.evaluate(
        "() => document.activeElement === document.querySelector('.public-DraftEditor-content')"
    )
    page.keyboard.press("End")
    page.keyboard.type(" A delta claim.")
    page.keyboard.press("Shift+ArrowLeft")
    page.locator("button[name=NOTE_REF]").click()
    chooser = page.get_by_role("dialog", name="Choose a note")
    chooser.get_by_label("New note").fill("Delta paper")
    chooser.get_by_role("button", name="Add and reference").click()
    page.wait_for_function("() => document.querySelectorAll('.ap-note-summary').length === 5")
    assert headings()[3:] == ["Note [3] Beta source", "Note [4] Delta paper"]
    assert editor.locator("[data-ap-note-ref]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-ap-number'))"
    ) == ["1", "2", "3", "4"]
    page.wait_for_function(
        "() => [...document.querySelectorAll('input')].filter(i => i.name.startsWith('body-')"
        " && i.value.split('NOTE_REF').length === 5).length === 1"
    )
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    assert "has been published" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}{analysis.url}")
    assert page.locator("#note-2").inner_text().count("Beta source") == 1
    assert "Ibid." in page.locator("#note-3").inner_text()
    assert "Delta paper" in page.locator("#note-4").inner_text()
    assert long_title.strip()[:40] in page.locator("#note-5").inner_text()


def test_editor_is_asked_before_deleting_a_cited_note(live_server, page):
    """Delete on a note the text cites asks first (cancel keeps it); an uncited note goes
    without a question; deleting a cited one anyway shows its references as [?] and the
    save puts the note back, saying why."""
    from tests import factories as f
    from tests.factories import paragraphs, ref, source

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(
        tree["index"]["en"],
        "Deleting notes",
        body=paragraphs(f"<p>A cited claim{ref('cited001')}.</p>"),
        notes=[
            {"uid": "cited001", "sources": [source("Cited source")]},
            {"uid": "spare002", "sources": [source("Spare source")]},
        ],
    )
    log_in_as_editor(page, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    page.wait_for_function("() => document.querySelectorAll('.ap-note-summary').length === 2")
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    cited, spare = (
        page.locator("#id_notes-0-DELETE-button"),
        page.locator("#id_notes-1-DELETE-button"),
    )
    page.once("dialog", lambda dialog: answer(dialog, False))
    cited.click()
    assert questions == [
        "Note [1] “Cited source” is referenced in the text (1). Delete it anyway? Its "
        "references then show [?], and saving puts the note back until they are removed."
    ]
    assert page.locator("#inline_child_notes-0").is_visible()
    assert page.locator("#id_notes-0-DELETE").input_value() in ("", "false")
    spare.click()  # not cited: no question
    assert len(questions) == 1
    page.wait_for_function("() => document.getElementById('id_notes-1-DELETE').value === '1'")
    page.once("dialog", lambda dialog: answer(dialog, True))
    cited.click()
    assert len(questions) == 2
    reference = page.locator(".public-DraftEditor-content [data-ap-note-ref]")
    page.wait_for_function(
        "() => document.querySelector('[data-ap-note-ref]').getAttribute('data-ap-number') === '?'"
    )
    assert reference.get_attribute("title") == "This note is not on the page."
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    assert "still referenced in the text, so it was not deleted" in page.content()
    assert page.locator("#inline_child_notes-0").is_visible()
    assert page.locator("#id_notes-0-DELETE").input_value() in ("", "false")
    assert analysis.notes.count() == 2


def test_editor_creates_an_author_profile_from_the_page(live_server, page):
    """The page's author chooser has a "New profile" tab: the name in each language,
    the slug made from it; the profile form fills the slug from the name as typed."""
    from ankasam_pubs.models import AuthorProfile
    from tests import factories as f

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(tree["index"]["en"], "Credits", slug="credits")
    log_in_as_editor(page, live_server.url)

    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    add = page.locator("#id_analysis_authors-ADD")
    assert add.inner_text().strip() == "Add author"
    add.click()
    credit = page.locator("#id_analysis_authors-FORMS > [data-inline-panel-child]").last
    credit.get_by_role("button", name=re.compile("Choose")).first.click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name="New profile").click()
    modal.get_by_label("Name (English)").fill("Rustam Karimov")
    modal.get_by_label("Name (Русский)").fill("Рустам Каримов")
    modal.get_by_role("button", name="Create the profile").click()
    page.wait_for_selector(".modal-content", state="detached")
    assert "Rustam Karimov" in credit.inner_text()
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    assert "has been published" in page.locator(".messages").inner_text()
    profile = AuthorProfile.objects.get(display_name_en="Rustam Karimov")
    assert profile.slug == "rustam-karimov" and profile.display_name_ru == "Рустам Каримов"
    assert [c.author for c in analysis.analysis_authors.all()] == [profile]

    page.goto(f"{live_server.url}/admin/snippets/ankasam_pubs/authorprofile/add/")
    page.locator("#id_display_name_en").fill("Anna Schmidt-Weber")
    page.locator("#id_display_name_en").blur()
    page.wait_for_function("() => document.getElementById('id_slug').value !== ''", timeout=5000)
    assert page.locator("#id_slug").input_value() == "anna-schmidt-weber"
    with page.expect_navigation():
        page.get_by_role("button", name="Save").first.click()
    assert AuthorProfile.objects.filter(slug="anna-schmidt-weber").exists()
    # An existing profile keeps its address when its name changes.
    edit = AuthorProfile.objects.get(slug="anna-schmidt-weber")
    page.goto(f"{live_server.url}/admin/snippets/ankasam_pubs/authorprofile/edit/{edit.pk}/")
    page.locator("#id_display_name_en").fill("Anna Weber")
    page.locator("#id_display_name_en").blur()
    page.wait_for_timeout(1000)  # longer than the new profile's slug took to follow
    assert page.locator("#id_slug").input_value() == "anna-schmidt-weber"


def test_editor_checks_pasted_legacy_notes_field_by_field(live_server, page):
    """From the page's header menu to the draft: the preview shows how each pasted line
    was split (title, outlet, address, accessed, place cited, Ibid.) before anything is
    saved, and the confirm button saves what it showed."""
    from tests import factories as f
    from tests.factories import paragraphs

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(
        tree["index"]["en"], "Old notes", body=paragraphs("<p>Imports rose [1] and fell [2].</p>")
    )
    log_in_as_editor(page, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    page.locator("header").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Paste legacy notes").click()
    page.get_by_label("Notes list").fill(
        "[1] Japan Imports from South Korea, Trading Economics, "
        "https://tradingeconomics.com/japan/imports, (Date of Accession: 15.03.2023).\n"
        "[2] Ibid., 12.\n"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Preview").click()
    table = page.locator(".ap-legacy-table")
    headers = table.locator("thead th").all_inner_texts()
    cells = [
        dict(zip(headers, row.locator("th, td").all_inner_texts(), strict=True))
        for row in table.locator("tbody tr").all()
    ]
    assert [
        (c["No."], c["Title"], c["Outlet, journal or site"], c["Date accessed"], c["Cited at"])
        for c in cells
    ] == [
        ("1", "Japan Imports from South Korea", "Trading Economics", "15.03.2023", "—"),
        (
            "2 (Ibid.)",
            "Japan Imports from South Korea",
            "Trading Economics",
            "15.03.2023",
            "Page 12",
        ),
    ]
    assert cells[0]["Web address (URL)"] == "https://tradingeconomics.com/japan/imports"
    assert analysis.revisions.count() == 1  # the preview saved nothing
    page.get_by_role("button", name="Add these notes as a draft").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{analysis.pk}/edit/$"))
    assert "2 notes added and 2 markers linked" in page.locator(".messages").inner_text()
    analysis.refresh_from_db()
    draft = analysis.get_latest_revision_as_object()
    assert [n.get_sources()[0].container_title for n in draft.notes.all()] == [
        "Trading Economics",
        "Trading Economics",
    ]


def test_editor_titles_with_dashes_give_readable_slugs(live_server, page):
    """ "Japan–South Korea" typed as a new analysis's title gives the slug
    japan-south-korea-trade (Wagtail alone drops the en dash: japansouth-korea-trade)."""
    from ankasam_pubs.pages.forms import SLUG_FORMATTERS
    from tests import factories as f

    if not SLUG_FORMATTERS:
        pytest.skip("Wagtail 7.0's slug field has no formatters: its own behaviour is kept")
    ensure_page_tree_root()
    tree = f.site_tree()
    log_in_as_editor(page, live_server.url)
    index = tree["index"]["en"]
    page.goto(f"{live_server.url}/admin/pages/add/ankasam_pubs/analysispage/{index.pk}/")
    page.locator("#id_title").fill("Japan–South Korea trade")
    page.locator("#id_title").blur()
    page.wait_for_function("() => document.getElementById('id_slug').value !== ''", timeout=5000)
    assert page.locator("#id_slug").input_value() == "japan-south-korea-trade"


def test_editor_types_the_accessed_date_the_house_way(live_server, page):
    """15.03.2023 typed into "Date accessed" stays as typed when the field loses focus
    (the date picker used to replace it with today's date), is saved as that date and
    printed the house way; a date after today is refused by the real Publish button."""
    import datetime

    from tests import factories as f
    from tests.factories import paragraphs, ref, source

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(
        tree["index"]["en"],
        "Dated sources",
        body=paragraphs(f"<p>A claim{ref('dated001')}.</p>"),
        notes=[
            {"uid": "dated001", "sources": [source("Port statistics", url="https://example.org/p")]}
        ],
    )
    log_in_as_editor(page, live_server.url)

    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    open_note(page, 0)
    accessed = page.get_by_label("Date accessed").first
    accessed.scroll_into_view_if_needed()
    accessed.click()
    accessed.fill("15.03.2023")
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)  # the picker acts on blur
    assert accessed.input_value() == "15.03.2023"
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-publish]').click()")
    assert "has been published" in page.locator(".messages").inner_text()
    analysis.refresh_from_db()
    [stored] = analysis.notes.get().get_sources()
    assert stored.accessed == datetime.date(2023, 3, 15)
    page.goto(f"{live_server.url}{analysis.url}")
    assert "(Date of Accession: 15.03.2023)" in page.locator("#note-1").inner_text()

    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    page.goto(f"{live_server.url}/admin/pages/{analysis.pk}/edit/")
    open_note(page, 0)
    accessed = page.get_by_label("Date accessed").first
    accessed.scroll_into_view_if_needed()
    assert accessed.input_value() == "15.03.2023"  # shown the way it is typed
    accessed.fill(tomorrow.strftime("%d.%m.%Y"))
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-publish]').click()")
    assert "could not be" in page.locator(".messages").inner_text()
    assert "cannot have been accessed after today" in page.content()
    [stored] = analysis.notes.get().get_sources()
    assert stored.accessed == datetime.date(2023, 3, 15)


def test_printed_notes_show_each_address_once(live_server, page):
    """Printed, a note's citation shows its address once (it is the link's text), a link
    inside a comment gets its address added, and the download links are left out."""
    from tests import factories as f
    from tests.factories import paragraphs, ref, source

    ensure_page_tree_root()
    tree = f.site_tree()
    analysis = f.analysis(
        tree["index"]["en"],
        "Printed notes",
        body=paragraphs(f"<p>A claim{ref('print001')}.</p>"),
        notes=[
            {
                "uid": "print001",
                "sources": [source("Port statistics", url="https://example.org/ports/")],
                "comment": '<p>See also <a href="https://example.org/more">the data</a>.</p>',
            }
        ],
    )
    page.goto(f"{live_server.url}{analysis.url}")
    page.emulate_media(media="print")
    note = page.locator("#note-1")
    printed = note.evaluate(
        """note => [...note.querySelectorAll('a[href^="http"]')].map(a => [
            a.textContent, getComputedStyle(a, '::after').content])"""
    )
    assert printed == [
        ["example.org/ports", "none"],
        ["the data", '" <https://example.org/more>"'],
    ]
    assert page.locator(".ap-exports").evaluate("e => getComputedStyle(e).display") == "none"
    page.emulate_media(media="screen")
    assert page.locator(".ap-exports").evaluate("e => getComputedStyle(e).display") != "none"


def test_no_demo_page_overflows_a_phone_in_any_language(demo, page):
    """At 390 px nothing is wider than the screen: the home page, the index (its filter
    selects hold long Russian topic names), search results, an analysis, the authors
    index and an author page, in en/tr/ru/ar."""
    from ankasam_pubs.models import (
        AnalysisIndexPage,
        AnalysisPage,
        AuthorIndexPage,
        AuthorProfile,
        Topic,
    )

    corridor = AnalysisPage.objects.get(
        locale__language_code="en", slug="middle-corridor-bottlenecks-and-fixes"
    )
    # A select is as wide as its longest option unless the layout lets it shrink: give
    # the corridor's topic (listed in every language) a long label, as Russian ones are.
    Topic.objects.filter(slug="trade-connectivity").update(
        name_en="Trade, transport connectivity and international logistics corridors",
        name_tr="Ticaret, ulaştırma bağlantısallığı ve uluslararası lojistik koridorları",
        name_ru="Торговля, транспортная связанность и международные логистические коридоры",
        name_ar="التجارة والترابط في النقل وممرات الخدمات اللوجستية الدولية العابرة للحدود",
    )
    author = AuthorProfile.objects.get(slug="leyla-hasanova")
    page.set_viewport_size({"width": 390, "height": 844})
    wide = []
    for code in ("en", "tr", "ru", "ar"):
        index = AnalysisIndexPage.objects.live().get(locale__language_code=code)
        authors = AuthorIndexPage.objects.live().get(locale__language_code=code)
        analysis = corridor.get_translations(inclusive=True).live().get(locale__language_code=code)
        home = index.get_parent()
        addresses = [
            home.url,
            index.url,
            # search results, with highlighted snippets
            index.url
            + "?q="
            + {"en": "corridor", "tr": "koridor", "ru": "коридор"}.get(code, "الممر"),
            analysis.url,
            authors.url,
            authors.profile_url(author),
        ]
        for number, address in enumerate(addresses):
            page.goto(demo.url + address)
            if os.environ.get("ANKASAM_SCREENSHOTS"):  # for a person to look at
                shots = Path(os.environ["ANKASAM_SCREENSHOTS"])
                shots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(shots / f"demo-{code}-{number}.png"), full_page=True)
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            if widths[0] > widths[1]:
                wide.append(f"{code} {address}: {widths[0]} px > {widths[1]} px")
    assert not wide, "\n".join(wide)
