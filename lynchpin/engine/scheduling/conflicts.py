"""Conflict checks: everything wrong with a schedule, as `Violation` values, all at once.

Each rule is a small function ``check_<rule>(view) -> Iterator[Violation]`` registered in
`CHECKS` (a tuple of (rule name, function)); `check_schedule` runs them all in that order.
Rule names are stable (docs/scheduling/conflicts.md lists them); every violation is an
ERROR except ``strip.unscheduled`` (a WARNING). References name the strip, performer,
location or shoot day concerned.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import date

from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.scheduling.conflicts_view import (
    ScheduleView,
    call_and_wrap,
    day_minutes,
    view_of,
)
from lynchpin.engine.scheduling.model import PerformerKind, Schedule, ScheduleProblem, ShootDay
from lynchpin.engine.units import format_eighths

__all__ = ["CHECKS", "check_schedule"]

Check = Callable[[ScheduleView], Iterator[Violation]]


def _error(rule: str, message: str, reference: str) -> Violation:
    return Violation(rule, Severity.ERROR, message, reference)


def _day_ref(day: ShootDay) -> str:
    return f"day {day.number} ({day.date.isoformat()}, {day.unit})"


def check_strip_unknown(view: ScheduleView) -> Iterator[Violation]:
    """A scheduled or boneyard strip id the problem does not have."""
    listed = [s for day in view.schedule.days for s in day.strips] + list(view.schedule.boneyard)
    for strip_id in dict.fromkeys(listed):
        if strip_id not in view.strips:
            yield _error("strip.unknown", f"strip {strip_id} is not in the problem", strip_id)


def check_strip_duplicated(view: ScheduleView) -> Iterator[Violation]:
    """A strip listed more than once (on days and in the boneyard together)."""
    counts = Counter(s for day in view.schedule.days for s in day.strips)
    counts.update(view.schedule.boneyard)
    for strip_id, count in counts.items():
        if count > 1:
            yield _error("strip.duplicated", f"strip {strip_id} appears {count} times", strip_id)


def check_strip_unscheduled(view: ScheduleView) -> Iterator[Violation]:
    """A strip of the problem on no shoot day (in the boneyard, or missing altogether)."""
    boneyard = set(view.schedule.boneyard)
    for strip_id in view.strips:
        if strip_id in view.placed:
            continue
        where = "is in the boneyard" if strip_id in boneyard else "is on no shoot day"
        yield Violation(
            "strip.unscheduled", Severity.WARNING, f"strip {strip_id} {where}", strip_id
        )


def check_day_not_a_work_day(view: ScheduleView) -> Iterator[Violation]:
    """A shoot day on a date that is not one of the problem's work days."""
    allowed = frozenset(day.date for day in view.problem.days)
    for day in view.schedule.days:
        if day.date not in allowed:
            yield _error(
                "day.not_a_work_day", f"{day.date.isoformat()} is not a work day", _day_ref(day)
            )


def check_performer_unavailable(view: ScheduleView) -> Iterator[Violation]:
    """A performer working outside their availability or engagement dates."""
    for day in view.schedule.days:
        for ident in dict.fromkeys(i for i, _ in view.people_on(day)):
            performer = view.performers.get(ident)
            if performer is None:
                continue
            early = performer.earliest_start and day.date < performer.earliest_start
            late = performer.latest_finish and day.date > performer.latest_finish
            if early or late or not performer.availability.allows(day.date):
                yield _error(
                    "performer.unavailable",
                    f"{performer.name} is not available on {day.date.isoformat()}",
                    f"{ident} {_day_ref(day)}",
                )


def _booked_units(view: ScheduleView, what: Callable[[ShootDay], set[str]]) -> Iterator[
    tuple[str, date, list[str]]
]:  # fmt: skip
    """(thing, date, units) for every thing used by more than one unit on one date."""
    units: dict[tuple[str, date], set[str]] = defaultdict(set)
    for day in view.schedule.days:
        for thing in what(day):
            units[(thing, day.date)].add(day.unit)
    for (thing, day_date), seen in units.items():
        if len(seen) > 1:
            yield thing, day_date, sorted(seen)


def check_performer_double_booked(view: ScheduleView) -> Iterator[Violation]:
    """The same performer on two units on the same date."""

    def _people(day: ShootDay) -> set[str]:
        return {ident for ident, _ in view.people_on(day)}

    for ident, day_date, units in _booked_units(view, _people):
        yield _error(
            "performer.double_booked",
            f"{ident} is on units {', '.join(units)} on {day_date.isoformat()}",
            f"{ident} {day_date.isoformat()}",
        )


def check_location_unavailable(view: ScheduleView) -> Iterator[Violation]:
    """A strip shot at a location outside the location's availability (permit) dates."""
    for day in view.schedule.days:
        for strip in view.day_strips(day):
            location = view.locations.get(strip.location)
            if location is not None and not location.availability.allows(day.date):
                yield _error(
                    "location.unavailable",
                    f"{location.name} is not available on {day.date.isoformat()} "
                    f"(strip {strip.id})",
                    f"{strip.id} {_day_ref(day)}",
                )


def check_location_double_booked(view: ScheduleView) -> Iterator[Violation]:
    """The same location used by two units on the same date."""

    def _places(day: ShootDay) -> set[str]:
        return {strip.location for strip in view.day_strips(day)}

    for place, day_date, units in _booked_units(view, _places):
        yield _error(
            "location.double_booked",
            f"{place} is used by units {', '.join(units)} on {day_date.isoformat()}",
            f"{place} {day_date.isoformat()}",
        )


def check_day_over_capacity(view: ScheduleView) -> Iterator[Violation]:
    """A day longer than the maximum day (strip minutes plus moves), or over the page cap."""
    capacity = view.problem.capacity
    for day in view.schedule.days:
        minutes = day_minutes(view, day)
        if minutes > capacity.max_minutes:
            yield _error(
                "day.over_capacity",
                f"{minutes} minutes of work, more than the {capacity.max_minutes}-minute day",
                _day_ref(day),
            )
        eighths = sum(strip.eighths for strip in view.day_strips(day))
        if capacity.max_eighths is not None and eighths > capacity.max_eighths:
            yield _error(
                "day.over_capacity",
                f"{format_eighths(eighths)} pages, more than "
                f"{format_eighths(capacity.max_eighths)} a day",
                _day_ref(day),
            )


def _short_rests(view: ScheduleView, days: list[ShootDay], hours: int) -> Iterator[
    tuple[ShootDay, ShootDay, float]
]:  # fmt: skip
    """(day, next day, rest hours) for consecutive days with less than `hours` between."""
    ordered = sorted(days, key=lambda d: (d.date, d.number))
    for before, after in itertools.pairwise(ordered):
        if before.date == after.date:
            continue
        wrap = call_and_wrap(view, before)[1]
        call = call_and_wrap(view, after)[0]
        rest = (call - wrap).total_seconds() / 3600
        if rest < hours:
            yield before, after, rest


def check_rest_crew(view: ScheduleView) -> Iterator[Violation]:
    """Crew turnaround: less than `crew_rest_hours` from one day's wrap to a unit's next call."""
    units: dict[str, list[ShootDay]] = defaultdict(list)
    for day in view.schedule.days:
        units[day.unit].append(day)
    hours = view.problem.rules.crew_rest_hours
    for days in units.values():
        for before, after, rest in _short_rests(view, days, hours):
            yield _error(
                "rest.crew",
                f"{rest:.1f} h between wrap on {before.date.isoformat()} and call on "
                f"{after.date.isoformat()}, less than the {hours} h crew rest",
                _day_ref(after),
            )


def check_rest_cast(view: ScheduleView) -> Iterator[Violation]:
    """Cast turnaround: less than `cast_rest_hours` between a cast member's working days
    (animals, vehicles and other elements have no rest rule here)."""
    days_of: dict[str, list[ShootDay]] = defaultdict(list)
    for day in view.schedule.days:
        for ident in dict.fromkeys(i for i, _ in view.people_on(day)):
            performer = view.performers.get(ident)
            if performer is not None and performer.kind is PerformerKind.CAST:
                days_of[ident].append(day)
    hours = view.problem.rules.cast_rest_hours
    for ident, days in days_of.items():
        for before, after, rest in _short_rests(view, days, hours):
            yield _error(
                "rest.cast",
                f"{view.performers[ident].name} rests {rest:.1f} h between "
                f"{before.date.isoformat()} and {after.date.isoformat()}, less than {hours} h",
                f"{ident} {_day_ref(after)}",
            )


def check_precedence(view: ScheduleView) -> Iterator[Violation]:
    """A strip that must come before another (`Rules.precedences`) shot after it."""
    for first, second in view.problem.rules.precedences:
        if first not in view.placed or second not in view.placed:
            continue
        (day_a, pos_a), (day_b, pos_b) = view.placed[first], view.placed[second]
        late = day_a.date > day_b.date or (day_a is day_b and pos_a > pos_b)
        if late:
            yield _error(
                "precedence",
                f"strip {first} must be shot before strip {second}",
                f"{first} {second}",
            )


def check_same_day(view: ScheduleView) -> Iterator[Violation]:
    """Strips that must share a day (`Rules.same_day`) scheduled on different days."""
    for group in view.problem.rules.same_day:
        days = {id(view.placed[s][0]) for s in group if s in view.placed}
        if len(days) > 1:
            yield _error(
                "same_day",
                f"strips {', '.join(group)} must be shot on one day, found on {len(days)}",
                " ".join(group),
            )


def check_pinned(view: ScheduleView) -> Iterator[Violation]:
    """A strip pinned to a date (`Rules.pinned`) not shot on that date."""
    for strip_id, pinned in view.problem.rules.pinned:
        placed = view.placed.get(strip_id)
        if placed is None or placed[0].date != pinned:
            where = placed[0].date.isoformat() if placed else "no shoot day"
            yield _error(
                "pinned",
                f"strip {strip_id} is pinned to {pinned.isoformat()} but is on {where}",
                strip_id,
            )


def check_minor_hours(view: ScheduleView) -> Iterator[Violation]:
    """A performer with a daily limit (`max_minutes`, minors) working longer than it."""
    for day in view.schedule.days:
        minutes: Counter[str] = Counter()
        for ident, strip in view.people_on(day):
            minutes[ident] += strip.minutes
        for ident, total in minutes.items():
            performer = view.performers.get(ident)
            if performer is None or performer.max_minutes is None:
                continue
            if total > performer.max_minutes:
                yield _error(
                    "minor.hours",
                    f"{performer.name} works {total} minutes, more than {performer.max_minutes}",
                    f"{ident} {_day_ref(day)}",
                )


#: Every check, in the order reports list them.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("strip.unknown", check_strip_unknown),
    ("strip.duplicated", check_strip_duplicated),
    ("strip.unscheduled", check_strip_unscheduled),
    ("day.not_a_work_day", check_day_not_a_work_day),
    ("performer.unavailable", check_performer_unavailable),
    ("performer.double_booked", check_performer_double_booked),
    ("location.unavailable", check_location_unavailable),
    ("location.double_booked", check_location_double_booked),
    ("day.over_capacity", check_day_over_capacity),
    ("rest.crew", check_rest_crew),
    ("rest.cast", check_rest_cast),
    ("precedence", check_precedence),
    ("same_day", check_same_day),
    ("pinned", check_pinned),
    ("minor.hours", check_minor_hours),
)


def check_schedule(problem: ScheduleProblem, schedule: Schedule) -> tuple[Violation, ...]:
    """Every violation of every check in `CHECKS` (empty when the schedule is clean)."""
    view = view_of(problem, schedule)
    return tuple(violation for _, check in CHECKS for violation in check(view))
