"""A person's work week: day kinds, each day priced, weekly overtime, forced calls.

Semantics (issue 5, agreed in the labour brief):
- A work week starts on `agreement.workweek_start` (0 = Monday ... 6 = Sunday).
- Day kinds: a sixth (seventh) day is counted as the agreement says (`DayCounting`): the sixth
  (seventh) day *worked* in the work week, or the sixth (seventh) *consecutive* day worked
  within it (California: the seventh day of work in a workweek needs all seven days worked).
  A holiday worked (`Timecard.holiday`, or a date in `holidays`) is a HOLIDAY unless the
  worker's rules have no holiday bands while the day is also a sixth/seventh day with bands of
  its own (a California seventh day on a public holiday is paid as a seventh day).
- Weekly overtime (`WorkRules.weekly_overtime_after`): straight (1x) hours worked beyond the
  limit in the week, counted day by day in order, are promoted from STRAIGHT to
  WEEKLY_OVERTIME at the weekly multiplier: the straight line shrinks, so no hour is paid
  twice, and hours already at a premium (daily overtime, sixth/seventh day) neither count
  towards the limit nor are promoted. Guarantee top-ups and travel are not hours worked and
  never count.
- Rest: every broken rest before a day's call (including from `previous_end_of_duty`, the
  last end of duty of the week before) adds a FORCED_CALL line (`rest.forced_call_line`) and
  a Violation (``labour.rest.daily`` / ``labour.rest.weekend``) to that day's DayPay.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, DayCounting, WorkRules
from lynchpin.engine.labour.daypay import price_day
from lynchpin.engine.labour.model import DayKind, DayPay, Deal, PayKind, PayLine, Timecard, WeekPay
from lynchpin.engine.labour.rates import HourlyRates, hourly_rates
from lynchpin.engine.labour.rest import forced_call_line, rest_breaks, rest_violation

__all__ = [
    "WEEKLY_OVERTIME_RULE",
    "apply_weekly_overtime",
    "day_kinds",
    "price_week",
    "week_start",
]

WEEKLY_OVERTIME_RULE = "labour.weekly_overtime"
_ZERO = Decimal(0)


def week_start(day: date, agreement: Agreement) -> date:
    """The first day of the work week holding `day` (weeks start on agreement.workweek_start)."""
    return day - timedelta(days=(day.weekday() - agreement.workweek_start) % 7)


def _day_numbers(days: Sequence[date], agreement: Agreement) -> dict[date, int]:
    """Each worked day's count within its work week: the n-th worked day, or the length of
    the run of consecutive worked days it ends (`agreement.day_counting`)."""
    numbers: dict[date, int] = {}
    previous: date | None = None
    previous_week: date | None = None
    for day in days:  # sorted, distinct
        week = week_start(day, agreement)
        if previous is None or week != previous_week:
            numbers[day] = 1
        elif agreement.day_counting is DayCounting.WORKED:
            numbers[day] = numbers[previous] + 1
        else:
            numbers[day] = numbers[previous] + 1 if day - previous == timedelta(days=1) else 1
        previous, previous_week = day, week
    return numbers


def _kind(candidates: Sequence[DayKind], rules: WorkRules) -> DayKind:
    """The first candidate the rules have bands for; else the first candidate (paid on the
    regular bands); REGULAR when there are none."""
    for kind in candidates:
        if kind in rules.bands:
            return kind
    return candidates[0] if candidates else DayKind.REGULAR


def day_kinds(cards: Iterable[Timecard], agreement: Agreement,
              holidays: frozenset[date] = frozenset(), *,
              worker_class: str = "") -> dict[date, DayKind]:
    """The DayKind of every day `cards` (one person's, any number of weeks) were worked.

    See the module docstring for sixth/seventh-day counting and holidays; `worker_class`
    picks the rules whose bands decide between a holiday and a sixth/seventh day.
    """
    cards = tuple(cards)
    days = sorted({card.day for card in cards})
    holiday = {card.day for card in cards if card.holiday} | (set(days) & holidays)
    rules = agreement.rules_for(worker_class)
    kinds: dict[date, DayKind] = {}
    for day, number in _day_numbers(days, agreement).items():
        candidates = [DayKind.HOLIDAY] if day in holiday else []
        if number >= 7:
            candidates.append(DayKind.SEVENTH)
        elif number == 6:
            candidates.append(DayKind.SIXTH)
        kinds[day] = _kind(candidates, rules)
    return kinds


def _promote(line: PayLine, keep: Decimal, rules: WorkRules,
             rates: HourlyRates) -> list[PayLine]:
    """Split a STRAIGHT line: `keep` hours stay straight, the rest become weekly overtime."""
    moved = line.hours - keep
    multiplier = rules.weekly_overtime_multiplier
    weekly = PayLine(line.person, line.day, PayKind.WEEKLY_OVERTIME, moved, multiplier,
                     line.rate, rates.pay(moved, multiplier),
                     rules.weekly_overtime_rule or WEEKLY_OVERTIME_RULE,
                     rules.weekly_overtime_clause)
    if keep <= 0:
        return [weekly]
    return [replace(line, hours=keep, amount=rates.pay(keep, line.multiplier)), weekly]


def apply_weekly_overtime(days: Sequence[DayPay], deal: Deal,
                          agreement: Agreement) -> tuple[DayPay, ...]:
    """`days` (one person's week, in day order) with straight hours past the weekly limit
    promoted to WEEKLY_OVERTIME lines (module docstring). Unchanged when the worker's rules
    have no weekly limit. Raises InputError for a deal `rates.check_deal` refuses.
    """
    rules = agreement.rules_for(deal.performer_class)
    limit = rules.weekly_overtime_after
    if limit is None:
        return tuple(days)
    rates = hourly_rates(deal, agreement)
    counted = _ZERO
    result: list[DayPay] = []
    for day in days:
        lines: list[PayLine] = []
        for line in day.lines:
            if line.kind is not PayKind.STRAIGHT or line.hours <= 0:
                lines.append(line)
                continue
            keep = min(line.hours, max(limit - counted, _ZERO))
            counted += line.hours
            if keep == line.hours:
                lines.append(line)
            else:
                lines.extend(_promote(line, keep, rules, rates))
        changed = len(lines) != len(day.lines) or any(
            new is not old for new, old in zip(lines, day.lines, strict=True))
        result.append(replace(day, lines=tuple(lines)) if changed else day)
    return tuple(result)


def _check_week(cards: Sequence[Timecard], agreement: Agreement) -> None:
    """One person, one work week, one card a day; InputError naming the card otherwise."""
    first = cards[0]
    start = week_start(first.day, agreement)
    seen: set[date] = set()
    for card in cards:
        where = f"{card.day}.person"
        if card.person != first.person:
            raise InputError(f"{card.day}: a week's timecards must all be {first.person!r}'s",
                             source=card.person, field=where)
        if week_start(card.day, agreement) != start:
            raise InputError(f"{card.day}: not in the work week starting {start}",
                             source=card.person, field=f"{card.day}.day")
        if card.day in seen:
            raise InputError(f"{card.day}: a second timecard for the same day",
                             source=card.person, field=f"{card.day}.day")
        seen.add(card.day)


def _with_forced_calls(days: Sequence[DayPay], cards: Sequence[Timecard], deal: Deal,
                       agreement: Agreement, previous_end_of_duty: datetime | None,
                       previous_week_days: int | None) -> tuple[DayPay, ...]:
    """Each day whose call broke a rest gains its FORCED_CALL line and Violation."""
    by_day = {day.day: day for day in days}
    rates: HourlyRates | None = None
    for rest in rest_breaks(cards, agreement, previous_end_of_duty=previous_end_of_duty,
                            previous_week_days=previous_week_days):
        if not rest.broken:
            continue
        rates = rates or hourly_rates(deal, agreement)
        line = forced_call_line(deal, rest, agreement, rates=rates)
        day = by_day[rest.day]
        by_day[rest.day] = replace(
            day, lines=day.lines + ((line,) if line else ()),
            violations=(*day.violations, rest_violation(rest, line.amount if line else None)))
    return tuple(by_day[day.day] for day in days)


def price_week(deal: Deal, cards: Sequence[Timecard], agreement: Agreement, *,
               holidays: frozenset[date] = frozenset(),
               previous_end_of_duty: datetime | None = None,
               previous_week_days: int | None = None) -> WeekPay:
    """Price one person's work week: day kinds, each day (`daypay.price_day`), weekly
    overtime, then forced calls for broken rests (module docstring).

    `cards` are the person's timecards of one work week (any order); `previous_end_of_duty`
    is their last end of duty before the week and `previous_week_days` the number of days
    they worked in the week it closed (the weekend rest then applies to the first call; None:
    the daily rest). Raises InputError for no cards, cards of two people or two weeks, two
    cards on one day, an invalid card or deal; NotInForce when no rate table covers a day.
    """
    if not cards:
        raise InputError("a work week needs at least one timecard", source=deal.person)
    ordered = sorted(cards, key=lambda card: card.day)
    _check_week(ordered, agreement)
    kinds = day_kinds(ordered, agreement, holidays, worker_class=deal.performer_class)
    days = [price_day(deal, card, agreement, kind=kinds[card.day]) for card in ordered]
    weekly = apply_weekly_overtime(days, deal, agreement)
    priced = _with_forced_calls(weekly, ordered, deal, agreement, previous_end_of_duty,
                                previous_week_days)
    return WeekPay(person=ordered[0].person, week_start=week_start(ordered[0].day, agreement),
                   days=priced)
