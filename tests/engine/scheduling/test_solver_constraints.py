"""solve_schedule: each hard rule binds in a tiny problem, and dropping it changes the answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.model import (
    Availability,
    DateRange,
    DayCapacity,
    DayPart,
    Move,
    Rules,
    ScheduleProblem,
)
from lynchpin.engine.scheduling.solver import (
    Progress,
    ScheduleInfeasible,
    SolveResult,
    solve_schedule,
)
from tests.engine.scheduling.solver_problems import (
    MONDAY,
    consecutive,
    location,
    performer,
    problem,
    strip,
    usd,
)


def _solve(prob: ScheduleProblem) -> SolveResult:
    result = solve_schedule(prob, time_limit=5.0)
    assert result.optimal
    assert result.objective == result.cost.total == schedule_cost(prob, result.schedule).total
    assert sorted(s for d in result.schedule.days for s in d.strips) == sorted(
        s.id for s in prob.strips
    )
    return result


def _day(result: SolveResult, strip_id: str) -> int:
    day = result.schedule.day_of(strip_id)
    assert day is not None
    return day.number


def test_performer_availability_splits_a_day() -> None:
    strips = (strip("1", cast=("a",)), strip("2", cast=("b",)))
    free = problem(strips, (performer("a"), performer("b")))
    assert _solve(free).cost.crew_days == 1
    only = {"a": MONDAY, "b": MONDAY + timedelta(days=1)}
    bound = replace(
        free,
        performers=tuple(
            replace(p, availability=Availability(windows=(DateRange(only[p.id], only[p.id]),)))
            for p in free.performers
        ),
    )
    result = _solve(bound)
    assert result.cost.crew_days == 2
    assert {s: result.schedule.day_of(s).date for s in ("1", "2")} == {  # type: ignore[union-attr]
        "1": only["a"],
        "2": only["b"],
    }


def test_location_window_and_earliest_start() -> None:
    strips = (strip("1", "A", cast=("a",)), strip("2", "B"))
    tuesday = MONDAY + timedelta(days=1)
    locations = (location("A", availability=Availability(blackouts=(MONDAY,))), location("B"))
    prob = problem(strips, (performer("a", earliest_start=tuesday),), locations=locations)
    result = _solve(prob)
    assert all(day.date >= tuesday for day in result.schedule.days if "1" in day.strips)


def test_pins_put_strips_on_their_dates() -> None:
    strips = (strip("1"), strip("2"), strip("3"))
    assert _solve(problem(strips)).cost.crew_days == 1
    wednesday = MONDAY + timedelta(days=2)
    pinned = problem(strips, rules=Rules(pinned=(("1", MONDAY), ("2", wednesday))))
    result = _solve(pinned)
    # shoot days are consecutive: the free strip fills Tuesday
    assert [d.strips for d in result.schedule.days] == [("1",), ("3",), ("2",)]
    assert [d.date for d in result.schedule.days] == [MONDAY, MONDAY + timedelta(days=1),
                                                      wednesday]


def _three_long_strips(rules: Rules) -> ScheduleProblem:
    strips = (
        strip("1", minutes=400, cast=("a",)),
        strip("2", minutes=400),
        strip("3", minutes=400, cast=("a",)),
    )
    return problem(strips, (performer("a", 5000),), rules=rules)


def test_precedences_order_days_and_cost_a_hold() -> None:
    free = _solve(_three_long_strips(Rules()))
    chained = _solve(_three_long_strips(Rules(precedences=(("1", "2"), ("2", "3")))))
    assert _day(chained, "1") < _day(chained, "2") < _day(chained, "3")
    assert chained.cost.total == free.cost.total + usd(5000)  # one hold day for a


def test_precedence_inside_a_day_orders_locations() -> None:
    strips = (strip("1", "A"), strip("2", "B"), strip("3", "A"))
    result = _solve(problem(strips, rules=Rules(precedences=(("2", "3"),))))
    (day,) = result.schedule.days
    assert day.strips.index("2") < day.strips.index("3")


def test_same_day_groups_share_a_day() -> None:
    strips = tuple(
        strip(str(n), minutes=300, cast=(actor,)) for n, actor in enumerate("abab", start=1)
    )
    cast = (performer("a", 5000), performer("b", 5000))
    free = _solve(problem(strips, cast))
    grouped = _solve(problem(strips, cast, rules=Rules(same_day=(("1", "2"),))))
    assert _day(grouped, "1") == _day(grouped, "2")
    assert _day(free, "1") != _day(free, "2")
    assert free.cost.total < grouped.cost.total


def test_day_length_and_page_cap() -> None:
    strips = tuple(strip(str(n), minutes=300) for n in range(4))
    long_day = DayCapacity(standard_minutes=1200, max_minutes=1200)
    assert _solve(problem(strips, capacity=long_day)).cost.crew_days == 1
    assert _solve(problem(strips)).cost.crew_days == 2
    paged = DayCapacity(standard_minutes=1200, max_minutes=1200, max_eighths=8)
    assert _solve(problem(strips, capacity=paged)).cost.crew_days == 4


def test_overtime_is_costed_against_an_extra_day() -> None:
    strips = tuple(strip(str(n), minutes=350) for n in range(2))
    result = _solve(problem(strips, overtime=60, crew=10000))
    assert result.cost.crew_days == 1 and result.cost.overtime == usd(100)


def test_minor_hours_split_days() -> None:
    strips = (strip("1", minutes=200, cast=("kid",)), strip("2", minutes=200, cast=("kid",)))
    assert _solve(problem(strips, (performer("kid"),))).cost.crew_days == 1
    minor = performer("kid", minor=True, max_minutes=240)
    assert _solve(problem(strips, (minor,))).cost.crew_days == 2


def test_turnaround_puts_the_weekend_after_a_night() -> None:
    strips = (strip("n", minutes=400, part=DayPart.NIGHT), strip("d", minutes=400))
    result = _solve(problem(strips, days=6, rules=Rules(precedences=(("n", "d"),))))
    night, day = result.schedule.day_of("n"), result.schedule.day_of("d")
    assert night is not None and day is not None
    assert (night.date.weekday(), day.date.weekday()) == (4, 0)  # Friday night, Monday


def test_turnaround_conflict_is_reported_with_the_rules_involved() -> None:
    strips = (strip("n", minutes=400, part=DayPart.NIGHT), strip("d", minutes=400))
    rules = Rules(pinned=(("n", MONDAY), ("d", MONDAY + timedelta(days=1))))
    base = replace(problem(strips, rules=rules), days=consecutive(4))
    with pytest.raises(ScheduleInfeasible) as caught:
        solve_schedule(base, time_limit=5.0)
    assert "turnaround (rest period)" in caught.value.conflicts
    assert "turnaround" in str(caught.value)
    rested = replace(base, rules=replace(base.rules, crew_rest_hours=0, cast_rest_hours=0))
    assert _solve(rested).cost.crew_days == 2


def test_drop_pickup_in_the_solver_matches_costing() -> None:
    late = MONDAY + timedelta(days=21)
    pads = tuple(strip(f"p{n}", minutes=700) for n in range(14))
    strips = (strip("1", cast=("a",)), strip("2", cast=("a",)), *pads)
    rules = Rules(pinned=(("1", MONDAY), ("2", late)))
    for allowed, paid in ((True, 2), (False, 16)):
        cast = (performer("a", 3000, drop_pickup_allowed=allowed),)
        result = _solve(problem(strips, cast, days=16, rules=rules))
        assert result.cost.performers[0].paid_days == paid


def test_a_strip_that_fits_no_day_is_an_input_error() -> None:
    blocked = performer(
        "a",
        availability=Availability(
            windows=(DateRange(MONDAY - timedelta(days=9), MONDAY - timedelta(days=8)),)
        ),
    )
    with pytest.raises(InputError, match="strip 1 fits no shoot day: a unavailable"):
        solve_schedule(problem((strip("1", cast=("a",)),), (blocked,)), time_limit=1.0)


def test_progress_reports_and_should_stop_stops_cleanly() -> None:
    strips = tuple(
        strip(str(n), f"L{n % 3}", 60 * (1 + n % 4), cast=(f"c{n % 4}",)) for n in range(10)
    )
    cast = tuple(performer(f"c{n}", 1000 * (n + 1)) for n in range(4))
    seen: list[Progress] = []
    result = solve_schedule(
        problem(strips, cast, days=10),
        time_limit=5.0,
        progress=seen.append,
        should_stop=lambda: True,
    )
    assert len(seen) == 1  # stopped at the first solution
    assert seen[0].objective.currency == "USD" and seen[0].solutions == 1
    assert seen[0].bound <= seen[0].objective and seen[0].wall_time >= 0
    assert len({s for d in result.schedule.days for s in d.strips}) == 10


def test_three_location_day_follows_the_shortest_route_and_matches_costing() -> None:
    """A, B, C on one day (pinned): B-C is a short hop, A-C a long one; the optimiser must
    not visit A and C next to each other, and its objective is the costed overtime."""
    strips = tuple(strip(name, name, 200) for name in "ABC")
    moves = (Move("A", "B", 30, usd(0)), Move("B", "C", 10, usd(0)), Move("A", "C", 110, usd(0)))
    rules = Rules(same_day=(("A", "B", "C"),))
    result = _solve(problem(strips, moves=moves, rules=rules, overtime=60))
    (day,) = result.schedule.days
    assert day.strips in (("A", "B", "C"), ("C", "B", "A"))
    assert result.cost.days[0].move_minutes == 40
    assert result.cost.overtime == usd(40)  # 600 + 40 minutes, 40 over standard at 60/h


def test_precedence_fixes_the_route_direction() -> None:
    strips = tuple(strip(name, name, 100) for name in "ABC")
    rules = Rules(same_day=(("A", "B", "C"),), precedences=(("C", "A"),))
    result = _solve(problem(strips, rules=rules))
    (day,) = result.schedule.days
    assert day.strips.index("C") < day.strips.index("A")
