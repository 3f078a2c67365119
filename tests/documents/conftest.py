"""A hand-built breakdown report shared by the renderer tests (no parser needed)."""

from __future__ import annotations

import pytest

from lynchpin.engine.breakdown.report import (
    BreakdownReport,
    CategoryColumn,
    CharacterReport,
    SceneReport,
)

CATEGORIES = (
    CategoryColumn(100, "Cast Members", "#ff0000"),
    CategoryColumn(101, "Background Actors", "#00aa00"),
    CategoryColumn(103, "Vehicles", "#ff69b4"),
    CategoryColumn(104, "Props", "#7b2cbf"),
)


def make_report(
    *, heading: str = "INT. FERRY BAR - NIGHT", fmt: str = "fountain"
) -> BreakdownReport:
    """Three scenes: a night interior, a day exterior with a silent extra, an unnumbered one."""
    scenes = (
        SceneReport(
            number="1", heading=heading, int_ext="INT", set="FERRY BAR", time_of_day="NIGHT",
            eighths=11, page=1, characters=("MARA", "JONAS"), speaking=("MARA", "JONAS"),
            elements=(("Cast Members", ("JONAS", "MARA")), ("Props", ("BRASS KEY", "LANTERN"))),
        ),
        SceneReport(
            number="2A", heading="EXT. QUAY - DAY", int_ext="EXT", set="QUAY", time_of_day="DAY",
            eighths=3, page=2, characters=("MARA", "DECKHAND"), speaking=("MARA",),
            elements=(
                ("Cast Members", ("DECKHAND", "MARA")),
                ("Vehicles", ("=HYPERLINK(\"x\")",)),
                ("Category 130", ("ODD THING",)),
            ),
        ),
        SceneReport(
            number="3", heading="EXT. DECK - CONTINUOUS", int_ext="EXT", set="DECK",
            time_of_day="CONTINUOUS", eighths=8, page=2, characters=(), speaking=(), elements=(),
        ),
    )
    characters = (
        CharacterReport("MARA", ("1", "2A"), 4),
        CharacterReport("JONAS", ("1",), 2),
        CharacterReport("DECKHAND", ("2A",), 0),
    )
    return BreakdownReport(
        title="The Night Ferry", format=fmt, pages=3, eighths=22, scenes=scenes,
        characters=characters, categories=CATEGORIES,
        confidence=0.8 if fmt == "pdf" else 1.0,
        warnings=("page 2: scene number unreadable",) if fmt == "pdf" else (),
        source="the-night-ferry.fountain",
    )


@pytest.fixture
def report() -> BreakdownReport:
    """The default hand-built report."""
    return make_report()
