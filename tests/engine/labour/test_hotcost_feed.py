"""Labour into the hot cost: planned pay vs priced timecards, explained by reason."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.daypay import price_day
from lynchpin.engine.labour.hotcost_feed import labour_hot_cost
from lynchpin.engine.labour.model import Basis, Deal, Meal, Timecard
from lynchpin.engine.labour.planning import PlannedCall, price_planned_day
from lynchpin.engine.ledger.hotcost import ReasonKind
from lynchpin.engine.money import Money

DAY = date(2026, 3, 3)
IATSE = load_agreement("iatse-crew")
GRIP = Deal(person="Ana", position="Grip", agreement="iatse-crew",
            rate=Money(Decimal(50), "USD"), basis=Basis.HOURLY)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute)


def planned() -> PlannedCall:
    return PlannedCall(person="Ana", day=DAY, call=at(7), meals=(Meal(at(12), at(12, 30)),),
                       expected_wrap=at(17, 30))


def test_a_long_day_with_a_late_meal_is_explained_by_overtime_and_meal_penalties() -> None:
    plan = price_planned_day([planned()], {"Ana": GRIP}, {"iatse-crew": IATSE})
    card = Timecard(person="Ana", day=DAY, call=at(7), meals=(Meal(at(14), at(14, 30)),),
                    wrap=at(20, 30))
    actual = price_day(GRIP, card, IATSE)
    hot = labour_hot_cost(DAY, plan, [actual], accounts={"Ana": "2100"}, currency="USD")

    # 10 h planned at straight + 2 h overtime; 13 h worked: 5 h overtime; meal 2 h late.
    assert hot.budgeted == Money(Decimal("550"), "USD")
    assert hot.actual.amount == actual.total.amount
    assert hot.cost_of(ReasonKind.OVERTIME) == Money(Decimal(3 * 75), "USD")
    assert hot.cost_of(ReasonKind.MEAL_PENALTY).amount > 0
    explained = sum((r.cost.amount for r in hot.reasons), Decimal(0))
    assert explained == hot.actual.amount - hot.budgeted.amount


def test_pay_of_another_day_or_a_person_without_an_account_is_refused() -> None:
    plan = price_planned_day([planned()], {"Ana": GRIP}, {"iatse-crew": IATSE})
    with pytest.raises(InputError, match="not 2026-03-04"):
        labour_hot_cost(date(2026, 3, 4), plan, [], accounts={"Ana": "2100"}, currency="USD")
    with pytest.raises(InputError, match="no budget account for Ana"):
        labour_hot_cost(DAY, plan, [], accounts={}, currency="USD")
