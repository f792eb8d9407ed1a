"""Signal handlers: a changed label or name re-indexes the analyses that show it."""

from __future__ import annotations

from django.db.models.signals import post_save

from ..authors.models import AuthorProfile
from ..taxonomy.models import Region, Series, Topic
from .tasks import schedule_reindex


def on_label_change(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures being loaded: the pages are indexed as they load
        schedule_reindex(instance)


def connect() -> None:
    for model in (AuthorProfile, Series, Topic, Region):
        post_save.connect(
            on_label_change, sender=model, dispatch_uid=f"ankasam_pubs_search_{model.__name__}"
        )
