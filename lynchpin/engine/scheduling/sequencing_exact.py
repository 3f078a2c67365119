"""Exact MSSP for small instances: dynamic programme over (scenes shot, last location).

The talent-scheduling observation (Garcia de la Banda, Stuckey & Chu 2011) carries over:
while scene s is shot after the set Q, actor a is paid iff a has a scene in Q + {s} and a
scene among the scenes not in Q (s included), so the holding cost of s depends only on Q.
The location cost depends only on the previous scene's location. Hence the optimum over
states (Q, last location) with Q closed under predecessors. Work is about
2^n x locations x n steps, so it runs only when that is below `_MAX_WORK`.
"""

from __future__ import annotations

from lynchpin.engine.scheduling.sequencing import MsspInstance

#: Largest number of DP transitions tried (about two seconds of Python).
_MAX_WORK = 1_500_000


def exact_small(instance: MsspInstance) -> list[int] | None:
    """An optimal order, or None when the instance is too large for the DP."""
    n = instance.scenes
    if (1 << n) * len(set(instance.locations)) * n > _MAX_WORK:
        return None
    masks = [sum(1 << a for a in cast) for cast in instance.cast]
    need = [0] * n
    for first, second in instance.precedences:
        need[second] |= 1 << first
    full = (1 << n) - 1
    cast_of = _cast_unions(masks, n)
    costs = _daily_costs(instance)
    layer: dict[tuple[int, int], tuple[int, list[int]]] = {(0, -1): (0, [])}
    for _ in range(n):
        following: dict[tuple[int, int], tuple[int, list[int]]] = {}
        for (shot, place), (cost, order) in layer.items():
            left = full & ~shot
            for s in range(n):
                bit = 1 << s
                if not left & bit or need[s] & ~shot:
                    continue
                paid = cast_of[shot | bit] & cast_of[left]
                step = instance.durations[s] * costs(paid & ~masks[s])
                if instance.locations[s] != place:
                    step += instance.location_costs[instance.locations[s]]
                key = (shot | bit, instance.locations[s])
                known = following.get(key)
                if known is None or cost + step < known[0]:
                    following[key] = (cost + step, [*order, s])
        layer = following
    if not layer:
        return None
    return min(layer.values(), key=lambda value: value[0])[1]


def _cast_unions(masks: list[int], n: int) -> list[int]:
    """Union of actor bitmasks for every subset of scenes (by lowest set bit)."""
    unions = [0] * (1 << n)
    for subset in range(1, 1 << n):
        low = subset & -subset
        unions[subset] = unions[subset ^ low] | masks[low.bit_length() - 1]
    return unions


def _daily_costs(instance: MsspInstance) -> _CostOf:
    """A cached function: actor bitmask -> summed daily cost."""
    return _CostOf(instance.actor_costs)


class _CostOf:
    """Summed daily cost of an actor bitmask, cached."""

    def __init__(self, costs: tuple[int, ...]) -> None:
        self.costs = costs
        self.cache: dict[int, int] = {0: 0}

    def __call__(self, actors: int) -> int:
        value = self.cache.get(actors)
        if value is None:
            value = sum(c for a, c in enumerate(self.costs) if actors >> a & 1)
            self.cache[actors] = value
        return value
