"""Printed figures of a priced budget, and what one edit changed.

Every figure leaving the budgets app is rounded here, once, by the engine's `printed` step
(half-up to the currency's minor unit): the boundary DESIGN.md section 5 asks for. Totals
inside the engine stay at full precision, so a printed column may differ from its printed
total by a cent, as on Movie Magic's reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from lynchpin.budgets.adapters.cache import PricedBudget
from lynchpin.budgets.adapters.cells import cell_from_text
from lynchpin.budgets.models import BudgetLine
from lynchpin.engine.budgeting.lines import cell_value
from lynchpin.engine.budgeting.model import Level
from lynchpin.engine.budgeting.totals import Pricing, printed
from lynchpin.engine.errors import Violation

__all__ = ["PricedLine", "TotalsChange", "money", "priced_line", "totals_change"]


def money(pricing: Pricing, amount: Decimal) -> Decimal:
    """`amount` (budget currency, full precision) as printed."""
    return printed(pricing.money(amount)).amount


@dataclass(frozen=True)
class TotalsChange:
    """The printed totals an edit changed: accounts and categories by code (only those whose
    printed total differs), every level, and the budget's subtotal, grand and net totals."""

    currency: str
    accounts: Mapping[str, Decimal]
    categories: Mapping[str, Decimal]
    levels: Mapping[str, Decimal]
    subtotal: Decimal
    grand_total: Decimal
    net_total: Decimal


def _changed(before: Pricing, after: Pricing, old: Mapping[str, Decimal],
             new: Mapping[str, Decimal]) -> Mapping[str, Decimal]:
    result = {}
    for code, amount in new.items():
        shown = money(after, amount)
        if code not in old or money(before, old[code]) != shown:
            result[code] = shown
    return MappingProxyType(result)


def totals_change(before: Pricing, after: Pricing, *,
                  always: tuple[str, ...] = ()) -> TotalsChange:
    """Totals of `after` that differ from `before`; accounts listed in `always` (e.g. the
    edited line's account) are included even when unchanged."""
    accounts = dict(_changed(before, after, before.accounts, after.accounts))
    for code in always:
        if code in after.accounts:
            accounts[code] = money(after, after.accounts[code])
    levels = {level.value: money(after, after.levels.get(level, Decimal(0))) for level in Level}
    return TotalsChange(
        after.budget.currency, MappingProxyType(accounts),
        _changed(before, after, before.categories, after.categories),
        MappingProxyType(levels), money(after, after.subtotal), money(after, after.grand_total),
        money(after, after.net_total))


@dataclass(frozen=True)
class PricedLine:
    """A line row with its evaluated cells (None where a formula fails) and printed totals.

    `problems` are the engine's messages for this line (bad formula, unknown global, unit
    or fringe); `excluded` lines belong to a group left out of the totals."""

    row: BudgetLine
    amount: Decimal | None
    x: Decimal | None
    rate: Decimal | None
    total: Decimal
    fringes: Decimal
    excluded: bool
    problems: tuple[str, ...]


def priced_line(priced: PricedBudget, row: BudgetLine) -> PricedLine:
    """`row` priced within `priced` (KeyError when the row is not in that budget)."""
    price = priced.line_price(row.pk)
    pricing = priced.pricing
    context = pricing.structure.line_ctx
    values: list[Decimal | None] = []
    for name, text in (("amount", row.amount), ("x", row.x), ("rate", row.rate)):
        value = cell_value(cell_from_text(text), context, f"{price.ref}.{name}")
        values.append(None if isinstance(value, Violation) else value)
    problems = tuple(v.message for v in (*price.amount.violations, *price.fringes.violations))
    return PricedLine(row, values[0], values[1], values[2], money(pricing, price.amount.total),
                      money(pricing, price.fringes.total), price.amount.excluded, problems)
