"""The engine's conflict checks, tied to the strips (and days) that cause them.

`check_schedule` returns `Violation`s whose `reference` names what is concerned in a stable
form per rule (docs/scheduling/conflicts.md). `board_conflicts` reads it back into the strip
ids to mark on the board:

- a strip rule (unknown, duplicated, unscheduled, pinned): that strip;
- a performer on a day (unavailable, cast rest, minor's hours): their strips of that day;
- double bookings (performer, location on a date): the strips of that date using them;
- a location unavailable: the strip named; precedence and same-day groups: the strips named;
- a day over capacity: the strips from the first one that takes the day past its maximum
  length or page cap (the strips that cause it), in shooting order;
- a day that is not a work day, crew rest: the day itself (its day break), no strip.

Pure apart from reading the values it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lynchpin.engine.errors import Violation
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.conflicts_view import move_minutes
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem, ShootDay, Strip

__all__ = ["StripConflict", "board_conflicts"]

_DAY_REF = re.compile(r"^(?P<head>.*?)\s*day (?P<number>\d+) \((?P<date>[\d-]+), [^)]*\)$")


@dataclass(frozen=True, slots=True)
class StripConflict:
    """A violation with the strip ids it is shown on and the day number it concerns
    (None: no single day)."""

    rule: str
    severity: str
    message: str
    strips: tuple[str, ...]
    day: int | None


@dataclass(frozen=True)
class _Index:
    problem: ScheduleProblem
    schedule: Schedule
    strips: dict[str, Strip]
    days: dict[int, ShootDay]

    def strips_of(self, day: ShootDay, who: str | None = None) -> tuple[str, ...]:
        """Strips of `day` (those of performer or location `who` when given)."""
        return tuple(s for s in day.strips if s in self.strips and (
            who is None or who in (*self.strips[s].cast, *self.strips[s].elements)
            or who == self.strips[s].location))

    def on_date(self, when: date, who: str) -> tuple[str, ...]:
        """Strips of every day on date `when` that performer or location `who` is in."""
        return tuple(s for day in self.schedule.days if day.date == when
                     for s in self.strips_of(day, who))


def _over_capacity(index: _Index, day: ShootDay) -> tuple[str, ...]:
    capacity = index.problem.capacity
    minutes = eighths = 0
    previous: Strip | None = None
    for position, strip_id in enumerate(day.strips):
        strip = index.strips.get(strip_id)
        if strip is None:
            continue
        if previous is not None:
            minutes += move_minutes(index.problem, previous.location, strip.location)
        minutes += strip.minutes
        eighths += strip.eighths
        previous = strip
        over_pages = capacity.max_eighths is not None and eighths > capacity.max_eighths
        if minutes > capacity.max_minutes or over_pages:
            return tuple(s for s in day.strips[position:] if s in index.strips)
    return ()


def _tie(index: _Index, violation: Violation) -> tuple[tuple[str, ...], int | None]:
    rule, ref = violation.rule, violation.reference
    if rule.startswith("strip.") or rule == "pinned":
        return ((ref,) if ref in index.strips else ()), None
    match = _DAY_REF.match(ref)
    day = index.days.get(int(match["number"])) if match else None
    number = day.number if day else None
    if rule in ("performer.unavailable", "rest.cast", "minor.hours") and day and match:
        return index.strips_of(day, match["head"]), number
    if rule == "location.unavailable" and match:
        return ((match["head"],) if match["head"] in index.strips else ()), number
    if rule == "day.over_capacity" and day:
        return _over_capacity(index, day), number
    if rule in ("performer.double_booked", "location.double_booked"):
        who, _, when = ref.rpartition(" ")
        try:
            return index.on_date(date.fromisoformat(when), who), None
        except ValueError:
            return (), None
    if rule in ("precedence", "same_day"):
        return tuple(s for s in ref.split() if s in index.strips), None
    return (), number


def board_conflicts(problem: ScheduleProblem, schedule: Schedule) -> tuple[StripConflict, ...]:
    """Every violation of `schedule` (engine `check_schedule`), tied to strips and days."""
    index = _Index(problem, schedule, {s.id: s for s in problem.strips},
                   {day.number: day for day in schedule.days})
    found = []
    for violation in check_schedule(problem, schedule):
        strips, day = _tie(index, violation)
        found.append(StripConflict(violation.rule, str(violation.severity), violation.message,
                                   strips, day))
    return tuple(found)
