"""A priced budget's detail lines as CSV (one row per line, header first).

Columns: category, account, account_name, line (number within its account, from 1),
description, amount (Amt), unit, x (X), rate, currency, total, fringes, fringe_ids, person,
individual, groups, locations, sets, notes, formulas, excluded. Cells are the printed values
of `budget_table` (money half-up to the currency's minor unit, Amt/X/Rate to `CELL_PLACES`
places), written as plain digits; a cell whose formula fails is empty. Lists are
space-separated. RFC 4180 quoting, ``\\r\\n`` line ends; text a spreadsheet would run as a
formula gets a leading apostrophe (`defuse_formula`, as for breakdown CSV).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from lynchpin.documents.breakdown_csv import defuse_formula
from lynchpin.documents.budget_table import DetailRow, detail_rows, plain
from lynchpin.engine.budgeting.totals import Pricing

HEADER = ("category", "account", "account_name", "line", "description", "amount", "unit", "x",
          "rate", "currency", "total", "fringes", "fringe_ids", "person", "individual",
          "groups", "locations", "sets", "notes", "formulas", "excluded")


def _number(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def _row(row: DetailRow) -> list[str | int]:
    line = row.line
    return [row.category, row.account, row.account_name, row.number, line.description,
            _number(row.amount), line.unit, _number(row.multiplier), _number(row.rate),
            row.currency, plain(row.total), plain(row.fringes), " ".join(line.fringes),
            line.person or "", "yes" if line.individual else "", " ".join(line.groups),
            " ".join(line.locations), " ".join(line.sets), line.notes, row.formulas,
            "yes" if row.excluded else ""]


def render_budget_csv(pricing: Pricing) -> str:
    """The detail lines of the priced budget as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in detail_rows(pricing):
        writer.writerow([defuse_formula(cell) for cell in _row(row)])
    return buffer.getvalue()
