"""Whole-draft breakdown sheets as a background task with progress (issue 6).

- `breakdown_sheets_request`: the cached PDF of the draft's current breakdown version if it
  exists (no task), else a task that renders it; a run already queued or running for the
  same draft and breakdown version is reused instead of starting another.
- `breakdown_sheets_render`: the task's work: render the sheets scene by scene, reporting
  ``n of N scenes``, and store the PDF (lynchpin.scripts.sheetcache names and keeps it).

Why VIEW_SCRIPT and not RUN_TASKS: the PDF shows only what every member may read (the
scene list and accepted elements; no money, no people data), so refusing it to crew and cast
would hide nothing. Starting its task is safe for every reader because the work is bounded:
one run per draft and breakdown version at a time, and none at all while the cached file is
current. That is why this service records its own TaskRun instead of calling core's
`task_run_start`, which asks RUN_TASKS for work that changes data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from lynchpin.core.access import membership_for, require
from lynchpin.core.errors import NotFound
from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Capability
from lynchpin.documents.breakdown_pdf_parts import render_pdf_in_parts
from lynchpin.engine.breakdown.report import BreakdownReport
from lynchpin.scripts import sheetcache
from lynchpin.scripts.models import ScriptVersion

__all__ = ["SheetsRequest", "breakdown_sheets_render", "breakdown_sheets_request"]

#: ``progress(percent, message)``, as core's TaskProgress takes it.
Progress = Callable[[int, str], None]

#: How often the report is built again when the breakdown changes while it is being read.
_REPORT_ATTEMPTS = 3

@dataclass(frozen=True, slots=True)
class SheetsRequest:
    """What a request for a draft's sheets got: the cached file is `ready`, or `run` (a
    TaskRun, queued, running or just finished) renders it."""

    version: ScriptVersion
    ready: bool
    run: TaskRun | None


def _require_reader(actor: Any, production_id: int) -> None:
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_SCRIPT)


def _lock_version(production_id: int, script_version_id: int) -> ScriptVersion | None:
    return (
        ScriptVersion.objects.select_for_update()
        .filter(pk=script_version_id, production_id=production_id)
        .first()
    )


def _open_run(version: ScriptVersion) -> TaskRun | None:
    """A queued or running sheets run of this draft and breakdown version, if any."""
    runs = TaskRun.objects.filter(
        production_id=version.production_id, kind=sheetcache.SHEETS_KIND,
        status__in=(TaskRun.Status.QUEUED, TaskRun.Status.RUNNING),
    )
    for run in runs:
        result = run.result or {}
        if (result.get("script_version_id"), result.get("breakdown_version")) == (
            version.pk, version.version,
        ):
            return run
    return None


def breakdown_sheets_request(
    *, actor: Any, production_id: int, script_version_id: int
) -> SheetsRequest:
    """Ask for the breakdown sheets of every current scene of a draft (one PDF).

    Requires VIEW_SCRIPT (see the module docstring for why not RUN_TASKS). Returns ready
    when the PDF of the draft's current breakdown version is stored; else the run rendering
    it (started now, or one already under way). With the immediate task backend the run
    has finished when this returns. Raises NotFound for another production's draft.
    """
    from lynchpin.scripts.tasks import breakdown_sheets_task  # the task calls back into here

    _require_reader(actor, production_id)
    with transaction.atomic():
        # The row lock makes two simultaneous requests share one run.
        version = _lock_version(production_id, script_version_id)
        if version is None:
            raise NotFound("Script draft not found.")
        if sheetcache.cached_name(version) is not None:
            return SheetsRequest(version, True, None)
        run = _open_run(version)
        if run is not None:
            return SheetsRequest(version, False, run)
        run = TaskRun.objects.create(
            production_id=production_id, kind=sheetcache.SHEETS_KIND, created_by=actor,
            message="Waiting to start",
            result={"script_version_id": version.pk, "breakdown_version": version.version},
        )
        result = breakdown_sheets_task.enqueue(
            run_id=run.pk, script_version_id=version.pk, actor_id=actor.pk
        )
        TaskRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    version.refresh_from_db()
    return SheetsRequest(version, sheetcache.cached_name(version) is not None, run)


def _stable_report(version: ScriptVersion) -> tuple[int, BreakdownReport]:
    """The report and the breakdown version it shows: built again if an edit raised the
    version while the rows were read (so the file name never claims a newer breakdown)."""
    for _ in range(_REPORT_ATTEMPTS):
        version.refresh_from_db(fields=["version"])
        seen = version.version
        report = sheetcache.report_of_version(version)
        if ScriptVersion.objects.filter(pk=version.pk, version=seen).exists():
            return seen, report
    return seen, report  # still changing: this file is replaced on the next request


def breakdown_sheets_render(
    *, actor: Any, production_id: int, script_version_id: int, progress: Progress
) -> dict[str, Any]:
    """Render and store the breakdown sheets of a draft, scene by scene, calling
    ``progress(percent, "Rendered n of N scenes")`` after each scene (percent 5..95).

    Requires VIEW_SCRIPT. Returns ``{"script_version_id", "breakdown_version", "scenes",
    "rendered"}`` (`rendered` == `scenes` on success). Raises NotFound for another
    production's draft, InputError when its stored file no longer reads as imported.
    """
    _require_reader(actor, production_id)
    version = ScriptVersion.objects.filter(pk=script_version_id, production_id=production_id)
    found = version.first()
    if found is None:
        raise NotFound("Script draft not found.")
    progress(2, "Reading the breakdown")
    breakdown_version, report = _stable_report(found)
    total = len(report.scenes)
    done = 0

    def step(rendered: int) -> None:
        nonlocal done
        done = rendered
        progress(5 + 90 * rendered // max(total, 1), f"Rendered {rendered} of {total} scenes")

    content = render_pdf_in_parts(report, step)
    sheetcache.store(found, breakdown_version, content)
    return {
        "script_version_id": found.pk, "breakdown_version": breakdown_version,
        "scenes": total, "rendered": done,
    }
