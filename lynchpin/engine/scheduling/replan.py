"""Re-planning a schedule after a disruption, with as few changes as cost allows.

`replan(problem, schedule, disruption, shot=..., change_penalty=...)` re-optimises the days from
the disruption on and minimises cost (`costing.schedule_cost`) + `change_penalty` x the number
of strips whose shoot date changed. Hard: every strip in `shot` stays on its day; days before
the disruption keep their strips; nothing moves into a day before the disruption. A locked
schedule is respected where possible: each change costs `LOCKED_PENALTY_FACTOR` x the penalty.

Disruptions: a performer unavailable on dates (blackouts added; re-plan from the first date),
a location lost from a date (unavailable from then on), a weather day (the exterior strips of
that date cannot be shot there; only the interior cover sets named in `Rules.cover_sets` may
move in; the day stays a paid crew day), a day that ran short (its unshot strips go to a later
day; re-plan from the next date). Raises `InputError` for a disruption naming unknown ids or
dates, and what `solve_schedule` raises.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import CostBreakdown, schedule_cost
from lynchpin.engine.scheduling.model import (
    Availability,
    Schedule,
    ScheduleProblem,
    WorkDay,
)
from lynchpin.engine.scheduling.solver import SolveResult, solve_spec, warm_start_assignment
from lynchpin.engine.scheduling.solver_input import SolveSpec
from lynchpin.engine.screenplay.model import IntExt

#: A change to a locked schedule costs this many times the change penalty.
LOCKED_PENALTY_FACTOR = 10
_EXTERIOR = frozenset({IntExt.EXT, IntExt.INT_EXT})


@dataclass(frozen=True, slots=True)
class PerformerUnavailable:
    """`performer` cannot work on `dates` (e.g. illness)."""

    performer: str
    dates: tuple[date, ...]


@dataclass(frozen=True, slots=True)
class LocationLost:
    """`location` cannot be used from `from_date` on."""

    location: str
    from_date: date


@dataclass(frozen=True, slots=True)
class WeatherDay:
    """Weather rules out exteriors on `date`."""

    date: date


@dataclass(frozen=True, slots=True)
class DayRanShort:
    """The shoot day on `date` ended with `unshot` strips not shot."""

    date: date
    unshot: tuple[str, ...]


Disruption = PerformerUnavailable | LocationLost | WeatherDay | DayRanShort


@dataclass(frozen=True, slots=True)
class StripChange:
    """A strip whose shoot date changed (None: not scheduled)."""

    strip: str
    old_day: date | None
    new_day: date | None


@dataclass(frozen=True, slots=True)
class ReplanResult:
    """The new schedule, the strips that changed date, its cost (without penalties), the
    penalties charged, and the optimiser's result (bound, status)."""

    schedule: Schedule
    diff: tuple[StripChange, ...]
    cost: CostBreakdown
    penalty: Money
    solve: SolveResult


def _blackouts(availability: Availability, dates: list[date]) -> Availability:
    return replace(availability, blackouts=tuple(sorted({*availability.blackouts, *dates})))


def disrupted_problem(problem: ScheduleProblem, disruption: Disruption) -> ScheduleProblem:
    """`problem` with the availability the disruption removes (performer or location)."""
    if isinstance(disruption, PerformerUnavailable):
        if disruption.performer not in {p.id for p in problem.performers}:
            raise InputError(f"unknown performer {disruption.performer!r}", field="performer")
        if not disruption.dates:
            raise InputError("no dates given", field="dates")
        performers = tuple(
            replace(p, availability=_blackouts(p.availability, list(disruption.dates)))
            if p.id == disruption.performer else p
            for p in problem.performers
        )
        return replace(problem, performers=performers)
    if isinstance(disruption, LocationLost):
        if disruption.location not in {loc.id for loc in problem.locations}:
            raise InputError(f"unknown location {disruption.location!r}", field="location")
        lost = [d.date for d in problem.days if d.date >= disruption.from_date]
        locations = tuple(
            replace(loc, availability=_blackouts(loc.availability, lost))
            if loc.id == disruption.location else loc
            for loc in problem.locations
        )
        return replace(problem, locations=locations)
    return problem


def replan_from(disruption: Disruption) -> date:
    """The first date whose strips may change."""
    if isinstance(disruption, PerformerUnavailable):
        return min(disruption.dates)
    if isinstance(disruption, LocationLost):
        return disruption.from_date
    if isinstance(disruption, WeatherDay):
        return disruption.date
    return disruption.date + timedelta(days=1)


def _candidate_days(problem: ScheduleProblem, schedule: Schedule, start: date) -> tuple[
        WorkDay, ...]:
    past = [WorkDay(day.number, day.date) for day in schedule.days if day.date < start]
    future = {d.date: d for d in problem.days if d.date >= start}
    for day in schedule.days:
        if day.date >= start and day.date not in future:
            future[day.date] = WorkDay(day.number, day.date)
    return (*past, *sorted(future.values(), key=lambda d: d.date))


def _weather_limits(problem: ScheduleProblem, schedule: Schedule, day: date,
                    index: int) -> set[tuple[str, int]]:
    """Strips that may not be on the weather day: its exteriors, and any strip not already
    there that is not a cover set of one of them."""
    there = schedule.days[[d.date for d in schedule.days].index(day)].strips if any(
        d.date == day for d in schedule.days) else ()
    exteriors = {s.id for s in problem.strips if s.id in there and s.int_ext in _EXTERIOR}
    covers = {inside for inside, outside in problem.rules.cover_sets if outside in exteriors}
    allowed = (set(there) - exteriors) | covers
    return {(s.id, index) for s in problem.strips if s.id not in allowed}


def _spec(problem: ScheduleProblem, schedule: Schedule, disruption: Disruption,
          shot: frozenset[str], penalty: int) -> SolveSpec:
    start = replan_from(disruption)
    days = _candidate_days(problem, schedule, start)
    index = {day.date: n for n, day in enumerate(days)}
    past = {n for n, day in enumerate(days) if day.date < start}
    unshot = set(disruption.unshot) if isinstance(disruption, DayRanShort) else set()
    old = {s: index.get(d.date) for d in schedule.days for s in d.strips}
    fixed = {s: n for s, n in old.items()
             if n is not None and (s in shot or (n in past and s not in unshot))}
    free = [s.id for s in problem.strips if s.id not in fixed]
    forbidden = {(s, n) for s in free for n in past}
    forced = set(past)
    if isinstance(disruption, WeatherDay):
        if disruption.date not in index:
            raise InputError(f"{disruption.date} is not a shoot day", field="date")
        weather = index[disruption.date]
        forbidden |= {pair for pair in _weather_limits(problem, schedule, disruption.date,
                                                       weather) if pair[0] not in fixed}
        forced.add(weather)
    penalties = {s: (old.get(s), penalty) for s in free}
    return SolveSpec(problem, days, fixed, frozenset(forbidden), frozenset(forced), penalties,
                     idle_days_allowed=True)


def _check(schedule: Schedule, disruption: Disruption) -> None:
    if isinstance(disruption, DayRanShort):
        day = next((d for d in schedule.days if d.date == disruption.date), None)
        if day is None:
            raise InputError(f"{disruption.date} is not a day of the schedule", field="date")
        missing = [s for s in disruption.unshot if s not in day.strips]
        if missing:
            raise InputError(f"not on {disruption.date}: {', '.join(missing)}", field="unshot")


def diff_schedules(old: Schedule, new: Schedule, strip_ids: tuple[str, ...]) -> tuple[
        StripChange, ...]:
    """Strips (in `strip_ids` order) whose date differs between `old` and `new`."""
    def date_of(schedule: Schedule, strip_id: str) -> date | None:
        day = schedule.day_of(strip_id)
        return None if day is None else day.date

    changes = ((s, date_of(old, s), date_of(new, s)) for s in strip_ids)
    return tuple(StripChange(s, before, after) for s, before, after in changes if before != after)


def replan(
    problem: ScheduleProblem,
    schedule: Schedule,
    disruption: Disruption,
    *,
    shot: frozenset[str],
    change_penalty: Money,
    time_limit: float = 10.0,
) -> ReplanResult:
    """Re-plan `schedule` after `disruption` (see the module docstring for the rules)."""
    _check(schedule, disruption)
    changed = disrupted_problem(problem, disruption)
    factor = LOCKED_PENALTY_FACTOR if schedule.locked else 1
    penalty = (change_penalty * factor).in_minor_units()
    spec = _spec(changed, schedule, disruption, shot, penalty)
    result = solve_spec(spec, time_limit=time_limit, hint=warm_start_assignment(spec, schedule))
    new = replace(result.schedule, banners=schedule.banners, locked=schedule.locked,
                  version=schedule.version + 1, name=schedule.name)
    diff = diff_schedules(schedule, new, tuple(s.id for s in problem.strips))
    return ReplanResult(new, diff, schedule_cost(problem, new),
                        change_penalty * factor * len(diff), result)
