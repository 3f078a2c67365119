"""The bundled sample screenplay has what `make demo` and a production manager need.

Read through the real engine: the Fountain importer, the Final Draft paginator and the
breakdown suggester. Each test states one property the sample promises in its README.
"""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from lynchpin.engine.screenplay.model import DualSide, ElementKind, IntExt, Script
from lynchpin.engine.screenplay.read import read_script

SAMPLE_NAME = "the-night-ferry.fountain"

#: A character introduced in action: capitals, then an age in brackets, "ROSIE QUILL (9)".
_INTRODUCTION = re.compile(r"\b([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*) \((\d{1,3})\)")


def sample_bytes() -> bytes:
    """The sample as installed with the package (so a missing package-data entry fails too)."""
    return files("lynchpin.samples").joinpath(SAMPLE_NAME).read_bytes()


@pytest.fixture(scope="module")
def script() -> Script:
    return read_script(sample_bytes(), name=SAMPLE_NAME)


def scene_text(script: Script, index: int) -> str:
    """All printed text of scene `index`, lower case, heading included."""
    scene = script.scenes[index]
    return "\n".join(e.text for e in script.scene_elements(scene)).lower()


# --- the file -----------------------------------------------------------------------------


def test_file_is_utf8_with_lf_line_ends_and_no_bom() -> None:
    data = sample_bytes()
    text = data.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_file_has_no_notes_or_boneyard() -> None:
    text = sample_bytes().decode("utf-8")
    assert "[[" not in text and "/*" not in text


def test_title_page_names_the_project_as_author(script: Script) -> None:
    keys = dict(script.title_page)
    assert {"Title", "Credit", "Author", "Draft date", "Contact"} <= keys.keys()
    assert keys["Author"] == "The Lynchpin Project"
    assert script.title == "THE NIGHT FERRY"
    assert script.warnings == ()


# --- scenes and sets ----------------------------------------------------------------------


def test_has_at_least_forty_unnumbered_scenes(script: Script) -> None:
    assert len(script.scenes) >= 40
    assert all(scene.number == "" for scene in script.scenes)
    assert all(scene.heading.int_ext is not IntExt.NONE for scene in script.scenes)


def test_has_at_least_eight_distinct_sets(script: Script) -> None:
    sets = {scene.heading.set_name for scene in script.scenes}
    assert "" not in sets
    assert len(sets) >= 8


def test_has_day_and_night(script: Script) -> None:
    times = {scene.heading.time_of_day for scene in script.scenes}
    assert {"DAY", "NIGHT"} <= times


def test_has_interiors_exteriors_and_an_int_ext(script: Script) -> None:
    places = {scene.heading.int_ext for scene in script.scenes}
    assert {IntExt.INT, IntExt.EXT, IntExt.INT_EXT} <= places


def test_has_a_night_exterior_in_rain(script: Script) -> None:
    rainy = [
        scene.index
        for scene in script.scenes
        if scene.heading.int_ext is IntExt.EXT
        and scene.heading.time_of_day == "NIGHT"
        and re.search(r"\brain\b", scene_text(script, scene.index))
    ]
    assert rainy


# --- characters ---------------------------------------------------------------------------


def test_has_at_least_ten_speaking_characters(script: Script) -> None:
    speaking = [c for c in script.characters if c.dialogue_blocks > 0]
    assert len(speaking) >= 10


def test_has_a_speaking_child_introduced_with_an_age(script: Script) -> None:
    speaking = {c.name for c in script.characters}
    children = [
        name
        for element in script.elements
        if element.kind is ElementKind.ACTION
        for name, age in _INTRODUCTION.findall(element.text)
        if int(age) < 13
    ]
    assert any(name.split()[0] in speaking for name in children), children


def test_has_one_dual_dialogue_exchange(script: Script) -> None:
    cues = [e for e in script.elements if e.kind is ElementKind.CHARACTER and e.dual]
    assert [e.dual for e in cues] == [DualSide.LEFT, DualSide.RIGHT]
    assert cues[0].speaker != cues[1].speaker


def test_uses_parentheticals_and_transitions(script: Script) -> None:
    kinds = {e.kind for e in script.elements}
    assert {ElementKind.PARENTHETICAL, ElementKind.TRANSITION} <= kinds


# --- pagination and breakdown --------------------------------------------------------------


def test_paginates_to_fifteen_to_twenty_five_pages(script: Script) -> None:
    from lynchpin.engine.screenplay.paginate import paginate

    pagination = paginate(script)
    assert 15 <= pagination.pages <= 25
    assert len(pagination.scenes) == len(script.scenes)


@pytest.fixture(scope="module")
def suggested_categories(script: Script) -> set[int]:
    """Category ids of every item the breakdown suggests anywhere in the sample."""
    from lynchpin.engine.breakdown.tagging import break_down

    breakdown = break_down(script)
    return {item.category for sheet in breakdown.scenes for item in sheet.items}


@pytest.mark.parametrize(
    "category",
    [
        "Stunts",
        "Vehicles",
        "Animals",
        "Props",
        "Special Effects",
        "Background Actors",
        "Wardrobe",
        "Makeup/Hair",
        "Music",
        "Sound",
    ],
)
def test_breakdown_suggests_something_in(suggested_categories: set[int], category: str) -> None:
    from lynchpin.engine.breakdown.categories import category_for_name

    wanted = category_for_name(category)
    assert wanted is not None, category
    assert wanted.id in suggested_categories
