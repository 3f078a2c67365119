"""Background work that reports progress to the page that started it.

A service starts work with `task_run_start`: it records a `TaskRun` (status queued) and
enqueues a django-tasks task with ``run_id=<TaskRun id>``. The DatabaseBackend stores the
task in the same database transaction, so a rolled-back service never leaves a task behind.
The task body wraps its work in ``with task_run_tracking(run_id) as progress:`` and calls
``progress(40, "Breaking down scenes")`` between steps, outside any long transaction (a
progress write inside a transaction is invisible to the page until it commits). Pages poll
``GET /api/v1/productions/{id}/tasks/{run_id}`` (lynchpin/web/static/web/app.js does it).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.errors import NotFound, error_info
from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Capability

__all__ = ["TaskProgress", "task_run_get", "task_run_start", "task_run_tracking"]

logger = logging.getLogger(__name__)

#: Shown when a task fails with a bug: the details go to the log, not to the page.
UNEXPECTED_FAILURE = "Unexpected error; the details are in the server log."


def task_run_start(
    *, actor: Any, production_id: int, kind: str, task: Any, **kwargs: Any
) -> TaskRun:
    """Record a queued TaskRun and enqueue `task` (a django-tasks Task) with
    ``run_id=run.pk`` plus `kwargs` (JSON-able values only). Requires RUN_TASKS.

    With the immediate backend (tests, demos) the task has run when this returns.
    Raises NotFound / Forbidden from the access checks.
    """
    require(membership_for(actor=actor, production_id=production_id), Capability.RUN_TASKS)
    with transaction.atomic():
        run = TaskRun.objects.create(
            production_id=production_id, kind=kind, created_by=actor, message="Waiting to start"
        )
        result = task.enqueue(run_id=run.pk, **kwargs)
        TaskRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def task_run_get(*, actor: Any, production_id: int, run_id: int) -> TaskRun:
    """One TaskRun of the production, for the member who started it or any RUN_TASKS role.

    Raises NotFound for a run of another production, or one the member may not follow.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    run = TaskRun.objects.filter(pk=run_id, production_id=production_id).first()
    if run is None or not (run.created_by_id == actor.pk or can(membership, Capability.RUN_TASKS)):
        raise NotFound("Task not found.")
    return run


class TaskProgress:
    """Callable handed to a task body: ``progress(percent, message)`` records a step.

    Set `result` (a JSON-able dict) before leaving the block; it is saved on success.
    """

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id
        self.result: dict[str, Any] = {}

    def __call__(self, percent: int, message: str = "") -> None:
        """Record progress (clamped to 0..99: 100 means finished) and the current step."""
        TaskRun.objects.filter(pk=self.run_id).update(
            status=TaskRun.Status.RUNNING, progress=max(0, min(99, percent)), message=message
        )


def _finish(run_id: int, status: str, message: str, **fields: Any) -> None:
    TaskRun.objects.filter(pk=run_id).update(status=status, message=message, **fields)


@contextmanager
def task_run_tracking(run_id: int) -> Iterator[TaskProgress]:
    """Mark the run running, yield a TaskProgress, then mark it succeeded (progress 100,
    result saved) or failed.

    An ApplicationError or engine DomainError fails the run with its message and is not
    re-raised (the user sees it on the page). Any other exception fails the run with a
    generic message and is re-raised so that the worker logs it.
    """
    progress = TaskProgress(run_id)
    progress(0, "Started")
    try:
        yield progress
    except Exception as exc:
        info = error_info(exc)
        if info is None:
            _finish(run_id, TaskRun.Status.FAILED, UNEXPECTED_FAILURE)
            raise
        _finish(run_id, TaskRun.Status.FAILED, info.message, result={"fields": dict(info.fields)})
        logger.info("task run %s failed: %s", run_id, info.message)
        return
    _finish(run_id, TaskRun.Status.SUCCEEDED, "Done", progress=100, result=progress.result)
