"""Local search for MSSP orders: a greedy start, then simulated annealing on range moves.

Every move rewrites one range [lo, hi] of the order (insert a scene or a block elsewhere,
swap two scenes, reverse a segment, put a scene next to another at the same location or
with the same actors). Because the set of scenes before lo and after hi does not change,
the actors "on the clock" outside the range do not change either: a move is priced in
O(hi - lo) with prefix/suffix unions of actor bitmasks. Precedences are checked only for
pairs inside the range, for the same reason.

Time: with an injected `clock` the search stops after `seconds`; without one it makes
`_MOVES_PER_SECOND * seconds` moves (deterministic for a seed).
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable

from lynchpin.engine.scheduling.sequencing import MsspInstance, precedence_order

#: Move budget per second of `seconds` when no clock is given (a conservative rate).
_MOVES_PER_SECOND = 20_000


class _Board:
    """An order with its prefix/suffix actor unions and per-position holding costs."""

    def __init__(self, instance: MsspInstance, order: list[int]) -> None:
        self.n = len(order)
        self.mask = [sum(1 << a for a in cast) for cast in instance.cast]
        self.dur = list(instance.durations)
        self.loc = list(instance.locations)
        self.loc_cost = list(instance.location_costs)
        self.actor_cost = list(instance.actor_costs)
        self.succ: list[list[int]] = [[] for _ in range(self.n)]
        for first, second in instance.precedences:
            self.succ[first].append(second)
        self.cache: dict[int, int] = {}
        self.order = list(order)
        self.pre = [0] * self.n
        self.suf = [0] * self.n
        self._refresh(0, self.n - 1)

    def cost_of(self, actors: int) -> int:
        """Daily cost of an actor bitmask (cached: the same sets recur)."""
        value = self.cache.get(actors)
        if value is None:
            value, bits, index = 0, actors, 0
            while bits:
                if bits & 1:
                    value += self.actor_cost[index]
                bits >>= 1
                index += 1
            self.cache[actors] = value
        return value

    def _refresh(self, lo: int, hi: int) -> None:
        order, mask = self.order, self.mask
        acc = self.pre[lo - 1] if lo > 0 else 0
        for p in range(lo, hi + 1):
            acc |= mask[order[p]]
            self.pre[p] = acc
        acc = self.suf[hi + 1] if hi + 1 < self.n else 0
        for p in range(hi, lo - 1, -1):
            acc |= mask[order[p]]
            self.suf[p] = acc

    def range_cost(self, lo: int, hi: int, seg: list[int]) -> int:
        """Holding + location-entry cost of positions lo..hi holding `seg` (and hi+1's entry)."""
        mask, dur, loc, loc_cost = self.mask, self.dur, self.loc, self.loc_cost
        acc = self.pre[lo - 1] if lo > 0 else 0
        pres = []
        for scene in seg:
            acc |= mask[scene]
            pres.append(acc)
        acc = self.suf[hi + 1] if hi + 1 < self.n else 0
        total = 0
        for k in range(len(seg) - 1, -1, -1):
            scene = seg[k]
            m = mask[scene]
            acc |= m
            idle = pres[k] & acc & ~m
            if idle:
                total += dur[scene] * self.cost_of(idle)
        previous = loc[self.order[lo - 1]] if lo > 0 else -1
        for scene in seg:
            if loc[scene] != previous:
                total += loc_cost[loc[scene]]
            previous = loc[scene]
        if hi + 1 < self.n and loc[self.order[hi + 1]] != previous:
            total += loc_cost[loc[self.order[hi + 1]]]
        return total

    def feasible(self, seg: list[int]) -> bool:
        """True when no precedence between two scenes of `seg` is reversed."""
        index = None
        for k, scene in enumerate(seg):
            for nxt in self.succ[scene]:
                if index is None:
                    index = {s: i for i, s in enumerate(seg)}
                where = index.get(nxt)
                if where is not None and where < k:
                    return False
        return True

    def apply(self, lo: int, hi: int, seg: list[int]) -> None:
        """Write `seg` into positions lo..hi."""
        self.order[lo:hi + 1] = seg
        self._refresh(lo, hi)

    def total(self) -> int:
        """Full cost (holding + location entries; the constant first visits included)."""
        return self.range_cost(0, self.n - 1, self.order)


def greedy_order(instance: MsspInstance) -> list[int]:
    """A precedence-feasible order that keeps locations together and, within a location,
    puts scenes with the most expensive casts next to each other."""
    ranked = sorted(
        range(instance.scenes),
        key=lambda s: (instance.locations[s],
                       -sum(instance.actor_costs[a] for a in instance.cast[s]),
                       tuple(sorted(instance.cast[s])), s),
    )
    return repair_order(instance, ranked)


def repair_order(instance: MsspInstance, wanted: list[int] | tuple[int, ...]) -> list[int]:
    """The precedence-feasible order closest to `wanted`: a topological sort that always
    takes the ready scene earliest in `wanted` (so a feasible `wanted` is returned as is)."""
    n = instance.scenes
    rank = {s: i for i, s in enumerate(wanted)}
    successors: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for first, second in instance.precedences:
        successors[first].append(second)
        indegree[second] += 1
    ready = [(rank[s], s) for s in range(n) if indegree[s] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        _, scene = heapq.heappop(ready)
        order.append(scene)
        for nxt in successors[scene]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, (rank[nxt], nxt))
    if len(order) != n:  # unreachable for a validated instance; stay total anyway
        return precedence_order(n, instance.precedences) or list(range(n))
    return order


def _propose(board: _Board, rng: random.Random, peers: list[list[int]],
             where: list[int]) -> tuple[int, int, list[int]] | None:
    """One random range move: (lo, hi, new segment), or None when it is a no-op."""
    n, order = board.n, board.order
    kind = rng.random()
    i = rng.randrange(n)
    if kind < 0.45 and peers[order[i]]:  # next to a scene sharing location or cast
        other = rng.choice(peers[order[i]])
        j = where[other] + (0 if rng.random() < 0.5 else 1)
        j = j - 1 if j > i else j
    else:
        span = max(2, min(n, 8 + int(rng.expovariate(1 / 12))))
        j = min(n - 1, max(0, i + rng.randint(-span, span)))
    if i == j:
        return None
    if kind < 0.75:  # insert a block of 1..4 scenes from i to j
        size = 1 if kind < 0.55 else rng.randint(1, 4)
        size = min(size, n - i)
        block = order[i:i + size]
        rest = order[:i] + order[i + size:]
        j = min(j, len(rest))
        lo, hi = min(i, j), max(i + size - 1, j + size - 1)
        new = rest[:j] + block + rest[j:]
        return lo, hi, new[lo:hi + 1]
    lo, hi = min(i, j), max(i, j)
    if kind < 0.88:  # swap
        seg = order[lo:hi + 1]
        seg[0], seg[-1] = seg[-1], seg[0]
        return lo, hi, seg
    return lo, hi, order[lo:hi + 1][::-1]


def _peers(instance: MsspInstance) -> list[list[int]]:
    """For each scene, the scenes at the same location or sharing an actor."""
    by_place: dict[int, list[int]] = {}
    for scene, place in enumerate(instance.locations):
        by_place.setdefault(place, []).append(scene)
    peers = []
    for scene in range(instance.scenes):
        mates = set(by_place[instance.locations[scene]])
        mates.update(t for t in range(instance.scenes) if instance.cast[scene] & instance.cast[t])
        mates.discard(scene)
        peers.append(sorted(mates))
    return peers


def local_search(instance: MsspInstance, *, seconds: float, seed: int = 0,
                 clock: Callable[[], float] | None = None,
                 start: list[int] | None = None) -> list[int]:
    """Simulated annealing from `start` (default: `greedy_order`); returns the best order.

    The time is cut into rounds of about n/10 seconds (at least 3 s): each round anneals
    from `start` again with its own seed, because anneals end in different local optima and
    the best of several independent ones is more reliable than one long anneal.
    Stops after `seconds` by `clock`, or after a move budget when `clock` is None.
    """
    order = list(start) if start is not None else greedy_order(instance)
    if instance.scenes < 2:
        return order
    peers = _peers(instance)
    best = order
    best_cost = _Board(instance, order).total()
    rounds = max(1, round(seconds / max(3.0, instance.scenes / 10)))
    finish = clock() + seconds if clock is not None else None
    for index in range(rounds):
        board = _Board(instance, order)
        rng = random.Random(seed * 1000 + index)
        if clock is not None and finish is not None:
            left = finish - clock()
            if left <= 0:
                break
            share = left / (rounds - index)
            found = _anneal(board, rng, peers, 0, clock() + share, clock)
        else:
            budget = max(1000, int(seconds / rounds * _MOVES_PER_SECOND))
            found = _anneal(board, rng, peers, budget, None, None)
        cost = _Board(instance, found).total()
        if cost < best_cost:
            best, best_cost = found, cost
    return best


def _anneal(board: _Board, rng: random.Random, peers: list[list[int]], budget: int,
            deadline: float | None, clock: Callable[[], float] | None) -> list[int]:
    """The annealing loop: geometric cooling over the budget, restart from best when stuck."""
    current = board.total()
    best, best_order = current, list(board.order)
    where = [0] * board.n
    for p, s in enumerate(board.order):
        where[s] = p
    start_temp = _start_temperature(board, rng, peers, where)
    moves, since_best, fraction = 0, 0, 0.0
    began = clock() if clock is not None else 0.0
    while True:
        moves += 1
        if moves & 255 == 0:
            fraction = _fraction(moves, budget, began, deadline, clock)
            if fraction >= 1.0:
                break
        temp = start_temp * (0.002 ** fraction)
        since_best += 1
        move = _propose(board, rng, peers, where)
        if move is None:
            continue
        lo, hi, seg = move
        if not board.feasible(seg):
            continue
        delta = board.range_cost(lo, hi, seg) - board.range_cost(lo, hi, board.order[lo:hi + 1])
        if delta <= 0 or rng.random() < math.exp(-delta / temp):
            board.apply(lo, hi, seg)
            for p in range(lo, hi + 1):
                where[board.order[p]] = p
            current += delta
            if current < best:
                best, best_order, since_best = current, list(board.order), 0
        if since_best > 400 * board.n:
            board.apply(0, board.n - 1, list(best_order))
            for p, s in enumerate(board.order):
                where[s] = p
            current, since_best = best, 0
    return best_order


def _fraction(moves: int, budget: int, began: float, deadline: float | None,
              clock: Callable[[], float] | None) -> float:
    """How much of the search budget is spent, 0..1 (by the clock when there is one)."""
    if clock is None or deadline is None:
        return moves / budget
    return (clock() - began) / max(1e-9, deadline - began)


def _start_temperature(board: _Board, rng: random.Random, peers: list[list[int]],
                       where: list[int]) -> float:
    """A hot start: twice the median cost increase of sampled random moves (the sample is
    not applied), so a typical worsening move is first accepted about 60% of the time; the
    temperature then falls geometrically to 0.2% of it."""
    rises = []
    for _ in range(200):
        move = _propose(board, rng, peers, where)
        if move is None:
            continue
        lo, hi, seg = move
        delta = board.range_cost(lo, hi, seg) - board.range_cost(lo, hi, board.order[lo:hi + 1])
        if delta > 0:
            rises.append(delta)
    if not rises:
        return 1.0
    rises.sort()
    return max(1.0, rises[len(rises) // 2] / _COOLNESS)


#: Start temperature = median worsening / this (tuned on the mssp/ benchmark instances).
_COOLNESS = 0.5
