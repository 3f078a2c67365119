"""The demo's money: GBP deal memos under the UK agreements, the imported budget, payroll
accounts and ledger rows; and the whole pay path through the services (a timecard week
entered by the production manager, priced under the UK agreement, approved by the
accountant, posted to the GBP ledger against the department's budget account)."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.demo import build_demo
from lynchpin.demo.budget import BUDGET_NAME, PAYROLL_ACCOUNTS
from lynchpin.demo.ledger import LEDGER_KEYS
from lynchpin.demo.samples import PAYROLL_FILE, PEOPLE_FILE, sample_bytes
from lynchpin.engine.labour import model as labour
from lynchpin.engine.labour.payroll_file import read_payroll
from lynchpin.engine.money import Money

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
MONDAY = date(2027, 3, 15)  # first day of photography; a uk-crew work week starts on Monday


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _sample(name: str) -> Any:
    return read_payroll(sample_bytes(name).decode("utf-8"), source=name)


def _at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), tzinfo=LONDON)


def _day(day: date, call: str, wrap: str, *meals: tuple[str, str]) -> Any:
    from lynchpin.people.timecards.adapters import DayEntry

    return DayEntry(day=day, call=_at(day, call), wrap=_at(day, wrap),
                    meals=tuple(labour.Meal(_at(day, out), _at(day, back))
                                for out, back in meals))


@pytest.fixture
def demo() -> Any:
    return build_demo()


# --- the people file -------------------------------------------------------------------------


def test_the_people_file_has_the_payroll_samples_people_in_pounds() -> None:
    people, payroll = _sample(PEOPLE_FILE), _sample(PAYROLL_FILE)
    assert people.currency == "GBP" and payroll.currency == "USD"  # the CLI sample is kept
    assert list(people.deals) == list(payroll.deals)
    for name, deal in people.deals.items():
        us = payroll.deals[name]
        assert (deal.position, deal.department, deal.performer_class != "") == (
            us.position, us.department, us.performer_class != ""), name
        assert deal.rate.currency == "GBP", name
        assert deal.agreement == ("uk-performer" if deal.performer_class else "uk-crew"), name
    assert not people.timecards and not people.planned  # deals only


def test_every_deal_memo_is_in_pounds_under_a_uk_agreement(demo: Any) -> None:
    from lynchpin.people.models import DealMemo, Engagement

    engagements = Engagement.objects.filter(production_id=demo.production_id)
    memos = DealMemo.objects.filter(engagement__in=engagements)
    assert memos.count() == engagements.count() == 20
    assert set(memos.values_list("currency", flat=True)) == {"GBP"}
    assert set(memos.filter(engagement__kind="cast").values_list("agreement", flat=True)) == {
        "uk-performer"}
    assert set(memos.filter(engagement__kind="crew").values_list("agreement", flat=True)) == {
        "uk-crew"}
    nell = memos.get(engagement__character="NELL")
    assert (nell.rate, nell.basis, nell.performer_class) == (Decimal("6000"), "weekly", "weekly")


def test_the_scheduler_prices_the_cast_from_their_deal_memos(demo: Any) -> None:
    from lynchpin.schedules.selectors import facts_get

    page = facts_get(actor=_user("production_manager"), production_id=demo.production_id)
    assert not [w for w in page.warnings if w.rule == "facts.deal_currency"]
    engaged = {line.name: line for line in page.cast if line.engaged}
    assert len(engaged) == 6
    assert {line.source for line in engaged.values()} == {"deal memo"}
    keith = next(line for line in engaged.values() if line.name.upper() == "KEITH")
    assert keith.daily_cost == Decimal("850")  # the deal memo's day fee, not a planning rate


# --- budget, payroll accounts, ledger --------------------------------------------------------


def test_the_sample_budget_is_imported_with_its_chart_and_schedule_links(demo: Any) -> None:
    from lynchpin.budgets.selectors import budget_list

    (version,) = budget_list(actor=_user("accountant"), production_id=demo.production_id)
    assert version.name == BUDGET_NAME and version.currency == "GBP"
    codes = set(version.accounts.values_list("code", flat=True))
    assert {"1004", "2001", "2002", "2003", "2004", "4001", "7901"} <= codes
    assert len(codes) == 22
    fed = dict(version.globals.filter(schedule_fed=True).values_list("name", "feed_key"))
    assert fed["SHOOT_DAYS"] == "SHOOT_DAYS" and fed["CAST_NELL_WORK"] == "CAST_NELL_WORK"
    assert "OVERTIME" not in fed  # a planning figure, not a schedule value
    assert any("Original budget" in note for note in demo.notes)


def test_every_department_has_a_payroll_account_of_the_budget(demo: Any) -> None:
    from lynchpin.budgets.models import BudgetAccount
    from lynchpin.people.timecards.selectors import payroll_account_list

    rows = payroll_account_list(actor=_user("accountant"), production_id=demo.production_id)
    accounts = {row["department"]: row["account"] for row in rows}
    departments = {deal.department for deal in _sample(PEOPLE_FILE).deals.values()}
    assert set(accounts) == departments | {""}
    assert accounts == {name: PAYROLL_ACCOUNTS[name] for name in accounts}
    assert (accounts["Camera"], accounts["Cast"], accounts[""]) == ("2002", "1004", "2001")
    codes = set(BudgetAccount.objects.filter(budget__production_id=demo.production_id)
                .values_list("code", flat=True))
    assert set(accounts.values()) <= codes


def test_the_cost_report_has_actuals_and_a_commitment(demo: Any) -> None:
    from lynchpin.accounting.selectors import cost_report, ledger_list, po_list

    accountant = _user("accountant")
    rows = ledger_list(actor=accountant, production_id=demo.production_id)
    assert set(LEDGER_KEYS) <= set(rows.values_list("key", flat=True))
    assert set(rows.values_list("currency", flat=True)) == {"GBP"}
    (po,) = po_list(actor=accountant, production_id=demo.production_id)
    assert (po.po.state, po.status, po.open_balance) == ("approved", "partly invoiced",
                                                        Decimal("2850.00"))
    report = cost_report(actor=accountant, production_id=demo.production_id)
    camera = report.line("3001").figures
    assert camera.actual_to_date == Money(Decimal("1900.00"), "GBP")
    assert camera.committed == Money(Decimal("2850.00"), "GBP")  # 4750 less the invoice
    assert report.line("1001").figures.actual_to_date == Money(Decimal("12000.00"), "GBP")
    assert report.line("5002").figures.actual_to_date == Money(Decimal("86.40"), "GBP")


# --- the pay path ----------------------------------------------------------------------------


def _week(demo: Any, name: str, days: list[Any]) -> tuple[Any, Any]:
    """`name`'s week saved and submitted by the production manager; (engagement, week)."""
    from lynchpin.people.models import Engagement
    from lynchpin.people.timecards import services

    pm = _user("production_manager")
    engagement = Engagement.objects.get(production_id=demo.production_id,
                                        contact__name=name)
    ids = {"actor": pm, "production_id": demo.production_id, "engagement_id": engagement.pk}
    week = services.timecard_week_save(**ids, day=MONDAY, expected_version=None, days=days)
    assert week.week_start == MONDAY
    week = services.timecard_week_submit(**ids, day=MONDAY, expected_version=week.version)
    return engagement, week


def _approve(demo: Any, engagement: Any, week: Any) -> Any:
    from lynchpin.people.timecards import services

    return services.timecard_week_approve(
        actor=_user("accountant"), production_id=demo.production_id,
        engagement_id=engagement.pk, day=MONDAY, expected_version=week.version)


def test_a_crew_week_is_priced_approved_and_posted_to_the_gbp_ledger(demo: Any) -> None:
    from lynchpin.accounting.selectors import cost_report, ledger_list
    from lynchpin.people.timecards.selectors import timecard_week_get

    # Tomasz Nowak, 1st AC, "£450/10" under uk-crew (45.00 an hour) with a 35.00 kit.
    # Monday 08:00-20:00 with lunch 13:00-14:00 (due 13:30: on time): 11 h worked, 10 h =
    # 450.00 and 1 h at 1.5x = 67.50; the second meal fell due 19:30 (5.5 h after lunch
    # ended) and wrap came at 20:00: one half-hour penalty, 10.00; kit 35.00: 562.50.
    # Tuesday 08:00-18:00 with an hour's lunch (12 h rest >= 11): 9 h worked, topped up to
    # the 10-hour day, 450.00, kit 35.00. Week: 562.50 + 485.00 = 1047.50.
    long_day = _day(MONDAY, "08:00", "20:00", ("13:00", "14:00"))
    short = _day(date(2027, 3, 16), "08:00", "18:00", ("13:00", "14:00"))
    engagement, week = _week(demo, "Tomasz Nowak", [long_day, short])
    accountant = _user("accountant")
    view = timecard_week_get(actor=accountant, production_id=demo.production_id,
                             engagement_id=engagement.pk, day=MONDAY)
    monday, tuesday = view.days[0], view.days[1]
    kinds = {line.kind: line for line in monday.lines}
    assert set(kinds) == {"straight", "overtime", "meal_penalty", "kit"}
    assert kinds["overtime"].hours == Decimal(1) and kinds["overtime"].rule == "uk.overtime"
    assert kinds["overtime"].amount == Decimal("67.50")
    assert kinds["meal_penalty"].amount == Decimal("10.00")
    assert kinds["meal_penalty"].rule == "uk.meal_break"
    assert monday.total == Money(Decimal("562.50"), "GBP")
    assert any(line.kind == "guarantee" for line in tuesday.lines)
    assert tuesday.total == Money(Decimal("485.00"), "GBP")
    assert view.total == Money(Decimal("1047.50"), "GBP")

    approved = _approve(demo, engagement, week)
    assert approved.status == "approved"
    (entry,) = ledger_list(actor=accountant, production_id=demo.production_id, kind="payroll")
    assert (entry.account, entry.amount, entry.currency) == ("2002", Decimal("1047.50"), "GBP")
    assert entry.vendor_name == "Tomasz Nowak"
    report = cost_report(actor=accountant, production_id=demo.production_id)
    assert report.line("2002").figures.actual_to_date == Money(Decimal("1047.50"), "GBP")


def test_a_performer_week_posts_to_the_cast_account(demo: Any) -> None:
    from lynchpin.accounting.selectors import ledger_list

    # Gordon McKay plays KEITH: a "£850/10" day performer under uk-performer (85.00 an
    # hour). 08:00-19:30, lunch 13:00-14:00: 10.5 h worked, 850.00 + 0.5 h x 127.50 = 63.75.
    engagement, week = _week(demo, "Gordon McKay",
                             [_day(MONDAY, "08:00", "19:30", ("13:00", "14:00"))])
    _approve(demo, engagement, week)
    (entry,) = ledger_list(actor=_user("accountant"), production_id=demo.production_id,
                           kind="payroll")
    assert (entry.account, entry.amount, entry.currency) == ("1004", Decimal("913.75"), "GBP")


def test_the_crew_user_cannot_see_the_budget_or_the_ledger(demo: Any) -> None:
    from lynchpin.accounting.selectors import ledger_list
    from lynchpin.budgets.selectors import budget_list
    from lynchpin.core.errors import Forbidden

    for username in ("crew", "coordinator"):
        with pytest.raises(Forbidden):
            budget_list(actor=_user(username), production_id=demo.production_id)
        with pytest.raises(Forbidden):
            ledger_list(actor=_user(username), production_id=demo.production_id)


# --- idempotence -----------------------------------------------------------------------------


def _counts(production_id: int) -> dict[str, int]:
    from lynchpin.accounting.models import LedgerEntry, PurchaseOrder
    from lynchpin.budgets.models import BudgetGlobal, BudgetLine, BudgetVersion
    from lynchpin.core.models import AuditEntry
    from lynchpin.people.models import Contact, DealMemo, Engagement, PayrollAccount
    from lynchpin.schedules.models import ScheduleVersion
    from lynchpin.scripts.models import ScriptVersion

    models = (LedgerEntry, PurchaseOrder, BudgetVersion, BudgetLine, BudgetGlobal,
              AuditEntry, Contact, DealMemo, Engagement, PayrollAccount, ScheduleVersion,
              ScriptVersion)
    through = {BudgetLine: "budget__", BudgetGlobal: "budget__", DealMemo: "engagement__"}
    return {model.__name__: model.objects.filter(
                **{f"{through.get(model, '')}production_id": production_id}).count()
            for model in models}


def test_a_second_build_adds_nothing(demo: Any) -> None:
    before = _counts(demo.production_id)
    assert before["LedgerEntry"] == 5  # the PO's commitment, two invoices, float, envelope
    assert before["PayrollAccount"] == len(PAYROLL_ACCOUNTS)
    again = build_demo()
    assert again.production_id == demo.production_id
    assert _counts(demo.production_id) == before
    assert any(note.startswith("Budget: kept") for note in again.notes)
    assert any(note.startswith("Payroll accounts: kept") for note in again.notes)
    assert any(note.startswith("Ledger: kept") for note in again.notes)


def test_a_changed_payroll_account_survives_a_rebuild(demo: Any) -> None:
    from lynchpin.people.models import PayrollAccount
    from lynchpin.people.timecards.services import payroll_accounts_set

    payroll_accounts_set(actor=_user("accountant"), production_id=demo.production_id,
                         accounts={"Script": "2004"})
    build_demo()
    assert PayrollAccount.objects.get(production_id=demo.production_id,
                                      department="Script").account == "2004"


def test_reset_rebuilds_the_money_too(demo: Any) -> None:
    before = _counts(demo.production_id)
    fresh = build_demo(reset=True)
    assert fresh.production_id != demo.production_id
    after = _counts(fresh.production_id)
    for name in ("LedgerEntry", "PurchaseOrder", "BudgetVersion", "BudgetLine",
                 "PayrollAccount", "DealMemo"):
        assert after[name] == before[name], name
