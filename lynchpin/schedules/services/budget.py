"""Re-pricing the current budget from a schedule, exactly as the person previewed it.

The schedule's feed (`lynchpin.schedules.effects.feed_of`) goes to the budgets app's service
(changes travel forward, DESIGN.md section 2); the preview is `selectors.reprice_preview_get`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from lynchpin.budgets.services import RepriceResult, budget_reprice_from_schedule
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.effects import feed_of
from lynchpin.schedules.rights import reader, version_in

__all__ = ["schedule_budget_reprice"]


def schedule_budget_reprice(*, actor: Any, production_id: int, schedule_id: int,
                            budget_id: int, expected_revision: UUID | str) -> RepriceResult:
    """Re-price budget `budget_id` from the version's schedule, exactly as previewed at
    `expected_revision` (Conflict when the budget changed since). Requires VIEW_SCRIPT here
    and EDIT_BUDGET in the budgets service; raises NotFound, Forbidden, Conflict."""
    reader(actor, production_id)
    plan = plan_of(version_in(production_id, schedule_id))
    return budget_reprice_from_schedule(actor=actor, production_id=production_id,
                                        budget_id=budget_id, feed=feed_of(plan),
                                        expected_revision=expected_revision)
