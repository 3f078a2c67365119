"""The printed cells of a priced budget, shared by the XLSX, CSV, PDF and JSON renderers.

Every renderer shows the same values, rounded once per printed cell (docs/budgeting-cli.md):
- money cells (line totals, fringes, account, category, level, charge and grand totals) go
  through the engine's `printed` step: half-up to the currency's minor unit (2 for USD);
- input cells (Amt, X, Rate, percentages, globals) are rounded half-up to `CELL_PLACES`
  decimal places, enough for every rate a budget uses in practice; the exact values stay in
  the TOML budget (and in the XLSX workbook's hidden ``Budget data`` sheet).
A column of printed cells may differ from its printed total by a cent, as in Movie Magic.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lynchpin.engine.budgeting.lines import cell_value
from lynchpin.engine.budgeting.model import Cell, DetailLine, Formula, Fringe, FringeKind, Level
from lynchpin.engine.budgeting.totals import Pricing, printed
from lynchpin.engine.errors import Violation

#: Decimal places of a printed input cell (Amt, X, Rate, percentages, global values).
CELL_PLACES = 4

LEVEL_NAMES = {
    Level.ABOVE_THE_LINE: "Above the line",
    Level.PRODUCTION: "Production",
    Level.POST: "Post-production",
    Level.OTHER: "Other",
}


def money_cell(pricing: Pricing, amount: Decimal) -> Decimal:
    """`amount` (budget currency, full precision) as printed: the engine's one rounding step."""
    return printed(pricing.money(amount)).amount


def input_cell(value: Decimal) -> Decimal:
    """An input number as printed: half-up to `CELL_PLACES` places, trailing zeros dropped."""
    rounded = value.quantize(Decimal(1).scaleb(-CELL_PLACES), ROUND_HALF_UP)
    return rounded.normalize() if rounded else Decimal(0)


def plain(value: Decimal) -> str:
    """`value` as plain digits (never an exponent): ``Decimal("5E+2")`` -> ``"500"``."""
    return format(value, "f")


@dataclass(frozen=True, slots=True)
class DetailRow:
    """One detail line as printed. Cells whose formula fails are None (the line counts 0)."""

    category: str
    account: str
    account_name: str
    number: int
    line: DetailLine
    amount: Decimal | None
    multiplier: Decimal | None
    rate: Decimal | None
    currency: str
    total: Decimal
    fringes: Decimal
    excluded: bool

    @property
    def formulas(self) -> str:
        """The line's formula cells, e.g. ``"Amt = SHOOT_DAYS; X = OVERTIME"`` ('' if none)."""
        cells = (("Amt", self.line.amount), ("X", self.line.multiplier), ("Rate", self.line.rate))
        return "; ".join(f"{name} = {cell.text}" for name, cell in cells
                         if isinstance(cell, Formula))


def _evaluated(pricing: Pricing, cell: Cell, where: str) -> Decimal | None:
    value = cell_value(cell, pricing.structure.line_ctx, where)
    return None if isinstance(value, Violation) else input_cell(value)


def detail_rows(pricing: Pricing) -> list[DetailRow]:
    """Every detail line in budget order, with evaluated cells and printed totals."""
    names = {account.code: account.name for _, account in pricing.budget.accounts()}
    lines = [line for _, account in pricing.budget.accounts() for line in account.lines]
    rows = []
    for priced, line in zip(pricing.lines, lines, strict=True):
        number = int(priced.ref.rsplit("[", 1)[1].rstrip("]"))
        rows.append(DetailRow(
            priced.category, priced.account, names[priced.account], number, line,
            _evaluated(pricing, line.amount, f"{priced.ref}.amount"),
            _evaluated(pricing, line.multiplier, f"{priced.ref}.x"),
            _evaluated(pricing, line.rate, f"{priced.ref}.rate"),
            (line.currency or pricing.budget.currency).upper(),
            money_cell(pricing, priced.amount.total),
            money_cell(pricing, priced.fringe_total()),
            priced.amount.excluded))
    return rows


@dataclass(frozen=True, slots=True)
class TopSheetRow:
    """A top-sheet row: `kind` is category, level, subtotal, charge, grand, incentive or net."""

    kind: str
    code: str
    name: str
    total: Decimal


def top_sheet_rows(pricing: Pricing) -> list[TopSheetRow]:
    """Categories grouped by level with level totals, then subtotal, charges, grand total,
    incentives and net total (levels without categories are left out)."""
    rows: list[TopSheetRow] = []
    for level in Level:
        categories = [c for c in pricing.budget.categories if c.level is level]
        if not categories:
            continue
        rows += [TopSheetRow("category", c.code, c.name, money_cell(pricing,
                                                                    pricing.categories[c.code]))
                 for c in categories]
        rows.append(TopSheetRow("level", level.value, f"Total {LEVEL_NAMES[level].lower()}",
                                money_cell(pricing, pricing.levels[level])))
    rows.append(TopSheetRow("subtotal", "", "Subtotal", money_cell(pricing, pricing.subtotal)))
    rows += [TopSheetRow("charge", c.id, c.name, money_cell(pricing, c.amount))
             for c in pricing.charges]
    rows.append(TopSheetRow("grand", "", "Grand total", money_cell(pricing, pricing.grand_total)))
    if pricing.incentives:
        rows += [TopSheetRow("incentive", i.id, i.name, money_cell(pricing, -i.amount))
                 for i in pricing.incentives]
        rows.append(TopSheetRow("net", "", "Net of incentives",
                                money_cell(pricing, pricing.net_total)))
    return rows


def fringe_rate_text(fringe: Fringe) -> str:
    """``"6.2 %"`` for a percent fringe, ``"1 per hour"`` for a flat one (rate as printed)."""
    rate = plain(input_cell(fringe.rate))
    if fringe.kind is FringeKind.PERCENT:
        return f"{rate} %"
    return f"{rate} per {fringe.per.value}"
