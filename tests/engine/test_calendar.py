"""Calendar: shoot days from a start date, week length, days off, holidays and travel."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.calendar import holidays_between, public_holidays, work_days
from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.model import Calendar, WorkDay

MONDAY = date(2026, 3, 2)


def dates(calendar: Calendar, count: int) -> list[date]:
    return [day.date for day in work_days(calendar, count)]


def test_five_day_week_skips_the_weekend() -> None:
    assert dates(Calendar(start=MONDAY), 6) == [
        MONDAY + timedelta(days=k) for k in (0, 1, 2, 3, 4, 7)
    ]


def test_six_day_week_works_saturday() -> None:
    assert dates(Calendar(start=MONDAY, week_days=6), 7) == [
        MONDAY + timedelta(days=k) for k in (0, 1, 2, 3, 4, 5, 7)
    ]


def test_days_are_numbered_from_one() -> None:
    assert work_days(Calendar(start=MONDAY), 2) == (
        WorkDay(1, MONDAY),
        WorkDay(2, date(2026, 3, 3)),
    )


def test_start_on_a_sunday_begins_on_monday() -> None:
    assert dates(Calendar(start=date(2026, 3, 1)), 1) == [MONDAY]


def test_days_off_and_travel_days_are_not_shoot_days() -> None:
    calendar = Calendar(start=MONDAY, days_off=(date(2026, 3, 3),), travel_days=(date(2026, 3, 4),))
    assert dates(calendar, 3) == [MONDAY, date(2026, 3, 5), date(2026, 3, 6)]


def test_an_extra_work_day_adds_a_saturday() -> None:
    calendar = Calendar(start=MONDAY, extra_work_days=(date(2026, 3, 7),))
    assert dates(calendar, 6)[-1] == date(2026, 3, 7)


def test_an_extra_work_day_before_the_start_is_ignored() -> None:
    calendar = Calendar(start=MONDAY, extra_work_days=(date(2026, 2, 28),))
    assert dates(calendar, 1) == [MONDAY]


def test_a_day_off_beats_an_extra_work_day() -> None:
    saturday = date(2026, 3, 7)
    calendar = Calendar(start=MONDAY, days_off=(saturday,), extra_work_days=(saturday,))
    assert saturday not in dates(calendar, 10)


def test_scottish_public_holidays_are_skipped() -> None:
    # St Andrew's Day (30 November 2026, a Monday) is a bank holiday in Scotland only.
    scotland = Calendar(start=date(2026, 11, 30), country="GB", subdivision="SCT")
    england = Calendar(start=date(2026, 11, 30), country="GB", subdivision="ENG")
    assert dates(scotland, 1) == [date(2026, 12, 1)]
    assert dates(england, 1) == [date(2026, 11, 30)]


def test_holidays_across_a_new_year_are_loaded() -> None:
    calendar = Calendar(start=date(2026, 12, 24), country="GB", subdivision="ENG")
    # 25 Dec, 28 Dec (Boxing Day observed) and 1 Jan 2027 are bank holidays.
    assert dates(calendar, 5) == [
        date(2026, 12, 24), date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31),
        date(2027, 1, 4),
    ]  # fmt: skip


def test_an_extra_work_day_overrides_a_public_holiday() -> None:
    calendar = Calendar(
        start=date(2026, 12, 24), country="GB", subdivision="ENG",
        extra_work_days=(date(2026, 12, 28),),
    )  # fmt: skip
    assert dates(calendar, 2) == [date(2026, 12, 24), date(2026, 12, 28)]


def test_country_code_is_case_insensitive() -> None:
    assert dates(Calendar(start=date(2026, 12, 25), country="gb"), 1) == [date(2026, 12, 29)]


@pytest.mark.parametrize(
    ("calendar", "field"),
    [
        (Calendar(start=MONDAY, country="XX"), "country"),
        (Calendar(start=MONDAY, country="GB", subdivision="NOWHERE"), "subdivision"),
        (Calendar(start=MONDAY, week_days=7), "week_days"),
    ],
)
def test_bad_calendars_name_the_field(calendar: Calendar, field: str) -> None:
    with pytest.raises(InputError) as raised:
        work_days(calendar, 3)
    assert raised.value.field == field
    assert field in str(raised.value)


def test_negative_count_is_an_input_error() -> None:
    with pytest.raises(InputError, match="count"):
        work_days(Calendar(start=MONDAY), -1)


def test_zero_days_is_empty() -> None:
    assert work_days(Calendar(start=MONDAY, country="GB"), 0) == ()


def test_holidays_between_lists_names_in_range() -> None:
    calendar = Calendar(start=MONDAY, country="GB", subdivision="ENG")
    found = holidays_between(calendar, date(2026, 12, 20), date(2027, 1, 5))
    assert found == (
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 26), "Boxing Day"),
        (date(2026, 12, 28), "Boxing Day (observed)"),
        (date(2027, 1, 1), "New Year's Day"),
    )


def test_holidays_between_leaves_out_worked_holidays_and_empty_ranges() -> None:
    calendar = Calendar(start=MONDAY, country="GB", extra_work_days=(date(2026, 12, 25),))
    found = holidays_between(calendar, date(2026, 12, 25), date(2026, 12, 25))
    assert found == ()
    assert holidays_between(calendar, date(2026, 12, 26), date(2026, 12, 25)) == ()


def test_no_country_means_no_public_holidays() -> None:
    assert public_holidays(Calendar(start=MONDAY), range(2026, 2027)) == {}


@settings(max_examples=40, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
    count=st.integers(min_value=0, max_value=40),
    offsets=st.lists(st.integers(min_value=0, max_value=60), max_size=8),
    subdivision=st.sampled_from(["", "ENG", "SCT", "NIR", "WLS"]),
)
def test_five_day_weeks_never_give_weekends_holidays_or_days_off(
    start: date, count: int, offsets: list[int], subdivision: str
) -> None:
    days_off = tuple(start + timedelta(days=k) for k in offsets)
    calendar = Calendar(start=start, country="GB", subdivision=subdivision, days_off=days_off)
    result = work_days(calendar, count)
    table = holidays.country_holidays("GB", subdiv=subdivision or None, years=range(2024, 2031))
    assert [day.number for day in result] == list(range(1, count + 1))
    assert all(a.date < b.date for a, b in itertools.pairwise(result))
    for day in result:
        assert day.date >= start
        assert day.date.weekday() < 5
        assert day.date not in table
        assert day.date not in days_off
