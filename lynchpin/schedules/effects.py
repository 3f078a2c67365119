"""A schedule's effect on the current budget (shared by the board's reads and the move).

Changes travel forward (DESIGN.md section 2): the schedule's feed (shoot days, prep and wrap
weeks, each cast member's work/hold/travel days from the DOOD, days per location: the
engine's `schedule_feed`) is handed to the budgets app's `budget_reprice_summary`, which
prices the current budget with it and saves nothing (its totals are shared by the web
processes). Money: VIEW_MONEY roles only (None for others, and for a production without a
budget).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lynchpin.budgets.services import RepriceSummary, budget_reprice_summary
from lynchpin.core.errors import NotFound
from lynchpin.engine.budgeting.from_schedule import schedule_feed
from lynchpin.engine.budgeting.schedule_feed import ScheduleFeed
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.dood import day_out_of_days
from lynchpin.schedules.adapters.plan import Plan
from lynchpin.schedules.rights import sees_money

__all__ = ["BudgetEffect", "budget_effect", "effect_of", "feed_of"]


@dataclass(frozen=True, slots=True)
class BudgetEffect:
    """The current budget's grand total now and re-priced from the schedule (printed), the
    difference, how many lines change, and the budget revision the preview was made on."""

    budget_id: int
    name: str
    current: str
    with_schedule: str
    difference: str
    lines: int
    revision: str


def feed_of(plan: Plan) -> ScheduleFeed:
    """The engine's schedule feed of `plan` (prep and wrap weeks from the facts)."""
    dood = day_out_of_days(plan.problem, plan.schedule)
    facts = plan.built.facts
    return schedule_feed(plan.problem, plan.schedule, dood,
                         prep_weeks=Decimal(facts.prep_weeks),
                         wrap_weeks=Decimal(facts.wrap_weeks))


def _printed(amount: Decimal, currency: str) -> str:
    return f"{Money(amount, currency).rounded().amount:,}"


def effect_of(summary: RepriceSummary, currency: str) -> BudgetEffect:
    """The printed effect of a re-pricing preview's totals."""
    change = summary.new_grand_total - summary.old_grand_total
    sign = "+" if change > 0 else ""
    return BudgetEffect(int(summary.version.pk), summary.version.name,
                        _printed(summary.old_grand_total, currency),
                        _printed(summary.new_grand_total, currency),
                        sign + _printed(change, currency), summary.lines, str(summary.revision))


def budget_effect(*, actor: Any, membership: Any, plan: Plan) -> BudgetEffect | None:
    """What re-pricing the current budget from `plan` would change, or None for roles
    without VIEW_MONEY and productions without a budget. `membership` is the actor's, already
    checked by the caller, so a NotFound from the preview can only mean "no budget yet"."""
    if not sees_money(membership):
        return None
    try:
        summary = budget_reprice_summary(actor=actor,
                                         production_id=int(membership.production_id),
                                         feed=feed_of(plan))
    except NotFound:
        return None
    return effect_of(summary, summary.version.currency)
