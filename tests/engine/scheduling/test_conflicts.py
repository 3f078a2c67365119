"""Conflict checks: one test per rule, each failing without its check."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.scheduling.conflicts import CHECKS, check_schedule
from lynchpin.engine.scheduling.model import (
    Availability,
    DateRange,
    DayCapacity,
    DayPart,
    Location,
    Move,
    PerformerKind,
    Rules,
    Schedule,
    ShootDay,
)
from tests.engine.scheduling.conflicts_builders import (
    MONDAY,
    days,
    performer,
    problem,
    schedule,
    strip,
    usd,
)


def rules_of(violations: tuple[Violation, ...]) -> list[str]:
    return [v.rule for v in violations]


def only(violations: tuple[Violation, ...], rule: str) -> list[Violation]:
    return [v for v in violations if v.rule == rule]


def test_a_clean_schedule_has_no_violations() -> None:
    prob = problem([strip("1", "ann"), strip("2", "ann")], [performer("ann")])
    assert check_schedule(prob, schedule({1: ["1"], 2: ["2"]})) == ()


def test_every_rule_is_registered_once() -> None:
    names = [name for name, _ in CHECKS]
    assert len(names) == len(set(names)) == 15
    assert all(check.__doc__ for _, check in CHECKS)


def test_strip_unknown() -> None:
    found = check_schedule(problem([strip("1")]), schedule({1: ["1", "99"]}, boneyard=["98"]))
    assert [v.reference for v in only(found, "strip.unknown")] == ["99", "98"]


def test_strip_duplicated() -> None:
    found = check_schedule(problem([strip("1"), strip("2")]), schedule({1: ["1"], 2: ["1", "2"]}))
    assert [v.reference for v in only(found, "strip.duplicated")] == ["1"]
    found = check_schedule(problem([strip("1")]), schedule({1: ["1"]}, boneyard=["1"]))
    assert [v.reference for v in only(found, "strip.duplicated")] == ["1"]


def test_strip_unscheduled_is_a_warning() -> None:
    prob = problem([strip("1"), strip("2"), strip("3")])
    found = only(check_schedule(prob, schedule({1: ["1"]}, boneyard=["2"])), "strip.unscheduled")
    assert [(v.reference, v.severity) for v in found] == [
        ("2", Severity.WARNING),
        ("3", Severity.WARNING),
    ]
    assert "boneyard" in found[0].message


def test_day_not_a_work_day() -> None:
    saturday = MONDAY + timedelta(days=5)
    bad = Schedule(days=(ShootDay(1, saturday, ("1",)),))
    found = check_schedule(problem([strip("1")]), bad)
    assert rules_of(found) == ["day.not_a_work_day"]


@pytest.mark.parametrize(
    "fields",
    [
        {"availability": Availability(blackouts=(MONDAY,))},
        {"availability": Availability(windows=(DateRange(date(2026, 4, 1), date(2026, 4, 30)),))},
        {"earliest_start": MONDAY + timedelta(days=1)},
        {"latest_finish": MONDAY - timedelta(days=1)},
    ],
)
def test_performer_unavailable(fields: dict[str, Any]) -> None:
    prob = problem([strip("1", "ann")], [performer("ann", **fields)])
    found = check_schedule(prob, schedule({1: ["1"]}))
    assert rules_of(found) == ["performer.unavailable"]
    assert "ann" in found[0].reference


def test_performer_double_booked_across_units() -> None:
    prob = problem([strip("1", "ann"), strip("2", "ann", location="PIER")], [performer("ann")])
    main = ShootDay(1, MONDAY, ("1",), "main")
    second = ShootDay(1, MONDAY, ("2",), "second")
    found = check_schedule(prob, Schedule(days=(main, second)))
    assert rules_of(found) == ["performer.double_booked"]
    assert "main, second" in found[0].message


def test_location_unavailable() -> None:
    permit = Availability(windows=(DateRange(MONDAY + timedelta(days=1), MONDAY + timedelta(3)),))
    prob = problem(
        [strip("1", location="PIER"), strip("2", location="PIER")],
        locations=[Location("PIER", "Harbour pier", usd(500), permit)],
    )
    found = check_schedule(prob, schedule({1: ["1"], 2: ["2"]}))
    assert rules_of(found) == ["location.unavailable"]
    assert found[0].reference.startswith("1 ")


def test_location_double_booked_across_units() -> None:
    prob = problem([strip("1", location="PIER"), strip("2", location="PIER")])
    days_ = (ShootDay(1, MONDAY, ("1",), "main"), ShootDay(1, MONDAY, ("2",), "splinter"))
    assert rules_of(check_schedule(prob, Schedule(days=days_))) == ["location.double_booked"]


def test_day_over_capacity_counts_moves() -> None:
    strips = [strip("1", minutes=300, location="A"), strip("2", minutes=300, location="B")]
    capacity = DayCapacity(standard_minutes=600, max_minutes=620)
    fits = problem(strips, capacity=capacity, moves=(Move("A", "B", 20, usd(0)),))
    assert check_schedule(fits, schedule({1: ["1", "2"]})) == ()
    slow = problem(strips, capacity=capacity, moves=(Move("B", "A", 21, usd(0)),))
    found = check_schedule(slow, schedule({1: ["1", "2"]}))
    assert rules_of(found) == ["day.over_capacity"] and "621 minutes" in found[0].message
    default_move = problem(strips, capacity=capacity)  # default 60-minute move
    assert rules_of(check_schedule(default_move, schedule({1: ["1", "2"]}))) == [
        "day.over_capacity"
    ]


def test_day_over_page_cap() -> None:
    prob = problem([strip("1", eighths=30), strip("2", eighths=12)],
                   capacity=DayCapacity(max_eighths=40))  # fmt: skip
    found = check_schedule(prob, schedule({1: ["1", "2"]}))
    assert rules_of(found) == ["day.over_capacity"]
    assert "5 2/8 pages" in found[0].message


def night_then_day(**rules: int) -> tuple[Violation, ...]:
    prob = problem(
        [strip("n", "ann", day_part=DayPart.NIGHT), strip("d", "ann")],
        [performer("ann")],
        rules=Rules(**rules),  # type: ignore[arg-type]
    )
    return check_schedule(prob, schedule({1: ["n"], 2: ["d"]}))


def test_rest_crew_and_cast_after_a_night_day() -> None:
    # Night call 17:00 + 10 h = 03:00 wrap; day call 07:00: 4 h of rest.
    found = night_then_day()
    assert rules_of(found) == ["rest.crew", "rest.cast"]
    assert "4.0 h" in found[0].message


def test_rest_is_fine_with_a_late_enough_call() -> None:
    # Day call at 16:00: 13 h after a 03:00 wrap.
    assert night_then_day(day_call=16 * 60) == ()
    # 11 h: enough for the crew (10 h), not for the cast (12 h).
    assert rules_of(night_then_day(day_call=14 * 60)) == ["rest.cast"]


def test_rest_cast_only_for_the_performer_working_both_days() -> None:
    prob = problem(
        [strip("n", "ann", day_part=DayPart.NIGHT), strip("d", "bob")],
        [performer("ann"), performer("bob", 2)],
        rules=Rules(crew_rest_hours=0),
    )
    assert check_schedule(prob, schedule({1: ["n"], 2: ["d"]})) == ()


def test_rest_cast_ignores_animals_and_vehicles() -> None:
    van = performer("vehicle:VAN", kind=PerformerKind.VEHICLE)
    prob = problem(
        [strip("n", day_part=DayPart.NIGHT, elements=(van.id,)), strip("d", elements=(van.id,))],
        [van],
        rules=Rules(crew_rest_hours=0),
    )
    assert check_schedule(prob, schedule({1: ["n"], 2: ["d"]})) == ()


def test_dusk_keeps_the_day_call() -> None:
    prob = problem(
        [strip("n", "ann", day_part=DayPart.DUSK), strip("d", "ann")], [performer("ann")]
    )
    assert check_schedule(prob, schedule({1: ["n"], 2: ["d"]})) == ()


def test_precedence() -> None:
    prob = problem([strip("1"), strip("2")], rules=Rules(precedences=(("1", "2"),)))
    assert check_schedule(prob, schedule({1: ["1"], 2: ["2"]})) == ()
    assert check_schedule(prob, schedule({1: ["1", "2"]})) == ()
    assert rules_of(check_schedule(prob, schedule({1: ["2", "1"]}))) == ["precedence"]
    assert rules_of(check_schedule(prob, schedule({1: ["2"], 2: ["1"]}))) == ["precedence"]


def test_same_day() -> None:
    prob = problem([strip("1"), strip("2"), strip("3")], rules=Rules(same_day=(("1", "2", "3"),)))
    assert check_schedule(prob, schedule({1: ["1", "2", "3"]})) == ()
    assert rules_of(check_schedule(prob, schedule({1: ["1", "2"], 2: ["3"]}))) == ["same_day"]


def test_pinned() -> None:
    prob = problem([strip("1"), strip("2")], rules=Rules(pinned=(("1", days()[1].date),)))
    assert check_schedule(prob, schedule({2: ["1", "2"]})) == ()
    assert rules_of(check_schedule(prob, schedule({1: ["1", "2"]}))) == ["pinned"]
    found = check_schedule(prob, schedule({1: ["2"]}, boneyard=["1"]))
    assert "pinned" in rules_of(found)


def test_minor_hours() -> None:
    kid = performer("kid", minor=True, max_minutes=300)
    prob = problem([strip("1", "kid", minutes=200), strip("2", "kid", minutes=101)], [kid])
    assert check_schedule(prob, schedule({1: ["1"], 2: ["2"]})) == ()
    found = check_schedule(prob, schedule({1: ["1", "2"]}))
    assert rules_of(found) == ["minor.hours"] and "301 minutes" in found[0].message


def test_every_violation_is_reported_at_once() -> None:
    prob = problem([strip("1", "ann"), strip("2")], [performer("ann", latest_finish=MONDAY)],
                   rules=Rules(precedences=(("2", "1"),)))  # fmt: skip
    found = check_schedule(prob, schedule({2: ["1"], 3: ["2"]}, boneyard=["9"]))
    assert set(rules_of(found)) == {"strip.unknown", "performer.unavailable", "precedence"}
