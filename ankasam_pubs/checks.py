"""System checks: the app's own settings and the host site's i18n set-up.

Every message says what to change. IDs are stable (``ankasam_pubs.E00N``) so a host
can silence one deliberately with ``SILENCED_SYSTEM_CHECKS``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connections

from . import conf
from .translations.fields import missing_translation_columns

MODELTRANSLATION_APP = "modeltranslation"
# Apps whose admin forms or models need modeltranslation's patches to be in place first.
NEEDS_MODELTRANSLATION_FIRST = ("django.contrib.admin", "ankasam_pubs")
REQUIRED_APPS = (
    "wagtail.locales",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    MODELTRANSLATION_APP,
)


def _codes(languages) -> list[str]:
    return [code for code, _name in languages]


def _installed_app_names() -> list[str]:
    from django.apps import apps

    return [config.name for config in apps.get_app_configs()]


@register()
def check_app_settings(app_configs=None, **kwargs):
    problems = conf.validate(getattr(settings, conf.SETTINGS_NAME, {}))
    return [
        Error(
            problem,
            hint="See docs/reference/settings.md for every setting, its type and default.",
            id="ankasam_pubs.E001",
        )
        for problem in problems
    ]


@register()
def check_host_i18n(app_configs=None, **kwargs):
    languages = _codes(settings.LANGUAGES)
    return i18n_problems(
        use_i18n=settings.USE_I18N,
        wagtail_i18n=getattr(settings, "WAGTAIL_I18N_ENABLED", False),
        installed_apps=_installed_app_names(),
        languages=languages,
        content_languages=_codes(
            getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
        ),
        translation_languages=list(getattr(settings, "MODELTRANSLATION_LANGUAGES", languages)),
        language_code=settings.LANGUAGE_CODE,
    )


def i18n_problems(
    *,
    use_i18n: bool,
    wagtail_i18n: bool,
    installed_apps: list[str],
    languages: list[str],
    content_languages: list[str],
    translation_languages: list[str],
    language_code: str,
) -> list[Error]:
    """What is wrong with a host's i18n set-up, as system-check errors (pure)."""
    errors = []
    if not use_i18n:
        errors.append(
            Error(
                "USE_I18N is False; ankasam_pubs publishes in several languages.",
                hint="Set USE_I18N = True.",
                id="ankasam_pubs.E002",
            )
        )
    if not wagtail_i18n:
        errors.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True; language versions of analyses need it.",
                hint="Set WAGTAIL_I18N_ENABLED = True.",
                id="ankasam_pubs.E003",
            )
        )
    for app in REQUIRED_APPS:
        if app not in installed_apps:
            errors.append(
                Error(
                    f"{app!r} is not in INSTALLED_APPS.",
                    hint=f"Add {app!r} to INSTALLED_APPS.",
                    id="ankasam_pubs.E004",
                )
            )
    if MODELTRANSLATION_APP in installed_apps:
        position = installed_apps.index(MODELTRANSLATION_APP)
        for app in NEEDS_MODELTRANSLATION_FIRST:
            if app in installed_apps and installed_apps.index(app) < position:
                errors.append(
                    Error(
                        f"'modeltranslation' is listed after {app!r} in INSTALLED_APPS.",
                        hint=f"Move 'modeltranslation' above {app!r}.",
                        id="ankasam_pubs.E005",
                    )
                )
    for name, codes in (
        ("WAGTAIL_CONTENT_LANGUAGES", content_languages),
        ("MODELTRANSLATION_LANGUAGES", translation_languages),
    ):
        missing = [code for code in languages if code not in codes]
        extra = [code for code in codes if code not in languages]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if extra:
                parts.append(f"not in LANGUAGES: {', '.join(extra)}")
            errors.append(
                Error(
                    f"{name} and LANGUAGES disagree ({'; '.join(parts)}).",
                    hint=f"Give {name} the same language codes as LANGUAGES.",
                    id="ankasam_pubs.E006",
                )
            )
    if language_code not in languages:
        errors.append(
            Error(
                f"LANGUAGE_CODE {language_code!r} is not one of LANGUAGES.",
                hint="Set LANGUAGE_CODE to the code of one of LANGUAGES.",
                id="ankasam_pubs.E007",
            )
        )
    return errors


WAGTAIL_REDIRECTS = "wagtail.contrib.redirects.middleware.RedirectMiddleware"
OUR_REDIRECTS = "ankasam_pubs.middleware.RedirectMiddleware"


@register()
def check_redirect_middleware(app_configs=None, **kwargs):
    """Wagtail's redirect middleware sends readers on to drafts and expired pages."""
    if WAGTAIL_REDIRECTS not in getattr(settings, "MIDDLEWARE", ()):
        return []
    return [
        Warning(
            "Wagtail's RedirectMiddleware redirects readers to pages they may not see "
            "(drafts, unpublished and expired pages), revealing their new addresses.",
            hint=f"Use {OUR_REDIRECTS!r} in MIDDLEWARE instead of {WAGTAIL_REDIRECTS!r}.",
            id="ankasam_pubs.W001",
        )
    ]


def sqlite_lock_problems(databases: dict) -> list[str]:
    """Aliases of SQLite databases that wrap requests in deferred transactions."""
    return [
        alias
        for alias, config in databases.items()
        if str(config.get("ENGINE", "")).endswith("sqlite3")
        and config.get("ATOMIC_REQUESTS")
        and str((config.get("OPTIONS") or {}).get("transaction_mode", "")).upper() != "IMMEDIATE"
    ]


@register()
def check_sqlite_transactions(app_configs=None, **kwargs):
    """Two requests that both read then write (Wagtail's autosave and Publish) deadlock
    in SQLite's deferred transactions, and one fails at once with "database is locked"."""
    return [
        Warning(
            f"Database {alias!r} is SQLite with ATOMIC_REQUESTS and deferred transactions: "
            "an editor's autosave racing Save or Publish fails with 'database is locked'.",
            hint=f'Set DATABASES[{alias!r}]["OPTIONS"] = {{"transaction_mode": "IMMEDIATE"}}.',
            id="ankasam_pubs.W002",
        )
        for alias in sqlite_lock_problems(getattr(settings, "DATABASES", {}))
    ]


def unprefixed_page_routes() -> list[str]:
    """Languages whose ``/<code>/`` address Wagtail serves outside ``i18n_patterns``: a
    catch-all ``path("", include(wagtail_urls))`` listed before them takes every such
    address, looks for a page with the language code as its slug, and answers 404."""
    from django.urls import Resolver404, resolve
    from django.utils import translation
    from wagtail.views import serve

    found = []
    for code in _codes(getattr(settings, "LANGUAGES", ())):
        if code == settings.LANGUAGE_CODE:
            continue  # its prefix may be optional (prefix_default_language=False)
        with translation.override(code):
            try:
                match = resolve(f"/{code}/")
            except Resolver404:
                continue
        if match.func is serve and not str(match.route).startswith(f"{code}/"):
            found.append(code)
    return found


@register(Tags.urls)
def check_page_urls(app_configs=None, **kwargs):
    """The stock ``wagtail start`` urls.py ends with Wagtail's catch-all; appending
    ``i18n_patterns`` after it leaves every language's pages unreachable."""
    codes = unprefixed_page_routes()
    if not codes:
        return []
    addresses = ", ".join(f"/{code}/" for code in codes)
    return [
        Warning(
            f"Wagtail's catch-all URL pattern answers {addresses} before i18n_patterns: "
            "every page in those languages is a 404.",
            hint='Remove path("", include(wagtail_urls)) from urlpatterns and serve '
            'Wagtail inside i18n_patterns(path("", include(wagtail_urls))).',
            id="ankasam_pubs.W003",
        )
    ]


@register(Tags.database)
def check_translation_columns(app_configs=None, databases=None, **kwargs):
    """A language added to the host after migrating needs its columns created."""
    messages = []
    for alias in databases or ():
        if has_pending_migrations(connections[alias]):
            continue  # `migrate` is about to create the columns; judge the schema after it
        for table, columns in missing_translation_columns(connections[alias]).items():
            messages.append(
                Error(
                    f"Table {table!r} lacks the translation columns {', '.join(columns)} "
                    f"(database {alias!r}); a language was added after migrating.",
                    hint="Run: python manage.py sync_translation_fields --noinput",
                    id="ankasam_pubs.E008",
                )
            )
    return messages


def has_pending_migrations(connection) -> bool:
    """Whether the app has migrations not yet applied on ``connection``."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "ankasam_pubs"]
    return bool(executor.migration_plan(targets))
