"""Settings of the example site: a research centre publishing in English, Turkish, Russian.

SQLite by default; set DATABASE_URL=postgres://user:password@host:port/name for PostgreSQL.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-site-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "home",
    "demo",
    # modeltranslation patches models and admin forms: it comes before the apps using it.
    "modeltranslation",
    "ankasam_pubs",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    # Purges a CDN/Varnish on publish when WAGTAILFRONTENDCACHE names a backend (none here).
    "wagtail.contrib.frontend_cache",
    # The app's read API (docs/reference/api.md) runs on Wagtail's API v2 and DRF.
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Django tasks' database backend, for sites that run a worker (``manage.py db_worker``):
# the copy bundled with django-tasks before 0.8 (Wagtail 7.0), else the django-tasks-db
# package. The demo runs tasks immediately; the tests switch to this backend to run a
# real worker.
try:
    import django_tasks.backends.database  # noqa: F401

    TASKS_DATABASE_APP = "django_tasks.backends.database"
    TASKS_DATABASE_BACKEND = "django_tasks.backends.database.DatabaseBackend"
    # Before 0.8 the app itself resets its backends when TASKS changes.
    INSTALLED_APPS.append("django_tasks")
except ImportError:
    try:
        import django_tasks_db  # noqa: F401

        TASKS_DATABASE_APP, TASKS_DATABASE_BACKEND = (
            "django_tasks_db",
            "django_tasks_db.DatabaseBackend",
        )
    except ImportError:
        TASKS_DATABASE_APP = TASKS_DATABASE_BACKEND = None
if TASKS_DATABASE_APP:
    INSTALLED_APPS.append(TASKS_DATABASE_APP)

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "ankasam_pubs.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "demo_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "demo_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "demo_site.wsgi.application"


def database_from_url(url: str) -> dict:
    """The two URL forms the example site needs: sqlite:///path and postgres://…"""
    parsed = urlparse(url)
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
        }
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path) or ":memory:"}
    raise ValueError(f"DATABASE_URL scheme {parsed.scheme!r} is not supported (sqlite, postgres)")


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
# Wagtail's publish and unpublish (and 7.0's draft saving) write in several transactions;
# a database failure between them would leave a half-published page (tests/test_faults.py).
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A request's transaction takes SQLite's write lock at its start: with deferred
    # transactions, Wagtail's autosave racing Save or Publish failed with "database is
    # locked" (a 500) instead of waiting its turn (tests/test_sqlite_locking.py).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Languages: one list drives Django, Wagtail's content locales and modeltranslation.
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Istanbul"
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
# The example site's own strings (header, footer, error pages); the app ships its own.
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# An empty translation falls back along this chain: English first, then the others.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "tr", "ru", "ar")}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

WAGTAIL_SITE_NAME = "Ankasam Demo Centre"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILEMBEDS_RESPONSIVE_HTML = True

ANKASAM_PUBS = {
    "BASE_TEMPLATE": "base.html",
    "ORGANISATION_NAME": "Ankasam Demo Centre",
    "INDEX_PAGE_SIZE": 9,
}

# DJANGO_CACHE=database: Django's database cache, which every server process shares
# (run ``manage.py createcachetable`` once); without it each process has its own
# LocMemCache. The shared response cache (docs/reference/caching.md), for trying it out
# and for the load test: DJANGO_PAGE_CACHE_SECONDS=300 keeps pages in that database
# cache (and implies it).
if os.environ.get("DJANGO_CACHE") == "database" or os.environ.get("DJANGO_PAGE_CACHE_SECONDS"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "ankasam_demo_cache",
        }
    }
if os.environ.get("DJANGO_PAGE_CACHE_SECONDS"):
    ANKASAM_PUBS["PAGE_CACHE_TIMEOUT"] = int(os.environ["DJANGO_PAGE_CACHE_SECONDS"])

# Production topology (docs/how-to/deploy.md; scripts/topology starts it on one machine).
# DJANGO_REDIS_URL: one Redis for every app server and worker, the cache and sessions.
if os.environ.get("DJANGO_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["DJANGO_REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# DJANGO_VARNISH_URL: the address where Varnish accepts PURGE (its internal listener).
if os.environ.get("DJANGO_VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["DJANGO_VARNISH_URL"],
        }
    }
# DJANGO_TASKS=database: tasks go to the database queue that ``manage.py db_worker`` runs.
if os.environ.get("DJANGO_TASKS") == "database" and TASKS_DATABASE_BACKEND:
    TASKS = {"default": {"BACKEND": TASKS_DATABASE_BACKEND}}
