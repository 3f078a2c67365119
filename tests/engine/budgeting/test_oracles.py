"""The published figures of issue 4, checked exactly."""

from __future__ import annotations

from lynchpin.engine.budgeting.model import Person
from lynchpin.engine.budgeting.totals import price_budget, printed
from lynchpin.engine.money import Money

from .build import D, one_account, wage


def test_flat_hourly_fringe_on_a_12_hour_day_is_12_dollars() -> None:
    pricing = price_budget(one_account(wage("Grip", "400", "PH", unit="Day")))
    assert pricing.lines[0].fringes.amounts == (("PH", D(12)),)


def test_five_days_at_400_with_the_hourly_fringe() -> None:
    pricing = price_budget(one_account(wage("Grip", "400", "PH", amount="5", unit="Day")))
    assert pricing.lines[0].amount.total == D(2000)
    assert pricing.fringe_totals["PH"] == D(60)
    assert printed(pricing.money(pricing.grand_total)) == Money(D("2060.00"), "USD")


def test_capped_fringe_as_a_range_and_as_individual_lines() -> None:
    as_range = one_account(wage("Prep", "4000", "FUTA"), wage("Shoot", "5000", "FUTA"))
    individual = one_account(wage("Prep", "4000", "FUTA", individual=True),
                             wage("Shoot", "5000", "FUTA", individual=True))
    assert price_budget(as_range).fringe_totals["FUTA"] == D("42.00")
    assert price_budget(individual).fringe_totals["FUTA"] == D("54.00")


def test_range_fills_the_cut_off_in_budget_order() -> None:
    pricing = price_budget(one_account(wage("Prep", "4000", "FUTA"), wage("Shoot", "5000", "FUTA")))
    assert [line.fringes.total for line in pricing.lines] == [D("24.0"), D("18.0")]


def test_social_security_with_year_to_date_wages() -> None:
    budget = one_account(wage("Actor", "10000", "SS"),
                         people=(Person("ann", "Ann", D(160000)),))
    assert price_budget(budget).fringe_totals["SS"] == D("533.20")
