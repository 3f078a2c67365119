"""Talent scheduling benchmark: the exact solver on every shared instance, then random ones.

Part 1 solves every instance of ``../shared/bench/talent`` (22 literature instances and the 48
DDOLib random ones) with a per-instance time limit and prints, per instance: size, total and
holding cost, whether optimality was proven, seconds, the best known total (index.json) and
whether we match it. Targets (issue 3): literature proven in < 1 s each, DDOLib in < 10 s.

Part 2 generates random instances in the manner of Garcia de la Banda, Stuckey & Chu (2011):
their generator is not published with the data we have, so ours is an approximation, stated
here: for an (n, m) size, every actor plays in every scene independently with probability
`DENSITY`; an actor left with fewer than two scenes gets a second random scene, a scene left
empty gets a random actor; daily costs are uniform in 1..100 and durations uniform in 1..5.
Each instance is seeded (``seed, n, m, k``), so a run is reproducible. It reports how many are
proven optimal within the time limit per size.

    .venv/bin/python -m bench.talent            # default run (about 10 minutes at most)
    .venv/bin/python -m bench.talent --quick    # literature + a short random sample
    .venv/bin/python -m bench.talent --quick --ddolib   # ... and the 48 DDOLib instances
    .venv/bin/python -m bench.talent --quick --pure-python   # the fallback, without talent_compiled

Exit code 1 when a literature instance misses its best known value or its 1 s target.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lynchpin.engine.scheduling import talent_native
from lynchpin.engine.scheduling.talent import TalentInstance, read_talent, solve_talent

ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "talent"
DENSITY = 0.3
LITERATURE_TARGET_S = 1.0
DDOLIB_TARGET_S = 10.0


@dataclass(frozen=True)
class Row:
    """One solved instance."""

    name: str
    n: int
    m: int
    cost: int
    holding: int
    proven: bool
    seconds: float
    best: int | None

    @property
    def match(self) -> str:
        """'yes'/'no' against the best known total, '-' when none is known."""
        if self.best is None:
            return "-"
        return "yes" if self.cost == self.best else ("better" if self.cost < self.best else "no")


def solve(instance: TalentInstance, limit: float, best: int | None) -> Row:
    """Solve with a wall-clock limit and time it."""
    start = time.monotonic()
    solution = solve_talent(instance, time_limit=limit, clock=time.monotonic)
    seconds = time.monotonic() - start
    return Row(
        instance.name,
        instance.scene_count,
        instance.actor_count,
        solution.cost,
        solution.holding_cost,
        solution.optimal,
        seconds,
        best,
    )


def print_row(row: Row) -> None:
    """One table line."""
    best = "-" if row.best is None else str(row.best)
    print(
        f"{row.name:26} {row.n:3} {row.m:3} {row.cost:8} {row.holding:8} "
        f"{'yes' if row.proven else 'NO':>6} {row.seconds:8.2f} {best:>8} {row.match:>6}",
        flush=True,
    )


def shared_part(folder: str, limit: float) -> list[Row]:
    """Solve every instance of one folder of the shared benchmark."""
    index = {e["file"]: e for e in json.loads((ROOT / "index.json").read_text("utf-8"))}
    print(
        f"\n{'instance':26} {'n':>3} {'m':>3} {'cost':>8} {'holding':>8} {'proven':>6} "
        f"{'seconds':>8} {'best':>8} {'match':>6}"
    )
    rows = []
    for path in sorted((ROOT / folder).glob("*.txt")):
        entry = index.get(f"{folder}/{path.name}", {})
        instance = read_talent(path.read_text("utf-8"), source=path.name)
        rows.append(solve(instance, limit, entry.get("best_total")))
        print_row(rows[-1])
    return rows


def summarise(label: str, rows: list[Row], target: float) -> None:
    """Counts of proven instances, within target, matching the best known value."""
    proven = sum(r.proven for r in rows)
    fast = sum(r.proven and r.seconds < target for r in rows)
    known = [r for r in rows if r.best is not None]
    matched = sum(r.cost <= (r.best or 0) for r in known)
    worst = max((r.seconds for r in rows), default=0.0)
    median = statistics.median(r.seconds for r in rows) if rows else 0.0
    print(
        f"{label}: {proven}/{len(rows)} proven, {fast}/{len(rows)} proven in < {target:g} s, "
        f"{matched}/{len(known)} match the best known, median {median:.2f} s, "
        f"slowest {worst:.2f} s, total {sum(r.seconds for r in rows):.1f} s"
    )


def random_instance(n: int, m: int, rng: random.Random, name: str) -> TalentInstance:
    """One random instance (see the module docstring for the generator)."""
    cast = [{a for a in range(m) if rng.random() < DENSITY} for _ in range(n)]
    for actor in range(m):
        while sum(actor in scene for scene in cast) < 2:
            cast[rng.randrange(n)].add(actor)
    for scene in cast:
        if not scene:
            scene.add(rng.randrange(m))
    return TalentInstance(
        name=name,
        durations=tuple(rng.randint(1, 5) for _ in range(n)),
        costs=tuple(rng.randint(1, 100) for _ in range(m)),
        cast=tuple(frozenset(scene) for scene in cast),
    )


def random_part(sizes: list[tuple[int, int]], count: int, limit: float, seed: int) -> None:
    """Solve `count` random instances per size; print proven counts."""
    print(f"\nrandom instances: density {DENSITY}, seed {seed}, limit {limit:g} s")
    for n, m in sizes:
        rows = []
        for k in range(count):
            rng = random.Random(f"{seed}-{n}-{m}-{k}")
            instance = random_instance(n, m, rng, f"random_{n}_{m}_{k}")
            rows.append(solve(instance, limit, None))
        times = ", ".join(f"{r.seconds:.1f}" for r in rows)
        proven = sum(r.proven for r in rows)
        print(
            f"n={n:2} m={m:2}: {proven}/{count} proven in {limit:g} s (seconds: {times})",
            flush=True,
        )


def parse_sizes(text: str) -> list[tuple[int, int]]:
    """'32x16,40x22' -> [(32, 16), (40, 22)]."""
    sizes = []
    for item in text.split(","):
        n, m = item.lower().split("x")
        sizes.append((int(n), int(m)))
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 1 when a literature instance misses its value or its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short run")
    parser.add_argument(
        "--ddolib", action="store_true", help="with --quick: also the 48 DDOLib instances"
    )
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per random instance")
    parser.add_argument("--ddolib-limit", type=float, default=DDOLIB_TARGET_S)
    parser.add_argument("--sizes", default="16x8,24x12,32x16,32x22,40x16,48x22")
    parser.add_argument("--count", type=int, default=1, help="random instances per size")
    parser.add_argument("--seed", type=int, default=2011)
    parser.add_argument(
        "--pure-python", action="store_true", help="switch the compiled search off (fallback)"
    )
    args = parser.parse_args(argv)
    talent_native.USE_COMPILED = not args.pure_python
    if args.pure_python or not talent_native.built():
        reason = "switched off" if args.pure_python else "talent_compiled not built"
        print(f"search: pure Python ({reason})")
    else:
        print("search: compiled (talent_compiled)")
    if not (ROOT / "index.json").is_file():
        print(f"talent benchmark data not found at {ROOT}", file=sys.stderr)
        return 2
    literature = shared_part("instances", 60.0)
    summarise("literature", literature, LITERATURE_TARGET_S)
    if args.quick:
        if args.ddolib:
            ddolib = shared_part("generated_ddolib", args.ddolib_limit)
            summarise("DDOLib", ddolib, DDOLIB_TARGET_S)
        random_part([(16, 8), (20, 10)], 2, 5.0, args.seed)
    else:
        ddolib = shared_part("generated_ddolib", args.ddolib_limit)
        summarise("DDOLib", ddolib, DDOLIB_TARGET_S)
        random_part(parse_sizes(args.sizes), args.count, args.limit, args.seed)
    missed = [r for r in literature if r.match == "no" or r.seconds >= LITERATURE_TARGET_S]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
