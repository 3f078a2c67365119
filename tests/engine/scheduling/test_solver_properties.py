"""Hypothesis over small random problems: every strip exactly once, no hard rule broken
(engineer B's `check_schedule`), and the solver's objective equals `schedule_cost`."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import Severity
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.solver import solve_schedule
from tests.engine.scheduling.solver_problems import random_problem

SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(seed=st.integers(0, 10_000), strips=st.integers(1, 9))
def test_random_problems_are_scheduled_cleanly(seed: int, strips: int) -> None:
    prob = random_problem(seed, strips=strips)
    result = solve_schedule(prob, time_limit=3.0, workers=1)
    scheduled = [s for day in result.schedule.days for s in day.strips]
    assert sorted(scheduled) == sorted(s.id for s in prob.strips)
    errors = [v for v in check_schedule(prob, result.schedule) if v.severity is Severity.ERROR]
    assert errors == []
    assert result.cost == schedule_cost(prob, result.schedule)
    assert result.lower_bound <= result.cost.total
    if result.optimal:
        assert result.objective == result.cost.total
        assert result.gap == 0.0


def test_warm_start_from_a_schedule_is_accepted() -> None:
    prob = random_problem(7, strips=8)
    first = solve_schedule(prob, time_limit=3.0)
    again = solve_schedule(prob, time_limit=3.0, warm_start=first.schedule)
    assert again.cost.total == first.cost.total
