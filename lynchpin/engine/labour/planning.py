"""Planned days: the pay and violations a call sheet will cause, before the day is shot.

A `PlannedCall` is one person's line of a call sheet (call, planned meals, expected wrap,
travel after wrap). It is priced exactly as a timecard would be (`daypay.price_day`, plus a
forced call when the call invades the rest after `previous_end_of_duty`), and each problem is
the WARNING `Violation` the day's pricing reports, naming the person and the projected cost:

- ``labour.meal_penalty``: the planned meals (or their absence) incur meal penalties;
- ``labour.golden_hours``: the expected wrap runs into golden hours;
- ``labour.rest.daily`` / ``labour.rest.weekend``: the call comes before the rest since the
  person's last end of duty is over (with the earliest penalty-free call in the message);
- ``labour.ndb``: a planned breakfast that will not count as non-deductible.

`project_day_cost` is the projected labour cost of the day for the budget and the hot cost
report: each person's day total (rounded once per person, as it will be paid) summed.
A planned day is a regular day unless the call says otherwise (`PlannedCall.kind`): which day
of the week it will be is the caller's knowledge (see `week.day_kinds`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType

from lynchpin.engine.errors import InputError, Violation
from lynchpin.engine.labour.agreement import Agreement
from lynchpin.engine.labour.daypay import price_day
from lynchpin.engine.labour.model import DayKind, DayPay, Deal, Meal, Timecard
from lynchpin.engine.labour.rest import forced_call_line, rest_breaks, rest_violation
from lynchpin.engine.money import Money, total

__all__ = [
    "PlannedCall",
    "check_planned_day",
    "price_planned_day",
    "project_day_cost",
]

_NO_ENDS: Mapping[str, datetime] = MappingProxyType({})
_NO_WEEKS: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class PlannedCall:
    """One person's planned day: call, planned meals, expected wrap, travel after wrap (hours).

    `kind` is the day's kind when the caller knows it is a sixth or seventh day or a holiday.
    """

    person: str
    day: date
    call: datetime
    meals: tuple[Meal, ...]
    expected_wrap: datetime
    travel_after: Decimal = Decimal(0)
    kind: DayKind = DayKind.REGULAR

    def timecard(self) -> Timecard:
        """The timecard this call gives if the day is shot as planned."""
        return Timecard(person=self.person, day=self.day, call=self.call,
                        wrap=self.expected_wrap, meals=self.meals,
                        travel_after=self.travel_after, holiday=self.kind is DayKind.HOLIDAY)


def _terms(call: PlannedCall, deals: Mapping[str, Deal],
           agreements: Mapping[str, Agreement]) -> tuple[Deal, Agreement]:
    """The person's deal and its agreement; InputError naming the person and day if missing."""
    deal = deals.get(call.person)
    if deal is None:
        raise InputError(f"{call.day}: no deal for {call.person!r}", source=call.person,
                         field=f"{call.day}.person")
    agreement = agreements.get(deal.agreement)
    if agreement is None:
        raise InputError(f"{call.day}: unknown agreement {deal.agreement!r}",
                         source=call.person, field=f"{call.day}.agreement")
    return deal, agreement


def _price(call: PlannedCall, deal: Deal, agreement: Agreement,
           previous_end: datetime | None, previous_week_days: int | None) -> DayPay:
    """The planned day's pay, with a forced call and its Violation if the rest is broken."""
    card = call.timecard()
    pay = price_day(deal, card, agreement, kind=call.kind)
    if previous_end is None:
        return pay
    (rest,) = rest_breaks([card], agreement, previous_end_of_duty=previous_end,
                          previous_week_days=previous_week_days)
    if not rest.broken:
        return pay
    line = forced_call_line(deal, rest, agreement)
    return replace(pay, lines=pay.lines + ((line,) if line else ()),
                   violations=(*pay.violations,
                               rest_violation(rest, line.amount if line else None)))


def price_planned_day(calls: Sequence[PlannedCall], deals: Mapping[str, Deal],
                      agreements: Mapping[str, Agreement], *,
                      previous_end_of_duty: Mapping[str, datetime] = _NO_ENDS,
                      previous_week_days: Mapping[str, int] = _NO_WEEKS,
                      ) -> tuple[DayPay, ...]:
    """Each planned call priced as its timecard would be, in the order given.

    `previous_end_of_duty` maps a person to their last end of duty (the rest before the call
    is checked only for people in it); `previous_week_days` maps a person to the days worked
    in the week that end of duty closed (a weekend rest is then owed; else the daily rest).
    Raises InputError for a person with no deal, an unknown agreement, a second call for a
    person, an invalid planned card or deal; NotInForce when no rate table covers the day.
    """
    seen: set[str] = set()
    priced: list[DayPay] = []
    for call in calls:
        if call.person in seen:
            raise InputError(f"{call.day}: a second planned call for {call.person!r}",
                             source=call.person, field=f"{call.day}.person")
        seen.add(call.person)
        deal, agreement = _terms(call, deals, agreements)
        priced.append(_price(call, deal, agreement, previous_end_of_duty.get(call.person),
                             previous_week_days.get(call.person)))
    return tuple(priced)


def check_planned_day(calls: Sequence[PlannedCall], deals: Mapping[str, Deal],
                      agreements: Mapping[str, Agreement], *,
                      previous_end_of_duty: Mapping[str, datetime] = _NO_ENDS,
                      previous_week_days: Mapping[str, int] = _NO_WEEKS,
                      ) -> tuple[Violation, ...]:
    """Every meal penalty, golden hour and broken rest the planned calls will cause, each a
    WARNING naming the person and the projected cost, in call order (as `daypay.price_day`
    reports a day's meals, golden hours and a breakfast that is no NDB, then the rest).

    Arguments and errors as `price_planned_day`.
    """
    pays = price_planned_day(calls, deals, agreements,
                             previous_end_of_duty=previous_end_of_duty,
                             previous_week_days=previous_week_days)
    return tuple(violation for pay in pays for violation in pay.violations)


def project_day_cost(calls: Sequence[PlannedCall], deals: Mapping[str, Deal],
                     agreements: Mapping[str, Agreement], *,
                     previous_end_of_duty: Mapping[str, datetime] = _NO_ENDS,
                     previous_week_days: Mapping[str, int] = _NO_WEEKS,
                     ) -> Money:
    """Projected labour cost of the planned day: every person's day total (each rounded once,
    as paid) including forced calls, summed. Zero in the first deal's currency (USD when
    there are no deals) for no calls. Arguments and errors as `price_planned_day`; mixing
    currencies raises CurrencyMismatch.
    """
    pays = price_planned_day(calls, deals, agreements,
                             previous_end_of_duty=previous_end_of_duty,
                             previous_week_days=previous_week_days)
    if not pays:
        first = next(iter(deals.values()), None)
        return Money.zero(first.rate.currency if first else "USD")
    return total(tuple(pay.total for pay in pays), pays[0].total.currency)
