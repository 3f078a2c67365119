"""The schedule optimiser: CP-SAT over the full model (docs/scheduling/optimiser.md).

`solve_schedule(problem, ...)` assigns every strip to exactly one shoot day, orders each day,
and minimises `costing.schedule_cost` (crew days, cast paid days, location days, moves,
overtime). It is warm-started (from `warm_start` or a greedy schedule), stops at `time_limit`
seconds (passed to CP-SAT; the engine never reads the clock), reports progress through a
callback (objective, bound, gap, solutions, the solver's own wall time) and stops cleanly when
`should_stop()` turns true, returning the best schedule found.

Raises `InputError` when a strip fits no day or the input names unknown ids, and
`ScheduleInfeasible` (a `DomainError`) naming the rules that cannot hold together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal
from math import floor
from typing import Any

from ortools.sat.python import cp_model

from lynchpin.engine.errors import DomainError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import CostBreakdown, schedule_cost
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem
from lynchpin.engine.scheduling.resequence import order_within_days, resequence_days
from lynchpin.engine.scheduling.solver_compact import compact_assignment, compact_plan
from lynchpin.engine.scheduling.solver_core import Model
from lynchpin.engine.scheduling.solver_greedy import greedy_assignment
from lynchpin.engine.scheduling.solver_input import SolveSpec, candidate_days
from lynchpin.engine.scheduling.solver_model import build_model
from lynchpin.engine.scheduling.solver_order import build_schedule


class ScheduleInfeasible(DomainError):
    """No schedule satisfies the hard rules; `conflicts` names a set of rules that clash."""

    def __init__(self, conflicts: tuple[str, ...]) -> None:
        self.conflicts = conflicts
        listed = "; ".join(conflicts) or "the strips' availability and the number of days"
        super().__init__(f"no feasible schedule: these cannot all hold: {listed}")


@dataclass(frozen=True, slots=True)
class Progress:
    """A new best schedule during the search; `wall_time` is the solver's own, in seconds;
    `gap` is (objective - bound) / objective, 0 when proven optimal."""

    objective: Money
    bound: Money
    gap: float
    solutions: int
    wall_time: float


@dataclass(frozen=True, slots=True)
class SolveResult:
    """The best schedule found, its cost (from `schedule_cost`), the solver's objective (equal
    to the cost, plus re-planning penalties, at an optimum), the proven lower bound on the
    objective, whether the schedule is proven optimal, and the CP-SAT status name."""

    schedule: Schedule
    cost: CostBreakdown
    lower_bound: Money
    optimal: bool
    status: str
    objective: Money

    @property
    def gap(self) -> float:
        """Relative distance between objective and bound (0.0 = proven optimal)."""
        return relative_gap(self.objective.amount, self.lower_bound.amount)


def relative_gap(objective: Decimal, bound: Decimal) -> float:
    """(objective - bound) / objective, 0.0 when the objective is 0 or below the bound."""
    if objective <= 0 or bound >= objective:
        return 0.0
    return float((objective - bound) / objective)


def _cost_units(model: Model, value: float) -> int:
    """The cost part of an objective value (or bound): floor(value / tiebreak)."""
    return floor(round(value) / model.tiebreak)


def _to_money(model: Model, units: int, *, floor_to_cent: bool = False) -> Money:
    """Cost units (cents x scale) as Money; bounds round down, objectives half-up."""
    currency = model.spec.problem.currency
    minor = Money.zero(currency).minor_units
    amount = Decimal(units) / (model.scale * 10**minor)
    if floor_to_cent:
        return Money(amount.quantize(Decimal(1).scaleb(-minor), ROUND_FLOOR), currency)
    return Money(amount, currency).rounded()


def _bound(model: Model, best_bound: float) -> Money:
    return _to_money(model, max(_cost_units(model, best_bound), model.simple_bound),
                     floor_to_cent=True)


class _Watcher(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and polls `should_stop`."""

    def __init__(self, model: Model, progress: Callable[[Progress], None] | None,
                 should_stop: Callable[[], bool] | None) -> None:
        super().__init__()
        self.model, self.progress, self.should_stop = model, progress, should_stop
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        if self.progress is not None:
            objective = _to_money(self.model, _cost_units(self.model, self.objective_value))
            bound = _bound(self.model, self.best_objective_bound)
            gap = relative_gap(objective.amount, bound.amount)
            self.progress(Progress(objective, bound, gap, self.solutions, self.wall_time))
        if self.should_stop is not None and self.should_stop():
            self.stop_search()


def _quick_solve(model: Model, workers: int, seconds: float) -> cp_model.CpSolver | None:
    """First solution of the model as it stands, or None."""
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, seconds)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.stop_after_first_solution = True
    _light_presolve(model, solver)
    status = solver.solve(model.cp)
    return solver if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def _fix(model: Model, assignment: Mapping[str, int], keep: Callable[[str], bool]) -> None:
    """Fix (as assumptions) the strips `keep` selects to their days in `assignment`."""
    model.cp.add_assumptions([
        literal if assignment.get(strip_id) == day else ~literal
        for (strip_id, day), literal in model.x.items() if keep(strip_id)
    ])


def _repair_set(model: Model, assignment: Mapping[str, int], reopen: frozenset[int]) -> set[
        str]:
    """Strips on the days to re-open, and their precedence and same-day partners."""
    rules = model.spec.problem.rules
    moving = {s for s, day in assignment.items() if day in reopen}
    groups = [*rules.precedences, *rules.same_day]
    return moving | {s for g in groups if set(g) & moving for s in g}


def _first_solution(model: Model, assignment: Mapping[str, int], reopen: frozenset[int],
                    workers: int, time_limit: float) -> tuple[cp_model.CpSolver | None, float]:
    """A feasible solution near `assignment`: completed as is; else with the strips on the
    `reopen` days freed (objective set aside); else any. Returns it (or None) and the
    seconds used."""
    cp, spent = model.cp, 0.0
    free = _repair_set(model, assignment, reopen)
    attempts = [(lambda s: True, 0.2), (lambda s: s not in free, 0.5), (lambda s: False, 0.3)]
    for number, (keep, share) in enumerate(attempts):
        if number == 1 and not reopen:
            continue
        if number:
            if number == 2:  # any schedule: the objective only slows the search down
                cp.clear_objective()  # type: ignore[no-untyped-call]
            for (strip_id, day), literal in model.x.items():
                cp.add_hint(literal, assignment.get(strip_id) == day)
        _fix(model, assignment, keep)
        found = _quick_solve(model, workers, time_limit * share)
        cp.clear_assumptions()
        if number:
            if number == 2:
                cp.minimize(model.objective)
            cp.clear_hints()  # type: ignore[no-untyped-call]
        spent += time_limit * share if found is None else float(found.wall_time)
        if found is not None:
            return found, spent
    return None, spent


def _compacted(model: Model, found: cp_model.CpSolver, workers: int, time_limit: float,
               spent: float) -> tuple[cp_model.CpSolver, float]:
    """`found`, or a cheaper solution with end days emptied (`solver_compact`) when the model
    completes it with every strip fixed (one run of days, no gap: it usually does)."""
    assignment = {s: d for (s, d), literal in model.x.items() if found.boolean_value(literal)}
    better = compact_assignment(model.spec, assignment, model.candidates)
    if better is None:
        return found, spent
    _fix(model, better, lambda s: True)
    again = _quick_solve(model, workers, time_limit * 0.1)
    model.cp.clear_assumptions()
    if again is None:
        return found, spent + time_limit * 0.1
    return again, spent + float(again.wall_time)


def _hint(model: Model, assignment: Mapping[str, int], reopen: frozenset[int],
          workers: int, time_limit: float) -> float:
    """Hint the model with a complete feasible solution near `assignment` when one is found
    quickly (CP-SAT then starts from it at once); returns the solver seconds used."""
    found, spent = _first_solution(model, assignment, reopen, workers, time_limit)
    if found is not None and not (model.spec.fixed or model.spec.idle_days_allowed):
        found, spent = _compacted(model, found, workers, time_limit, spent)
    if found is not None:
        for index in range(len(model.cp.proto.variables)):
            variable = model.cp.get_int_var_from_proto_index(index)
            model.cp.add_hint(variable, found.value(variable))
    else:
        for (strip_id, day), literal in model.x.items():
            model.cp.add_hint(literal, assignment.get(strip_id) == day)
    return spent


#: Above this many strip/day booleans CP-SAT's full presolve (probing, symmetry, repeated
#: passes) takes seconds; a light presolve reaches the first schedule in about one second.
LIGHT_PRESOLVE_ABOVE = 3000


def _light_presolve(model: Model, solver: cp_model.CpSolver) -> None:
    if len(model.x) > LIGHT_PRESOLVE_ABOVE:
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.symmetry_level = 0
        solver.parameters.max_presolve_iterations = 1


def warm_start_assignment(spec: SolveSpec, schedule: Schedule) -> dict[str, int]:
    """Strip id -> day index from a schedule (by date); strips it lacks, or places on a day
    they cannot take, get the greedy day."""
    candidates = candidate_days(spec)
    index = {day.date: number for number, day in enumerate(spec.days)}
    result = greedy_assignment(spec, candidates)
    for day in schedule.days:
        for strip_id in day.strips:
            if day.date in index and index[day.date] in candidates.get(strip_id, ()):
                result[strip_id] = index[day.date]
    return result


def _read_back(model: Model, solver: cp_model.CpSolver) -> Schedule:
    assignment = {s: d for (s, d), literal in model.x.items() if solver.boolean_value(literal)}
    used = [d for d, literal in enumerate(model.used) if solver.value(literal)]
    roles: dict[int, dict[str, int]] = {}
    for rank, chosen in enumerate((model.first, model.mid, model.last)):
        for (location, day), literal in chosen.items():
            if solver.boolean_value(literal):
                roles.setdefault(day, {}).setdefault(location, rank)
    orders = {day: sorted(ranks, key=lambda loc: ranks[loc]) for day, ranks in roles.items()}
    return build_schedule(model.spec.problem, model.spec.days, assignment, orders, used)


def _diagnose(spec: SolveSpec, time_limit: float) -> ScheduleInfeasible:
    model = build_model(spec, diagnose=True)
    model.cp.add_assumptions(list(model.rules.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = time_limit
    status = solver.solve(model.cp)
    names = {literal.index: name for name, literal in model.rules.items()}
    if status != cp_model.INFEASIBLE:
        return ScheduleInfeasible(tuple(sorted(names.values())))
    core = solver.sufficient_assumptions_for_infeasibility()
    return ScheduleInfeasible(tuple(sorted(names[index] for index in core if index in names)))


def solve_spec(
    spec: SolveSpec,
    *,
    time_limit: float,
    hint: Mapping[str, int] | None = None,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> SolveResult:
    """Optimise one `SolveSpec` (the engine of `solve_schedule` and of re-planning)."""
    model = build_model(spec)
    start, reopen = compact_plan(spec, model.candidates)
    if hint is not None:
        start, reopen = dict(hint), frozenset()
    spent = _hint(model, start, reopen, workers, time_limit)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - spent)
    solver.parameters.num_workers = max(1, workers)
    _light_presolve(model, solver)
    watcher = _Watcher(model, progress, should_stop)
    status = solver.solve(model.cp, watcher)
    if status == cp_model.INFEASIBLE:
        raise _diagnose(spec, time_limit)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        message = model.cp.validate() or f"no schedule found within {time_limit} s"
        raise DomainError(f"the optimiser found no schedule ({solver.status_name(status)}): "
                          f"{message}")
    schedule = _read_back(model, solver)
    return SolveResult(
        schedule=schedule,
        cost=schedule_cost(spec.problem, schedule),
        lower_bound=_bound(model, solver.best_objective_bound),
        optimal=status == cp_model.OPTIMAL,
        status=solver.status_name(status),
        objective=_to_money(model, _cost_units(model, solver.objective_value)),
    )


def solve_schedule(
    problem: ScheduleProblem,
    *,
    time_limit: float = 10.0,
    warm_start: Schedule | None = None,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> SolveResult:
    """Cheapest schedule of `problem` over `problem.days` found within `time_limit` seconds.

    Every strip is scheduled exactly once; shoot days are consecutive days of `problem.days`. Raises
    `InputError` (a strip fits no day, unknown ids) or `ScheduleInfeasible`; `DomainError`
    when no schedule was found in time.

    The CP-SAT answer is then polished with the exact talent-scheduling core
    (`resequence`): days reordered in blocks when that cuts holds without breaking a rule, and
    strips inside each day's location blocks ordered to cut waiting on set.
    """
    spec = SolveSpec(problem, problem.days)
    hint: dict[str, int] | None = None
    if warm_start is not None:
        hint = warm_start_assignment(spec, warm_start)
    result = solve_spec(spec, time_limit=time_limit, hint=hint, workers=workers,
                        progress=progress, should_stop=should_stop)
    return _polished(problem, result)


def _polished(problem: ScheduleProblem, result: SolveResult) -> SolveResult:
    """`result` with its schedule resequenced by the talent core (never dearer)."""
    schedule = result.schedule
    if not result.optimal:
        schedule = resequence_days(problem, schedule)
    schedule = order_within_days(problem, schedule)
    cost = schedule_cost(problem, schedule)
    if cost.total > result.cost.total:  # cannot happen (both steps keep or cut cost): be safe
        return result
    objective = result.objective - result.cost.total + cost.total
    return replace(result, schedule=schedule, cost=cost, objective=objective)


__all__: list[Any] = ["Progress", "ScheduleInfeasible", "SolveResult", "solve_schedule"]
