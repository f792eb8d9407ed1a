"""docs/tutorial/install.md, followed on a fresh ``wagtail start`` site with the built wheel.

The code the reader pastes lives in docs/tutorial/snippets/: the tutorial shows those files
(the fast test below proves it, character for character) and the slow test applies the
same files to a new project, migrates and checks it, then creates, translates and
publishes an analysis in Chromium and reads both language versions as a visitor."""

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tests import test_browser
from tests.servers import Server

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial" / "install.md"
SNIPPETS = ROOT / "docs" / "tutorial" / "snippets"

# The settings snippets in the order the tutorial shows them: each is added to the end of
# the settings module ``wagtail start`` writes.
SETTINGS_SNIPPETS = (
    "settings_apps.py",
    "settings_languages.py",
    "settings_middleware.py",
    "settings_database.py",
    "settings_templates.py",
)


def snippet(name: str) -> str:
    return (SNIPPETS / name).read_text(encoding="utf-8")


def fenced_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```[\w-]*\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)


def test_every_snippet_is_shown_verbatim_in_the_tutorial():
    """Each snippet file is one whole fenced block of the tutorial, and every block the
    reader pastes into a file is a snippet file: neither can change without the other."""
    blocks = fenced_blocks(TUTORIAL.read_text(encoding="utf-8"))
    files = sorted(SNIPPETS.iterdir())
    assert len(files) >= 9
    for path in files:
        assert path.read_text(encoding="utf-8") in blocks, f"{path.name} is not in {TUTORIAL}"
    shown = {path.read_text(encoding="utf-8") for path in files}
    # The remaining blocks are shell commands, not file contents.
    for block in blocks:
        if block not in shown:
            assert all(line.startswith(("pip ", "python ")) for line in block.splitlines()), block


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the tutorial's anchor {old!r} is not in the file once"
    return text.replace(old, new)


def apply_tutorial(project: Path) -> None:
    """What the tutorial tells the reader to change in the files ``wagtail start`` wrote."""
    package = project / "mysite"
    settings = package / "settings" / "base.py"
    text = settings.read_text(encoding="utf-8")
    for name in SETTINGS_SNIPPETS:
        text += "\n" + snippet(name)
    settings.write_text(text, encoding="utf-8")

    # Step 3: remove Wagtail's catch-all line, then end the file with the snippet.
    urls = package / "urls.py"
    text = replace_once(
        urls.read_text(encoding="utf-8"), '    path("", include(wagtail_urls)),\n', ""
    )
    urls.write_text(text + "\n" + snippet("urls.py"), encoding="utf-8")

    # Step 5: the <html> tag, one line at the end of <head>, the language links.
    base = package / "templates" / "base.html"
    text = replace_once(
        base.read_text(encoding="utf-8"), '<html lang="en">\n', snippet("base_html.html")
    )
    text = replace_once(text, "    </head>\n", snippet("base_head.html") + "    </head>\n")
    text = replace_once(
        text, "{% wagtailuserbar %}\n", "{% wagtailuserbar %}\n" + snippet("base_switcher.html")
    )
    base.write_text(text, encoding="utf-8")


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            args, check=True, capture_output=True, text=True, timeout=600, **kwargs
        )
    except subprocess.CalledProcessError as error:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{error.stdout}\n{error.stderr}")


PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def fresh_site(wheel, tmp_path_factory):
    """A new virtualenv with the wheel, a ``wagtail start`` project with the tutorial
    applied, migrated and checked, served by ``runserver`` until the module ends."""
    import django
    import wagtail

    where = tmp_path_factory.mktemp("tutorial")
    venv = where / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python = str(venv / "bin" / "python")
    pip = (python, "-m", "pip", "install", "-q")
    # The reader's working site: Wagtail (the versions under test, so CI is reproducible),
    # ``wagtail start``, migrated as its own instructions say.
    run(*pip, f"django=={django.__version__}", f"wagtail=={wagtail.__version__}")
    run(str(venv / "bin" / "wagtail"), "start", "mysite", cwd=where)
    project = where / "mysite"
    env = {
        **{
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE", "DATABASE_URL")
        },
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }

    def manage(*args):
        return run(python, "manage.py", *args, cwd=project, env=env).stdout

    def shell(code):
        return manage("shell", "-v", "0", "-c", code)

    manage("migrate", "--noinput")

    # Step 1, then steps 2, 3 and 5 (files only).
    run(*pip, str(wheel))
    apply_tutorial(project)

    # Step 4, and what a careful reader runs after it.
    located = shell("import ankasam_pubs; print(ankasam_pubs.__file__)")
    assert located.startswith(str(venv)), located
    manage("migrate", "--noinput")
    manage("check", "--database", "default", "--fail-level", "WARNING")
    manage("makemigrations", "--check", "--dry-run")
    manage("createsuperuser", "--noinput", "--username", "editor", "--email", "e@example.org")
    home_id = int(shell("from home.models import HomePage; print(HomePage.objects.get().pk)"))

    log = where / "runserver.log"
    with Server(project, env, log, python=python) as server:
        yield {"url": server.url, "home_id": home_id, "log": log, "project": project}


# Chromium as the other browser tests start it.
browser = test_browser.browser


def publish(page) -> None:
    """The editor's footer menu: Publish; Wagtail confirms on the page it lands on."""
    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    assert "published" in page.locator(".messages").inner_text(), page.url


def fill_title(page, title: str, slug: str) -> None:
    """Type a new page's title once the form's scripts run, and see its slug follow."""
    page.wait_for_load_state()
    page.locator("#id_title").fill(title)
    page.locator("#id_title").blur()
    page.wait_for_function(f"() => document.getElementById('id_slug').value === {slug!r}")


def published_page_id(page) -> int:
    """The page just published, from the "Edit" link of Wagtail's confirmation."""
    edit = page.locator(".messages").get_by_role("link", name="Edit").get_attribute("href")
    return int(re.search(r"/admin/pages/(\d+)/edit/", edit)[1])


def add_author(page, names: dict[str, str]) -> None:
    """Step 6.3: a new profile from the analysis's author chooser (its New profile tab)."""
    page.locator("#id_analysis_authors-ADD").click()
    credit = page.locator("#id_analysis_authors-FORMS > [data-inline-panel-child]").last
    credit.get_by_role("button", name=re.compile("Choose")).first.click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name="New profile").click()
    for language, name in names.items():
        modal.get_by_label(f"Name ({language})").fill(name)
    modal.get_by_role("button", name="Create the profile").click()
    page.wait_for_selector(".modal-content", state="detached")
    assert names["English"] in credit.inner_text()


def type_then_select_last_character(page, editor, text: str) -> None:
    """Type at the end of the body and select the last character, which shows Draftail's
    toolbar. On a loaded machine a new block's editor can take the first keys before it
    holds the focus: what was typed is checked, and the typing repeated if it was lost."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _attempt in range(3):
        editor.click()
        page.keyboard.press("Control+End")
        if text.strip() not in editor.inner_text():
            page.keyboard.type(text)
        if text.strip() not in editor.inner_text():
            continue
        page.keyboard.press("Control+End")
        page.keyboard.press("Shift+ArrowLeft")
        try:
            page.locator("button[name=NOTE_REF]").wait_for(state="visible", timeout=10_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"Draftail never showed its toolbar after typing {text!r}")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.tutorial
def test_tutorial_on_a_fresh_wagtail_site(fresh_site, browser):
    try:
        follow_step_6(fresh_site, browser)
    except BaseException:
        print(fresh_site["log"].read_text()[-10000:])
        raise


def follow_step_6(site, browser) -> None:
    url = site["url"]
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # 6.1: Settings → Locales, one for each language other than the default.
    for language in ("Deutsch", "Français"):
        page.goto(f"{url}/admin/locales/")
        page.get_by_role("link", name="Add a locale").click()
        page.get_by_label("Language").select_option(label=language)
        with page.expect_navigation():
            page.get_by_role("button", name="Create").click()
        assert f"Locale '{language}' created" in page.locator(".messages").inner_text()
    # … and Settings → Sites: the address the site really answers at.
    host, port = re.fullmatch(r"http://([\d.]+):(\d+)", url).groups()
    page.goto(f"{url}/admin/sites/")
    page.get_by_role("link", name=re.compile("localhost")).first.click()
    page.locator("#id_hostname").fill(host)
    page.locator("#id_port").fill(port)
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert "updated" in page.locator(".messages").inner_text()

    # 6.4: an Analysis index page below the home page, and an analysis below it.
    page.goto(f"{url}/admin/pages/{site['home_id']}/add_subpage/")
    page.get_by_role("link", name="Analysis index page", exact=True).click()
    fill_title(page, "Analyses", "analyses")
    publish(page)
    index_id = published_page_id(page)
    # … and an Authors index page below the home page (in English only: see below).
    page.goto(f"{url}/admin/pages/{site['home_id']}/add_subpage/")
    page.get_by_role("link", name="Authors index page", exact=True).click()
    fill_title(page, "Authors", "authors")
    publish(page)
    # Analyses are the only pages an index takes: Wagtail opens the form straight away.
    page.goto(f"{url}/admin/pages/{index_id}/add_subpage/")
    fill_title(page, "Grain corridor", "grain-corridor")
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="Rich text").click()
    editor = page.locator("#body-root .public-DraftEditor-content").first
    # Two notes, each added from the text where it is cited.
    for number, (claim, note) in enumerate(
        [("Ports reopened.", "Port authority report"), (" Freight rose.", "Shipping index")], 1
    ):
        type_then_select_last_character(page, editor, claim)
        page.locator("button[name=NOTE_REF]").click()
        chooser = page.get_by_role("dialog", name="Choose a note")
        chooser.get_by_label("New note").fill(note)
        chooser.get_by_role("button", name="Add and reference").click()
        page.wait_for_function(
            f"() => document.querySelectorAll('.ap-note-summary').length === {number}"
        )
    # 6.3: two author profiles from the author chooser's New profile tab.
    add_author(page, {"English": "Anna Weber", "Deutsch": "Anna Weber-Schmitt"})
    add_author(page, {"English": "Pierre Martin"})
    # Draftail writes its content to the form after a short debounce: wait for it.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input')].filter(i => i.name.startsWith('body-')"
        " && i.value.split('NOTE_REF').length === 3).length === 1"
    )
    publish(page)
    analysis_id = published_page_id(page)

    # 6.5: Translate on the page's menu, German ticked, the form's Submit button clicked.
    page.goto(f"{url}/admin/pages/{analysis_id}/edit/")
    header = page.get_by_role("navigation", name="Actions", exact=True)
    header.get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Translate", exact=True).click()
    page.get_by_role("checkbox", name="Deutsch").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()
    messages = page.locator(".messages").inner_text()
    assert "Home" in messages and "Analyses" in messages and "draft" in messages, messages
    german_id = int(re.search(r"/admin/pages/(\d+)/edit/$", page.url)[1])
    assert german_id != analysis_id
    assert (
        "You are editing the Deutsch version." in page.locator(".ap-editing-language").inner_text()
    )
    # A draft that was never published takes its slug from the new title, as a new page does.
    fill_title(page, "Getreidekorridor", "getreidekorridor")
    publish(page)
    # Publishing lands on the German section's listing: publish it and the German home
    # page above it, as the message above asked.
    for title, slug in (("Analysen", "analysen"), (None, None)):
        section = re.search(r"/admin/pages/(\d+)/$", page.url)
        assert section, page.url
        page.goto(f"{url}/admin/pages/{section[1]}/edit/")
        if title:
            fill_title(page, title, slug)
        publish(page)
    context.close()

    # A visitor reads both versions and goes from one to the other by the language links.
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{url}/en/analyses/grain-corridor/")
    english, german = f"{url}/en/analyses/grain-corridor/", f"{url}/de/analysen/getreidekorridor/"
    read_as_visitor(page, "en", "Grain corridor", ["Anna Weber", "Pierre Martin"], german)
    # Author names link to their profiles in a language with an Authors index page only.
    profiles = page.locator(".ap-author-name a")
    assert profiles.evaluate_all("links => links.map(a => a.href)") == [
        f"{url}/en/authors/anna-weber/",
        f"{url}/en/authors/pierre-martin/",
    ]
    page.locator("header a[hreflang=de]").click()
    page.wait_for_load_state()
    assert page.url == german
    read_as_visitor(
        page, "de", "Getreidekorridor", ["Anna Weber-Schmitt", "Pierre Martin"], english
    )
    assert page.locator(".ap-author-name a").count() == 0
    page.locator("header a[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url == english
    context.close()


INTERFACE = {
    "en": {
        "notes": "Notes",
        "cite": "Cite this analysis",
        "also": "This post is also available in:",
        "and": " and Pierre Martin",
    },
    "de": {
        "notes": "Anmerkungen",
        "cite": "Diese Analyse zitieren",
        "also": "Dieser Beitrag liegt auch in folgenden Sprachen vor:",
        "and": " und Pierre Martin",
    },
}


def read_as_visitor(page, language: str, title: str, authors: list[str], other_url: str) -> None:
    """The page as a visitor sees it: in the host's layout, in its language, with its
    notes and authors, and linked to its other version for search engines."""
    # The app's stylesheet and head tags came through the host's base template.
    assert page.locator("head link[rel=stylesheet][href*=ankasam_pubs]").count() == 1
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator(".ankasam-pubs h1").inner_text() == title
    assert page.title().strip().startswith(title)
    assert page.locator(".ap-byline .ap-author").all_inner_texts() == authors
    assert page.locator('a[role="doc-noteref"]').all_inner_texts() == ["[1]", "[2]"]
    notes = page.locator("#notes li").all_inner_texts()
    assert len(notes) == 2
    assert "Port authority report" in notes[0] and "Shipping index" in notes[1]
    # The app's own words in the page's language (German from its catalogue, not English
    # mixed with other packages' German), and the citation's "and" and month with them.
    words = INTERFACE[language]
    assert page.locator("#ap-notes-heading").inner_text() == words["notes"]
    assert page.locator(".ap-cite summary").inner_text() == words["cite"]
    assert page.locator(".ap-translations").inner_text().startswith(words["also"])
    chicago = page.locator("#ap-cite-chicago").text_content()
    assert words["and"] in chicago, chicago
    with translation.override(language):  # the new site's TIME_ZONE is wagtail start's UTC
        month = date_format(datetime.now(UTC).date(), "F")
    assert month in chicago, chicago
    other = {"en": "de", "de": "en"}[language]
    alternate = page.locator(f"head link[rel=alternate][hreflang={other}]")
    assert alternate.get_attribute("href") == other_url
    assert page.locator("head link[rel=alternate][hreflang=x-default]").count() == 1
