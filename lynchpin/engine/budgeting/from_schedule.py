"""A `ScheduleFeed` from a schedule: what the budget's schedule globals are set to.

`schedule_feed(problem, schedule, dood, prep_weeks=..., wrap_weeks=...)` reads:

- shoot days: the number of distinct shoot dates in `schedule` (two units shooting on one
  date count one company day);
- prep and wrap weeks: given as arguments (a schedule does not know them), Decimal, >= 0;
- each cast member's work, hold and travel days from the day-out-of-days rows of kind CAST
  (animals and vehicles are elements, priced in their own accounts), keyed by performer id;
- days per location: distinct shoot dates with at least one strip at that location, for every
  location of `problem` (0 when not used), keyed by location id.

`apply_schedule_globals(budget, feed)` (schedule_feed.py) then sets ``SHOOT_DAYS``,
``PREP_WEEKS``, ``WRAP_WEEKS``, ``CAST_<ID>_WORK|HOLD|TRAVEL`` and ``LOC_<ID>_DAYS``.
Strip ids in the schedule that `problem` does not know are ignored (the scheduling conflict
checks report them). Raises InputError for negative weeks.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lynchpin.engine.budgeting.schedule_feed import CastDays, LocationDays, ScheduleFeed
from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.dood import Dood
from lynchpin.engine.scheduling.model import PerformerKind, Schedule, ScheduleProblem

__all__ = ["schedule_feed"]


def _location_days(problem: ScheduleProblem, schedule: Schedule) -> tuple[LocationDays, ...]:
    location_of = {strip.id: strip.location for strip in problem.strips}
    dates: dict[str, set[date]] = {place.id: set() for place in problem.locations}
    for day in schedule.days:
        for strip_id in day.strips:
            place = location_of.get(strip_id)
            if place is not None:
                dates.setdefault(place, set()).add(day.date)
    return tuple(LocationDays(place, len(days)) for place, days in dates.items())


def _cast_days(dood: Dood) -> tuple[CastDays, ...]:
    return tuple(CastDays(row.performer, row.work, row.hold, row.travel)
                 for row in dood.rows if row.kind is PerformerKind.CAST)


def schedule_feed(
    problem: ScheduleProblem,
    schedule: Schedule,
    dood: Dood,
    *,
    prep_weeks: Decimal = Decimal(0),
    wrap_weeks: Decimal = Decimal(0),
) -> ScheduleFeed:
    """The feed for `schedule` of `problem` with its `dood` (see the module docstring)."""
    for name, weeks in (("prep_weeks", prep_weeks), ("wrap_weeks", wrap_weeks)):
        if not weeks.is_finite() or weeks < 0:
            raise InputError(f"{name} must be zero or more, not {weeks}", source="schedule feed",
                             field=name)
    return ScheduleFeed(
        shoot_days=len({day.date for day in schedule.days}),
        prep_weeks=prep_weeks,
        wrap_weeks=wrap_weeks,
        cast=_cast_days(dood),
        locations=_location_days(problem, schedule),
    )
