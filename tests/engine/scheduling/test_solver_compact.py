"""Crew-day compression (solver_compact) and the counting lower bound (solver_bound)."""

from __future__ import annotations

import pytest

from lynchpin.engine.scheduling.model import DayCapacity
from lynchpin.engine.scheduling.solver import solve_schedule
from lynchpin.engine.scheduling.solver_compact import compact_plan
from lynchpin.engine.scheduling.solver_greedy import greedy_plan
from lynchpin.engine.scheduling.solver_input import SolveSpec, candidate_days
from lynchpin.engine.scheduling.solver_model import build_model
from tests.engine.scheduling.solver_problems import problem, random_problem, strip, usd


def _two_long_strips() -> SolveSpec:
    # 350 + 350 minutes: two standard days, or one 700-minute day with 100 minutes of
    # overtime (2,000 at 1,200/h) instead of a second crew day (10,000).
    prob = problem((strip("1", minutes=350), strip("2", minutes=350)), days=4,
                   capacity=DayCapacity(standard_minutes=600, max_minutes=720))
    return SolveSpec(prob, prob.days)


def test_compression_empties_a_day_when_cheaper() -> None:
    spec = _two_long_strips()
    candidates = candidate_days(spec)
    assert len(set(greedy_plan(spec, candidates)[0].values())) == 2
    assert len(set(compact_plan(spec, candidates)[0].values())) == 1
    result = solve_schedule(spec.problem, time_limit=3.0, workers=1)
    assert len(result.schedule.days) == 1
    assert result.cost.total == usd(10000 + 2000 + 500)


def test_no_compression_when_a_crew_day_is_cheaper_than_overtime() -> None:
    spec = _two_long_strips()
    dear = problem(spec.problem.strips, days=4, overtime=12000,
                   capacity=spec.problem.capacity)
    result = solve_schedule(dear, time_limit=3.0, workers=1)
    assert len(result.schedule.days) == 2


def test_crew_and_overtime_bound_is_exact_on_the_small_case() -> None:
    model = build_model(_two_long_strips())
    # 1 crew day + 100 overtime minutes + one location day, in cents.
    assert model.simple_bound == (10000 + 2000 + 500) * 100 * model.scale


@pytest.mark.parametrize("seed", range(8))
def test_bounds_never_exceed_the_optimum(seed: int) -> None:
    prob = random_problem(seed, strips=6)
    result = solve_schedule(prob, time_limit=5.0, workers=1)
    model = build_model(SolveSpec(prob, prob.days))
    bound = model.simple_bound // (100 * model.scale)
    assert result.lower_bound <= result.cost.total
    if result.optimal:
        assert usd(bound) <= result.cost.total
        assert result.lower_bound <= result.objective
