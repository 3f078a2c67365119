"""Timing helpers for benchmarks: best and median of repeated runs, in milliseconds.

Machines here are shared and noisy, so every benchmark compares things measured in the same
run (a ratio), and reports the best of many repeats (least disturbed) next to the median.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Wall-clock timings of one callable, in milliseconds."""

    label: str
    best_ms: float
    median_ms: float
    runs: int


def measure(label: str, func: Callable[[], object], *, runs: int = 30, warmup: int = 3) -> Timing:
    """Call `func` `warmup` times unmeasured, then `runs` times; return best and median."""
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000.0)
    return Timing(label, min(samples), statistics.median(samples), runs)


def interleaved(
    funcs: dict[str, Callable[[], object]], *, rounds: int = 10, runs: int = 5
) -> dict[str, Timing]:
    """Measure several callables in alternating rounds so machine noise hits them alike."""
    samples: dict[str, list[float]] = {label: [] for label in funcs}
    for func in funcs.values():
        func()
    for _ in range(rounds):
        for label, func in funcs.items():
            for _ in range(runs):
                start = time.perf_counter()
                func()
                samples[label].append((time.perf_counter() - start) * 1000.0)
    return {
        label: Timing(label, min(s), statistics.median(s), len(s)) for label, s in samples.items()
    }
