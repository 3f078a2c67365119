"""XLSX renderer: Scenes, Characters and Summary sheets that open in openpyxl."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from lynchpin.documents import render_xlsx
from lynchpin.engine.breakdown.report import BreakdownReport


def _workbook(report: BreakdownReport):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(render_xlsx(report)))


def test_sheets_and_scene_rows(report: BreakdownReport) -> None:
    book = _workbook(report)
    assert book.sheetnames == ["Scenes", "Characters", "Summary"]
    scenes = book["Scenes"]
    rows = list(scenes.iter_rows(values_only=True))
    assert rows[0][:3] == ("scene", "heading", "int_ext")
    assert "Props" in rows[0]
    assert len(rows) == 1 + len(report.scenes)
    assert rows[1][0] == "1"
    assert rows[1][rows[0].index("eighths")] == 11  # a number, not text
    assert rows[1][rows[0].index("Props")] == "BRASS KEY; LANTERN"
    assert scenes.freeze_panes == "C2"


def test_formula_like_text_stays_text(report: BreakdownReport) -> None:
    scenes = _workbook(report)["Scenes"]
    header = [cell.value for cell in scenes[1]]
    cell = scenes.cell(row=3, column=header.index("Vehicles") + 1)
    assert cell.value == '=HYPERLINK("x")'
    assert cell.data_type == "s"


def test_category_header_is_coloured(report: BreakdownReport) -> None:
    scenes = _workbook(report)["Scenes"]
    header = {cell.value: cell for cell in scenes[1]}
    assert header["Cast Members"].fill.fgColor.rgb.endswith("FF0000")
    assert header["Cast Members"].font.bold


def test_characters_and_summary(report: BreakdownReport) -> None:
    book = _workbook(report)
    characters = list(book["Characters"].iter_rows(values_only=True))
    assert characters[0] == ("name", "scenes", "scene_count", "dialogue_blocks")
    assert characters[1] == ("MARA", "1; 2A", 2, 4)
    assert characters[3] == ("DECKHAND", "2A", 1, 0)
    summary = dict(book["Summary"].iter_rows(values_only=True))
    assert summary["pages"] == 3
    assert summary["length"] == "2 6/8"


def test_control_characters_are_dropped() -> None:
    from tests.documents.conftest import make_report

    book = _workbook(make_report(heading="INT. BAR\x07 - NIGHT"))
    assert book["Scenes"]["B2"].value == "INT. BAR - NIGHT"
