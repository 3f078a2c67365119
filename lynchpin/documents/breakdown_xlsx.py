"""Breakdown report as an Excel workbook (openpyxl).

Sheets: ``Scenes`` (the `scene_table` layout: header row, one row per scene, header frozen
with the scene and heading columns, auto-filter, category headers in the category's colour),
``Characters`` (name, scene numbers, scene count, dialogue blocks) and ``Summary`` (title,
format, pages, eighths, confidence, warnings). Text is always stored as text, never as a
formula, and control characters that XLSX cannot hold are dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lynchpin.documents.colours import text_colour_on
from lynchpin.documents.scene_table import FIXED_COLUMNS, SEPARATOR, Cell, rows
from lynchpin.engine.breakdown.report import BreakdownReport
from lynchpin.engine.units import format_eighths

_BOLD = Font(bold=True)
_WIDTHS = {"scene": 7, "heading": 40, "set": 28, "characters": 30, "speaking": 30}


def render_xlsx(report: BreakdownReport) -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    workbook = Workbook()
    scenes = workbook.active
    assert isinstance(scenes, Worksheet)  # a new Workbook always has one worksheet
    scenes.title = "Scenes"
    _fill_scenes(scenes, report)
    _fill_characters(workbook.create_sheet("Characters"), report)
    _fill_summary(workbook.create_sheet("Summary"), report)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill_scenes(sheet: Worksheet, report: BreakdownReport) -> None:
    """Scene table with a styled, frozen header row."""
    table = rows(report)
    _append_all(sheet, table)
    colours = {column.name: column.colour for column in report.categories}
    for index, name in enumerate(table[0], start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = _BOLD
        colour = colours.get(str(name), "")
        if colour:
            cell.fill = PatternFill(fill_type="solid", fgColor=colour.lstrip("#").upper())
            cell.font = Font(bold=True, color=text_colour_on(colour).lstrip("#").upper())
        default = 14 if index > len(FIXED_COLUMNS) else 10
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(str(name), default)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions


def _fill_characters(sheet: Worksheet, report: BreakdownReport) -> None:
    """One row per cast member."""
    table: list[tuple[Cell, ...]] = [("name", "scenes", "scene_count", "dialogue_blocks")]
    for character in report.characters:
        table.append(
            (
                character.name,
                SEPARATOR.join(character.scenes),
                len(character.scenes),
                character.dialogue_blocks,
            )
        )
    _append_all(sheet, table)
    for cell in sheet[1]:
        cell.font = _BOLD
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 40
    sheet.freeze_panes = "A2"


def _fill_summary(sheet: Worksheet, report: BreakdownReport) -> None:
    """Title and totals, one field per row."""
    table: list[tuple[Cell, ...]] = [
        ("title", report.title),
        ("format", report.format),
        ("scenes", len(report.scenes)),
        ("pages", report.pages),
        ("eighths", report.eighths),
        ("length", format_eighths(report.eighths)),
        ("confidence", f"{report.confidence:.0%}"),
        *(("warning", warning) for warning in report.warnings),
    ]
    _append_all(sheet, table)
    for cell in sheet["A"]:
        cell.font = _BOLD
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 60


def _append_all(sheet: Worksheet, table: Iterable[tuple[Cell, ...]]) -> None:
    """Append rows, storing every string as plain text (never a formula)."""
    for row in table:
        sheet.append([_clean(cell) for cell in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would otherwise treat "=..." as a formula


def _clean(cell: Cell) -> Cell:
    """Drop control characters that an XLSX file cannot contain."""
    if isinstance(cell, str):
        cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", cell)
        return cleaned
    return cell
