"""A priced budget as an Excel workbook (openpyxl), readable back with `read_budget_xlsx`.

Sheets: ``Top Sheet`` (categories by level, level totals, subtotal, charges, grand total,
incentives, net), ``Accounts``, ``Detail`` (one row per line: Amt, Unit, X, Rate, Total,
fringes, tags, formulas), ``Fringes``, ``Globals``, and a hidden ``Budget data`` sheet holding
the budget as TOML (docs/formats/budget.md), one TOML line per row from A1.

Numbers are numbers: money cells are the engine's printed values (half-up to the currency's
minor unit) with a currency number format; input cells (Amt, X, Rate) are rounded half-up to
`CELL_PLACES` places. Rounded Decimals of at most 15 significant digits are held exactly by
Excel. The exact values (and formulas) live only in ``Budget data``, which is what
`read_budget_xlsx` reads: export then import gives the same budget. Text is stored as text,
never as a formula; control characters XLSX cannot hold are dropped from the report sheets
(the TOML escapes them, so the data sheet keeps them).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lynchpin.documents.budget_table import (
    LEVEL_NAMES,
    detail_rows,
    fringe_rate_text,
    input_cell,
    money_cell,
    top_sheet_rows,
)
from lynchpin.engine.budgeting.budget_write import write_budget
from lynchpin.engine.budgeting.model import Formula
from lynchpin.engine.budgeting.totals import Pricing
from lynchpin.engine.money import Money

#: Name of the hidden sheet with the exact budget, and the TOML comment that opens it.
DATA_SHEET = "Budget data"
DATA_MARKER = "# Lynchpin budget (TOML, docs/formats/budget.md): exact values; do not edit"
#: Longest text an XLSX cell holds; longer TOML lines continue in the next columns.
CELL_LIMIT = 32767

XCell = str | Decimal | int | bool | None
_BOLD = Font(bold=True)
_TOTAL_KINDS = frozenset({"level", "subtotal", "grand", "net"})
_CODED_KINDS = frozenset({"category", "charge", "incentive"})
#: Characters XML 1.0 cannot hold that TOML strings may contain.
_NOT_XML = ("\ufffe", "\uffff")


def money_format(currency: str) -> str:
    """Excel number format for `currency`: thousands separators, its minor unit, the code."""
    places = Money.zero(currency).minor_units
    digits = "0." + "0" * places if places else "0"
    return f'#,##{digits} "{currency}";-#,##{digits} "{currency}"'


def render_budget_xlsx(pricing: Pricing) -> bytes:
    """The priced budget as the bytes of an .xlsx workbook."""
    workbook = Workbook()
    top = workbook.active
    assert isinstance(top, Worksheet)  # a new Workbook always has one worksheet
    top.title = "Top Sheet"
    _fill_top(top, pricing)
    _fill_accounts(workbook.create_sheet("Accounts"), pricing)
    _fill_detail(workbook.create_sheet("Detail"), pricing)
    _fill_fringes(workbook.create_sheet("Fringes"), pricing)
    _fill_globals(workbook.create_sheet("Globals"), pricing)
    _fill_data(workbook.create_sheet(DATA_SHEET), pricing)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _fill_top(sheet: Worksheet, pricing: Pricing) -> None:
    budget = pricing.budget
    _append(sheet, [budget.title])
    sheet["A1"].font = Font(bold=True, size=14)
    _append(sheet, [f"{budget.version or 'Budget'} - {budget.currency}"])
    _header(sheet, ["Acct", "Category", "Total"])
    for row in top_sheet_rows(pricing):
        _append(sheet, [row.code if row.kind in _CODED_KINDS else "", row.name, row.total])
        sheet.cell(sheet.max_row, 3).number_format = money_format(budget.currency)
        if row.kind in _TOTAL_KINDS:
            for cell in sheet[sheet.max_row]:
                cell.font = _BOLD
    _widths(sheet, [10, 40, 18])


def _fill_accounts(sheet: Worksheet, pricing: Pricing) -> None:
    _header(sheet, ["Acct", "Account", "Category", "Level", "Total"])
    levels = {c.code: LEVEL_NAMES[c.level] for c in pricing.budget.categories}
    for category, account in pricing.budget.accounts():
        _append(sheet, [account.code, account.name, category.code, levels[category.code],
                        money_cell(pricing, pricing.accounts[account.code])])
    _money_columns(sheet, pricing.budget.currency, [5])
    _widths(sheet, [10, 40, 10, 18, 18])


_DETAIL = ["Category", "Acct", "Account", "Line", "Description", "Amt", "Unit", "X", "Rate",
           "Cur", "Total", "Fringes", "Fringe ids", "Person", "Individual", "Groups",
           "Locations", "Sets", "Notes", "Formulas", "Excluded"]


def _fill_detail(sheet: Worksheet, pricing: Pricing) -> None:
    _header(sheet, _DETAIL)
    for row in detail_rows(pricing):
        line = row.line
        _append(sheet, [
            row.category, row.account, row.account_name, row.number, line.description,
            row.amount, line.unit, row.multiplier, row.rate, row.currency, row.total,
            row.fringes, " ".join(line.fringes), line.person or "", line.individual,
            " ".join(line.groups), " ".join(line.locations), " ".join(line.sets), line.notes,
            row.formulas, row.excluded])
    _money_columns(sheet, pricing.budget.currency, [11, 12])
    sheet.freeze_panes = "F2"
    sheet.auto_filter.ref = sheet.dimensions
    _widths(sheet, [9, 8, 24, 5, 36, 8, 7, 6, 11, 5, 14, 12, 16, 12, 9, 12, 12, 12, 24, 28, 8])


def _fill_fringes(sheet: Worksheet, pricing: Pricing) -> None:
    _header(sheet, ["Id", "Fringe", "Kind", "Rate", "Per", "Cut-off", "Uses YTD", "Total"])
    for fringe in pricing.budget.fringes:
        _append(sheet, [
            fringe.id, fringe.name, fringe.kind.value, input_cell(fringe.rate),
            fringe_rate_text(fringe),
            None if fringe.cutoff is None else input_cell(fringe.cutoff), fringe.uses_ytd,
            money_cell(pricing, pricing.fringe_totals[fringe.id])])
    _money_columns(sheet, pricing.budget.currency, [8])
    _widths(sheet, [12, 28, 9, 10, 16, 14, 9, 16])


def _fill_globals(sheet: Worksheet, pricing: Pricing) -> None:
    _header(sheet, ["Name", "Formula", "Value", "Description"])
    env = pricing.structure.line_ctx.env
    for item in pricing.budget.globals:
        formula = item.value.text if isinstance(item.value, Formula) else ""
        value = env.get(item.name)
        _append(sheet, [item.name, formula, None if value is None else input_cell(value),
                        item.description])
    _widths(sheet, [20, 36, 14, 36])


def _fill_data(sheet: Worksheet, pricing: Pricing) -> None:
    """The exact budget as TOML, one line per row (long lines split over columns)."""
    text = write_budget(pricing.budget)
    for char in _NOT_XML:  # only ever inside TOML strings: escape them the TOML way
        text = text.replace(char, f"\\u{ord(char):04x}")
    for row, line in enumerate([DATA_MARKER, *text.split("\n")], start=1):
        for column, start in enumerate(range(0, len(line), CELL_LIMIT), start=1):
            cell = sheet.cell(row, column, line[start:start + CELL_LIMIT])
            cell.data_type = "s"  # never a formula, whatever the text starts with
    sheet.sheet_state = "hidden"


def _header(sheet: Worksheet, names: Sequence[str]) -> None:
    _append(sheet, list(names))
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD


def _append(sheet: Worksheet, row: list[XCell]) -> None:
    """Append a row, storing every string as plain text (never a formula)."""
    sheet.append([_clean(v) if isinstance(v, str) else v for v in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl would otherwise treat "=..." as a formula


def _money_columns(sheet: Worksheet, currency: str, columns: Sequence[int]) -> None:
    number_format = money_format(currency)
    for column in columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = number_format


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _clean(text: str) -> str:
    """`text` without the characters an XLSX cell cannot hold."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    for char in _NOT_XML:
        cleaned = cleaned.replace(char, "")
    return cleaned
