"""Reads of one budget version for display: top sheet, accounts, account detail, lines,
globals, fringes. VIEW_MONEY only; figures are printed (rounded once, `adapters.figures`).

Every figure comes from the engine's pricing of the version (cached per revision), never
from a stored total.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from django.db.models import QuerySet

from lynchpin.budgets.adapters import PricedBudget, PricedLine, money, priced_budget, priced_line
from lynchpin.budgets.models import (
    BudgetAccount,
    BudgetFringe,
    BudgetGlobal,
    BudgetLine,
    BudgetVersion,
    valid_id,
)
from lynchpin.budgets.selectors.versions import money_member, version_in
from lynchpin.core.errors import NotFound
from lynchpin.engine.budgeting.model import Level
from lynchpin.engine.errors import Violation

__all__ = [
    "AccountDetail", "AccountTotal", "CategoryTotal", "ChargeTotal", "FringeTotal",
    "GlobalValue", "LevelTotal", "PricedLines", "TopSheet", "budget_account_detail",
    "budget_accounts", "budget_fringes", "budget_globals", "budget_lines", "budget_topsheet",
]

LEVEL_LABELS = {Level.ABOVE_THE_LINE: "Above the line", Level.PRODUCTION: "Production",
                Level.POST: "Post-production", Level.OTHER: "Other"}


@dataclass(frozen=True, slots=True)
class AccountTotal:
    """An account with its printed total (fringes as posted) and number of lines."""

    id: int
    code: str
    title: str
    category: str
    lines: int
    total: Decimal


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    """A category with its accounts and printed total."""

    id: int
    code: str
    title: str
    level: str
    total: Decimal
    accounts: tuple[AccountTotal, ...]


@dataclass(frozen=True, slots=True)
class LevelTotal:
    """A top-sheet level (above the line, production, post, other) with its categories."""

    level: str
    label: str
    total: Decimal
    categories: tuple[CategoryTotal, ...]


@dataclass(frozen=True, slots=True)
class FringeTotal:
    """A fringe row with its printed total over all lines."""

    row: BudgetFringe
    total: Decimal


@dataclass(frozen=True, slots=True)
class ChargeTotal:
    """A contractual charge or incentive: printed base and amount."""

    id: str
    name: str
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class TopSheet:
    """Everything the top sheet shows (all money printed, in `currency`)."""

    version: BudgetVersion
    currency: str
    levels: tuple[LevelTotal, ...]
    fringes: tuple[FringeTotal, ...]
    charges: tuple[ChargeTotal, ...]
    incentives: tuple[ChargeTotal, ...]
    subtotal: Decimal
    grand_total: Decimal
    net_total: Decimal
    line_count: int
    problems: tuple[Violation, ...]


def _priced(actor: Any, production_id: int, budget_id: int) -> tuple[BudgetVersion,
                                                                       PricedBudget]:
    membership = money_member(actor, production_id)
    version = version_in(production_id, budget_id)
    return version, priced_budget(version, title=membership.production.title)


def _categories(priced: PricedBudget) -> list[CategoryTotal]:
    pricing = priced.pricing
    ids = priced.loaded
    result = []
    for category in priced.budget.categories:
        accounts = tuple(
            AccountTotal(ids.account_ids[a.code], a.code, a.name, category.code, len(a.lines),
                         money(pricing, pricing.accounts[a.code])) for a in category.accounts)
        result.append(CategoryTotal(ids.category_ids[category.code], category.code,
                                    category.name, category.level.value,
                                    money(pricing, pricing.categories[category.code]), accounts))
    return result


def budget_topsheet(*, actor: Any, production_id: int, budget_id: int) -> TopSheet:
    """Levels -> categories -> accounts with totals, fringe totals, charges, incentives,
    subtotal, grand and net totals, and every problem pricing found."""
    version, priced = _priced(actor, production_id, budget_id)
    pricing = priced.pricing
    categories = _categories(priced)
    levels = tuple(
        LevelTotal(level.value, LEVEL_LABELS[level], money(pricing, pricing.levels[level]),
                   tuple(c for c in categories if c.level == level.value))
        for level in Level if any(c.level == level.value for c in categories))
    fringe_rows = {row.code: row for row in version.fringes.all()}
    fringes = tuple(FringeTotal(fringe_rows[code], money(pricing, amount))
                    for code, amount in pricing.fringe_totals.items() if code in fringe_rows)
    charges = tuple(ChargeTotal(c.id, c.name, money(pricing, c.base), money(pricing, c.amount))
                    for c in pricing.charges)
    incentives = tuple(ChargeTotal(i.id, i.name, money(pricing, i.base),
                                   money(pricing, i.amount)) for i in pricing.incentives)
    return TopSheet(version, version.currency, levels, fringes, charges, incentives,
                    money(pricing, pricing.subtotal), money(pricing, pricing.grand_total),
                    money(pricing, pricing.net_total), len(pricing.lines), pricing.violations)


def budget_accounts(*, actor: Any, production_id: int, budget_id: int) -> list[AccountTotal]:
    """Every account in budget order with its printed total."""
    _, priced = _priced(actor, production_id, budget_id)
    return [account for category in _categories(priced) for account in category.accounts]


class PricedLines:
    """A lazily priced sequence of line rows: slicing prices only the rows it returns, so
    a page of 50 lines of a 5,000-line budget costs 50 line evaluations. A row added after
    the pricing was read (a concurrent edit) is left out rather than shown without a total."""

    def __init__(self, priced: PricedBudget, rows: QuerySet[BudgetLine]) -> None:
        self.priced = priced
        self.rows = rows

    def __len__(self) -> int:
        return int(self.rows.count())

    def _priced(self, rows: Any) -> list[PricedLine]:
        known = self.priced.positions
        return [priced_line(self.priced, row) for row in rows if row.pk in known]

    @overload
    def __getitem__(self, index: int) -> PricedLine: ...
    @overload
    def __getitem__(self, index: slice) -> list[PricedLine]: ...
    def __getitem__(self, index: int | slice) -> PricedLine | list[PricedLine]:
        if isinstance(index, slice):
            return self._priced(self.rows[index])
        return priced_line(self.priced, self.rows[index])

    def __iter__(self) -> Iterator[PricedLine]:
        return iter(self._priced(self.rows))


def _line_rows(version: BudgetVersion, account: BudgetAccount | None) -> QuerySet[BudgetLine]:
    """Rows of the lines (all, or one account's), in budget order."""
    rows = BudgetLine.objects.filter(budget=version).select_related("account")
    if account is not None:
        return rows.filter(account=account).order_by("order", "id")
    return rows.order_by("account__category__order", "account__category_id",
                         "account__order", "account_id", "order", "id")


def budget_lines(
    *, actor: Any, production_id: int, budget_id: int, account_id: int | None = None
) -> PricedLines:
    """The version's lines (or one account's) in budget order, priced as they are read."""
    version, priced = _priced(actor, production_id, budget_id)
    account = None if account_id is None else _account(version, account_id)
    return PricedLines(priced, _line_rows(version, account))


def _account(version: BudgetVersion, account_id: int) -> BudgetAccount:
    account = None if not valid_id(account_id) else (
        BudgetAccount.objects.select_related("category")
        .filter(pk=account_id, budget=version).first())
    if account is None:
        raise NotFound("Budget account not found.")
    return account


@dataclass(frozen=True)
class AccountDetail:
    """One account: its lines priced, its printed total, and what lines may refer to."""

    version: BudgetVersion
    account: BudgetAccount
    lines: tuple[PricedLine, ...]
    total: Decimal
    fringe_codes: tuple[str, ...]
    global_names: tuple[str, ...]


def budget_account_detail(
    *, actor: Any, production_id: int, budget_id: int, account_id: int
) -> AccountDetail:
    """One account with every line priced (cells evaluated, totals, fringes, problems)."""
    version, priced = _priced(actor, production_id, budget_id)
    account = _account(version, account_id)
    lines = tuple(PricedLines(priced, _line_rows(version, account)))
    total = money(priced.pricing, priced.pricing.accounts.get(account.code, Decimal(0)))
    return AccountDetail(version, account, lines, total,
                         tuple(f.id for f in priced.budget.fringes),
                         tuple(g.name for g in priced.budget.globals))


@dataclass(frozen=True, slots=True)
class GlobalValue:
    """A global row with its value (None when it cannot be computed) and its problem."""

    row: BudgetGlobal
    value: Decimal | None
    problem: str


def budget_globals(*, actor: Any, production_id: int, budget_id: int) -> list[GlobalValue]:
    """The version's globals in order, each with its computed value."""
    version, priced = _priced(actor, production_id, budget_id)
    env = priced.pricing.structure.line_ctx.env
    problems = {v.reference.removeprefix("globals."): v.message
                for v in priced.pricing.structure.global_violations}
    return [GlobalValue(row, env.get(row.name), problems.get(row.name, ""))
            for row in version.globals.order_by("order", "id")]


def budget_fringes(*, actor: Any, production_id: int, budget_id: int) -> list[FringeTotal]:
    """The version's fringes in order, each with its printed total over all lines."""
    version, priced = _priced(actor, production_id, budget_id)
    totals = priced.pricing.fringe_totals
    return [FringeTotal(row, money(priced.pricing, totals.get(row.code, Decimal(0))))
            for row in version.fringes.order_by("order", "id")]
