"""Worked time: meal deductions, NDB, one rounding step, and the timecard checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.model import Meal, MealKind
from lynchpin.engine.labour.worktime import check_timecard, round_minutes, worked_time

from .builders import DAY, D, at, california, card, sag

NDB = MealKind.NDB


@pytest.mark.parametrize(("minutes", "increment", "expected"), [
    (0, 6, 0), (1, 6, 6), (6, 6, 6), (7, 6, 12), (481, 6, 486), (481, 15, 495), (481, 1, 481),
])
def test_round_minutes_rounds_up(minutes: int, increment: int, expected: int) -> None:
    assert round_minutes(minutes, increment) == expected


def test_round_minutes_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="increment"):
        round_minutes(10, 0)
    with pytest.raises(ValueError, match="negative"):
        round_minutes(-1, 6)


def test_deductible_meal_is_taken_off_and_time_rounds_up_to_tenths() -> None:
    worked = worked_time(card("08:00", "18:31", ("13:00", "13:30")), california())
    assert worked.raw_minutes == 601
    assert worked.minutes == 606  # 10 h 1 min is 10.1 h in tenths
    assert worked.hours == D("10.1")
    assert len(worked.meal_breaks) == 1


def test_a_break_shorter_than_a_meal_is_worked_time() -> None:
    worked = worked_time(card("08:00", "18:00", ("13:00", "13:20")), california())
    assert worked.raw_minutes == 600
    assert worked.meal_breaks == ()


def test_ndb_is_paid_and_counts_only_inside_its_window() -> None:
    in_window = worked_time(card("06:00", "16:30", ("07:00", "07:15", NDB), ("12:00", "12:30")),
                            sag())
    assert in_window.raw_minutes == 600  # the breakfast is paid, the lunch is not
    assert in_window.ndb is not None and in_window.ndb.out == at("07:00")
    too_late = worked_time(card("06:00", "16:30", ("08:30", "08:45", NDB), ("12:00", "12:30")),
                           sag())
    assert too_late.ndb is None
    too_long = worked_time(card("06:00", "16:30", ("07:00", "07:20", NDB)), sag())
    assert too_long.ndb is None and too_long.raw_minutes == 630


def test_seconds_round_up_to_the_minute_once() -> None:
    timecard = card("08:00", "16:00")
    worked = worked_time(replace(timecard, wrap=timecard.wrap + timedelta(seconds=1)),
                         california(time_increment_minutes=1))
    assert (worked.raw_minutes, worked.minutes) == (481, 481)


def test_a_night_across_the_autumn_clock_change_counts_real_hours() -> None:
    # 2027-11-07 01:59 PDT is followed by 01:00 PST: 20:00 to 06:00 is 11 hours worked.
    zone = ZoneInfo("America/Los_Angeles")
    night = card("20:00", "30:00", day=DAY.replace(month=11, day=6), zone=zone)
    assert worked_time(night, california()).raw_minutes == 11 * 60


def _field(excinfo: pytest.ExceptionInfo[InputError]) -> str | None:
    return excinfo.value.field


@pytest.mark.parametrize(("timecard", "field", "words"), [
    (card("09:00", "08:00"), "2027-03-01.wrap", "not after call"),
    (card("09:00", "33:30"), "2027-03-01.wrap", "longer than 24 hours"),
    (card("09:00", "18:00", ("08:00", "08:30")), "2027-03-01.meals[0].out", "not after call"),
    (card("09:00", "18:00", ("13:00", "12:30")), "2027-03-01.meals[0].back", "not after out"),
    (card("09:00", "18:00", ("17:30", "18:30")), "2027-03-01.meals[0].back", "before wrap"),
    (card("09:00", "18:00", ("18:30", "19:00")), "2027-03-01.meals[0].out", "before wrap"),
    (card("09:00", "20:00", ("15:00", "15:30"), ("12:00", "12:30")), "2027-03-01.meals[1].out",
     "out of order"),
    (card("09:00", "20:00", ("12:00", "13:00"), ("12:30", "13:30")), "2027-03-01.meals[1].out",
     "overlaps"),
    (card("09:00", "20:00", ("09:30", "09:40", NDB), ("10:00", "10:10", NDB)),
     "2027-03-01.meals[1].kind", "more than one"),
    (card("09:00", "18:00", travel_before=D(-1)), "2027-03-01.travel_before", "travel"),
    (card("09:00", "18:00", day=DAY.replace(day=2)), "2027-03-01.call", "not on the card's day"),
])
def test_invalid_cards_name_the_person_and_field(timecard: object, field: str,
                                                 words: str) -> None:
    with pytest.raises(InputError, match=words) as excinfo:
        check_timecard(replace(timecard, day=DAY))  # type: ignore[type-var]
    assert excinfo.value.source == "ann"
    assert _field(excinfo) == field


def test_mixed_naive_and_aware_times_are_refused() -> None:
    zone = ZoneInfo("Europe/London")
    timecard = card("09:00", "18:00", zone=zone)
    mixed = replace(timecard, meals=(Meal(datetime(2027, 3, 1, 13), datetime(2027, 3, 1, 13, 30,
                                                                             tzinfo=zone)),))
    with pytest.raises(InputError, match="time zone") as excinfo:
        check_timecard(mixed)
    assert _field(excinfo) == "2027-03-01.meals[0].out"


_CLOCK = st.integers(min_value=0, max_value=26 * 60)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12 * 60), st.integers(1, 26 * 60),
       st.lists(st.tuples(_CLOCK, _CLOCK, st.sampled_from(list(MealKind))), max_size=4))
def test_any_meal_order_is_accepted_or_refused_with_an_input_error(
        call: int, wrap: int, meals: list[tuple[int, int, MealKind]]) -> None:
    def moment(minutes: int) -> datetime:
        return datetime(2027, 3, 1) + timedelta(minutes=minutes)

    timecard = replace(card("00:00", "01:00"), call=moment(call), wrap=moment(wrap),
                       meals=tuple(Meal(moment(o), moment(b), kind) for o, b, kind in meals))
    try:
        worked = worked_time(timecard, california(time_increment_minutes=1))
    except InputError as error:
        assert error.source == "ann" and error.field and error.field.startswith("2027-03-01.")
        return
    # accepted: the invariants hold, and the minutes are wrap - call - deductible meals
    times = [timecard.call, *(t for m in timecard.meals for t in (m.out, m.back)), timecard.wrap]
    assert times == sorted(set(times))  # strictly rising
    deducted = sum((m.back - m.out for m in worked.meal_breaks), timedelta(0))
    assert worked.minutes == (timecard.wrap - timecard.call - deducted) // timedelta(minutes=1)
