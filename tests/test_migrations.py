"""Migrations follow the host's languages; a language added later is detected and fixed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "example_project"


def manage(*args, settings="demo_site.settings", database=None, check=True):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    if database is not None:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def columns(database, table):
    import sqlite3

    with sqlite3.connect(database) as connection:
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}  # noqa: S608


def test_no_missing_migrations_for_our_languages(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.slow
def test_host_with_other_languages_gets_its_own_columns(tmp_path):
    database = tmp_path / "de.sqlite3"
    manage("makemigrations", "--check", "--dry-run", settings="demo_site.settings_de")
    manage("migrate", "--noinput", settings="demo_site.settings_de", database=database)
    topic = columns(database, "ankasam_pubs_topic")
    assert {"name_en", "name_de", "description_en", "description_de"} <= topic
    assert not {"name_tr", "name_ru"} & topic
    assert {"display_name_de", "short_bio_de"} <= columns(database, "ankasam_pubs_authorprofile")
    manage("check", "--database", "default", settings="demo_site.settings_de", database=database)


@pytest.mark.slow
def test_language_added_later_is_reported_then_fixed(tmp_path):
    database = tmp_path / "upgrade.sqlite3"
    # The site first runs with English and German…
    manage("migrate", "--noinput", settings="demo_site.settings_de", database=database)
    # …then adds Turkish and Russian (the example site's languages).
    result = manage("check", "--database", "default", database=database, check=False)
    assert result.returncode != 0
    assert "ankasam_pubs.E008" in result.stderr
    assert "name_tr, name_ru" in result.stderr
    assert "python manage.py sync_translation_fields --noinput" in result.stderr
    manage("sync_translation_fields", "--noinput", database=database)
    manage("check", "--database", "default", database=database)
    assert {"name_tr", "name_ru", "name_de"} <= columns(database, "ankasam_pubs_series")
    # Everything works afterwards: the demo content loads into the upgraded schema.
    manage("migrate", "--noinput", database=database)
    loaded = manage("load_demo_content", database=database)
    assert "Admin login" in loaded.stdout


@pytest.mark.slow
def test_upgrade_path_keeps_working_for_another_language_set(tmp_path):
    """A site with English and German installed an early version, then upgrades."""
    database = tmp_path / "old.sqlite3"
    manage(
        "migrate",
        "ankasam_pubs",
        "0002",
        "--noinput",
        settings="demo_site.settings_de",
        database=database,
    )
    assert "bio_de" not in columns(database, "ankasam_pubs_authorprofile")
    manage("migrate", "--noinput", settings="demo_site.settings_de", database=database)
    profile = columns(database, "ankasam_pubs_authorprofile")
    assert {"bio_en", "bio_de", "affiliation_de", "languages_de", "short_bio_de"} <= profile
    assert not {"bio_tr", "bio_ru"} & profile
    manage("check", "--database", "default", settings="demo_site.settings_de", database=database)
