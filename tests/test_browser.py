"""A real browser (Debian's Chromium through Playwright) on a live server with demo content."""

import re

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


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


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
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert re.search(r"topic=[\w-]+", page.url)
    assert page.locator("select[name=topic] option:checked").inner_text() == label
    assert page.locator(".ap-card").count() >= 1


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
        assert listing.get_by_role("link", name=profile.display_name).count() == 1
