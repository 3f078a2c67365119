"""Hot cost: a day's actual labour against the budgeted day, explained by reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.hotcost import (
    ActualLabour,
    BudgetedLabour,
    ReasonKind,
    hot_cost,
)
from lynchpin.engine.money import Money, total

from .builders import day, usd

PLAN = (
    BudgetedLabour(person="Ana", account="2100", hours=Decimal(12), straight=usd(600)),
    BudgetedLabour(person="Ben", account="2200", hours=Decimal(12), straight=usd(480)),
    BudgetedLabour(person="Cy", account="2200", hours=Decimal(12), straight=usd(400)),
)
WORKED = (
    ActualLabour(
        person="Ana",
        account="2100",
        hours=Decimal(14),
        straight=usd(600),
        overtime_hours=Decimal(2),
        overtime=usd("150.00"),
        meal_penalties=1,
        meal_penalty_amount=usd("25.00"),
    ),
    ActualLabour(person="Ben", account="2200", hours=Decimal(12), straight=usd(500)),
    ActualLabour(person="Dee", account="2200", hours=Decimal(10), straight=usd(350)),
)


def test_difference_is_explained_by_reasons_that_add_up() -> None:
    report = hot_cost(day(4), PLAN, WORKED, currency="USD")
    assert report.budgeted == usd(1480)
    assert report.actual == usd(1625)
    assert report.variance == usd(-145)
    assert report.cost_of(ReasonKind.OVERTIME) == usd(150)
    assert report.cost_of(ReasonKind.MEAL_PENALTY) == usd(25)
    assert report.cost_of(ReasonKind.EXTRA_CREW) == usd(350)
    assert report.cost_of(ReasonKind.CREW_NOT_CALLED) == usd(-400)
    assert report.cost_of(ReasonKind.RATE_OR_HOURS) == usd(20)
    explained = total([r.cost for r in report.reasons], "USD")
    assert explained == report.actual - report.budgeted
    assert "positive is under budget" in report.sign_convention


def test_budgeted_overtime_is_not_a_reason() -> None:
    plan = (
        BudgetedLabour(
            person="Ana", account="2100", hours=Decimal(12), straight=usd(600), overtime=usd(150)
        ),
    )
    report = hot_cost(day(4), plan, WORKED[:1], currency="USD")
    assert report.cost_of(ReasonKind.OVERTIME) == usd(0)
    assert [r.kind for r in report.reasons] == [ReasonKind.MEAL_PENALTY]


def test_bad_inputs_name_the_person() -> None:
    with pytest.raises(InputError, match="Ana"):
        hot_cost(day(4), PLAN[:1] * 2, (), currency="USD")
    eur = ActualLabour(
        person="Eve", account="2100", hours=Decimal(1), straight=Money.parse("10 EUR")
    )
    with pytest.raises(InputError, match="Eve"):
        hot_cost(day(4), (), (eur,), currency="USD")
    negative = ActualLabour(person="Fay", account="2100", hours=Decimal(-1), straight=usd(1))
    with pytest.raises(InputError, match="Fay"):
        hot_cost(day(4), (), (negative,), currency="USD")
