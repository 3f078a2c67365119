"""Default scheduling rules: rules.json equals the Rules dataclass defaults."""

from __future__ import annotations

import json

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import Rules
from lynchpin.engine.scheduling.rules import (
    RULES_FILE,
    load_default_rules,
    parse_clock,
    parse_rules,
)


def test_rules_json_equals_the_dataclass_defaults() -> None:
    # No deliberate differences: the dataclass defaults and the data file agree.
    assert load_default_rules() == Rules()


def test_rules_json_cites_a_source() -> None:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    assert data["source"]
    assert data["rules"]["cast_rest_hours"] == 12
    assert data["rules"]["crew_rest_hours"] == 10


def test_overrides_replace_only_given_keys() -> None:
    rules = parse_rules({"night_call": "18:30", "default_move_cost": "450.00 GBP"})
    assert rules.night_call == 18 * 60 + 30
    assert rules.default_move_cost == Money.parse("450.00 GBP")
    assert rules.day_call == Rules().day_call


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"crew_rest": 10}, "crew_rest"),
        ({"crew_rest_hours": "ten"}, "crew_rest_hours"),
        ({"crew_rest_hours": True}, "crew_rest_hours"),
        ({"day_call": "25:00"}, "day_call"),
        ({"night_call": "7"}, "night_call"),
        ({"default_move_cost": "lots"}, "default_move_cost"),
    ],
)
def test_bad_rules_name_the_field(data: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_rules(data, source="production.toml")
    assert raised.value.field == field


def test_parse_clock() -> None:
    assert parse_clock("07:00", source="", field="x") == 420
    assert parse_clock("23:59", source="", field="x") == 1439
    with pytest.raises(InputError):
        parse_clock("12:60", source="", field="x")
