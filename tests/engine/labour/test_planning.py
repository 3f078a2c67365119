"""Planned days: meal, golden-hour and rest warnings with their cost; projected day cost."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError, Severity
from lynchpin.engine.labour.model import Basis, DayKind, Meal, PayKind
from lynchpin.engine.labour.planning import (
    PlannedCall,
    check_planned_day,
    price_planned_day,
    project_day_cost,
)
from lynchpin.engine.labour.rest import DAILY_RULE, WEEKEND_RULE

from .week_builders import at, california, deal, iatse, usd

D = Decimal
DAY = date(2025, 3, 4)  # a Tuesday
AGREEMENTS = {"test-ca": california(), "test-iatse": iatse()}
DEALS = {
    "Ana": deal("Ana", rate="40", basis=Basis.HOURLY, agreement="test-iatse"),
    "Bo": deal("Bo", rate="30", basis=Basis.HOURLY),
}


def _call(person: str, call: str, wrap: str, *meals: tuple[str, str],
          kind: DayKind = DayKind.REGULAR) -> PlannedCall:
    return PlannedCall(person=person, day=DAY, call=at(DAY, call),
                       meals=tuple(Meal(at(DAY, out), at(DAY, back)) for out, back in meals),
                       expected_wrap=at(DAY, wrap), kind=kind)


def test_a_late_planned_meal_warns_with_its_cost() -> None:
    # Meal due 6 h after a 07:00 call; planned at 14:00 it is two half-hour periods late:
    # $7.50 + $10.00 under the test IATSE-style table.
    late = _call("Ana", "07:00", "19:00", ("14:00", "14:30"))
    (violation,) = check_planned_day([late], DEALS, AGREEMENTS)
    assert violation.rule == "labour.meal_penalty"
    assert violation.severity is Severity.WARNING
    assert "Ana" in violation.message and "17.50 USD" in violation.message
    on_time = _call("Ana", "07:00", "19:00", ("12:30", "13:00"))
    assert check_planned_day([on_time], DEALS, AGREEMENTS) == ()


def test_an_expected_wrap_in_golden_hours_warns_with_its_cost() -> None:
    # 06:00-22:00 less two half-hour meals is 15 h worked: 1 h past 14 h at 2x $40.
    long_day = _call("Ana", "06:00", "22:00", ("11:00", "11:30"), ("17:00", "17:30"))
    (violation,) = check_planned_day([long_day], DEALS, AGREEMENTS)
    assert violation.rule == "labour.golden_hours"
    assert "Ana" in violation.message and "80.00 USD" in violation.message


def test_a_short_turnaround_warns_with_the_forced_call_and_earliest_call() -> None:
    planned = _call("Ana", "07:00", "15:30", ("12:00", "12:30"))
    ends = {"Ana": datetime(2025, 3, 3, 23, 0)}
    (violation,) = check_planned_day([planned], DEALS, AGREEMENTS, previous_end_of_duty=ends)
    assert violation.rule == DAILY_RULE
    assert "Ana" in violation.message
    assert "forced call 80.00 USD" in violation.message  # 2 h invaded x $40
    assert "earliest penalty-free call Tue 2025-03-04 09:00" in violation.message
    (pay,) = price_planned_day([planned], DEALS, AGREEMENTS, previous_end_of_duty=ends)
    assert pay.amount_of(PayKind.FORCED_CALL) == usd(80)


def test_weekend_rest_when_the_previous_week_length_is_known() -> None:
    monday = date(2025, 3, 10)
    planned = PlannedCall(person="Ana", day=monday, call=at(monday, "04:00"),
                          meals=(Meal(at(monday, "09:00"), at(monday, "09:30")),),
                          expected_wrap=at(monday, "12:30"))
    ends = {"Ana": datetime(2025, 3, 8, 0, 0)}  # Friday's wrap at midnight: 52 h of rest
    assert check_planned_day([planned], DEALS, AGREEMENTS, previous_end_of_duty=ends) == ()
    (violation,) = check_planned_day([planned], DEALS, AGREEMENTS, previous_end_of_duty=ends,
                                     previous_week_days={"Ana": 5})
    assert violation.rule == WEEKEND_RULE
    assert "54 h weekend rest by 2 h" in violation.message
    assert "forced call 80.00 USD" in violation.message


def test_project_day_cost_sums_each_persons_day() -> None:
    # Source: issue 5 ("$30/h for 12 h is $420" under California), plus an IATSE-style
    # 8 h day at $40 with a broken rest (2 h forced call).
    bo = _call("Bo", "08:00", "21:00", ("12:00", "12:30"), ("17:30", "18:00"))
    ana = _call("Ana", "07:00", "15:30", ("12:00", "12:30"))
    ends = {"Ana": datetime(2025, 3, 3, 23, 0)}
    pays = price_planned_day([bo, ana], DEALS, AGREEMENTS, previous_end_of_duty=ends)
    assert [pay.total for pay in pays] == [usd(420), usd(400)]
    cost = project_day_cost([bo, ana], DEALS, AGREEMENTS, previous_end_of_duty=ends)
    assert cost == usd("820.00")
    assert project_day_cost([], DEALS, AGREEMENTS) == usd(0)


def test_a_planned_sixth_day_is_priced_as_one() -> None:
    sixth = _call("Ana", "07:00", "15:30", ("12:00", "12:30"), kind=DayKind.SIXTH)
    assert project_day_cost([sixth], DEALS, AGREEMENTS) == usd(480)  # 8 h at 1.5x
    assert sixth.timecard().wrap == at(DAY, "15:30")


def test_planned_inputs_are_checked() -> None:
    stranger = _call("Cy", "07:00", "15:00")
    with pytest.raises(InputError, match="no deal for 'Cy'"):
        check_planned_day([stranger], DEALS, AGREEMENTS)
    with pytest.raises(InputError, match="unknown agreement 'test-iatse'"):
        project_day_cost([_call("Ana", "07:00", "12:00")], DEALS, {})
    twice = [_call("Bo", "07:00", "12:00"), _call("Bo", "13:00", "17:00")]
    with pytest.raises(InputError, match="second planned call for 'Bo'"):
        check_planned_day(twice, DEALS, AGREEMENTS)
