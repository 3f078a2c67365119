"""Pricing a file's timecards: grouping by person and week, rests carried across weeks."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.model import Basis, PayKind, Timecard
from lynchpin.engine.labour.payroll import price_timecards
from lynchpin.engine.labour.rest import WEEKEND_RULE
from lynchpin.engine.labour.week import price_week

from .week_builders import california, card, deal, iatse, usd

D = Decimal
MON = date(2025, 3, 3)
AGREEMENTS = {"test-ca": california(), "test-iatse": iatse()}
DEALS = {
    "Ana": deal("Ana", rate="40", basis=Basis.HOURLY, agreement="test-iatse"),
    "Bo": deal("Bo", rate="400"),
}


def _day(n: int) -> date:
    return MON + timedelta(days=n)


def _days(person: str, offsets: range, call: str = "08:00", wrap: str = "16:30") -> list[Timecard]:
    return [card(_day(n), call, wrap, person=person, meals=(("12:00", "12:30"),))
            for n in offsets]


def test_weeks_are_sorted_by_person_then_week_whatever_the_card_order() -> None:
    cards = _days("Bo", range(0, 12)) + _days("Ana", range(3, 10))
    weeks = price_timecards(DEALS, list(reversed(cards)), AGREEMENTS)
    assert [(week.person, week.week_start) for week in weeks] == [
        ("Ana", _day(0)), ("Ana", _day(7)), ("Bo", _day(0)), ("Bo", _day(7))]
    assert [len(week.days) for week in weeks] == [4, 3, 7, 5]
    assert [day.day for day in weeks[2].days] == [_day(n) for n in range(7)]


def test_each_week_is_priced_as_price_week_would() -> None:
    cards = _days("Bo", range(0, 7))
    (week,) = price_timecards(DEALS, cards, AGREEMENTS)
    assert week == price_week(DEALS["Bo"], cards, AGREEMENTS["test-ca"])
    # 7 consecutive 8 h days: 40 straight, Saturday weekly OT, Sunday the seventh day.
    assert week.total == usd("3200.00")


def test_last_end_of_duty_and_week_length_carry_into_the_next_week() -> None:
    # Five days ending Friday 23:30; Monday's 04:00 call gives 52.5 of the 54 h weekend rest.
    friday = card(_day(4), "08:00", "23:30", person="Ana",
                  meals=(("13:00", "13:30"), ("19:00", "19:30")))
    cards = [*_days("Ana", range(0, 4)), friday,
             card(_day(7), "04:00", "12:30", person="Ana", meals=(("09:00", "09:30"),))]
    first, second = price_timecards(DEALS, cards, AGREEMENTS)
    assert not [line for line in first.lines if line.kind is PayKind.FORCED_CALL]
    (forced,) = [line for line in second.lines if line.kind is PayKind.FORCED_CALL]
    assert (forced.day, forced.hours, forced.amount) == (_day(7), D("1.5"), usd(60))
    assert [v.rule for v in second.days[0].violations] == [WEEKEND_RULE]


def test_a_card_without_a_deal_names_the_person_and_day() -> None:
    cards = [*_days("Ana", range(0, 2)), *_days("Cy", range(2, 3))]
    with pytest.raises(InputError, match="2025-03-05: timecard for 'Cy', who has no deal"):
        price_timecards(DEALS, cards, AGREEMENTS)


def test_a_deal_under_an_unknown_agreement_is_refused() -> None:
    with pytest.raises(InputError, match="unknown agreement 'test-iatse'"):
        price_timecards(DEALS, _days("Ana", range(0, 1)), {"test-ca": california()})


def test_holidays_reach_every_week() -> None:
    cards = _days("Ana", range(0, 8))
    weeks = price_timecards(DEALS, cards, AGREEMENTS, holidays=frozenset({_day(7)}))
    assert weeks[1].days[0].kind == "holiday"
    assert weeks[1].total == usd("640.00")  # 8 h at 2x $40
    assert price_timecards(DEALS, [], AGREEMENTS) == ()
