"""Labour into the hot cost: a day's planned pay against its priced timecards.

The ledger's `hot_cost` takes plain figures per person (straight time, overtime, meal
penalties). This module turns the labour engine's `DayPay` values into them, so the hot cost
of a shoot day is computed from the call sheet as priced before the day (`planning
.price_planned_day`) and the timecards as priced after it (`daypay.price_day` or
`week.price_week`).

Which pay lines count as what (every line counts exactly once):
- overtime: OVERTIME, GOLDEN, WEEKLY_OVERTIME and FORCED_CALL (premiums the day's hours caused);
- meal penalties: MEAL_PENALTY (their number and amount);
- straight: every other line (STRAIGHT, GUARANTEE, FLAT, TRAVEL, KIT, ALLOWANCE).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.model import DayPay, PayKind
from lynchpin.engine.ledger.hotcost import ActualLabour, BudgetedLabour, HotCost, hot_cost
from lynchpin.engine.money import Money, total

__all__ = ["OVERTIME_KINDS", "actual_labour", "budgeted_labour", "labour_hot_cost"]

OVERTIME_KINDS = frozenset({PayKind.OVERTIME, PayKind.GOLDEN, PayKind.WEEKLY_OVERTIME,
                            PayKind.FORCED_CALL})


def _split(pay: DayPay) -> tuple[Money, Money, Money, int]:
    """(straight, overtime, meal penalties, number of penalties) of a day, exact."""
    currency = pay.currency
    overtime = [ln.amount for ln in pay.lines if ln.kind in OVERTIME_KINDS]
    penalties = [ln.amount for ln in pay.lines if ln.kind is PayKind.MEAL_PENALTY]
    straight = [ln.amount for ln in pay.lines
                if ln.kind not in OVERTIME_KINDS and ln.kind is not PayKind.MEAL_PENALTY]
    return (total(straight, currency), total(overtime, currency), total(penalties, currency),
            len(penalties))


def budgeted_labour(pay: DayPay, account: str) -> BudgetedLabour:
    """One person's planned day (priced from the call sheet) as the hot cost's budgeted day."""
    straight, overtime, penalties, _ = _split(pay)
    return BudgetedLabour(person=pay.person, account=account, hours=pay.worked_hours,
                          straight=straight + penalties, overtime=overtime)


def actual_labour(pay: DayPay, account: str) -> ActualLabour:
    """One person's priced timecard as the hot cost's actual day."""
    straight, overtime, penalties, count = _split(pay)
    overtime_hours = sum((ln.hours for ln in pay.lines if ln.kind in OVERTIME_KINDS),
                         start=pay.worked_hours * 0)
    return ActualLabour(person=pay.person, account=account, hours=pay.worked_hours,
                        straight=straight, overtime_hours=overtime_hours, overtime=overtime,
                        meal_penalties=count, meal_penalty_amount=penalties)


def labour_hot_cost(day: date, planned: Iterable[DayPay], actual: Iterable[DayPay], *,
                    accounts: Mapping[str, str], currency: str) -> HotCost:
    """The hot cost of `day`: planned pay (budgeted) against timecard pay (actual).

    `accounts` maps each person to the budget account their pay is charged to. Days of other
    dates are refused, as is a person with no account (InputError naming the person).
    A planned meal penalty is budgeted as straight time: the hot cost's meal-penalty reason
    then shows every penalty actually paid, as a production manager reads it.
    """
    def account(pay: DayPay, side: str) -> str:
        if pay.day != day:
            raise InputError(f"{side} pay of {pay.person} is for {pay.day}, not {day}",
                             source=pay.person)
        if pay.person not in accounts:
            raise InputError(f"no budget account for {pay.person}", source=pay.person)
        return accounts[pay.person]

    budgeted = [budgeted_labour(pay, account(pay, "planned")) for pay in planned]
    worked = [actual_labour(pay, account(pay, "timecard")) for pay in actual]
    return hot_cost(day, budgeted, worked, currency=currency)
