"""The classic talent scheduling problem: read an instance, cost an order, solve it exactly.

n scenes are shot one after another; scene s lasts ``durations[s]`` days and needs the actors
``cast[s]``; actor a costs ``costs[a]`` per day and is paid every day from the first day of its
first scene to the last day of its last scene (Cheng, Diamond & Lin 1993). The *total cost* of an
order is what all actors are paid; the *holding cost* is total minus the fixed cost (every actor's
own shooting days, the same for every order). Both are integers (currency units per day times
days). Minimising either is equivalent.

`solve_talent` is the exact solver: the dynamic programme of Garcia de la Banda, Stuckey & Chu
(2011) over the set of scenes still to shoot, with their preprocessing and lower bound, searched
best-first (A*) below an upper bound from a heuristic order; see `talent_search`. The engine never
reads the clock: pass ``time_limit`` together with a ``clock`` (the CLI passes time.monotonic).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.talent_limits import SearchLimits
from lynchpin.engine.scheduling.talent_read import parse_talent
from lynchpin.engine.scheduling.talent_reduce import reduce_instance
from lynchpin.engine.scheduling.talent_search import search_order


@dataclass(frozen=True, slots=True)
class TalentInstance:
    """One talent scheduling instance.

    `durations[s]` (days, >= 1) and `cast[s]` (0-based actor indexes) per scene; `costs[a]`
    (>= 0, per day) per actor. Invariant: every index in `cast` is below ``len(costs)``.
    """

    name: str
    durations: tuple[int, ...]
    costs: tuple[int, ...]
    cast: tuple[frozenset[int], ...]

    @property
    def scene_count(self) -> int:
        """Number of scenes (n)."""
        return len(self.durations)

    @property
    def actor_count(self) -> int:
        """Number of actors (m)."""
        return len(self.costs)

    @property
    def fixed_cost(self) -> int:
        """Cost of the actors' own shooting days: the part of the total no order can change."""
        return sum(
            self.durations[s] * self.costs[a] for s, actors in enumerate(self.cast) for a in actors
        )


@dataclass(frozen=True, slots=True)
class TalentSolution:
    """The best order found and what is proven about it.

    `order` lists 0-based scene indexes in shooting order; `cost` is its total cost and
    `holding_cost` its total minus the fixed cost; `lower_bound` is a proven lower bound on the
    optimal total cost (equal to `cost` when `optimal`); `optimal` says the order is proven best.
    """

    order: tuple[int, ...]
    cost: int
    holding_cost: int
    lower_bound: int
    optimal: bool


def read_talent(text: str, *, source: str = "") -> TalentInstance:
    """Parse the canonical talent-scheduling text format (Stuckey's page, DDOLib, ddo).

    Whitespace-separated tokens: a name, n, m, then m rows of n 0/1 flags plus the actor's daily
    cost, then n scene durations. Raises InputError naming `source` and the line of the first
    bad token (wrong counts, non-integers, flags other than 0/1, negative costs, durations < 1).
    """
    name, durations, costs, cast = parse_talent(text, source=source)
    return TalentInstance(name=name, durations=durations, costs=costs, cast=cast)


def talent_cost(instance: TalentInstance, order: Sequence[int]) -> int:
    """Total cost of shooting `instance`'s scenes in `order` (0-based indexes).

    Raises InputError (field ``order``) unless `order` is a permutation of the scenes.
    """
    _check_permutation(instance, order)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    day = 0
    for scene in order:
        for actor in instance.cast[scene]:
            first.setdefault(actor, day)
            last[actor] = day + instance.durations[scene]
        day += instance.durations[scene]
    return sum(instance.costs[a] * (last[a] - first[a]) for a in first)


def solve_talent(
    instance: TalentInstance,
    *,
    time_limit: float | None = None,
    clock: Callable[[], float] | None = None,
    max_states: int = 4_000_000,
) -> TalentSolution:
    """The cheapest shooting order of `instance`, proven optimal unless a limit stops the search.

    `time_limit` (seconds, measured with the injected `clock`) and `max_states` (memoised scene
    sets, which bounds memory) make the search stop early: it then returns the best order found
    with ``optimal=False`` and the best proven lower bound. Raises ValueError when `time_limit`
    is given without a `clock` (the engine never reads the clock itself).
    """
    if time_limit is not None and clock is None:
        raise ValueError("solve_talent: time_limit needs a clock (e.g. time.monotonic)")
    deadline = None
    if time_limit is not None and clock is not None:
        deadline = clock() + time_limit
    reduced = reduce_instance(instance.durations, instance.costs, instance.cast)
    limits = SearchLimits(clock=clock, deadline=deadline, max_states=max_states)
    found = search_order(reduced, limits)
    order = reduced.expand(found.order)
    cost = talent_cost(instance, order)
    fixed = instance.fixed_cost
    lower = fixed + found.lower_bound if not found.optimal else cost
    return TalentSolution(
        order=order,
        cost=cost,
        holding_cost=cost - fixed,
        lower_bound=min(lower, cost),
        optimal=found.optimal,
    )


def _check_permutation(instance: TalentInstance, order: Sequence[int]) -> None:
    """Raise InputError unless `order` holds every scene index exactly once."""
    if sorted(order) != list(range(instance.scene_count)):
        raise InputError(
            f"not a permutation of the {instance.scene_count} scenes: {list(order)}",
            source=instance.name,
            field="order",
        )
