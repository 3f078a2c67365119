"""Timecard adapters: clock times typed on a page as moments (a time not after the previous
one is the next day's), rows to engine values and back without loss, the calendar bounds."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.core.errors import Invalid
from lynchpin.engine.labour import model as labour
from lynchpin.people.models import Timecard
from lynchpin.people.timecards.adapters import (
    DayEntry,
    checked_day,
    engine_card,
    entry_from_row,
    entry_values,
    local_moment,
    to_zone,
)

ZONE = zoneinfo.ZoneInfo("America/Los_Angeles")
DAY = date(2025, 3, 8)  # the day before the spring daylight-saving change in Los Angeles
clocks = st.times().map(lambda moment: moment.replace(second=0, microsecond=0))


@given(first=clocks, second=clocks)
def test_a_clock_time_is_the_first_such_moment_after_the_one_before(first: time,
                                                                    second: time) -> None:
    before = local_moment(DAY, first, ZONE)
    after = local_moment(DAY, second, ZONE, after=before)
    assert after > before
    assert after.time() == second
    assert after.date() in {DAY, DAY + timedelta(days=1)}
    assert (after.date() == DAY) == (second > first)


def test_a_wrap_at_two_after_a_four_pm_call_is_the_next_morning() -> None:
    call = local_moment(DAY, time(16, 0), ZONE)
    wrap = local_moment(DAY, time(2, 0), ZONE, after=call)
    assert wrap == datetime(2025, 3, 9, 2, 0, tzinfo=ZONE)


@given(call=clocks, minutes=st.lists(st.integers(1, 200), min_size=3, max_size=7),
       kind=st.sampled_from(list(labour.MealKind)),
       travel=st.decimals(0, 24, places=2, allow_nan=False))
def test_an_entry_survives_the_row_and_back(call: time, minutes: list[int],
                                            kind: labour.MealKind, travel: Decimal) -> None:
    moments = [local_moment(DAY, call, ZONE)]
    for step in minutes:  # real elapsed minutes, across the daylight-saving change too
        moments.append((moments[-1].astimezone(UTC) + timedelta(minutes=step)).astimezone(ZONE))
    meals = tuple(labour.Meal(moments[n], moments[n + 1], kind)
                  for n in range(1, len(moments) - 2, 2))
    entry = DayEntry(DAY, moments[0], moments[-1], meals, travel, Decimal(0), True)
    row = Timecard(**entry_values(entry))
    assert entry_from_row(row, ZONE) == entry
    card = engine_card(entry, "Isla Fraser")
    assert (card.person, card.call, card.meals, card.travel_before) == (
        "Isla Fraser", entry.call, meals, travel)


def test_times_and_days_outside_the_calendar_are_refused() -> None:
    with pytest.raises(Invalid):
        to_zone(datetime(9999, 12, 31, 23, 0, tzinfo=zoneinfo.ZoneInfo("Pacific/Kiritimati")),
                ZONE)
    with pytest.raises(Invalid):
        checked_day(date(1, 1, 1))
    assert to_zone(datetime(2025, 3, 3, 7, 0), ZONE) == datetime(2025, 3, 3, 7, 0, tzinfo=ZONE)
    assert checked_day(DAY) == DAY
