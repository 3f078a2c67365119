"""Idle days inside a schedule (re-planning): holds and moves when used days have gaps.

The optimiser normally uses one run of consecutive days. A re-plan may have to leave a day
idle (e.g. the only strips left for it need an actor who is now off). Then, as in
`costing.schedule_cost`, idle days are not shoot days: they are not paid as holds, and the
between-day move runs from the last location of the latest used day to the first location of
the next used day. These encodings keep the objective exact in that case.
"""

from __future__ import annotations

from typing import Any

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.solver_core import Model, both, special_pairs


def idle_days_in_span(model: Model, performer_id: str, work: dict[int, Any], first: Any,
                      last: Any) -> list[Any]:
    """Booleans for unused days strictly inside a performer's span (not paid)."""
    cp = model.cp
    result = []
    for day in range(min(work) + 1, max(work)):
        if day in model.spec.forced_used:
            continue
        idle = cp.new_bool_var(f"idle[{performer_id},{day}]")
        cp.add_implication(idle, ~model.used[day])
        cp.add(first < day).only_enforce_if(idle)
        cp.add(last > day).only_enforce_if(idle)
        result.append(idle)
    return result


def _carry(model: Model, day: int, previous: dict[str, Any], locations: set[str]) -> dict[
        str, Any]:
    """Where the company is after `day`: the day's last location if used, else unchanged."""
    cp, used = model.cp, model.used[day]
    here: dict[str, Any] = {}
    for location in sorted(locations):
        at = here[location] = cp.new_bool_var(f"at[{location},{day}]")
        last = model.last.get((location, day), 0)
        before = previous.get(location, 0)
        cp.add(at >= last)
        cp.add(at <= last + 1 - used)
        cp.add(at >= before - used)
        cp.add(at <= before + used)
    return here


def _charge(model: Model, day: int, previous: dict[str, Any], visits: dict[str, Any]) -> None:
    """Move cost into used `day` from where the company was (nothing before the first day)."""
    cp, problem = model.cp, model.spec.problem
    default = model.money(problem.rules.default_move_cost or Money.zero(problem.currency))
    somewhere = cp.new_bool_var(f"somewhere[{day}]")
    cp.add(somewhere == sum(previous.values()))
    arrive = somewhere if day in model.spec.forced_used else both(
        model, model.used[day], somewhere, f"arrive[{day}]")
    stays = [both(model, previous[loc], model.first[loc, day], f"stay[{loc},{day}]")
             for loc in visits if loc in previous]
    model.terms.append((default, arrive - sum(stays)))
    for (a, b), extra in special_pairs(model, True).items():
        for here, there in ((a, b), (b, a)):
            if here in previous and there in visits:
                moved = both(model, previous[here], model.first[there, day],
                             f"move[{here},{there},{day}]")
                model.terms.append((extra, moved))


def carried_moves(model: Model, visits: list[dict[str, Any]]) -> None:
    """Between-day move costs when idle days may sit between used days."""
    previous: dict[str, Any] = {}
    seen: set[str] = set()
    for day, today in enumerate(visits):
        if today and previous:
            _charge(model, day, previous, today)
        seen |= set(today)
        if seen:
            previous = _carry(model, day, previous, seen)
