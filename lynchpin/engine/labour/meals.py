"""Meal penalties: when each meal fell due, how late it was, what that costs.

Only deductible meals (see `worktime`) stop the clock. Two bases (`MealRule.basis`):

- ELAPSED (union agreements): the first meal is due `first_due_hours` after call, or after
  the end of a non-deductible breakfast taken within `ndb_window_hours` of call and lasting at
  most `ndb_max_minutes`; each next meal is due `next_due_hours` after the previous meal
  ends. Every started `penalty_period_minutes` from the due time until the meal starts (or
  until wrap, when no meal came) is one penalty period; period n of a meal costs
  `table_on(day).meal_penalty(n)`, n restarting at 1 for each meal.
- WORKED (California Labor Code 512): meal k must start by the end of worked hour
  first + (k - 1) x next (5 and 10); it is owed only when the day's worked time exceeds
  that threshold, so 9:00-12:00, 12:45-18:45 (9 h worked) owes no second meal. Waivers by
  mutual consent (days of at most 6 or 12 hours) are not on a timecard and are not assumed.

Penalty kinds: ESCALATING pays one MEAL_PENALTY line per period (`hours` 0, `rate` and
`amount` the period's amount); PREMIUM_HOUR pays one hour at the straight rate, at most once a
day however many meals were late (Labor Code 226.7). Each late meal is also a WARNING
`Violation` (rule ``labour.meal_penalty``) whose message states what it costs; an NDB that
cannot reset the clock is a WARNING (rule ``labour.ndb``).

`assess_meals` computes lines and violations together; `meal_penalties` and
`meal_violations` return one half each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from lynchpin.engine.errors import InputError, Severity, Violation
from lynchpin.engine.labour.agreement import Agreement, MealBasis, MealPenaltyKind, MealRule
from lynchpin.engine.labour.model import Deal, MealKind, PayKind, PayLine, Timecard
from lynchpin.engine.labour.rates import hourly_rates
from lynchpin.engine.labour.worktime import WorkedTime, clock_at, hours_delta, offset, span
from lynchpin.engine.money import Money

__all__ = [
    "LateMeal",
    "MealAssessment",
    "assess_meals",
    "late_meals",
    "meal_penalties",
    "meal_violations",
]

_ZERO = Decimal(0)
_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class LateMeal:
    """Meal `number` (1-based) of the day, late by `late` (> 0): `due` and `started` are
    offsets from call (None: no meal before wrap); `periods` are the started penalty periods.
    Under the WORKED basis `worked_due` is the worked-time threshold it missed."""

    number: int
    due: timedelta
    started: timedelta | None
    late: timedelta
    periods: int
    worked_due: Decimal | None = None


@dataclass(frozen=True, slots=True)
class MealAssessment:
    """A day's meal penalty lines and meal violations."""

    lines: tuple[PayLine, ...]
    violations: tuple[Violation, ...]


def _periods(late: timedelta, rule: MealRule) -> int:
    """Started penalty periods in `late` (> 0); at least one when the rule sets no period
    (a premium-hour rule need not)."""
    if rule.penalty_period_minutes < 1:
        return 1
    return -(-late // timedelta(minutes=rule.penalty_period_minutes))


def _late_elapsed(card: Timecard, worked: WorkedTime, rule: MealRule) -> list[LateMeal]:
    """Late meals by the clock: each meal's start (or wrap, for the meal that never came)
    against its due time, the due time moving on from the end of each meal."""
    due = hours_delta(rule.first_due_hours)
    if worked.ndb is not None:
        due += offset(card, worked.ndb.back)
    found: list[LateMeal] = []
    for number, meal in enumerate((*worked.meal_breaks, None), start=1):
        start = offset(card, card.wrap if meal is None else meal.out)
        if start > due:
            found.append(LateMeal(number, due, None if meal is None else start, start - due,
                                  _periods(start - due, rule)))
        if meal is not None:
            due = offset(card, meal.back) + hours_delta(rule.next_due_hours)
    return found


def _clock_of(card: Timecard, worked: WorkedTime, threshold: Decimal) -> timedelta:
    """Offset from call at which worked time reached `threshold` hours (meals stop it)."""
    due = hours_delta(threshold)
    for meal in worked.meal_breaks:
        if offset(card, meal.out) >= due:
            break
        due += span(card, meal)
    return due


def _late_worked(card: Timecard, worked: WorkedTime, rule: MealRule) -> list[LateMeal]:
    """Late meals by worked hours: meal k late when worked time at its start (or at wrap,
    when it never came) passed threshold k; `due` is where that threshold fell on the clock."""
    found: list[LateMeal] = []
    breaks = timedelta(0)
    for number, meal in enumerate((*worked.meal_breaks, None), start=1):
        threshold = rule.first_due_hours + (number - 1) * rule.next_due_hours
        moment = card.wrap if meal is None else meal.out
        late = offset(card, moment) - breaks - hours_delta(threshold)
        if late > timedelta(0):
            started = None if meal is None else offset(card, meal.out)
            found.append(LateMeal(number, _clock_of(card, worked, threshold), started, late,
                                  _periods(late, rule), threshold))
        breaks += span(card, meal) if meal is not None else timedelta(0)
    return found


def late_meals(card: Timecard, worked: WorkedTime, agreement: Agreement) -> tuple[LateMeal, ...]:
    """The day's late (or missing) meals under the agreement's meal basis, in order."""
    if agreement.meals.basis == MealBasis.WORKED:
        return tuple(_late_worked(card, worked, agreement.meals))
    return tuple(_late_elapsed(card, worked, agreement.meals))


def _line(card: Timecard, rule: MealRule, amount: Money, rate: Money,
          multiplier: Decimal) -> PayLine:
    return PayLine(card.person, card.day, PayKind.MEAL_PENALTY, _ZERO, multiplier, rate,
                   amount, rule.rule, rule.clause)


def _costs(card: Timecard, late: tuple[LateMeal, ...], deal: Deal,
           agreement: Agreement) -> list[tuple[PayLine, ...]]:
    """Pay lines of each late meal, in the same order (empty for a premium hour already paid)."""
    rule = agreement.meals
    if rule.penalty_kind == MealPenaltyKind.PREMIUM_HOUR:
        hour = hourly_rates(deal, agreement).at(_ONE)
        return [(_line(card, rule, hour, hour, _ONE),) if index == 0 else ()
                for index in range(len(late))]
    table = agreement.table_on(card.day)
    if late and not table.meal_penalties:
        raise InputError("escalating meal penalties but the rate table lists no amounts",
                         source=agreement.id, field=f"rate_tables[{table.effective}]")
    amounts = table.meal_penalties
    return [tuple(_line(card, rule, amount, amount, _ONE)
                  for amount in (amounts[min(n, len(amounts)) - 1]
                                 for n in range(1, meal.periods + 1)))
            for meal in late]


def _describe(card: Timecard, meal: LateMeal) -> str:
    due = clock_at(card, meal.due).strftime("%H:%M")
    if meal.worked_due is not None:
        due = f"by the end of worked hour {meal.worked_due} ({due})"
    else:
        due = f"at {due}"
    taken = ("not taken before wrap" if meal.started is None
             else f"started {clock_at(card, meal.started):%H:%M}")
    minutes = meal.late // timedelta(minutes=1)
    return f"meal {meal.number} due {due}, {taken}: {minutes} min late"


def _violation(card: Timecard, meal: LateMeal, lines: tuple[PayLine, ...],
               kind: MealPenaltyKind, currency: str) -> Violation:
    cost = Money(sum((line.amount.amount for line in lines), _ZERO), currency)  # printed rounded
    if kind == MealPenaltyKind.PREMIUM_HOUR:
        what = (f"one premium hour, {cost}" if lines
                else "no further premium (one premium hour a day)")
    else:
        what = f"{meal.periods} penalty period{'s' if meal.periods != 1 else ''}, {cost}"
    return Violation("labour.meal_penalty", Severity.WARNING,
                     f"{card.person} {card.day}: {_describe(card, meal)}; {what}",
                     reference=f"{card.person} {card.day} meal {meal.number}")


def _ndb_warnings(card: Timecard, worked: WorkedTime, rule: MealRule) -> tuple[Violation, ...]:
    for index, meal in enumerate(card.meals):
        if meal.kind == MealKind.NDB and worked.ndb is None:
            return (Violation(
                "labour.ndb", Severity.WARNING,
                f"{card.person} {card.day}: breakfast at {meal.out:%H:%M} is not a "
                f"non-deductible breakfast (it must start within {rule.ndb_window_hours} h of "
                f"call, last at most {rule.ndb_max_minutes} min and come before any meal): "
                "paid as work, the meal clock runs on",
                reference=f"{card.person} {card.day} meals[{index}]"),)
    return ()


def assess_meals(card: Timecard, worked: WorkedTime, deal: Deal,
                 agreement: Agreement) -> MealAssessment:
    """Meal penalty lines and violations of one day (`worked` from `worked_time(card, ...)`).

    Raises NotInForce when no rate table covers the day and a penalty is owed, InputError for
    a deal `rates.check_deal` refuses or escalating penalties with no amounts in the table.
    """
    late = late_meals(card, worked, agreement)
    costs = _costs(card, late, deal, agreement)
    kind = agreement.meals.penalty_kind
    violations = tuple(_violation(card, meal, lines, kind, agreement.currency)
                       for meal, lines in zip(late, costs, strict=True))
    return MealAssessment(tuple(line for lines in costs for line in lines),
                          violations + _ndb_warnings(card, worked, agreement.meals))


def meal_penalties(card: Timecard, worked: WorkedTime, deal: Deal,
                   agreement: Agreement) -> tuple[PayLine, ...]:
    """The day's MEAL_PENALTY pay lines (see `assess_meals`)."""
    return assess_meals(card, worked, deal, agreement).lines


def meal_violations(card: Timecard, worked: WorkedTime, deal: Deal,
                    agreement: Agreement) -> tuple[Violation, ...]:
    """The day's meal violations, each stating its cost (see `assess_meals`)."""
    return assess_meals(card, worked, deal, agreement).violations
