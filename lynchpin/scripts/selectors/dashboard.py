"""What the scripts app puts on the production dashboard (lynchpin.web.dashboard sources).

Called with the member's membership; returns only what that member may see and act on.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lynchpin.core.access import can
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.roles import Capability
from lynchpin.scripts.models import SceneElement, ScriptVersion
from lynchpin.scripts.rights import editable_categories

__all__ = ["scripts_attention", "scripts_figures"]


def _url(name: str, production_id: int, **kwargs: Any) -> str:
    return reverse(f"scripts:{name}", kwargs={"production_id": production_id, **kwargs})


def scripts_figures(*, actor: Any, membership: Any) -> list[KeyFigure]:
    """The current draft's size (scenes, pages), for members who may read the script."""
    if not can(membership, Capability.VIEW_SCRIPT):
        return []
    production_id = membership.production_id
    current = ScriptVersion.objects.filter(
        production_id=production_id, status=ScriptVersion.Status.READY
    ).first()
    if current is None:
        return [KeyFigure("Script", "none yet", _url("list", production_id))]
    scenes = current.scenes.filter(omitted=False).count()
    return [
        KeyFigure(
            "Scenes", str(scenes), _url("scenes", production_id),
            note=f"{current.length} pages, {current}",
        )
    ]


def _suggestions(membership: Any) -> AttentionItem | None:
    """Unresolved suggestions of the current draft that this member may decide on."""
    categories = editable_categories(membership)
    if not categories:
        return None
    count = SceneElement.objects.filter(
        production_id=membership.production_id,
        scene__script_version__status=ScriptVersion.Status.READY,
        status=SceneElement.Status.SUGGESTED,
        element__category__in=sorted(categories),
    ).count()
    if not count:
        return None
    noun = "suggestion" if count == 1 else "suggestions"
    return AttentionItem(
        f"{count} breakdown {noun} to accept or reject.", Level.WARNING,
        _url("scenes", membership.production_id), count,
    )


def scripts_attention(*, actor: Any, membership: Any) -> list[AttentionItem]:
    """Breakdown suggestions to decide (EDIT_BREAKDOWN), a revised draft waiting for review
    and failed imports (UPLOAD_SCRIPT)."""
    items = []
    suggestions = _suggestions(membership)
    if suggestions is not None:
        items.append(suggestions)
    if can(membership, Capability.UPLOAD_SCRIPT):
        drafts = ScriptVersion.objects.filter(production_id=membership.production_id)
        pending = drafts.filter(status=ScriptVersion.Status.PENDING_REVIEW).first()
        if pending is not None:
            url = _url("review", membership.production_id, script_version_id=pending.pk)
            items.append(AttentionItem(f"{pending} is waiting for review.", Level.WARNING, url))
        failed = drafts.filter(status=ScriptVersion.Status.FAILED).count()
        if failed:
            noun = "import" if failed == 1 else "imports"
            url = _url("list", membership.production_id)
            items.append(AttentionItem(f"{failed} script {noun} failed.", Level.INFO, url, failed))
    return items
