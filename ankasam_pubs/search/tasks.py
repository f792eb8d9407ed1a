"""The task that keeps analyses' search text fresh when a label they show changes.

Wagtail indexes a page whenever it is saved. What it cannot see is a change elsewhere
that changes a page's search text: an author's name, a topic's, region's or series'
label in any language. Visibility needs no task: the index holds text, and every
search asks it only for matches among what the visibility rule allows at that moment.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Model
from wagtail.search import index

try:  # Django 6 ships the tasks framework; before that, the django-tasks backport.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

from ..registry import analysis_query_models, usage_lookup

logger = logging.getLogger(__name__)


@task()
def reindex_analyses(page_ids: list[int]) -> int:
    """Write the search text of these analyses again; returns how many were written."""
    written = 0
    for model in analysis_query_models():
        for page in model.get_indexed_objects().filter(pk__in=page_ids):
            index.insert_or_update_object(page)
            written += 1
    return written


def schedule_reindex(obj: Model) -> None:
    """Queue :func:`reindex_analyses` for every analysis that shows ``obj``, after the
    commit. If the task backend fails, the change stands, the failure is logged, and
    ``manage.py update_index`` repairs the index."""
    ids: set[int] = set()
    for model in analysis_query_models():
        lookup = usage_lookup(model, obj)
        if lookup is not None:
            ids.update(model.objects.filter(lookup).values_list("pk", flat=True))
    if not ids:
        return

    def enqueue() -> None:
        try:
            reindex_analyses.enqueue(sorted(ids))
        except Exception:
            logger.exception(
                "Could not queue the search update of pages %s; run "
                "'manage.py update_index' to repair the index.",
                sorted(ids),
            )

    transaction.on_commit(enqueue)
