"""Globals fed by a schedule: change the schedule, the budget re-prices, changes are listed.

`ScheduleFeed` is the plain value the scheduling engine produces. `apply_schedule_globals`
sets these globals (adding any that are missing, replacing the value of any that exist):

- ``SHOOT_DAYS``, ``PREP_WEEKS``, ``WRAP_WEEKS``
- per cast member id ``X``: ``CAST_X_WORK``, ``CAST_X_HOLD``, ``CAST_X_TRAVEL`` (days)
- per location id ``Y``: ``LOC_Y_DAYS``
Ids are upper-cased and every character outside ``A-Z 0-9`` becomes ``_`` ("c-1" -> ``C_1``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from lynchpin.engine.budgeting.model import Budget, Global
from lynchpin.engine.budgeting.totals import price_budget


@dataclass(frozen=True, slots=True)
class CastDays:
    """One cast member's days from the day-out-of-days."""

    id: str
    work: int = 0
    hold: int = 0
    travel: int = 0


@dataclass(frozen=True, slots=True)
class LocationDays:
    """Shoot days at one location."""

    id: str
    days: int


@dataclass(frozen=True, slots=True)
class ScheduleFeed:
    """What a schedule tells a budget. Weeks may be fractional (Decimal)."""

    shoot_days: int
    prep_weeks: Decimal = Decimal(0)
    wrap_weeks: Decimal = Decimal(0)
    cast: tuple[CastDays, ...] = ()
    locations: tuple[LocationDays, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """A line whose total (before fringes, budget currency, unrounded) changed."""

    reference: str
    description: str
    old_total: Decimal
    new_total: Decimal


def global_name(prefix: str, ident: str, suffix: str = "") -> str:
    """Global name for an id: ``global_name("CAST", "c-1", "WORK") == "CAST_C_1_WORK"``."""
    cleaned = "".join(ch if ch.isascii() and ch.isalnum() else "_" for ch in ident.upper())
    return "_".join(part for part in (prefix, cleaned, suffix) if part)


def feed_values(feed: ScheduleFeed) -> dict[str, Decimal]:
    """The globals a feed sets, by name."""
    values = {"SHOOT_DAYS": Decimal(feed.shoot_days), "PREP_WEEKS": feed.prep_weeks,
              "WRAP_WEEKS": feed.wrap_weeks}
    for member in feed.cast:
        values[global_name("CAST", member.id, "WORK")] = Decimal(member.work)
        values[global_name("CAST", member.id, "HOLD")] = Decimal(member.hold)
        values[global_name("CAST", member.id, "TRAVEL")] = Decimal(member.travel)
    for place in feed.locations:
        values[global_name("LOC", place.id, "DAYS")] = Decimal(place.days)
    return values


def apply_schedule_globals(budget: Budget, feed: ScheduleFeed) -> tuple[Budget, tuple[Change, ...]]:
    """The budget with the feed's globals set, and the lines whose totals changed (in order)."""
    values = feed_values(feed)
    updated = [replace(g, value=values.pop(g.name)) if g.name in values else g
               for g in budget.globals]
    updated.extend(Global(name, value, "from the schedule") for name, value in values.items())
    new_budget = replace(budget, globals=tuple(updated))
    before, after = price_budget(budget), price_budget(new_budget)
    lines = [line for _, account in budget.accounts() for line in account.lines]
    changes = tuple(
        Change(old.ref, lines[i].description, old.amount.total, new.amount.total)
        for i, (old, new) in enumerate(zip(before.lines, after.lines, strict=True))
        if old.amount.total != new.amount.total)
    return new_budget, changes
