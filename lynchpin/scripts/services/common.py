"""Checks and small writes shared by the scripts services.

- `require_category`: may the member change elements of a category (lynchpin.scripts.rights).
- `lock_production`: serialise the writes that decide which draft is current.
- `require_editable`: only the current draft's breakdown changes.
- `touch`: raise a draft's version after an edit of one of its scenes' elements.
"""

from __future__ import annotations

from django.db.models import F

from lynchpin.core.errors import Conflict
from lynchpin.productions.models import Production
from lynchpin.scripts.models import ScriptVersion
from lynchpin.scripts.rights import require_category

__all__ = ["lock_production", "require_category", "require_editable", "touch"]


def lock_production(production_id: int) -> None:
    """Lock the production row until the transaction ends (imports, apply and discard take
    it, so two of them never both decide which draft is current)."""
    list(
        Production.objects.select_for_update()
        .filter(pk=production_id)
        .values_list("pk", flat=True)
    )


def require_editable(version: ScriptVersion) -> None:
    """Raise Conflict unless `version` is the current draft."""
    if not version.editable:
        raise Conflict(
            f"{version} is not the current draft ({version.get_status_display().lower()}); "
            "only the current draft's breakdown can be changed."
        )


def touch(version: ScriptVersion) -> None:
    """Raise `version`'s version number: its breakdown changed (cached sheets are stale)."""
    ScriptVersion.objects.filter(pk=version.pk).update(version=F("version") + 1)
