"""Breakdown report as CSV: one row per scene (layout in `scene_table` and docs/cli.md).

RFC 4180 quoting, ``\\r\\n`` line ends, UTF-8 text. A text cell that a spreadsheet would run
as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading
apostrophe, the usual defence against CSV formula injection; numbers are written as they are.
"""

from __future__ import annotations

import csv
import io

from lynchpin.documents.scene_table import Cell, rows
from lynchpin.engine.breakdown.report import BreakdownReport

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: BreakdownReport) -> str:
    """The report's scene table as CSV text, header row first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows(report):
        writer.writerow([defuse_formula(cell) for cell in row])
    return buffer.getvalue()


def defuse_formula(cell: Cell) -> Cell:
    """`cell` made safe to open in a spreadsheet: text that looks like a formula is quoted."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
