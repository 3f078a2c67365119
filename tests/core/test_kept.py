"""Kept: a value is made once per key and the least recently used is forgotten beyond size."""

from __future__ import annotations

from lynchpin.core.kept import Kept


def test_values_are_made_once_and_the_least_recently_used_is_forgotten() -> None:
    made: list[str] = []
    kept: Kept[str, str] = Kept(size=2)

    def get(key: str) -> str:
        return kept.get_or_make(key, lambda: made.append(key) or key.upper())

    assert [get("a"), get("b"), get("a")] == ["A", "B", "A"]
    assert made == ["a", "b"]
    get("c")  # "b" is now the least recently used
    get("a")
    get("b")
    assert made == ["a", "b", "c", "b"]
