"""Page lengths in eighths: Final Draft's rounding, display and parsing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.engine.units import format_eighths, lines_to_eighths, parse_eighths


@pytest.mark.parametrize(
    ("lines", "eighths"),
    [(0, 1), (1, 1), (6, 1), (7, 2), (27, 4), (28, 5), (54, 8), (55, 9), (108, 16)],
)
def test_lines_to_eighths_rounds_up_with_a_floor_of_one(lines: int, eighths: int) -> None:
    assert lines_to_eighths(lines, 54) == eighths


def test_lines_to_eighths_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="bad line count"):
        lines_to_eighths(-1, 54)
    with pytest.raises(ValueError, match="bad line count"):
        lines_to_eighths(3, 0)


@pytest.mark.parametrize(
    ("eighths", "text"), [(0, "0"), (3, "3/8"), (8, "1"), (11, "1 3/8"), (17, "2 1/8")]
)
def test_format_and_parse_eighths(eighths: int, text: str) -> None:
    assert format_eighths(eighths) == text
    assert parse_eighths(text) == eighths


@pytest.mark.parametrize("text", ["", "a", "1 2 3", "1/0", "-1", "1 x/8"])
def test_parse_eighths_names_the_bad_text(text: str) -> None:
    with pytest.raises(ValueError, match="not a page length"):
        parse_eighths(text)


@given(st.integers(min_value=0, max_value=10_000))
def test_format_parse_round_trip(eighths: int) -> None:
    assert parse_eighths(format_eighths(eighths)) == eighths


@given(st.integers(min_value=0, max_value=5_000), st.integers(min_value=1, max_value=80))
def test_eighths_cover_the_lines(lines: int, per_page: int) -> None:
    eighths = lines_to_eighths(lines, per_page)
    assert eighths >= 1
    assert eighths * per_page >= lines * 8
    assert (eighths - 1) * per_page < max(lines * 8, per_page)
