"""Fixtures of the accounting tests: a budget per account passed in instead of the budgets
app's (``basis``), and helpers that post through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.accounting import services
from lynchpin.accounting.adapters import basis as basis_module
from lynchpin.accounting.adapters.basis import BudgetBasis
from lynchpin.engine.ledger.accounts import AccountTree
from lynchpin.engine.money import Money
from tests.django_support import Team

#: Test chart: category -> accounts, with each account's budget (USD, the team's currency).
CHART = {
    "1000": ("Above the line", {"1001": ("Writer", "12000"), "1002": ("Producer", "30000")}),
    "3000": ("Camera and grip", {"3001": ("Camera", "100000"), "3002": ("Grip", "20000")}),
    "4000": ("Locations", {"4001": ("Location fees", "15000")}),
}

DAY = dt.date(2025, 3, 3)  # a Monday


def make_basis(currency: str = "USD") -> BudgetBasis:
    """The CHART as a basis (what the budgets app would give)."""
    parents: dict[str, str | None] = {}
    names: dict[str, str] = {}
    budget: dict[str, Money] = {}
    for category, (name, accounts) in CHART.items():
        parents[category], names[category] = None, name
        for code, (account_name, amount) in accounts.items():
            parents[code], names[code] = category, account_name
            budget[code] = Money(Decimal(amount), currency)
    tree = AccountTree.from_parents(parents, names)
    return BudgetBasis(None, "Test budget", currency, tree, budget)


@pytest.fixture
def basis(monkeypatch: pytest.MonkeyPatch) -> Iterator[BudgetBasis]:
    """Every production reports against `make_basis()` (the budgets app is bypassed)."""
    fixed = make_basis()

    def source(*, actor: Any, production_id: int, budget_id: int | None) -> BudgetBasis:
        return fixed

    monkeypatch.setattr(basis_module, "budget_source", source)
    yield fixed


@pytest.fixture
def books(team: Team, basis: BudgetBasis) -> Team:
    """The team, with the test budget in place."""
    return team


_keys = iter(range(1, 1_000_000))


def key(prefix: str = "k") -> str:
    """A fresh idempotency key."""
    return f"{prefix}-{next(_keys)}"


def invoice(team: Team, amount: str, *, account: str = "3001", day: dt.date = DAY,
            actor: Any = None, **extra: Any) -> Any:
    """Post an invoice as the accountant (unless `actor`)."""
    return services.invoice_post(
        actor=actor or team.user("accountant"), production_id=team.production.pk,
        key=extra.pop("key", None) or key("inv"), date=day, account=account,
        amount=Decimal(amount), vendor=extra.pop("vendor", "Clyde Camera Hire"), **extra,
    )


def approved_po(team: Team, amount: str, *, account: str = "3001",
                on: dt.date = DAY) -> Any:
    """A PO requested by the accountant and approved by the production manager."""
    po = services.po_request(
        actor=team.user("accountant"), production_id=team.production.pk, key=key("po"),
        account=account, amount=Decimal(amount), vendor="Clyde Camera Hire",
    )
    return services.po_approve(actor=team.user("production_manager"),
                               production_id=team.production.pk, po_id=po.pk, on=on)
