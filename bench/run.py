"""`make bench`: run every benchmark and print its figures (copy them to docs/benchmarks.md).

Exit code is non-zero when a benchmark misses its target, so a regression is visible.
"""

from __future__ import annotations

import platform
import subprocess
import sys

#: (title, module and arguments). `make bench` runs the quick variants (about 10 minutes);
#: `python -m bench.<name>` without --quick gives the full figures in docs/benchmarks.md.
BENCHMARKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Parse + paginate Big Fish vs screenplain", ("bench.parse_bigfish",)),
    ("Pagination agreement with Final Draft", ("bench.pagination_agreement",)),
    ("Talent scheduling: literature and DDOLib instances", ("bench.talent", "--quick")),
    ("Movie shoot scheduling (MSSP) vs a plain CP-SAT model", ("bench.mssp", "--quick")),
    ("Realistic feature: 200 strips, 40 cast, 45 days", ("bench.feature", "--seed", "1")),
    ("Budget: 5,000 lines full recompute and one-line re-price", ("bench.budget",)),
    ("Labour: a season of timecards, 100 people x 60 days", ("bench.labour", "--quick")),
    ("Web: scene list and scene page, 200 scenes, 20 users", ("bench.web", "--quick")),
)


def main() -> int:
    """Run each benchmark module in its own interpreter; return the worst exit code."""
    machine = f"{platform.machine()} {platform.processor()}".strip()
    print(f"machine: {machine}, python {platform.python_version()}")
    worst = 0
    for title, command in BENCHMARKS:
        print(f"\n== {title} ({' '.join(command)})", flush=True)
        result = subprocess.run([sys.executable, "-m", *command], check=False)
        worst = max(worst, result.returncode)
    return worst


if __name__ == "__main__":
    raise SystemExit(main())
