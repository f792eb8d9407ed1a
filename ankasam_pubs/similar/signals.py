"""Signal handlers: every change that can add a page to or drop it from the lists.

Publishing, unpublishing (including scheduled expiry), deleting, moving, and adding
or removing a view restriction on a page or a section above it. Handlers only
collect page ids; :func:`.tasks.schedule_update` does the rest after the commit.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..registry import analysis_models
from .tasks import schedule_update


def _analysis_content_types() -> list[int]:
    return [ct.pk for ct in ContentType.objects.get_for_models(*analysis_models()).values()]


def _is_analysis(page: Page) -> bool:
    return page.content_type_id in _analysis_content_types()


def _subtree(page: Page) -> list[tuple[int, int]]:
    return list(
        Page.objects.descendant_of(page, inclusive=True)
        .filter(content_type_id__in=_analysis_content_types())
        .values_list("pk", "locale_id")
    )


def on_publish_change(sender, instance, **kwargs) -> None:
    if _is_analysis(instance):
        schedule_update([(instance.pk, instance.locale_id)])


def on_delete(sender, instance, **kwargs) -> None:
    # Sent for the Page row and the analysis row of one deletion; batching dedupes.
    if isinstance(instance, Page) and instance.content_type_id and _is_analysis(instance):
        schedule_update([(instance.pk, instance.locale_id)])


def on_move(sender, instance, **kwargs) -> None:
    schedule_update(_subtree(instance))


def on_restriction_change(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_update(_subtree(page))


def connect() -> None:
    page_published.connect(on_publish_change, dispatch_uid="ankasam_pubs_similar_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="ankasam_pubs_similar_unpublished")
    post_delete.connect(on_delete, dispatch_uid="ankasam_pubs_similar_deleted")
    post_page_move.connect(on_move, dispatch_uid="ankasam_pubs_similar_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"ankasam_pubs_similar_restriction_{signal is post_save}",
        )
