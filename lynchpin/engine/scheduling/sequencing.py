"""Movie shoot scheduling (MSSP): sequence scenes one after another at their locations.

The simplified MSSP (Bomsdorf & Derigs 2008; Optimization Hub, Univ. Udine): scenes have a
duration in days, a location and a set of actors; scenes are shot one at a time without idle
days, some scenes must be shot before others. The cost of an order is

    sum over locations l of cost_l * (visits_l - 1)            (a visit = a maximal run of
                                                                consecutive scenes at l)
  + sum over actors a of cost_a * (paid_a - worked_a)          (holding: paid-but-idle days)

where an actor is paid from the first day of its first scene to the last day of its last
scene. All numbers are non-negative integers (days and cost units of the input file).

`read_mssp` reads the competition's text format, `mssp_cost` prices an order, and
`solve_mssp` searches (greedy start, local search, then CP-SAT on a successor model warm
started from the best order) and returns the best order with a valid lower bound.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lynchpin.engine.errors import InputError


@dataclass(frozen=True, slots=True)
class MsspInstance:
    """One MSSP instance; scene, actor and location indexes are 0-based.

    Invariants: every per-scene tuple has one entry per scene; `cast[s]` holds actor indexes
    < len(actor_costs); `locations[s]` < len(location_costs); durations >= 1; costs >= 0;
    `precedences` are (i, j) pairs, scene i shot before scene j, i != j.
    """

    name: str
    actor_costs: tuple[int, ...]
    location_costs: tuple[int, ...]
    durations: tuple[int, ...]
    locations: tuple[int, ...]
    cast: tuple[frozenset[int], ...]
    precedences: tuple[tuple[int, int], ...] = ()

    @property
    def scenes(self) -> int:
        """Number of scenes."""
        return len(self.durations)


@dataclass(frozen=True, slots=True)
class MsspCost:
    """The cost of one order: `total` = `location_cost` + `holding_cost` (cost units)."""

    total: int
    location_cost: int
    holding_cost: int


@dataclass(frozen=True, slots=True)
class MsspProgress:
    """A progress report: best cost found so far and the best lower bound so far."""

    cost: int
    lower_bound: int
    phase: str


@dataclass(frozen=True, slots=True)
class MsspSolution:
    """The best order found (0-based scene indexes), its cost, a lower bound on every
    feasible order's total cost, and whether the order is proven optimal."""

    order: tuple[int, ...]
    cost: MsspCost
    lower_bound: int
    optimal: bool


class _Tokens:
    """Whitespace-separated integer tokens with their 1-based line numbers."""

    def __init__(self, text: str, source: str) -> None:
        self.items: list[tuple[str, int]] = [
            (token, number)
            for number, line in enumerate(text.splitlines(), start=1)
            for token in line.split()
        ]
        self.position = 0
        self.source = source

    def take(self, what: str, low: int = 0, high: int | None = None) -> int:
        """Next token as an int in [low, high]; InputError naming the line otherwise."""
        if self.position >= len(self.items):
            last = self.items[-1][1] if self.items else None
            raise InputError(f"file ends before {what}", source=self.source, line=last)
        token, line = self.items[self.position]
        self.position += 1
        try:
            value = int(token)
        except ValueError:
            raise InputError(
                f"expected an integer for {what}, got {token!r}", source=self.source, line=line
            ) from None
        if value < low or (high is not None and value > high):
            bound = f"{low}..{high}" if high is not None else f">= {low}"
            raise InputError(f"{what} is {value}, expected {bound}", source=self.source, line=line)
        return value

    def line(self) -> int | None:
        """The line of the next token (None at the end)."""
        return self.items[self.position][1] if self.position < len(self.items) else None


def read_mssp(text: str, *, source: str = "") -> MsspInstance:
    """Read the MSSP text format (see the module docstring of the bench README):

    ``A S L P``, A actor costs, L location costs, S durations, S locations, A rows of S 0/1,
    P pairs ``i j``. Raises InputError naming `source` and the line of the first bad token
    (missing, not an integer, out of range, a precedence cycle, or trailing tokens).
    Linear in the text length.
    """
    tokens = _Tokens(text, source)
    actors = tokens.take("the number of actors")
    scenes = tokens.take("the number of scenes", 1)
    places = tokens.take("the number of locations", 1)
    pairs = tokens.take("the number of precedences")
    actor_costs = tuple(tokens.take(f"cost of actor {a}") for a in range(actors))
    location_costs = tuple(tokens.take(f"cost of location {p}") for p in range(places))
    durations = tuple(tokens.take(f"duration of scene {s}", 1) for s in range(scenes))
    locations = tuple(
        tokens.take(f"location of scene {s}", 0, places - 1) for s in range(scenes)
    )
    members: list[set[int]] = [set() for _ in range(scenes)]
    for actor in range(actors):
        for scene in range(scenes):
            if tokens.take(f"actor {actor} in scene {scene} (0/1)", 0, 1):
                members[scene].add(actor)
    precedences = []
    for index in range(pairs):
        line = tokens.line()
        first = tokens.take(f"precedence {index} first scene", 0, scenes - 1)
        second = tokens.take(f"precedence {index} second scene", 0, scenes - 1)
        if first == second:
            raise InputError(f"scene {first} cannot precede itself", source=source, line=line)
        precedences.append((first, second))
    if tokens.position < len(tokens.items):
        raise InputError("unexpected tokens after the precedences", source=source,
                         line=tokens.line())
    if precedence_order(scenes, precedences) is None:
        raise InputError("the precedences form a cycle", source=source)
    name = source.rsplit("/", 1)[-1].removesuffix(".txt") if source else "mssp"
    return MsspInstance(name, actor_costs, location_costs, durations, locations,
                        tuple(frozenset(m) for m in members), tuple(precedences))


def precedence_order(scenes: int, precedences: list[tuple[int, int]] | tuple[
        tuple[int, int], ...]) -> list[int] | None:
    """A topological order of scenes 0..scenes-1 (smallest index first), or None on a cycle."""
    successors: list[list[int]] = [[] for _ in range(scenes)]
    indegree = [0] * scenes
    for first, second in precedences:
        successors[first].append(second)
        indegree[second] += 1
    ready = [s for s in range(scenes) if indegree[s] == 0]
    order: list[int] = []
    while ready:
        ready.sort(reverse=True)
        scene = ready.pop()
        order.append(scene)
        for nxt in successors[scene]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == scenes else None


def check_order(instance: MsspInstance, order: tuple[int, ...] | list[int]) -> None:
    """Raise ValueError unless `order` is a permutation of the scenes honouring precedences."""
    if sorted(order) != list(range(instance.scenes)):
        raise ValueError("an order must list every scene exactly once")
    position = {scene: index for index, scene in enumerate(order)}
    for first, second in instance.precedences:
        if position[first] > position[second]:
            raise ValueError(f"scene {first} must be shot before scene {second}")


def mssp_cost(instance: MsspInstance, order: tuple[int, ...] | list[int]) -> MsspCost:
    """Price `order` (0-based scene indexes). Raises ValueError on an infeasible order."""
    check_order(instance, order)
    visits = [0] * len(instance.location_costs)
    previous = -1
    for scene in order:
        place = instance.locations[scene]
        if place != previous:
            visits[place] += 1
        previous = place
    location_cost = sum(c * (v - 1) for c, v in zip(instance.location_costs, visits, strict=True)
                        if v > 0)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    worked = [0] * len(instance.actor_costs)
    day = 0
    for scene in order:
        for actor in instance.cast[scene]:
            first.setdefault(actor, day)
            last[actor] = day + instance.durations[scene]
            worked[actor] += instance.durations[scene]
        day += instance.durations[scene]
    holding = sum(instance.actor_costs[a] * (last[a] - first[a] - worked[a]) for a in first)
    return MsspCost(location_cost + holding, location_cost, holding)


def solve_mssp(
    instance: MsspInstance,
    *,
    time_limit: float,
    workers: int = 2,
    seed: int = 0,
    progress: Callable[[MsspProgress], None] | None = None,
    clock: Callable[[], float] | None = None,
) -> MsspSolution:
    """Find a cheap order of `instance`'s scenes within about `time_limit` seconds.

    Phases: small instances (about 2^n x locations x n <= 1.5 million) are solved exactly by
    dynamic programming; otherwise bounds (precedence-forced visits and waits; the talent
    relaxation, exact or bounded by engineer A's solver, up to 60 scenes), a greedy or
    talent-optimal start repaired to honour precedences, simulated annealing (about 70% of
    the time, all of it above 24 scenes), then CP-SAT on a successor (circuit) model hinted
    with the best order, with the known bounds as cuts. Time is measured with `clock` when
    given, else split by fixed shares (the annealing then runs on a move budget, deterministic for a
    `seed`). The lower bound is the best proven one; `optimal` when it meets the cost.
    Raises ValueError when `time_limit` <= 0.
    """
    # Imported here, not at the top: these modules import the values defined above.
    from lynchpin.engine.scheduling.sequencing_bound import (
        combinatorial_bound,
        talent_relaxation,
    )
    from lynchpin.engine.scheduling.sequencing_exact import exact_small
    from lynchpin.engine.scheduling.sequencing_search import (
        greedy_order,
        local_search,
        repair_order,
    )

    if time_limit <= 0:
        raise ValueError("time_limit must be positive")
    exact = exact_small(instance)
    if exact is not None:
        cost = mssp_cost(instance, exact)
        return MsspSolution(tuple(exact), cost, cost.total, True)
    began = clock() if clock is not None else 0.0
    location_floor, holding_floor = combinatorial_bound(instance)
    start = greedy_order(instance)
    if instance.scenes <= _TALENT_FIRST_MAX_SCENES:
        relaxed_floor, relaxed_order = talent_relaxation(
            instance, seconds=time_limit * 0.15, clock=clock)
        holding_floor = max(holding_floor, relaxed_floor)
        candidate = repair_order(instance, relaxed_order)
        if mssp_cost(instance, candidate).total < mssp_cost(instance, start).total:
            start = candidate
    use_cpsat = instance.scenes <= _CPSAT_MAX_SCENES
    left = _remaining(time_limit, began, clock, 0.85)
    order = local_search(instance, seconds=left * (0.7 if use_cpsat else 1.0), seed=seed,
                         clock=clock, start=start)
    best = mssp_cost(instance, order)
    bound = location_floor + holding_floor
    if progress is not None:
        progress(MsspProgress(best.total, bound, "local search"))
    if use_cpsat and best.total > bound:
        order, best, bound = _polish(instance, order, best, bound, (location_floor,
                                     holding_floor), _remaining(time_limit, began, clock, 0.5),
                                     workers, seed, progress)
    bound = min(bound, best.total)
    return MsspSolution(tuple(order), best, bound, bound == best.total)


def _remaining(time_limit: float, began: float, clock: Callable[[], float] | None,
               share_without_clock: float) -> float:
    """Seconds left of `time_limit` (by `clock`), or a fixed share of it without a clock."""
    if clock is None:
        return time_limit * share_without_clock
    return max(0.1, time_limit - (clock() - began))


def _polish(instance: MsspInstance, order: list[int], best: MsspCost, bound: int,
            floors: tuple[int, int], seconds: float, workers: int, seed: int,
            progress: Callable[[MsspProgress], None] | None,
            ) -> tuple[list[int], MsspCost, int]:
    """Run the CP-SAT successor model from `order`; keep what improves order or bound."""
    from lynchpin.engine.scheduling.sequencing_model import improve_with_cpsat

    improved, cp_bound = improve_with_cpsat(instance, order, time_limit=seconds,
                                            workers=workers, seed=seed, floors=floors,
                                            progress=progress)
    bound = max(bound, cp_bound)
    if improved is not None:
        cost = mssp_cost(instance, improved)
        if cost.total < best.total:
            return improved, cost, bound
    return order, best, bound


#: Above this many scenes the circuit model (n^2 arcs) brought nothing in 60 s on the
#: benchmark (neither better orders nor bounds), so the annealing gets all the time.
_CPSAT_MAX_SCENES = 24
#: Up to this many scenes the talent relaxation runs (bound and a starting order); beyond,
#: the talent search overruns its time share (measured: 100 scenes, 1 s asked, 13 s taken).
_TALENT_FIRST_MAX_SCENES = 60
