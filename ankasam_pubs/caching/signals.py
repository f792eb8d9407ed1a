"""Keep kept renderings true: move the generations on (:mod:`.generations`) in the
transaction of every change a reader could see, and purge related URLs after the
commit that publishes, unpublishes, deletes or moves an analysis, and after
similar-posts lists change (the task that recomputes them runs later than the
publication, so it announces what it changed)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from ..authors.models import AuthorProfile
from ..footnotes.models import CitationSettings
from ..registry import is_analysis, is_pubs_page
from ..similar.service import similar_lists_changed
from ..taxonomy.models import Region, Series, Topic
from . import generations
from .purge import (
    analysis_urls,
    frontend_purging,
    purge,
    purging_enabled,
    shared_content_urls,
    similar_list_urls,
    subtree_urls,
    version_urls,
)


def _purge_after_commit(urls: set[str]) -> None:
    if urls:
        transaction.on_commit(lambda: purge(urls))


def on_publish_change(sender, instance, **kwargs) -> None:
    if not purging_enabled():
        return
    if is_analysis(instance):
        _purge_after_commit(analysis_urls(instance))
    elif is_pubs_page(instance):
        # An index or authors page: itself and its other language versions' switchers.
        _purge_after_commit(version_urls(instance))


def on_restriction_change(sender, instance, **kwargs) -> None:
    """A page made private (or public again) leaves (or joins) every list above it."""
    if not purging_enabled():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _purge_after_commit(subtree_urls(page))


def on_delete(sender, instance, **kwargs) -> None:
    # Before the rows go: afterwards neither the URLs nor the credits can be read.
    if purging_enabled() and type(instance) is Page and is_analysis(instance):
        _purge_after_commit(analysis_urls(instance))


def on_move(sender, instance, **kwargs) -> None:
    """Sent before the move (old addresses, old index pages) and after it (new ones)."""
    if not purging_enabled():
        return
    urls: set[str] = set()
    for page in Page.objects.descendant_of(instance, inclusive=True).specific():
        if is_analysis(page):
            urls |= analysis_urls(page)
    _purge_after_commit(urls)


def on_shared_content_change(sender, instance, raw: bool = False, **kwargs) -> None:
    """A profile, a label or the citation style shows on many pages: a front-end cache
    forgets every URL that shows it (read now: on delete, before the rows that link it
    to pages go). The app's own kept renderings follow the generations."""
    if raw:  # fixtures being loaded
        return
    if frontend_purging():
        _purge_after_commit(shared_content_urls(instance))


def on_similar_lists_changed(sender, page_ids, **kwargs) -> None:
    if purging_enabled():
        _purge_after_commit(similar_list_urls(page_ids))


# -- generations: in the change's own transaction ------------------------------------------
def on_publication_change(sender, **kwargs) -> None:
    """Which pages a reader may see, or where, changed."""
    if kwargs.get("raw"):
        return
    generations.bump(generations.PUBLISHED)


def on_page_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        generations.bump(generations.PUBLISHED)


def on_shared_record_change(sender, raw: bool = False, **kwargs) -> None:
    """A record shown on many pages (a profile, a label, an image, the site) changed."""
    if raw or _settings_created_as_defaults(kwargs.get("instance"), kwargs.get("created")):
        return
    generations.bump(generations.SHARED)


def _settings_created_as_defaults(instance, created) -> bool:
    """A site's settings row made on first read (``for_site``) with the defaults that were
    already in effect: nothing a reader sees changes."""
    if not created or not isinstance(instance, CitationSettings):
        return False
    fields = [f for f in instance._meta.concrete_fields if not f.primary_key and not f.is_relation]
    return all(getattr(instance, f.attname) == f.get_default() for f in fields)


#: Rows whose content shows on many pages: any save or delete moves ``shared`` on.
def shared_models() -> list:
    return [
        AuthorProfile,
        Series,
        Topic,
        Region,
        CitationSettings,
        get_image_model(),
        get_document_model(),
        Site,
        Locale,
    ]


def connect_generations() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_publication_change, dispatch_uid=f"ankasam_pubs_gen_{id(signal)}")
    post_delete.connect(on_page_delete, dispatch_uid="ankasam_pubs_gen_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_publication_change,
            sender=PageViewRestriction,
            dispatch_uid=f"ankasam_pubs_gen_restriction_{signal is post_save}",
        )
    similar_lists_changed.connect(on_publication_change, dispatch_uid="ankasam_pubs_gen_lists")
    for model in shared_models():
        for signal in (post_save, post_delete):
            signal.connect(
                on_shared_record_change,
                sender=model,
                dispatch_uid=f"ankasam_pubs_gen_{model._meta.label}_{signal is post_save}",
            )


def connect() -> None:
    connect_generations()
    page_published.connect(on_publish_change, dispatch_uid="ankasam_pubs_purge_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="ankasam_pubs_purge_unpublished")
    pre_delete.connect(on_delete, dispatch_uid="ankasam_pubs_purge_deleted")
    pre_page_move.connect(on_move, dispatch_uid="ankasam_pubs_purge_moving")
    post_page_move.connect(on_move, dispatch_uid="ankasam_pubs_purge_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"ankasam_pubs_purge_restriction_{signal is post_save}",
        )
    for model in (AuthorProfile, Series, Topic, Region, CitationSettings):
        for signal in (post_save, pre_delete):
            signal.connect(
                on_shared_content_change,
                sender=model,
                dispatch_uid=f"ankasam_pubs_purge_{model.__name__}_{signal is post_save}",
            )
    similar_lists_changed.connect(on_similar_lists_changed, dispatch_uid="ankasam_pubs_purge_lists")
