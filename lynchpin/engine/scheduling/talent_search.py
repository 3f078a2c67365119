"""Exact search for the talent scheduling order: A* over sets of remaining scenes.

The dynamic programme of Garcia de la Banda, Stuckey & Chu (2011) has one state per set Q of
scenes still to shoot (a Python int bitmask); the step cost of shooting s next depends on Q alone
(see `talent_bound`). We explore it best-first by g + h (g: holding cost so far, h: their lower
bound), keep a dict Q -> best g (memoisation; re-opening a state when a cheaper path reaches it),
and prune every state whose g + h reaches the heuristic upper bound. Popping a state whose
g + h is at least the incumbent proves the incumbent optimal.

h is a bound for the actors on location plus a static bound for the actors not started yet
(`talent_triples`); the two actor sets are disjoint, so the bounds add up. For the actors on
location, a new state gets their bound (`TalentCore.bound_and_cast`, Smith's rule), raised to
what its parent's on-location bound leaves after the step (those actors are still there or done,
and the step cost is exactly what they wait during the scene); when the state is popped, the
exact optimum of their wait alone (`TalentCore.exact_on_location`) replaces it, and the state
goes back on the heap when its f rose (else it is expanded); not when it would have to reach
1.5 times the bound known (it then practically never prunes). That search stops as soon as it
proves the state can be pruned, so the bound is exact only for the states that are expanded;
a state pruned that way is looked at again if it is reached more cheaply. Its calls share one
`ResidualMemo` (bounds on the residual problems its unions leave, learnt from what each call
proves), so later calls start from stronger bounds.
Their dominance rules prune successors (see `_successors`).

Iterative (a heap, no recursion), memory-bounded (`SearchLimits.max_states`) and anytime: every
`DIVE_EVERY` expansions the current state is completed greedily, which may improve the
incumbent; when the clock passes the deadline (checked after about `CHECK_WORK` children
looked at; the heuristic and the triple table look at it too) the search returns the incumbent
with optimal=False and the smallest g + h still open (a proven lower bound: every cheaper order
passes through an open state) as the lower bound.

When the extension `talent_compiled` is built and the instance fits it (`talent_native`), the
same search runs in C with identical results (same states, order, clock looks and dives).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from types import ModuleType

from lynchpin.engine.scheduling.talent_bound import ResidualMemo, TalentCore
from lynchpin.engine.scheduling.talent_heuristic import greedy_order, improve
from lynchpin.engine.scheduling.talent_limits import Found, SearchLimits
from lynchpin.engine.scheduling.talent_native import compiled_for, fits
from lynchpin.engine.scheduling.talent_reduce import ReducedInstance
from lynchpin.engine.scheduling.talent_triples import FreeActorBound

#: Work (children looked at, about n per expansion) between two looks at the clock: one
#: expansion costs O(n (n + m)), so large instances look at it after every expansion.
CHECK_WORK = 4096
#: Expansions between two greedy dives that may improve the incumbent (anytime quality).
DIVE_EVERY = 4096


def search_order(reduced: ReducedInstance, limits: SearchLimits) -> Found:
    """Best order of the reduced groups (see module docstring for the method and limits)."""
    core = TalentCore(reduced)
    if core.n == 0:
        return Found((), 0, 0, True)
    order, upper = improve(core, greedy_order(core, should_stop=limits.expired), limits.expired)
    free = FreeActorBound(core, limits.expired)
    if limits.expired():
        # the packing of the triples solved so far still bounds the holding cost from below
        return Found(tuple(order), upper, min(upper, free.bound(core.cast_of(core.full))), False)
    return _AStar(core, free, tuple(order), upper).run(limits)


class _AStar:
    """The search state: open heap, best g and parent per scene set, cached bounds and casts."""

    def __init__(
        self, core: TalentCore, free: FreeActorBound, incumbent: tuple[int, ...], upper: int
    ) -> None:
        self.core = core
        self.free = free
        self.incumbent = incumbent
        self.upper = upper
        self.best_g: dict[int, int] = {core.full: 0}
        self.parent: dict[int, int] = {}
        # the bound h of a scene set, in two parts: its on-location and its free actors'
        self.on_bound: dict[int, int] = {core.full: 0}
        self.free_bound: dict[int, int] = {core.full: 0}
        self.exact: set[int] = set()  # scene sets whose on-location bound is exact
        self.memo = ResidualMemo(core)  # residual bounds shared by the exact bound's calls
        # the exact on-location bound only where the compiled code can run (the same rule on
        # both paths, so both give the same results): in pure Python it costs more than it
        # saves on instances of 64 scenes and more
        self.exact_bounds = fits(core)
        self.cast_of: dict[int, int] = {core.full: core.cast_of(core.full)}
        # entries (g + h, -g, remaining scenes, started actors): deepest first among equal f
        self.heap: list[tuple[int, int, int, int]] = [(0, 0, core.full, 0)]

    def run(self, limits: SearchLimits) -> Found:
        """Pop states best-first until the incumbent is proven or a limit stops the search."""
        compiled = compiled_for(self.core)
        if compiled is not None:
            return self._run_compiled(compiled, limits)
        expansions = 0
        check_every = _check_every(self.core)
        while self.heap:
            f, minus_g, remaining, started = heapq.heappop(self.heap)
            g = -minus_g
            if g > self.best_g[remaining]:
                continue  # stale entry: a cheaper path to this state was found later
            if f >= self.upper:
                break
            if remaining == 0:
                return Found(_path(self.parent, self.core.full), g, g, True)
            expansions += 1
            if expansions % DIVE_EVERY == 0:
                prefix = _path(self.parent, self.core.full, remaining)
                self._dive(prefix, remaining, started, limits.expired)
            if expansions % check_every == 0 and (
                limits.expired() or len(self.best_g) > limits.max_states
            ):
                return Found(self.incumbent, self.upper, min(f, self.upper), False)
            on_bound = self._exact_bound(remaining, started, g)
            bound = g + on_bound + self.free_bound[remaining]
            if bound > f:  # the bound rose since the entry was pushed
                if bound < self.upper:
                    heapq.heappush(self.heap, (bound, -g, remaining, started))
                continue
            self._expand(remaining, started, g, on_bound)
        return Found(self.incumbent, self.upper, self.upper, True)

    def _run_compiled(self, compiled: ModuleType, limits: SearchLimits) -> Found:
        """The same search by `talent_compiled.CompiledSearch` (same states, same order)."""
        core = self.core
        search = compiled.CompiledSearch(
            core.masks, core.durations, core.costs, core.supersets, self.free.triples
        )

        def dive(prefix: tuple[int, ...], remaining: int, started: int) -> int:
            self._dive(prefix, remaining, started, limits.expired)
            return self.upper

        kind, value, order = search.run(
            self.upper, dive, limits.expired, limits.max_states, _check_every(core), DIVE_EVERY
        )
        if kind == compiled.GOAL:
            return Found(order, value, value, True)
        if kind == compiled.EXHAUSTED:
            return Found(self.incumbent, self.upper, self.upper, True)
        return Found(self.incumbent, self.upper, value, False)

    def _exact_bound(self, remaining: int, started: int, g: int) -> int:
        """The on-location bound of a popped state, made exact once (unless it can be pruned)."""
        on_bound = self.on_bound[remaining]
        enough = self.upper - g - self.free_bound[remaining]
        # not when it would have to be 1.5 times the bound known (it practically never prunes)
        hopeful = on_bound < enough and 2 * (enough - on_bound) <= on_bound
        if self.exact_bounds and remaining not in self.exact and hopeful:
            on_location = started & self.cast_of[remaining]
            exact = self.core.exact_on_location(remaining, on_location, enough, on_bound, self.memo)
            if exact < enough:  # exact: not again (else again if reached more cheaply)
                self.exact.add(remaining)
            if exact > on_bound:
                on_bound = self.on_bound[remaining] = exact
        return on_bound

    def _expand(self, remaining: int, started: int, g: int, on_bound: int) -> None:
        """Push every worthwhile successor that improves its state's best g below the bound.

        `on_bound`: the state's bound for its on-location actors; minus a step's cost, it still
        bounds what they wait after the step (inherited when larger than the child's own)."""
        core = self.core
        on_location = started & self.cast_of[remaining]
        durations = core.durations
        masks = core.masks
        cost_of = core.cost_of
        for scene in _successors(core, remaining, started, on_location):
            child = remaining & ~(1 << scene)
            child_g = g + durations[scene] * cost_of(on_location & ~masks[scene])
            if child_g >= self.best_g.get(child, self.upper):
                continue
            moved = started | masks[scene]
            if child not in self.on_bound:
                self._bound(child, moved)
            inherited = on_bound - (child_g - g)
            if inherited > self.on_bound[child]:
                self.on_bound[child] = inherited
            h = self.on_bound[child] + self.free_bound[child]
            if child_g + h >= self.upper:
                continue
            self.best_g[child] = child_g
            self.parent[child] = scene
            heapq.heappush(self.heap, (child_g + h, -child_g, child, moved))

    def _bound(self, remaining: int, started: int) -> None:
        """The two parts of a new state's h: on-location and not-yet-started actors' bounds."""
        on_location, cast = self.core.bound_and_cast(remaining, started)
        self.cast_of[remaining] = cast
        self.on_bound[remaining] = on_location
        self.free_bound[remaining] = self.free.bound(cast & ~started)

    def _dive(
        self,
        prefix: tuple[int, ...],
        remaining: int,
        started: int,
        should_stop: Callable[[], bool],
    ) -> None:
        """Complete the best path (`prefix`) to this state greedily; keep it if it is better."""
        order, value = improve(
            self.core,
            [*prefix, *greedy_order(self.core, remaining, started, should_stop)],
            should_stop,
        )
        if value < self.upper:
            self.incumbent, self.upper = tuple(order), value


def _check_every(core: TalentCore) -> int:
    """Expansions between two looks at the clock: about `CHECK_WORK` children looked at."""
    return max(1, CHECK_WORK // (core.n * core.n))


def _successors(core: TalentCore, remaining: int, started: int, on_location: int) -> list[int]:
    """Scenes worth shooting next (`started`: actors of the scenes already shot).

    A scene needing exactly the actors on location is the only successor: it costs nobody any
    wait and starts nobody early. Otherwise a scene i is skipped when a remaining scene j needs
    all of i's actors and nobody new but them (cast(i) <= cast(j) <= started | cast(i)):
    shooting j first is never worse (both rules: de la Banda et al. 2011).
    """
    scenes = []
    masks = core.masks
    supersets = core.supersets
    rest = remaining
    while rest:
        low = rest & -rest
        rest ^= low
        scene = low.bit_length() - 1
        mask = masks[scene]
        if on_location and mask == on_location:
            return [scene]
        allowed = started | mask
        if not any(remaining >> j & 1 and masks[j] & ~allowed == 0 for j in supersets[scene]):
            scenes.append(scene)
    return scenes


def _path(parent: dict[int, int], full: int, goal: int = 0) -> tuple[int, ...]:
    """The scene order from the full set to `goal` (a state), read back from `parent`."""
    order: list[int] = []
    remaining = goal
    while remaining != full:
        scene = parent[remaining]
        order.append(scene)
        remaining |= 1 << scene
    return tuple(reversed(order))
