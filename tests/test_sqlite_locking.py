"""SQLite with one transaction per request: an editor's autosave racing Publish waits its
turn instead of failing with "database is locked".

The example site runs as it would for a person trying it: its own settings, a SQLite file,
Django's threaded development server, and the real admin edit view posted to by two
clients at once (autosave asks for JSON, Publish for HTML), as the editor's browser does.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

from ankasam_pubs.checks import sqlite_lock_problems
from tests.html import admin_form_data
from tests.servers import Server
from tests.test_footnotes_admin import form

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "example_project"
ROUNDS = 8

SETUP = """
from django.contrib.auth import get_user_model
from ankasam_pubs.models import AnalysisIndexPage, AnalysisPage
from wagtail.models import Site
home = Site.objects.get(is_default_site=True).root_page
index = home.add_child(instance=AnalysisIndexPage(title="Analysis", slug="analysis"))
page = index.add_child(instance=AnalysisPage(title="Race", slug="race", summary="s"))
page.save_revision().publish()
get_user_model().objects.create_superuser("editor", "e@example.org", "correct horse")
print(page.pk)
"""


def test_the_check_names_sqlite_without_immediate_transactions():
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "ATOMIC_REQUESTS": True}
    assert sqlite_lock_problems({"default": sqlite}) == ["default"]
    immediate = {**sqlite, "OPTIONS": {"transaction_mode": "IMMEDIATE"}}
    assert sqlite_lock_problems({"default": immediate}) == []
    assert sqlite_lock_problems({"default": {**sqlite, "ATOMIC_REQUESTS": False}}) == []
    postgres = {"ENGINE": "django.db.backends.postgresql", "ATOMIC_REQUESTS": True}
    assert sqlite_lock_problems({"default": postgres}) == []


def _manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return result.stdout


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="about SQLite; the SQLite legs run it",
)
def test_autosave_racing_publish_on_sqlite_gives_no_server_error(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
    }
    _manage("migrate", "--noinput", env=env)
    page_id = int(_manage("shell", "-c", SETUP, env=env).split()[-1])
    with Server(PROJECT, env, tmp_path / "server.log") as server:
        base = server.url
        editor = requests.Session()
        editor.get(f"{base}/admin/login/", timeout=30)
        token = editor.cookies["csrftoken"]
        editor.post(
            f"{base}/admin/login/",
            {"username": "editor", "password": "correct horse", "csrfmiddlewaretoken": token},
            timeout=30,
        )
        edit = f"{base}/admin/pages/{page_id}/edit/"
        statuses: list[tuple[str, int]] = []

        def send(kind: str, data: dict) -> tuple[str, int]:
            headers = {"Accept": "application/json"} if kind == "autosave" else {}
            headers["Referer"] = edit
            response = editor.post(edit, data, headers=headers, timeout=60, allow_redirects=False)
            if kind == "autosave" and response.status_code == 400:
                return kind, response.json().get("error_code", "?")
            return kind, response.status_code

        with ThreadPoolExecutor(max_workers=2) as pool:
            for round_ in range(ROUNDS):
                # The scraped form holds the CSRF token and plain fields; StreamFields and
                # inline panels are written by the admin's JavaScript, so as Wagtail's
                # own test helpers write them.
                data = admin_form_data(editor.get(edit, timeout=30).text)
                page = SimpleNamespace(
                    title="Race",
                    slug="race",
                    summary=f"Round {round_}",
                    publication_date=datetime.date(2024, 1, 1),
                )
                data.update(form(page, [f"<p>Round {round_}.</p>"], []))
                publish = {**data, "action-publish": "action-publish"}
                statuses += pool.map(
                    lambda job: send(*job), [("autosave", data), ("publish", publish)]
                )
    assert len(statuses) == 2 * ROUNDS
    errors = [(kind, status) for kind, status in statuses if str(status).startswith("5")]
    assert errors == [], (statuses, (tmp_path / "server.log").read_text()[-3000:])
    # Publish saves and redirects; autosave saves, or reports that Publish made a newer
    # revision meanwhile (Wagtail's "invalid_revision"), as it tells the editor. Wagtail
    # 7.0 has no autosave: there the JSON request is a plain save, which redirects.
    assert {status for kind, status in statuses if kind == "publish"} == {302}, statuses
    autosaves = {status for kind, status in statuses if kind == "autosave"}
    assert autosaves <= {200, 302, "invalid_revision"}, statuses
