"""Comparing versions by account and the locked original."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from lynchpin.engine.budgeting.compare import BudgetHistory, compare_versions
from lynchpin.engine.budgeting.model import Account, Budget, DetailLine
from lynchpin.engine.errors import DomainError

from .build import D, one_account


def _d(*values: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def _version(name: str, rate: str) -> Budget:
    return replace(one_account(DetailLine("UPM", D(1), rate=D(rate)), fringes=()), version=name)


def test_compare_four_versions_with_variance_against_the_first() -> None:
    versions = [_version(f"v{i}", rate) for i, rate in enumerate(["100", "120", "90", "100"])]
    comparison = compare_versions(*versions)
    assert comparison.versions == ("v0", "v1", "v2", "v3")
    row = comparison.rows[0]
    assert (row.code, row.totals, row.variances) == ("2001", _d(100, 120, 90, 100), _d(20, -10, 0))
    assert comparison.grand_variances == _d(20, -10, 0)


def test_accounts_missing_from_a_version_count_zero() -> None:
    base = one_account(DetailLine("UPM", D(1), rate=D(100)))
    grown = replace(base, categories=(replace(base.categories[0], accounts=(
        *base.categories[0].accounts, Account("2002", "AD", (DetailLine("AD", rate=D(50)),)))),))
    rows = compare_versions(base, grown).rows
    assert [(r.code, r.totals) for r in rows] == [("2001", _d(100, 100)), ("2002", _d(0, 50))]


def test_compare_needs_two_to_four_versions_in_one_currency() -> None:
    one = one_account()
    with pytest.raises(DomainError, match="2 to 4"):
        compare_versions(one)
    with pytest.raises(DomainError, match="2 to 4"):
        compare_versions(one, one, one, one, one)
    with pytest.raises(DomainError, match="currencies"):
        compare_versions(one, replace(one, currency="EUR"))


def test_lock_original_then_compare_with_current() -> None:
    history = BudgetHistory(_version("draft", "100")).lock_original()
    history = history.revise(_version("current", "150"))
    comparison = history.original_vs_current()
    assert comparison.versions == ("draft", "current")
    assert comparison.grand_variances == _d(50)
    with pytest.raises(DomainError, match="already locked"):
        history.lock_original()
    with pytest.raises(DomainError, match="lock the original"):
        BudgetHistory(one_account()).original_vs_current()
