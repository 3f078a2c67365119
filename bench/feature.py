"""Realistic feature benchmark: `solve_schedule` against a plain CP-SAT model, same limit.

The problem is `bench.feature_generator.generate_feature(seed)` (200 strips, 40 cast, 25
locations, 45 shoot days, availability windows, night strips). Both solvers get the same time
limit (10 s by default) and 2 workers, in the same run, one after the other. Reported for
each: time to the first feasible schedule, cost (priced by `costing.schedule_cost`, so both
are measured by the same rule), lower bound, gap, and the number of hard violations found by
`conflicts.check_schedule` (errors only).

The baseline is the model a newcomer writes: x[strip, day] on days where the strip's cast and
location are available; used days from day 1 on (used[d] >= used[d+1]); capacity (strip
minutes plus 60 minutes per extra location <= the maximum day); overtime minutes beyond the
standard day; per performer work[p, d] and first/last work-day variables (paid days =
last - first + 1, or the work days for day players); location days; crew turnarounds (no
night day followed by a day-call day when rest is short); precedences by day. No hints, no
symmetry breaking, no drop/pick-up and no in-day order or move costs in its objective (they
are still priced).

Run: .venv/bin/python -m bench.feature [--seed N] [--time-limit S]
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ortools.sat.python import cp_model

from bench.feature_generator import generate_feature
from lynchpin.engine.errors import DomainError, Severity
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.model import (
    DayPart,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
)

WORKERS = 2
#: Baseline objective unit: 1/60 of a cent, so that an overtime minute costs an integer.
UNITS_PER_CENT = 60


@dataclass(frozen=True)
class Outcome:
    """What one solver achieved within the limit (money in the problem's currency)."""

    first_solution: float | None
    cost: Money | None
    bound: Money | None
    days: int
    violations: int
    seconds: float

    @property
    def gap(self) -> float | None:
        """(cost - bound) / cost, None without both."""
        if self.cost is None or self.bound is None or self.cost.amount <= 0:
            return None
        return max(0.0, float((self.cost.amount - self.bound.amount) / self.cost.amount))


def allowed_days(problem: ScheduleProblem, strip: Strip) -> list[int]:
    """Day indexes on which every performer and the location of `strip` are available."""
    people = {p.id: p for p in problem.performers}
    place = next(loc for loc in problem.locations if loc.id == strip.location)
    out = []
    for index, day in enumerate(problem.days):
        ok = place.availability.allows(day.date)
        for member in (people[c] for c in (*strip.cast, *strip.elements)):
            ok = ok and member.availability.allows(day.date)
            ok = ok and (member.earliest_start is None or day.date >= member.earliest_start)
            ok = ok and (member.latest_finish is None or day.date <= member.latest_finish)
        if ok:
            out.append(index)
    return out


def _cents(amount: Money) -> int:
    return amount.in_minor_units()


class Baseline:
    """The plain CP-SAT model of the module docstring."""

    def __init__(self, problem: ScheduleProblem) -> None:
        self.problem = problem
        self.cp = cp_model.CpModel()
        self.days = len(problem.days)
        self.x: dict[tuple[str, int], cp_model.IntVar] = {}
        for strip in problem.strips:
            choices = [self._put(strip.id, d) for d in allowed_days(problem, strip)]
            self.cp.add_exactly_one(choices)
        self.used = [self.cp.new_bool_var(f"used{d}") for d in range(self.days)]
        for d in range(self.days - 1):
            self.cp.add(self.used[d] >= self.used[d + 1])
        for (_, d), literal in self.x.items():
            self.cp.add_implication(literal, self.used[d])
        terms = [_cents(problem.crew_daily_cost) * UNITS_PER_CENT * u for u in self.used]
        self.there: dict[tuple[str, int], cp_model.IntVar] = {}
        terms += self._locations() + self._capacity() + self._performers()
        self._turnarounds()
        self._precedences()
        self.cp.minimize(sum(terms))

    def _put(self, strip_id: str, day: int) -> cp_model.IntVar:
        literal = self.cp.new_bool_var(f"x{strip_id}_{day}")
        self.x[(strip_id, day)] = literal
        return literal

    def _on(self, day: int, strips: list[Strip]) -> list[tuple[Strip, cp_model.IntVar]]:
        return [(s, self.x[(s.id, day)]) for s in strips if (s.id, day) in self.x]

    def _capacity(self) -> list[cp_model.LinearExpr]:
        capacity = self.problem.capacity
        per_minute = _cents(self.problem.overtime_hourly_cost)  # x60 units / 60 minutes
        move = self.problem.rules.default_move_minutes  # >= every listed pair's minutes
        terms = []
        for d in range(self.days):
            load = sum(s.minutes * v for s, v in self._on(d, list(self.problem.strips)))
            places = [v for (_, day), v in self.there.items() if day == d]
            load += move * (sum(places) - self.used[d])  # strips grouped by location
            self.cp.add(load <= capacity.max_minutes)
            over = self.cp.new_int_var(0, capacity.max_minutes, f"ot{d}")
            self.cp.add(over >= load - capacity.standard_minutes)
            terms.append(per_minute * over)
        return terms

    def _performers(self) -> list[cp_model.LinearExpr]:
        terms = []
        for performer in self.problem.performers:
            strips = [s for s in self.problem.strips
                      if performer.id in s.cast or performer.id in s.elements]
            if not strips:
                continue
            rate = _cents(performer.daily_rate) * UNITS_PER_CENT
            work = []
            first = self.cp.new_int_var(0, self.days - 1, f"first_{performer.id}")
            last = self.cp.new_int_var(0, self.days - 1, f"last_{performer.id}")
            for d in range(self.days):
                on = self._on(d, strips)
                if not on:
                    continue
                worked = self.cp.new_bool_var(f"w{performer.id}_{d}")
                for _, literal in on:
                    self.cp.add_implication(literal, worked)
                self.cp.add(first <= d).only_enforce_if(worked)
                self.cp.add(last >= d).only_enforce_if(worked)
                work.append(worked)
            if performer.holds_allowed:
                terms.append(rate * (last - first + 1))
            else:
                terms.append(rate * cp_model.LinearExpr.sum(work))
        return terms

    def _locations(self) -> list[cp_model.LinearExpr]:
        terms = []
        for place in self.problem.locations:
            strips = [s for s in self.problem.strips if s.location == place.id]
            for d in range(self.days):
                on = self._on(d, strips)
                if on:
                    there = self.cp.new_bool_var(f"at{place.id}_{d}")
                    self.there[(place.id, d)] = there
                    for _, literal in on:
                        self.cp.add_implication(literal, there)
                    terms.append(_cents(place.daily_cost) * UNITS_PER_CENT * there)
        return terms

    def _turnarounds(self) -> None:
        rules = self.problem.rules
        wrap = rules.night_call + self.problem.capacity.standard_minutes
        strips = list(self.problem.strips)
        for d in range(self.days - 1):
            gap = (self.problem.days[d + 1].date - self.problem.days[d].date).days
            if wrap + rules.crew_rest_hours * 60 <= gap * 1440 + rules.day_call:
                continue
            nights = [v for s, v in self._on(d, strips) if s.day_part == DayPart.NIGHT]
            mornings = [v for s, v in self._on(d + 1, strips) if s.day_part != DayPart.NIGHT]
            if nights and mornings:
                night = self.cp.new_bool_var(f"night{d}")
                for literal in nights:
                    self.cp.add_implication(literal, night)
                for literal in mornings:
                    self.cp.add_implication(literal, night.negated())

    def _day_of(self, strip_id: str) -> cp_model.LinearExpr:
        return cp_model.LinearExpr.sum([d * v for (s, d), v in self.x.items() if s == strip_id])

    def _precedences(self) -> None:
        for first, second in self.problem.rules.precedences:
            self.cp.add(self._day_of(first) <= self._day_of(second))

    def schedule(self, solver: cp_model.CpSolver) -> Schedule:
        """Read the solver's assignment back: used days, strips by location then id."""
        by_day: dict[int, list[Strip]] = {}
        for strip in self.problem.strips:
            for d in range(self.days):
                literal = self.x.get((strip.id, d))
                if literal is not None and solver.value(literal):
                    by_day.setdefault(d, []).append(strip)
        days = []
        for d in sorted(by_day):
            ordered = _order_day(by_day[d], self.problem.rules.precedences)
            work_day = self.problem.days[d]
            days.append(ShootDay(work_day.number, work_day.date, ordered))
        return Schedule(tuple(days))


def _order_day(strips: list[Strip], precedences: tuple[tuple[str, str], ...]
               ) -> tuple[str, ...]:
    """Strips grouped by location, then moved to honour precedences."""
    ids = [s.id for s in sorted(strips, key=lambda s: (s.location, int(s.id)))]
    for first, second in precedences:
        if first in ids and second in ids and ids.index(first) > ids.index(second):
            ids.remove(first)
            ids.insert(ids.index(second), first)
    return tuple(ids)


class _FirstSolution(cp_model.CpSolverSolutionCallback):
    def __init__(self, began: float) -> None:
        super().__init__()
        self.began = began
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.monotonic() - self.began


def _errors(problem: ScheduleProblem, schedule: Schedule) -> int:
    return sum(1 for v in check_schedule(problem, schedule) if v.severity == Severity.ERROR)


def run_baseline(problem: ScheduleProblem, time_limit: float) -> Outcome:
    """Build and solve the baseline within `time_limit` seconds (model building included)."""
    began = time.monotonic()
    model = Baseline(problem)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.monotonic() - began))
    solver.parameters.num_workers = WORKERS
    watcher = _FirstSolution(began)
    status = solver.solve(model.cp, watcher)
    seconds = time.monotonic() - began
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Outcome(None, None, None, 0, 0, seconds)
    schedule = model.schedule(solver)
    bound_cents = Decimal(int(solver.best_objective_bound)) / UNITS_PER_CENT / 100
    return Outcome(watcher.first, schedule_cost(problem, schedule).total,
                   Money(bound_cents.quantize(Decimal("0.01")), problem.currency),
                   len(schedule.days), _errors(problem, schedule), seconds)


def run_ours(problem: ScheduleProblem, time_limit: float) -> Outcome:
    """`solve_schedule` with the same limit; time to first solution from its progress."""
    from lynchpin.engine.scheduling.solver import Progress, solve_schedule

    began = time.monotonic()
    first: list[float] = []

    def progress(_: Progress) -> None:
        if not first:
            first.append(time.monotonic() - began)

    try:
        result = solve_schedule(problem, time_limit=time_limit, workers=WORKERS,
                                progress=progress)
    except DomainError as error:  # no schedule in time, or infeasible: report, do not crash
        print(f"ours: {error}")
        return Outcome(None, None, None, 0, 0, time.monotonic() - began)
    seconds = time.monotonic() - began
    return Outcome(first[0] if first else None, result.cost.total, result.lower_bound,
                   len(result.schedule.days), _errors(problem, result.schedule), seconds)


def _row(name: str, outcome: Outcome) -> str:
    first = "none" if outcome.first_solution is None else f"{outcome.first_solution:.1f} s"
    cost = "-" if outcome.cost is None else f"{outcome.cost.amount:,.2f}"
    bound = "-" if outcome.bound is None else f"{outcome.bound.amount:,.2f}"
    gap = "-" if outcome.gap is None else f"{outcome.gap:.1%}"
    return (f"| {name} | {first} | {cost} | {bound} | {gap} | {outcome.days} | "
            f"{outcome.violations} | {outcome.seconds:.1f} s |")


def main(runners: dict[str, Callable[[ScheduleProblem, float], Outcome]] | None = None) -> int:
    """Print the comparison table; exit 1 when ours finds no feasible schedule in time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args()
    problem = generate_feature(args.seed)
    print(f"machine: {platform.machine()}, python {platform.python_version()}, {WORKERS} "
          f"workers; feature seed {args.seed}: {len(problem.strips)} strips, "
          f"{len(problem.performers)} performers, {len(problem.locations)} locations, "
          f"{len(problem.days)} days; limit {args.time_limit} s")
    print("| solver | first solution | cost (USD) | bound (USD) | gap | days | errors | time |")
    print("|---|---|---|---|---|---|---|---|")
    chosen = runners or {"ours (solve_schedule)": run_ours, "baseline (plain CP-SAT)":
                         run_baseline}
    failed = False
    for name, runner in chosen.items():
        outcome = runner(problem, args.time_limit)
        failed = failed or (name.startswith("ours") and outcome.cost is None)
        print(_row(name, outcome), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
