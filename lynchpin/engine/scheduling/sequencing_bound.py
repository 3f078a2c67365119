"""A combinatorial lower bound on the MSSP cost, from the precedences alone.

Two facts hold in every feasible order, so their sum is a valid bound:

* a location l is visited at least twice when some scene elsewhere is forced (by the
  transitive precedences) between two scenes at l: at least cost_l;
* an actor a is paid while every scene without a that is forced between two scenes with a
  is shot: at least cost_a * d_x for each such scene x.

Both are counted per location and per actor, independently, which keeps the sum valid.
Cost: O(n^2) bit operations on Python ints for n scenes.

The holding cost is also bounded by the talent scheduling relaxation (no locations, no
precedences), solved by engineer A's exact talent solver; the better holding bound is used.
"""

from __future__ import annotations

from collections.abc import Callable

from lynchpin.engine.scheduling.bitset import set_bits
from lynchpin.engine.scheduling.sequencing import MsspInstance, precedence_order
from lynchpin.engine.scheduling.talent import TalentInstance, solve_talent


def _closure(instance: MsspInstance) -> tuple[list[int], list[int]]:
    """Bitmasks of scenes that must come after / before each scene (transitively)."""
    n = instance.scenes
    order = precedence_order(n, instance.precedences) or []
    successors: list[list[int]] = [[] for _ in range(n)]
    predecessors: list[list[int]] = [[] for _ in range(n)]
    for first, second in instance.precedences:
        successors[first].append(second)
        predecessors[second].append(first)
    after = [0] * n
    for scene in reversed(order):
        for nxt in successors[scene]:
            after[scene] |= (1 << nxt) | after[nxt]
    before = [0] * n
    for scene in order:
        for prev in predecessors[scene]:
            before[scene] |= (1 << prev) | before[prev]
    return after, before


def _forced_between(group: list[int], after: list[int], before: list[int]) -> int:
    """Scenes that lie after some scene of `group` and before some scene of `group`."""
    later = 0
    earlier = 0
    for scene in group:
        later |= after[scene]
        earlier |= before[scene]
    members = sum(1 << s for s in group)
    return later & earlier & ~members


def combinatorial_bound(instance: MsspInstance) -> tuple[int, int]:
    """Lower bounds (location cost, holding cost) valid for every feasible order."""
    if not instance.precedences:
        return 0, 0
    after, before = _closure(instance)
    location = 0
    for place, cost in enumerate(instance.location_costs):
        group = [s for s in range(instance.scenes) if instance.locations[s] == place]
        between = _forced_between(group, after, before)
        if any(instance.locations[s] != place for s in set_bits(between)):
            location += cost
    holding = 0
    for actor, cost in enumerate(instance.actor_costs):
        group = [s for s in range(instance.scenes) if actor in instance.cast[s]]
        between = _forced_between(group, after, before)
        holding += cost * sum(instance.durations[s] for s in set_bits(between))
    return location, holding


def talent_relaxation(
    instance: MsspInstance, *, seconds: float, clock: Callable[[], float] | None
) -> tuple[int, tuple[int, ...]]:
    """Drop locations and precedences: what is left is a talent scheduling instance, whose
    optimal holding cost bounds the MSSP holding cost from below.

    Returns (holding lower bound, the talent solver's order). Runs the exact talent solver
    for about `seconds` by `clock`, or within a small state budget when `clock` is None.
    """
    relaxed = TalentInstance(instance.name, instance.durations, instance.actor_costs,
                             instance.cast)
    if clock is None:
        found = solve_talent(relaxed, max_states=_STATES_WITHOUT_CLOCK)
    else:
        found = solve_talent(relaxed, time_limit=seconds, clock=clock)
    return max(0, found.lower_bound - relaxed.fixed_cost), found.order


#: Without a clock the talent search is bounded by memoised states instead of seconds.
_STATES_WITHOUT_CLOCK = 20_000
