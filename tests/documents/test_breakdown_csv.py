"""CSV renderer: one row per scene, the documented columns, formula-safe."""

from __future__ import annotations

import csv
import io

from lynchpin.documents import render_csv
from lynchpin.documents.breakdown_csv import defuse_formula
from lynchpin.documents.scene_table import FIXED_COLUMNS
from lynchpin.engine.breakdown.report import BreakdownReport


def _rows(report: BreakdownReport) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render_csv(report), newline="")))


def test_header_is_fixed_columns_then_categories(report: BreakdownReport) -> None:
    header = next(csv.reader(io.StringIO(render_csv(report))))
    assert tuple(header[: len(FIXED_COLUMNS)]) == FIXED_COLUMNS
    assert header[len(FIXED_COLUMNS) :] == [
        "Cast Members", "Background Actors", "Vehicles", "Props", "Category 130",
    ]


def test_one_row_per_scene_with_flattened_elements(report: BreakdownReport) -> None:
    rows = _rows(report)
    assert [row["scene"] for row in rows] == ["1", "2A", "3"]
    assert rows[0]["Props"] == "BRASS KEY; LANTERN"
    assert rows[0]["length"] == "1 3/8"
    assert rows[0]["eighths"] == "11"
    assert rows[1]["characters"] == "MARA; DECKHAND"
    assert rows[1]["Category 130"] == "ODD THING"
    assert rows[2]["Props"] == ""


def test_formula_like_text_is_quoted(report: BreakdownReport) -> None:
    assert _rows(report)[1]["Vehicles"] == "'=HYPERLINK(\"x\")"
    assert defuse_formula("-1") == "'-1"
    assert defuse_formula(-1) == -1
    assert defuse_formula("INT. BAR") == "INT. BAR"


def test_heading_with_commas_and_quotes_round_trips() -> None:
    from dataclasses import replace

    from tests.documents.conftest import make_report

    report = make_report(heading='INT. BAR, "THE ANCHOR" - NIGHT')
    assert _rows(report)[0]["heading"] == 'INT. BAR, "THE ANCHOR" - NIGHT'
    assert _rows(replace(report, scenes=()))  == []
