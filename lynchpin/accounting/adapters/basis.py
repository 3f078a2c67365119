"""The budget a ledger is coded and reported against: its account tree and budget per account.

The ledger's chart of accounts is the budget's accounts (categories are not postable); the
cost report's budget column is each account's total with fringes as posted. Both come from
a version of the production's budget in the `budgets` app, read through its
`budget_priced` selector (which caches the priced budget per revision). The default version
is the budgets app's current one (the newest); pages let people choose another.

`budget_source` is the one function that reads the budgets app; tests replace it
(``monkeypatch.setattr(basis, "budget_source", ...)``) to report against a budget per
account of their own. Callers check the member's rights first (the budgets app checks
VIEW_MONEY again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.apps import apps

from lynchpin.core.errors import Invalid, NotFound
from lynchpin.documents.costreport_inputs import budget_chart
from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.ledger.accounts import AccountTree
from lynchpin.engine.money import Money

__all__ = [
    "BudgetBasis",
    "basis_from_budget",
    "budget_basis",
    "budget_choices",
    "budget_source",
]


@dataclass(frozen=True)
class BudgetBasis:
    """A budget as the ledger needs it: `accounts` (categories at the top, accounts below,
    in budget order) and `budget` (account code -> budget, in `currency`)."""

    budget_id: int | None
    label: str
    currency: str
    accounts: AccountTree
    budget: Mapping[str, Money]

    @cached_property
    def postable(self) -> frozenset[str]:
        """Codes entries may be coded to: the accounts (leaves below a category), not the
        categories."""
        tree = self.accounts
        return frozenset(
            code for code, depth in tree.walk() if depth > 0 and not tree.children(code)
        )

    def account_names(self) -> list[tuple[str, str]]:
        """(code, "code name") of every postable account, in budget order."""
        return [
            (code, f"{code} {self.accounts.node(code).name}".strip())
            for code, _ in self.accounts.walk()
            if code in self.postable
        ]

    def categories(self) -> list[tuple[str, str]]:
        """(code, name) of the top-level categories, in order."""
        return [(code, self.accounts.node(code).name) for code in self.accounts.children(None)]


def basis_from_budget(budget: Budget, totals: Mapping[str, Money], *, budget_id: int | None,
                      label: str) -> BudgetBasis:
    """The basis of an engine `Budget` whose account totals are `totals`."""
    return BudgetBasis(budget_id, label, budget.currency, budget_chart(budget), totals)


def _label(version: Any) -> str:
    return f"{version.name} (locked)" if version.locked else str(version.name)


def budget_source(*, actor: Any, production_id: int, budget_id: int | None) -> BudgetBasis | None:
    """The basis of budget version `budget_id` (None: the budgets app's current version,
    the newest) of the production, read through the budgets app's `budget_priced`
    selector; None when the production has no budget (or the app is not installed).
    Raises NotFound for a `budget_id` that is not a version of this production."""
    if not apps.is_installed("lynchpin.budgets"):
        return None
    from lynchpin.budgets.selectors import budget_priced  # only when the app is installed

    try:
        priced = budget_priced(actor=actor, production_id=production_id, budget_id=budget_id)
    except NotFound:
        if budget_id is not None:
            raise
        return None
    pricing = priced.pricing
    totals = {code: pricing.money(amount) for code, amount in pricing.accounts.items()}
    version = apps.get_model("budgets", "BudgetVersion").objects.get(pk=priced.version_id)
    return basis_from_budget(priced.budget, totals, budget_id=version.pk, label=_label(version))


def budget_basis(*, actor: Any, production_id: int, budget_id: int | None = None) -> BudgetBasis:
    """The basis the ledger is coded and reported against (see `budget_source`); the
    actor needs VIEW_MONEY (checked again by the budgets app).

    Raises Invalid when the production has no budget yet, NotFound for an unknown version.
    """
    basis = budget_source(actor=actor, production_id=production_id, budget_id=budget_id)
    if basis is None:
        raise Invalid(
            "This production has no budget yet. The ledger is coded to the budget's "
            "accounts: create a budget first.",
            fields={"account": ["Create a budget first: its accounts are the chart."]},
        )
    return basis


def budget_choices(*, actor: Any, production_id: int) -> list[tuple[int, str]]:
    """(id, label) of the production's budget versions, oldest (the original) first; none
    without the budgets app."""
    if not apps.is_installed("lynchpin.budgets"):
        return []
    from lynchpin.budgets.selectors import budget_list  # only when the app is installed

    return [(v.pk, _label(v)) for v in budget_list(actor=actor, production_id=production_id)]
