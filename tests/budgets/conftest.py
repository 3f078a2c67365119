"""Fixtures of the budgets tests: a team with a small, priced budget.

`budget` is a `feature`-template version of the team's production with three lines in
account 2301 (Construction Coordinator... as the template names it) and one line in 1101:
- 2301 line 1: "Coordinator prep" 5 Week x 1 x 2000 = 10,000 (fringes FICA-SS 6.2 % and
  FICA-MED 1.45 % = 765, posted to 4901 by the template; person "ann")
- 2301 line 2: "Coordinator shoot" =SHOOT_DAYS Day x 1 x 480 = 9,600 (person "ann")
- 2301 line 3: "Tools" 1 Allow x 1 x 1500
- 1101 line 1: "Rights" 1 Flat x 1 x 98765.43 (a figure that is easy to look for)
and SHOOT_DAYS = 20 (fed by the schedule): 2301 = 21,100, 4901 = 765, grand total
120,630.43 USD. The pricing cache is emptied around each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from lynchpin.budgets import services
from lynchpin.budgets.adapters.cache import forget_all
from lynchpin.budgets.models import BudgetAccount, BudgetLine, BudgetVersion
from tests.django_support import Team

#: The rights line's rate: searched for in pages that must not show money.
SECRET_RATE = "98765.43"
SECRET_SHOWN = "98,765.43"


@dataclass(frozen=True)
class BudgetSetup:
    """The team's budget and the rows tests edit."""

    team: Team
    version: BudgetVersion
    account: BudgetAccount
    rights: BudgetAccount
    lines: tuple[BudgetLine, ...]

    @property
    def production_id(self) -> int:
        return int(self.team.production.pk)


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    forget_all()
    yield
    forget_all()


def make_budget(team: Team, name: str = "Original") -> BudgetSetup:
    """A priced budget of `team.production` (see the module docstring)."""
    producer = team.producer
    pid = team.production.pk
    version = services.budget_create_from_template(
        actor=producer, production_id=pid, template="feature", name=name)
    services.global_set(actor=producer, production_id=pid, budget_id=version.pk,
                        name="SHOOT_DAYS", value="20", schedule_fed=True,
                        feed_key="SHOOT_DAYS", expected_version=1)
    account = BudgetAccount.objects.get(budget=version, code="2301")
    rights = BudgetAccount.objects.get(budget=version, code="1101")
    add: Any = services.budget_line_add
    add(actor=producer, production_id=pid, account_id=account.pk,
        description="Coordinator prep", amount="5", unit="Week", rate="2000",
        fringes=["FICA-SS", "FICA-MED"], person="ann")
    add(actor=producer, production_id=pid, account_id=account.pk,
        description="Coordinator shoot", amount="SHOOT_DAYS", unit="Day", rate="480",
        person="ann")
    add(actor=producer, production_id=pid, account_id=account.pk, description="Tools",
        rate="1500")
    add(actor=producer, production_id=pid, account_id=rights.pk, description="Rights",
        unit="Flat", rate=SECRET_RATE)
    lines = tuple(BudgetLine.objects.filter(account=account).order_by("order"))
    return BudgetSetup(team, BudgetVersion.objects.get(pk=version.pk), account, rights, lines)


@pytest.fixture
def setup(team: Team) -> BudgetSetup:
    """The team with its budget."""
    return make_budget(team)
