"""break_down and find_hazards over parsed Fountain and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from lynchpin.engine.breakdown.hazards import find_hazards
from lynchpin.engine.breakdown.model import Origin, Status
from lynchpin.engine.breakdown.tagging import break_down
from lynchpin.engine.screenplay.fountain import parse_fountain
from lynchpin.engine.screenplay.read import read_script

_FOUNTAIN = """Title: Harbour

EXT. HARBOUR - NIGHT - RAIN

LILY (8) runs past a parked car. BANG! Rain everywhere.

MARGARET
Lily! Bring me the shotgun.

~Row row row your boat

INT. KITCHEN - DAY

MARGARET pours tea. LILY hides under the table with a kitten.
"""


def test_parsed_fountain_breakdown() -> None:
    s = parse_fountain(_FOUNTAIN, source="harbour.fountain")
    breakdown = break_down(s)
    first = {(i.category, i.name): i for i in breakdown.scenes[0].items}
    assert first[(100, "MARGARET")].origin is Origin.SPEAKING
    assert first[(100, "LILY")].status is Status.SUGGESTED
    assert (105, "RAIN") in first and (112, "BANG") in first and (111, "SONG") in first
    assert (104, "SHOTGUN") not in first  # only mentioned in dialogue
    second = {(i.category, i.name) for i in breakdown.scenes[1].items}
    assert {(100, "MARGARET"), (100, "LILY"), (108, "CAT")} <= second
    kinds = {(h.scene, h.kind) for h in find_hazards(s, breakdown)}
    assert {(0, "night_exterior"), (0, "weather_effects"), (0, "minors"), (1, "minors"),
            (1, "animals")} <= kinds


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    ["big-fish.fountain", "big-fish.fdx", "brick-and-steel.fountain", "charade.fountain",
     "the-last-birthday-card.fdx", "farmland.fdx", "extranormal.fdx", "vikings.fountain"],
)
def test_corpus_breakdowns_are_consistent(corpus: Path, name: str) -> None:
    s = read_script((corpus / name).read_bytes(), name=name)
    breakdown = break_down(s)
    assert len(breakdown.scenes) == len(s.scenes)
    for sheet in breakdown.scenes:
        for item in sheet.items:
            for span in item.spans:
                assert s.elements[span.element].text[span.start : span.end] == span.text
                assert s.scenes[sheet.scene].start <= span.element < s.scenes[sheet.scene].end
    speaking = {(c.name, scene) for c in s.characters for scene in c.scenes}
    cast = {(i.name, x.scene) for x in breakdown.scenes for i in x.items if i.category == 100}
    assert speaking <= cast
    for hazard in find_hazards(s, breakdown):
        assert hazard.spans
