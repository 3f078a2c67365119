"""read_talent: the canonical talent-scheduling text format, good files and bad ones."""

from __future__ import annotations

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.talent import read_talent

GOOD = """tiny
4
3
1 0 1 1   5
0 1 1 0   2
1 1 0 0   1
2 1 3 1
"""


def test_reads_names_counts_cast_costs_and_durations() -> None:
    instance = read_talent(GOOD, source="tiny.txt")
    assert instance.name == "tiny"
    assert instance.durations == (2, 1, 3, 1)
    assert instance.costs == (5, 2, 1)
    assert instance.cast == (
        frozenset({0, 2}),
        frozenset({1, 2}),
        frozenset({0, 1}),
        frozenset({0}),
    )
    assert instance.fixed_cost == 5 * (2 + 3 + 1) + 2 * (1 + 3) + 1 * (2 + 1)


def test_line_breaks_are_cosmetic() -> None:
    assert read_talent(" ".join(GOOD.split())) == read_talent(GOOD)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", None, "empty file"),
        ("   \n\n", None, "empty file"),
        ("x\n4\n3\n1 0 1 1 5\n0 1 1 0 2\n", 5, "ends early"),
        ("x\nfour\n3\n", 2, "'four' is not an integer"),
        ("x\n2\n1\n1 1.5 3\n1 1\n", 4, "'1.5' is not an integer"),
        ("x\n2\n1\n1 2 3\n1 1\n", 4, "above the maximum 1"),
        ("x\n2\n1\n1 1 -3\n1 1\n", 4, "daily cost: -3 is below"),
        ("x\n2\n1\n1 1 3\n1 -1\n", 5, "scene 2 duration: -1 is below"),
        ("x\n2\n1\n1 1 3\n1 0\n", 5, "scene 2 duration: 0 is below"),
        ("x\n2\n1\n1 1 3\n1 1 7\n", 5, "unexpected extra token '7'"),
        ("x\n0\n1\n", 2, "number of scenes: 0 is below"),
        ("x\n2\n-1\n", 3, "number of actors: -1 is below"),
        ("x\n2\n1\n1 ١ 3\n1 1\n", 4, "is not an integer"),
    ],
)
def test_bad_input_names_the_line_and_token(text: str, line: int | None, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_talent(text, source="bad.txt")
    assert caught.value.line == line
    assert caught.value.source == "bad.txt"
    assert words in str(caught.value)
    if line is not None:
        assert str(caught.value).startswith(f"bad.txt:{line}: ")


def test_huge_counts_are_refused_before_reading_rows() -> None:
    with pytest.raises(InputError, match="too large"):
        read_talent("x 100000 100000 1", source="big.txt")
