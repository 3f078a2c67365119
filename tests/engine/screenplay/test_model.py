"""Scene-heading parts and character-name normalisation shared by every importer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.engine.screenplay.model import (
    Element,
    ElementKind,
    IntExt,
    Scene,
    Script,
    SourceFormat,
    character_name,
    parse_heading,
)


@pytest.mark.parametrize(
    ("text", "int_ext", "set_name", "time_of_day", "qualifiers"),
    [
        ("INT.  WILL'S BEDROOM - NIGHT (1973)", IntExt.INT, "WILL'S BEDROOM", "NIGHT", ("1973",)),
        ("EXT. YARD - NIGHT [CONTINUOUS]", IntExt.EXT, "YARD", "NIGHT", ("CONTINUOUS",)),
        ("INT./EXT. CAR - MOVING - DAY", IntExt.INT_EXT, "CAR - MOVING", "DAY", ()),
        ("EXT./INT. BARN - DUSK", IntExt.INT_EXT, "BARN", "DUSK", ()),
        ("I/E KITCHEN, EVENING", IntExt.INT_EXT, "KITCHEN", "EVENING", ()),
        ("int. living room – night", IntExt.INT, "LIVING ROOM", "NIGHT", ()),
        ("EST. HARBOUR - DAWN", IntExt.EXT, "HARBOUR", "DAWN", ()),
        ("INT. LIVING ROOM / CORRIDOR - DAY", IntExt.INT, "LIVING ROOM / CORRIDOR", "DAY", ()),
        ("SNIPER SCOPE POV", IntExt.NONE, "SNIPER SCOPE POV", "", ()),
        ("EXT. APPROACHING THE HOUSE", IntExt.EXT, "APPROACHING THE HOUSE", "", ()),
        ("INTERIOR DESIGN STUDIO", IntExt.NONE, "INTERIOR DESIGN STUDIO", "", ()),
    ],
)
def test_parse_heading(
    text: str, int_ext: IntExt, set_name: str, time_of_day: str, qualifiers: tuple[str, ...]
) -> None:
    heading = parse_heading(text)
    assert (heading.int_ext, heading.set_name, heading.time_of_day) == (
        int_ext,
        set_name,
        time_of_day,
    )
    assert heading.qualifiers == qualifiers


@pytest.mark.parametrize(
    ("cue", "name"),
    [
        ("EDWARD", "EDWARD"),
        ("EDWARD (V.O.)(CONT'D)", "EDWARD"),
        ("@McCLANE", "MCCLANE"),
        ("KARL^", "KARL"),
        ("KARL ^", "KARL"),
        ("SANDRA (CONT’D)", "SANDRA"),
        ("WORKER #2", "WORKER #2"),
        ("MR.\u00a0SMITH", "MR. SMITH"),
        ("JOE CONT'D", "JOE"),
        ("ZOË (O.S.)", "ZOË"),
    ],
)
def test_character_name(cue: str, name: str) -> None:
    assert character_name(cue) == name


@given(st.text())
def test_character_name_is_idempotent(cue: str) -> None:
    once = character_name(cue)
    assert character_name(once) == once


@given(st.text())
def test_parse_heading_never_fails(text: str) -> None:
    heading = parse_heading(text)
    assert heading.text == heading.text.upper()


def test_characters_count_blocks_and_scenes() -> None:
    def cue(name: str) -> Element:
        return Element(ElementKind.CHARACTER, name, speaker=character_name(name))

    elements = (
        cue("NARRATOR (V.O.)"),
        Element(ElementKind.SCENE_HEADING, "INT. A - DAY"),
        cue("ANN"),
        Element(ElementKind.DIALOGUE, "Hi.", speaker="ANN"),
        cue("BOB"),
        Element(ElementKind.SCENE_HEADING, "EXT. B - NIGHT"),
        cue("ANN (CONT'D)"),
    )
    scenes = (
        Scene(0, parse_heading("INT. A - DAY"), 1, 5),
        Scene(1, parse_heading("EXT. B - NIGHT"), 5, 7),
    )
    script = Script(SourceFormat.FOUNTAIN, elements, scenes)
    by_name = {c.name: c for c in script.characters}
    assert [c.name for c in script.characters] == ["NARRATOR", "ANN", "BOB"]
    assert by_name["ANN"].scenes == (0, 1)
    assert by_name["ANN"].dialogue_blocks == 2
    assert by_name["NARRATOR"].scenes == ()
    assert [speaker for speaker, _ in script.speeches(scenes[0])] == ["ANN", "BOB"]


def test_repeated_marks_normalise_in_one_go() -> None:
    assert character_name("^^") == character_name(character_name("^^")) == ""
    assert character_name("@@ANN^^") == "ANN"
