"""Background work of the schedules app (django-tasks), reporting progress through TaskRun.

`proposal_task` runs an optimiser search or a re-plan recorded as a `ScheduleProposal` by
`schedule_optimise` / `schedule_replan`; the page that started it polls the run.
"""

from __future__ import annotations

from django_tasks import task

from lynchpin.core.taskruns import task_run_tracking

__all__ = ["proposal_task"]


@task()
def proposal_task(run_id: int, proposal_id: int) -> None:
    """Solve proposal `proposal_id`; the run's result is ``{"proposal_id", "optimal",
    "days"}`` (no money: every RUN_TASKS role may read a run)."""
    # Imported here: the services start this task, so they import this module.
    from lynchpin.schedules.services.proposals import proposal_run

    with task_run_tracking(run_id) as progress:
        progress(1, "Reading the schedule and the production facts")
        progress.result = proposal_run(proposal_id=proposal_id, progress=progress)
