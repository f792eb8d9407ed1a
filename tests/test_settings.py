"""The ANKASAM_PUBS settings namespace and the system checks guarding the host."""

from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.management import call_command

from ankasam_pubs import checks, conf
from ankasam_pubs.conf import pubs_settings

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reference" / "settings.md"


def test_defaults_and_overrides(settings):
    settings.ANKASAM_PUBS = {}
    assert pubs_settings.INDEX_PAGE_SIZE == conf.OPTIONS["INDEX_PAGE_SIZE"].default
    settings.ANKASAM_PUBS = {"INDEX_PAGE_SIZE": 3}
    assert pubs_settings.INDEX_PAGE_SIZE == 3  # reloaded on setting_changed


def test_unknown_name_fails_loudly():
    with pytest.raises(AttributeError, match="no setting named 'INDEX_SIZE'"):
        _ = pubs_settings.INDEX_SIZE


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"INDEX_SIZE": 5}, "['INDEX_SIZE'] is not a known setting"),
        ({"INDEX_PAGE_SIZE": "10"}, "['INDEX_PAGE_SIZE'] must be int, not str"),
        ({"INDEX_PAGE_SIZE": True}, "['INDEX_PAGE_SIZE'] must be int, not bool"),
        ({"INDEX_PAGE_SIZE": 0}, "['INDEX_PAGE_SIZE'] must be at least 1"),
        (
            {"SIMILAR_POSTS_REBUILD_DRIFT": "0.1"},
            "['SIMILAR_POSTS_REBUILD_DRIFT'] must be int or float, not str",
        ),
        (
            {"SIMILAR_POSTS_REBUILD_DRIFT": -0.5},
            "['SIMILAR_POSTS_REBUILD_DRIFT'] must be at least 0",
        ),
        ({"BASE_TEMPLATE": None}, "['BASE_TEMPLATE'] must be str, not NoneType"),
        ([("INDEX_PAGE_SIZE", 3)], "ANKASAM_PUBS must be a dict, not list"),
    ],
)
def test_bad_settings_are_system_check_errors(settings, value, message):
    settings.ANKASAM_PUBS = value
    errors = [e for e in run_checks() if e.id == "ankasam_pubs.E001"]
    assert len(errors) == 1
    assert message in errors[0].msg
    assert "docs/reference/settings.md" in errors[0].hint


def test_nullable_setting_accepts_none(settings):
    settings.ANKASAM_PUBS = {"STYLESHEET": None}
    assert not [e for e in run_checks() if e.id == "ankasam_pubs.E001"]


def test_every_setting_is_documented():
    text = DOCS.read_text()
    for name in conf.OPTIONS:
        assert f"`{name}`" in text, f"{name} missing from {DOCS}"


def test_example_site_passes_every_check(db):
    call_command("check", "--database", "default", "--fail-level", "WARNING")


GOOD = {
    "use_i18n": True,
    "wagtail_i18n": True,
    "installed_apps": [
        "modeltranslation",
        "ankasam_pubs",
        "wagtail.locales",
        "wagtail.contrib.table_block",
        "wagtail.contrib.routable_page",
        "wagtail.contrib.settings",
        "django.contrib.admin",
    ],
    "languages": ["en", "tr", "ru"],
    "content_languages": ["en", "tr", "ru"],
    "translation_languages": ["en", "tr", "ru"],
    "language_code": "en",
}


def problems(**changes):
    return [(e.id, e.msg, e.hint) for e in checks.i18n_problems(**{**GOOD, **changes})]


def test_good_host_has_no_problems():
    assert problems() == []


def test_i18n_off():
    [(code, msg, hint)] = problems(use_i18n=False)
    assert code == "ankasam_pubs.E002" and hint == "Set USE_I18N = True."


def test_wagtail_i18n_off():
    [(code, _msg, _hint)] = problems(wagtail_i18n=False)
    assert code == "ankasam_pubs.E003"


def test_wagtail_locales_missing():
    apps = [app for app in GOOD["installed_apps"] if app != "wagtail.locales"]
    [(code, msg, hint)] = problems(installed_apps=apps)
    assert code == "ankasam_pubs.E004"
    assert "'wagtail.locales'" in msg and "Add 'wagtail.locales'" in hint


def test_modeltranslation_after_apps_that_need_it():
    required = [app for app in GOOD["installed_apps"] if app.startswith("wagtail.")]
    apps = ["ankasam_pubs", "django.contrib.admin", "modeltranslation", *required]
    found = problems(installed_apps=apps)
    assert [code for code, _m, _h in found] == ["ankasam_pubs.E005", "ankasam_pubs.E005"]
    hints = {hint for _code, _msg, hint in found}
    assert hints == {
        "Move 'modeltranslation' above 'ankasam_pubs'.",
        "Move 'modeltranslation' above 'django.contrib.admin'.",
    }


def test_languages_disagree():
    found = problems(content_languages=["en", "tr"], translation_languages=["en", "tr", "ru", "de"])
    assert [code for code, _m, _h in found] == ["ankasam_pubs.E006", "ankasam_pubs.E006"]
    assert "WAGTAIL_CONTENT_LANGUAGES and LANGUAGES disagree (missing ru)" in found[0][1]
    assert "MODELTRANSLATION_LANGUAGES and LANGUAGES disagree (not in LANGUAGES: de)" in found[1][1]


def test_language_code_outside_languages():
    [(code, msg, _hint)] = problems(language_code="de")
    assert code == "ankasam_pubs.E007" and "'de'" in msg


def test_misconfigured_settings_reach_the_registered_check(settings):
    settings.USE_I18N = False
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
    ids = {e.id for e in run_checks()}
    assert {"ankasam_pubs.E002", "ankasam_pubs.E006"} <= ids


def test_catch_all_before_language_patterns_is_reported(settings):
    from ankasam_pubs.checks import check_page_urls

    assert check_page_urls() == []  # the example site serves Wagtail in i18n_patterns
    settings.ROOT_URLCONF = "tests.urls_catch_all_first"
    [warning] = check_page_urls()
    assert warning.id == "ankasam_pubs.W003"
    assert "/tr/, /ru/, /ar/" in warning.msg
    assert 'i18n_patterns(path("", include(wagtail_urls)))' in warning.hint
