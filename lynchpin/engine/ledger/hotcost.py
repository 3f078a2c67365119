"""Hot cost: one shoot day's actual labour (from timecards) against the budgeted day.

Inputs are plain values: per person, the budgeted day (straight time and any budgeted
overtime) and the actual day (hours, overtime hours, meal penalties and their amounts).
The difference is explained by reasons whose costs add up exactly to actual - budgeted:

- ``overtime``: actual overtime amount - budgeted overtime amount, per person;
- ``meal_penalty``: meal penalty amounts (never budgeted);
- ``extra_crew``: the whole day of a person who worked but was not in the budgeted day;
- ``crew_not_called``: minus the budgeted day of a person who did not work;
- ``rate_or_hours``: the rest of the straight-time difference (other rates or hours).

A reason's `cost` is positive when it added cost. The day's `variance` = budgeted - actual
follows the cost report's sign (positive = under budget); `SIGN_CONVENTION` says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money, total

__all__ = [
    "SIGN_CONVENTION",
    "ActualLabour",
    "BudgetedLabour",
    "HotCost",
    "HotCostReason",
    "ReasonKind",
    "hot_cost",
]

SIGN_CONVENTION = "Variance = budgeted - actual: positive is under budget, negative is over."


class ReasonKind(StrEnum):
    """Why a day's labour differs from its budget."""

    OVERTIME = "overtime"
    MEAL_PENALTY = "meal_penalty"
    EXTRA_CREW = "extra_crew"
    CREW_NOT_CALLED = "crew_not_called"
    RATE_OR_HOURS = "rate_or_hours"


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetedLabour:
    """One person's budgeted day: straight time amount plus any budgeted overtime amount."""

    person: str
    account: str
    hours: Decimal
    straight: Money
    overtime: Money | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActualLabour:
    """One person's actual day from the timecard (hours in decimal hours)."""

    person: str
    account: str
    hours: Decimal
    straight: Money
    overtime_hours: Decimal = Decimal(0)
    overtime: Money | None = None
    meal_penalties: int = 0
    meal_penalty_amount: Money | None = None

    def amount(self) -> Money:
        """Straight + overtime + meal penalties."""
        parts = [self.straight, self.overtime, self.meal_penalty_amount]
        return total([p for p in parts if p is not None], self.straight.currency)


@dataclass(frozen=True, slots=True)
class HotCostReason:
    """One explained part of the difference; `cost` > 0 means it added cost."""

    kind: ReasonKind
    person: str
    cost: Money
    detail: str


@dataclass(frozen=True, slots=True)
class HotCost:
    """A day's hot cost: totals, variance (budgeted - actual) and the reasons."""

    day: date
    budgeted: Money
    actual: Money
    reasons: tuple[HotCostReason, ...]
    sign_convention: str = SIGN_CONVENTION

    @property
    def variance(self) -> Money:
        """Budgeted - actual: positive is under budget."""
        return self.budgeted - self.actual

    def cost_of(self, kind: ReasonKind) -> Money:
        """Sum of the reasons of `kind` (positive = added cost)."""
        return total([r.cost for r in self.reasons if r.kind is kind], self.budgeted.currency)


def hot_cost(
    day: date, budgeted: Iterable[BudgetedLabour], actual: Iterable[ActualLabour], *, currency: str
) -> HotCost:
    """The hot cost of `day`. Raises InputError for a person listed twice on one side, an
    amount in another currency, or negative hours or amounts."""
    plan = _by_person(budgeted, "budgeted day")
    worked = _by_person(actual, "timecards")
    _check_amounts(plan.values(), worked.values(), currency)
    zero = Money.zero(currency)
    reasons = tuple(_reasons(plan, worked, zero))
    budget_total = total([_budgeted_amount(b, zero) for b in plan.values()], currency)
    actual_total = total([a.amount() for a in worked.values()], currency)
    return HotCost(day, budget_total, actual_total, reasons)


def _budgeted_amount(line: BudgetedLabour, zero: Money) -> Money:
    return line.straight + (line.overtime or zero)


def _by_person(lines: Iterable[_Line], source: str) -> dict[str, _Line]:
    result: dict[str, _Line] = {}
    for line in lines:
        if line.person in result:
            raise InputError("person listed twice", source=source, field=line.person)
        result[line.person] = line
    return result


_Line = TypeVar("_Line", BudgetedLabour, ActualLabour)


def _check_amounts(
    plan: Iterable[BudgetedLabour], worked: Iterable[ActualLabour], currency: str
) -> None:
    lines: list[BudgetedLabour | ActualLabour] = [*plan, *worked]
    for line in lines:
        amounts: list[Money | None] = [line.straight, line.overtime]
        if isinstance(line, ActualLabour):
            amounts.append(line.meal_penalty_amount)
            if line.overtime_hours < 0 or line.meal_penalties < 0:
                raise InputError(
                    "negative overtime or meal penalties", source="timecards", field=line.person
                )
        if line.hours < 0 or any(a is not None and a.amount < 0 for a in amounts):
            raise InputError("negative hours or amount", source="hot cost", field=line.person)
        if any(a is not None and a.currency != currency for a in amounts):
            raise InputError(f"amount not in {currency}", source="hot cost", field=line.person)


def _reasons(
    plan: dict[str, BudgetedLabour], worked: dict[str, ActualLabour], zero: Money
) -> Iterator[HotCostReason]:
    for person, done in worked.items():
        planned = plan.get(person)
        if planned is None:
            yield HotCostReason(
                ReasonKind.EXTRA_CREW,
                person,
                done.amount(),
                f"{done.hours} h worked, not in the budgeted day",
            )
        else:
            yield from _person_reasons(planned, done, zero)
    for person, planned in plan.items():
        if person not in worked:
            yield HotCostReason(
                ReasonKind.CREW_NOT_CALLED,
                person,
                -_budgeted_amount(planned, zero),
                "budgeted, did not work",
            )


def _person_reasons(
    planned: BudgetedLabour, done: ActualLabour, zero: Money
) -> Iterator[HotCostReason]:
    overtime = (done.overtime or zero) - (planned.overtime or zero)
    if overtime:
        yield HotCostReason(
            ReasonKind.OVERTIME, done.person, overtime, f"{done.overtime_hours} h overtime"
        )
    if done.meal_penalty_amount:
        yield HotCostReason(
            ReasonKind.MEAL_PENALTY,
            done.person,
            done.meal_penalty_amount,
            f"{done.meal_penalties} meal penalties",
        )
    straight = done.straight - planned.straight
    if straight:
        yield HotCostReason(
            ReasonKind.RATE_OR_HOURS,
            done.person,
            straight,
            f"{done.hours} h worked against {planned.hours} h budgeted",
        )
