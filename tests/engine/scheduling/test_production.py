"""Reading production files: every key, the bundled sample, and errors naming the key path."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import DateRange, PerformerKind
from lynchpin.engine.scheduling.production import read_production

SAMPLE = Path(__file__).resolve().parents[3] / "lynchpin/samples/the-night-ferry.production.toml"

FULL = """\
[production]
title = "Test Shoot"
currency = "gbp"
crew_daily_cost = "10000.50"
overtime_hourly_cost = 900
minutes_per_eighth = 12
default_cast_rate = "300.00 GBP"

[calendar]
start = 2027-03-01
week_days = 6
country = "gb"
subdivision = "sct"
days_off = [2027-03-03]
travel_days = ["2027-03-04"]
extra_work_days = [2027-03-07]
shoot_days = 7

[capacity]
standard_hours = 10
max_hours = "11.5"
max_pages = "4 4/8"

[rules]
crew_rest_hours = 11
cast_rest_hours = 13
day_call = "06:30"
night_call = "18:00"
default_move_minutes = 45
default_move_cost = "500"
precedences = [["2", "1"]]
same_day = [["1", 3]]
pinned = [{ scene = "1", date = 2027-03-02 }]
cover_sets = [["2", "3"]]

[[cast]]
name = "Nell"
number = 1
daily_rate = "950.00 GBP"
available = [{ from = 2027-03-01, to = 2027-03-10 }]
blackouts = [2027-03-05]
holds_allowed = false
drop_pickup_allowed = true
drop_min_gap_days = 12
minor = true
max_hours = 5
travel_days = 1
start = 2027-03-01
finish = 2027-03-20

[[element]]
name = "Moss"
kind = "animal"
number = 2
daily_rate = "450"
matches = ["dog"]
scenes = ["1"]

[[location]]
name = "Harbour"
daily_cost = "600.00"
available = [{ from = 2027-03-01, to = 2027-03-02 }]

[[move]]
a = "Harbour"
b = "Ferry"
minutes = 30
cost = "250.00"
"""


def test_every_key_is_read() -> None:
    production = read_production(FULL, source="full.toml")
    gbp = "GBP"
    assert (production.title, production.currency) == ("Test Shoot", gbp)
    assert production.crew_daily_cost == Money(Decimal("10000.50"), gbp)
    assert production.overtime_hourly_cost == Money(Decimal(900), gbp)
    assert production.minutes_per_eighth == 12
    assert production.default_cast_rate == Money(Decimal("300.00"), gbp)
    calendar = production.calendar
    assert (calendar.start, calendar.week_days) == (date(2027, 3, 1), 6)
    assert (calendar.country, calendar.subdivision) == ("GB", "SCT")
    assert calendar.days_off == (date(2027, 3, 3),)
    assert calendar.travel_days == (date(2027, 3, 4),)
    assert calendar.extra_work_days == (date(2027, 3, 7),)
    assert production.shoot_days == 7
    capacity = production.capacity
    assert (capacity.standard_minutes, capacity.max_minutes, capacity.max_eighths) == (
        600,
        690,
        36,
    )
    rules = production.rules
    assert (rules.crew_rest_hours, rules.cast_rest_hours) == (11, 13)
    assert (rules.day_call, rules.night_call) == (390, 1080)
    assert rules.default_move_minutes == 45
    assert rules.default_move_cost == Money(Decimal(500), gbp)
    assert rules.precedences == (("2", "1"),)
    assert rules.same_day == (("1", "3"),)
    assert rules.pinned == (("1", date(2027, 3, 2)),)
    assert rules.cover_sets == (("2", "3"),)


def test_cast_element_location_and_move() -> None:
    production = read_production(FULL, source="full.toml")
    (nell,) = production.cast
    assert (nell.id, nell.name, nell.number, nell.kind) == ("NELL", "NELL", 1, PerformerKind.CAST)
    assert nell.daily_rate == Money(Decimal("950.00"), "GBP")
    assert nell.availability.windows == (DateRange(date(2027, 3, 1), date(2027, 3, 10)),)
    assert nell.availability.blackouts == (date(2027, 3, 5),)
    assert not nell.holds_allowed and nell.drop_pickup_allowed and nell.minor
    assert (nell.drop_min_gap_days, nell.max_minutes, nell.travel_days) == (12, 300, 1)
    assert (nell.earliest_start, nell.latest_finish) == (date(2027, 3, 1), date(2027, 3, 20))
    (moss,) = production.elements
    assert (moss.performer.id, moss.performer.kind) == ("animal:MOSS", PerformerKind.ANIMAL)
    assert (moss.matches, moss.scenes) == (("DOG",), ("1",))
    (harbour,) = production.locations
    assert (harbour.id, harbour.daily_cost.amount) == ("HARBOUR", Decimal("600.00"))
    assert not harbour.availability.allows(date(2027, 3, 3))
    (move,) = production.moves
    assert (move.a, move.b, move.minutes, move.cost.amount) == ("HARBOUR", "FERRY", 30, 250)


def test_defaults_when_optional_tables_are_absent() -> None:
    text = """
[production]
currency = "USD"
crew_daily_cost = "1000"
overtime_hourly_cost = "100"
[calendar]
start = 2027-01-04
"""
    production = read_production(text)
    assert production.cast == () and production.locations == () and production.moves == ()
    assert production.capacity.standard_minutes == 600
    assert production.rules.cast_rest_hours == 12  # rules.json default
    assert production.minutes_per_eighth == 15  # strips.json default


def test_the_bundled_sample_reads() -> None:
    production = read_production(SAMPLE.read_text("utf-8"), source=SAMPLE.name)
    assert production.currency == "GBP"
    assert (production.calendar.country, production.calendar.subdivision) == ("GB", "SCT")
    assert production.calendar.start.year == 2027
    rosie = next(p for p in production.cast if p.name == "ROSIE")
    assert rosie.minor and rosie.max_minutes == 300
    assert any(p.availability.blackouts for p in production.cast)
    assert any(e.performer.kind is PerformerKind.ANIMAL for e in production.elements)
    assert len(production.cast) == 16


def _with(old: str, new: str) -> str:
    assert old in FULL
    return FULL.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _with('daily_rate = "950.00 GBP"', "daily_rate = 950.0"),
            "cast[0].daily_rate: not an amount: write money as a string",
        ),
        (
            _with('daily_rate = "950.00 GBP"', 'daily_rate = "lots"'),
            "cast[0].daily_rate: not an amount",
        ),
        (
            _with('daily_rate = "950.00 GBP"', 'daily_rate = "950.00 USD"'),
            "cast[0].daily_rate: is in USD",
        ),
        (
            _with('daily_rate = "950.00 GBP"', 'daily_rate = "-5"'),
            "cast[0].daily_rate: must not be negative",
        ),
        (
            _with('crew_daily_cost = "10000.50"', "crew_daily_cost = 10000.5"),
            "production.crew_daily_cost: not an amount",
        ),
        (_with('currency = "gbp"', 'currency = "pounds"'), "production.currency: expected"),
        (_with("start = 2027-03-01", 'start = "next week"'), "calendar.start: expected a date"),
        (_with("week_days = 6", "week_days = 7"), "calendar.week_days: a work week has 5 or 6"),
        (_with("days_off = [2027-03-03]", 'days_off = ["soon"]'), "calendar.days_off[0]"),
        (_with("shoot_days = 7", "shoot_days = 0"), "calendar.shoot_days: must be between"),
        (_with('max_hours = "11.5"', "max_hours = 8"), "capacity.max_hours: must not be less"),
        (_with('max_pages = "4 4/8"', 'max_pages = "many"'), "capacity.max_pages: expected"),
        (_with('day_call = "06:30"', 'day_call = "6.30am"'), "rules.day_call: expected a time"),
        (_with('precedences = [["2", "1"]]', 'precedences = [["2"]]'), "rules.precedences[0]"),
        (
            _with('precedences = [["2", "1"]]', 'precedences = [["2", "1", "3"]]'),
            "rules.precedences[0]: expected a pair",
        ),
        (
            _with('pinned = [{ scene = "1", date = 2027-03-02 }]', 'pinned = [{ scene = "1" }]'),
            "rules.pinned[0].date",
        ),
        (_with("number = 1\n", "number = -1\n"), "cast[0].number: must be between"),
        (_with("minor = true", 'minor = "yes"'), "cast[0].minor: expected true or false"),
        (_with("max_hours = 5", "max_hours = 30"), "cast[0].max_hours: must be more than 0"),
        (_with("to = 2027-03-10", "to = 2027-02-10"), "cast[0].available[0].to: ends"),
        (_with('kind = "animal"', 'kind = "dragon"'), "element[0].kind: expected one of"),
        (_with('b = "Ferry"', 'b = "Harbour"'), "move[0].b: a move needs two"),
        (_with("minor = true", 'minor = true\nnickname = "N"'), "cast[0].nickname: unknown key"),
        (_with("[calendar]", "[calender]\n[calendar]"), "calender: unknown key"),
        (FULL + '\n[[cast]]\nname = "NELL"\ndaily_rate = "1"\n', "cast[1].name: 'NELL' appears"),
        (_with("[calendar]", "[calendar\n"), "not valid TOML"),
        (_with('name = "Nell"', "name = 3"), "cast[0].name: expected a non-empty text"),
    ],
)
def test_bad_values_name_the_file_and_key_path(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_production(text, source="shoot.toml")
    assert re.match(r"shoot\.toml(:\d+)?: ", str(caught.value))  # the line when known
    assert expected in str(caught.value)


def test_missing_required_keys_are_named() -> None:
    with pytest.raises(InputError, match=r"production\.currency"):
        read_production("[production]\n")
    with pytest.raises(InputError, match=r"calendar\.start"):
        read_production(
            '[production]\ncurrency="USD"\ncrew_daily_cost="1"\novertime_hourly_cost="1"\n'
        )


_LINES = st.sampled_from([*FULL.splitlines(), "x = 1.5", "[[cast]]", "daily_rate = 3.0", "= ="])


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINES, max_size=40), st.text(max_size=30))
def test_any_text_gives_a_production_or_an_input_error(lines: list[str], noise: str) -> None:
    text = "\n".join(lines) + "\n" + noise
    try:
        production = read_production(text, source="fuzz.toml")
    except InputError as error:
        assert re.match(r"fuzz\.toml(:\d+)?: ", str(error))  # the line when known
    else:
        assert production.currency.isupper()


def test_deeply_nested_toml_is_an_input_error() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        read_production("x = " + "[" * 50_000 + "]" * 50_000, source="deep.toml")
