"""The facts' JSON lists: dates, windows, scene groups and pins, checked line by line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.schedules.forms import as_text
from lynchpin.schedules.models.values import (
    check_dates,
    check_groups,
    check_pins,
    check_windows,
    contains_nul,
)


def test_dates_are_sorted_and_distinct() -> None:
    assert check_dates(["2027-03-19", "2027-03-18", "2027-03-19"]) == ["2027-03-18",
                                                                        "2027-03-19"]


@pytest.mark.parametrize(("check", "value", "line"), [
    (check_dates, ["2027-03-19", "soon"], 2),
    (check_windows, [["2027-03-15", "2027-03-31"], ["2027-04-02", "2027-04-01"]], 2),
    (check_groups, [["26", "28"], ["30"]], 2),
    (check_pins, [["1", "2027-03-15"], ["1", "2027-03-16"]], 2),
])
def test_a_bad_entry_names_its_line(check: object, value: object, line: int) -> None:
    with pytest.raises(ValueError, match=f"line {line}"):
        check(value)  # type: ignore[operator]


def test_scene_numbers_are_normalised() -> None:
    assert check_groups([[" 12a ", 14]]) == [["12A", "14"]]
    assert check_groups([["1", "2"]], size=2) == [["1", "2"]]
    with pytest.raises(ValueError):
        check_groups([["1", "2", "3"]], size=2)


def test_nul_is_found_anywhere() -> None:
    assert contains_nul({"a": ["b", "c\x00"]}) and not contains_nul({"a": ["b", 1]})


@given(st.lists(st.dates(), max_size=20))
def test_dates_round_trip_through_the_form_text(days: list) -> None:  # type: ignore[type-arg]
    stored = check_dates([day.isoformat() for day in days])
    assert check_dates(as_text(stored).splitlines()) == stored
    assert len(stored) == len(set(days))
