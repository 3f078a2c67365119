"""Movie shoot scheduling benchmark: our `solve_mssp` against a plain CP-SAT model.

For each instance of ../shared/bench/talent/mssp/ (10 files, 5 to 300 scenes) this runs, in
the same process and one after the other, our solver and the baseline with time limits of
10 s and 60 s (10 s only with --quick), and prints a Markdown table of the costs found and
the lower bounds proven. The baseline is the straightforward position-assignment model a
newcomer writes: x[s][p] = scene s at position p, position start days, actor first/last days
bounded by the starts of their scenes, location visits counted from position changes, no
hints, no bounds, no symmetry breaking. Both use 2 CP-SAT workers.

Run: .venv/bin/python -m bench.mssp [--quick] [--data DIR]
"""

from __future__ import annotations

import argparse
import platform
import time
from dataclasses import dataclass
from pathlib import Path

from ortools.sat.python import cp_model

from lynchpin.engine.scheduling.sequencing import MsspInstance, mssp_cost, read_mssp, solve_mssp

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench" / "talent" / "mssp"
WORKERS = 2


@dataclass(frozen=True)
class Run:
    """One solver run: cost found (None: nothing found), lower bound, seconds taken."""

    cost: int | None
    bound: int
    seconds: float


def baseline(instance: MsspInstance, time_limit: float) -> Run:
    """Solve the plain position-assignment CP-SAT model for `time_limit` seconds."""
    began = time.monotonic()
    model = cp_model.CpModel()
    n = instance.scenes
    horizon = sum(instance.durations)
    at = [[model.new_bool_var(f"x{s}_{p}") for p in range(n)] for s in range(n)]
    for s in range(n):
        model.add_exactly_one(at[s])
    for p in range(n):
        model.add_exactly_one(at[s][p] for s in range(n))
    begin = [model.new_int_var(0, horizon, f"t{p}") for p in range(n + 1)]
    model.add(begin[0] == 0)
    for p in range(n):
        model.add(begin[p + 1] == begin[p] + sum(instance.durations[s] * at[s][p]
                                                   for s in range(n)))
    start = [model.new_int_var(0, horizon, f"s{s}") for s in range(n)]
    for s in range(n):
        for p in range(n):
            model.add(start[s] == begin[p]).only_enforce_if(at[s][p])
    for first, second in instance.precedences:
        model.add(start[first] + instance.durations[first] <= start[second])
    cost_terms = _baseline_holding(model, instance, start, horizon)
    cost_terms += _baseline_locations(model, instance, at)
    model.minimize(sum(cost_terms) - sum(instance.location_costs[p]
                                         for p in set(instance.locations)))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = WORKERS
    status = solver.solve(model)
    seconds = time.monotonic() - began
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Run(None, max(0, int(solver.best_objective_bound)), seconds)
    order = sorted(range(n), key=lambda s: solver.value(start[s]))
    return Run(mssp_cost(instance, order).total, max(0, int(solver.best_objective_bound)),
               seconds)


def _baseline_holding(model: cp_model.CpModel, instance: MsspInstance,
                      start: list[cp_model.IntVar], horizon: int) -> list[cp_model.LinearExpr]:
    terms = []
    for actor, cost in enumerate(instance.actor_costs):
        scenes = [s for s, cast in enumerate(instance.cast) if actor in cast]
        if not scenes:
            continue
        first = model.new_int_var(0, horizon, f"f{actor}")
        last = model.new_int_var(0, horizon, f"l{actor}")
        for s in scenes:
            model.add(first <= start[s])
            model.add(last >= start[s] + instance.durations[s])
        worked = sum(instance.durations[s] for s in scenes)
        terms.append(cost * (last - first - worked))
    return terms


def _baseline_locations(model: cp_model.CpModel, instance: MsspInstance,
                        at: list[list[cp_model.IntVar]]) -> list[cp_model.LinearExpr]:
    """visit[l][p] >= here[l][p] - here[l][p-1]: a visit starts where l begins a run."""
    n = instance.scenes
    terms = []
    for place, cost in enumerate(instance.location_costs):
        scenes = [s for s in range(n) if instance.locations[s] == place]
        if not scenes or cost == 0:
            continue
        here = [sum(at[s][p] for s in scenes) for p in range(n)]
        for p in range(n):
            visit = model.new_bool_var(f"v{place}_{p}")
            model.add(visit >= here[p] - (here[p - 1] if p else 0))
            terms.append(cost * visit)
    return terms


def ours(instance: MsspInstance, time_limit: float) -> Run:
    """Our solver for `time_limit` seconds (wall clock injected)."""
    began = time.monotonic()
    found = solve_mssp(instance, time_limit=time_limit, workers=WORKERS, clock=time.monotonic)
    return Run(found.cost.total, found.lower_bound, time.monotonic() - began)


def _cell(run: Run | None) -> str:
    if run is None:
        return "-"
    return "none" if run.cost is None else f"{run.cost} ({run.seconds:.1f} s)"


def main() -> int:
    """Run the benchmark and print the table; exit 1 if ours is ever worse than baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 s runs only")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    limits = (10.0,) if args.quick else (10.0, 60.0)
    files = sorted(args.data.glob("movie*.txt"), key=lambda p: int(p.stem[5:]))
    print(f"machine: {platform.machine()}, python {platform.python_version()}, "
          f"{WORKERS} CP-SAT workers, limits {limits}")
    print("| instance | scenes | ours@10s | ours@60s | bound | baseline@10s | baseline@60s"
          " | baseline bound |")
    print("|---|---|---|---|---|---|---|---|")
    worse = False
    for path in files:
        instance = read_mssp(path.read_text(), source=path.name)
        mine = [ours(instance, limit) for limit in limits]
        theirs = [baseline(instance, limit) for limit in limits]
        bound = max(run.bound for run in mine)
        best_mine = min(run.cost for run in mine if run.cost is not None)
        found = [run.cost for run in theirs if run.cost is not None]
        worse = worse or bool(found and min(found) < best_mine)
        proven = " (opt)" if bound == best_mine else ""
        print(f"| {instance.name} | {instance.scenes} | {_cell(mine[0])} | "
              f"{_cell(mine[1] if len(mine) > 1 else None)} | {bound}{proven} | "
              f"{_cell(theirs[0])} | {_cell(theirs[1] if len(theirs) > 1 else None)} | "
              f"{max(run.bound for run in theirs)} |", flush=True)
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
