"""Day out of days as XLSX (openpyxl) and PDF (WeasyPrint).

Rows are performers (``number. NAME``), columns the `Dood`'s dates with their weekday and
shoot day number, cells Movie Magic codes (SW, W, WF, SWF, H, WD/PW, TR, FT, R, ``/``), then
the totals: work, hold, travel, holiday, idle, paid days, start and finish dates. In the
workbook every value is stored as text or a number, never as a formula.
"""

from __future__ import annotations

import io
from html import escape

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lynchpin.documents.schedule_view import render_html_pdf
from lynchpin.engine.scheduling.dood import Dood, DoodRow

#: Total columns after the date columns, in order.
TOTAL_COLUMNS = ("Work", "Hold", "Travel", "Holiday", "Idle", "Total", "Start", "Finish")
_FILLS = {"H": "FFF8E1", "W": "E8F5E9", "D": "ECEFF1"}
_BOLD = Font(bold=True)


def performer_label(row: DoodRow) -> str:
    """``"1. NELL"`` (or the name alone when the performer has no board number)."""
    return f"{row.number}. {row.name}" if row.number else row.name


def totals(row: DoodRow) -> tuple[str | int, ...]:
    """The row's totals in `TOTAL_COLUMNS` order (dates as ISO text, ``""`` when none)."""
    start = row.start.isoformat() if row.start else ""
    finish = row.finish.isoformat() if row.finish else ""
    return (row.work, row.hold, row.travel, row.holiday, row.idle, row.paid, start, finish)


def _clean(text: str) -> str:
    """Text safe for a cell: no control characters, never read as a formula."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_dood_xlsx(dood: Dood, *, title: str = "") -> bytes:
    """The DOOD as .xlsx bytes: one sheet ``DOOD`` (title row, 3 header rows, a row each)."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new Workbook always has one worksheet
    sheet.title = "DOOD"
    sheet.append([_clean(f"Day out of days - {title}" if title else "Day out of days")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Date", *[d.isoformat() for d in dood.dates], *TOTAL_COLUMNS])
    sheet.append(["Weekday", *[f"{d:%a}" for d in dood.dates]])
    sheet.append(["Shoot day", *[n if n is not None else "" for n in dood.shoot_days]])
    for row in dood.rows:
        sheet.append([_clean(performer_label(row)), *row.cells, *totals(row)])
    _style(sheet, dood)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _style(sheet: Worksheet, dood: Dood) -> None:
    for cell in (*sheet[2], *sheet[3], *sheet[4]):
        cell.font = _BOLD
    sheet.column_dimensions["A"].width = 22
    for index in range(2, len(dood.dates) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 6
        for row in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            row[0].alignment = Alignment(horizontal="center")
            fill = _FILLS.get(str(row[0].value or "")[-1:] if row[0].row > 4 else "")
            if fill:
                row[0].fill = PatternFill("solid", start_color=fill, end_color=fill)
    sheet.freeze_panes = "B5"


def render_dood_pdf(dood: Dood, *, title: str = "") -> bytes:
    """The DOOD as PDF bytes (A4 landscape; very long shoots run onto more pages)."""
    head = "".join(f"<th>{d:%d %b}<br>{d:%a}</th>" for d in dood.dates)
    days = "".join(f"<th>{'' if n is None else n}</th>" for n in dood.shoot_days)
    total_heads = "".join(f"<th>{escape(name)}</th>" for name in TOTAL_COLUMNS)
    rows = "".join(_pdf_row(row) for row in dood.rows)
    table = (
        f'<table class="dood"><tr><th class="name">Performer</th>{head}{total_heads}</tr>'
        f'<tr><th class="name">Shoot day</th>{days}<th colspan="{len(TOTAL_COLUMNS)}"></th>'
        f"</tr>{rows}</table>"
    )
    return render_html_pdf(title, '<p class="kind">Day out of days</p>' + table, landscape=True)


def _pdf_row(row: DoodRow) -> str:
    cells = "".join(
        f'<td class="{escape(code[-1:])}">{escape(code)}</td>' if code else "<td></td>"
        for code in row.cells
    )
    sums = "".join(f"<td>{escape(str(value))}</td>" for value in totals(row))
    return f'<tr><td class="name">{escape(performer_label(row))}</td>{cells}{sums}</tr>'
