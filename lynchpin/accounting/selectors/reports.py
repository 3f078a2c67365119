"""The cost report (engine `cost_report` over the stored ledger and the budget) with its
filters, and the hot cost of one shoot day from figures the page takes.

Cost report filters:
- `period`: an accounting period id; "this period" is the actual cost dated within it and
  every other column is as of its end. Default: the period containing today, else the
  seven days ending today.
- `category`: a top-level category code: only its rows, and its own total as the total.
- `episode`: only postings coded to that episode (the budget column stays the chosen
  budget version's: choose the episode's budget version with `budget_id`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.accounting.adapters.basis import budget_basis, budget_choices
from lynchpin.accounting.adapters.clock import production_today
from lynchpin.accounting.adapters.ledger import for_episode
from lynchpin.accounting.models import AccountingPeriod, LedgerEntry
from lynchpin.accounting.selectors.common import ledger_currency, money_member, stored_ledger
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger import costreport as engine
from lynchpin.engine.ledger.hotcost import ActualLabour, BudgetedLabour, HotCost, hot_cost
from lynchpin.engine.ledger.periods import Period
from lynchpin.engine.money import Money

__all__ = [
    "CostReportFilters",
    "cost_report",
    "cost_report_filters",
    "hot_cost_for_day",
    "report_span",
]


def report_span(production_id: int, period_id: int | None, today: dt.date) -> Period:
    """The period `period_id` of the production, or the default one (module docstring)."""
    periods = AccountingPeriod.objects.filter(production_id=production_id)
    if period_id:
        period = periods.filter(pk=period_id).first()
        if period is None:
            raise NotFound("Accounting period not found.")
    else:
        period = periods.filter(start_date__lte=today, end_date__gte=today).first()
    if period is not None:
        return Period(period.start_date, period.end_date)
    return Period(today - dt.timedelta(days=6), today)


def _only_category(report: engine.CostReport, code: str) -> engine.CostReport:
    """`report` cut to the category `code` and its accounts, totalled by the category."""
    top = next((line for line in report.lines if line.code == code and line.depth == 0), None)
    if top is None:
        raise Invalid(f"No category {code!r} in the budget.",
                      fields={"category": ["Choose a category of the budget."]})
    start = report.lines.index(top)
    lines = [top]
    for line in report.lines[start + 1:]:
        if line.depth <= top.depth:
            break
        lines.append(line)
    total = engine.CostLine(engine.TOTAL, f"Total {top.name}".strip(), -1, None, False,
                            top.figures)
    return engine.CostReport(report.currency, report.period, tuple(lines), total,
                             report.etc_basis, report.sign_convention)


def cost_report(
    *, actor: Any, production_id: int, period: int | None = None, category: str | None = None,
    episode: str | None = None, budget_id: int | None = None, today: dt.date | None = None,
) -> engine.CostReport:
    """The cost report of the production's ledger against its budget (version `budget_id`,
    default: the newest locked one), for accounting period `period`, optionally one
    `category` and one `episode` (see the module docstring). ETC is the unspent budget.

    Requires VIEW_MONEY. Raises Invalid when there is no budget or an unknown category,
    InputError (400) when the ledger holds an account the budget version lacks or the
    budget is in another currency than the ledger.
    """
    membership = money_member(actor, production_id)
    basis = budget_basis(actor=actor, production_id=production_id, budget_id=budget_id)
    span = report_span(production_id, period, today or production_today(membership.production))
    ledger = stored_ledger(membership)
    if episode:
        ledger = for_episode(ledger, episode.strip())
    report = engine.cost_report(basis.budget, basis.accounts, ledger, period=span)
    return _only_category(report, category) if category else report


@dataclass(frozen=True, slots=True)
class CostReportFilters:
    """The choices a cost report page offers: periods, categories, episodes, budgets."""

    periods: tuple[tuple[int, str], ...]
    categories: tuple[tuple[str, str], ...]
    episodes: tuple[str, ...]
    budgets: tuple[tuple[int, str], ...]


def cost_report_filters(*, actor: Any, production_id: int) -> CostReportFilters:
    """Periods (latest first), the default budget's categories, episodes used in the ledger,
    and the budget versions. Requires VIEW_MONEY."""
    money_member(actor, production_id)
    periods = tuple(
        (p.pk, f"{p}{' (closed)' if p.closed else ''}")
        for p in AccountingPeriod.objects.filter(production_id=production_id).order_by(
            "-end_date")
    )
    try:
        categories = tuple(budget_basis(actor=actor, production_id=production_id).categories())
    except Invalid:
        categories = ()
    episodes = sorted({
        str(posting.get("episode"))
        for postings in LedgerEntry.objects.filter(production_id=production_id)
        .values_list("postings", flat=True)
        for posting in postings if posting.get("episode")
    })
    return CostReportFilters(periods, categories, tuple(episodes),
                             tuple(budget_choices(actor=actor, production_id=production_id)))


def _number(data: Mapping[str, Any], name: str, where: str) -> Decimal:
    try:
        return Decimal(str(data.get(name) or 0))
    except InvalidOperation:
        raise InputError("not a number", source=where, field=name) from None


def _optional_money(data: Mapping[str, Any], name: str, currency: str,
                    where: str) -> Money | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    return Money(_number(data, name, where), currency)


def _budgeted(data: Mapping[str, Any], currency: str) -> BudgetedLabour:
    where = "budgeted day"
    return BudgetedLabour(
        person=str(data.get("person", "")).strip(), account=str(data.get("account", "")),
        hours=_number(data, "hours", where),
        straight=Money(_number(data, "straight", where), currency),
        overtime=_optional_money(data, "overtime", currency, where),
    )


def _actual(data: Mapping[str, Any], currency: str) -> ActualLabour:
    where = "timecards"
    return ActualLabour(
        person=str(data.get("person", "")).strip(), account=str(data.get("account", "")),
        hours=_number(data, "hours", where),
        straight=Money(_number(data, "straight", where), currency),
        overtime_hours=_number(data, "overtime_hours", where),
        overtime=_optional_money(data, "overtime", currency, where),
        meal_penalties=int(_number(data, "meal_penalties", where)),
        meal_penalty_amount=_optional_money(data, "meal_penalty_amount", currency, where),
    )


def hot_cost_for_day(
    *, actor: Any, production_id: int, day: dt.date, budgeted: Sequence[Mapping[str, Any]],
    actual: Sequence[Mapping[str, Any]],
) -> HotCost:
    """The engine hot cost of `day`: each `budgeted` row has person, account, hours,
    straight and optional overtime; each `actual` row person, account, hours, straight,
    overtime_hours, overtime, meal_penalties, meal_penalty_amount (amounts in the ledger's
    currency). Requires VIEW_MONEY. InputError (400) names the person or field at fault."""
    membership = money_member(actor, production_id)
    currency = ledger_currency(membership)
    for rows in (budgeted, actual):
        if any(not str(row.get("person", "")).strip() for row in rows):
            raise Invalid("Name the person on every row.", fields={"person": ["Required."]})
    return hot_cost(day, [_budgeted(row, currency) for row in budgeted],
                    [_actual(row, currency) for row in actual], currency=currency)
