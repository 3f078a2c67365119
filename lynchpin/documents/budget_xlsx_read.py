"""Reading a budget back from a workbook written by `render_budget_xlsx`.

The budget is read from the hidden ``Budget data`` sheet, which holds it as TOML with exact
values and formulas (one TOML line per row, long lines continued in the next columns), so
export then import gives the same `Budget`. The report sheets (Top Sheet, Detail, ...) are
rounded views and are not read: edits there are not imported (edit the TOML, or the data sheet).
Raises InputError naming the source (and the data-sheet row, which is the TOML line) for a
file that is not an .xlsx workbook, has no data sheet, or holds an invalid budget.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook

from lynchpin.documents.budget_xlsx import DATA_MARKER, DATA_SHEET
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.errors import InputError


def read_budget_xlsx(data: bytes, *, source: str = "") -> Budget:
    """The budget held by the .xlsx bytes `data`; InputError when there is none."""
    lines = _data_lines(data, source)
    if not lines or lines[0] != DATA_MARKER:
        raise InputError(f"sheet {DATA_SHEET!r} does not start with the Lynchpin marker",
                         source=source, line=1)
    return read_budget("\n".join(lines), source=f"{source} (sheet {DATA_SHEET!r})")


def _data_lines(data: bytes, source: str) -> list[str]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as error:
        raise InputError(f"not a readable .xlsx workbook ({type(error).__name__})",
                         source=source) from None
    try:
        if DATA_SHEET not in workbook.sheetnames:
            raise InputError(f"no {DATA_SHEET!r} sheet: not a budget exported by Lynchpin",
                             source=source)
        sheet = workbook[DATA_SHEET]
        return [_line(row, number, source)
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()


def _line(cells: tuple[Any, ...], number: int, source: str) -> str:
    parts = []
    for cell in cells:
        if cell is None:
            continue
        if not isinstance(cell, str):
            raise InputError(f"sheet {DATA_SHEET!r} row {number}: expected text, found "
                             f"{type(cell).__name__}", source=source, line=number)
        parts.append(cell)
    return "".join(parts)
