"""Breakdown sheets: the engine's BreakdownReport of a draft, and its PDF (all scenes or one).

The report is built from the stored rows (production numbers, stored lengths, ACCEPTED
elements only) and the draft's file read again (headings, speaking cast). Rendering every
sheet costs about 70 ms a scene, so the whole-draft PDF is kept in the media storage per
breakdown version (``scripts/<production>/sheets/<draft>-v<version>.pdf``) and rendered again
only after the breakdown changed (lynchpin.scripts.sheetcache). The pages and the API get
it from a background task (lynchpin.scripts.services.sheets): `breakdown_sheets_file` hands
out the stored file and `breakdown_sheets_run_get` follows the task; `breakdown_pdf` still
renders inside the call when the file is missing. All reads need VIEW_SCRIPT.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from lynchpin.core.errors import NotFound
from lynchpin.core.models import TaskRun
from lynchpin.engine.breakdown.report import BreakdownReport, SceneReport
from lynchpin.engine.units import EIGHTHS_PER_PAGE
from lynchpin.scripts import sheetcache
from lynchpin.scripts.models import Scene, ScriptVersion
from lynchpin.scripts.selectors.versions import require_reader, script_get

__all__ = [
    "SheetFile",
    "SheetsProgress",
    "breakdown_pdf",
    "breakdown_report_for",
    "breakdown_sheets_file",
    "breakdown_sheets_ready",
    "breakdown_sheets_run_get",
    "scene_sheet_pdf",
]

_report = sheetcache.report_of_version


def breakdown_report_for(
    *, actor: Any, production_id: int, script_version_id: int
) -> BreakdownReport:
    """The breakdown report of a draft (its current scenes, accepted elements).

    Requires VIEW_SCRIPT. Raises NotFound for another production's draft, InputError when
    its stored file can no longer be read as it was imported.
    """
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    return _report(version)


@dataclass(frozen=True, slots=True)
class SheetFile:
    """A rendered PDF and the file name to download it as."""

    content: bytes
    file_name: str


def _file_stem(version: ScriptVersion) -> str:
    title = version.title or version.file_name.rsplit(".", 1)[0] or "script"
    safe = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-") or "script"
    return f"{safe[:60]}-{version.colour}-breakdown"


def _one_scene(report: BreakdownReport, scene: Scene) -> BreakdownReport:
    """The report cut down to one scene (its cover page totals that scene only)."""
    line: SceneReport | None = next((s for s in report.scenes if s.number == scene.number), None)
    if line is None:
        raise NotFound(f"Scene {scene.number} has no breakdown sheet (it is omitted).")
    return dataclasses.replace(
        report,
        scenes=(line,),
        pages=-(-line.eighths // EIGHTHS_PER_PAGE),
        eighths=line.eighths,
        characters=tuple(c for c in report.characters if line.number in c.scenes),
    )


def _render(report: BreakdownReport) -> bytes:
    # Imported on first use: WeasyPrint is heavy, and most requests print nothing.
    from lynchpin.documents.breakdown_pdf import render_pdf

    return render_pdf(report)


def _cached_pdf(version: ScriptVersion) -> bytes:
    content = sheetcache.read_cached(version)
    if content is None:
        content = _render(_report(version))
        sheetcache.store(version, version.version, content)
    return content


def breakdown_pdf(*, actor: Any, production_id: int, script_version_id: int) -> SheetFile:
    """Breakdown sheets of every current scene of a draft, as one PDF (kept until the
    draft's breakdown changes).

    Requires VIEW_SCRIPT. Raises NotFound for another production's draft, InputError when
    the stored file no longer reads as imported.
    """
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    return SheetFile(_cached_pdf(version), f"{_file_stem(version)}.pdf")


def scene_sheet_pdf(*, actor: Any, production_id: int, scene_id: int) -> SheetFile:
    """The breakdown sheet of one scene, as PDF.

    Requires VIEW_SCRIPT. Raises NotFound for a scene of another production or an omitted
    scene, InputError when the stored file no longer reads as imported.
    """
    require_reader(actor, production_id)
    scene = (
        Scene.objects.select_related("script_version")
        .filter(pk=scene_id, production_id=production_id)
        .first()
    )
    if scene is None:
        raise NotFound("Scene not found.")
    version = scene.script_version
    content = _render(_one_scene(_report(version), scene))
    return SheetFile(content, f"{_file_stem(version)}-scene-{scene.number}.pdf")


def breakdown_sheets_file(
    *, actor: Any, production_id: int, script_version_id: int
) -> SheetFile | None:
    """The stored breakdown sheets of a draft's current breakdown version, or None until a
    sheets task has rendered them (or after the breakdown changed).

    Requires VIEW_SCRIPT. Raises NotFound for another production's draft.
    """
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    content = sheetcache.read_cached(version)
    return None if content is None else SheetFile(content, f"{_file_stem(version)}.pdf")


def breakdown_sheets_ready(*, actor: Any, production_id: int, script_version_id: int) -> bool:
    """Whether the draft's sheets of its current breakdown version are stored (the pages
    then link the file instead of offering to render it). Requires VIEW_SCRIPT."""
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    return sheetcache.cached_name(version) is not None


@dataclass(frozen=True)
class SheetsProgress:
    """A sheets task of a draft; `ready` when the file of the draft's current breakdown
    version is stored (False after a success when the breakdown changed meanwhile)."""

    version: ScriptVersion
    run: TaskRun
    ready: bool


def breakdown_sheets_run_get(
    *, actor: Any, production_id: int, script_version_id: int, run_id: int
) -> SheetsProgress:
    """A sheets task of the draft, for any member who may read the script (the run shows
    nothing but progress through the scenes, so every reader may follow it).

    Requires VIEW_SCRIPT. Raises NotFound for another production's draft or run, or a run
    that is not this draft's sheets.
    """
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    run = TaskRun.objects.filter(
        pk=run_id, production_id=production_id, kind=sheetcache.SHEETS_KIND
    ).first()
    if run is None or (run.result or {}).get("script_version_id") != version.pk:
        raise NotFound("Task not found.")
    return SheetsProgress(version, run, sheetcache.cached_name(version) is not None)
