"""Previewing the re-pricing of the current budget from a schedule (nothing is saved).

The budgets app prices the feed (`lynchpin.schedules.effects.feed_of`) with its own service
`budget_reprice_preview`, which needs VIEW_MONEY; the lines it lists are the lines applying
would change (`services.schedule_budget_reprice`, with the preview's revision).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lynchpin.budgets.selectors import budget_current
from lynchpin.budgets.services import RepriceResult, budget_reprice_preview
from lynchpin.core.access import require
from lynchpin.core.roles import Capability
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.effects import BudgetEffect, effect_of, feed_of
from lynchpin.schedules.models import ScheduleVersion
from lynchpin.schedules.rights import reader, version_in

__all__ = ["RepricePage", "reprice_preview_get"]


@dataclass(frozen=True)
class RepricePage:
    """A version and the preview of re-pricing the current budget from it (None: no budget)."""

    version: ScheduleVersion
    preview: RepriceResult | None
    effect: BudgetEffect | None


def reprice_preview_get(*, actor: Any, production_id: int, schedule_id: int) -> RepricePage:
    """What re-pricing the current budget from version `schedule_id` would change.
    Requires VIEW_MONEY."""
    require(reader(actor, production_id), Capability.VIEW_MONEY)
    plan = plan_of(version_in(production_id, schedule_id))
    budget = budget_current(actor=actor, production_id=production_id)
    if budget is None:
        return RepricePage(plan.version, None, None)
    preview = budget_reprice_preview(actor=actor, production_id=production_id,
                                     budget_id=budget.pk, feed=feed_of(plan))
    return RepricePage(plan.version, preview, effect_of(preview.summary(), budget.currency))
