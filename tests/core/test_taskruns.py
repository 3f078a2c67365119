"""Background work reports progress through TaskRun; failures show their message."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from django_tasks import task

from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Role
from lynchpin.core.taskruns import (
    UNEXPECTED_FAILURE,
    task_run_get,
    task_run_start,
    task_run_tracking,
)
from tests.django_support import Team

pytestmark = pytest.mark.django_db


@task()
def count_to(run_id: int, n: int) -> None:
    """A task that reports progress and a result."""
    with task_run_tracking(run_id) as progress:
        progress(50, "Half way")
        progress.result = {"counted": n}


@task()
def refuse(run_id: int) -> None:
    """A task that fails the way a service fails: with an application error."""
    with task_run_tracking(run_id):
        raise Invalid("The file is not a screenplay.", fields={"file": ["Not a screenplay."]})


@task()
def crash(run_id: int) -> None:
    """A task with a bug."""
    with task_run_tracking(run_id):
        raise KeyError("bug")


def _start(team: Team, role: str, the_task: Any, **kwargs: Any) -> TaskRun:
    return task_run_start(
        actor=team.user(role), production_id=team.production.pk, kind="test.count",
        task=the_task, **kwargs,
    )


def test_a_successful_run_ends_at_100_with_its_result(team: Team) -> None:
    run = _start(team, Role.COORDINATOR, count_to, n=3)
    assert (run.status, run.progress, run.result) == (TaskRun.Status.SUCCEEDED, 100, {"counted": 3})
    assert run.finished and run.task_id
    assert run.created_by == team.user(Role.COORDINATOR)


def test_an_application_error_fails_the_run_with_its_message(team: Team) -> None:
    run = _start(team, Role.PRODUCER, refuse)
    assert run.status == TaskRun.Status.FAILED
    assert run.message == "The file is not a screenplay."
    assert run.result == {"fields": {"file": ["Not a screenplay."]}}


def test_a_bug_fails_the_run_without_leaking_details(team: Team) -> None:
    run = _start(team, Role.PRODUCER, crash)
    assert run.status == TaskRun.Status.FAILED
    assert run.message == UNEXPECTED_FAILURE


def test_starting_work_needs_run_tasks(team: Team) -> None:
    with pytest.raises(Forbidden):
        _start(team, Role.CREW, count_to, n=1)
    with pytest.raises(NotFound):
        task_run_start(
            actor=team.outsider, production_id=team.production.pk, kind="x", task=count_to, n=1
        )
    assert not TaskRun.objects.exists()


def test_the_database_backend_queues_the_task_for_a_worker(team: Team) -> None:
    from django_tasks_db.models import DBTaskResult

    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=database):
        run = _start(team, Role.PRODUCER, count_to, n=2)
    assert run.status == TaskRun.Status.QUEUED
    queued = DBTaskResult.objects.get(id=run.task_id)
    assert queued.args_kwargs["kwargs"] == {"run_id": run.pk, "n": 2}


def test_progress_is_visible_to_the_starter_and_run_tasks_roles_only(team: Team) -> None:
    run = _start(team, Role.COORDINATOR, count_to, n=1)
    for role in (Role.COORDINATOR, Role.PRODUCER, Role.ACCOUNTANT):
        got = task_run_get(actor=team.user(role), production_id=team.production.pk, run_id=run.pk)
        assert got.pk == run.pk
    with pytest.raises(NotFound):
        task_run_get(actor=team.user(Role.CAST), production_id=team.production.pk, run_id=run.pk)
    with pytest.raises(NotFound):
        task_run_get(actor=team.outsider, production_id=team.other_production.pk, run_id=run.pk)
