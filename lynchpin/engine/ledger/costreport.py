"""The cost report: per account and rolled up through the account tree, with EFC and variance.

Columns (Money, full precision; round once per printed cell with `Money.rounded()`):
budget; this period (actual dated within the period); actual to date (actual dated up to the
period end); committed (open PO balances as of the period end); total cost = actual to date +
committed; ETC (see `etc.py`); EFC = total cost + ETC; variance = budget - EFC (positive =
under budget, negative = over; `SIGN_CONVENTION` is printed on the report).

Roll-up: a node's figures are its own (amounts coded directly to it) plus the sum of its
children's, so every column of every parent equals the sum of its parts, and the derived
columns (total, EFC, variance) are computed the same way at every level. ETC is estimated per
account code and then summed, never re-estimated at a parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.accounts import AccountTree
from lynchpin.engine.ledger.book import Ledger, PostingKind
from lynchpin.engine.ledger.etc import (
    EtcPolicy,
    ScheduleProjection,
    UnspentBudget,
    estimate_to_complete,
)
from lynchpin.engine.ledger.periods import Period
from lynchpin.engine.money import Money

__all__ = ["SIGN_CONVENTION", "TOTAL", "CostFigures", "CostLine", "CostReport", "cost_report"]

SIGN_CONVENTION = "Variance = budget - EFC: positive is under budget, negative is over budget."
TOTAL = "TOTAL"


@dataclass(frozen=True, slots=True)
class CostFigures:
    """The five independent columns; total cost, EFC and variance derive from them."""

    budget: Money
    this_period: Money
    actual_to_date: Money
    committed: Money
    etc: Money

    @classmethod
    def zero(cls, currency: str) -> CostFigures:
        """All columns zero."""
        nothing = Money.zero(currency)
        return cls(nothing, nothing, nothing, nothing, nothing)

    def __add__(self, other: CostFigures) -> CostFigures:
        return CostFigures(
            self.budget + other.budget,
            self.this_period + other.this_period,
            self.actual_to_date + other.actual_to_date,
            self.committed + other.committed,
            self.etc + other.etc,
        )

    @property
    def total_cost(self) -> Money:
        """Actual to date + committed."""
        return self.actual_to_date + self.committed

    @property
    def efc(self) -> Money:
        """Estimate of final cost: actual to date + committed + ETC."""
        return self.total_cost + self.etc

    @property
    def variance(self) -> Money:
        """Budget - EFC: positive = under budget."""
        return self.budget - self.efc


@dataclass(frozen=True, slots=True)
class CostLine:
    """One row: an account, a category or the grand total (code `TOTAL`, depth -1)."""

    code: str
    name: str
    depth: int
    parent: str | None
    is_leaf: bool
    figures: CostFigures


@dataclass(frozen=True, slots=True)
class CostReport:
    """A cost report for `period`; `lines` are in account-tree order (parents first)."""

    currency: str
    period: Period
    lines: tuple[CostLine, ...]
    total: CostLine
    etc_basis: str
    sign_convention: str = SIGN_CONVENTION

    def line(self, code: str) -> CostLine:
        """The row of `code` (or `TOTAL`); raises KeyError when absent."""
        if code == TOTAL:
            return self.total
        for line in self.lines:
            if line.code == code:
                return line
        raise KeyError(code)


def cost_report(
    budget: Mapping[str, Money],
    accounts: AccountTree,
    ledger: Ledger,
    *,
    period: tuple[date, date] | Period,
    etc: EtcPolicy | Mapping[str, Money] | None = None,
) -> CostReport:
    """The cost report of `ledger` against `budget` (account code -> budget amount).

    `etc` defaults to `UnspentBudget()`. Raises InputError when the period ends before it
    starts, when a code in the budget, ledger or ETC is not in `accounts`, or when an amount
    is not in the ledger's currency.
    """
    span = period if isinstance(period, Period) else Period(*period)
    policy: EtcPolicy | Mapping[str, Money] = UnspentBudget() if etc is None else etc
    _check_inputs(budget, accounts, ledger, policy)
    direct = _direct_figures(budget, ledger, span, policy)
    rolled = _roll_up(accounts, direct, ledger.currency)
    lines = tuple(_line(accounts, code, depth, rolled[code]) for code, depth in accounts.walk())
    grand = sum((rolled[c] for c in accounts.children(None)), CostFigures.zero(ledger.currency))
    total_line = CostLine(TOTAL, "Total", -1, None, False, grand)
    basis = (
        policy.describe()
        if isinstance(policy, UnspentBudget | ScheduleProjection)
        else "ETC as entered per account; accounts not entered use the unspent budget"
    )
    return CostReport(ledger.currency, span, lines, total_line, basis)


def _line(accounts: AccountTree, code: str, depth: int, figures: CostFigures) -> CostLine:
    node = accounts.node(code)
    return CostLine(code, node.name, depth, node.parent, not accounts.children(code), figures)


def _etc_amounts(policy: EtcPolicy | Mapping[str, Money]) -> Mapping[str, Money]:
    if isinstance(policy, ScheduleProjection):
        return policy.daily_budget
    return {} if isinstance(policy, UnspentBudget) else policy


def _check_inputs(
    budget: Mapping[str, Money],
    accounts: AccountTree,
    ledger: Ledger,
    policy: EtcPolicy | Mapping[str, Money],
) -> None:
    sources: tuple[tuple[str, Mapping[str, Money]], ...] = (
        ("budget", budget),
        ("ETC", _etc_amounts(policy)),
    )
    for source, amounts in sources:
        for code, amount in amounts.items():
            _check_code(code, accounts, source)
            if amount.currency != ledger.currency:
                raise InputError(
                    f"amount in {amount.currency}, the ledger is in {ledger.currency}",
                    source=source,
                    field=code,
                )
    for posting in ledger.postings():
        _check_code(posting.account, accounts, f"ledger entry {posting.entry_key!r}")


def _check_code(code: str, accounts: AccountTree, source: str) -> None:
    if code not in accounts:
        raise InputError(f"account {code} is not in the account tree", source=source, field=code)


def _direct_figures(
    budget: Mapping[str, Money],
    ledger: Ledger,
    span: Period,
    policy: EtcPolicy | Mapping[str, Money],
) -> dict[str, CostFigures]:
    zero = Money.zero(ledger.currency)
    actual: dict[str, Money] = {}
    period: dict[str, Money] = {}
    committed: dict[str, Money] = {}
    for p in ledger.postings():
        if p.date > span.end:
            continue
        column = actual if p.kind is PostingKind.ACTUAL else committed
        column[p.account] = column.get(p.account, zero) + p.amount
        if p.kind is PostingKind.ACTUAL and p.date >= span.start:
            period[p.account] = period.get(p.account, zero) + p.amount
    etc = estimate_to_complete(
        policy, budget=budget, actual=actual, committed=committed, currency=ledger.currency
    )
    codes = dict.fromkeys([*budget, *actual, *committed, *etc])
    return {
        c: CostFigures(
            budget.get(c, zero),
            period.get(c, zero),
            actual.get(c, zero),
            committed.get(c, zero),
            etc.get(c, zero),
        )
        for c in codes
    }


def _roll_up(
    accounts: AccountTree, direct: Mapping[str, CostFigures], currency: str
) -> dict[str, CostFigures]:
    """Each node's own figures plus its children's, bottom-up (reverse of report order)."""
    rolled: dict[str, CostFigures] = {}
    order: Iterable[tuple[str, int]] = reversed(list(accounts.walk()))
    for code, _ in order:
        own = direct.get(code, CostFigures.zero(currency))
        rolled[code] = sum((rolled[c] for c in accounts.children(code)), own)
    return rolled
