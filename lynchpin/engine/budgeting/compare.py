"""Comparing budget versions by account, and keeping a locked original.

`compare_versions` takes two to four budgets (the first is the base) and gives one row per
account code found in any of them, in the order first seen, with each version's total
(fringes as posted, unrounded) and each later version's variance = version - base (positive:
the later version costs more). `BudgetHistory` keeps an original version, locked once, next
to the current one, for original-vs-current reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.budgeting.totals import price_budget
from lynchpin.engine.errors import DomainError

MAX_VERSIONS = 4


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One account across versions: `totals[i]` for version i, `variances[i-1]` vs the base."""

    code: str
    name: str
    totals: tuple[Decimal, ...]
    variances: tuple[Decimal, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Accounts across versions plus grand totals (same shapes as the rows)."""

    versions: tuple[str, ...]
    currency: str
    rows: tuple[ComparisonRow, ...]
    grand_totals: tuple[Decimal, ...]
    grand_variances: tuple[Decimal, ...]


def compare_versions(*budgets: Budget) -> Comparison:
    """Compare 2 to 4 versions of one budget; raises DomainError for another count or when
    currencies differ."""
    if not 2 <= len(budgets) <= MAX_VERSIONS:
        raise DomainError(f"compare 2 to {MAX_VERSIONS} versions, not {len(budgets)}")
    if len({budget.currency for budget in budgets}) != 1:
        raise DomainError("versions in different currencies cannot be compared")
    pricings = [price_budget(budget) for budget in budgets]
    names: dict[str, str] = {}
    for budget in budgets:
        for _, account in budget.accounts():
            names.setdefault(account.code, account.name)
    rows = []
    for code, name in names.items():
        totals = tuple(p.accounts.get(code, Decimal(0)) for p in pricings)
        rows.append(ComparisonRow(code, name, totals, tuple(t - totals[0] for t in totals[1:])))
    grand = tuple(p.grand_total for p in pricings)
    labels = tuple(b.version or f"version {i + 1}" for i, b in enumerate(budgets))
    return Comparison(labels, budgets[0].currency, tuple(rows), grand,
                      tuple(g - grand[0] for g in grand[1:]))


@dataclass(frozen=True, slots=True)
class BudgetHistory:
    """The current budget and, once locked, the original it is measured against."""

    current: Budget
    original: Budget | None = None

    def lock_original(self) -> BudgetHistory:
        """Keep the current version as the original; raises DomainError if already locked."""
        if self.original is not None:
            raise DomainError("the original budget is already locked")
        return BudgetHistory(self.current, self.current)

    def revise(self, budget: Budget) -> BudgetHistory:
        """A new current version; the locked original stays as it was."""
        return BudgetHistory(budget, self.original)

    def original_vs_current(self) -> Comparison:
        """Comparison of the locked original with the current version."""
        if self.original is None:
            raise DomainError("lock the original budget before comparing with it")
        return compare_versions(self.original, self.current)
