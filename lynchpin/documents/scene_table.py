"""The one-row-per-scene table shared by the CSV and XLSX breakdowns.

Layout (documented in docs/cli.md): the fixed columns `FIXED_COLUMNS`, then one column per
breakdown category in Universal Schedule Standard id order (every known category, used or not,
so the layout is the same for every script), then any category found in the breakdown but
unknown to the category table. A cell holding several names joins them with ``"; "``.
"""

from __future__ import annotations

from lynchpin.engine.breakdown.report import BreakdownReport, SceneReport
from lynchpin.engine.units import format_eighths

#: Fixed leading columns, in order.
FIXED_COLUMNS: tuple[str, ...] = (
    "scene",
    "heading",
    "int_ext",
    "set",
    "time_of_day",
    "eighths",
    "length",
    "page",
    "characters",
    "speaking",
)

#: Joins several names in one cell.
SEPARATOR = "; "

Cell = str | int


def category_columns(report: BreakdownReport) -> tuple[str, ...]:
    """Category column names: known categories in id order, then unknown ones seen in scenes."""
    names = [column.name for column in report.categories]
    for scene in report.scenes:
        for category, _ in scene.elements:
            if category not in names:
                names.append(category)
    return tuple(names)


def header(report: BreakdownReport) -> tuple[str, ...]:
    """The header row: fixed columns then category columns."""
    return FIXED_COLUMNS + category_columns(report)


def scene_row(scene: SceneReport, categories: tuple[str, ...]) -> tuple[Cell, ...]:
    """One scene's row; `eighths` and `page` are integers, everything else text."""
    elements = dict(scene.elements)
    fixed: tuple[Cell, ...] = (
        scene.number,
        scene.heading,
        scene.int_ext,
        scene.set,
        scene.time_of_day,
        scene.eighths,
        format_eighths(scene.eighths),
        scene.page,
        SEPARATOR.join(scene.characters),
        SEPARATOR.join(scene.speaking),
    )
    return fixed + tuple(SEPARATOR.join(elements.get(name, ())) for name in categories)


def rows(report: BreakdownReport) -> list[tuple[Cell, ...]]:
    """Header row followed by one row per scene, in script order."""
    categories = category_columns(report)
    return [header(report), *(scene_row(scene, categories) for scene in report.scenes)]
