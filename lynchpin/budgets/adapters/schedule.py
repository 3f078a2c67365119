"""Re-pricing from a schedule feed: which globals change, which lines change, before saving.

A feed is the engine's value: a `ScheduleFeed` (engine budgeting/schedule_feed.py) or the
mapping of global values it stands for (`feed_values(feed)`: ``SHOOT_DAYS``,
``PREP_WEEKS``, ``WRAP_WEEKS``, ``CAST_<ID>_WORK|HOLD|TRAVEL``, ``LOC_<ID>_DAYS`` -> Decimal).
Only globals marked schedule-fed follow it, each through its own feed key; the preview lists
every line whose total changes (old -> new), the feed keys no global follows and the fed
globals the feed does not mention. Nothing is saved here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from lynchpin.budgets.adapters.cache import PricedBudget
from lynchpin.core.errors import Invalid
from lynchpin.engine.budgeting.model import Budget, Formula
from lynchpin.engine.budgeting.reprice import reprice_globals
from lynchpin.engine.budgeting.schedule_feed import ScheduleFeed, feed_values
from lynchpin.engine.budgeting.totals import Pricing

__all__ = ["Feed", "GlobalChange", "LineChange", "SchedulePreview", "feed_mapping",
           "schedule_preview"]

Feed = ScheduleFeed | Mapping[str, Decimal]


@dataclass(frozen=True, slots=True)
class GlobalChange:
    """A schedule-fed global whose value the feed changes (`old` as stored text)."""

    name: str
    feed_key: str
    old: str
    new: Decimal


@dataclass(frozen=True, slots=True)
class LineChange:
    """A line whose total (before fringes, budget currency, full precision) changes."""

    line_id: int
    account: str
    description: str
    old_total: Decimal
    new_total: Decimal


@dataclass(frozen=True)
class SchedulePreview:
    """What applying a feed would do; `budget`/`pricing` are the budget after it."""

    globals: tuple[GlobalChange, ...]
    lines: tuple[LineChange, ...]
    unused_keys: tuple[str, ...]
    missing_keys: tuple[str, ...]
    old_grand_total: Decimal
    new_grand_total: Decimal
    budget: Budget
    pricing: Pricing


#: Schedule values are counts of days and weeks: anything this large is a typing error.
FEED_LIMIT = Decimal(10) ** 9


def feed_mapping(feed: Feed) -> dict[str, Decimal]:
    """The feed as ``{key: value}``; raises Invalid naming a key whose value is not a finite
    Decimal (floats are refused: they are not exact) or is a billion or more."""
    values = feed_values(feed) if isinstance(feed, ScheduleFeed) else dict(feed)
    for key, value in values.items():
        if not isinstance(value, Decimal) or not value.is_finite():
            raise Invalid(f"Schedule value {key} must be a number, not {value!r}.",
                          fields={key: ["Enter a number."]})
        if abs(value) >= FEED_LIMIT:
            raise Invalid(f"Schedule value {key} is too large ({value}).",
                          fields={key: ["Enter a number of days or weeks."]})
    return values


def _changed_globals(budget: Budget, links: Mapping[str, str],
                     values: Mapping[str, Decimal]) -> tuple[GlobalChange, ...]:
    changes = []
    for item in budget.globals:
        key = links.get(item.name)
        if key is None or key not in values:
            continue
        new = values[key]
        if isinstance(item.value, Formula) or item.value != new:
            old = f"={item.value.text}" if isinstance(item.value, Formula) else str(item.value)
            changes.append(GlobalChange(item.name, key, old, new))
    return tuple(changes)


def schedule_preview(priced: PricedBudget, links: Mapping[str, str],
                     feed: Feed) -> SchedulePreview:
    """The changes `feed` makes to `priced` through `links` (global name -> feed key);
    computed once per priced state, links and feed values (a board shows the same schedule
    many times; a strip moved back finds its earlier preview)."""
    values = feed_mapping(feed)
    printed = tuple(sorted((name, str(value)) for name, value in values.items()))  # 2 != 2.0
    key = ("schedule_preview", tuple(sorted(links.items())), printed)
    return priced.derived(key, lambda: _preview(priced, links, values))


def _preview(priced: PricedBudget, links: Mapping[str, str],
             values: Mapping[str, Decimal]) -> SchedulePreview:
    budget = priced.budget
    changes = _changed_globals(budget, links, values)
    new_values = {change.name: change.new for change in changes}
    new_budget = replace(budget, globals=tuple(
        replace(g, value=new_values[g.name]) if g.name in new_values else g
        for g in budget.globals))
    before = priced.pricing
    after = reprice_globals(before, new_budget.globals) if changes else before
    descriptions = [line for _, account in budget.accounts() for line in account.lines]
    lines = tuple(
        LineChange(priced.loaded.line_ids[n], old.account, descriptions[n].description,
                   old.amount.total, new.amount.total)
        for n, (old, new) in enumerate(zip(before.lines, after.lines, strict=True))
        if old.amount.total != new.amount.total)
    followed = set(links.values())
    return SchedulePreview(
        changes, lines, tuple(sorted(set(values) - followed)),
        tuple(sorted(name for name, key in links.items() if key not in values)),
        before.grand_total, after.grand_total, new_budget, after)
