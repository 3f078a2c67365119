"""Writing the audit log: every service that changes data calls `audit_record` once per change.

Actions are ``<entity>.<verb>``, named after the service that wrote them
(``production.create``, ``membership.change_role``); `changes` maps a field name to its
``[old, new]`` pair (use `changes_between`). Entries are readable by roles with VIEW_AUDIT.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models

from lynchpin.core.models import AuditEntry

__all__ = ["audit_record", "changes_between", "snapshot"]


def snapshot(instance: models.Model, fields: tuple[str, ...]) -> dict[str, Any]:
    """The current values of `fields` of `instance` (foreign keys as their id)."""
    values = {}
    for name in fields:
        model_field = instance._meta.get_field(name)
        attname = getattr(model_field, "attname", name)
        values[name] = getattr(instance, attname)
    return values


def changes_between(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field of `after` whose value differs from `before`."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    production_id: int | None,
    changes: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> AuditEntry:
    """Append one audit entry for `actor` doing `action` to `target`; returns it.

    Call inside the service's transaction so that the entry and the change commit together.
    `label` defaults to ``str(target)``; it is kept because the target may be deleted later.
    """
    username = actor.get_username() if getattr(actor, "is_authenticated", False) else "system"
    return AuditEntry.objects.create(
        production_id=production_id,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=username,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk or ""),
        target_label=(label if label is not None else str(target))[:200],
        changes=dict(changes or {}),
    )
