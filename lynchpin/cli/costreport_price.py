"""The steps behind ``lynchpin price-budget``: schedule files -> `ScheduleFeed` -> re-priced
budget and the list of changed lines.

The schedule is re-joined with its script and production file (as ``schedule replan`` does) so
the DOOD and the days per location come from the same strips the schedule was planned with.
Prep and wrap weeks come from the options, else from the budget's own ``PREP_WEEKS`` /
``WRAP_WEEKS`` when they are plain numbers, else 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lynchpin.cli.schedule_steps import load_plan, read_text_file
from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.budgeting.schedule_feed import Change, ScheduleFeed
from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money

__all__ = ["PricedBudget", "price_from_schedule"]


@dataclass(frozen=True, slots=True)
class PricedBudget:
    """A budget re-priced from a schedule: the feed, the new budget, the changed lines and the
    grand totals before and after (unrounded)."""

    feed: ScheduleFeed
    budget: Budget
    changes: tuple[Change, ...]
    before: Money
    after: Money


def _weeks(option: str | None, budget: Budget, name: str) -> Decimal:
    if option is not None:
        try:
            value = Decimal(option)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite() or value < 0:
            raise InputError(f"--{name.lower().replace('_', '-')}: expected a number of weeks "
                             f"(0 or more), found {option!r}", source="price-budget")
        return value
    current = next((g.value for g in budget.globals if g.name == name), Decimal(0))
    return current if isinstance(current, Decimal) else Decimal(0)


def price_from_schedule(budget: Budget, schedule: Path, production: Path, script: Path, *,
                        prep_weeks: str | None, wrap_weeks: str | None) -> PricedBudget:
    """Read the schedule (with its script and production file) and re-price `budget`."""
    from lynchpin.documents.schedule_json import read_schedule_json
    from lynchpin.engine.budgeting.from_schedule import schedule_feed
    from lynchpin.engine.budgeting.schedule_feed import apply_schedule_globals
    from lynchpin.engine.budgeting.totals import budget_total
    from lynchpin.engine.scheduling.dood import day_out_of_days

    loaded = load_plan(script, production)
    current = read_schedule_json(read_text_file(schedule), source=str(schedule))
    feed = schedule_feed(loaded.problem, current, day_out_of_days(loaded.problem, current),
                         prep_weeks=_weeks(prep_weeks, budget, "PREP_WEEKS"),
                         wrap_weeks=_weeks(wrap_weeks, budget, "WRAP_WEEKS"))
    priced, changes = apply_schedule_globals(budget, feed)
    return PricedBudget(feed, priced, changes, budget_total(budget), budget_total(priced))
