"""Reading a budget back from a workbook written by `render_budget_xlsx`.

The budget is read from the hidden ``Budget data`` sheet, which holds it as TOML with exact
values and formulas (one TOML line per row, long lines continued in the next columns), so
export then import gives the same `Budget`. The report sheets (Top Sheet, Detail, ...) are
rounded views of that budget and are not read as data; so that an edit made there is never
silently lost, every report sheet still in the workbook is compared with what the budget data
prints, and a workbook whose report cells were edited is refused, naming the first edited cell
(edit the budget TOML, or the data sheet, instead).
Raises InputError naming the source (and the data-sheet row, which is the TOML line) for a
file that is not an .xlsx workbook, has no data sheet, holds an invalid budget, or has edited
report sheets.
"""

from __future__ import annotations

import io
import zipfile
from itertools import zip_longest
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from lynchpin.documents.budget_xlsx import DATA_MARKER, DATA_SHEET, render_budget_xlsx
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.budgeting.totals import price_budget
from lynchpin.engine.errors import InputError


def read_budget_xlsx(data: bytes, *, source: str = "") -> Budget:
    """The budget held by the .xlsx bytes `data`; InputError when there is none or when a
    report sheet was edited after export."""
    workbook = _open(data, source)
    try:
        lines = _data_lines(workbook, source)
        if not lines or lines[0] != DATA_MARKER:
            raise InputError(f"sheet {DATA_SHEET!r} does not start with the Lynchpin marker",
                             source=source, line=1)
        budget = read_budget("\n".join(lines), source=f"{source} (sheet {DATA_SHEET!r})")
        _refuse_edited_reports(workbook, budget, source)
        return budget
    finally:
        workbook.close()


def _open(data: bytes, source: str) -> Any:
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as error:
        raise InputError(f"not a readable .xlsx workbook ({type(error).__name__})",
                         source=source) from None


def _data_lines(workbook: Any, source: str) -> list[str]:
    if DATA_SHEET not in workbook.sheetnames:
        raise InputError(f"no {DATA_SHEET!r} sheet: not a budget exported by Lynchpin",
                         source=source)
    sheet = workbook[DATA_SHEET]
    return [_line(row, number, source)
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]


def _refuse_edited_reports(workbook: Any, budget: Budget, source: str) -> None:
    """InputError naming the first report cell that differs from what `budget` prints."""
    expected = _open(render_budget_xlsx(price_budget(budget)), source)
    try:
        for name in expected.sheetnames:
            if name == DATA_SHEET or name not in workbook.sheetnames:
                continue  # a deleted report sheet loses nothing
            edited = _first_difference(workbook[name], expected[name])
            if edited is not None:
                cell, now, exported = edited
                raise InputError(
                    f"sheet {name!r} cell {cell} was edited after export ({exported!r} -> "
                    f"{now!r}); report sheets are not imported, so the edit would be lost: "
                    f"make it in the budget file instead", source=source)
    finally:
        expected.close()


def _first_difference(got: Any, want: Any) -> tuple[str, object, object] | None:
    rows = zip_longest(got.iter_rows(values_only=True), want.iter_rows(values_only=True),
                       fillvalue=())
    for r, (got_row, want_row) in enumerate(rows, start=1):
        for c, (now, exported) in enumerate(zip_longest(got_row, want_row), start=1):
            if now != exported:
                return f"{get_column_letter(c)}{r}", now, exported
    return None


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
