"""Snapshots: a reader page's regions, rendered once and kept until something changes.

What a page of the app shows depends on three things only: its published revision, the
records it shares with other pages, and which pages a reader may see (see
:mod:`ankasam_pubs.caching.generations`). A snapshot keeps the rendered regions of a
page (its ``<head>`` and its content) under a key naming all three, so a request whose
key is known costs Wagtail's routing, the view-restriction check and one read of the
counters, and renders only the host's base template around the regions.

A snapshot is never made nor used for a preview, a draft, an expired page or a page
behind a view restriction, nor when ``RENDER_CACHE_TIMEOUT`` is 0. Signed-in readers get
the same regions (the user bar and anything else personal belongs to the base template,
outside them). A snapshot is not used after the earliest pending ``expire_at`` of the
site: an expiring page leaves other pages' lists at that moment, without an event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page, Site

from .. import __version__
from ..caching import generations
from ..conf import SETTINGS_NAME, pubs_settings
from ..translations.switcher import SWITCHER_CONTEXT, switcher_links
from ..visibility import is_preview, is_restricted, is_served, next_expiry

#: The context entry holding the rendered regions (name -> HTML).
REGIONS = "ankasam_pubs_regions"


@dataclass(frozen=True)
class Snapshot:
    regions: dict[str, str]
    #: Context entries kept beside the regions: what host templates read (the switcher).
    context: dict
    valid_until: datetime | None


def settings_fingerprint() -> str:
    """The app's settings and the site's languages: a host that changes them renders anew."""
    facts = repr(
        (
            sorted(getattr(settings, SETTINGS_NAME, {}).items()),
            settings.LANGUAGES,
            settings.LANGUAGE_CODE,
        )
    )
    return hashlib.sha256(facts.encode()).hexdigest()[:16]


def usable(page: Page, request) -> bool:
    """Whether this request may be answered from (and fill) a snapshot."""
    return (
        pubs_settings.RENDER_CACHE_TIMEOUT != 0
        and request is not None
        and request.method in ("GET", "HEAD")
        and not is_preview(request)
        and getattr(page, "live_revision_id", None) is not None
        and is_served(page)
        and not is_restricted(page, request)
    )


def snapshot_key(page: Page, request, variant: str = "") -> str | None:
    if not usable(page, request):
        return None
    site = Site.find_for_request(request)
    shared, published = generations.current(request)
    published_at = page.last_published_at.isoformat() if page.last_published_at else ""
    facts = "\n".join(
        [
            str(page.pk),
            str(page.live_revision_id),
            published_at,
            translation.get_language() or "",
            str(site.pk if site else 0),
            str(shared),
            str(published),
            settings_fingerprint(),
            variant,
        ]
    )
    digest = hashlib.sha256(facts.encode()).hexdigest()
    return f"ankasam_pubs:{__version__}:snapshot:{digest}"


def _cache():
    return caches[pubs_settings.RENDER_CACHE]


def lookup(key: str) -> Snapshot | None:
    snapshot = _cache().get(key)
    if not isinstance(snapshot, Snapshot):
        return None
    if snapshot.valid_until is not None and timezone.now() >= snapshot.valid_until:
        return None
    return snapshot


def store(key: str, snapshot: Snapshot) -> None:
    _cache().set(key, snapshot, pubs_settings.RENDER_CACHE_TIMEOUT)


def render_regions(templates: dict[str, str], context: dict, request) -> dict[str, SafeString]:
    return {
        name: mark_safe(render_to_string(template, context, request=request))  # noqa: S308
        for name, template in templates.items()
    }


def context_for(
    page: Page,
    request,
    *,
    variant: str | None,
    regions: dict[str, str],
    kept: tuple[str, ...],
    frame: Callable[[], dict],
    build: Callable[[], dict],
) -> dict:
    """A page response's context: ``frame()`` and a kept snapshot's regions when there is
    one for ``variant`` (None: never kept), else ``build()`` (the full context) with the
    ``regions`` rendered from it, kept for the next request with the ``kept`` entries."""
    key = snapshot_key(page, request, variant) if variant is not None else None
    if key is not None:
        snapshot = lookup(key)
        if snapshot is not None:
            context = frame()
            context.update(snapshot.context)
            context[REGIONS] = {name: mark_safe(html) for name, html in snapshot.regions.items()}  # noqa: S308
            return context
    context = build()
    rendered = render_regions(regions, context, request)
    context[REGIONS] = rendered
    if key is not None:
        # The header's switcher (``{% ankasam_pubs_language_switcher %}``) is outside
        # the regions but names the same pages: kept with them.
        context[SWITCHER_CONTEXT] = switcher_links(page, request, context.get("translations"))
        values = {name: context[name] for name in (*kept, SWITCHER_CONTEXT) if name in context}
        store(key, Snapshot({k: str(v) for k, v in rendered.items()}, values, next_expiry()))
    return context


class SnapshotMixin:
    """Page mixin, first among a page's bases: ``get_context`` answers from a snapshot
    when one is kept, else builds the full context, renders the regions and keeps them.

    The page's template shows ``{{ ankasam_pubs_regions.content }}``; ``{% ankasam_pubs_head %}``
    shows ``ankasam_pubs_regions.head``. On a kept snapshot the context is the page's
    ``get_frame_context()`` (:class:`.base.PubsPageMixin`): Wagtail's own and the frame.
    """

    #: Region name -> template rendered with the page's full context.
    snapshot_regions: dict[str, str] = {}
    #: Context entries kept with the regions (host templates may read them).
    snapshot_context: tuple[str, ...] = ("translations",)

    def snapshot_variant(self, request, *args, **kwargs) -> str | None:
        """What, besides the page, the regions depend on (a listing's query string);
        None when this request's answer must not be kept."""
        return ""

    def get_context(self, request, *args, **kwargs):
        return context_for(
            self,
            request,
            variant=self.snapshot_variant(request, *args, **kwargs),
            regions=self.snapshot_regions,
            kept=self.snapshot_context,
            frame=lambda: self.get_frame_context(request, *args, **kwargs),
            build=lambda: super(SnapshotMixin, self).get_context(request, *args, **kwargs),
        )
