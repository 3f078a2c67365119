"""Look-ups the conflict checks share: a schedule indexed by strip, and day timings.

`ScheduleView` resolves strip ids once (unknown ids are skipped here; a check reports them).
`day_minutes` is a day's shooting time: its strips' minutes plus a company move between
consecutive strips at different locations (`Move.minutes`, else `Rules.default_move_minutes`).
`call_and_wrap` turns a shoot day into call and wrap datetimes (naive, local): a day with a
NIGHT strip calls at `Rules.night_call`, any other at `Rules.day_call`; it lasts its shooting
time but never less than the standard day (crews are called for a full day).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from lynchpin.engine.scheduling.model import (
    DayPart,
    Location,
    Performer,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
)


@dataclass(frozen=True, slots=True)
class ScheduleView:
    """A problem and a schedule with their ids resolved.

    `placed` maps each scheduled strip id to its first (day, position in the day);
    `times` keeps each day's call and wrap once computed (the rest checks ask for a day's
    times once per person working it).
    """

    problem: ScheduleProblem
    schedule: Schedule
    strips: dict[str, Strip]
    performers: dict[str, Performer]
    locations: dict[str, Location]
    placed: dict[str, tuple[ShootDay, int]]
    times: dict[int, tuple[datetime, datetime]] = field(default_factory=dict)

    def day_strips(self, day: ShootDay) -> list[Strip]:
        """The known strips of `day`, in shooting order."""
        return [self.strips[s] for s in day.strips if s in self.strips]

    def people_on(self, day: ShootDay) -> Iterator[tuple[str, Strip]]:
        """(performer id, strip) for every cast member and element of every strip of `day`."""
        for strip in self.day_strips(day):
            for ident in (*strip.cast, *strip.elements):
                yield ident, strip


def view_of(problem: ScheduleProblem, schedule: Schedule) -> ScheduleView:
    """Index `schedule` against `problem`."""
    placed: dict[str, tuple[ShootDay, int]] = {}
    for day in schedule.days:
        for position, strip_id in enumerate(day.strips):
            placed.setdefault(strip_id, (day, position))
    return ScheduleView(
        problem=problem,
        schedule=schedule,
        strips={strip.id: strip for strip in problem.strips},
        performers={p.id: p for p in problem.performers},
        locations={location.id: location for location in problem.locations},
        placed=placed,
    )


def move_minutes(problem: ScheduleProblem, a: str, b: str) -> int:
    """Minutes a company move from location `a` to `b` takes inside a day (0 if a == b)."""
    if a == b:
        return 0
    for move in problem.moves:
        if {move.a, move.b} == {a, b}:
            return move.minutes
    return problem.rules.default_move_minutes


def day_minutes(view: ScheduleView, day: ShootDay) -> int:
    """Shooting minutes of `day`: strip minutes plus in-day company moves."""
    strips = view.day_strips(day)
    moves = sum(
        move_minutes(view.problem, before.location, after.location)
        for before, after in itertools.pairwise(strips)
    )
    return sum(strip.minutes for strip in strips) + moves


def is_night(strips: list[Strip]) -> bool:
    """A NIGHT day: at least one NIGHT strip (DUSK and DAWN strips keep the day call)."""
    return any(strip.day_part is DayPart.NIGHT for strip in strips)


def call_and_wrap(view: ScheduleView, day: ShootDay) -> tuple[datetime, datetime]:
    """Call and wrap of `day` (see the module docstring)."""
    known = view.times.get(id(day))
    if known is not None:
        return known
    rules = view.problem.rules
    call_minutes = rules.night_call if is_night(view.day_strips(day)) else rules.day_call
    call = datetime.combine(day.date, time()) + timedelta(minutes=call_minutes)
    length = max(day_minutes(view, day), view.problem.capacity.standard_minutes)
    view.times[id(day)] = call, call + timedelta(minutes=length)
    return view.times[id(day)]
