"""Timecard rows <-> the labour engine's values, and a person's week priced by the engine.

- `DayEntry` is one day as people enter it (aware datetimes in the production's time zone);
  `entry_values` turns it into `Timecard` column values, `entry_from_row` back again, and
  `engine_card` into the engine's `Timecard`.
- `local_moment` reads a clock time typed on a page ("19:30") as a moment on the day, rolling
  past midnight when it is not after the previous time of the day (a wrap at 02:00).
- `price_rows` prices a person's week with `week.price_week`, passing the end of duty and
  the number of days of the person's previous timecard week (for the rest before the first
  call). Pay is computed on every read and never stored as truth.

Times are stored in UTC and read in the production's time zone (`production_zone`), which
is the zone the engine sees, so a rest across a daylight-saving change is real elapsed time.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from lynchpin.core.errors import Invalid
from lynchpin.engine.labour import model as labour
from lynchpin.engine.labour.agreement import Agreement
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.rest import end_of_duty
from lynchpin.engine.labour.week import price_week, week_start
from lynchpin.people.adapters import deal_from_memo
from lynchpin.people.models import DealMemo, Engagement, Timecard, TimecardWeek

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "UTC_ZONE",
    "DayEntry",
    "Terms",
    "checked_day",
    "engine_card",
    "entry_from_row",
    "entry_values",
    "line_values",
    "local_moment",
    "previous_week",
    "price_rows",
    "production_zone",
    "terms_of",
    "to_zone",
]


UTC_ZONE = zoneinfo.ZoneInfo("UTC")

#: Days a timecard or planned day may fall on (week arithmetic never leaves the calendar).
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def checked_day(day: date, field: str = "week") -> date:
    """`day`, or Invalid naming `field` when it lies outside FIRST_DAY..LAST_DAY."""
    if not FIRST_DAY <= day <= LAST_DAY:
        message = f"Give a date from {FIRST_DAY.year} to {LAST_DAY.year}."
        raise Invalid(message, fields={field: [message]})
    return day


def production_zone(production: Any) -> zoneinfo.ZoneInfo:
    """The production's time zone (UTC when its name is unknown to this system)."""
    try:
        return zoneinfo.ZoneInfo(str(production.time_zone or "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def to_zone(moment: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    """`moment` in `zone`: an aware time converted, a naive one taken as `zone`'s clock.

    Raises Invalid (on ``time``) for a moment outside FIRST_DAY..LAST_DAY's years (time
    zone arithmetic at the ends of the calendar would overflow).
    """
    if not FIRST_DAY.year <= moment.year <= LAST_DAY.year:
        message = f"Give a time from {FIRST_DAY.year} to {LAST_DAY.year}."
        raise Invalid(message, fields={"time": [message]})
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def local_moment(day: date, clock: time, zone: zoneinfo.ZoneInfo, *,
                 after: datetime | None = None) -> datetime:
    """`clock` on `day` in `zone`; the next day's when that is not after `after` (a wrap
    or meal past midnight is typed as "02:00")."""
    moment = datetime.combine(day, clock.replace(tzinfo=None), tzinfo=zone)
    if after is not None and moment <= after:
        moment += timedelta(days=1)
    return moment


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One worked day as entered: aware `call`, `wrap` and meal times, travel in hours."""

    day: date
    call: datetime
    wrap: datetime
    meals: tuple[labour.Meal, ...] = ()
    travel_before: Decimal = Decimal(0)
    travel_after: Decimal = Decimal(0)
    holiday: bool = False


def entry_values(entry: DayEntry) -> dict[str, Any]:
    """`Timecard` column values of `entry` (meals as JSON with UTC ISO 8601 times)."""
    return {
        "day": entry.day, "call": entry.call, "wrap": entry.wrap,
        "meals": [{"out": meal.out.isoformat(), "back": meal.back.isoformat(),
                   "kind": meal.kind.value} for meal in entry.meals],
        "travel_before": entry.travel_before, "travel_after": entry.travel_after,
        "holiday": entry.holiday,
    }


def entry_from_row(row: Timecard, zone: zoneinfo.ZoneInfo) -> DayEntry:
    """The stored day as an entry in `zone`."""
    meals = tuple(
        labour.Meal(to_zone(datetime.fromisoformat(meal["out"]), zone),
                    to_zone(datetime.fromisoformat(meal["back"]), zone),
                    labour.MealKind(meal.get("kind", "meal")))
        for meal in row.meals or ()
    )
    return DayEntry(day=row.day, call=to_zone(row.call, zone), wrap=to_zone(row.wrap, zone),
                    meals=meals, travel_before=Decimal(row.travel_before),
                    travel_after=Decimal(row.travel_after), holiday=bool(row.holiday))


def engine_card(entry: DayEntry, person: str) -> labour.Timecard:
    """The engine's Timecard of `entry` for `person` (the deal's person)."""
    return labour.Timecard(person=person, day=entry.day, call=entry.call, wrap=entry.wrap,
                           meals=entry.meals, travel_before=entry.travel_before,
                           travel_after=entry.travel_after, holiday=entry.holiday)


@dataclass(frozen=True, slots=True)
class Terms:
    """An engagement's deal as the engine prices it, with its agreement."""

    deal: labour.Deal
    agreement: Agreement

    def week_start(self, day: date) -> date:
        """First day of the agreement's work week holding `day`."""
        return week_start(day, self.agreement)


def terms_of(engagement: Engagement) -> Terms | None:
    """The engagement's deal and agreement; None without a deal memo. Raises DomainError
    (UnknownAgreement) for a memo naming an agreement that is no longer bundled."""
    memo = DealMemo.objects.filter(engagement_id=engagement.pk).first()
    if memo is None:
        return None
    memo.engagement = engagement
    deal = deal_from_memo(memo)
    return Terms(deal, load_agreement(deal.agreement))


def previous_week(engagement_id: int, start: date) -> tuple[datetime | None, int | None,
                                                           tuple[Timecard, ...]]:
    """(end of duty, days worked, rows) of the engagement's last timecard week before
    `start` that has days; (None, None, ()) when there is none."""
    week = (TimecardWeek.objects.filter(engagement_id=engagement_id, week_start__lt=start,
                                        days__isnull=False)
            .order_by("-week_start").first())
    if week is None:
        return None, None, ()
    rows = tuple(week.days.order_by("day"))
    ends = [end_of_duty(engine_card(entry_from_row(row, UTC_ZONE), "")) for row in rows]
    return max(ends), len(rows), rows


def price_rows(terms: Terms, entries: Sequence[DayEntry], *, engagement_id: int,
               start: date) -> labour.WeekPay:
    """The person's week of `entries` priced under `terms` (week.price_week), told the end
    of duty and length of the engagement's previous timecard week.

    Raises InputError for entries the engine refuses (a day outside the work week, meals
    out of order ...), NotInForce when no rate table of the agreement covers a day.
    """
    cards = [engine_card(entry, terms.deal.person) for entry in entries]
    if not cards:
        return labour.WeekPay(person=terms.deal.person, week_start=start, days=())
    previous_end, previous_days, _ = previous_week(engagement_id, start)
    if previous_end is not None and cards[0].call.tzinfo is not None:
        previous_end = previous_end.astimezone(cards[0].call.tzinfo)
    return price_week(terms.deal, cards, terms.agreement, previous_end_of_duty=previous_end,
                      previous_week_days=previous_days)


def line_values(lines: Iterable[labour.PayLine]) -> list[dict[str, str]]:
    """Pay lines as JSON values (amounts and hours as exact decimal strings), for the
    snapshot kept with a ledger posting."""
    return [{"day": line.day.isoformat(), "kind": line.kind.value, "hours": str(line.hours),
             "multiplier": str(line.multiplier), "rate": str(line.rate.amount),
             "amount": str(line.amount.amount), "currency": line.amount.currency,
             "rule": line.rule, "clause": line.clause} for line in lines]
