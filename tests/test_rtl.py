"""A reader's analysis page in every language, at phone and desktop width, looked at in
Chromium: nothing spills sideways, and Arabic is laid out right to left (notes,
switcher, share links, author box, similar posts, cite box and the printed page).

Screenshots go to ``$ANKASAM_SCREENSHOTS`` when set (CI keeps them as artefacts),
otherwise to the test's temporary directory.
"""

import os
from pathlib import Path

import pytest

from tests import factories as f
from tests import test_browser
from tests.test_browser import ensure_page_tree_root

# The browser fixtures of the editor tests, shared.
browser = test_browser.browser
page = test_browser.page

# As the editor tests: each test starts from the migrated database (content types, root
# page). A flush without it leaves no content types after a serialized test's flush, so
# Wagtail's cached content type ids point nowhere (what runs before decides: the browser
# tests run one after another, apart from the others).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"phone": 390, "desktop": 1280}

# Written for this test: an English analysis and its Arabic, Turkish and Russian
# versions, each with two notes (one a Latin-script source inside Arabic text).
TEXTS = {
    "en": (
        "Gas corridors across the Caspian",
        "Pipelines across the Caspian shape the region's trade{a} and its politics{b}.",
    ),
    "tr": (
        "Hazar üzerinden gaz koridorları",
        "Hazar'ı aşan boru hatları bölgenin ticaretini{a} ve siyasetini{b} biçimlendiriyor.",
    ),
    "ru": (
        "Газовые коридоры через Каспий",
        "Трубопроводы через Каспий определяют торговлю региона{a} и его политику{b}.",
    ),
    "ar": (
        "ممرات الغاز عبر بحر قزوين",
        "تحدد خطوط الأنابيب عبر بحر قزوين تجارة المنطقة{a} وسياستها{b}.",
    ),
}
SECOND = {
    "en": ("Caspian pipelines and regional trade", "Pipelines and trade in the Caspian."),
    "tr": ("Hazar boru hatları ve bölgesel ticaret", "Hazar'da boru hatları ve ticaret."),
    "ru": ("Каспийские трубопроводы и торговля", "Трубопроводы и торговля на Каспии."),
    "ar": ("خطوط أنابيب قزوين والتجارة الإقليمية", "خطوط الأنابيب والتجارة في بحر قزوين."),
}


def body(language: str) -> list[dict]:
    _title, text = TEXTS[language]
    return f.paragraphs("<p>" + text.format(a=f.ref("note0001"), b=f.ref("note0002")) + "</p>")


@pytest.fixture
def pages(live_server):
    """The analysis in four languages, two authors (one Arabic name, one Latin), and a
    related second analysis per language so that similar posts show."""
    from wagtail.models import Locale

    ensure_page_tree_root()
    tree = f.site_tree()
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    tree["home"]["ar"] = f.translate(tree["home"]["en"], arabic)
    tree["index"]["ar"] = f.translate(tree["index"]["en"], arabic, title="تحليلات", slug="tahlilat")
    authors = [
        f.author(
            "leyla-hasanova",
            display_name_en="Leyla Hasanova",
            display_name_ar="ليلى حسنوفا",
            short_bio_en="Leyla Hasanova studies energy routes around the Caspian.",
            short_bio_ar="تدرس ليلى حسنوفا طرق الطاقة حول بحر قزوين.",
        ),
        f.author("daniel-weber", display_name_en="Daniel Weber"),
    ]
    notes = [
        {
            "uid": "note0001",
            "sources": [
                f.source(
                    "Caspian Trade Routes, 2019-2024",
                    authors="Aliyev, Rashad",
                    container_title="Regional Energy Review",
                    url="https://example.org/caspian-trade-routes-2019-2024",
                )
            ],
        },
        {"uid": "note0002", "sources": [f.source("Pipelines and Power", authors="Weber, Daniel")]},
    ]
    title, _text = TEXTS["en"]
    original = f.analysis(
        tree["index"]["en"], title, authors=authors, body=body("en"), notes=notes, slug="gas"
    )
    result = {"en": original}
    for language in ("tr", "ru", "ar"):
        title, _text = TEXTS[language]
        result[language] = f.translate(
            original,
            Locale.objects.get(language_code=language),
            title=title,
            slug=f"gas-{language}",
            body=body(language),
        )
    for language, (title, text) in SECOND.items():
        index = tree["index"][language]
        index.refresh_from_db()  # the translation above added a child (Wagtail 7.0 needs it)
        f.analysis(index, title, body=f.paragraphs(f"<p>{text}</p>"))
    return result


def screenshot_dir(tmp_path: Path) -> Path:
    directory = Path(os.environ.get("ANKASAM_SCREENSHOTS") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def assert_no_sideways_scroll(page):
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths[0]} px > {widths[1]} px"


@pytest.mark.parametrize("language", ["en", "tr", "ru", "ar"])
def test_analysis_fits_phone_and_desktop_in_every_language(
    live_server, pages, page, language, tmp_path
):
    directory = screenshot_dir(tmp_path)
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + pages[language].url)
        assert page.locator("h1").inner_text() == TEXTS[language][0]
        assert page.locator(".ap-notes li").count() == 2
        page.screenshot(path=str(directory / f"analysis-{language}-{name}.png"), full_page=True)
        assert_no_sideways_scroll(page)
        direction = page.locator(".ap-article").evaluate("e => getComputedStyle(e).direction")
        assert direction == ("rtl" if language == "ar" else "ltr")


def box(locator) -> dict:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right}; }"
    )


def test_arabic_analysis_is_laid_out_right_to_left(live_server, pages, page, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + pages["ar"].url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    article = box(page.locator(".ap-article .ap-title"))

    # The note marker follows its word, so in right-to-left text it sits to its left.
    marker = page.locator(".ap-noteref").first
    word_end = marker.evaluate(
        """e => { const text = e.previousSibling; const range = document.createRange();
                  range.setStart(text, text.length - 1); range.setEnd(text, text.length);
                  return range.getBoundingClientRect().left; }"""
    )
    assert box(marker)["right"] <= word_end + 1

    # Numbers of the notes list hang on the right; each back-link ends its note on the left.
    notes = page.locator(".ap-notes ol")
    padding = notes.evaluate(
        "e => [getComputedStyle(e).paddingLeft, getComputedStyle(e).paddingRight]"
    )
    assert padding[0] == "0px" and padding[1] != "0px"
    first_note = page.locator(".ap-notes li").first
    backlink = box(first_note.locator(".ap-backlink"))
    last_line_left = first_note.locator(".ap-note-text").evaluate(
        "e => { const lines = e.getClientRects(); return lines[lines.length - 1].left; }"
    )
    assert backlink["right"] <= last_line_left + 1
    assert (
        first_note.locator(".ap-backlink-arrow")
        .evaluate("e => getComputedStyle(e).transform")
        .startswith("matrix(-1")
    )
    # A Latin source reads left to right inside the Arabic note (its full stop last, on
    # the right), isolated from the Arabic around it.
    text = first_note.locator(".ap-note-text")
    assert text.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert text.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    assert "Caspian Trade Routes, 2019-2024" in text.inner_text()

    # The "also available in" box has its rule on the right, where Arabic lines start.
    switcher = page.locator(".ap-translations")
    rule = switcher.evaluate(
        "e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderRightWidth]"
    )
    assert rule == ["0px", "4px"]
    assert switcher.get_by_role("link", name="English").count() == 1

    # Author box: portrait on the right of the name; the Latin name isolated in <bdi>.
    author_box = page.locator(".ap-author-box").first
    assert (
        box(author_box.locator(".ap-portrait"))["left"]
        > box(author_box.locator(".ap-author-name"))["left"]
    )
    assert page.locator(".ap-author bdi", has_text="Daniel Weber").count() == 1
    # The interface speaks Arabic, down to the comma between the authors' names.
    assert page.locator("#ap-notes-heading").inner_text() == "الهوامش"
    assert "ليلى حسنوفا، Daniel Weber" in page.locator(".ap-authors").inner_text()
    # The host's own chrome (the example site's footer) too.
    assert "محتوى تجريبي" in page.locator("footer").last.inner_text()

    # Share links, cite box and similar posts start at the right edge of the text column.
    for selector in (".ap-share", ".ap-cite", ".ap-similar"):
        element = page.locator(selector).first
        assert element.count() == 1, selector
        first_child = element.locator(":scope > *").first
        assert abs(box(first_child)["right"] - article["right"]) <= 24, selector

    page.screenshot(path=str(screenshot_dir(tmp_path) / "analysis-ar-rtl.png"), full_page=True)

    # Printed: notes and body, no navigation, nothing wider than the paper.
    page.emulate_media(media="print")
    assert page.locator(".ap-share").is_hidden()
    assert page.locator(".ap-notes").is_visible()
    assert_no_sideways_scroll(page)
    page.pdf(path=str(screenshot_dir(tmp_path) / "analysis-ar-print.pdf"))
