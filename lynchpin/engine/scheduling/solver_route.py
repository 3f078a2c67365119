"""A shoot day's route through its locations, for the optimiser (at most three a day).

Each visited location of a day has one role: first, middle or last (a day at one location:
first = last). The company goes first -> middle -> last, so in-day move minutes are the
default move per extra location, corrected for pairs with their own `Move` when they are
adjacent on the route (all pairs of a two-location day; first/middle and middle/last of a
three-location day). That is exactly what `costing` charges for strips ordered in location
blocks in that order, and the between-day move runs from `last` to the next day's `first`.
"""

from __future__ import annotations

from typing import Any

from lynchpin.engine.scheduling.solver_core import Model, both, special_pairs


def day_route(model: Model, day: int, by_location: dict[str, list[str]]) -> dict[str, Any]:
    """Visit and role booleans of one day; returns location -> visit boolean."""
    cp = model.cp
    visits: dict[str, Any] = {}
    for location, members in by_location.items():
        visit = visits[location] = cp.new_bool_var(f"vis[{location},{day}]")
        for strip_id in members:
            cp.add_implication(model.x[strip_id, day], visit)
        cp.add(visit <= sum(model.x[s, day] for s in members))
        first = model.first[location, day] = cp.new_bool_var(f"first[{location},{day}]")
        last = model.last[location, day] = cp.new_bool_var(f"last[{location},{day}]")
        mid = model.mid[location, day] = cp.new_bool_var(f"mid[{location},{day}]")
        cp.add_bool_or([first, last, mid]).only_enforce_if(visit)
        for role in (first, last, mid):
            cp.add_implication(role, visit)
        cp.add_implication(mid, ~first)
        cp.add_implication(mid, ~last)
    if visits:
        count = sum(visits.values())
        cp.add(sum(model.first[loc, day] for loc in visits) == model.used[day])
        cp.add(sum(model.last[loc, day] for loc in visits) == model.used[day])
        cp.add(sum(model.mid[loc, day] for loc in visits) <= 1)
        for loc, visit in visits.items():
            # first = last only on a one-location day
            cp.add(count - visit == 0).only_enforce_if([model.first[loc, day],
                                                        model.last[loc, day]])
    return visits


def _far(model: Model, day: int, a: str, b: str, has_mid: Any) -> Any:
    """True when a and b are the two ends of a three-location day (not adjacent)."""
    cp = model.cp
    ends = cp.new_bool_var(f"ends[{a},{b},{day}]")
    forward = both(model, model.first[a, day], model.last[b, day], f"fl[{a},{b},{day}]")
    backward = both(model, model.first[b, day], model.last[a, day], f"fl[{b},{a},{day}]")
    cp.add(ends == forward + backward)
    return both(model, has_mid, ends, f"far[{a},{b},{day}]")


def in_day_minutes(model: Model, day: int, visits: dict[str, Any]) -> Any:
    """Move minutes inside `day` along its route (see the module docstring)."""
    if len(visits) < 2:
        return 0
    cp = model.cp
    minutes: Any = model.spec.problem.rules.default_move_minutes * (
        sum(visits.values()) - model.used[day])
    pairs = [(a, b, extra) for (a, b), extra in special_pairs(model, False).items()
             if a in visits and b in visits]
    if not pairs:
        return minutes
    has_mid = cp.new_bool_var(f"has_mid[{day}]")
    cp.add(has_mid == sum(model.mid[loc, day] for loc in visits))
    for a, b, extra in pairs:
        together = both(model, visits[a], visits[b], f"pair[{a},{b},{day}]")
        far = _far(model, day, a, b, has_mid) if len(visits) > 2 else 0
        minutes += extra * (together - far)
    return minutes
