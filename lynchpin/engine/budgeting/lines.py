"""Pricing one detail line: evaluate its cells, convert its currency, honour excluded groups.

A line's total is ``amount x multiplier x rate``, converted into the budget currency with
the budget's exchange rate; full Decimal precision, no rounding. A cell that cannot be
evaluated (bad formula, failing global, division by zero) gives a `Violation` on the line and
the line counts zero, so the rest of the budget still totals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from lynchpin.engine.budgeting.formulas import FormulaError, compile_formula, run
from lynchpin.engine.budgeting.model import Cell, DetailLine, Formula, Unit
from lynchpin.engine.errors import Severity, Violation

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class LineContext:
    """What pricing a line needs from its budget (resolved once per pricing)."""

    currency: str
    env: Mapping[str, Decimal]
    failed_globals: frozenset[str]
    units: Mapping[str, Unit]
    rates: Mapping[str, Decimal]
    excluded_groups: frozenset[str]


@dataclass(frozen=True, slots=True)
class LineAmount:
    """A priced line: `total` in budget currency, `quantity` = amount x multiplier in its unit,
    `hours` = quantity x unit hours (None when the unit has no hours)."""

    total: Decimal
    quantity: Decimal
    hours: Decimal | None
    excluded: bool
    violations: tuple[Violation, ...]


def _error(ref: str, message: str, rule: str = "budget.line.formula") -> Violation:
    return Violation(rule, Severity.ERROR, message, ref)


def cell_value(cell: Cell, ctx: LineContext, where: str) -> Decimal | Violation:
    """The cell's value, or a Violation naming `where` (e.g. ``accounts.2301.lines[1].rate``)."""
    if not isinstance(cell, Formula):
        return cell
    try:
        compiled = compile_formula(cell.text)
    except FormulaError as error:
        return _error(where, f"{where}: {error}")
    for name in sorted(compiled.names):
        if name not in ctx.env:
            why = "has an error" if name in ctx.failed_globals else "is not defined"
            return _error(where, f"{where}: global {name} {why}")
    try:
        return run(compiled, ctx.env)
    except FormulaError as error:
        return _error(where, f"{where}: {error}")


def _cells(line: DetailLine, ref: str, ctx: LineContext,
           problems: list[Violation]) -> tuple[Decimal, Decimal, Decimal] | None:
    amount, multiplier, rate = line.amount, line.multiplier, line.rate
    if type(amount) is Decimal and type(multiplier) is Decimal and type(rate) is Decimal:
        return amount, multiplier, rate  # the common case: no formula
    values = []
    for name, cell in (("amount", amount), ("x", multiplier), ("rate", rate)):
        value = cell_value(cell, ctx, f"{ref}.{name}")
        if isinstance(value, Violation):
            problems.append(value)
        else:
            values.append(value)
    return (values[0], values[1], values[2]) if len(values) == 3 else None


def price_line(line: DetailLine, ref: str, ctx: LineContext) -> LineAmount:
    """Price `line`; `ref` names it in violations (e.g. ``accounts.2301.lines[1]``)."""
    problems: list[Violation] = []
    cells = _cells(line, ref, ctx, problems)
    unit = ctx.units.get(line.unit.lower())
    if unit is None:
        problems.append(Violation("budget.line.unit", Severity.WARNING,
                                  f"{ref}: unknown unit {line.unit!r} (no hours)", ref))
    if cells is None:
        return LineAmount(_ZERO, _ZERO, None, False, tuple(problems))
    quantity = cells[0] * cells[1]
    total = quantity * cells[2]
    if line.currency and line.currency.upper() != ctx.currency:
        exchange = ctx.rates.get(line.currency.upper())
        if exchange is None:
            message = f"{ref}: no exchange rate for {line.currency} (line counts zero)"
            problems.append(_error(ref, message, "budget.line.currency"))
            return LineAmount(_ZERO, quantity, None, False, tuple(problems))
        total *= exchange
    excluded = bool(line.groups) and not ctx.excluded_groups.isdisjoint(line.groups)
    hours = None if unit is None or unit.hours is None else quantity * unit.hours
    return LineAmount(_ZERO if excluded else total, quantity, hours, excluded, tuple(problems))
