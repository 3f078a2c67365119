"""Why a schedule costs what it costs: components, bound and gap, and why performers are held.

`explain(problem, result)` turns a `SolveResult` into an `Explanation`: the cost by component
(crew days, work days, holds per performer, drop/pick-ups, locations, moves, overtime), the
optimiser's lower bound and gap, and for the most expensive held performers (top
`TOP_HELD` by hold cost) the facts that set their span: first and last work day, the strips shot
there, and the rules binding those strips (pins, precedences, same-day groups, location and
cast availability). It states facts; it does not guess intent. Pure; raises nothing beyond
`schedule_cost`'s `InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import CostBreakdown, PerformerCost
from lynchpin.engine.scheduling.model import (
    Availability,
    Performer,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
)
from lynchpin.engine.scheduling.solver import SolveResult

#: How many held performers are explained.
TOP_HELD = 5


@dataclass(frozen=True, slots=True)
class CostLine:
    """One component of cost; `detail` says how it is made up."""

    label: str
    amount: Money
    detail: str = ""


@dataclass(frozen=True, slots=True)
class HoldReason:
    """Why `performer` is held: `work_days` are shoot day numbers; the span runs from
    `first_day` (strips `first_strips`) to `last_day` (`last_strips`); `reasons` lists the
    rules binding those strips (empty: nothing forces them, cost placed them)."""

    performer: str
    name: str
    work_days: tuple[int, ...]
    hold_days: int
    hold_cost: Money
    first_day: int
    first_strips: tuple[str, ...]
    last_day: int
    last_strips: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        """One sentence, e.g. "held 6 days between day 3 (sc 12) and day 10 (sc 40)"."""
        first = ", ".join(f"sc {s}" for s in self.first_strips)
        last = ", ".join(f"sc {s}" for s in self.last_strips)
        return (f"{self.name} held {self.hold_days} days between day {self.first_day} ({first})"
                f" and day {self.last_day} ({last})")


@dataclass(frozen=True, slots=True)
class Explanation:
    """Cost components (summing to `total`), the proven lower bound, the relative gap
    (0.0 = proven optimal) and the held performers explained."""

    components: tuple[CostLine, ...]
    total: Money
    lower_bound: Money
    gap: float
    optimal: bool
    held: tuple[HoldReason, ...]


def _components(problem: ScheduleProblem, cost: CostBreakdown) -> tuple[CostLine, ...]:
    zero = Money.zero(cost.currency)
    work_days = sum(p.work_days for p in cost.performers)
    lines = [
        CostLine("crew days", cost.crew, f"{cost.crew_days} x {problem.crew_daily_cost}"),
        CostLine("cast work days", cost.cast_work, f"{work_days} paid work days"),
    ]
    names = {p.id: p.name for p in problem.performers}
    lines += [CostLine(f"holds: {names[p.performer]}", p.hold, f"{p.hold_days} hold days")
              for p in cost.performers if p.hold_days]
    drops = sum(p.drop_pickups for p in cost.performers)
    dropped = sum(p.dropped_days for p in cost.performers)
    lines.append(CostLine("drop/pick-ups", zero,
                          f"{drops} drop/pick-ups, {dropped} shoot days not paid"))
    lines.append(CostLine("locations", cost.location_total,
                          f"{sum(loc.days for loc in cost.locations)} location days"))
    lines.append(CostLine("company moves", cost.move_total,
                          f"{len(cost.moves)} moves between days"))
    lines.append(CostLine("overtime", cost.overtime, f"{cost.overtime_minutes} minutes"))
    return tuple(lines)


def _window_text(what: str, availability: Availability) -> list[str]:
    found = [f"{what} available only {w.first} to {w.last}" for w in availability.windows]
    if availability.blackouts:
        dates = ", ".join(str(d) for d in availability.blackouts)
        found.append(f"{what} unavailable on {dates}")
    return found


def _strip_reasons(problem: ScheduleProblem, schedule: Schedule, strip: Strip) -> list[str]:
    rules = problem.rules
    reasons = [f"sc {strip.id} pinned to {day}" for sid, day in rules.pinned if sid == strip.id]
    for a, b in rules.precedences:
        if strip.id in (a, b):
            other = b if strip.id == a else a
            other_day = schedule.day_of(other)
            where = f" (day {other_day.number})" if other_day else ""
            reasons.append(f"precedence: sc {a} before sc {b}; sc {other}{where}")
    reasons += [f"sc {strip.id} shares a day with " + ", ".join(f"sc {s}" for s in g
                                                                if s != strip.id)
                for g in rules.same_day if strip.id in g]
    location = next(loc for loc in problem.locations if loc.id == strip.location)
    reasons += [f"sc {strip.id}: " + text
                for text in _window_text(f"location {location.name}", location.availability)]
    for performer in problem.performers:
        if performer.id in (*strip.cast, *strip.elements):
            reasons += [f"sc {strip.id}: " + text for text in _performer_limits(performer)]
    return reasons


def _performer_limits(performer: Performer) -> list[str]:
    found = _window_text(performer.name, performer.availability)
    if performer.earliest_start:
        found.append(f"{performer.name} starts {performer.earliest_start}")
    if performer.latest_finish:
        found.append(f"{performer.name} finishes {performer.latest_finish}")
    return found


def _held(problem: ScheduleProblem, schedule: Schedule, cost: PerformerCost) -> HoldReason:
    performer = next(p for p in problem.performers if p.id == cost.performer)
    strips = {s.id: s for s in problem.strips}

    def theirs(day: ShootDay) -> tuple[str, ...]:
        return tuple(s for s in day.strips
                     if performer.id in (*strips[s].cast, *strips[s].elements))

    days = [day for day in schedule.days if theirs(day)]
    first, last = days[0], days[-1]
    reasons: list[str] = []
    for strip_id in (*theirs(first), *theirs(last)):
        for reason in _strip_reasons(problem, schedule, strips[strip_id]):
            if reason not in reasons:
                reasons.append(reason)
    return HoldReason(performer.id, performer.name, tuple(d.number for d in days),
                      cost.hold_days, cost.hold, first.number, theirs(first), last.number,
                      theirs(last), tuple(reasons))


def explain(problem: ScheduleProblem, result: SolveResult) -> Explanation:
    """Explain `result` (a solved schedule of `problem`); see the module docstring."""
    cost = result.cost
    ranked = sorted((p for p in cost.performers if p.hold_days),
                    key=lambda p: (-p.hold.amount, p.performer))[:TOP_HELD]
    return Explanation(
        components=_components(problem, cost),
        total=cost.total,
        lower_bound=result.lower_bound,
        gap=result.gap,
        optimal=result.optimal,
        held=tuple(_held(problem, result.schedule, p) for p in ranked),
    )
