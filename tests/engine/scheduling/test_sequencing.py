"""MSSP sequencing: reading, pricing, bounds and the solver (tiny instances, short limits)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.sequencing import (
    MsspInstance,
    check_order,
    mssp_cost,
    read_mssp,
    solve_mssp,
)
from lynchpin.engine.scheduling.sequencing_bound import combinatorial_bound
from lynchpin.engine.scheduling.sequencing_exact import exact_small
from lynchpin.engine.scheduling.sequencing_model import improve_with_cpsat
from lynchpin.engine.scheduling.sequencing_search import greedy_order, local_search

# 2 actors, 4 scenes, 2 locations, 1 precedence (scene 3 before scene 0).
SMALL = """2 4 2 1
10 3
100 7
1 2 1 1
0 1 0 1
1 0 0 1
0 1 0 1
3 0
"""


def small() -> MsspInstance:
    return read_mssp(SMALL, source="small.txt")


def brute_force(instance: MsspInstance) -> int:
    best = None
    for order in itertools.permutations(range(instance.scenes)):
        try:
            cost = mssp_cost(instance, order).total
        except ValueError:
            continue
        best = cost if best is None else min(best, cost)
    assert best is not None
    return best


@st.composite
def instances(draw: st.DrawFn, max_scenes: int = 6) -> MsspInstance:
    n = draw(st.integers(2, max_scenes))
    actors = draw(st.integers(1, 4))
    places = draw(st.integers(1, 3))
    cast = tuple(
        frozenset(draw(st.sets(st.integers(0, actors - 1), max_size=actors))) for _ in range(n)
    )
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3))
    precedences = tuple((min(a, b), max(a, b)) for a, b in pairs if a != b)  # acyclic
    return MsspInstance(
        name="random",
        actor_costs=tuple(draw(st.lists(st.integers(0, 20), min_size=actors, max_size=actors))),
        location_costs=tuple(draw(st.lists(st.integers(0, 50), min_size=places, max_size=places))),
        durations=tuple(draw(st.lists(st.integers(1, 4), min_size=n, max_size=n))),
        locations=tuple(draw(st.lists(st.integers(0, places - 1), min_size=n, max_size=n))),
        cast=cast,
        precedences=precedences,
    )


def test_read_mssp_reads_every_section() -> None:
    instance = small()
    assert instance.name == "small"
    assert instance.actor_costs == (10, 3)
    assert instance.location_costs == (100, 7)
    assert instance.durations == (1, 2, 1, 1)
    assert instance.locations == (0, 1, 0, 1)
    assert instance.cast == (frozenset({0}), frozenset({1}), frozenset(), frozenset({0, 1}))
    assert instance.precedences == ((3, 0),)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (SMALL.replace("1 2 1 1", "1 x 1 1"), 4, "integer"),
        (SMALL.replace("0 1 0 1", "0 1 0 5", 1), 5, "location of scene 3"),
        (SMALL.replace("1 0 0 1", "1 0 2 1"), 6, "0/1"),
        (SMALL.replace("3 0\n", "3 3\n"), 8, "itself"),
        (SMALL + "9\n", 9, "unexpected"),
        (SMALL.replace("3 0\n", ""), 7, "ends before"),
        ("2 4 2 0\n10 -3\n", 2, "cost of actor 1"),
    ],
)
def test_read_mssp_names_the_bad_line(text: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_mssp(text, source="bad.txt")
    assert caught.value.line == line
    assert caught.value.source == "bad.txt"
    assert words in caught.value.message


def test_read_mssp_rejects_a_precedence_cycle() -> None:
    text = SMALL.replace("4 2 1", "4 2 2").replace("3 0\n", "3 0\n0 3\n")
    with pytest.raises(InputError, match="cycle"):
        read_mssp(text)


def test_mssp_cost_by_hand() -> None:
    # order 3 0 1 2: days 3:[0,1) 0:[1,2) 1:[2,4) 2:[4,5)
    # locations 1 0 1 0: location 0 visited twice (100), location 1 twice (7)
    # actor 0 in scenes 3, 0: days 0..2, worked 2, idle 0
    # actor 1 in scenes 3, 1: days 0..4, worked 3, idle 1 day (scene 0) x 3
    cost = mssp_cost(small(), (3, 0, 1, 2))
    assert cost.location_cost == 107
    assert cost.holding_cost == 3
    assert cost.total == 110


def test_mssp_cost_rejects_a_broken_precedence_or_a_bad_permutation() -> None:
    with pytest.raises(ValueError, match="before"):
        mssp_cost(small(), (0, 1, 2, 3))
    with pytest.raises(ValueError, match="every scene"):
        check_order(small(), (3, 0, 1))


def test_solve_mssp_small_is_optimal() -> None:
    found = solve_mssp(small(), time_limit=1.0)
    assert found.optimal
    assert found.cost.total == brute_force(small()) == found.lower_bound
    assert mssp_cost(small(), found.order) == found.cost


@settings(max_examples=40, deadline=None)
@given(instances())
def test_exact_dp_matches_brute_force(instance: MsspInstance) -> None:
    order = exact_small(instance)
    assert order is not None
    assert mssp_cost(instance, order).total == brute_force(instance)


@settings(max_examples=40, deadline=None)
@given(instances())
def test_combinatorial_bound_is_valid(instance: MsspInstance) -> None:
    location, holding = combinatorial_bound(instance)
    assert 0 <= location + holding <= brute_force(instance)


@settings(max_examples=25, deadline=None)
@given(instances(max_scenes=7), st.integers(0, 5))
def test_local_search_returns_a_feasible_order_no_worse_than_greedy(
    instance: MsspInstance, seed: int
) -> None:
    start = greedy_order(instance)
    order = local_search(instance, seconds=0.05, seed=seed)
    check_order(instance, order)
    assert mssp_cost(instance, order).total <= mssp_cost(instance, start).total
    assert mssp_cost(instance, order).total >= brute_force(instance)


def test_local_search_is_deterministic_without_a_clock() -> None:
    instance = _chain_instance(24)
    first = local_search(instance, seconds=0.1, seed=3)
    again = local_search(instance, seconds=0.1, seed=3)
    assert first == again


def _chain_instance(n: int) -> MsspInstance:
    """n scenes, 5 actors in overlapping windows, 3 locations, 2 precedences."""
    cast = tuple(frozenset(a for a in range(5) if (s * 7 + a * 3) % 5 < 2) for s in range(n))
    return MsspInstance(
        name=f"chain{n}",
        actor_costs=(5, 9, 2, 7, 4),
        location_costs=(30, 10, 20),
        durations=tuple(1 + s % 3 for s in range(n)),
        locations=tuple((s * 5) % 3 for s in range(n)),
        cast=cast,
        precedences=((n - 1, 0), (2, 1)),
    )


def test_cpsat_model_finds_a_feasible_order_and_a_valid_bound() -> None:
    instance = _chain_instance(8)
    optimum = mssp_cost(instance, exact_small(instance) or []).total
    order, bound = improve_with_cpsat(
        instance, greedy_order(instance), time_limit=2.0, workers=1, seed=0
    )
    assert order is not None
    check_order(instance, order)
    assert bound <= optimum <= mssp_cost(instance, order).total


def test_solve_mssp_beyond_the_dp_keeps_a_valid_bound() -> None:
    instance = _chain_instance(20)  # too large for the exact DP: search + CP-SAT path
    assert exact_small(instance) is None
    found = solve_mssp(instance, time_limit=2.0, workers=1)
    check_order(instance, found.order)
    assert found.cost == mssp_cost(instance, found.order)
    assert found.cost.total <= mssp_cost(instance, greedy_order(instance)).total
    assert 0 <= found.lower_bound <= found.cost.total


def test_solve_mssp_reports_progress_and_rejects_a_bad_limit() -> None:
    seen = []
    solve_mssp(_chain_instance(20), time_limit=1.0, workers=1, progress=seen.append)
    assert seen and all(p.lower_bound <= p.cost for p in seen)
    with pytest.raises(ValueError, match="positive"):
        solve_mssp(small(), time_limit=0)


@settings(max_examples=30, deadline=None)
@given(instances(max_scenes=8), st.integers(0, 1000))
def test_range_moves_are_priced_like_a_full_recount(instance: MsspInstance, seed: int) -> None:
    import random

    from lynchpin.engine.scheduling.sequencing_search import _Board, _peers, _propose

    board = _Board(instance, list(range(instance.scenes)))
    rng = random.Random(seed)
    where = list(range(instance.scenes))
    first_visits = sum(instance.location_costs[p] for p in set(instance.locations))
    running = board.total()
    for _ in range(30):
        move = _propose(board, rng, _peers(instance), where)
        if move is None:
            continue
        lo, hi, seg = move
        running += board.range_cost(lo, hi, seg) - board.range_cost(lo, hi, board.order[lo:hi + 1])
        board.apply(lo, hi, seg)
        for p in range(lo, hi + 1):
            where[board.order[p]] = p
        assert sorted(board.order) == list(range(instance.scenes))
        recount = MsspInstance(instance.name, instance.actor_costs, instance.location_costs,
                               instance.durations, instance.locations, instance.cast)
        assert running == mssp_cost(recount, board.order).total + first_visits
