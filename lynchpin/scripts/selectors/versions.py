"""Reads of script drafts: the list, one draft, the current one, its speaking characters, an
upload's progress, the revision report of a draft waiting for review. All need VIEW_SCRIPT."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from lynchpin.core.access import membership_for, require
from lynchpin.core.errors import NotFound
from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Capability
from lynchpin.core.taskruns import task_run_get
from lynchpin.scripts.models import Character, RevisionColour, SceneElement, ScriptVersion

__all__ = [
    "RevisionView",
    "Upload",
    "character_list",
    "require_reader",
    "revision_report_get",
    "script_current",
    "script_get",
    "script_list",
    "script_next_colour",
    "upload_get",
]


def require_reader(actor: Any, production_id: int) -> Any:
    """The actor's membership, if it may read the script (NotFound / Forbidden otherwise)."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_SCRIPT)
    return membership


def script_list(*, actor: Any, production_id: int) -> QuerySet[ScriptVersion]:
    """Every draft of the production, newest first, with `scene_count` (omitted placeholders
    not counted). Requires VIEW_SCRIPT."""
    require_reader(actor, production_id)
    return (
        ScriptVersion.objects.filter(production_id=production_id)
        .select_related("uploaded_by")
        .annotate(scene_count=Count("scenes", filter=Q(scenes__omitted=False)))
        .order_by("-created", "-id")
    )


def script_get(*, actor: Any, production_id: int, script_version_id: int) -> ScriptVersion:
    """One draft of the production. Requires VIEW_SCRIPT; NotFound for another production's."""
    require_reader(actor, production_id)
    version = ScriptVersion.objects.filter(pk=script_version_id, production_id=production_id)
    found = version.select_related("uploaded_by").first()
    if found is None:
        raise NotFound("Script draft not found.")
    return found


def script_current(*, actor: Any, production_id: int) -> ScriptVersion | None:
    """The current draft, or None before the first import. Requires VIEW_SCRIPT."""
    require_reader(actor, production_id)
    return ScriptVersion.objects.filter(
        production_id=production_id, status=ScriptVersion.Status.READY
    ).first()


def character_list(
    *, actor: Any, production_id: int, script_version_id: int | None = None
) -> QuerySet[Character]:
    """Speaking characters of a draft (the current one by default; none before the first
    import), most scenes first. Requires VIEW_SCRIPT; NotFound for another production's
    draft."""
    require_reader(actor, production_id)
    drafts = ScriptVersion.objects.filter(production_id=production_id)
    if script_version_id is None:
        drafts = drafts.filter(status=ScriptVersion.Status.READY)
    elif not drafts.filter(pk=script_version_id).exists():
        raise NotFound("Script draft not found.")
    else:
        drafts = drafts.filter(pk=script_version_id)
    return Character.objects.filter(script_version__in=drafts).order_by(
        "-scene_count", "name", "id"
    )


def script_next_colour(*, actor: Any, production_id: int) -> str:
    """The revision colour a new draft would normally get: the one after the newest draft's
    (white for the first). Requires VIEW_SCRIPT."""
    require_reader(actor, production_id)
    newest = (
        ScriptVersion.objects.filter(production_id=production_id)
        .exclude(status=ScriptVersion.Status.FAILED)
        .order_by("-created", "-id")
        .first()
    )
    return RevisionColour.WHITE if newest is None else RevisionColour.after(newest.colour)


@dataclass(frozen=True)
class Upload:
    """A background import: its TaskRun and the draft it fills."""

    run: TaskRun
    version: ScriptVersion


def upload_get(
    *, actor: Any, production_id: int, script_version_id: int, run_id: int
) -> Upload:
    """A background import (its TaskRun, for the member who started it or a RUN_TASKS role)
    and the draft it fills. Raises NotFound for another production's run or draft."""
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    run = task_run_get(actor=actor, production_id=production_id, run_id=run_id)
    if run.kind != "scripts.import":
        raise NotFound("Upload not found.")
    return Upload(run, version)


@dataclass(frozen=True)
class RevisionView:
    """A revised draft's report, grouped for the review page."""

    version: ScriptVersion
    base: ScriptVersion | None
    added: list[dict[str, Any]] = field(default_factory=list)
    omitted: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    carried: list[dict[str, Any]] = field(default_factory=list)
    characters_added: list[str] = field(default_factory=list)
    characters_removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    suggestions: int = 0


def revision_report_get(
    *, actor: Any, production_id: int, script_version_id: int
) -> RevisionView:
    """The revision report of a draft (scenes added, omitted, changed; decisions carried).

    Requires VIEW_SCRIPT. Raises NotFound for another production's draft or one without a
    report (a first draft).
    """
    version = script_get(
        actor=actor, production_id=production_id, script_version_id=script_version_id
    )
    report = version.revision
    if not report:
        raise NotFound("This draft has no revision report.")
    changes = report.get("changes", [])
    return RevisionView(
        version=version,
        base=version.base,
        added=[c for c in changes if c.get("status") == "added"],
        omitted=[c for c in changes if c.get("status") == "omitted"],
        changed=[c for c in changes if c.get("status") in ("changed", "renumbered")],
        unchanged=sum(1 for c in changes if c.get("status") == "unchanged"),
        carried=list(report.get("carried", [])),
        characters_added=list(report.get("characters_added", [])),
        characters_removed=list(report.get("characters_removed", [])),
        warnings=list(report.get("warnings", [])),
        suggestions=SceneElement.objects.filter(
            scene__script_version=version, status=SceneElement.Status.SUGGESTED
        ).count(),
    )
