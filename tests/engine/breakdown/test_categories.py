"""Breakdown categories: USS ids, names, colours and aliases from categories.json."""

from __future__ import annotations

import json
import re

import pytest

from lynchpin.engine.breakdown.categories import (
    CATEGORIES_FILE,
    category_by_id,
    category_for_name,
    is_scene_category,
    load_categories,
)


def test_categories_load_with_unique_uss_ids() -> None:
    categories = load_categories()
    ids = [c.id for c in categories]
    assert len(categories) >= 23
    assert len(set(ids)) == len(ids)
    assert all(100 <= i <= 124 for i in ids)
    assert ids == sorted(ids)


def test_standard_ids_match_the_universal_schedule_standard() -> None:
    expected = {
        100: "Cast Members", 101: "Background Actors", 102: "Stunts", 103: "Vehicles",
        104: "Props", 105: "Special Effects", 106: "Wardrobe", 107: "Makeup/Hair",
        108: "Animals", 109: "Animal Wrangler", 110: "Camera", 111: "Music", 112: "Sound",
        113: "Art Department", 114: "Set Dressing", 115: "Greenery", 116: "Security",
        117: "Special Equipment", 118: "Additional Labor", 119: "Visual Effects",
        120: "Mechanical Effects", 121: "Notes", 122: "Comments", 123: "Miscellaneous",
        124: "Other",
    }
    assert {c.id: c.name for c in load_categories()} == expected


def test_colours_are_hex_and_data_cites_a_source() -> None:
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c.colour) for c in load_categories())
    data = json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))
    assert "UniversalScheduleStandard" in data["source"]
    defaults = [c for c in data["categories"] if c["movie_magic_default"]]
    assert len(defaults) == 23


def test_load_is_cached() -> None:
    assert load_categories() is load_categories()


def test_category_by_id_and_unknown_id() -> None:
    assert category_by_id(104).name == "Props"
    with pytest.raises(KeyError):
        category_by_id(99)


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Extras", 101), ("Background Actors", 101), ("background", 101),
        ("Makeup/Hair", 107), ("Hair/Makeup", 107), ("Make-Up & Hair", 107),
        ("VFX", 119), ("Optical FX", 119), ("Visual Effects", 119),
        ("Cast Members", 100), ("cast", 100), ("Stunts", 102), ("Stunt", 102),
        ("Vehicles", 103), ("Props", 104), ("prop", 104), ("Special Effects", 105),
        ("SFX", 105), ("Wardrobe", 106), ("Animals", 108), ("Animal Wranglers", 109),
        ("Music", 111), ("Sound", 112), ("Set Dressing", 114), ("Greenery", 115),
        ("Special Equipment", 117), ("Security", 116), ("Additional Labor", 118),
        ("Mechanical Effects", 120), ("Mechanical FX", 120), ("  MISC  ", 123), ("104", 104),
    ],
)
def test_category_for_name_accepts_aliases(name: str, ident: int) -> None:
    found = category_for_name(name)
    assert found is not None and found.id == ident


@pytest.mark.parametrize("name", ["", "Wagons", "Script Day", "Set", "999"])
def test_category_for_name_rejects_unknown_and_scene_names(name: str) -> None:
    assert category_for_name(name) is None


def test_scene_categories_are_recognised() -> None:
    assert is_scene_category("Script Day")
    assert is_scene_category("synopsis")
    assert not is_scene_category("Props")
