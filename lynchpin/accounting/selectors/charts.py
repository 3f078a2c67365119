"""Chart data: budget burn against plan by week, EFC over time, spend by category.

- Burn (by week, weeks end on Sunday): cumulative actual cost, and actual + committed, at
  each week's end; the plan spreads the budget total evenly, day by day, over the
  accounting periods (first start to last end). Without periods there is no plan line.
- EFC over time: the cost report's EFC total recomputed as of each period end (each week
  end without periods) with today's budget; the budget total beside it.
- Spend by category: actual to date, committed and budget of each top-level category as of
  the last date charted.

Values are Decimal amounts rounded once to the currency's minor unit (the page turns them
into numbers for drawing only). The budget total excludes contractual charges, like the
cost report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lynchpin.accounting.adapters.basis import BudgetBasis, budget_basis
from lynchpin.accounting.models import AccountingPeriod
from lynchpin.accounting.selectors.common import money_member, stored_ledger
from lynchpin.engine.ledger.book import Ledger, PostingKind
from lynchpin.engine.ledger.costreport import CostReport, cost_report
from lynchpin.engine.money import Money, total

__all__ = ["MAX_POINTS", "Chart", "ChartData", "Series", "chart_data"]

#: The most points a time chart shows (ten years of weeks); later points are dropped.
MAX_POINTS = 520
_WEEK = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Series:
    """One line or bar set: a label and one value per chart label (None: no value)."""

    label: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """Labels (dates or category names) and the series drawn over them."""

    labels: tuple[str, ...]
    series: tuple[Series, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class ChartData:
    """The three charts of the charts page, in `currency`."""

    currency: str
    burn: Chart
    efc: Chart
    spend: Chart


def _week_end(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=6 - day.weekday())


def _week_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    ends, end = [], _week_end(first)
    while end <= _week_end(last) and len(ends) < MAX_POINTS:
        ends.append(end)
        end += _WEEK
    return ends


def _cumulative(ledger: Ledger, ends: list[dt.date], kinds: set[PostingKind]) -> list[Decimal]:
    """Sum of the `kinds` postings dated on or before each end (ends ascending)."""
    postings = sorted((p.date, p.amount.amount) for p in ledger.postings() if p.kind in kinds)
    values, running, index = [], Decimal(0), 0
    for end in ends:
        while index < len(postings) and postings[index][0] <= end:
            running += postings[index][1]
            index += 1
        values.append(running)
    return values


def _rounded(amount: Decimal, currency: str) -> Decimal:
    return Money(amount, currency).rounded().amount


def _plan(periods: list[AccountingPeriod], ends: list[dt.date], budget: Decimal,
          currency: str) -> Series | None:
    if not periods:
        return None
    start, finish = periods[0].start_date, periods[-1].end_date
    days = Decimal((finish - start).days + 1)
    values = [
        _rounded(budget * min(Decimal(1), max(Decimal(0), (end - start).days + 1) / days),
                 currency)
        for end in ends
    ]
    return Series("Plan", tuple(values))


def _burn(ledger: Ledger, ends: list[dt.date], periods: list[AccountingPeriod],
          budget: Decimal) -> Chart:
    currency = ledger.currency
    actual = _cumulative(ledger, ends, {PostingKind.ACTUAL})
    spent = _cumulative(ledger, ends, {PostingKind.ACTUAL, PostingKind.COMMITTED})
    series = [
        Series("Actual to date", tuple(_rounded(v, currency) for v in actual)),
        Series("Actual + committed", tuple(_rounded(v, currency) for v in spent)),
    ]
    plan = _plan(periods, ends, budget, currency)
    note = "" if plan else "Add accounting periods to see the plan."
    if plan:
        series.append(plan)
    return Chart(tuple(end.isoformat() for end in ends), tuple(series), note)


def _report(basis: BudgetBasis, ledger: Ledger, end: dt.date) -> CostReport:
    return cost_report(basis.budget, basis.accounts, ledger,
                       period=(end - dt.timedelta(days=6), end))


def _efc(basis: BudgetBasis, ledger: Ledger, points: list[dt.date]) -> Chart:
    efc = [_report(basis, ledger, point).total.figures.efc.rounded().amount for point in points]
    budget = total(list(basis.budget.values()), ledger.currency).rounded().amount
    return Chart(
        tuple(point.isoformat() for point in points),
        (Series("EFC", tuple(efc)), Series("Budget", tuple(budget for _ in points))),
        "Recomputed as of each date with today's budget.",
    )


def _spend(basis: BudgetBasis, ledger: Ledger, end: dt.date) -> Chart:
    report = _report(basis, ledger, end)
    tops = [line for line in report.lines if line.depth == 0]
    columns = (("Actual to date", "actual_to_date"), ("Committed", "committed"),
               ("Budget", "budget"))
    return Chart(
        tuple(f"{line.code} {line.name}".strip() for line in tops),
        tuple(
            Series(label, tuple(getattr(line.figures, key).rounded().amount for line in tops))
            for label, key in columns
        ),
        f"As of {end.isoformat()}.",
    )


def _empty(currency: str) -> ChartData:
    nothing = Chart((), (), "Nothing posted yet.")
    return ChartData(currency, nothing, nothing, nothing)


def chart_data(*, actor: Any, production_id: int, budget_id: int | None = None) -> ChartData:
    """The three charts (module docstring) against budget version `budget_id` (default:
    the newest locked). Requires VIEW_MONEY; Invalid when there is no budget."""
    membership = money_member(actor, production_id)
    basis = budget_basis(actor=actor, production_id=production_id, budget_id=budget_id)
    ledger = stored_ledger(membership)
    periods = list(AccountingPeriod.objects.filter(production_id=production_id)
                   .order_by("end_date"))
    dates = [p.date for p in ledger.postings()]
    dates += [d for p in periods for d in (p.start_date, p.end_date)]
    if not dates:
        return _empty(ledger.currency)
    ends = _week_ends(min(dates), max(dates))
    budget = total(list(basis.budget.values()), ledger.currency).amount
    points = [p.end_date for p in periods][:MAX_POINTS] or ends
    return ChartData(
        ledger.currency,
        _burn(ledger, ends, periods, budget),
        _efc(basis, ledger, points),
        _spend(basis, ledger, max(dates)),
    )
