"""What a reader may see: the one rule every public surface of the app applies.

Two questions, one answer each:

* **May this page be served?** (:func:`is_served`) It is live and not past its
  expiry time. Wagtail keeps a page whose ``expire_at`` has passed live until
  ``publish_scheduled`` runs; readers get a 404 for it at once, as for an unpublished
  page. View restrictions (password, login, groups) are Wagtail's to enforce when the
  page is served: the reader may pass them.
* **May this page be offered?** (:func:`offered_q`, :func:`offered`) Listed, linked,
  counted or recommended anywhere a reader did not ask for it by its address:
  listings and filters, feeds, the API, similar posts, the language switcher,
  ``hreflang``, JSON-LD translations, OpenGraph locale alternates, the sitemap, author
  pages. It is served, has no view restriction on itself or an ancestor (whoever
  asks: a cached or shared answer must not depend on who asked first), and is not an
  alias.

**Aliases.** An alias shows another page's content at a second address (Wagtail's
"Create alias", or the parents the Translate action creates for an untranslated
section). It is served at its address, but it is never offered: not as a translation
(it is not one), not in a listing or the sitemap. Its canonical link names the original
and it carries no Scholar tags or JSON-LD of its own (see :func:`canonical_page`).
Real pages *below* an alias (a Turkish analysis in a section whose Turkish parent is
still an alias) are ordinary pages and are offered like any other.

**Own language's tree.** Where a language has no live home, Wagtail's routing falls
back to the default language's tree; the app's pages are not served there but
redirected to their own address (``wagtail_hooks.pages_only_under_their_own_language``).
"""

from __future__ import annotations

from django.db.models import BooleanField, Exists, F, Min, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def current_q(prefix: str = "") -> Q:
    """Not expired, and not past ``expire_at`` (``publish_scheduled`` may be late)."""
    return Q(**{f"{prefix}expired": False}) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": timezone.now()})
    )


def served_q(prefix: str = "") -> Q:
    """Pages that may be served to a reader who asks for their address."""
    return Q(**{f"{prefix}live": True}) & current_q(prefix)


def restricted(path_ref: str = "path") -> Exists:
    """A view restriction on the page at ``path_ref`` or on one of its ancestors.

    One SQL subquery, not Wagtail's ``public()``, which first reads every restriction
    row of the site into Python.
    """
    return Exists(
        PageViewRestriction.objects.annotate(prefix=Length("page__path")).filter(
            page__path=Substr(OuterRef(path_ref), 1, F("prefix"))
        )
    )


def offered_q(prefix: str = "") -> Q:
    """Pages that may be offered to any reader (see the module's docstring)."""
    return (
        served_q(prefix) & Q(**{f"{prefix}alias_of__isnull": True}) & ~restricted(f"{prefix}path")
    )


def offered(queryset: QuerySet) -> QuerySet:
    """``queryset`` (of pages) narrowed to what may be offered to any reader."""
    return queryset.filter(offered_q())


def next_expiry():
    """The earliest time a live page of the site is due to expire (one query): until
    then, no page leaves what may be offered without an event. A kept rendering that
    names other pages is not used after it."""
    return (
        Page.objects.filter(live=True, expired=False, expire_at__gt=timezone.now())
        .aggregate(first=Min("expire_at"))
        .get("first")
    )


def published_analyses(model, *, locale_id: int, within: Page | None = None) -> QuerySet:
    """Offered pages of ``model`` in one locale (under ``within``), newest first."""
    queryset = offered(model.objects.filter(locale_id=locale_id))
    if within is not None:
        queryset = queryset.descendant_of(within)
    return queryset.order_by("-publication_date", "-first_published_at", "-pk")


# -- one page ------------------------------------------------------------------------------
def is_current(page: Page) -> bool:
    expire_at = page.expire_at
    return not page.expired and (expire_at is None or expire_at > timezone.now())


def is_served(page: Page) -> bool:
    return bool(page.live) and is_current(page)


def is_restricted(page: Page, request=None) -> bool:
    """Whether a view restriction covers the page; asked once per page and request."""
    memo = getattr(request, "_ankasam_pubs_restricted", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._ankasam_pubs_restricted = memo
    if page.pk not in memo:
        memo[page.pk] = page.get_view_restrictions().exists()
    return memo[page.pk]


def view_restrictions(page: Page) -> QuerySet:
    """Wagtail's ``Page.get_view_restrictions()`` rule in one query: the restrictions on
    the page and its ancestors, an alias standing for its original (Wagtail never
    makes an alias of an alias: it points the copy at the original)."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    sources = (
        Page.objects.filter(path__in=paths)
        .annotate(source=Coalesce("alias_of_id", "id"))
        .values("source")
    )
    return PageViewRestriction.objects.filter(page_id__in=sources)


# A restriction row on the page or an ancestor, or on the original of an ancestor alias:
# the restriction's page path (or the alias's) is a prefix of the queried page's path.
_MAY_BE_RESTRICTED = (
    'EXISTS (SELECT 1 FROM "{restriction}" r INNER JOIN "{page}" p ON p."id" = r."page_id" '
    'WHERE SUBSTR("{page}"."path", 1, LENGTH(p."path")) = p."path" '
    'OR EXISTS (SELECT 1 FROM "{page}" a WHERE a."alias_of_id" = r."page_id" '
    'AND SUBSTR("{page}"."path", 1, LENGTH(a."path")) = a."path"))'
)


def may_be_restricted() -> RawSQL:
    """Whether :func:`view_restrictions` of the page queried could find a row, as one
    subquery to read with the page: a restriction on the page or an ancestor, or on the
    original of an ancestor that is an alias. False means there is none; True is
    answered by :func:`view_restrictions` itself. Written as SQL (valid on SQLite and
    PostgreSQL): built on every request, the ORM's form costs more to compile than the
    query it saves. It names the outer page by its table, so annotate it on a query of
    pages (or of a page model, whose parent row Django joins under that name)."""
    page = Page._meta.db_table
    restriction = PageViewRestriction._meta.db_table
    # Only table names are put in, from the models.
    sql = _MAY_BE_RESTRICTED.format(page=page, restriction=restriction)  # noqa: S608
    return RawSQL(sql, (), output_field=BooleanField())  # noqa: S611


def is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


def is_offered(page: Page, request=None) -> bool:
    """This page, as this request shows it, may be named to search engines, feeds and
    other sites: served, not a preview, not an alias, no view restriction."""
    return (
        is_served(page)
        and not is_preview(request)
        and not page.alias_of_id
        and not is_restricted(page, request)
    )


def canonical_page(page: Page) -> Page:
    """The page whose address is canonical for ``page``: the original of an alias."""
    if page.alias_of_id:
        original = page.alias_of
        return original.specific_deferred if original is not None else page
    return page
