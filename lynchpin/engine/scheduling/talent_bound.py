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

A stronger bound for the same actors, `exact_on_location`: their optimal holding cost alone (the
other actors ignored), found by an A* search over the unions of their remaining scene sets (see
its docstring). The search computes it once per state it pops (`talent_search`), all the calls
of one search sharing a `ResidualMemo` of lower bounds on the residual problems met inside them.
"""

from __future__ import annotations

import heapq
import math

from lynchpin.engine.scheduling.bitset import set_bits
from lynchpin.engine.scheduling.talent_reduce import ReducedInstance

#: Float slack before rounding a bound up: costs are integers, so ceil(x - EPS) stays valid.
EPS = 1e-6
#: `exact_on_location` stops after this many distinct unions, or this many open entries, and
#: returns the bound proven so far (the compiled code has the same limits).
UNION_LIMIT = 2048
UNION_HEAP_LIMIT = 32768
#: The cost of a union not reached yet (the compiled code's INT64_MAX).
_NO_COST = 2**63 - 1
#: `ResidualMemo`: 2**MEMO_BITS direct-mapped entries, the slot taken from bits MEMO_SHIFT and
#: up of the key mixed by two multipliers (modulo 2**64), as in the compiled code.
MEMO_BITS = 20
MEMO_SHIFT = 29
_LEFT_MIX = 0x9E3779B97F4A7C15
_SCENES_MIX = 0xC2B2AE3D27D4EB4F
_WORD = 2**64 - 1


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
        #: scenes_of[a]: the scenes actor a plays in (bitmask).
        self.scenes_of = tuple(
            sum(1 << s for s, mask in enumerate(self.masks) if mask >> a & 1) for a in range(self.m)
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

    def days_of(self, scenes: int) -> int:
        """Total duration of the scenes in bitmask `scenes`."""
        durations = self.durations
        total = 0
        while scenes:
            low = scenes & -scenes
            total += durations[low.bit_length() - 1]
            scenes ^= low
        return total

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

    def exact_on_location(
        self,
        remaining: int,
        on_location: int,
        enough: int,
        known: int,
        memo: ResidualMemo | None = None,
    ) -> int:
        """The optimal holding cost of the `on_location` actors alone over the `remaining`
        scenes, or a lower bound on it that is at least `enough` once that is proven.

        Only when each of them finishes matters: actor a, with remaining scene set R(a), is
        paid until all of R(a) is shot. Shooting scenes in the order in which the actors finish,
        a state is the union U of the sets of the actors finished so far; finishing one more,
        b, goes to U | R(b), at D(U | R(b)) days from now for every actor whose set is now
        inside (D: total duration). Cost: sum of daily cost times finishing day, minus the
        actors' own days; the best order of the scenes is the cheapest way from the empty
        union to the union of all the sets. Actors with equal sets count as one (costs added);
        only the smallest steps are taken (if an actor left needs only some of the scenes
        another one would add, finishing it first is never worse).

        A* from the empty union: bound to go = each actor left finishing no earlier than its
        own scenes after U (sum of c(a) D(U | R(a))), plus Smith's bound (`bound_and_cast`) on
        their wait in the scenes left, added when the union is first popped; at the empty
        union `known` (a valid bound on the answer, at least Smith's) replaces Smith's. The
        bound is admissible, not always consistent: a cheaper path re-opens a union. Stops
        with the smallest open f when it reaches `enough` (then a proven lower bound), or after
        UNION_LIMIT unions or UNION_HEAP_LIMIT open entries (a lower bound too). Integers
        only, apart from Smith's bound, which is the same computation as the compiled one.

        `memo` (one per search; a fresh one when None) holds lower bounds on the wait of
        residual problems (actors on location, scenes left) across calls: Smith's bound for the
        unions' residuals is looked up there, and what a call proves is learnt (see
        `ResidualMemo`).
        """
        sets, weights, actors, own = self._sets_on_location(remaining, on_location)
        if len(sets) <= 1:
            return 0
        search = _UnionSearch(self, sets, weights, actors, memo or ResidualMemo(self))
        return search.run(own, enough, known, on_location)

    def _sets_on_location(
        self, remaining: int, on_location: int
    ) -> tuple[list[int], list[int], list[int], int]:
        """(distinct remaining scene sets, their actors' daily costs, their actors, own cost)."""
        sets: list[int] = []
        weights: list[int] = []
        actors: list[int] = []
        own = 0
        for a in set_bits(on_location):
            scenes = remaining & self.scenes_of[a]
            own += self.costs[a] * self.days_of(scenes)
            if scenes in sets:
                i = sets.index(scenes)
                weights[i] += self.costs[a]
                actors[i] |= 1 << a
            else:
                sets.append(scenes)
                weights.append(self.costs[a])
                actors.append(1 << a)
        return sets, weights, actors, own

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


class ResidualMemo:
    """Lower bounds on the wait of residual problems, shared by the calls of
    `TalentCore.exact_on_location` in one search.

    A residual is what a union U leaves: the actors not finished (`left`, all on location) and
    the scenes not in U (`scenes`, each needing some of them); its optimal wait W depends on
    nothing else, so the same residual met in another call (another state) has the same W.
    An entry starts as Smith's bound on W. When a call ends with a proven lower bound T on its
    own optimum (at its threshold, or exact), every union U it looked up has cost to go at least
    T - g(U) (g(U) is the cost of a real path to U), which is base(U) + W: so W >= T - g(U) -
    base(U), kept when larger. Direct-mapped, 2**MEMO_BITS slots, a new residual replacing the
    slot's; the compiled code has the same table, hash and replacement, hence the same results.
    """

    __slots__ = ("_core", "_slots")

    def __init__(self, core: TalentCore) -> None:
        self._core = core
        self._slots: dict[int, list[int]] = {}  # slot -> [left, scenes, wait]

    @staticmethod
    def slot(left: int, scenes: int) -> int:
        """The slot of a residual (the compiled code's mixing, modulo 2**64)."""
        mixed = ((left * _LEFT_MIX) ^ (scenes * _SCENES_MIX)) & _WORD
        return (mixed >> MEMO_SHIFT) & ((1 << MEMO_BITS) - 1)

    def find(self, left: int, scenes: int) -> list[int] | None:
        """The entry [left, scenes, wait] of this residual, or None."""
        entry = self._slots.get(self.slot(left, scenes))
        if entry is not None and entry[0] == left and entry[1] == scenes:
            return entry
        return None

    def wait(self, left: int, scenes: int) -> int:
        """The bound known for this residual, else Smith's bound, stored (replacing)."""
        entry = self.find(left, scenes)
        if entry is not None:
            return entry[2]
        smith = self._core.bound_and_cast(scenes, left)[0]
        self._slots[self.slot(left, scenes)] = [left, scenes, smith]
        return smith


class _Union:
    """A union of on-location actors' scene sets in `TalentCore.exact_on_location`."""

    __slots__ = ("base", "closed", "days", "finished", "g", "lb", "left")

    def __init__(self, union: int, search: _UnionSearch) -> None:
        self.g = _NO_COST
        self.closed = False
        self.days = search.core.days_of(union)
        self.finished = 0  # daily cost of the actors whose sets it contains
        self.lb = 0  # each actor left finishes no earlier than these scenes and its own
        self.left = 0  # the actors left, until Smith's bound for them is added to lb
        for scenes, weight, who in zip(search.sets, search.weights, search.actors, strict=True):
            if scenes & ~union == 0:
                self.finished += weight
            else:
                self.lb += weight * search.core.days_of(union | scenes)
                self.left |= who
        self.base = self.lb  # lb before any bound on the residual's wait


class _UnionSearch:
    """The A* of `TalentCore.exact_on_location` (the compiled code repeats it step by step)."""

    def __init__(
        self,
        core: TalentCore,
        sets: list[int],
        weights: list[int],
        actors: list[int],
        memo: ResidualMemo,
    ) -> None:
        self.core = core
        self.sets = sets
        self.weights = weights
        self.actors = actors
        self.memo = memo
        self.everything = 0
        for scenes in sets:
            self.everything |= scenes
        self.unions: dict[int, _Union] = {}
        self.heap: list[tuple[int, int]] = []
        self.looked: list[tuple[int, _Union]] = []  # unions whose residual was looked up

    def run(self, own: int, enough: int, known: int, on_location: int) -> int:
        """The cheapest way to the union of all the sets, minus `own` (see the caller)."""
        root = self.unions[0] = _Union(0, self)
        root.g = 0
        proven = self.memo.find(on_location, self.everything)  # by earlier calls, if more
        if proven is not None and proven[2] > known:
            known = proven[2]
        root.lb += known
        root.left = 0
        self.looked.append((0, root))
        heap = self.heap
        heap.append((root.lb, 0))
        while heap:
            f, union = heapq.heappop(heap)
            u = self.unions[union]
            if u.closed or f != u.g + u.lb:
                continue  # stale entry
            if f - own >= enough:
                self._learn(f)
                return f - own
            if union == self.everything:
                self._learn(u.g)
                return u.g - own
            if u.left and self._add_smith(u, union):
                if len(heap) == UNION_HEAP_LIMIT:
                    return f - own
                heapq.heappush(heap, (u.g + u.lb, union))
                continue
            u.closed = True
            if not self._expand(u, union):
                return f - own
        return 0  # not reached: the union of all the sets is reached first

    def _add_smith(self, u: _Union, union: int) -> bool:
        """Add the bound on the wait of the actors left in the scenes left (Smith's, or more
        from the memo); True when it rose."""
        smith = self.memo.wait(u.left, self.everything & ~union)
        self.looked.append((union, u))
        u.left = 0
        u.lb += smith
        return smith > 0

    def _learn(self, total: int) -> None:
        """Every union looked up costs at least `total` minus its g from there on: its
        residual's wait is at least that minus its base (`ResidualMemo`)."""
        for union, u in self.looked:
            left = 0
            for scenes, who in zip(self.sets, self.actors, strict=True):
                if scenes & ~union:
                    left |= who
            entry = self.memo.find(left, self.everything & ~union)
            if entry is not None and total - u.g - u.base > entry[2]:
                entry[2] = total - u.g - u.base

    def _expand(self, u: _Union, union: int) -> bool:
        """Take every smallest step from `union`; False when a limit stops the search."""
        for new in self._steps(union):
            v = self.unions.get(union | new)
            if v is None:
                if len(self.unions) == UNION_LIMIT:
                    return False
                v = self.unions[union | new] = _Union(union | new, self)
            candidate = u.g + v.days * (v.finished - u.finished)
            if candidate < v.g:
                v.g = candidate
                v.closed = False
                if len(self.heap) == UNION_HEAP_LIMIT:
                    return False
                heapq.heappush(self.heap, (candidate + v.lb, union | new))
        return True

    def _steps(self, union: int) -> list[int]:
        """The scenes each step adds, smallest steps only: if an actor left needs only some of
        the scenes another one would add (or the same, listed before), it goes first."""
        news = [scenes & ~union for scenes in self.sets]
        return [
            new
            for i, new in enumerate(news)
            if new
            and not any(
                other and other & ~new == 0 and (other != new or j < i)
                for j, other in enumerate(news)
            )
        ]


def _subset_sums(values: tuple[int, ...]) -> list[int]:
    """Table t with t[mask] = sum of values[i] for the bits i of mask (len(values) <= 11)."""
    table = [0] * (1 << len(values))
    for mask in range(1, len(table)):
        low = mask & -mask
        table[mask] = table[mask ^ low] + values[low.bit_length() - 1]
    return table
