"""`make bench`: run every benchmark and print its figures (copy them to docs/benchmarks.md).

Exit code is non-zero when a benchmark misses its target, so a regression is visible.
"""

from __future__ import annotations

import platform
import subprocess
import sys

BENCHMARKS = (
    ("Parse + paginate Big Fish vs screenplain", "bench.parse_bigfish"),
    ("Pagination agreement with Final Draft", "bench.pagination_agreement"),
)


def main() -> int:
    """Run each benchmark module in its own interpreter; return the worst exit code."""
    machine = f"{platform.machine()} {platform.processor()}".strip()
    print(f"machine: {machine}, python {platform.python_version()}")
    worst = 0
    for title, module in BENCHMARKS:
        print(f"\n== {title} ({module})", flush=True)
        result = subprocess.run([sys.executable, "-m", module], check=False)
        worst = max(worst, result.returncode)
    return worst


if __name__ == "__main__":
    raise SystemExit(main())
