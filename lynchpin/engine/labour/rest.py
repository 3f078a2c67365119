"""Rest periods (turnaround): end of duty, the earliest penalty-free call, broken rests.

Semantics (issue 5, agreed in the labour brief):
- Duty runs from call less `travel_before` to wrap plus `travel_after` (travel is duty), so the
  rest between two days is measured from one day's end of duty to the next day's start of duty.
- After a day inside a work week the daily rest (`RestRule.daily_hours`) is owed. After the last
  day worked in a work week of n worked days, the weekend rest `weekend_hours[n]` is owed (plus
  the daily rest first when `weekend_adds_daily`); never less than the daily rest. A week length
  the agreement does not list: shorter than every listed length, the shortest length's rest (a
  four-day week, say with a holiday, earns the five-day week's weekend); between listed
  lengths, the nearest shorter one's; longer than every listed length, only the daily rest (a
  week worked through has no weekend: its sixth and seventh days are paid as such instead).
- Invaded hours are rounded up to the agreement's time increment, like worked time.
- Elapsed time between aware datetimes is real elapsed time (computed in UTC), so a rest across a
  daylight-saving change is measured correctly; naive datetimes are taken as wall-clock times.

What a broken rest costs (`forced_call_line`, a FORCED_CALL pay line on the day whose call broke
the rest) follows `agreement.rest.forced_call`: ``invaded_hours`` pays the invaded hours at
multiplier x the straight rate (under the agreement's rate rounding); ``day_rate_capped`` pays the
lesser of the deal's day rate and the rate table's forced-call cap on that day; ``none`` pays
nothing. The day rate of a daily or flat deal is its rate, of a weekly deal a fifth of it, of an
hourly deal the rate x the day's guaranteed hours (the minimum call, or 8 when there is none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from lynchpin.engine.errors import InputError, Severity, Violation
from lynchpin.engine.labour.agreement import Agreement, ForcedCallKind, RestRule
from lynchpin.engine.labour.model import Basis, Deal, PayKind, PayLine, Timecard
from lynchpin.engine.labour.rates import (
    DEFAULT_DAY_HOURS,
    HourlyRates,
    day_guarantee,
    hourly_rates,
)
from lynchpin.engine.money import Money

__all__ = [
    "DAILY_RULE",
    "WEEKEND_RULE",
    "RestBreak",
    "day_rate",
    "earliest_call",
    "end_of_duty",
    "forced_call_line",
    "rest_breaks",
    "rest_owed",
    "rest_violation",
    "start_of_duty",
]

DAILY_RULE = "labour.rest.daily"
WEEKEND_RULE = "labour.rest.weekend"
_SECONDS_AN_HOUR = Decimal(3600)


@dataclass(frozen=True, slots=True)
class RestBreak:
    """One rest period (turnaround) before a day's call, and how much of it was invaded.

    `day` is the day whose call ended the rest (where a forced call is paid); `rule` is
    ``labour.rest.daily`` or ``labour.rest.weekend`` and `clause` the agreement's citation.
    Hours are Decimal: `owed_hours` from the agreement, `given_hours` the elapsed time from
    `rested_from` (end of duty) to `called_at` (start of duty), `invaded_hours` =
    owed - given rounded up to the time increment, 0 when the rest was respected.
    """

    person: str
    day: date
    rule: str
    owed_hours: Decimal
    given_hours: Decimal
    invaded_hours: Decimal
    clause: str = ""
    rested_from: datetime | None = None
    called_at: datetime | None = None

    @property
    def broken(self) -> bool:
        """True when some of the rest owed was not given."""
        return self.invaded_hours > 0


def _duration(hours: Decimal) -> timedelta:
    """Decimal hours as a timedelta, to the microsecond."""
    micro = (hours * 3_600_000_000).to_integral_value(ROUND_HALF_UP)
    return timedelta(microseconds=int(micro))


def _later(moment: datetime, delta: timedelta) -> datetime:
    """`moment` + `delta` of real elapsed time (through UTC when `moment` is aware)."""
    if moment.tzinfo is None:
        return moment + delta
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def _elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time from `start` to `end`; InputError when one is aware and the other naive."""
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise InputError(f"cannot compare {start} with {end}: times must all carry a time "
                         "zone or none may", field="call")
    if start.tzinfo is None:
        return end - start
    return end.astimezone(UTC) - start.astimezone(UTC)


def end_of_duty(card: Timecard) -> datetime:
    """Wrap plus travel after wrap: where the rest period (turnaround) starts."""
    return _later(card.wrap, _duration(card.travel_after))


def start_of_duty(card: Timecard) -> datetime:
    """Call less travel before call: where the rest period before the day ends."""
    return _later(card.call, -_duration(card.travel_before))


def _weekend_hours(rest: RestRule, days_worked: int) -> Decimal | None:
    """The weekend rest after a week of `days_worked` days (None: none is owed)."""
    if not rest.weekend_hours:
        return None
    lengths = sorted(rest.weekend_hours)
    if days_worked > lengths[-1]:
        return None
    not_longer = [length for length in lengths if length <= days_worked]
    return rest.weekend_hours[not_longer[-1] if not_longer else lengths[0]]


def rest_owed(rest: RestRule, *, weekend_after_days: int | None = None) -> tuple[str, Decimal]:
    """(rule id, hours) of the rest owed after a day.

    `weekend_after_days` None: the daily rest. Otherwise the day is the last of a work week of
    that many worked days and the weekend rest applies (see the module docstring); when the
    agreement owes no weekend rest after such a week, the daily rest.
    """
    if weekend_after_days is None:
        return DAILY_RULE, rest.daily_hours
    weekend = _weekend_hours(rest, weekend_after_days)
    if weekend is None:
        return DAILY_RULE, rest.daily_hours
    if rest.weekend_adds_daily:
        weekend += rest.daily_hours
    return WEEKEND_RULE, max(weekend, rest.daily_hours)


def earliest_call(end: datetime, rest: RestRule, *,
                  weekend_after_days: int | None = None) -> datetime:
    """The earliest start of duty after end of duty `end` that breaks no rest.

    With `weekend_after_days` the weekend rest after a week of that many worked days applies,
    otherwise the daily rest. E.g. UK (11 h daily + 48 h weekend): end Friday 20:00 -> Monday
    07:00. The result is in `end`'s time zone (real elapsed hours when `end` is aware).
    """
    _, hours = rest_owed(rest, weekend_after_days=weekend_after_days)
    return _later(end, _duration(hours))


def _week_of(day: date, agreement: Agreement) -> date:
    # The same rule as week.week_start (kept here too: week.py imports this module).
    return day - timedelta(days=(day.weekday() - agreement.workweek_start) % 7)


def _round_up(hours: Decimal, increment_minutes: int) -> Decimal:
    """`hours` rounded up to whole increments (the unit worked time is paid in)."""
    if hours <= 0:
        return Decimal(0)
    unit = Decimal(increment_minutes) / 60
    return (hours / unit).to_integral_value(ROUND_CEILING) * unit


def _measure(agreement: Agreement, card: Timecard, rested_from: datetime,
             weekend_after_days: int | None) -> RestBreak:
    """The rest from `rested_from` to `card`'s start of duty, against what is owed."""
    called_at = start_of_duty(card)
    gap = _elapsed(rested_from, called_at)
    if gap < timedelta(0):
        raise InputError(f"{card.day}: duty starts at {called_at:%Y-%m-%d %H:%M}, before the "
                         f"previous end of duty {rested_from:%Y-%m-%d %H:%M}",
                         source=card.person, field=f"{card.day}.call")
    rule, owed = rest_owed(agreement.rest, weekend_after_days=weekend_after_days)
    given = Decimal(round(gap.total_seconds())) / _SECONDS_AN_HOUR
    clause = agreement.rest.weekend_clause if rule == WEEKEND_RULE else agreement.rest.daily_clause
    return RestBreak(
        person=card.person, day=card.day, rule=rule, owed_hours=owed, given_hours=given,
        invaded_hours=_round_up(owed - given, agreement.time_increment_minutes),
        clause=clause, rested_from=rested_from, called_at=called_at,
    )


def rest_breaks(cards: Sequence[Timecard], agreement: Agreement, *,
                previous_end_of_duty: datetime | None = None,
                previous_week_days: int | None = None) -> tuple[RestBreak, ...]:
    """Every rest period between the consecutive duty days of one person, in order.

    `cards` may span several work weeks (weeks start on `agreement.workweek_start`); a rest
    that crosses into a new work week is a weekend rest after a week of as many worked days as
    `cards` hold in the earlier week. `previous_end_of_duty` (the end of duty before the first
    card) adds the rest before the first card: a weekend rest after a week of
    `previous_week_days` worked days when that is given, else a daily rest. Respected rests are
    returned too (invaded_hours 0). Raises InputError when a duty starts before the previous
    one ended, or aware and naive times are mixed.
    """
    ordered = sorted(cards, key=lambda card: (card.day, card.call))
    weeks = [_week_of(card.day, agreement) for card in ordered]
    days_in_week: dict[date, set[date]] = {}
    for card, week in zip(ordered, weeks, strict=True):
        days_in_week.setdefault(week, set()).add(card.day)
    breaks: list[RestBreak] = []
    if previous_end_of_duty is not None and ordered:
        breaks.append(_measure(agreement, ordered[0], previous_end_of_duty, previous_week_days))
    for index in range(1, len(ordered)):
        week = weeks[index - 1]
        weekend = None if week == weeks[index] else len(days_in_week[week])
        breaks.append(_measure(agreement, ordered[index], end_of_duty(ordered[index - 1]),
                               weekend))
    return tuple(breaks)


def day_rate(deal: Deal, agreement: Agreement) -> Money:
    """What one day of `deal` is worth for a day-rate forced call (module docstring).

    Raises InputError for a deal `rates.check_deal` refuses.
    """
    if deal.basis in (Basis.DAILY, Basis.FLAT):
        return deal.rate
    if deal.basis == Basis.WEEKLY:
        return Money(deal.rate.amount / 5, deal.rate.currency)
    hours, _ = day_guarantee(deal, agreement)
    return hourly_rates(deal, agreement).pay(hours or DEFAULT_DAY_HOURS, Decimal(1))


def forced_call_line(deal: Deal, rest: RestBreak, agreement: Agreement, *,
                     rates: HourlyRates | None = None) -> PayLine | None:
    """The FORCED_CALL pay line a broken rest costs under the agreement (module docstring),
    dated on the day whose call broke it; None when the rest was kept or nothing is owed.
    `rates` are the deal's `rates.hourly_rates` when the caller has them already.

    Raises InputError for a deal `rates.check_deal` refuses and NotInForce when no rate table
    covers the day (day-rate-capped kind).
    """
    forced = agreement.rest.forced_call
    if not rest.broken or forced.kind is ForcedCallKind.NONE:
        return None
    if forced.kind is ForcedCallKind.INVADED_HOURS:
        rates = rates or hourly_rates(deal, agreement)
        return PayLine(rest.person, rest.day, PayKind.FORCED_CALL, rest.invaded_hours,
                       forced.multiplier, rates.straight,
                       rates.pay(rest.invaded_hours, forced.multiplier), forced.rule,
                       forced.clause)
    amount = day_rate(deal, agreement)
    cap = agreement.table_on(rest.day).forced_call_cap
    if cap is not None and cap < amount:
        amount = cap
    return PayLine(rest.person, rest.day, PayKind.FORCED_CALL, Decimal(0), Decimal(1), amount,
                   amount, forced.rule, forced.clause)


def _hours(value: Decimal) -> str:
    """Hours for a message: at most two decimals, no trailing zeros ("10", "8.5")."""
    text = f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def rest_violation(rest: RestBreak, cost: Money | None, *,
                   severity: Severity = Severity.WARNING) -> Violation:
    """The Violation for a broken rest: who, which rest, hours owed/given/invaded, the
    earliest call that would have kept it, and what it costs (`cost` None: nothing owed)."""
    kind = "weekend" if rest.rule == WEEKEND_RULE else "daily"
    message = (f"{rest.person}: call on {rest.day} invades the {_hours(rest.owed_hours)} h "
               f"{kind} rest by {_hours(rest.invaded_hours)} h "
               f"({_hours(rest.given_hours)} h given")
    if rest.rested_from is not None:
        earliest = _later(rest.rested_from, _duration(rest.owed_hours))
        message += (f" after end of duty {rest.rested_from:%a %Y-%m-%d %H:%M}; earliest "
                    f"penalty-free call {earliest:%a %Y-%m-%d %H:%M}")
    message += ")"
    message += f"; forced call {cost}" if cost is not None else "; no forced-call pay is owed"
    return Violation(rest.rule, severity, message, reference=f"{rest.person} {rest.day}")
