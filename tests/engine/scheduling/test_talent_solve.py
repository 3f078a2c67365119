"""solve_talent and talent_cost: published optima, brute force on small instances, time limits.

Each solving test runs twice: with the compiled search (when built) and with the pure-Python one.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling import talent_native
from lynchpin.engine.scheduling.talent import (
    TalentInstance,
    read_talent,
    solve_talent,
    talent_cost,
)

from .talent_strategies import seeded_instance, talent_instances

TALENT = Path(__file__).resolve().parents[3].parent / "shared" / "bench" / "talent"


@pytest.fixture(params=[True, False], ids=["compiled", "python"])
def use_compiled(request: pytest.FixtureRequest) -> Iterator[bool]:
    """Switch the compiled talent code on or off for one test (restored afterwards)."""
    before = talent_native.USE_COMPILED
    talent_native.USE_COMPILED = request.param
    yield request.param
    talent_native.USE_COMPILED = before


@pytest.fixture(scope="module")
def talent_index() -> dict[str, dict[str, Any]]:
    """index.json of the shared talent benchmark, keyed by id; skip when it is absent."""
    index = TALENT / "index.json"
    if not index.is_file():
        pytest.skip(f"talent benchmark not found at {TALENT}")
    return {entry["id"]: entry for entry in json.loads(index.read_text(encoding="utf-8"))}


def _load(entry: dict[str, Any]) -> TalentInstance:
    path = TALENT / entry["file"]
    return read_talent(path.read_text(encoding="utf-8"), source=path.name)


def test_published_example_order_and_identity(talent_index: dict[str, dict[str, Any]]) -> None:
    instance = _load(talent_index["delabanda2011_example"])
    published = [5, 2, 7, 1, 6, 8, 4, 9, 3, 11, 10, 12]
    cost = talent_cost(instance, [s - 1 for s in published])
    assert (cost, cost - instance.fixed_cost) == (434, 53)
    identity = talent_cost(instance, range(12))
    assert (identity, identity - instance.fixed_cost) == (604, 223)


def test_literature_instances_are_solved_to_their_proven_optimum(
    talent_index: dict[str, dict[str, Any]], use_compiled: bool
) -> None:
    literature = [e for e in talent_index.values() if e["file"].startswith("instances/")]
    assert len(literature) == 22
    assert "Shaw2020" in {e["id"] for e in literature}
    for entry in literature:
        instance = _load(entry)
        solution = solve_talent(instance)
        assert solution.optimal, entry["id"]
        assert solution.lower_bound == solution.cost, entry["id"]
        assert talent_cost(instance, solution.order) == solution.cost
        assert solution.holding_cost == solution.cost - entry["fixed_cost"]
        if entry["best_total"] is None:  # csplib_rehearsal_choco: no published value
            assert solution.holding_cost == 0, entry["id"]
        else:
            assert solution.cost == entry["best_total"], entry["id"]


def test_cost_counts_paid_days_from_first_to_last_scene() -> None:
    instance = TalentInstance(
        name="t",
        durations=(1, 2, 3),
        costs=(10, 1),
        cast=(frozenset({0}), frozenset({1}), frozenset({0})),
    )
    assert talent_cost(instance, (0, 1, 2)) == 10 * 6 + 1 * 2
    assert talent_cost(instance, (0, 2, 1)) == 10 * 4 + 1 * 2
    with pytest.raises(InputError, match="not a permutation"):
        talent_cost(instance, (0, 0, 1))


@pytest.mark.parametrize("use", [True, False], ids=["compiled", "python"])
@settings(max_examples=40, deadline=None)
@given(instance=talent_instances(max_scenes=8, max_actors=5))
def test_matches_brute_force_on_small_instances(use: bool, instance: TalentInstance) -> None:
    best = min(
        talent_cost(instance, order)
        for order in itertools.permutations(range(instance.scene_count))
    )
    before = talent_native.USE_COMPILED
    talent_native.USE_COMPILED = use
    try:
        solution = solve_talent(instance)
    finally:
        talent_native.USE_COMPILED = before
    assert solution.optimal
    assert solution.cost == best == solution.lower_bound
    assert sorted(solution.order) == list(range(instance.scene_count))
    assert talent_cost(instance, solution.order) == solution.cost


def test_time_limit_returns_a_valid_order_with_a_bound(
    talent_index: dict[str, dict[str, Any]], use_compiled: bool
) -> None:
    instance = _load(talent_index["Shaw2020"])
    ticks = iter(range(1_000_000))
    solution = solve_talent(instance, time_limit=3, clock=lambda: float(next(ticks)))
    assert not solution.optimal
    assert sorted(solution.order) == list(range(instance.scene_count))
    assert talent_cost(instance, solution.order) == solution.cost
    assert instance.fixed_cost <= solution.lower_bound <= 877 <= solution.cost


def test_time_limit_without_a_clock_is_refused() -> None:
    instance = TalentInstance("t", (1,), (1,), (frozenset({0}),))
    with pytest.raises(ValueError, match="clock"):
        solve_talent(instance, time_limit=1.0)


class _FakeClock:
    """Advances by `step` seconds at every call; remembers the call that passed `deadline`."""

    def __init__(self, step: float, limit: float) -> None:
        self.step = step
        self.limit = limit
        self.now = 0.0
        self.calls = 0
        self.deadline: float | None = None
        self.passed_at: int | None = None

    def __call__(self) -> float:
        self.calls += 1
        self.now += self.step
        if self.deadline is None:
            self.deadline = self.now + self.limit  # the solver's first call sets its deadline
        elif self.passed_at is None and self.now >= self.deadline:
            self.passed_at = self.calls
        return self.now


@pytest.mark.parametrize("limit", [0.5, 2.0])
def test_time_limit_is_honoured_on_a_hundred_scenes(limit: float, use_compiled: bool) -> None:
    instance = seeded_instance(100, 20, seed=3)
    clock = _FakeClock(step=0.01, limit=limit)
    solution = solve_talent(instance, time_limit=limit, clock=clock)
    # the solver returns soon after its clock passes the limit: few calls once it has
    assert clock.passed_at is not None
    assert clock.calls - clock.passed_at <= 3
    assert clock.calls <= limit / clock.step + 4
    assert not solution.optimal
    assert sorted(solution.order) == list(range(100))
    assert talent_cost(instance, solution.order) == solution.cost
    assert instance.fixed_cost <= solution.lower_bound <= solution.cost
