"""Rest periods: end of duty, earliest penalty-free call, rest breaks daily and weekend."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.rest import (
    DAILY_RULE,
    WEEKEND_RULE,
    earliest_call,
    end_of_duty,
    rest_breaks,
    rest_owed,
    start_of_duty,
)

from .week_builders import card, iatse, sag, uk

D = Decimal
MON = date(2025, 3, 3)  # a Monday
FRI = date(2025, 3, 7)


def _day(n: int) -> date:
    return date.fromordinal(MON.toordinal() + n)


def test_uk_oracle_friday_wrap_to_monday_call() -> None:
    # Source: issue 5 ("unit wrap 19:00 Friday, end of duty 20:00, under 11 h daily + 48 h
    # weekend rest the earliest penalty-free call is Monday 07:00").
    friday = card(FRI, "07:00", "19:00", travel_after="1")
    assert end_of_duty(friday) == datetime(2025, 3, 7, 20, 0)
    monday = earliest_call(end_of_duty(friday), uk().rest, weekend_after_days=5)
    assert monday == datetime(2025, 3, 10, 7, 0)
    assert monday.weekday() == 0


def test_daily_rest_is_the_default() -> None:
    end = datetime(2025, 3, 3, 22, 30)
    assert earliest_call(end, iatse().rest) == datetime(2025, 3, 4, 8, 30)
    assert earliest_call(end, uk().rest) == datetime(2025, 3, 4, 9, 30)


def test_weekend_rest_by_days_worked() -> None:
    rest = iatse().rest  # 5 -> 54 h, 6 -> 32 h
    assert rest_owed(rest, weekend_after_days=5) == (WEEKEND_RULE, D(54))
    assert rest_owed(rest, weekend_after_days=6) == (WEEKEND_RULE, D(32))
    # A week length the agreement does not list: a shorter week earns the shortest listed
    # week's weekend, a seven-day week (no weekend at all) only the daily rest.
    assert rest_owed(rest, weekend_after_days=3) == (WEEKEND_RULE, D(54))
    assert rest_owed(rest, weekend_after_days=7) == (DAILY_RULE, D(10))
    between = iatse(weekend={4: D(60), 6: D(32)}).rest
    assert rest_owed(between, weekend_after_days=5) == (WEEKEND_RULE, D(60))
    assert rest_owed(rest) == (DAILY_RULE, D(10))


def test_weekend_rest_never_below_daily_and_adds_daily_when_told() -> None:
    short = iatse(weekend={5: D(6)}).rest
    assert rest_owed(short, weekend_after_days=5) == (WEEKEND_RULE, D(10))
    assert rest_owed(uk().rest, weekend_after_days=5) == (WEEKEND_RULE, D(59))
    assert rest_owed(iatse(weekend={}).rest, weekend_after_days=5) == (DAILY_RULE, D(10))


def test_travel_counts_as_duty() -> None:
    day = card(MON, "07:00", "19:00", travel_before="0.5", travel_after="1.25")
    assert start_of_duty(day) == datetime(2025, 3, 3, 6, 30)
    assert end_of_duty(day) == datetime(2025, 3, 3, 20, 15)


def test_iatse_rest_broken_by_two_hours() -> None:
    cards = [card(_day(0), "07:00", "23:00"), card(_day(1), "07:00", "19:00")]
    (only,) = rest_breaks(cards, iatse())
    assert (only.person, only.day, only.rule) == ("Ana", _day(1), DAILY_RULE)
    assert (only.owed_hours, only.given_hours, only.invaded_hours) == (D(10), D(8), D(2))
    assert only.broken
    assert only.clause == "rest period"


def test_respected_rest_is_returned_with_nothing_invaded() -> None:
    cards = [card(_day(0), "07:00", "19:00"), card(_day(1), "07:00", "19:00")]
    (only,) = rest_breaks(cards, iatse())
    assert only.given_hours == D(12)
    assert only.invaded_hours == 0
    assert not only.broken


def test_invaded_time_rounds_up_to_the_increment() -> None:
    # 3 minutes short of 10 h is a tenth of an hour invaded (IATSE-style tenths); 1 minute
    # short of 11 h under a quarter-hour increment (UK builder) is a quarter.
    cards = [card(_day(0), "07:00", "21:03"), card(_day(1), "07:00", "19:00")]
    assert rest_breaks(cards, iatse())[0].invaded_hours == D("0.1")
    cards = [card(_day(0), "07:00", "20:01"), card(_day(1), "07:00", "19:00")]
    assert rest_breaks(cards, uk())[0].invaded_hours == D("0.25")


def test_rest_into_a_new_work_week_is_a_weekend_rest() -> None:
    week = [card(_day(n), "07:00", "19:00") for n in range(5)]  # Monday..Friday
    monday = card(_day(7), "06:00", "18:00")
    breaks = rest_breaks([*week, monday], iatse())
    assert [b.rule for b in breaks] == [DAILY_RULE] * 4 + [WEEKEND_RULE]
    last = breaks[-1]
    assert (last.owed_hours, last.given_hours, last.invaded_hours) == (D(54), D(59), D(0))
    # Saturday worked too: a six-day week owes 32 h, and a Sunday call 30 h later breaks it.
    six = [*week, card(_day(5), "07:00", "19:00"), card(_day(7), "01:00", "12:00")]
    last = rest_breaks(six, iatse())[-1]
    assert (last.rule, last.owed_hours, last.invaded_hours) == (WEEKEND_RULE, D(32), D(2))


def test_previous_end_of_duty_is_daily_unless_the_week_length_is_given() -> None:
    monday = card(_day(7), "07:00", "19:00")
    friday_end = datetime(2025, 3, 7, 23, 0)
    (daily,) = rest_breaks([monday], iatse(), previous_end_of_duty=friday_end)
    assert (daily.rule, daily.given_hours, daily.invaded_hours) == (DAILY_RULE, D(56), D(0))
    (weekend,) = rest_breaks([monday], uk(), previous_end_of_duty=friday_end,
                             previous_week_days=5)
    assert (weekend.rule, weekend.owed_hours, weekend.invaded_hours) == (WEEKEND_RULE, D(59),
                                                                         D(3))
    assert weekend.rested_from == friday_end
    assert weekend.called_at == datetime(2025, 3, 10, 7, 0)


def test_cards_are_taken_in_day_order() -> None:
    cards = [card(_day(1), "07:00", "19:00"), card(_day(0), "09:00", "23:30")]
    (only,) = rest_breaks(cards, sag())
    assert only.day == _day(1)
    assert only.invaded_hours == D("4.5")


def test_duty_starting_before_the_last_one_ended_is_an_input_error() -> None:
    cards = [card(_day(0), "07:00", "30:00"), card(_day(1), "05:00", "19:00")]
    pattern = r"^Ana \(2025-03-04.call\): 2025-03-04: duty starts .* before"
    with pytest.raises(InputError, match=pattern):
        rest_breaks(cards, iatse())


def test_mixed_aware_and_naive_times_are_an_input_error() -> None:
    aware = datetime(2025, 3, 3, 22, 0, tzinfo=ZoneInfo("Europe/London"))
    with pytest.raises(InputError, match="time zone"):
        rest_breaks([card(_day(1), "07:00", "19:00")], uk(), previous_end_of_duty=aware)


def test_rest_is_real_elapsed_time_across_a_clock_change() -> None:
    # UK clocks go forward at 01:00 GMT on Sunday 30 March 2025: 11 h of rest from 22:00
    # Saturday end at 10:00 BST, not 09:00.
    london = ZoneInfo("Europe/London")
    end = datetime(2025, 3, 29, 22, 0, tzinfo=london)
    assert earliest_call(end, uk().rest) == datetime(2025, 3, 30, 10, 0, tzinfo=london)
