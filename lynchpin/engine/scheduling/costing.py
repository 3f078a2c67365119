"""What a schedule costs: the single source of truth for schedule cost.

`schedule_cost(problem, schedule)` prices a `Schedule` against its `ScheduleProblem`; the
optimiser's objective is built to agree with it (see docs/scheduling/optimiser.md).

Cost formula (all `Money` in the problem's currency):

- crew: one `crew_daily_cost` per shoot day listed in the schedule (an empty listed day, e.g. a
  weather day with no cover, is still a paid crew day);
- performers: paid days x `daily_rate`, by the one engagement rule of
  `engagement.paid_spans` (shared with the DOOD and mirrored by the optimiser): work days;
  hold days, the *shoot dates* strictly between two consecutive work dates (weekends,
  holidays and other non-shoot dates are not counted, as in Movie Magic's DOOD), unless the
  gap is dropped (drop/pick-up allowed, more than `drop_min_gap_days` calendar days between,
  the hold days saved exceed `travel_days`; at most one drop per performer, where it saves
  most); and `travel_days` paid travel days before the start and each pick-up. A performer
  with `holds_allowed=False` is a day player: paid for work (and travel) days only. Weekly
  deals are out of scope;
- locations: `daily_cost` per shoot day on which at least one strip is at the location;
- moves between days: `Move.cost` from the last location of a day to the first location of the
  next listed day (missing pairs: `Rules.default_move_cost`, or nothing when that is None);
- moves inside a day cost minutes, not money: `Move.minutes` (missing pairs:
  `Rules.default_move_minutes`) between consecutive strips at different locations;
- overtime: per day, minutes beyond `capacity.standard_minutes` (strip minutes plus in-day move
  minutes); the total overtime minutes x `overtime_hourly_cost` / 60 is rounded half-up to the
  currency's minor unit once (the only rounding in this module).

Raises `InputError` when the schedule names a strip, performer or location the problem lacks.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money, total
from lynchpin.engine.scheduling.engagement import paid_spans
from lynchpin.engine.scheduling.model import (
    Performer,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
)


@dataclass(frozen=True, slots=True)
class PerformerCost:
    """One performer's paid days: `work_days` + `hold_days` + `travel_days` are paid;
    `dropped_days` are shoot days inside `drop_pickups` dropped gaps (unpaid); `work`, `hold`
    and `travel` the amounts."""

    performer: str
    work_days: int
    hold_days: int
    dropped_days: int
    drop_pickups: int
    work: Money
    hold: Money
    travel_days: int = 0
    travel: Money | None = None

    @property
    def paid_days(self) -> int:
        """Work, hold and travel days (the DOOD's paid total without fittings/rehearsals)."""
        return self.work_days + self.hold_days + self.travel_days

    @property
    def cost(self) -> Money:
        """Work, hold and travel pay."""
        travel = Money.zero(self.work.currency) if self.travel is None else self.travel
        return self.work + self.hold + travel


@dataclass(frozen=True, slots=True)
class LocationCost:
    """Days at one location and their cost."""

    location: str
    days: int
    cost: Money


@dataclass(frozen=True, slots=True)
class MoveCharge:
    """A company move between shoot day `after_day` (a day number) and the next listed day."""

    after_day: int
    from_location: str
    to_location: str
    cost: Money


@dataclass(frozen=True, slots=True)
class DayLoad:
    """One shoot day's length in minutes: strips, in-day moves, and overtime beyond standard."""

    day: int
    strip_minutes: int
    move_minutes: int
    in_day_moves: int
    overtime_minutes: int

    @property
    def minutes(self) -> int:
        """Strip minutes plus in-day move minutes."""
        return self.strip_minutes + self.move_minutes


@dataclass(frozen=True, slots=True)
class CostBreakdown:
    """A schedule's cost by component; `total` is their sum."""

    currency: str
    crew_days: int
    crew: Money
    performers: tuple[PerformerCost, ...]
    locations: tuple[LocationCost, ...]
    moves: tuple[MoveCharge, ...]
    days: tuple[DayLoad, ...]
    overtime: Money
    total: Money

    @property
    def cast_work(self) -> Money:
        """Pay for days worked, all performers."""
        return total([p.work for p in self.performers], self.currency)

    @property
    def cast_hold(self) -> Money:
        """Pay for hold days, all performers."""
        return total([p.hold for p in self.performers], self.currency)

    @property
    def cast_travel(self) -> Money:
        """Pay for travel days (before starts and pick-ups), all performers."""
        return total([p.travel for p in self.performers if p.travel is not None],
                     self.currency)

    @property
    def location_total(self) -> Money:
        """All location days."""
        return total([loc.cost for loc in self.locations], self.currency)

    @property
    def move_total(self) -> Money:
        """All between-day company moves."""
        return total([move.cost for move in self.moves], self.currency)

    @property
    def overtime_minutes(self) -> int:
        """Overtime minutes over all days."""
        return sum(day.overtime_minutes for day in self.days)


def move_between(problem: ScheduleProblem, first: str, second: str) -> tuple[int, Money]:
    """Minutes and cost of moving the company from location `first` to `second` (either
    direction of a `Move`; defaults from `Rules` when no `Move` names the pair; zero when equal)."""
    zero = Money.zero(problem.currency)
    if first == second:
        return 0, zero
    for move in problem.moves:
        if {move.a, move.b} == {first, second}:
            return move.minutes, move.cost
    rules = problem.rules
    return rules.default_move_minutes, rules.default_move_cost or zero


def strip_index(problem: ScheduleProblem) -> dict[str, Strip]:
    """Strips by id."""
    return {strip.id: strip for strip in problem.strips}


def performer_index(problem: ScheduleProblem) -> dict[str, Performer]:
    """Performers by id."""
    return {performer.id: performer for performer in problem.performers}


def _day_strips(schedule: Schedule, strips: dict[str, Strip]) -> list[list[Strip]]:
    result: list[list[Strip]] = []
    for day in schedule.days:
        for strip_id in day.strips:
            if strip_id not in strips:
                raise InputError(f"unknown strip {strip_id!r}", field=f"day {day.number}")
        result.append([strips[strip_id] for strip_id in day.strips])
    return result


def _day_load(problem: ScheduleProblem, day: ShootDay, strips: list[Strip]) -> DayLoad:
    move_minutes = 0
    moves = 0
    for before, after in itertools.pairwise(strips):
        if before.location != after.location:
            move_minutes += move_between(problem, before.location, after.location)[0]
            moves += 1
    strip_minutes = sum(strip.minutes for strip in strips)
    overtime = max(0, strip_minutes + move_minutes - problem.capacity.standard_minutes)
    return DayLoad(day.number, strip_minutes, move_minutes, moves, overtime)


def _between_moves(
    problem: ScheduleProblem, schedule: Schedule, day_strips: list[list[Strip]]
) -> tuple[MoveCharge, ...]:
    charges: list[MoveCharge] = []
    for index in range(len(day_strips) - 1):
        today, tomorrow = day_strips[index], day_strips[index + 1]
        if today and tomorrow and today[-1].location != tomorrow[0].location:
            cost = move_between(problem, today[-1].location, tomorrow[0].location)[1]
            charges.append(
                MoveCharge(schedule.days[index].number, today[-1].location,
                           tomorrow[0].location, cost)
            )
    return tuple(charges)


def performer_cost(
    performer: Performer, work_dates: Collection[date], schedule: Schedule
) -> PerformerCost:
    """Price one performer working on `work_dates` of `schedule` by
    `engagement.paid_spans` (see this module's docstring)."""
    engaged = paid_spans(performer, work_dates, [day.date for day in schedule.days])
    rate = performer.daily_rate
    return PerformerCost(performer.id, engaged.work_days, engaged.hold_days,
                         engaged.dropped_days, len(engaged.drops), rate * engaged.work_days,
                         rate * engaged.hold_days, engaged.travel_days,
                         rate * engaged.travel_days)


def _performer_costs(
    problem: ScheduleProblem, schedule: Schedule, day_strips: list[list[Strip]]
) -> tuple[PerformerCost, ...]:
    performers = performer_index(problem)
    worked: dict[str, set[date]] = {}
    for day, strips in zip(schedule.days, day_strips, strict=True):
        for strip in strips:
            for person in (*strip.cast, *strip.elements):
                if person not in performers:
                    raise InputError(f"strip {strip.id} names unknown performer {person!r}",
                                     field="cast")
                worked.setdefault(person, set()).add(day.date)
    order = {performer.id: index for index, performer in enumerate(problem.performers)}
    return tuple(
        performer_cost(performers[pid], worked[pid], schedule)
        for pid in sorted(worked, key=order.__getitem__)
    )


def _location_costs(
    problem: ScheduleProblem, day_strips: list[list[Strip]]
) -> tuple[LocationCost, ...]:
    locations = {location.id: location for location in problem.locations}
    days: dict[str, int] = {}
    for strips in day_strips:
        for location in {strip.location for strip in strips}:
            if location not in locations:
                raise InputError(f"unknown location {location!r}", field="location")
            days[location] = days.get(location, 0) + 1
    return tuple(
        LocationCost(loc.id, days[loc.id], loc.daily_cost * days[loc.id])
        for loc in problem.locations
        if loc.id in days
    )


def overtime_cost(problem: ScheduleProblem, minutes: int) -> Money:
    """`minutes` of overtime at `overtime_hourly_cost`, rounded half-up to the minor unit."""
    hourly = problem.overtime_hourly_cost
    return Money(hourly.amount * minutes / Decimal(60), hourly.currency).rounded()


def schedule_cost(problem: ScheduleProblem, schedule: Schedule) -> CostBreakdown:
    """Price `schedule` (see the module docstring for the formula). Boneyard strips cost
    nothing. Raises `InputError` for unknown strip, performer or location ids."""
    currency = problem.currency
    day_strips = _day_strips(schedule, strip_index(problem))
    loads = tuple(
        _day_load(problem, day, strips)
        for day, strips in zip(schedule.days, day_strips, strict=True)
    )
    crew = problem.crew_daily_cost * len(schedule.days)
    performers = _performer_costs(problem, schedule, day_strips)
    locations = _location_costs(problem, day_strips)
    moves = _between_moves(problem, schedule, day_strips)
    overtime = overtime_cost(problem, sum(load.overtime_minutes for load in loads))
    parts = [crew, overtime]
    parts += [p.cost for p in performers] + [loc.cost for loc in locations]
    parts += [move.cost for move in moves]
    return CostBreakdown(
        currency=currency,
        crew_days=len(schedule.days),
        crew=crew,
        performers=performers,
        locations=locations,
        moves=moves,
        days=loads,
        overtime=overtime,
        total=total(parts, currency),
    )
