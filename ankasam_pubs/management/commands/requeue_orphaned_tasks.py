"""Put back in the queue the tasks a crashed database worker had claimed.

django-tasks' database worker marks a task RUNNING when it claims it; a worker killed
mid-task (out of memory, a host lost) leaves it RUNNING for ever and nobody runs it.
Run this before starting a worker with the same ``--worker-id`` (docs/how-to/deploy.md):
the app's tasks are idempotent (they re-read the pages they are given), so a task that
had in fact finished its work and runs again changes nothing.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError


def task_result_model():
    """The task-result model of the database backend this site has installed, or None.

    Chosen by INSTALLED_APPS, not by what imports: with django-tasks < 0.8 (Django 5,
    Wagtail 7.0) django-tasks-db may be importable yet raise on import.
    """
    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name in ("django_tasks_db", "django_tasks.backends.database"):
            return config.get_model("DBTaskResult")
    return None


class Command(BaseCommand):
    help = (
        "Return to the queue the tasks that the database worker --worker-id claimed and "
        "never finished (run it before starting that worker again)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", required=True, help="the id the worker ran with")

    def handle(self, *args, worker_id: str, **options):
        model = task_result_model()
        if model is None:
            raise CommandError(
                "No database task backend is in INSTALLED_APPS (django_tasks_db, or "
                "django_tasks.backends.database with django-tasks < 0.8)."
            )
        if not any(field.name == "worker_ids" for field in model._meta.get_fields()):
            raise CommandError(
                "This django-tasks records no worker ids (added in 0.8), so a dead "
                "worker's tasks cannot be told from a live one's; upgrade django-tasks."
            )
        running = model.objects.filter(status="RUNNING")
        # The last id is the worker that holds it now (a requeued task lists earlier ones).
        orphans = [
            row.pk for row in running.only("pk", "worker_ids") if row.worker_ids[-1:] == [worker_id]
        ]
        count = model.objects.filter(pk__in=orphans, status="RUNNING").update(
            status="READY", started_at=None
        )
        if options["verbosity"] >= 1:
            self.stdout.write(f"{count} task(s) of worker {worker_id} back in the queue")
