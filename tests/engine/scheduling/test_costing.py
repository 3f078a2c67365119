"""schedule_cost: hand-computed cases for every component."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.model import (
    DayCapacity,
    Move,
    Rules,
    Schedule,
    ShootDay,
)
from tests.engine.scheduling.solver_problems import (
    MONDAY,
    location,
    performer,
    problem,
    strip,
    usd,
)


def _schedule(*days: tuple[date, tuple[str, ...]]) -> Schedule:
    return Schedule(days=tuple(ShootDay(n, d, s) for n, (d, s) in enumerate(days, start=1)))


def _day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def test_crew_days_work_and_holds_count_shoot_days_only() -> None:
    strips = (strip("1", cast=("a",)), strip("2"), strip("3", cast=("a",)))
    prob = problem(strips, (performer("a", 1000),), crew=10000)
    # Friday, Monday, Tuesday: the weekend is not a hold day, Monday is.
    schedule = _schedule((_day(4), ("1",)), (_day(7), ("2",)), (_day(8), ("3",)))
    cost = schedule_cost(prob, schedule)
    assert cost.crew_days == 3
    assert cost.crew == usd(30000)
    (actor,) = cost.performers
    assert (actor.work_days, actor.hold_days, actor.paid_days) == (2, 1, 3)
    assert actor.cost == usd(3000)
    assert cost.total == usd(30000 + 3000 + 500 * 3)


def _drop_case(gap_days: int) -> tuple[int, int, int]:
    """Work on day 0 and after `gap_days` calendar days strictly between (7 shoot days idle
    by construction: consecutive calendar work days)."""
    first, last = _day(0), _day(gap_days + 1)
    strips = (strip("1", cast=("a",)), strip("2", cast=("a",)))
    dates = [first + timedelta(days=n) for n in range(gap_days + 2)]
    idle = tuple((d, ("pad" + str(n),)) for n, d in enumerate(dates[1:-1]))
    pads = tuple(strip("pad" + str(n)) for n in range(len(idle)))
    prob = problem(
        strips + pads, (performer("a", 1000, drop_pickup_allowed=True, drop_min_gap_days=10),)
    )
    cost = schedule_cost(prob, _schedule((first, ("1",)), *idle, (last, ("2",))))
    actor = cost.performers[0]
    return actor.hold_days, actor.dropped_days, actor.drop_pickups


def test_drop_pickup_needs_more_than_the_minimum_gap() -> None:
    assert _drop_case(11) == (0, 11, 1)  # 11 days between > 10: dropped, unpaid
    assert _drop_case(10) == (10, 0, 0)  # exactly 10: held and paid


def test_day_player_without_holds_is_paid_work_days_only() -> None:
    strips = (strip("1", cast=("a",)), strip("2"), strip("3", cast=("a",)))
    prob = problem(strips, (performer("a", 700, holds_allowed=False),))
    cost = schedule_cost(prob, _schedule((_day(0), ("1",)), (_day(1), ("2",)), (_day(2), ("3",))))
    assert cost.performers[0].hold_days == 0
    assert cost.cast_hold == usd(0)
    assert cost.cast_work == usd(1400)


def test_overtime_counts_strip_and_in_day_move_minutes() -> None:
    strips = (strip("1", "A", 300), strip("2", "B", 300))
    prob = problem(
        strips,
        capacity=DayCapacity(standard_minutes=600, max_minutes=720),
        moves=(Move("A", "B", 45, usd(900)),),
        overtime=120,
    )
    cost = schedule_cost(prob, _schedule((_day(0), ("1", "2"))))
    (load,) = cost.days
    assert (load.strip_minutes, load.move_minutes, load.overtime_minutes) == (600, 45, 45)
    assert cost.overtime == usd(90)  # 45 min at 120/h
    assert cost.move_total == usd(0)  # in-day moves cost time, not money


def test_overtime_rounds_once_to_cents() -> None:
    strips = (strip("1", minutes=601),)
    prob = problem(strips, overtime=100)
    assert schedule_cost(prob, _schedule((_day(0), ("1",)))).overtime == usd("1.67")


def test_between_day_moves_go_from_last_to_first_location() -> None:
    strips = (strip("1", "A"), strip("2", "B"), strip("3", "B"), strip("4", "C"))
    rules = Rules(default_move_cost=usd(250))
    prob = problem(
        strips,
        rules=rules,
        moves=(Move("B", "C", 30, usd(2000)),),
        locations=(location("A", 100), location("B", 200), location("C", 300)),
    )
    cost = schedule_cost(
        prob, _schedule((_day(0), ("1", "2")), (_day(1), ("3", "4")), (_day(2), ("1",)))
    )
    # day 1 ends at B, day 2 starts at B: no move; day 2 ends at C, day 3 starts at A.
    assert [(m.from_location, m.to_location, m.cost) for m in cost.moves] == [("C", "A", usd(250))]
    assert {loc.location: loc.days for loc in cost.locations} == {"A": 2, "B": 2, "C": 1}
    assert cost.location_total == usd(100 * 2 + 200 * 2 + 300)
    assert cost.days[1].move_minutes == 30


def test_unknown_strip_is_an_input_error() -> None:
    prob = problem((strip("1"),))
    with pytest.raises(InputError, match="unknown strip"):
        schedule_cost(prob, _schedule((_day(0), ("nope",))))


def test_empty_listed_day_is_a_paid_crew_day() -> None:
    prob = problem((strip("1"),), crew=1000)
    cost = schedule_cost(prob, _schedule((_day(0), ()), (_day(1), ("1",))))
    assert cost.crew == usd(2000)
