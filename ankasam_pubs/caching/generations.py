"""Generations: two counters that retire every kept rendering a change could affect.

A snapshot of a reader page (:mod:`ankasam_pubs.pages.snapshot`), a cached article
fragment and a stored response are kept under keys that name what they were rendered
from. The page's own content is named by its published revision; everything else a
page shows comes from other rows, and is named by a counter:

``shared``
    Records shown on many pages: author profiles, series, topics, regions, citation
    settings, images (alt text, files), documents, Wagtail sites and
    locales. Moved on by any save or delete of one of them.
``published``
    Which pages a reader may see, and where: publishing, unpublishing, deleting or
    moving any page, adding, changing or removing a view restriction, and a change of
    similar-posts lists. It names the language switcher, ``hreflang``, similar posts,
    author pages' lists, links to other pages and their addresses.

The counters live in the database and are moved on inside the transaction that makes
the change, so a reader's request sees the change and the new counter together, in
every process, whatever cache backend the host chose. A counter kept in a cache could
not promise that: a per-process cache (``LocMemCache``, the default) keeps one copy per
process, so a change made by one app server would never reach another's copy. Kept
renderings themselves may sit in any cache: a key once written always means the same
bytes, so a per-process cache costs renders, never freshness.

Time passes without an event: a page whose ``expire_at`` falls due stops being
offered before ``publish_scheduled`` runs. A snapshot that names other pages records
the earliest such time and is not used after it (see ``valid_until``).
"""

from __future__ import annotations

from django.db.models import F
from django.db.models.expressions import RawSQL

from .models import Generation

SHARED = "shared"
PUBLISHED = "published"
NAMES = (SHARED, PUBLISHED)

#: Set on a request: the counters it read (a request reads them at most once).
REQUEST_ATTRIBUTE = "_ankasam_pubs_generations"


def bump(*names: str) -> None:
    """Move the named counters on (in the caller's transaction)."""
    for name in names:
        if not Generation.objects.filter(name=name).update(value=F("value") + 1):
            Generation.objects.get_or_create(name=name, defaults={"value": 1})


def annotations() -> dict[str, RawSQL]:
    """The counters as subqueries, to read them in the same statement as a page (a
    lean route: see ``AnalysisIndexContentMixin.route``); hand the values to
    :func:`remember`. Written as SQL: built on every request, an ORM subquery costs
    more to compile than the query it saves."""
    table = Generation._meta.db_table
    return {
        f"_ankasam_pubs_generation_{name}": RawSQL(  # noqa: S611 - a fixed statement
            f'SELECT "value" FROM "{table}" WHERE "name" = %s',  # noqa: S608 - our table
            (name,),
        )
        for name in NAMES
    }


def remember(request, page) -> None:
    """Keep the counters read with ``page`` (see :func:`annotations`) for ``request``."""
    values = tuple(getattr(page, f"_ankasam_pubs_generation_{name}", None) for name in NAMES)
    if request is not None and None not in values:
        setattr(request, REQUEST_ATTRIBUTE, values)


def current(request=None) -> tuple[int, ...]:
    """The counters, in :data:`NAMES` order; read once per request (one query)."""
    if request is not None:
        known = getattr(request, REQUEST_ATTRIBUTE, None)
        if known is not None:
            return known
    values = dict(Generation.objects.filter(name__in=NAMES).values_list("name", "value"))
    result = tuple(values.get(name, 0) for name in NAMES)
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, result)
    return result
