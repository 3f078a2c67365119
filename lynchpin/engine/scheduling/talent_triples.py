"""A static lower bound on the holding cost of actors who have not started yet.

An actor who has not started has all its scenes still to shoot, so the wait it will cause does
not depend on what was shot before. For any three actors, the holding cost they incur in any order
is at least the optimum of the small instance made of them alone (other scenes only add waits).
We solve every such three-actor instance once (at most 7 distinct scene patterns: a 128-state
DP), and bound a set of not-yet-started actors by a greedy packing of disjoint triples, heaviest
first. Holding cost adds up over actors, so disjoint triples add up, and the actors on location
(bounded separately) are never in a triple. Cached per actor set.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from lynchpin.engine.scheduling.talent_bound import TalentCore
from lynchpin.engine.scheduling.talent_limits import never
from lynchpin.engine.scheduling.talent_native import compiled_for

#: Above this many actors the C(m, 3) triple table (about 1 s at 26 actors) is not built.
MAX_ACTORS = 26
#: Triples solved between two looks at the clock (each is a DP of at most 128 states).
CHECK_EVERY = 32


class FreeActorBound:
    """Lower bounds for sets of not-yet-started actors (bitmask -> holding cost)."""

    def __init__(self, core: TalentCore, should_stop: Callable[[], bool] = never) -> None:
        self._core = core
        triples: list[tuple[int, int]] = []
        compiled = compiled_for(core)
        if core.m <= MAX_ACTORS:
            for count, trio in enumerate(itertools.combinations(range(core.m), 3)):
                if count % CHECK_EVERY == 0 and should_stop():
                    break  # fewer triples: a weaker bound, still a valid one
                mask = (1 << trio[0]) | (1 << trio[1]) | (1 << trio[2])
                if compiled is not None:  # the same exact optimum, in C
                    value = compiled.sub_optimum(core.masks, core.durations, core.costs, mask)
                else:
                    value = _sub_optimum(core, mask)
                if value:
                    triples.append((value, mask))
        triples.sort(reverse=True)
        self._triples = triples
        self._cache: dict[int, int] = {}

    @property
    def triples(self) -> tuple[tuple[int, int], ...]:
        """(optimal holding cost, actor bitmask) of every costly triple, heaviest first."""
        return tuple(self._triples)

    def bound(self, actors: int) -> int:
        """Lower bound on the holding cost of the not-yet-started `actors` (bitmask)."""
        known = self._cache.get(actors)
        if known is None:
            known = self._cache[actors] = self._pack(actors)
        return known

    def _pack(self, actors: int) -> int:
        """Greedy packing of disjoint triples inside `actors`, heaviest first."""
        total = 0
        free = actors
        for value, mask in self._triples:
            if mask & free == mask:
                total += value
                free &= ~mask
        return total


def _sub_optimum(core: TalentCore, actors: int) -> int:
    """Optimal holding cost of the instance restricted to `actors` (few scene patterns)."""
    days: dict[int, int] = {}
    for scene, mask in enumerate(core.masks):
        pattern = mask & actors
        if pattern:
            days[pattern] = days.get(pattern, 0) + core.durations[scene]
    patterns = list(days)
    full = (1 << len(patterns)) - 1
    union = [0] * (full + 1)
    for subset in range(1, full + 1):
        low = subset & -subset
        union[subset] = union[subset ^ low] | patterns[low.bit_length() - 1]
    value = [0] * (full + 1)
    for remaining in sorted(range(1, full + 1), key=int.bit_count):
        on_location = union[full & ~remaining] & union[remaining]
        best = None
        for i, pattern in enumerate(patterns):
            if remaining >> i & 1:
                step = days[pattern] * core.cost_of(on_location & ~pattern)
                candidate = step + value[remaining & ~(1 << i)]
                best = candidate if best is None or candidate < best else best
        value[remaining] = best if best is not None else 0
    return value[full]
