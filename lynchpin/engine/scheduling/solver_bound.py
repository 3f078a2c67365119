"""A counting lower bound on schedule cost, added to the model as redundant constraints.

Every strip is shot on some day of at most `capacity.max_minutes` (and of at most a
performer's `max_minutes` for their strips), so: crew days >= ceil(all minutes / max day);
days at a location >= ceil(its minutes / max day); a performer's work days >= ceil(their
minutes / their max day). Each count times its daily cost bounds the total from below (holds,
moves and overtime are >= 0). CP-SAT's own bound is often weak on large models within seconds;
the solver reports the better of the two.
"""

from __future__ import annotations

from math import ceil
from typing import Any

from lynchpin.engine.scheduling.solver_core import Model


def _at_least(model: Model, literals: list[Any], minutes: int, day: int) -> int:
    count = ceil(minutes / day) if day > 0 else 0
    if literals and count:
        model.cp.add(sum(literals) >= min(count, len(literals)))
    return count


def counting_bound(model: Model, visits: list[dict[str, Any]],
                   works: dict[str, dict[int, Any]]) -> int:
    """Add the counting constraints; return the bound in objective units."""
    problem = model.spec.problem
    longest = problem.capacity.max_minutes
    bound = model.money(problem.crew_daily_cost) * _at_least(
        model, [], sum(s.minutes for s in problem.strips), longest)
    for location in problem.locations:
        minutes = sum(s.minutes for s in problem.strips if s.location == location.id)
        days = [v[location.id] for v in visits if location.id in v]
        bound += model.money(location.daily_cost) * _at_least(model, days, minutes, longest)
    for performer in problem.performers:
        if performer.id not in works:
            continue
        minutes = sum(s.minutes for s in problem.strips
                      if performer.id in (*s.cast, *s.elements))
        day = min(longest, performer.max_minutes or longest)
        count = _at_least(model, list(works[performer.id].values()), minutes, day)
        bound += model.money(performer.daily_rate) * count
    return bound
