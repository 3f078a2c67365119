"""A counting lower bound on schedule cost, added to the model as redundant constraints.

Every strip is shot on some day of at most `capacity.max_minutes` minutes (and
`max_eighths` pages; a performer's strips in at most their `max_minutes`), so, each count
times its daily cost, summed over disjoint cost components (holds, moves and in-day move
minutes are >= 0, so leaving them out keeps the bound valid):

- crew and overtime: D crew days carry all M strip minutes, and the minutes beyond
  D x `standard_minutes` are overtime: cost >= min over D >= ceil(M / max day), ceil(pages /
  max pages) of D x crew + max(0, M - D x standard) x overtime per minute;
- each location: days >= ceil(its minutes / max day);
- each performer: work days >= ceil(their minutes / their max day) and >= the distinct dates
  their pinned strips are on; a performer paid for the whole span (holds allowed, no
  drop/pick-up, consecutive shoot days) is paid >= (latest first candidate day of their strips)
  - (earliest last candidate day) + 1 days; plus their travel days (a constant).

CP-SAT's own bound is often weak on large models within seconds; the solver reports the better
of the two. Units: objective units (`Model.money`).
"""

from __future__ import annotations

from math import ceil
from typing import Any

from lynchpin.engine.scheduling.model import Performer
from lynchpin.engine.scheduling.solver_core import Model


def _at_least(model: Model, literals: list[Any], count: int) -> int:
    if literals and count:
        model.cp.add(sum(literals) >= min(count, len(literals)))
    return count


def _crew_and_overtime(model: Model) -> int:
    """min over feasible day counts D of crew + overtime (see the module docstring); adds
    used days >= the smallest D."""
    problem = model.spec.problem
    capacity = problem.capacity
    minutes = sum(s.minutes for s in problem.strips)
    fewest = ceil(minutes / capacity.max_minutes) if capacity.max_minutes > 0 else 0
    if capacity.max_eighths:
        fewest = max(fewest, ceil(sum(s.eighths for s in problem.strips) / capacity.max_eighths))
    fewest = min(fewest, len(model.used))
    if fewest:
        model.cp.add(sum(model.used) >= fewest)
    crew = model.money(problem.crew_daily_cost)
    per_minute = problem.overtime_hourly_cost.in_minor_units() * model.scale // 60
    if capacity.max_minutes <= capacity.standard_minutes:
        per_minute = 0
    return min(days * crew + max(0, minutes - days * capacity.standard_minutes) * per_minute
               for days in range(fewest, max(fewest, len(model.used)) + 1))


def _performer_days(model: Model, performer: Performer) -> int:
    """Fewest paid days (travel excluded) of a performer whose strips are in the problem."""
    problem = model.spec.problem
    theirs = [s for s in problem.strips if performer.id in (*s.cast, *s.elements)]
    longest = min(problem.capacity.max_minutes, performer.max_minutes or 10**9)
    count = ceil(sum(s.minutes for s in theirs) / longest) if longest > 0 else 0
    pinned = dict(problem.rules.pinned)
    count = max(count, len({pinned[s.id] for s in theirs if s.id in pinned}))
    spans_paid = (performer.holds_allowed and not performer.drop_pickup_allowed
                  and not model.spec.idle_days_allowed)
    if spans_paid:
        first = max(model.candidates[s.id][0] for s in theirs)
        last = min(model.candidates[s.id][-1] for s in theirs)
        count = max(count, first - last + 1)
    return count


def counting_bound(model: Model, visits: list[dict[str, Any]],
                   works: dict[str, dict[int, Any]]) -> int:
    """Add the counting constraints; return the bound in objective units."""
    problem = model.spec.problem
    longest = problem.capacity.max_minutes
    bound = _crew_and_overtime(model)
    for location in problem.locations:
        minutes = sum(s.minutes for s in problem.strips if s.location == location.id)
        days = [v[location.id] for v in visits if location.id in v]
        count = ceil(minutes / longest) if longest > 0 else 0
        bound += model.money(location.daily_cost) * _at_least(model, days, count)
    for performer in problem.performers:
        if performer.id not in works:
            continue
        rate = model.money(performer.daily_rate)
        minutes = sum(s.minutes for s in problem.strips
                      if performer.id in (*s.cast, *s.elements))
        day = min(longest, performer.max_minutes or longest)
        _at_least(model, list(works[performer.id].values()), ceil(minutes / day) if day else 0)
        bound += rate * (_performer_days(model, performer) + performer.travel_days)
    return bound
