"""Applying or discarding a revised draft that waits for review.

Applying makes the revised draft current and the old one superseded. If someone changed the
current draft's breakdown after the revised draft was compared with it, the comparison is
redone first, so decisions made in the meantime are carried over too.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from lynchpin.core.access import membership_for, require
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, NotFound
from lynchpin.core.roles import Capability
from lynchpin.scripts import adapters
from lynchpin.scripts.models import ScriptVersion
from lynchpin.scripts.services.building import first_draft_rows, revision_rows, save_rows
from lynchpin.scripts.services.common import lock_production

__all__ = ["script_revision_apply", "script_revision_discard"]


def _draft(production_id: int, script_version_id: int) -> ScriptVersion:
    version = (
        ScriptVersion.objects.select_for_update()
        .filter(pk=script_version_id, production_id=production_id)
        .first()
    )
    if version is None:
        raise NotFound("Script draft not found.")
    return version


def _rebuild(version: ScriptVersion, base: ScriptVersion | None) -> None:
    """Redo `version`'s scenes against `base` (the current draft now)."""
    with version.source.open("rb") as handle:
        analysis = adapters.analyse(handle.read(), version.file_name)
    version.scenes.all().delete()
    version.characters.all().delete()
    if base is None:
        rows, version.revision = first_draft_rows(version, analysis), None
    else:
        rows, version.revision = revision_rows(version, base, analysis)
    version.base = base
    version.base_version = base.version if base is not None else None
    save_rows(version, rows, analysis)


@transaction.atomic
def script_revision_apply(
    *, actor: Any, production_id: int, script_version_id: int
) -> ScriptVersion:
    """Make the revised draft `script_version_id` current; the current one is superseded.

    Requires UPLOAD_SCRIPT. Raises NotFound for a draft of another production, Conflict when
    the draft is not waiting for review.
    """
    require(membership_for(actor=actor, production_id=production_id), Capability.UPLOAD_SCRIPT)
    lock_production(production_id)
    version = _draft(production_id, script_version_id)
    if version.status != ScriptVersion.Status.PENDING_REVIEW:
        raise Conflict(f"{version} is not waiting for review ({version.get_status_display()}).")
    base = ScriptVersion.objects.filter(
        production_id=production_id, status=ScriptVersion.Status.READY
    ).first()
    if base is None or base.pk != version.base_id or base.version != version.base_version:
        _rebuild(version, base)
    if base is not None:
        base.status = ScriptVersion.Status.SUPERSEDED
        base.save(update_fields=["status", "updated"])
    version.status, version.applied = ScriptVersion.Status.READY, timezone.now()
    version.save()
    audit_record(
        actor=actor, action="script_version.apply", target=version, production_id=production_id,
        changes={"status": [ScriptVersion.Status.PENDING_REVIEW, ScriptVersion.Status.READY]},
    )
    return version


@transaction.atomic
def script_revision_discard(*, actor: Any, production_id: int, script_version_id: int) -> None:
    """Delete a revised draft waiting for review (or a failed import) and its file.

    Requires UPLOAD_SCRIPT. Raises NotFound for a draft of another production, Conflict for
    the current draft or a superseded one (they are the production's history).
    """
    require(membership_for(actor=actor, production_id=production_id), Capability.UPLOAD_SCRIPT)
    lock_production(production_id)
    version = _draft(production_id, script_version_id)
    discardable = {ScriptVersion.Status.PENDING_REVIEW, ScriptVersion.Status.FAILED}
    if version.status not in discardable:
        raise Conflict(
            f"{version} is {version.get_status_display().lower()}; only a draft waiting for "
            "review or a failed import can be discarded."
        )
    audit_record(
        actor=actor, action="script_version.discard", target=version,
        production_id=production_id, changes={"status": [version.status, None]},
    )
    source = version.source
    version.delete()
    transaction.on_commit(lambda: source.delete(save=False))
