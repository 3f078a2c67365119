"""Joining a production file with strips: cast and element mapping, defaults and warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError, Severity
from lynchpin.engine.scheduling.model import Strip
from lynchpin.engine.scheduling.production import read_production
from lynchpin.engine.scheduling.production_problem import (
    build_problem,
    cast_ids,
    production_warnings,
)

TEXT = """\
[production]
title = "Mapping"
currency = "GBP"
crew_daily_cost = "1000"
overtime_hourly_cost = "100"
default_cast_rate = "123.00"
[calendar]
start = 2027-03-15
country = "GB"
subdivision = "SCT"
shoot_days = 10
[rules]
precedences = [["2", "1"]]
pinned = [{ scene = "1", date = 2027-03-15 }]
same_day = [["1", "2"]]
[[cast]]
name = "NELL"
number = 1
daily_rate = "900"
[[cast]]
name = "UNUSED"
number = 2
daily_rate = "100"
[[element]]
name = "MOSS"
kind = "animal"
matches = ["DOG"]
daily_rate = "450"
[[element]]
name = "BUS"
kind = "vehicle"
matches = ["BUS"]
daily_rate = "1"
[[location]]
name = "HARBOUR"
daily_cost = "600"
"""


def _strips() -> tuple[Strip, ...]:
    return (
        Strip(
            "1",
            "1",
            8,
            120,
            "HARBOUR - WALL",
            "HARBOUR",
            cast=("NELL", "ROSIE"),
            elements=("animal:DOG", "vehicle:VAN"),
        ),
        Strip("2", "2", 4, 60, "FERRY - DECK", "FERRY", cast=("ROSIE",)),
    )


def test_problem_maps_cast_elements_locations_and_days() -> None:
    production = read_production(TEXT, source="p.toml")
    problem = build_problem(production, _strips())
    first, second = problem.strips
    assert first.cast == ("NELL", "ROSIE")
    assert first.elements == ("animal:MOSS",)  # DOG matched; VAN not costed
    assert second.elements == ()
    by_id = {p.id: p for p in problem.performers}
    assert set(by_id) == {"NELL", "ROSIE", "animal:MOSS"}  # UNUSED and BUS left out
    assert by_id["ROSIE"].daily_rate.amount == Decimal("123.00")
    assert by_id["ROSIE"].number == 3  # after the file's highest number
    costs = {loc.id: loc.daily_cost.amount for loc in problem.locations}
    assert costs == {"HARBOUR": Decimal(600), "FERRY": Decimal(0)}
    assert len(problem.days) == 10
    assert problem.days[0].date == date(2027, 3, 15)
    assert date(2027, 3, 26) not in {d.date for d in problem.days}  # Good Friday (Scotland)
    assert problem.currency == "GBP"
    assert problem.rules.precedences == (("2", "1"),)
    assert problem.rules.pinned == (("1", date(2027, 3, 15)),)


def test_warnings_name_what_was_filled_in() -> None:
    production = read_production(TEXT, source="p.toml")
    warnings = production_warnings(production, _strips())
    by_rule = {(w.rule, w.reference) for w in warnings}
    assert ("production.cast_missing", "ROSIE") in by_rule
    assert ("production.cast_unused", "UNUSED") in by_rule
    assert ("production.location_missing", "FERRY") in by_rule
    assert ("production.element_unused", "vehicle:BUS") in by_rule
    assert ("production.cast_missing", "NELL") not in by_rule
    assert all(w.severity is Severity.WARNING for w in warnings)
    rosie = next(w for w in warnings if w.reference == "ROSIE")
    assert "123.00 GBP" in rosie.message


def test_cast_ids_maps_script_names_to_performer_ids() -> None:
    production = read_production(TEXT)
    assert cast_ids(production) == {"NELL": "NELL", "UNUSED": "UNUSED"}


def test_element_scenes_limit_the_match() -> None:
    text = TEXT.replace('matches = ["DOG"]', 'matches = ["DOG"]\nscenes = ["2"]')
    problem = build_problem(read_production(text), _strips())
    assert problem.strips[0].elements == ()


def test_split_scene_rules_cover_every_part() -> None:
    strips = (
        Strip("1", "1", 4, 60, "A", "HARBOUR"),
        Strip("2pt1", "2", 4, 60, "B", "HARBOUR"),
        Strip("2pt2", "2", 4, 60, "B", "HARBOUR"),
    )
    problem = build_problem(read_production(TEXT), strips)
    assert problem.rules.precedences == (("2pt1", "1"), ("2pt2", "1"))
    assert problem.rules.same_day == (("1", "2pt1", "2pt2"),)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('precedences = [["2", "1"]]', 'precedences = [["2", "9"]]', "rules.precedences[0]"),
        ('scene = "1"', 'scene = "77"', "rules.pinned[0].scene"),
        ('same_day = [["1", "2"]]', 'same_day = [["1", "5"]]', "rules.same_day[0]"),
        ('subdivision = "SCT"', 'subdivision = "ATLANTIS"', "calendar.subdivision"),
    ],
)
def test_rules_naming_unknown_scenes_are_errors(old: str, new: str, expected: str) -> None:
    production = read_production(TEXT.replace(old, new), source="p.toml")
    with pytest.raises(InputError) as caught:
        build_problem(production, _strips())
    assert str(caught.value).startswith("p.toml: ")
    assert expected in str(caught.value)


def test_the_bundled_sample_covers_its_script_without_warnings() -> None:
    from pathlib import Path

    from lynchpin.engine.breakdown.tagging import break_down
    from lynchpin.engine.scheduling.strips import strips_from_script
    from lynchpin.engine.screenplay.fountain import parse_fountain
    from lynchpin.engine.screenplay.paginate import paginate
    from tests.conftest import SAMPLE

    production = read_production(
        SAMPLE.with_name("the-night-ferry.production.toml").read_text("utf-8"), source="p"
    )
    script = parse_fountain(Path(SAMPLE).read_text("utf-8"), source=SAMPLE.name)
    strips = strips_from_script(
        script,
        paginate(script),
        break_down(script),
        minutes_per_eighth=production.minutes_per_eighth,
        cast_ids=cast_ids(production),
    )
    assert production_warnings(production, strips) == ()
    problem = build_problem(production, strips)
    dog = [s.scene for s in problem.strips if "animal:MOSS" in s.elements]
    assert dog == ["20", "38", "44"]
    assert len(problem.days) == production.shoot_days
