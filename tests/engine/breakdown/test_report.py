"""breakdown_report: scenes, cast and elements joined from hand-built values."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from lynchpin.engine.breakdown.model import (
    Breakdown,
    BreakdownItem,
    Origin,
    SceneBreakdown,
    Status,
)
from lynchpin.engine.breakdown.report import CategoryColumn, breakdown_report
from lynchpin.engine.screenplay.model import (
    Element,
    ElementKind,
    Scene,
    Script,
    SourceFormat,
    parse_heading,
)

K = ElementKind


@dataclass(frozen=True)
class FakeScenePages:
    eighths: int
    page: int


@dataclass(frozen=True)
class FakePagination:
    pages: int
    total_eighths: int
    scenes: tuple[FakeScenePages, ...]


def _script(numbers: tuple[str, str] = ("", "")) -> Script:
    elements = (
        Element(K.SCENE_HEADING, "INT. FERRY BAR - NIGHT", 1),
        Element(K.CHARACTER, "MARA", 3, speaker="MARA"),
        Element(K.DIALOGUE, "Ticket.", 4, speaker="MARA"),
        Element(K.CHARACTER, "JONAS (O.S.)", 6, speaker="JONAS"),
        Element(K.DIALOGUE, "Here.", 7, speaker="JONAS"),
        Element(K.CHARACTER, "MARA", 9, speaker="MARA"),
        Element(K.DIALOGUE, "Thanks.", 10, speaker="MARA"),
        Element(K.SCENE_HEADING, "EXT. QUAY - DAY", 12),
        Element(K.ACTION, "A DECKHAND coils rope. Mara runs past.", 14),
    )
    scenes = (
        Scene(0, parse_heading(elements[0].text), 0, 7, number=numbers[0]),
        Scene(1, parse_heading(elements[7].text), 7, 9, number=numbers[1]),
    )
    title = (("Title", "The Night Ferry"),)
    return Script(SourceFormat.FOUNTAIN, elements, scenes, title_page=title, source_name="f.txt")


def _breakdown() -> Breakdown:
    return Breakdown(
        (
            SceneBreakdown(0, "", (
                BreakdownItem(100, "MARA", Status.ACCEPTED, Origin.SPEAKING),
                BreakdownItem(100, "JONAS", Status.SUGGESTED, Origin.SPEAKING),
                BreakdownItem(104, "TICKET", Status.SUGGESTED),
                BreakdownItem(104, "GLASS", Status.REJECTED),
            )),
            SceneBreakdown(1, "", (
                BreakdownItem(100, "MARA", Status.SUGGESTED, Origin.INTRODUCED),
                BreakdownItem(100, "DECKHAND", Status.SUGGESTED, Origin.INTRODUCED),
                BreakdownItem(104, "ROPE"),
                BreakdownItem(199, "ODD"),
            )),
        )
    )


CATEGORIES = (
    CategoryColumn(104, "Props", "#7B2CBF"),
    CategoryColumn(100, "Cast Members", "#E53935"),
)
PAGES = FakePagination(2, 12, (FakeScenePages(9, 1), FakeScenePages(3, 2)))


def test_scene_lines() -> None:
    report = breakdown_report(_script(), PAGES, _breakdown(), categories=CATEGORIES)
    first, second = report.scenes
    assert (first.number, first.heading, first.int_ext, first.set, first.time_of_day) == (
        "1", "INT. FERRY BAR - NIGHT", "INT", "FERRY BAR", "NIGHT",
    )
    assert (first.eighths, first.page) == (9, 1)
    assert first.speaking == ("MARA", "JONAS")
    assert first.characters == ("MARA", "JONAS")
    assert first.elements_dict() == {"Cast Members": ["JONAS", "MARA"], "Props": ["TICKET"]}
    assert second.number == "2"
    assert second.speaking == ()
    assert second.characters == ("DECKHAND", "MARA")
    assert second.elements_dict()["Category 199"] == ["ODD"]
    assert [c.id for c in report.categories] == [100, 104]


def test_totals_and_characters() -> None:
    report = breakdown_report(_script(("5", "5A")), PAGES, _breakdown(), categories=CATEGORIES)
    assert (report.title, report.format, report.pages, report.eighths) == (
        "The Night Ferry", "fountain", 2, 12,
    )
    assert [s.number for s in report.scenes] == ["5", "5A"]
    assert [c.as_dict() for c in report.characters] == [
        {"name": "MARA", "scenes": ["5", "5A"], "dialogue_blocks": 2},
        {"name": "JONAS", "scenes": ["5"], "dialogue_blocks": 1},
        {"name": "DECKHAND", "scenes": ["5A"], "dialogue_blocks": 0},
    ]


def test_as_dict_shape() -> None:
    data = breakdown_report(_script(), PAGES, _breakdown(), categories=CATEGORIES).as_dict()
    assert {"title", "format", "pages", "eighths", "scenes", "characters"} <= set(data)
    assert set(data["scenes"][0]) == {
        "number", "heading", "int_ext", "set", "time_of_day", "eighths", "page",
        "characters", "speaking", "elements",
    }


def test_default_categories_are_the_standard_ones() -> None:
    report = breakdown_report(_script(), PAGES, _breakdown())
    assert report.categories[0].name == "Cast Members"
    assert dict(report.scenes[0].elements)["Props"] == ("TICKET",)


def test_mismatched_inputs_are_refused() -> None:
    short = FakePagination(1, 9, (FakeScenePages(9, 1),))
    with pytest.raises(ValueError, match="2 scenes, pagination 1"):
        breakdown_report(_script(), short, _breakdown(), categories=CATEGORIES)
