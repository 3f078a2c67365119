"""Services: templates, line edits re-price totals, versions and locks, globals, fringes.

Expected figures are worked by hand from the fixture budget (tests/budgets/conftest.py):
2301 = 10,000 + 9,600 + 1,500 = 21,100; fringes 6.2 % + 1.45 % of 10,000 = 765 in 4901;
1101 = 98,765.43; grand total 120,630.43.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.budgets import selectors, services
from lynchpin.budgets.adapters import load_budget
from lynchpin.budgets.adapters.cache import forget_all
from lynchpin.budgets.models import BudgetAccount, BudgetGlobal, BudgetLine, BudgetVersion
from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Capability, Role
from lynchpin.engine.budgeting.templates import load_template
from lynchpin.engine.budgeting.totals import price_budget
from tests.budgets.conftest import BudgetSetup
from tests.django_support import Team, roles_with, roles_without

pytestmark = pytest.mark.django_db
D = Decimal


def _update(setup: BudgetSetup, line: BudgetLine, actor=None, **fields):
    return services.budget_line_update(
        actor=actor or setup.team.producer, production_id=setup.production_id,
        line_id=line.pk, expected_version=BudgetLine.objects.get(pk=line.pk).version, **fields)


def _grand(setup: BudgetSetup) -> Decimal:
    return selectors.budget_topsheet(actor=setup.team.producer, production_id=setup.production_id,
                                     budget_id=setup.version.pk).grand_total


def test_create_from_template_lays_out_the_chart(team: Team) -> None:
    version = services.budget_create_from_template(
        actor=team.producer, production_id=team.production.pk, template="feature",
        name=" Original ")
    template = load_template("feature")
    assert version.name == "Original"
    assert version.accounts.count() == len(template.accounts())
    assert list(version.fringes.values_list("code", flat=True)) == [f.id for f in template.fringes]
    fed = set(version.globals.filter(schedule_fed=True).values_list("feed_key", flat=True))
    assert fed == {"SHOOT_DAYS", "PREP_WEEKS", "WRAP_WEEKS"}
    entry = AuditEntry.objects.filter(action="budget.create").get()
    assert entry.changes["template"] == [None, "feature"]


def test_create_refuses_unknown_template_and_taken_name(setup: BudgetSetup) -> None:
    args = {"actor": setup.team.producer, "production_id": setup.production_id}
    with pytest.raises(Invalid) as raised:
        services.budget_create_from_template(**args, template="opera", name="X")
    assert set(raised.value.fields) == {"template"}
    with pytest.raises(Invalid) as taken:
        services.budget_create_from_template(**args, template="short", name="Original")
    assert set(taken.value.fields) == {"name"}


def test_fixture_budget_totals_by_hand(setup: BudgetSetup) -> None:
    sheet = selectors.budget_topsheet(actor=setup.team.user(Role.ACCOUNTANT),
                                      production_id=setup.production_id,
                                      budget_id=setup.version.pk)
    accounts = {a.code: a.total for level in sheet.levels for c in level.categories
                for a in c.accounts}
    assert (accounts["2301"], accounts["4901"], accounts["1101"]) == (
        D("21100.00"), D("765.00"), D("98765.43"))
    assert sheet.grand_total == D("120630.43")


def test_formula_line_update_reprices_the_totals(setup: BudgetSetup) -> None:
    result = _update(setup, setup.lines[1], amount="SHOOT_DAYS + 2")
    assert result.line.row.amount == "=SHOOT_DAYS + 2"
    assert (result.line.amount, result.line.total) == (D(22), D("10560.00"))
    assert result.totals.accounts["2301"] == D("22060.00")
    assert result.totals.categories["2300"] == D("22060.00")
    assert result.totals.grand_total == D("121590.43")
    assert _grand(setup) == D("121590.43")


def test_fast_path_agrees_with_a_full_pricing(setup: BudgetSetup) -> None:
    _update(setup, setup.lines[0], rate="2500", person="bob")
    _update(setup, setup.lines[2], x="=SHOOT_DAYS / 10")
    fast = _grand(setup)
    forget_all()
    version = BudgetVersion.objects.get(pk=setup.version.pk)
    full = price_budget(load_budget(version, title="x").budget)
    assert fast == full.money(full.grand_total).rounded().amount
    # prep 12,500 + 9,600 + 1,500 x 2; fringes 7.65 % of 12,500; rights
    assert fast == D("12500") + D("9600") + D("3000") + D("956.25") + D("98765.43")


def test_editing_the_fringed_line_changes_the_fringe_account(setup: BudgetSetup) -> None:
    result = _update(setup, setup.lines[0], rate="3000")
    assert result.line.fringes == D("1147.50")
    assert result.totals.accounts["4901"] == D("1147.50")
    assert "1101" not in result.totals.accounts


def test_stale_version_is_a_conflict_and_changes_nothing(setup: BudgetSetup) -> None:
    line = setup.lines[2]
    _update(setup, line, rate="1600")
    with pytest.raises(Conflict) as raised:
        services.budget_line_update(actor=setup.team.producer, production_id=setup.production_id,
                                    line_id=line.pk, expected_version=line.version, rate="9")
    assert "reload" in raised.value.message
    assert BudgetLine.objects.get(pk=line.pk).rate == "1600"


def test_locked_version_refuses_every_edit(setup: BudgetSetup) -> None:
    team, pid, vid = setup.team, setup.production_id, setup.version.pk
    locked = services.budget_lock(actor=team.producer, production_id=pid, budget_id=vid,
                                  expected_version=setup.version.version)
    assert locked.locked and locked.locked_by == team.producer
    edits = [
        lambda: _update(setup, setup.lines[0], rate="1"),
        lambda: services.budget_line_add(actor=team.producer, production_id=pid,
                                         account_id=setup.account.pk, description="New"),
        lambda: services.budget_line_delete(actor=team.producer, production_id=pid,
                                            line_id=setup.lines[0].pk, expected_version=1),
        lambda: services.global_set(actor=team.producer, production_id=pid, budget_id=vid,
                                    name="NEW", value="1"),
        lambda: services.fringe_set(actor=team.producer, production_id=pid, budget_id=vid,
                                    code="WC", name="Comp", kind="percent", rate="2"),
        lambda: services.budget_reprice_from_schedule(actor=team.producer, production_id=pid,
                                                      budget_id=vid, feed={"SHOOT_DAYS": D(1)}),
        lambda: services.budget_lock(actor=team.producer, production_id=pid, budget_id=vid,
                                     expected_version=locked.version),
    ]
    for edit in edits:
        with pytest.raises(Conflict) as raised:
            edit()
        assert "locked" in raised.value.message
    assert _grand(setup) == D("120630.43")


def test_bad_fields_are_all_reported(setup: BudgetSetup) -> None:
    with pytest.raises(Invalid) as raised:
        _update(setup, setup.lines[0], amount="2 **", rate="import os", fringes="FICA-SS NOPE",
                currency="dollars", colour="red")
    assert set(raised.value.fields) == {"amount", "rate", "fringes", "currency", "colour"}
    assert "NOPE" in " ".join(raised.value.fields["fringes"])
    assert BudgetLine.objects.get(pk=setup.lines[0].pk).version == setup.lines[0].version


@pytest.mark.parametrize("role", roles_without(Capability.EDIT_BUDGET))
def test_roles_without_edit_budget_are_forbidden(setup: BudgetSetup, role: str) -> None:
    with pytest.raises(Forbidden):
        _update(setup, setup.lines[0], actor=setup.team.user(role), rate="1")


@pytest.mark.parametrize("role", roles_with(Capability.EDIT_BUDGET))
def test_money_roles_edit(setup: BudgetSetup, role: str) -> None:
    result = _update(setup, setup.lines[2], actor=setup.team.user(role), rate="1501")
    assert result.line.total == D("1501.00")


def test_outsiders_and_other_productions_lines_are_not_found(setup: BudgetSetup) -> None:
    with pytest.raises(NotFound):
        _update(setup, setup.lines[0], actor=setup.team.outsider, rate="1")
    other = services.budget_create_from_template(
        actor=setup.team.outsider, production_id=setup.team.other_production.pk,
        template="short", name="Theirs")
    account = other.accounts.first()
    with pytest.raises(NotFound):
        services.budget_line_add(actor=setup.team.producer, production_id=setup.production_id,
                                 account_id=account.pk, description="Sneaky")


def test_line_add_after_a_line_and_delete(setup: BudgetSetup) -> None:
    team, pid = setup.team, setup.production_id
    added = services.budget_line_add(actor=team.producer, production_id=pid,
                                     account_id=setup.account.pk, description="Assistant",
                                     after_line_id=setup.lines[0].pk, amount="2", unit="Week",
                                     rate="900")
    order = list(BudgetLine.objects.filter(account=setup.account).order_by("order", "id")
                 .values_list("description", flat=True))
    assert order == ["Coordinator prep", "Assistant", "Coordinator shoot", "Tools"]
    assert added.totals.accounts["2301"] == D("22900.00")
    with pytest.raises(Conflict):
        services.budget_line_delete(actor=team.producer, production_id=pid,
                                    line_id=added.line.row.pk, expected_version=7)
    totals = services.budget_line_delete(actor=team.producer, production_id=pid,
                                         line_id=added.line.row.pk, expected_version=1)
    assert totals.accounts["2301"] == D("21100.00")
    assert totals.grand_total == D("120630.43")
    actions = list(AuditEntry.objects.filter(action__startswith="budget_line.")
                   .values_list("action", flat=True))
    assert actions.count("budget_line.add") == 5 and "budget_line.delete" in actions


def test_copy_makes_an_independent_revision(setup: BudgetSetup) -> None:
    team, pid = setup.team, setup.production_id
    copy = services.budget_version_copy(actor=team.producer, production_id=pid,
                                        budget_id=setup.version.pk, name="Revision 1")
    assert copy.based_on_id == setup.version.pk
    assert BudgetGlobal.objects.get(budget=copy, name="SHOOT_DAYS").schedule_fed
    line = BudgetLine.objects.get(budget=copy, description="Tools")
    services.budget_line_update(actor=team.producer, production_id=pid, line_id=line.pk,
                                expected_version=line.version, rate="2500")
    copy_total = selectors.budget_topsheet(actor=team.producer, production_id=pid,
                                           budget_id=copy.pk).grand_total
    assert (copy_total, _grand(setup)) == (D("121630.43"), D("120630.43"))


def test_globals_set_update_conflict_and_delete(setup: BudgetSetup) -> None:
    team, pid, vid = setup.team, setup.production_id, setup.version.pk
    added = services.global_set(actor=team.producer, production_id=pid, budget_id=vid,
                                name="OT", value="1.5", description="Overtime")
    with pytest.raises(Conflict):
        services.global_set(actor=team.producer, production_id=pid, budget_id=vid,
                            name="OT", value="2")
    _update(setup, setup.lines[2], x="OT")
    assert _grand(setup) == D("120630.43") + D(750)
    services.global_set(actor=team.producer, production_id=pid, budget_id=vid, name="OT",
                        value="=SHOOT_DAYS / 10", expected_version=added.version)
    assert _grand(setup) == D("120630.43") + D(1500)
    with pytest.raises(Conflict):
        services.global_set(actor=team.producer, production_id=pid, budget_id=vid, name="OT",
                            value="3", expected_version=added.version)
    with pytest.raises(Invalid) as in_use:
        services.global_delete(actor=team.producer, production_id=pid, global_id=added.pk,
                               expected_version=added.version + 1)
    assert "2301 line 3" in in_use.value.message
    with pytest.raises(Invalid) as bad:
        services.global_set(actor=team.producer, production_id=pid, budget_id=vid,
                            name="2 DAYS", value="1", schedule_fed=True)
    assert set(bad.value.fields) == {"name", "feed_key"}


def test_fringe_set_reprices_and_delete_refuses_while_used(setup: BudgetSetup) -> None:
    team, pid, vid = setup.team, setup.production_id, setup.version.pk
    fica = setup.version.fringes.get(code="FICA-MED")
    services.fringe_set(actor=team.producer, production_id=pid, budget_id=vid,
                        code="FICA-MED", name=fica.name, kind="percent", rate="2.45",
                        expected_version=fica.version)
    assert _grand(setup) == D("120630.43") + D(100)
    with pytest.raises(Invalid) as in_use:
        services.fringe_delete(actor=team.producer, production_id=pid, fringe_id=fica.pk,
                               expected_version=fica.version + 1)
    assert "2301 line 1" in in_use.value.message
    wc = services.fringe_set(actor=team.producer, production_id=pid, budget_id=vid, code="WC",
                             name="Workers' comp", kind="flat", rate="1", per="day")
    _update(setup, setup.lines[1], fringes=["WC"])
    assert _grand(setup) == D("120630.43") + D(100) + D(20)  # $1 a day for 20 days
    with pytest.raises(Invalid) as bad:
        services.fringe_set(actor=team.producer, production_id=pid, budget_id=vid, code="X",
                            name="X", kind="percent", rate="lots")
    assert set(bad.value.fields) == {"rate"}
    assert wc.version == 1


def test_delete_version_keeps_locked_ones(setup: BudgetSetup) -> None:
    team, pid = setup.team, setup.production_id
    draft = services.budget_create_from_template(actor=team.producer, production_id=pid,
                                                 template="short", name="Scratch")
    services.budget_delete(actor=team.producer, production_id=pid, budget_id=draft.pk,
                           expected_version=draft.version)
    assert not BudgetVersion.objects.filter(pk=draft.pk).exists()
    services.budget_lock(actor=team.producer, production_id=pid, budget_id=setup.version.pk,
                         expected_version=setup.version.version)
    with pytest.raises(Conflict):
        services.budget_delete(actor=team.producer, production_id=pid,
                               budget_id=setup.version.pk, expected_version=2)
    assert BudgetAccount.objects.filter(budget_id=setup.version.pk).exists()


def test_non_money_roles_cannot_read_a_budget(setup: BudgetSetup) -> None:
    for role in roles_without(Capability.VIEW_MONEY):
        with pytest.raises(Forbidden):
            selectors.budget_topsheet(actor=setup.team.user(role),
                                      production_id=setup.production_id,
                                      budget_id=setup.version.pk)
    assert Role.COORDINATOR.value in roles_without(Capability.VIEW_MONEY)
