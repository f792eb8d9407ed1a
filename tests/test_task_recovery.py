"""requeue_orphaned_tasks: a killed database worker's claimed tasks run again."""

import pytest
from django.core.management import CommandError, call_command

from ankasam_pubs.management.commands.requeue_orphaned_tasks import task_result_model
from ankasam_pubs.similar.tasks import update_similar_posts


def records_worker_ids() -> bool:
    return any(field.name == "worker_ids" for field in task_result_model()._meta.get_fields())


@pytest.mark.skipif(not records_worker_ids(), reason="django-tasks < 0.8 records no worker")
def test_tasks_claimed_by_a_killed_worker_go_back_to_the_queue(settings, db):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_DATABASE_BACKEND}}
    model = task_result_model()
    mine = update_similar_posts.enqueue(1, [1])
    other = update_similar_posts.enqueue(1, [2])
    done = update_similar_posts.enqueue(1, [3])
    model.objects.filter(pk=mine.id).update(status="RUNNING", worker_ids=["w1"])
    model.objects.filter(pk=other.id).update(status="RUNNING", worker_ids=["w1", "w2"])
    model.objects.filter(pk=done.id).update(status="SUCCESSFUL", worker_ids=["w1"])

    call_command("requeue_orphaned_tasks", worker_id="w1", verbosity=0)

    statuses = dict(model.objects.values_list("pk", "status"))
    assert statuses[model.objects.get(pk=mine.id).pk] == "READY"
    assert statuses[model.objects.get(pk=other.id).pk] == "RUNNING"  # w2 holds it now
    assert statuses[model.objects.get(pk=done.id).pk] == "SUCCESSFUL"


def test_the_worker_id_is_required():
    with pytest.raises(CommandError):
        call_command("requeue_orphaned_tasks")


@pytest.mark.skipif(records_worker_ids(), reason="this django-tasks records worker ids")
def test_without_worker_ids_the_command_refuses_rather_than_guess(db):
    with pytest.raises(CommandError, match="no worker ids"):
        call_command("requeue_orphaned_tasks", worker_id="w1", verbosity=0)
