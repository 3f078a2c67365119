"""CP-SAT successor model of the MSSP, warm-started from a known order.

Nodes are the scenes plus a depot; `AddCircuit` over arc literals makes a Hamiltonian
path depot -> ... -> depot, i.e. the shooting order. An arc i -> j fixes
start_j = start_i + d_i (days), so starts are exact; actor first/last days bound the
starts of the actor's scenes (minimisation makes them tight), and a location is entered
once per arc coming into it from another location (or from the depot). Arcs that would
reverse a precedence (transitively) are not created. A redundant `NoOverlap` on the scene
intervals helps propagation. Objective = the MSSP total cost exactly (integers).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from ortools.sat.python import cp_model

from lynchpin.engine.scheduling.sequencing import MsspInstance, MsspProgress
from lynchpin.engine.scheduling.sequencing_bound import _closure

#: Upper end of the cost variables' domains (costs are far below it).
_BIG = 2**40


class _Model:
    """The CP-SAT model and the variables needed to read an order back."""

    def __init__(self, instance: MsspInstance, location_floor: int, holding_floor: int) -> None:
        self.instance = instance
        self.model = cp_model.CpModel()
        horizon = sum(instance.durations)
        n = instance.scenes
        self.start = [self.model.new_int_var(0, horizon - instance.durations[s], f"s{s}")
                      for s in range(n)]
        self.arcs: dict[tuple[int, int], cp_model.IntVar] = {}
        self._circuit(n)
        self._precedences()
        # Known bounds as cuts: CP-SAT's own bound on these sums is weak.
        holding = self.model.new_int_var(holding_floor, _BIG, "holding")
        self.model.add(holding == self._holding(horizon))
        location = self.model.new_int_var(location_floor, _BIG, "location")
        self.model.add(location == self._location_entries()
                       - sum(self._used_location_costs()))
        self.model.minimize(holding + location)

    def _circuit(self, n: int) -> None:
        after, _ = _closure(self.instance)
        depot = n
        arcs = []
        for i in range(n):
            for j in range(n):
                if i != j and not (after[j] >> i) & 1:
                    literal = self.model.new_bool_var(f"a{i}_{j}")
                    self.arcs[(i, j)] = literal
                    self.model.add(self.start[j] == self.start[i] + self.instance.durations[i]
                                   ).only_enforce_if(literal)
                    arcs.append((i, j, literal))
            first = self.model.new_bool_var(f"first{i}")
            self.arcs[(depot, i)] = first
            self.model.add(self.start[i] == 0).only_enforce_if(first)
            arcs.append((depot, i, first))
            arcs.append((i, depot, self.model.new_bool_var(f"last{i}")))
        self.model.add_circuit(arcs)
        intervals = [self.model.new_fixed_size_interval_var(self.start[s], d, f"i{s}")
                     for s, d in enumerate(self.instance.durations)]
        self.model.add_no_overlap(intervals)

    def _precedences(self) -> None:
        for first, second in self.instance.precedences:
            self.model.add(self.start[first] + self.instance.durations[first]
                           <= self.start[second])

    def _holding(self, horizon: int) -> cp_model.LinearExpr:
        terms = []
        for actor, cost in enumerate(self.instance.actor_costs):
            scenes = [s for s, cast in enumerate(self.instance.cast) if actor in cast]
            if not scenes or cost == 0:
                continue
            first = self.model.new_int_var(0, horizon, f"f{actor}")
            last = self.model.new_int_var(0, horizon, f"l{actor}")
            for s in scenes:
                self.model.add(first <= self.start[s])
                self.model.add(last >= self.start[s] + self.instance.durations[s])
            worked = sum(self.instance.durations[s] for s in scenes)
            self.model.add(last - first >= worked)
            terms.append(cost * (last - first - worked))
        return cp_model.LinearExpr.sum(terms) if terms else cp_model.LinearExpr.sum([])

    def _location_entries(self) -> cp_model.LinearExpr:
        places = self.instance.locations
        costs = self.instance.location_costs
        terms = []
        for (i, j), literal in self.arcs.items():
            if (i == self.instance.scenes or places[i] != places[j]) and costs[places[j]]:
                terms.append(costs[places[j]] * literal)
        return cp_model.LinearExpr.sum(terms) if terms else cp_model.LinearExpr.sum([])

    def _used_location_costs(self) -> list[int]:
        return [self.instance.location_costs[p] for p in set(self.instance.locations)]

    def hint(self, order: list[int]) -> None:
        """Hint every arc and start from `order` (a complete, consistent hint)."""
        chosen = {(self.instance.scenes, order[0])}
        chosen.update(itertools.pairwise(order))
        for key, literal in self.arcs.items():
            self.model.add_hint(literal, key in chosen)
        day = 0
        for scene in order:
            self.model.add_hint(self.start[scene], day)
            day += self.instance.durations[scene]

    def order(self, solver: cp_model.CpSolver) -> list[int]:
        """The order of the solver's current solution (scenes by start day)."""
        return sorted(range(self.instance.scenes), key=lambda s: solver.value(self.start[s]))


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Forwards CP-SAT's improving solutions to a progress callback."""

    def __init__(self, progress: Callable[[MsspProgress], None]) -> None:
        super().__init__()
        self.progress = progress

    def on_solution_callback(self) -> None:
        self.progress(MsspProgress(int(self.objective_value), int(self.best_objective_bound),
                                   "cp-sat"))


def improve_with_cpsat(
    instance: MsspInstance,
    order: list[int],
    *,
    time_limit: float,
    workers: int,
    seed: int,
    floors: tuple[int, int] = (0, 0),
    progress: Callable[[MsspProgress], None] | None = None,
) -> tuple[list[int] | None, int]:
    """Solve the successor model hinted with `order` for `time_limit` seconds.

    `floors` are known lower bounds (location cost, holding cost), added as constraints.
    Returns (the solver's best order or None, the solver's lower bound; 0 when it has none).
    """
    built = _Model(instance, *floors)
    built.hint(order)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    reporter = _Reporter(progress) if progress is not None else None
    status = solver.solve(built.model, reporter)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, 0
    return built.order(solver), max(0, int(solver.best_objective_bound))
