"""Background work of the scripts app (django-tasks), reporting progress through TaskRun.

`script_import_task` imports a draft stored by `script_upload`. It runs as the user who
uploaded it, so the same access checks apply as for a synchronous import.
`breakdown_sheets_task` renders a draft's whole-draft breakdown sheets scene by scene for the
member who asked (lynchpin.scripts.services.sheets), reporting "n of N scenes".
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from lynchpin.core.models import TaskRun
from lynchpin.core.taskruns import task_run_tracking

__all__ = ["breakdown_sheets_task", "script_import_task"]


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


@task()
def breakdown_sheets_task(run_id: int, script_version_id: int, actor_id: int) -> None:
    """Render and store the breakdown sheets of draft `script_version_id`; the run's result
    is ``{"script_version_id", "breakdown_version", "scenes", "rendered"}``."""
    # Imported here: the service starts this task, so it imports this module.
    from lynchpin.scripts.services.sheets import breakdown_sheets_render

    with task_run_tracking(run_id) as progress:
        run = TaskRun.objects.get(pk=run_id)
        actor = get_user_model().objects.get(pk=actor_id)
        progress.result = breakdown_sheets_render(
            actor=actor, production_id=run.production_id,
            script_version_id=script_version_id, progress=progress,
        )
