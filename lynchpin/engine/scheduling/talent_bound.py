"""Costs and lower bounds of the talent-scheduling dynamic programme (reduced instance, bitmasks).

State: Q, the bitmask of scenes still to shoot. The actors already started are the union of the
shot scenes' casts, `started`; the actors on location are ``o = started & cast(Q)``. Shooting scene
s next holds (pays to wait) exactly ``o - cast(s)`` for ``d(s)`` days, so the step cost depends on
Q alone (Garcia de la Banda, Stuckey & Chu 2011, sec. 2). All costs here are holding costs.

Lower bound on the holding cost still to come (their sec. 4.2): only the actors on location are
counted. Each must stay until its last remaining scene; share each remaining scene's days among its
on-location actors in proportion to their daily cost and the problem becomes one machine with
weighted completion times, which Smith's ratio rule solves; a correction removes the actors' own
days. Zero-cost actors are removed beforehand (preprocessing), so no division by zero.
"""

from __future__ import annotations

import math

from lynchpin.engine.scheduling.bitset import set_bits
from lynchpin.engine.scheduling.talent_reduce import ReducedInstance

#: Float slack before rounding a bound up: costs are integers, so ceil(x - EPS) stays valid.
EPS = 1e-6


class TalentCore:
    """Precomputed tables for one reduced instance: step costs, cast unions and the bound."""

    def __init__(self, reduced: ReducedInstance) -> None:
        self.n = len(reduced.masks)
        self.m = len(reduced.costs)
        self.masks = reduced.masks
        self.durations = reduced.durations
        self.costs = reduced.costs
        self.full = (1 << self.n) - 1
        #: supersets[i]: the scenes whose cast strictly contains scene i's cast.
        self.supersets = tuple(
            tuple(j for j, other in enumerate(self.masks) if j != i and mask & ~other == 0)
            for i, mask in enumerate(self.masks)
        )
        self._mask_of_bit = {1 << s: mask for s, mask in enumerate(self.masks)}
        self._scene_of_bit = {
            1 << s: (mask, self.durations[s]) for s, mask in enumerate(self.masks)
        }
        # cost(actor set) by two table look-ups per 11 bits: fast for m up to a few dozen.
        self._chunks = [_subset_sums(self.costs[i : i + 11]) for i in range(0, max(self.m, 1), 11)]
        self._present_info: dict[int, tuple[int, float, list[int]]] = {}

    def cost_of(self, actors: int) -> int:
        """Sum of the daily costs of the actors in bitmask `actors`."""
        total = 0
        for table in self._chunks:
            total += table[actors & 0x7FF]
            actors >>= 11
        return total

    def cast_of(self, scenes: int) -> int:
        """Union of the casts of the scenes in bitmask `scenes`."""
        union = 0
        mask_of_bit = self._mask_of_bit
        while scenes:
            low = scenes & -scenes
            union |= mask_of_bit[low]
            scenes ^= low
        return union

    def step_cost(self, on_location: int, scene: int) -> int:
        """Holding cost of shooting `scene` next while `on_location` actors are on location."""
        return self.durations[scene] * self.cost_of(on_location & ~self.masks[scene])

    def bound(self, remaining: int, on_location: int) -> int:
        """Lower bound on the holding cost of the `on_location` actors over `remaining` scenes."""
        return self.bound_and_cast(remaining, on_location)[0] if on_location else 0

    def bound_and_cast(self, remaining: int, started: int) -> tuple[int, int]:
        """(bound for the actors of `started` still on location, cast of `remaining`).

        One pass over the remaining scenes serves both: for a remaining scene, its started
        actors are exactly its on-location ones.
        """
        scene_of_bit = self._scene_of_bit
        days_of: dict[int, int] = {}  # scenes with the same on-location actors add up
        cast = 0
        while remaining:
            low = remaining & -remaining
            remaining ^= low
            mask, duration = scene_of_bit[low]
            cast |= mask
            present = mask & started
            if present:
                days_of[present] = days_of.get(present, 0) + duration
        if not days_of:
            return 0, cast
        share = [0.0] * self.m
        correction = 0.0
        info = self._present_info
        for present, days in days_of.items():
            known = info.get(present)
            if known is None:
                known = info[present] = self._present(present)
            total, spread, actors = known
            correction += days * spread
            unit = days / total
            for a in actors:
                share[a] += unit
        return max(0, math.ceil(self._smith(share, started & cast) - correction - EPS)), cast

    def _smith(self, share: list[float], on_location: int) -> float:
        """Sum of cost times completion when the actors' shares run in Smith's ratio order."""
        info = self._present_info
        everyone = info.get(on_location)
        if everyone is None:
            everyone = info[on_location] = self._present(on_location)
        costs = self.costs
        elapsed = 0.0
        value = 0.0
        for a in sorted(everyone[2], key=share.__getitem__):
            elapsed += share[a] * costs[a]
            value += costs[a] * elapsed
        return value

    def _present(self, present: int) -> tuple[int, float, list[int]]:
        """(cost sum C, (C + sum of squared costs / C) / 2, actor list) of an actor set."""
        actors = set_bits(present)
        total = sum(self.costs[a] for a in actors)
        squares = sum(self.costs[a] * self.costs[a] for a in actors)
        return total, (total + squares / total) / 2.0, actors


def _subset_sums(values: tuple[int, ...]) -> list[int]:
    """Table t with t[mask] = sum of values[i] for the bits i of mask (len(values) <= 11)."""
    table = [0] * (1 << len(values))
    for mask in range(1, len(table)):
        low = mask & -mask
        table[mask] = table[mask ^ low] + values[low.bit_length() - 1]
    return table
