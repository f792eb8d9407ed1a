"""The app's one settings namespace: ``ANKASAM_PUBS`` in the host's settings.

``pubs_settings.NAME`` returns the host's value or the documented default. Asking for
a name that is not defined here raises ``AttributeError`` straight away, and the
system check in :mod:`ankasam_pubs.checks` reports unknown or ill-typed entries of the
host's dict. The cache is dropped on ``setting_changed`` so tests can override it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings as django_settings
from django.core.signals import setting_changed

SETTINGS_NAME = "ANKASAM_PUBS"


@dataclass(frozen=True)
class Option:
    default: Any
    types: tuple[type, ...]
    help: str
    nullable: bool = False
    minimum: int | None = None
    # A string must be one of these; every item of a list, every key of a dict too.
    choices: tuple[str, ...] | None = None


# Every option, its default, its accepted types and a one-line explanation.
# docs/reference/settings.md documents the same table; a test keeps them in step.
OPTIONS: dict[str, Option] = {
    "INDEX_PAGE_SIZE": Option(
        10, (int,), "Analyses per page on an analysis index page.", minimum=1
    ),
    "BASE_TEMPLATE": Option(
        "ankasam_pubs/base.html",
        (str,),
        "Template that the app's page templates extend; point it at your site's base.",
    ),
    "STYLESHEET": Option(
        "ankasam_pubs/css/ankasam_pubs.css",
        (str,),
        "Static path of the default stylesheet; None drops it.",
        nullable=True,
    ),
    "RENDER_CACHE": Option(
        "default", (str,), "Cache alias that keeps page snapshots and article fragments."
    ),
    "RENDER_CACHE_TIMEOUT": Option(
        3600,
        (int,),
        "Seconds a page snapshot or article fragment is kept; 0 turns both off, None "
        "keeps them until evicted (keys change with every change a reader could see).",
        nullable=True,
        minimum=0,
    ),
    "CACHE_MAX_AGE": Option(
        300,
        (int,),
        "Seconds browsers and shared caches may reuse a public page read anonymously "
        "(Cache-Control max-age); 0 makes them revalidate every time (ETag).",
        minimum=0,
    ),
    "CACHE_SHARED_MAX_AGE": Option(
        None,
        (int,),
        "Seconds a shared cache (CDN, Varnish) may keep a public page (s-maxage); set it "
        "high when wagtail.contrib.frontend_cache purges on publish. None omits it.",
        nullable=True,
        minimum=0,
    ),
    "PAGE_CACHE_TIMEOUT": Option(
        0,
        (int,),
        "Seconds the RENDER_CACHE alias keeps whole public pages served to anonymous "
        "readers, retired by the same generations as snapshots; 0 (default) turns it off. "
        "A cache shared by all server processes (Redis, Memcached, database) serves one "
        "rendering to all of them.",
        minimum=0,
    ),
    "PURGE_RELATED": Option(
        True,
        (bool,),
        "With wagtail.contrib.frontend_cache installed, purge every URL an analysis "
        "appears on (translations, indexes, authors, feeds, sitemap, API, similar posts).",
    ),
    "SHARE_NETWORKS": Option(
        ["x", "facebook", "linkedin", "telegram", "whatsapp", "vk", "email"],
        (list, tuple),
        "Share links shown on analyses, in this order; [] hides them (copy-link stays).",
        choices=("x", "facebook", "linkedin", "telegram", "whatsapp", "vk", "email"),
    ),
    "ORGANISATION_NAME": Option(
        "", (str,), "Name of the publishing centre, used in page metadata."
    ),
    "WORDS_PER_MINUTE": Option(
        {},
        (dict,),
        "Reading speeds in words a minute by language code, over the app's own (230 for "
        "en, 180 for tr and ru, 200 for any other), e.g. {'de': 210}.",
        minimum=1,
    ),
    "SIMILAR_POSTS_COUNT": Option(
        6, (int,), "Similar posts shown under an analysis; 0 hides the block.", minimum=0
    ),
    "SIMILAR_POSTS_WEIGHTS": Option(
        {},
        (dict,),
        "Overrides of the relevance weights (taxonomy, taxonomy_only, topics, regions, "
        "series, authors, recency); numbers of at least 0, missing keys keep their defaults.",
        choices=(
            "taxonomy",
            "taxonomy_only",
            "topics",
            "regions",
            "series",
            "authors",
            "recency",
        ),
    ),
    "SIMILAR_POSTS_HALF_LIFE_DAYS": Option(
        730,
        (int,),
        "Days after which the recency part of an older candidate's score halves.",
        minimum=1,
    ),
    "SIMILAR_POSTS_MAX_PER_AUTHOR": Option(
        2, (int,), "At most this many similar posts by one author while others qualify.", minimum=1
    ),
    "SIMILAR_POSTS_MAX_PER_SERIES": Option(
        3,
        (int,),
        "At most this many similar posts from one series while others qualify.",
        minimum=1,
    ),
    "SIMILAR_POSTS_REBUILD_DRIFT": Option(
        0.1,
        (int, float),
        "How far the number of a language's analyses may move from the count the word "
        "weights were computed on before an update recomputes the whole language instead "
        "of only the changed pages (0.1: by more than a tenth).",
        minimum=0,
    ),
    "SIMILAR_POSTS_NEIGHBOURS_TAXONOMY": Option(
        20,
        (int,),
        "An analysis without topics (or without regions) borrows those of this many of "
        "its closest texts for its own list; 0 turns borrowing off.",
        minimum=0,
    ),
    "SIMILAR_POSTS_BORROW": Option(
        "translations",
        (str,),
        "When a translation has too few similar posts of its own: 'translations' fills "
        "the list from its default-language source's list, with the versions in the "
        "reader's language; 'any' also shows versions in other languages, labelled; "
        "'none' never borrows.",
        choices=("none", "translations", "any"),
    ),
}


class PubsSettings:
    """Attribute access to ``ANKASAM_PUBS`` with defaults; unknown names fail loudly."""

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    @property
    def user_settings(self) -> dict[str, Any]:
        value = getattr(django_settings, SETTINGS_NAME, {})
        return value if isinstance(value, dict) else {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in OPTIONS:
            raise AttributeError(f"{SETTINGS_NAME} has no setting named {name!r}")
        if name not in self._cache:
            self._cache[name] = self.user_settings.get(name, OPTIONS[name].default)
        return self._cache[name]

    def reload(self) -> None:
        self._cache.clear()


pubs_settings = PubsSettings()


def _reload(*, setting: str, **kwargs: Any) -> None:
    if setting == SETTINGS_NAME:
        pubs_settings.reload()


setting_changed.connect(_reload)


def validate(user_settings: Any) -> list[str]:
    """Return human-readable problems with a host's ``ANKASAM_PUBS`` value."""
    if not isinstance(user_settings, dict):
        return [f"{SETTINGS_NAME} must be a dict, not {type(user_settings).__name__}."]
    problems = []
    for name, value in user_settings.items():
        option = OPTIONS.get(name)
        if option is None:
            known = ", ".join(sorted(OPTIONS))
            problems.append(f"{SETTINGS_NAME}[{name!r}] is not a known setting (known: {known}).")
            continue
        if value is None and option.nullable:
            continue
        # bool is an int subclass; a page size of True is a mistake, not a number.
        if not isinstance(value, option.types) or (
            isinstance(value, bool) and bool not in option.types
        ):
            expected = " or ".join(t.__name__ for t in option.types)
            if option.nullable:
                expected += " or None"
            problems.append(
                f"{SETTINGS_NAME}[{name!r}] must be {expected}, not {type(value).__name__}."
            )
            continue
        if isinstance(value, dict):
            floor = option.minimum or 0
            not_numbers = [
                key
                for key, item in value.items()
                if isinstance(item, bool) or not isinstance(item, int | float) or item < floor
            ]
            if not_numbers:
                problems.append(
                    f"{SETTINGS_NAME}[{name!r}] must map to numbers of at least {floor} "
                    f"(check {', '.join(map(repr, not_numbers))})."
                )
        if option.choices is not None:
            items = [value] if isinstance(value, str) else list(value)
            unknown = [item for item in items if item not in option.choices]
            if unknown:
                problems.append(
                    f"{SETTINGS_NAME}[{name!r}] has unknown values {unknown!r} "
                    f"(choose from: {', '.join(option.choices)})."
                )
            continue
        if option.minimum is not None and not isinstance(value, dict) and value < option.minimum:
            problems.append(f"{SETTINGS_NAME}[{name!r}] must be at least {option.minimum}.")
    return problems
