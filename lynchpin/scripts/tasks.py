"""Background work of the scripts app (django-tasks), reporting progress through TaskRun.

`script_import_task` imports a draft stored by `script_upload`. It runs as the user who
uploaded it, so the same access checks apply as for a synchronous import.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from lynchpin.core.models import TaskRun
from lynchpin.core.taskruns import task_run_tracking

__all__ = ["script_import_task"]


@task()
def script_import_task(run_id: int, script_version_id: int, actor_id: int) -> None:
    """Import draft `script_version_id` for production of run `run_id`; the run's result is
    ``{"script_version_id", "status", "scenes"}``."""
    # Imported here: the services start this task, so they import this module.
    from lynchpin.scripts.services.imports import script_import_stored

    with task_run_tracking(run_id) as progress:
        run = TaskRun.objects.get(pk=run_id)
        actor = get_user_model().objects.get(pk=actor_id)
        version = script_import_stored(
            actor=actor, production_id=run.production_id,
            script_version_id=script_version_id, progress=progress,
        )
        progress.result = {
            "script_version_id": version.pk,
            "status": version.status,
            "scenes": version.scenes.count(),
        }
