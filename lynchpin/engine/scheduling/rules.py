"""Default scheduling rules, read from ``rules.json`` next to this module.

The JSON file holds the defaults of `Rules` (rest hours, call times, company-move defaults)
with a cited "source"; `parse_rules` reads the same shape from any mapping so a production
file can override some keys. Call times are ``"HH:MM"`` strings in the file and minutes after
midnight in `Rules`; `default_move_cost` is ``null`` or an amount such as ``"500.00 USD"``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import Rules

RULES_FILE = Path(__file__).with_name("rules.json")

_INT_KEYS = ("crew_rest_hours", "cast_rest_hours", "default_move_minutes")
_TIME_KEYS = ("day_call", "night_call")


def parse_clock(text: object, *, source: str, field: str) -> int:
    """``"07:30"`` -> 450 (minutes after midnight). Raises InputError naming `field`."""
    if isinstance(text, str):
        hours, _, minutes = text.partition(":")
        if hours.isdigit() and minutes.isdigit() and len(minutes) == 2:
            value = int(hours) * 60 + int(minutes)
            if int(minutes) < 60 and value < 24 * 60:
                return value
    raise InputError(f"not a time of day (expected HH:MM): {text!r}", source=source, field=field)


def _int(value: object, *, source: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"expected a whole number >= 0, got {value!r}", source=source, field=field)
    return value


def _money(value: object, *, source: str, field: str) -> Money | None:
    if value is None:
        return None
    try:
        return Money.parse(str(value))
    except ValueError as error:
        raise InputError(str(error), source=source, field=field) from None


def parse_rules(data: Mapping[str, Any], *, base: Rules | None = None, source: str = "") -> Rules:
    """`base` (default: `Rules()`) with the keys present in `data` replaced.

    Unknown keys raise InputError naming them, as do values of the wrong type.
    """
    known = {*_INT_KEYS, *_TIME_KEYS, "default_move_cost"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"unknown rule(s): {', '.join(unknown)}", source=source, field=unknown[0])
    changes: dict[str, Any] = {}
    for key in _INT_KEYS:
        if key in data:
            changes[key] = _int(data[key], source=source, field=key)
    for key in _TIME_KEYS:
        if key in data:
            changes[key] = parse_clock(data[key], source=source, field=key)
    if "default_move_cost" in data:
        changes["default_move_cost"] = _money(
            data["default_move_cost"], source=source, field="default_move_cost"
        )
    return replace(base or Rules(), **changes)


@cache
def load_default_rules() -> Rules:
    """The default `Rules` from ``rules.json`` (no precedences, pins or groups).

    Raises InputError naming the file when it is malformed.
    """
    source = RULES_FILE.name
    try:
        data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read the default rules: {error}", source=source) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise InputError("expected an object with a 'rules' object", source=source)
    if not data.get("source"):
        raise InputError("the rules must cite a source", source=source, field="source")
    return parse_rules(data["rules"], source=source)
