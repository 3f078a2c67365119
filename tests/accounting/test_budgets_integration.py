"""With the real budgets app: the ledger's chart is the current budget's accounts and the
cost report's budget column is its account totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lynchpin.accounting import selectors, services
from lynchpin.core.errors import Invalid, NotFound
from tests.django_support import Team

pytestmark = pytest.mark.django_db

budgets = pytest.importorskip("lynchpin.budgets.services")

DAY = dt.date(2025, 3, 3)


def test_postings_are_coded_to_the_budget_and_reported_against_it(team: Team) -> None:
    pid = team.production.pk
    version = budgets.budget_create_from_template(actor=team.producer, production_id=pid,
                                                  template="short", name="Original")
    row = services.invoice_post(actor=team.user("accountant"), production_id=pid, key="i-1",
                                date=DAY, account="3001", amount=Decimal("900"), vendor="Hire")
    assert row.account == "3001"
    with pytest.raises(Invalid) as refused:  # a category is not postable
        services.invoice_post(actor=team.producer, production_id=pid, key="i-2", date=DAY,
                              account="3000", amount=Decimal("1"), vendor="Hire")
    assert "ledger.unknown_account" in refused.value.message
    report = selectors.cost_report(actor=team.producer, production_id=pid, today=DAY)
    assert report.line("3001").figures.actual_to_date.amount == Decimal("900")
    assert report.line("3000").name
    filters = selectors.cost_report_filters(actor=team.producer, production_id=pid)
    assert filters.budgets == ((version.pk, "Original"),)
    with pytest.raises(NotFound):
        selectors.cost_report(actor=team.producer, production_id=pid, budget_id=version.pk + 999)
