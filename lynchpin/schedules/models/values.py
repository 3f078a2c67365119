"""Checks of the JSON values the facts rows keep: lists of dates, date windows, scene groups.

Dates are stored as ISO strings (``"2027-03-15"``), windows as ``["first", "last"]`` pairs,
scene rules as lists of scene numbers. Each `check_*` returns the cleaned value or raises
`ValueError` whose message names the entry (``"line 2: ..."``, counting from 1) so that
`clean()` can key it to its field and a person can find the bad line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

__all__ = [
    "MAX_ENTRIES",
    "check_dates",
    "check_groups",
    "check_pins",
    "check_windows",
    "contains_nul",
    "normalise",
    "parse_day",
]

#: The most entries any list may hold (dates, windows, rules): keeps pages and the model small.
MAX_ENTRIES = 400


def normalise(name: str) -> str:
    """A performer, location or scene name as stored: trimmed, single spaces, upper case."""
    return " ".join(str(name).split()).upper()


def contains_nul(value: Any) -> bool:
    """True when a text anywhere in `value` (nested lists and dicts too) holds a NUL
    character, which PostgreSQL cannot store; such input is refused, never stored."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    return False


def parse_day(value: Any) -> date:
    """A date from a `date` or an ISO string; ValueError otherwise."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date such as 2027-03-15")


def _entries(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    if not isinstance(value, list | tuple):
        raise ValueError("expected a list")
    if len(value) > MAX_ENTRIES:
        raise ValueError(f"at most {MAX_ENTRIES} entries, got {len(value)}")
    return list(value)


def check_dates(value: Any) -> list[str]:
    """A list of dates as sorted, distinct ISO strings."""
    days = set()
    for line, item in enumerate(_entries(value), start=1):
        try:
            days.add(parse_day(item))
        except ValueError as error:
            raise ValueError(f"line {line}: {error}") from None
    return [day.isoformat() for day in sorted(days)]


def check_windows(value: Any) -> list[list[str]]:
    """A list of ``[first, last]`` date pairs (first <= last), sorted by first date."""
    windows = []
    for line, item in enumerate(_entries(value), start=1):
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise ValueError(f"line {line}: expected a first and a last date")
        try:
            first, last = parse_day(item[0]), parse_day(item[1])
        except ValueError as error:
            raise ValueError(f"line {line}: {error}") from None
        if last < first:
            raise ValueError(f"line {line}: ends ({last}) before it starts ({first})")
        windows.append((first, last))
    return [[first.isoformat(), last.isoformat()] for first, last in sorted(windows)]


def _scene(item: Any, line: int) -> str:
    if isinstance(item, bool) or not isinstance(item, str | int) or not normalise(str(item)):
        raise ValueError(f"line {line}: expected scene numbers such as \"12\", got {item!r}")
    return normalise(str(item))


def check_groups(value: Any, *, size: int | None = None) -> list[list[str]]:
    """A list of scene-number groups (at least two scenes each; exactly `size` if given)."""
    groups = []
    for line, item in enumerate(_entries(value), start=1):
        if not isinstance(item, list | tuple) or len(item) < 2:
            raise ValueError(f"line {line}: name at least two scenes")
        if size is not None and len(item) != size:
            raise ValueError(f"line {line}: name exactly {size} scenes")
        scenes = [_scene(scene, line) for scene in item]
        if len(set(scenes)) != len(scenes):
            raise ValueError(f"line {line}: a scene is named twice")
        groups.append(scenes)
    return groups


def check_pins(value: Any) -> list[list[str]]:
    """A list of ``[scene, date]`` pins (a scene pinned at most once)."""
    pins: list[list[str]] = []
    seen: set[str] = set()
    for line, item in enumerate(_entries(value), start=1):
        if not isinstance(item, list | tuple) or len(item) != 2:
            raise ValueError(f"line {line}: expected a scene and a date")
        scene = _scene(item[0], line)
        try:
            day = parse_day(item[1])
        except ValueError as error:
            raise ValueError(f"line {line}: {error}") from None
        if scene in seen:
            raise ValueError(f"line {line}: scene {scene} is pinned twice")
        seen.add(scene)
        pins.append([scene, day.isoformat()])
    return pins
