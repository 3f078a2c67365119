"""Selectors: the cost report over the stored ledger with its filters, PO states, hot cost,
chart data, dashboard sources; all of them for money roles only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lynchpin.accounting import selectors, services
from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.engine.money import Money
from tests.accounting.conftest import DAY, approved_po, invoice, key
from tests.django_support import Team

pytestmark = pytest.mark.django_db

WEEK = dt.timedelta(days=7)


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def _period(team: Team, start: dt.date, end: dt.date) -> int:
    period = services.period_create(actor=team.producer, production_id=team.production.pk,
                                    start_date=start, end_date=end)
    return int(period.pk)


def test_cost_report_worked_example(books: Team) -> None:
    # docs/ledger.md "Worked example": budget 100,000, actual 40,000, open POs 25,000; here
    # with the default ETC (unspent budget = 35,000), so EFC = 100,000 and variance 0.
    period = _period(books, DAY, DAY + dt.timedelta(days=6))
    invoice(books, "40000")
    approved_po(books, "25000")
    report = selectors.cost_report(actor=books.user("accountant"),
                                   production_id=books.production.pk, period=period)
    camera = report.line("3001").figures
    assert (camera.budget, camera.actual_to_date, camera.committed) == (
        usd("100000"), usd("40000"), usd("25000"))
    assert (camera.total_cost, camera.etc, camera.efc, camera.variance) == (
        usd("65000"), usd("35000"), usd("100000"), usd("0"))
    assert report.line("3000").figures.actual_to_date == usd("40000")
    assert report.total.figures.budget == usd("177000")


def test_this_period_is_the_actual_dated_within_the_period(books: Team) -> None:
    first = _period(books, DAY, DAY + dt.timedelta(days=6))
    second = _period(books, DAY + WEEK, DAY + dt.timedelta(days=13))
    invoice(books, "100", day=DAY)
    invoice(books, "30", day=DAY + WEEK)
    pid, actor = books.production.pk, books.producer
    one = selectors.cost_report(actor=actor, production_id=pid, period=first).total.figures
    two = selectors.cost_report(actor=actor, production_id=pid, period=second).total.figures
    assert (one.this_period, one.actual_to_date) == (usd("100"), usd("100"))
    assert (two.this_period, two.actual_to_date) == (usd("30"), usd("130"))


def test_the_default_period_is_the_week_to_today(books: Team) -> None:
    invoice(books, "100", day=DAY)
    report = selectors.cost_report(actor=books.producer, production_id=books.production.pk,
                                   today=DAY + dt.timedelta(days=2))
    assert (report.period.start, report.period.end) == (DAY - dt.timedelta(days=4),
                                                        DAY + dt.timedelta(days=2))
    assert report.total.figures.this_period == usd("100")


def test_category_filter_keeps_one_category_and_its_total(books: Team) -> None:
    invoice(books, "100", account="3001")
    invoice(books, "7", account="4001")
    report = selectors.cost_report(actor=books.producer, production_id=books.production.pk,
                                   category="3000", today=DAY)
    assert [line.code for line in report.lines] == ["3000", "3001", "3002"]
    assert report.total.figures.actual_to_date == usd("100")
    assert report.total.name == "Total Camera and grip"
    with pytest.raises(Invalid):
        selectors.cost_report(actor=books.producer, production_id=books.production.pk,
                              category="3001", today=DAY)


def test_episode_filter_counts_only_that_episodes_postings(books: Team) -> None:
    invoice(books, "100", episode="1")
    invoice(books, "50", episode="2")
    pid = books.production.pk
    report = selectors.cost_report(actor=books.producer, production_id=pid, episode="2",
                                   today=DAY)
    assert report.total.figures.actual_to_date == usd("50")
    filters = selectors.cost_report_filters(actor=books.producer, production_id=pid)
    assert filters.episodes == ("1", "2")
    assert [code for code, _ in filters.categories] == ["1000", "3000", "4000"]


@pytest.mark.parametrize("role", ["coordinator", "department_head", "crew", "cast"])
def test_money_selectors_refuse_roles_without_money(books: Team, role: str) -> None:
    pid, actor = books.production.pk, books.user(role)
    for read in (selectors.ledger_list, selectors.po_list, selectors.cost_report,
                 selectors.chart_data, selectors.period_list, selectors.float_list):
        with pytest.raises(Forbidden):
            read(actor=actor, production_id=pid)


def test_outsiders_find_nothing(books: Team) -> None:
    with pytest.raises(NotFound):
        selectors.ledger_list(actor=books.outsider, production_id=books.production.pk)
    row = invoice(books, "10")
    with pytest.raises(NotFound):
        selectors.entry_get(actor=books.outsider, production_id=books.other_production.pk,
                            entry_id=row.pk)


def test_po_list_shows_the_ledger_status(books: Team) -> None:
    pid = books.production.pk
    open_po = approved_po(books, "1000")
    partly = approved_po(books, "1000")
    invoice(books, "250", po_id=partly.pk)
    services.po_request(actor=books.producer, production_id=pid, key=key(), account="3002",
                        amount=Decimal("5"), vendor="Grip Co")
    rows = {row.po.number: row for row in selectors.po_list(actor=books.producer,
                                                           production_id=pid)}
    assert rows[open_po.number].status == "open"
    assert (rows[partly.number].status, rows[partly.number].open_balance,
            rows[partly.number].invoiced) == ("partly invoiced", Decimal("750"), Decimal("250"))
    assert (rows[3].status, rows[3].open_balance) == ("requested", None)
    only = selectors.po_list(actor=books.producer, production_id=pid, state="requested")
    assert [row.po.number for row in only] == [3]


def test_ledger_list_filters(books: Team) -> None:
    invoice(books, "10", account="3001", reference="INV-7")
    invoice(books, "20", account="3002", day=DAY + WEEK)
    pid, actor = books.production.pk, books.producer
    assert selectors.ledger_list(actor=actor, production_id=pid, account="3002").count() == 1
    assert selectors.ledger_list(actor=actor, production_id=pid, search="inv-7").count() == 1
    assert selectors.ledger_list(actor=actor, production_id=pid,
                                 date_from=DAY + dt.timedelta(days=1)).count() == 1
    with pytest.raises(Invalid):
        selectors.ledger_list(actor=actor, production_id=pid, kind="bribe")


def test_hot_cost_worked_example(books: Team) -> None:
    # docs/ledger.md "Hot cost" example: budgeted 1,480, actual 1,625, variance -145.
    budgeted = [
        {"person": "Ana", "account": "3001", "hours": "12", "straight": "600"},
        {"person": "Ben", "account": "3002", "hours": "12", "straight": "480"},
        {"person": "Cy", "account": "3002", "hours": "12", "straight": "400"},
    ]
    actual = [
        {"person": "Ana", "account": "3001", "hours": "14", "straight": "600",
         "overtime_hours": "2", "overtime": "150", "meal_penalties": 1,
         "meal_penalty_amount": "25"},
        {"person": "Ben", "account": "3002", "hours": "12", "straight": "500"},
        {"person": "Dee", "account": "3002", "hours": "10", "straight": "350"},
    ]
    result = selectors.hot_cost_for_day(actor=books.producer, production_id=books.production.pk,
                                        day=DAY, budgeted=budgeted, actual=actual)
    assert (result.budgeted, result.actual, result.variance) == (
        usd("1480"), usd("1625"), usd("-145"))


def test_hot_cost_names_the_person_at_fault(books: Team) -> None:
    rows = [{"person": "Ana", "hours": "1", "straight": "1"}] * 2
    with pytest.raises(Exception, match="Ana"):
        selectors.hot_cost_for_day(actor=books.producer, production_id=books.production.pk,
                                   day=DAY, budgeted=rows, actual=[])


def test_chart_data_burn_plan_efc_and_spend(books: Team) -> None:
    _period(books, DAY, DAY + dt.timedelta(days=6))
    _period(books, DAY + WEEK, DAY + dt.timedelta(days=13))
    invoice(books, "1000", day=DAY)
    approved_po(books, "500", on=DAY + WEEK)
    invoice(books, "200", account="4001", day=DAY + WEEK)
    data = selectors.chart_data(actor=books.producer, production_id=books.production.pk)
    assert data.burn.labels == ("2025-03-09", "2025-03-16")
    actual, spent, plan = data.burn.series
    assert actual.values == (Decimal("1000.00"), Decimal("1200.00"))
    assert spent.values == (Decimal("1000.00"), Decimal("1700.00"))
    assert plan.values == (Decimal("88500.00"), Decimal("177000.00"))  # half, then all
    assert data.efc.labels == ("2025-03-09", "2025-03-16")
    assert data.efc.series[1].values == (Decimal("177000.00"),) * 2
    names = data.spend.labels
    assert names == ("1000 Above the line", "3000 Camera and grip", "4000 Locations")
    assert data.spend.series[0].values == (Decimal("0.00"), Decimal("1000.00"),
                                           Decimal("200.00"))
    assert data.spend.series[1].values[1] == Decimal("500.00")


def test_chart_data_without_postings_is_empty(books: Team) -> None:
    data = selectors.chart_data(actor=books.producer, production_id=books.production.pk)
    assert data.burn.labels == () and data.burn.note == "Nothing posted yet."


def test_dashboard_sources_respect_the_role(books: Team) -> None:
    from lynchpin.productions.models import Membership

    pid = books.production.pk
    invoice(books, "1234")
    services.po_request(actor=books.producer, production_id=pid, key=key(), account="3001",
                        amount=Decimal("9"), vendor="V")
    producer = Membership.objects.get(production_id=pid, user=books.producer)
    figures = selectors.accounting_figures(actor=books.producer, membership=producer)
    assert [f.value for f in figures] == ["1,234.00 USD", "0.00 USD"]
    attention = selectors.accounting_attention(actor=books.producer, membership=producer)
    assert attention[0].message == "1 purchase order waits for approval"
    coordinator = Membership.objects.get(production_id=pid, user=books.user("coordinator"))
    assert selectors.accounting_figures(actor=books.user("coordinator"),
                                        membership=coordinator) == []
    assert selectors.accounting_attention(actor=books.user("coordinator"),
                                          membership=coordinator) == []
