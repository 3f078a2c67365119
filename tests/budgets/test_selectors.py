"""Selectors: the current version, priced budgets for other apps, account detail, globals,
dashboard sources (money roles only)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.budgets import selectors, services
from lynchpin.core.dashboard import Level
from lynchpin.core.errors import Forbidden, NotFound
from lynchpin.core.roles import Capability, Role
from lynchpin.engine.budgeting.totals import account_totals
from lynchpin.productions.models import Membership
from tests.budgets.conftest import BudgetSetup
from tests.django_support import Team, roles_without

pytestmark = pytest.mark.django_db
D = Decimal


def _membership(setup: BudgetSetup, role: str) -> Membership:
    return Membership.objects.get(production=setup.team.production,
                                  user=setup.team.user(role))


def test_no_budget_yet(team: Team) -> None:
    assert selectors.budget_current(
        actor=team.producer, production_id=team.production.pk) is None
    with pytest.raises(NotFound):
        selectors.budget_priced(actor=team.producer, production_id=team.production.pk)


def test_priced_defaults_to_the_newest_version(setup: BudgetSetup) -> None:
    producer, pid = setup.team.producer, setup.production_id
    copy = services.budget_version_copy(actor=producer, production_id=pid,
                                        budget_id=setup.version.pk, name="Revision 1")
    priced = selectors.budget_priced(actor=producer, production_id=pid)
    assert priced.budget.version == "Revision 1"
    assert selectors.budget_current(actor=producer, production_id=pid) == copy
    totals = account_totals(priced.budget)  # what the cost report reads
    assert totals["2301"].amount == D(21100) and totals["4901"].amount == D(765)


def test_account_detail_prices_every_line(setup: BudgetSetup) -> None:
    detail = selectors.budget_account_detail(
        actor=setup.team.user(Role.ACCOUNTANT), production_id=setup.production_id,
        budget_id=setup.version.pk, account_id=setup.account.pk)
    rows = [(line.row.description, line.amount, line.total, line.fringes)
            for line in detail.lines]
    assert rows == [("Coordinator prep", D(5), D("10000.00"), D("765.00")),
                    ("Coordinator shoot", D(20), D("9600.00"), D("0.00")),
                    ("Tools", D(1), D("1500.00"), D("0.00"))]
    assert detail.total == D("21100.00")
    assert "SHOOT_DAYS" in detail.global_names and "FICA-SS" in detail.fringe_codes


def test_line_problems_and_global_values(setup: BudgetSetup) -> None:
    line = setup.lines[1]
    services.budget_line_update(actor=setup.team.producer, production_id=setup.production_id,
                                line_id=line.pk, expected_version=line.version,
                                amount="SHOOT_DAYZ")
    detail = selectors.budget_account_detail(
        actor=setup.team.producer, production_id=setup.production_id,
        budget_id=setup.version.pk, account_id=setup.account.pk)
    broken = detail.lines[1]
    assert broken.amount is None and broken.total == D(0)
    assert "SHOOT_DAYZ" in broken.problems[0]
    values = {g.row.name: g.value for g in selectors.budget_globals(
        actor=setup.team.producer, production_id=setup.production_id,
        budget_id=setup.version.pk)}
    assert values["SHOOT_DAYS"] == D(20)


def test_dashboard_sources_speak_to_money_roles_only(setup: BudgetSetup) -> None:
    line = setup.lines[1]
    services.budget_line_update(actor=setup.team.producer, production_id=setup.production_id,
                                line_id=line.pk, expected_version=line.version,
                                amount="SHOOT_DAYZ")
    producer = _membership(setup, Role.PRODUCER)
    figures = selectors.budget_figures(actor=setup.team.producer, membership=producer)
    assert figures[0].value == "111,030.43 USD" and figures[0].note == "Original"
    attention = selectors.budget_attention(actor=setup.team.producer, membership=producer)
    assert attention[0].level is Level.ERROR and attention[0].count == 1
    for role in roles_without(Capability.VIEW_MONEY):
        member = _membership(setup, role)
        assert selectors.budget_figures(actor=setup.team.user(role), membership=member) == []
        assert selectors.budget_attention(actor=setup.team.user(role), membership=member) == []
        with pytest.raises(Forbidden):
            selectors.budget_list(actor=setup.team.user(role), production_id=setup.production_id)
