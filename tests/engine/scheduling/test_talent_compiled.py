"""The compiled talent search (talent_compiled) gives exactly the pure-Python results.

Both paths must agree on everything: order, cost, lower bound and proof flag, with and without a
time limit (a fake clock makes the stop point deterministic), and so must their parts: the local
search (same result, same number of looks at the clock) and the three-actor optima.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings

from lynchpin.engine.scheduling import talent_native
from lynchpin.engine.scheduling.talent import (
    TalentInstance,
    TalentSolution,
    read_talent,
    solve_talent,
    talent_cost,
)
from lynchpin.engine.scheduling.talent_bound import MEMO_BITS, ResidualMemo, TalentCore
from lynchpin.engine.scheduling.talent_heuristic import improve
from lynchpin.engine.scheduling.talent_reduce import reduce_instance
from lynchpin.engine.scheduling.talent_triples import _sub_optimum

from .talent_strategies import seeded_instance, talent_instances

TALENT = Path(__file__).resolve().parents[3].parent / "shared" / "bench" / "talent"


@contextmanager
def compiled(on: bool) -> Iterator[None]:
    """Run the block with the compiled code switched on or off."""
    before = talent_native.USE_COMPILED
    talent_native.USE_COMPILED = on
    try:
        yield
    finally:
        talent_native.USE_COMPILED = before


def _both(instance: TalentInstance, **kwargs: object) -> tuple[TalentSolution, TalentSolution]:
    """(compiled, pure-Python) solutions; a `clock_factory` kwarg gives each a fresh clock."""
    results = []
    for on in (True, False):
        options = dict(kwargs)
        factory = options.pop("clock_factory", None)
        if callable(factory):
            options["clock"] = factory()
        with compiled(on):
            results.append(solve_talent(instance, **options))  # type: ignore[arg-type]
    return results[0], results[1]


def test_the_extension_is_built() -> None:
    # `pip install -e .` builds it (setup.py); without it every test below checks Python twice
    assert talent_native.built(), "talent_compiled is not built: run pip install -e ."


def _shared_instance(folder: str, name: str) -> TalentInstance:
    """Instance `name` of ../shared/bench/talent/`folder` (skips when the data is absent)."""
    path = TALENT / folder / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"talent benchmark not found at {TALENT}")
    return read_talent(path.read_text(encoding="utf-8"), source=path.name)


@pytest.mark.parametrize(
    "name", ["delabanda2011_example", "film103", "film116", "MobStory", "Warwick1201"]
)
def test_identical_on_literature_instances(name: str) -> None:
    instance = _shared_instance("instances", name)
    fast, slow = _both(instance)
    assert fast == slow
    assert fast.optimal
    best = {e["id"]: e["best_total"] for e in json.loads((TALENT / "index.json").read_text())}
    assert fast.cost == best[name]


@pytest.mark.parametrize("name", ["g22_10_30_25", "g24_10_30_25"])
def test_identical_on_ddolib_instances(name: str) -> None:
    # thousands of exact-bound calls sharing (and teaching) the residual memo
    instance = _shared_instance("generated_ddolib", f"ddolib_{name}")
    fast, slow = _both(instance)
    assert fast == slow
    assert fast.optimal and fast.cost == talent_cost(instance, fast.order)


def test_the_residual_memo_has_the_same_slots_in_both() -> None:
    # the memo is direct-mapped: both paths must replace the same entries, hence the same hash
    compiled_module = pytest.importorskip("lynchpin.engine.scheduling.talent_compiled")
    assert compiled_module.memo_bits() == MEMO_BITS
    rng = random.Random(7)
    for _ in range(2000):
        left = rng.getrandbits(rng.choice((3, 15, 56)))
        scenes = rng.getrandbits(rng.choice((5, 28, 63)))
        assert compiled_module.memo_slot(left, scenes) == ResidualMemo.slot(left, scenes)


@settings(max_examples=60, deadline=None)
@given(talent_instances(max_scenes=8, max_actors=6))
def test_identical_and_optimal_on_small_instances(instance: TalentInstance) -> None:
    best = min(
        talent_cost(instance, order)
        for order in itertools.permutations(range(instance.scene_count))
    )
    fast, slow = _both(instance)
    assert fast == slow
    assert fast.optimal and fast.cost == best == fast.lower_bound


class _Ticks:
    """A fake clock: every call is one second later."""

    def __init__(self) -> None:
        self.now = 0.0
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        self.now += 1.0
        return self.now


@pytest.mark.parametrize(("scenes", "actors", "limit"), [(24, 12, 300), (30, 14, 3000)])
def test_identical_when_a_time_limit_stops_the_search(scenes: int, actors: int, limit: int) -> None:
    # the same clock calls at the same points: the same stop, incumbent and lower bound;
    # 3000 ticks on 30 scenes (a look every 4 expansions) pass two dives (every 4096)
    instance = seeded_instance(scenes, actors, seed=scenes)
    clocks: list[_Ticks] = []

    def factory() -> _Ticks:
        clocks.append(_Ticks())
        return clocks[-1]

    fast, slow = _both(instance, time_limit=limit, clock_factory=factory)
    assert fast == slow
    assert clocks[0].calls == clocks[1].calls
    assert not fast.optimal
    assert instance.fixed_cost <= fast.lower_bound < fast.cost == talent_cost(instance, fast.order)


@pytest.mark.parametrize("seed", range(6))
def test_local_search_is_identical_and_looks_at_the_clock_alike(seed: int) -> None:
    instance = seeded_instance(14, 8, seed)
    core = TalentCore(reduce_instance(instance.durations, instance.costs, instance.cast))
    order = list(range(core.n))
    random.Random(seed).shuffle(order)
    for stop_after in (1, 5, 40, 10**9):
        outcomes = []
        for on in (True, False):
            calls = 0

            def should_stop(limit: int = stop_after) -> bool:
                nonlocal calls
                calls += 1
                return calls > limit

            with compiled(on):
                result = improve(core, list(order), should_stop)
            outcomes.append((result, calls))
        assert outcomes[0] == outcomes[1], stop_after


def test_three_actor_optima_are_identical() -> None:
    instance = seeded_instance(18, 9, seed=7)
    core = TalentCore(reduce_instance(instance.durations, instance.costs, instance.cast))
    module = talent_native.compiled_for(core)
    if module is None:
        pytest.skip("talent_compiled is not built")
    for trio in itertools.combinations(range(core.m), 3):
        mask = sum(1 << a for a in trio)
        expected = _sub_optimum(core, mask)
        assert module.sub_optimum(core.masks, core.durations, core.costs, mask) == expected


def test_instances_too_large_for_it_use_the_python_search() -> None:
    # squared daily costs summing past 2**53 are not exact in doubles: the Python code runs
    cast = (frozenset({0, 1}), frozenset({1, 2}), frozenset({0, 2}), frozenset({0, 1, 2}))
    huge = TalentInstance("huge", (1, 2, 3, 1), (10**8, 3 * 10**8, 10**8), cast)
    core = TalentCore(reduce_instance(huge.durations, huge.costs, huge.cast))
    assert not talent_native.fits(core)
    assert talent_native.compiled_for(core) is None
    best = min(talent_cost(huge, order) for order in itertools.permutations(range(4)))
    solution = solve_talent(huge)
    assert solution.optimal and solution.cost == best
