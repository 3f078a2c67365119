"""Planned-day warnings: before a shoot day, who will hit a meal penalty, golden hours or a
short turnaround, and (for money roles) what the day will cost.

Each person's planned call (call, planned meals, expected wrap, travel after wrap) goes to
the labour engine as its timecard would (`planning.check_planned_day` for the warnings,
`planning.price_planned_day` for the pay), one person at a time, with:
- the rest counted from the person's last timecard before the day (its end of duty), and
  the weekend rest owed when the day starts a new work week;
- the day's kind (sixth, seventh day, holiday) from the person's timecards earlier in the
  same work week, as `week.day_kinds` counts them.

Roles without VIEW_MONEY get the same warnings with every amount taken out of the message
and no costs; money roles get each person's projected day and the day's total per currency.
Requires VIEW_PEOPLE (the call list is the production's people).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import DomainError, InputError, Violation
from lynchpin.engine.labour import model as labour
from lynchpin.engine.labour.planning import PlannedCall, check_planned_day, price_planned_day
from lynchpin.engine.labour.rest import end_of_duty
from lynchpin.engine.labour.week import day_kinds
from lynchpin.engine.money import Money
from lynchpin.people.models import Engagement, Timecard
from lynchpin.people.timecards.adapters import (
    UTC_ZONE,
    DayEntry,
    Terms,
    checked_day,
    engine_card,
    entry_from_row,
    local_moment,
    production_zone,
    terms_of,
    to_zone,
)

__all__ = [
    "STANDARD_DAY",
    "PlannedDay",
    "PlannedEntry",
    "PlannedPerson",
    "StandardDay",
    "Warning",
    "planned_day_check",
    "planned_day_people",
    "without_amounts",
]

#: Ids a database row can have (larger ones are simply not found).
_MAX_ID = 2**63 - 1
#: An amount as Money prints it ("18.50 USD", "1,018.18 USD"), with the ", " before it.
_AMOUNT = re.compile(r",?\s*-?\d[\d,]*(?:\.\d+)?\s[A-Z]{3}\b")


@dataclass(frozen=True, slots=True)
class StandardDay:
    """The clock times a planned day is prefilled with (local time on the day)."""

    call: time = time(7, 0)
    meal_out: time = time(13, 0)
    meal_back: time = time(13, 30)
    wrap: time = time(19, 0)

    def entry(self, day: date, zone: Any) -> DayEntry:
        """The standard day on `day` in `zone` (times past midnight roll over)."""
        call = local_moment(day, self.call, zone)
        out = local_moment(day, self.meal_out, zone, after=call)
        back = local_moment(day, self.meal_back, zone, after=out)
        wrap = local_moment(day, self.wrap, zone, after=back)
        return DayEntry(day=day, call=call, wrap=wrap, meals=(labour.Meal(out, back),))


#: 07:00 call, 13:00-13:30 meal, 19:00 wrap: 11.5 hours worked, the meal 6 hours after call.
STANDARD_DAY = StandardDay()


@dataclass(frozen=True, slots=True)
class PlannedEntry:
    """One person's planned call: aware times, `travel_after` in hours."""

    engagement_id: int
    call: datetime
    wrap: datetime
    meals: tuple[labour.Meal, ...] = ()
    travel_after: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    """A person engaged on the day, with the entry the form starts from."""

    engagement_id: int
    person: str
    department: str
    position: str
    entry: DayEntry


@dataclass(frozen=True, slots=True)
class Warning:
    """A planned-day warning: whose, the rule, and the engine's message (without amounts
    for roles without VIEW_MONEY)."""

    engagement_id: int
    person: str
    rule: str
    severity: str
    message: str


@dataclass(frozen=True)
class PlannedDay:
    """The checked day: warnings in call order, each person's projected pay (money roles:
    `costs` engagement id -> day total, `totals` currency -> the day's projected cost),
    and the people who could not be checked (no deal memo) with the reason."""

    day: date
    warnings: tuple[Warning, ...]
    shows_money: bool
    costs: dict[int, Money]
    totals: dict[str, Money]
    unchecked: tuple[tuple[int, str, str], ...]


def without_amounts(message: str) -> str:
    """`message` with every amount ("18.50 USD") and the comma before it taken out."""
    return _AMOUNT.sub("", message)


def _planner(actor: Any, production_id: int) -> Any:
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_PEOPLE)
    return membership


def planned_day_people(*, actor: Any, production_id: int, day: date,
                       standard: StandardDay = STANDARD_DAY) -> list[PlannedPerson]:
    """Everyone engaged on `day` (crew by department, then cast), each prefilled with the
    `standard` day. Requires VIEW_PEOPLE; Invalid for a day outside 1900-2999."""
    membership = _planner(actor, production_id)
    day = checked_day(day, "day")
    zone = production_zone(membership.production)
    rows = (Engagement.objects.select_related("contact").filter(production_id=production_id)
            .exclude(start_date__gt=day).exclude(end_date__lt=day)
            .order_by("kind", "department", "position", "contact__name", "id"))
    entry = standard.entry(day, zone)
    return [PlannedPerson(row.pk, row.contact.name, row.department, row.position, entry)
            for row in rows]


def _engagements(production_id: int, calls: Sequence[PlannedEntry]) -> dict[int, Engagement]:
    ids = [call.engagement_id for call in calls]
    if len(set(ids)) != len(ids):
        raise Invalid("A person is planned twice.", fields={"calls": ["One call per person."]})
    found = {row.pk: row for row in Engagement.objects.select_related("contact").filter(
        production_id=production_id, pk__in=[i for i in ids if 0 < i <= _MAX_ID])}
    if len(found) != len(ids):
        raise NotFound("Engagement not found.")
    return found


def _history(engagement_id: int, day: date, terms: Terms) -> tuple[
        datetime | None, int | None, list[labour.Timecard]]:
    """(last end of duty before `day`, days of its week if that week ended, this week's
    earlier cards) from the engagement's timecards."""
    start = terms.week_start(day)
    rows = list(Timecard.objects.filter(week__engagement_id=engagement_id, day__lt=day,
                                        day__gte=start - timedelta(days=7))
                .select_related("week").order_by("day"))
    if not rows:
        return None, None, []
    cards = [engine_card(entry_from_row(row, UTC_ZONE), terms.deal.person) for row in rows]
    end = end_of_duty(cards[-1])
    this_week = [card for card in cards if card.day >= start]
    last_week_days = None if this_week else len([c for c in cards if c.day < start])
    return end, last_week_days, this_week


def _normalized(entry: PlannedEntry, zone: Any) -> PlannedEntry:
    """`entry` with every time in the production's zone (naive times read as its clock)."""
    meals = tuple(labour.Meal(to_zone(m.out, zone), to_zone(m.back, zone), m.kind)
                  for m in entry.meals)
    return PlannedEntry(entry.engagement_id, to_zone(entry.call, zone),
                        to_zone(entry.wrap, zone), meals, entry.travel_after)


def _call(entry: PlannedEntry, day: date, person: str, kind: labour.DayKind) -> PlannedCall:
    return PlannedCall(person=person, day=day, call=entry.call, meals=entry.meals,
                       expected_wrap=entry.wrap, travel_after=entry.travel_after, kind=kind)


def _check_one(entry: PlannedEntry, day: date, terms: Terms) -> tuple[
        tuple[Violation, ...], Money]:
    """The warnings and projected pay of one person's planned call."""
    end, week_days, earlier = _history(entry.engagement_id, day, terms)
    person, zone = terms.deal.person, entry.call.tzinfo
    probe = _call(entry, day, person, labour.DayKind.REGULAR).timecard()
    kind = day_kinds([*earlier, probe], terms.agreement,
                     worker_class=terms.deal.performer_class)[day]
    call = _call(entry, day, person, kind)
    args: dict[str, Any] = {
        "previous_end_of_duty": {person: end.astimezone(zone)} if end else {},
        "previous_week_days": {person: week_days} if end and week_days else {},
    }
    deals, agreements = {person: terms.deal}, {terms.agreement.id: terms.agreement}
    warnings = check_planned_day([call], deals, agreements, **args)
    (pay,) = price_planned_day([call], deals, agreements, **args)
    return warnings, pay.total


def _call_field(engagement_id: int, field: str | None) -> str:
    """``calls[<engagement id>].<field>`` from the engine's ``2025-03-04.meals[0].out``."""
    suffix = (field or "").partition(".")[2] or "call"
    return f"calls[{engagement_id}].{suffix}"


def planned_day_check(*, actor: Any, production_id: int, day: date,
                      calls: Sequence[PlannedEntry]) -> PlannedDay:
    """Check the planned calls of `day` (see the module docstring).

    Requires VIEW_PEOPLE. Raises NotFound for an engagement not of this production, Invalid
    for a person planned twice, a day outside 1900-2999, or calls the engine refuses (every
    one at once, fields ``calls[<engagement id>].meals[0].out``), e.g. meals out of order.
    """
    membership = _planner(actor, production_id)
    day = checked_day(day, "day")
    money = can(membership, Capability.VIEW_MONEY)
    engagements = _engagements(production_id, calls)
    warnings: list[Warning] = []
    costs: dict[int, Money] = {}
    unchecked: list[tuple[int, str, str]] = []
    errors: dict[str, list[str]] = {}
    zone = production_zone(membership.production)
    for entry in (_normalized(call, zone) for call in calls):
        engagement = engagements[entry.engagement_id]
        name = engagement.contact.name
        try:
            terms = terms_of(engagement)
        except DomainError as exc:
            unchecked.append((engagement.pk, name, str(exc) if money else "not checked"))
            continue
        if terms is None:
            unchecked.append((engagement.pk, name, "no deal memo" if money else "not checked"))
            continue
        try:
            found, costs[engagement.pk] = _check_one(entry, day, terms)
        except InputError as exc:  # a call the engine cannot read: name the input
            errors[_call_field(engagement.pk, exc.field)] = [f"{name}: {exc.message}"]
            continue
        except DomainError as exc:  # e.g. no rate table of the agreement on the day
            unchecked.append((engagement.pk, name, str(exc) if money else "not checked"))
            continue
        warnings += [Warning(engagement.pk, name, v.rule, v.severity.value,
                             v.message if money else without_amounts(v.message))
                     for v in found]
    if errors:
        listed = " ".join(message for messages in errors.values() for message in messages)
        raise Invalid(f"The planned day was not checked: {listed}", fields=errors)
    totals: dict[str, Money] = {}
    for cost in costs.values():
        totals[cost.currency] = totals.get(cost.currency, Money.zero(cost.currency)) + cost
    return PlannedDay(day, tuple(warnings), money, costs if money else {},
                      totals if money else {}, tuple(unchecked))
