"""Turning day assignments into a `Schedule`: strips ordered inside each day.

A day is shot in location blocks: the first location (as chosen by the model) then the last.
Inside a block strips follow precedences (a before b) and, among the strips free to go next,
the one sharing most cast with the previous strip (fewer wardrobe/make-up changes), ties broken
by strip order in the problem. Pure and deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lynchpin.engine.scheduling.model import (
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
    WorkDay,
)


def _sequence_block(block: list[Strip], before: Mapping[str, set[str]]) -> list[Strip]:
    remaining = list(block)
    ordered: list[Strip] = []
    while remaining:
        waiting = {s.id for s in remaining}
        ready = [s for s in remaining if not before.get(s.id, set()) & waiting]
        pool = ready or remaining  # a precedence cycle cannot happen in a feasible schedule
        previous = set(ordered[-1].cast) if ordered else set()
        best = max(pool, key=lambda s: (len(previous & set(s.cast)), -remaining.index(s)))
        ordered.append(best)
        remaining.remove(best)
    return ordered


def order_day(
    problem: ScheduleProblem, strip_ids: Sequence[str], location_order: Sequence[str]
) -> tuple[str, ...]:
    """Shooting order of one day's strips: location blocks in `location_order`, precedences
    and cast continuity inside each block."""
    strips = [s for s in problem.strips if s.id in set(strip_ids)]
    ids = {s.id for s in strips}
    before: dict[str, set[str]] = {}
    for a, b in problem.rules.precedences:
        if a in ids and b in ids:
            before.setdefault(b, set()).add(a)
    order = list(location_order) + sorted({s.location for s in strips} - set(location_order))
    result: list[str] = []
    for location in order:
        block = [s for s in strips if s.location == location]
        result += [s.id for s in _sequence_block(block, before)]
    return tuple(result)


def build_schedule(
    problem: ScheduleProblem,
    days: Sequence[WorkDay],
    assignment: Mapping[str, int],
    location_orders: Mapping[int, Sequence[str]],
    used: Sequence[int],
) -> Schedule:
    """A schedule of the `used` day indexes (numbered 1.. in order) from strip -> day index."""
    per_day: dict[int, list[str]] = {index: [] for index in used}
    for strip_id, index in assignment.items():
        per_day.setdefault(index, []).append(strip_id)
    shoot_days = tuple(
        ShootDay(number, days[index].date,
                 order_day(problem, per_day[index], location_orders.get(index, ())))
        for number, index in enumerate(sorted(per_day), start=1)
    )
    return Schedule(days=shoot_days)
