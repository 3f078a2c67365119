"""The cost report as an Excel workbook (openpyxl).

One sheet, ``Cost report``: title, period, ETC basis and the sign convention on top, then a
header row (code, account, the money columns) frozen above one row per category and account
in report order (categories in bold, accounts indented by depth) and the grand total in bold.
Amounts are numbers rounded once to the currency's minor unit; text is stored as text.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lynchpin.documents.costreport_cells import COLUMNS, cells
from lynchpin.engine.ledger.costreport import CostLine, CostReport

__all__ = ["HEADER_ROW", "render_costreport_xlsx"]

_BOLD = Font(bold=True)
_NUMBER = "#,##0.00;-#,##0.00"
#: The row of column headings (1-based); data rows follow it.
HEADER_ROW = 6


def _text(value: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def _heading(sheet: Worksheet, report: CostReport, title: str) -> None:
    sheet.append([_text(title or "Cost report")])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.append(["Period", f"{report.period.start.isoformat()} to {report.period.end.isoformat()}",
                  "", "Currency", report.currency])
    sheet.append(["ETC basis", _text(report.etc_basis)])
    sheet.append(["Variance", _text(report.sign_convention)])
    sheet.append([])
    sheet.append(["Code", "Account", *(name for _, name in COLUMNS)])
    for column in range(1, len(COLUMNS) + 3):
        sheet.cell(row=HEADER_ROW, column=column).font = _BOLD


def _row(sheet: Worksheet, line: CostLine, *, bold: bool) -> None:
    sheet.append([_text(line.code), _text(line.name), *cells(line.figures)])
    row = sheet.max_row
    sheet.cell(row=row, column=2).alignment = Alignment(indent=max(line.depth, 0) * 2)
    for column in range(3, len(COLUMNS) + 3):
        sheet.cell(row=row, column=column).number_format = _NUMBER
    if bold:
        for column in range(1, len(COLUMNS) + 3):
            sheet.cell(row=row, column=column).font = _BOLD


def render_costreport_xlsx(report: CostReport, *, title: str = "") -> bytes:
    """The report as the bytes of an .xlsx workbook."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new Workbook always has one worksheet
    sheet.title = "Cost report"
    _heading(sheet, report, title)
    for line in report.lines:
        _row(sheet, line, bold=not line.is_leaf)
    _row(sheet, report.total, bold=True)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 34
    for column in range(3, len(COLUMNS) + 3):
        sheet.column_dimensions[get_column_letter(column)].width = 15
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
