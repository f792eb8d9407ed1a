"""Purge related URLs after the commit that publishes, unpublishes, deletes or moves
an analysis, and after similar-posts lists change (the task that recomputes them
runs later than the publication, so it announces what it changed)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from ..similar.service import similar_lists_changed
from .purge import analysis_urls, purge, purging_enabled, similar_list_urls


def _is_analysis(page) -> bool:
    from ..pages.mixins import AnalysisPageMixin

    return issubclass(page.specific_class or Page, AnalysisPageMixin)


def _purge_after_commit(urls: set[str]) -> None:
    if urls:
        transaction.on_commit(lambda: purge(urls))


def on_publish_change(sender, instance, **kwargs) -> None:
    if purging_enabled() and _is_analysis(instance):
        _purge_after_commit(analysis_urls(instance))


def on_delete(sender, instance, **kwargs) -> None:
    # Before the rows go: afterwards neither the URLs nor the credits can be read.
    if purging_enabled() and type(instance) is Page and _is_analysis(instance):
        _purge_after_commit(analysis_urls(instance))


def on_move(sender, instance, **kwargs) -> None:
    """Sent before the move (old addresses, old index pages) and after it (new ones)."""
    if not purging_enabled():
        return
    urls: set[str] = set()
    for page in Page.objects.descendant_of(instance, inclusive=True).specific():
        if _is_analysis(page):
            urls |= analysis_urls(page)
    _purge_after_commit(urls)


def on_similar_lists_changed(sender, page_ids, **kwargs) -> None:
    if purging_enabled():
        purge(similar_list_urls(page_ids))


def connect() -> None:
    page_published.connect(on_publish_change, dispatch_uid="ankasam_pubs_purge_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="ankasam_pubs_purge_unpublished")
    pre_delete.connect(on_delete, dispatch_uid="ankasam_pubs_purge_deleted")
    pre_page_move.connect(on_move, dispatch_uid="ankasam_pubs_purge_moving")
    post_page_move.connect(on_move, dispatch_uid="ankasam_pubs_purge_moved")
    similar_lists_changed.connect(on_similar_lists_changed, dispatch_uid="ankasam_pubs_purge_lists")
