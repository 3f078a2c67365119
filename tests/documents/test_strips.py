"""Strip colours and day/night classification."""

from __future__ import annotations

from dataclasses import replace

from lynchpin.documents.colours import css_colour, text_colour_on
from lynchpin.documents.strips import day_night, strip_colour, strip_rules
from tests.documents.conftest import make_report


def test_the_four_strip_colours() -> None:
    assert strip_colour("INT", "D") == "#ffffff"
    assert strip_colour("EXT", "D") == "#fff59d"
    assert strip_colour("INT", "N") == "#90caf9"
    assert strip_colour("EXT", "N") == "#a5d6a7"
    assert strip_colour("INT/EXT", "N") == "#a5d6a7"  # counts as exterior
    assert strip_colour("", "") == "#ffffff"  # unknown: interior day


def test_day_night_with_continuing_scenes() -> None:
    base = make_report().scenes[0]
    times = ["NIGHT", "CONTINUOUS", "DAY", "MOMENTS LATER", "DUSK", "", "LATE NIGHT", "MORNING"]
    scenes = tuple(replace(base, time_of_day=t) for t in times)
    assert day_night(scenes) == ("N", "N", "D", "D", "N", "", "N", "D")


def test_rules_cite_a_source() -> None:
    assert strip_rules().colours.keys() == {"INT/D", "EXT/D", "INT/N", "EXT/N"}


def test_text_colour_contrast() -> None:
    assert text_colour_on("#ffffff") == "#000000"
    assert text_colour_on("#000080") == "#ffffff"
    assert text_colour_on("nonsense") == "#000000"
    assert css_colour("#ABCDEF") == "#abcdef"
    assert css_colour("url(x)") == "#dddddd"
