"""The exact talent-scheduling core applied inside a schedule.

Two places where a schedule's sequence is a talent-scheduling problem (Cheng, Diamond & Lin):

- **Days within a block.** Take a run of consecutive shoot days as "scenes" of one day each,
  needing the union of their performers: the order of those days decides how many days each
  performer is held. `resequence_days` permutes the days' contents inside blocks of at most
  `block` days with `solve_talent` (exact), and keeps a block's new order only when the result
  breaks no rule (`check_schedule`) and costs less (`schedule_cost`). Dates stay where they are;
  only which strips go on which date changes.
- **Strips within a day.** Inside each location block of a day, `order_within_days` orders the
  strips so performers spend the least time waiting on set between their first and last strip
  (cost = daily rate per minute on set), again exactly with `solve_talent`. Precedences inside a
  block keep the solver's order (the talent core has no precedences).

Both are deterministic and bounded (`max_states` caps the exact search; an unproven order is used
only if it is better).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from lynchpin.engine.errors import Severity
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem, ShootDay, Strip
from lynchpin.engine.scheduling.talent import TalentInstance, solve_talent, talent_cost

#: Memoised scene sets the exact search may keep per call (bounds time and memory).
MAX_STATES = 200_000


def resequence_days(problem: ScheduleProblem, schedule: Schedule, *, block: int = 10) -> Schedule:
    """`schedule` with each block of `block` consecutive days reordered to cut holds.

    A block is kept only when its new order passes every error-level rule and lowers the
    schedule's total cost; otherwise the block stays as it was. A block mixing units is left
    alone.
    """
    best, best_cost = schedule, schedule_cost(problem, schedule).total
    days = list(best.days)
    for start in range(0, len(days), block):
        candidate = _reorder_block(problem, best, start, min(start + block, len(days)))
        if candidate is None:
            continue
        cost = schedule_cost(problem, candidate).total
        if cost < best_cost and not _errors(problem, candidate):
            best, best_cost = candidate, cost
    return best


def _reorder_block(
    problem: ScheduleProblem, schedule: Schedule, start: int, end: int
) -> Schedule | None:
    days = schedule.days[start:end]
    if len(days) < 3 or len({day.unit for day in days}) > 1:
        return None
    strips = {s.id: s for s in problem.strips}
    performers = sorted({p for day in days for sid in day.strips for p in _needs(strips[sid])})
    rates = {p.id: p.daily_rate.in_minor_units() for p in problem.performers}
    index = {p: k for k, p in enumerate(performers)}
    instance = TalentInstance(
        name="days",
        durations=tuple(1 for _ in days),
        costs=tuple(rates.get(p, 0) for p in performers),
        cast=tuple(
            frozenset(index[p] for sid in day.strips for p in _needs(strips[sid])) for day in days
        ),
    )
    solution = solve_talent(instance, max_states=MAX_STATES)
    if solution.cost >= talent_cost(instance, tuple(range(len(days)))):
        return None
    moved = [
        replace(day, strips=days[k].strips) for day, k in zip(days, solution.order, strict=True)
    ]
    return replace(schedule, days=(*schedule.days[:start], *moved, *schedule.days[end:]))


def order_within_days(problem: ScheduleProblem, schedule: Schedule) -> Schedule:
    """`schedule` with strips inside each day's location blocks ordered to cut waiting on set."""
    strips = {s.id: s for s in problem.strips}
    rates = {p.id: p.daily_rate.in_minor_units() for p in problem.performers}
    before = {(a, b) for a, b in problem.rules.precedences}
    days = tuple(
        replace(day, strips=_order_day(day, strips, rates, before)) for day in schedule.days
    )
    return replace(schedule, days=days)


def _order_day(
    day: ShootDay,
    strips: dict[str, Strip],
    rates: dict[str, int],
    before: set[tuple[str, str]],
) -> tuple[str, ...]:
    ordered: list[str] = []
    for block in _location_blocks([strips[sid] for sid in day.strips]):
        ids = {s.id for s in block}
        constrained = any(a in ids and b in ids for a, b in before)
        ordered.extend(s.id for s in (block if constrained else _order_block(block, rates)))
    return tuple(ordered)


def _location_blocks(day_strips: Sequence[Strip]) -> list[list[Strip]]:
    blocks: list[list[Strip]] = []
    for strip in day_strips:
        if blocks and blocks[-1][-1].location == strip.location:
            blocks[-1].append(strip)
        else:
            blocks.append([strip])
    return blocks


def _order_block(block: list[Strip], rates: dict[str, int]) -> list[Strip]:
    if len(block) < 3:
        return block
    cast = sorted({p for s in block for p in s.cast})
    index = {p: k for k, p in enumerate(cast)}
    instance = TalentInstance(
        name="day",
        durations=tuple(max(1, s.minutes) for s in block),
        costs=tuple(rates.get(p, 0) for p in cast),
        cast=tuple(frozenset(index[p] for p in s.cast) for s in block),
    )
    solution = solve_talent(instance, max_states=MAX_STATES)
    if solution.cost >= talent_cost(instance, tuple(range(len(block)))):
        return block
    return [block[k] for k in solution.order]


def _needs(strip: Strip) -> tuple[str, ...]:
    return (*strip.cast, *strip.elements)


def _errors(problem: ScheduleProblem, schedule: Schedule) -> bool:
    return any(v.severity is Severity.ERROR for v in check_schedule(problem, schedule))
