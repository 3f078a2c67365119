"""find_hazards: the risk-register rules in hazards.json."""

from __future__ import annotations

import pytest

from lynchpin.engine.breakdown.hazards import (
    Hazard,
    find_hazards,
    hazard_kinds,
    scene_time_of_day,
)
from lynchpin.engine.breakdown.model import Breakdown, SceneBreakdown, Status
from lynchpin.engine.breakdown.tagging import break_down
from lynchpin.engine.screenplay.model import Script, parse_heading

from .script_builder import action, heading, script, speech


def _hazards(s: Script) -> dict[tuple[int, str], Hazard]:
    return {(h.scene, h.kind): h for h in find_hazards(s, break_down(s))}


def test_rule_kinds_cover_the_register() -> None:
    assert set(hazard_kinds()) >= {
        "stunts", "weapons", "pyrotechnics", "water", "heights", "vehicles_in_motion",
        "animals", "minors", "night_exterior", "weather_effects", "smoke_fog",
    }


def test_night_exterior_in_rain() -> None:
    s = script([heading("EXT. HARBOUR - NIGHT - RAIN"), action("Rain lashes the quay.")])
    found = _hazards(s)
    night = found[(0, "night_exterior")]
    assert night.spans[0].text == "EXT. HARBOUR - NIGHT - RAIN"
    assert [sp.text for sp in found[(0, "weather_effects")].spans] == ["RAIN", "Rain"]
    assert "RAIN" in found[(0, "weather_effects")].message


@pytest.mark.parametrize(
    ("text", "time"),
    [("EXT. STREET - NIGHT - RAIN", "NIGHT"), ("EXT. STREET - NIGHT", "NIGHT"),
     ("EXT. STREET - RAIN - NIGHT", "NIGHT"), ("EXT. STREET (RAIN)", ""),
     ("INT. CAR - MOVING - DAY", "DAY")],
)
def test_time_of_day_is_not_misread(text: str, time: str) -> None:
    assert scene_time_of_day(parse_heading(text)) == time


def test_day_exterior_and_night_interior_are_not_night_exteriors() -> None:
    s = script([heading("EXT. FIELD - DAY")], [heading("INT. ROOM - NIGHT")])
    assert not [k for k in _hazards(s) if k[1] == "night_exterior"]


def test_child_by_age_by_cue_word_and_later_mentions() -> None:
    s = script(
        [heading("INT. HOUSE - DAY"), action("LILY (8) plays. MARGARET (60s) reads.")],
        [heading("INT. SCHOOL - DAY"), *speech("LITTLE BOY", "Hi."), action("LILY hides.")],
        [heading("INT. OFFICE - DAY"), action("MARGARET works.")],
    )
    found = _hazards(s)
    assert "LILY" in found[(0, "minors")].message
    assert "MARGARET" not in found[(0, "minors")].message
    assert "LITTLE BOY" in found[(1, "minors")].message and "LILY" in found[(1, "minors")].message
    assert (2, "minors") not in found


def test_stunts_weapons_fire_vehicles_animals_water_heights_smoke() -> None:
    s = script([
        heading("EXT. ROOFTOP - DAY"),
        action("He falls from the ledge into the river. A pistol fires. The car explodes in "
               "flames and speeds away. A horse bolts. Fog rolls in."),
    ])
    kinds = {k for (scene, k) in _hazards(s)}
    assert kinds >= {"stunts", "weapons", "pyrotechnics", "vehicles_in_motion", "animals",
                     "water", "heights", "smoke_fog"}


def test_parked_car_is_not_a_vehicle_in_motion() -> None:
    s = script([heading("EXT. LOT - DAY"), action("A car sits under a tree.")])
    assert (0, "vehicles_in_motion") not in _hazards(s)


def test_rejected_items_raise_no_hazard() -> None:
    s = script([heading("INT. DEN - DAY"), action("A revolver on the desk.")])
    sheet = break_down(s).scenes[0]
    rejected = tuple(i.decided(Status.REJECTED) for i in sheet.items)
    breakdown = Breakdown((SceneBreakdown(0, "1", rejected),))
    assert not [h for h in find_hazards(s, breakdown) if h.kind == "weapons"]


def test_hazard_spans_slice_back() -> None:
    s = script([heading("EXT. LAKE - NIGHT"), action("She swims underwater. A dog barks.")])
    for hazard in find_hazards(s, break_down(s)):
        assert hazard.spans
        for sp in hazard.spans:
            assert s.elements[sp.element].text[sp.start : sp.end] == sp.text


def test_a_later_adult_age_ends_the_minor_flag() -> None:
    s = script(
        [heading("INT. NURSERY - DAY"), action("WILL, AGE 3, listens."), *speech("WILL", "Why?")],
        [heading("INT. HALL - DAY"), action("WILL, now 28, sits."), *speech("WILL", "Dad.")],
        [heading("INT. CAR - DAY"), *speech("WILL", "Bye.")],
    )
    found = _hazards(s)
    assert (0, "minors") in found
    assert (1, "minors") not in found and (2, "minors") not in found
