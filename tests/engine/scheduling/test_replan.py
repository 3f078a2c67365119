"""replan: each disruption, shot strips never move, the diff is exact, the lock costs more."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError, Severity
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.model import Rules, Schedule, ScheduleProblem, ShootDay
from lynchpin.engine.scheduling.replan import (
    DayRanShort,
    Disruption,
    LocationLost,
    PerformerUnavailable,
    ReplanResult,
    WeatherDay,
    replan,
)
from lynchpin.engine.scheduling.solver import solve_schedule
from lynchpin.engine.screenplay.model import IntExt
from tests.engine.scheduling.solver_problems import (
    MONDAY,
    performer,
    problem,
    random_problem,
    strip,
    usd,
)

TUESDAY = MONDAY + timedelta(days=1)


def _board(*days: tuple[str, ...], locked: bool = False) -> Schedule:
    return Schedule(
        days=tuple(
            ShootDay(n, MONDAY + timedelta(days=n - 1), s) for n, s in enumerate(days, start=1)
        ),
        locked=locked,
    )


def _dates(result: ReplanResult) -> dict[str, object]:
    return {s: d.date for d in result.schedule.days for s in d.strips}


def _assert_diff_exact(old: Schedule, result: ReplanResult, prob: ScheduleProblem) -> None:
    before = {s: d.date for d in old.days for s in d.strips}
    after = _dates(result)
    changed = {s.id for s in prob.strips if before.get(s.id) != after.get(s.id)}
    assert {c.strip for c in result.diff} == changed
    for change in result.diff:
        assert (change.old_day, change.new_day) == (
            before.get(change.strip),
            after.get(change.strip),
        )


def _cast_problem() -> ScheduleProblem:
    strips = (
        strip("1", cast=("a",), minutes=300),
        strip("2", minutes=300),
        strip("3", cast=("a",), minutes=300),
        strip("4", minutes=300),
    )
    return problem(strips, (performer("a", 2000),), days=5)


def test_performer_unavailable_moves_their_strips_off_those_dates() -> None:
    prob = _cast_problem()
    old = _board(("1", "2"), ("3", "4"))
    result = replan(
        prob,
        old,
        PerformerUnavailable("a", (TUESDAY,)),
        shot=frozenset({"1", "2"}),
        change_penalty=usd(100),
        time_limit=3.0,
    )
    assert _dates(result)["1"] == MONDAY and _dates(result)["2"] == MONDAY
    assert _dates(result)["3"] != TUESDAY
    _assert_diff_exact(old, result, prob)
    assert result.penalty == usd(100) * len(result.diff)


def test_location_lost_moves_strips_to_days_before_or_raises_when_impossible() -> None:
    strips = (strip("1", "A"), strip("2", "B"), strip("3", "A"))
    prob = problem(strips, days=4)
    old = _board(("1", "2"), ("3",))
    with pytest.raises(InputError, match="strip 3 fits no shoot day"):
        replan(
            prob,
            old,
            LocationLost("A", TUESDAY),
            shot=frozenset({"1", "2"}),
            change_penalty=usd(10),
            time_limit=3.0,
        )
    result = replan(
        prob,
        old,
        LocationLost("B", TUESDAY),
        shot=frozenset({"1", "2"}),
        change_penalty=usd(10),
        time_limit=3.0,
    )
    assert result.diff == ()  # nothing at B after Monday: no change


def test_weather_day_swaps_in_the_cover_set() -> None:
    outside = strip("ext", "A", int_ext=IntExt.EXT)
    strips = (strip("0"), outside, strip("cover", "A"), strip("x", "A"))
    prob = problem(strips, days=5, rules=Rules(cover_sets=(("cover", "ext"),)))
    old = _board(("0",), ("ext",), ("cover", "x"))
    result = replan(
        prob,
        old,
        WeatherDay(TUESDAY),
        shot=frozenset({"0"}),
        change_penalty=usd(10),
        time_limit=3.0,
    )
    tuesday = next(d for d in result.schedule.days if d.date == TUESDAY)
    assert "ext" not in tuesday.strips
    assert set(tuesday.strips) <= {"cover"}
    _assert_diff_exact(old, result, prob)


def test_day_ran_short_moves_unshot_strips_later() -> None:
    prob = _cast_problem()
    old = _board(("1", "2"), ("3", "4"))
    result = replan(
        prob,
        old,
        DayRanShort(MONDAY, ("2",)),
        shot=frozenset({"1"}),
        change_penalty=usd(10),
        time_limit=3.0,
    )
    assert _dates(result)["1"] == MONDAY
    assert _dates(result)["2"] > MONDAY  # type: ignore[operator]
    with pytest.raises(InputError, match="not on"):
        replan(
            prob,
            old,
            DayRanShort(MONDAY, ("3",)),
            shot=frozenset(),
            change_penalty=usd(10),
            time_limit=3.0,
        )


def test_a_locked_schedule_resists_change_more() -> None:
    """Moving strip 3 to Tuesday saves a crew day (10,000) and a location day (500): worth a
    2,000 change penalty, not the locked schedule's 20,000."""
    strips = (strip("1", "A"), strip("2", "B"), strip("3", "A"))
    prob = problem(strips, (performer("a"),), days=4)
    old = _board(("1",), ("2",), ("3",))
    disruption = PerformerUnavailable("a", (TUESDAY,))
    open_plan = replan(
        prob, old, disruption, shot=frozenset({"1"}), change_penalty=usd(2000), time_limit=3.0
    )
    locked = replan(
        prob,
        replace(old, locked=True),
        disruption,
        shot=frozenset({"1"}),
        change_penalty=usd(2000),
        time_limit=3.0,
    )
    assert [c.strip for c in open_plan.diff] == ["3"]
    assert open_plan.cost.crew_days == 2 and open_plan.penalty == usd(2000)
    assert locked.diff == () and locked.cost.crew_days == 3
    assert locked.schedule.locked and locked.schedule.version == old.version + 1


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 5000),
    kind=st.sampled_from(["performer", "weather", "short"]),
    penalty=st.sampled_from([0, 500, 50_000]),
)
def test_replan_never_moves_a_shot_strip_and_diffs_exactly(
    seed: int, kind: str, penalty: int
) -> None:
    prob = random_problem(seed, strips=7, days=14)
    old = solve_schedule(prob, time_limit=2.0, workers=1).schedule
    first = old.days[0]
    shot = frozenset(first.strips)
    second = old.days[1].date if len(old.days) > 1 else first.date + timedelta(days=1)
    disruption: Disruption = {
        "performer": PerformerUnavailable("c0", (second,)),
        "weather": WeatherDay(old.days[-1].date),
        "short": DayRanShort(first.date, first.strips[-1:]),
    }[kind]
    if kind == "short":
        shot = frozenset(first.strips[:-1])
    result = replan(prob, old, disruption, shot=shot, change_penalty=usd(penalty), time_limit=2.0)
    before = {s: d.date for d in old.days for s in d.strips}
    after = _dates(result)
    assert all(after[s] == before[s] for s in shot)
    assert sorted(after) == sorted(s.id for s in prob.strips)
    _assert_diff_exact(old, result, prob)
    errors = [
        v
        for v in check_schedule(prob, result.schedule)
        if v.severity is Severity.ERROR and v.rule != "performer.unavailable"
    ]
    assert errors == []
