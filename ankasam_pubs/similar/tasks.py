"""Django tasks that keep the similar-posts tables fresh.

With django-tasks' immediate backend (the default) they run right after the commit
that scheduled them; with a database backend, a worker (``manage.py db_worker``)
runs them. Arguments are plain ids so any backend can queue them.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

try:  # Django 6 ships the tasks framework; before that, the django-tasks backport.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

from . import service

logger = logging.getLogger(__name__)


@task()
def update_similar_posts(locale_id: int, page_ids: list[int]) -> dict[str, int]:
    return service.update(locale_id, page_ids)


_pending = threading.local()


def schedule_update(pages: Iterable[tuple[int, int]]) -> None:
    """Queue a list update for ``(page id, locale id)`` pairs once the transaction commits.

    Everything scheduled in one transaction goes out as one task per language. If the
    task backend fails, the content change still stands and the failure is logged; the
    next update or ``rebuild_similar_posts`` repairs the lists.
    """
    queued = getattr(_pending, "pages", None)
    if queued is None:
        queued = _pending.pages = defaultdict(set)
    for page_id, locale_id in pages:
        queued[locale_id].add(page_id)
    transaction.on_commit(_flush)


def _flush() -> None:
    queued = getattr(_pending, "pages", None)
    _pending.pages = None
    if not queued:
        return
    for locale_id, page_ids in sorted(queued.items()):
        try:
            update_similar_posts.enqueue(locale_id, sorted(page_ids))
        except Exception:
            logger.exception(
                "Could not queue the similar-posts update of pages %s; run "
                "'manage.py rebuild_similar_posts' to repair the lists.",
                sorted(page_ids),
            )
