"""The payroll file (TOML): deal memos, a week's timecards and a planned call sheet.

Format: docs/formats/payroll.md. A header (``currency``, ``production``, ``holidays``) and
arrays of tables: ``[[deal]]`` (one deal memo per person, under a bundled agreement),
``[[timecard]]`` (a person's day: call, meals, wrap, travel) and ``[[planned]]`` (a call sheet
entry for a day not yet shot: call, planned meals, expected wrap).

Key paths count tables of each kind from 1: the third ``[[timecard]]`` is ``timecard[3]`` and
its first meal ``timecard[3].meals[1]``. Every error is an `InputError` naming the source, the
line of the table's header (when each table is written as a ``[[kind]]`` header) and the key
path. Clock times are ``"HH:MM"`` on the card's date; a time at or before the call is the
next day (a wrap of ``"02:30"`` after a ``"17:00"`` call), as is an hour of 24 to 47
(``"25:30"``). Amounts without a currency code are in the header's currency and must be in
their agreement's currency. Linear time in the size of the file, apart from sorting each
person's days to check that they do not overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, NotInForce
from lynchpin.engine.labour.agreements import agreement_ids, load_agreement
from lynchpin.engine.labour.model import Basis, Deal, Timecard
from lynchpin.engine.labour.payroll_fields import (
    PayrollFields,
    describe,
    engine_key,
    engine_message,
)
from lynchpin.engine.labour.planning import PlannedCall
from lynchpin.engine.labour.rest import end_of_duty, start_of_duty
from lynchpin.engine.labour.week import day_kinds, week_start
from lynchpin.engine.labour.worktime import check_timecard
from lynchpin.engine.money import Money
from lynchpin.engine.toml_text import load_toml

__all__ = ["TABLE_KINDS", "PayrollFile", "PlannedDay", "planned_days", "read_payroll"]

#: The arrays of tables a payroll file may hold, in documentation order.
TABLE_KINDS = ("deal", "timecard", "planned")
_HEADER_KEYS = frozenset({"currency", "production", "holidays"})
_DEAL_KEYS = frozenset({"person", "position", "department", "agreement", "rate", "basis",
                        "hours", "kit", "allowances", "overtime_exempt", "performer_class"})
_CARD_KEYS = frozenset({"person", "date", "call", "wrap", "meals", "travel_before",
                        "travel_after", "holiday"})
_PLANNED_KEYS = frozenset({"person", "date", "call", "wrap", "meals", "travel_after"})
#: Upper bounds that keep every later sum small: a day's guarantee, a week's, travel.
_DAY_HOURS = Decimal(24)
_WEEK_HOURS = Decimal(168)
_TRAVEL_HOURS = Decimal(12)


class _Dated(Protocol):
    """A value for one person on one day (a Timecard or a PlannedCall)."""

    @property
    def person(self) -> str: ...

    @property
    def day(self) -> dt.date: ...


T = TypeVar("T", bound=_Dated)


@dataclass(frozen=True, slots=True)
class PayrollFile:
    """A payroll file read and checked.

    `deals` maps each person to their deal (file order); `agreements` maps each agreement id
    the deals use to the bundled agreement; `timecards` and `planned` keep file order and
    are each valid (`worktime.check_timecard`) for a person with a deal, under an agreement
    with a rate table in force on the day. `holidays` are dates paid as holidays for everyone.
    """

    currency: str
    production: str
    holidays: frozenset[dt.date]
    deals: Mapping[str, Deal]
    agreements: Mapping[str, Agreement]
    timecards: tuple[Timecard, ...]
    planned: tuple[PlannedCall, ...]


def read_payroll(text: str, *, source: str = "") -> PayrollFile:
    """Read and check a payroll file (docs/formats/payroll.md).

    Raises InputError naming the source, line and key path (``timecard[3].meals[1].out: ...``)
    for bad TOML, unknown keys, missing or mistyped values (TOML floats for amounts or hours
    included), an unknown agreement id, a second deal for one person, a timecard for a person
    with no deal or a second one for the same day, an invalid timecard (meals out of order,
    overlapping or outside call..wrap, a day over 24 h), a day no rate table covers, and a
    day whose duty starts before the same person's previous day ended.
    """
    root = load_toml(text, source=source)
    currency, production, holidays = _header(root, source)
    tables = _tables(root, text, source, currency)
    agreements: dict[str, Agreement] = {}
    deals: dict[str, Deal] = {}
    for fields in tables["deal"]:
        deal = _deal(fields, agreements)
        if deal.person in deals:
            raise fields.error(f"{deal.person!r} already has a deal; one deal per person",
                               "person")
        deals[deal.person] = deal
    cards = _unique(tables["timecard"], lambda f: _card(f, deals, agreements), "timecard")
    planned = _unique(tables["planned"], lambda f: _planned(f, deals, agreements), "planned")
    worked = list(zip(cards, tables["timecard"], strict=True))
    _check_duty_order(worked, "timecard")
    _check_duty_order(worked + [(call.timecard(), fields) for call, fields
                                in zip(planned, tables["planned"], strict=True)], "planned")
    return PayrollFile(currency, production, frozenset(holidays), deals, agreements,
                       tuple(cards), tuple(planned))


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """The planned calls of one day, ready for `planning.check_planned_day`.

    Each call's `kind` says whether the day will be a holiday or a sixth or seventh day of
    the person's work week (from the timecards and earlier planned calls);
    `previous_end_of_duty` is each person's last end of duty before the day, and
    `previous_week_days` the days they worked in that earlier work week when the day starts
    a new one (a weekend rest is then owed).
    """

    day: dt.date
    calls: tuple[PlannedCall, ...]
    previous_end_of_duty: Mapping[str, dt.datetime]
    previous_week_days: Mapping[str, int]


def planned_days(payroll: PayrollFile) -> tuple[PlannedDay, ...]:
    """The file's planned calls grouped by day, in date order, each day in the context of the
    timecards and the planned calls before it (see `PlannedDay`)."""
    worked: dict[str, list[Timecard]] = {}
    for card in payroll.timecards:
        worked.setdefault(card.person, []).append(card)
    days: list[PlannedDay] = []
    for day in sorted({call.day for call in payroll.planned}):
        calls = [call for call in payroll.planned if call.day == day]
        ends: dict[str, dt.datetime] = {}
        weeks: dict[str, int] = {}
        planned: list[PlannedCall] = []
        for call in calls:
            deal = payroll.deals[call.person]
            agreement = payroll.agreements[deal.agreement]
            before = [card for card in worked.get(call.person, []) if card.day < day]
            planned.append(_with_kind(call, before, deal, agreement, payroll.holidays))
            end, week_days = _rest_before(day, before, agreement)
            if end is not None:
                ends[call.person] = end
            if week_days is not None:
                weeks[call.person] = week_days
        days.append(PlannedDay(day, tuple(planned), ends, weeks))
        for call in planned:
            worked.setdefault(call.person, []).append(call.timecard())
    return tuple(days)


def _rest_before(day: dt.date, before: Sequence[Timecard],
                 agreement: Agreement) -> tuple[dt.datetime | None, int | None]:
    """The end of duty of the last of the days `before` (None without one) and, when `day`
    starts a new work week, the number of days worked in that last day's week."""
    if not before:
        return None, None
    last = max(before, key=lambda card: card.day)
    start = week_start(last.day, agreement)
    if start == week_start(day, agreement):
        return end_of_duty(last), None
    return end_of_duty(last), len({card.day for card in before
                                   if week_start(card.day, agreement) == start})


def _with_kind(call: PlannedCall, before: Sequence[Timecard], deal: Deal,
               agreement: Agreement, holidays: frozenset[dt.date]) -> PlannedCall:
    """`call` with the kind its day will have in the person's work week."""
    start = week_start(call.day, agreement)
    week = [card for card in before if week_start(card.day, agreement) == start]
    kinds = day_kinds([*week, call.timecard()], agreement, holidays,
                      worker_class=deal.performer_class)
    return replace(call, kind=kinds[call.day])


def _header(root: dict[str, Any], source: str) -> tuple[str, str, tuple[dt.date, ...]]:
    known = _HEADER_KEYS | set(TABLE_KINDS)
    for name in root:
        if name not in known:
            raise InputError(f"{name}: unknown key (expected one of {', '.join(sorted(known))})",
                             source=source, field=name)
    top = PayrollFields({k: v for k, v in root.items() if k in _HEADER_KEYS}, "", source,
                        None, "XXX")
    currency = top.text("currency").strip().upper()
    if len(currency) != 3 or not currency.isalpha() or not currency.isascii():
        raise InputError(f"currency: not a currency code: {currency!r}", source=source,
                         field="currency")
    return currency, top.text("production", ""), top.dates("holidays")


def _tables(root: dict[str, Any], text: str, source: str,
            currency: str) -> dict[str, list[PayrollFields]]:
    """Each kind's tables as checked-field readers named ``kind[n]``, with header lines."""
    found: dict[str, list[PayrollFields]] = {}
    positions = _header_lines(text)
    for kind in TABLE_KINDS:
        items = root.get(kind, [])
        if not isinstance(items, list):
            raise InputError(f"{kind}: expected [[{kind}]] tables, found {describe(items)}",
                             source=source, field=kind)
        lines = positions.get(kind, [])
        known = len(lines) == len(items)  # else inline tables: no line to name
        found[kind] = [PayrollFields(item, f"{kind}[{n}]", source,
                                     lines[n - 1] if known else None, currency)
                       for n, item in enumerate(items, start=1)]
    return found


def _header_lines(text: str) -> dict[str, list[int]]:
    """1-based lines of the ``[[kind]]`` headers of each table kind, in file order."""
    found: dict[str, list[int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[["):
            end = line.find("]]")
            name = line[2:end].strip() if end > 0 else ""
            if name in TABLE_KINDS:
                found.setdefault(name, []).append(number)
    return found


def _unique(tables: list[PayrollFields], read: Callable[[PayrollFields], T],
            kind: str) -> list[T]:
    """Read each table; refuse a second one for the same person and date."""
    seen: dict[tuple[str, dt.date], int] = {}
    values: list[T] = []
    for number, fields in enumerate(tables, start=1):
        value = read(fields)
        key = (value.person, value.day)
        if key in seen:
            raise fields.error(f"{key[0]!r} already has a {kind} for {key[1]} "
                               f"({kind}[{seen[key]}])", "date")
        seen[key] = number
        values.append(value)
    return values


def _check_duty_order(entries: Sequence[tuple[Timecard, PayrollFields]], kind: str) -> None:
    """Refuse a `kind` entry whose duty (call less travel before) starts before the end of
    duty (wrap plus travel after) of the same person's previous day: two days cannot
    overlap. Entries of the same date are not compared (a plan beside the day's timecard)."""
    last: dict[str, tuple[Timecard, PayrollFields]] = {}
    for card, fields in sorted(entries, key=lambda entry: entry[0].day):
        before = last.get(card.person)
        last[card.person] = (card, fields)
        if before is None or before[0].day == card.day or not fields.path.startswith(kind):
            continue
        start, end = start_of_duty(card), end_of_duty(before[0])
        if start < end:
            raise fields.error(f"duty starts at {start:%Y-%m-%d %H:%M}, before the previous day "
                               f"({before[1].path}) ends at {end:%Y-%m-%d %H:%M}", "call")


def _agreement(fields: PayrollFields, agreements: dict[str, Agreement]) -> Agreement:
    name = fields.text("agreement")
    if name not in agreements:
        known = agreement_ids()
        if name not in known:
            raise fields.error(f"no agreement {name!r} (bundled: {', '.join(known)})",
                               "agreement")
        agreements[name] = load_agreement(name)
    return agreements[name]


def _basis(fields: PayrollFields) -> Basis:
    text = fields.text("basis")
    try:
        return Basis(text)
    except ValueError:
        raise fields.error(f"expected one of {', '.join(b.value for b in Basis)}, "
                           f"found {text[:40]!r}", "basis") from None


def _guarantee(fields: PayrollFields, basis: Basis) -> Decimal | None:
    """Guaranteed hours: optional for daily deals, required for weekly, refused otherwise."""
    if basis is Basis.WEEKLY:
        hours = fields.hours("hours", maximum=_WEEK_HOURS)
    elif "hours" not in fields.table:
        return None
    elif basis is Basis.DAILY:
        hours = fields.hours("hours", maximum=_DAY_HOURS)
    else:
        raise fields.error(f"a {basis.value} deal has no guaranteed hours (the agreement's "
                           "minimum call applies)", "hours")
    if hours == 0:
        raise fields.error("guaranteed hours must be above 0", "hours")
    return hours


def _deal(fields: PayrollFields, agreements: dict[str, Agreement]) -> Deal:
    fields.only(_DEAL_KEYS)
    person = fields.text("person").strip()
    agreement = _agreement(fields, agreements)
    basis = _basis(fields)
    rate = fields.amount("rate", positive=True)
    kit = fields.optional_amount("kit")
    allowances = fields.amounts("allowances")
    amounts = [("rate", rate), *([("kit", kit)] if kit else []),
               *((f"allowances.{name}", value) for name, value in allowances)]
    for name, value in amounts:
        _same_currency(fields, name, value, agreement)
    performer_class = fields.text("performer_class", "").strip()
    if performer_class and performer_class not in agreement.rules:
        classes = ", ".join(repr(c) for c in agreement.rules if c) or "none"
        raise fields.error(f"agreement {agreement.id!r} has no performer class "
                           f"{performer_class!r} (it has {classes})", "performer_class")
    return Deal(person=person, position=fields.text("position").strip(),
                agreement=agreement.id, rate=rate, basis=basis,
                guaranteed_hours=_guarantee(fields, basis),
                department=fields.text("department", "").strip(), kit_rental=kit,
                allowances=allowances, overtime_exempt=fields.flag("overtime_exempt"),
                performer_class=performer_class)


def _same_currency(fields: PayrollFields, name: str, value: Money,
                   agreement: Agreement) -> None:
    if value.currency != agreement.currency:
        raise fields.error(f"amount in {value.currency} but agreement {agreement.id!r} pays in "
                           f"{agreement.currency} (write e.g. \"{value.amount} "
                           f"{agreement.currency}\")", name)


def _person(fields: PayrollFields, deals: Mapping[str, Deal]) -> Deal:
    person = fields.text("person").strip()
    if person not in deals:
        raise fields.error(f"{person!r} has no [[deal]]", "person")
    return deals[person]


def _day_worked(fields: PayrollFields, deals: Mapping[str, Deal],
                agreements: Mapping[str, Agreement]) -> Timecard:
    """The card of a ``[[timecard]]`` or ``[[planned]]`` table (keys already checked)."""
    deal = _person(fields, deals)
    day = fields.day("date")
    call = fields.clock("call", next_day=False)
    card = Timecard(person=deal.person, day=day, call=fields.moment("call", day, -1),
                    wrap=fields.moment("wrap", day, call), meals=fields.meals(day, call),
                    travel_before=fields.hours("travel_before", maximum=_TRAVEL_HOURS,
                                               default=Decimal(0)),
                    travel_after=fields.hours("travel_after", maximum=_TRAVEL_HOURS,
                                              default=Decimal(0)),
                    holiday=fields.flag("holiday"))
    _checked(fields, card, agreements[deal.agreement])
    return card


def _card(fields: PayrollFields, deals: Mapping[str, Deal],
          agreements: Mapping[str, Agreement]) -> Timecard:
    fields.only(_CARD_KEYS)
    return _day_worked(fields, deals, agreements)


def _planned(fields: PayrollFields, deals: Mapping[str, Deal],
             agreements: Mapping[str, Agreement]) -> PlannedCall:
    fields.only(_PLANNED_KEYS)
    card = _day_worked(fields, deals, agreements)
    return PlannedCall(person=card.person, day=card.day, call=card.call, meals=card.meals,
                       expected_wrap=card.wrap, travel_after=card.travel_after)


def _checked(fields: PayrollFields, card: Timecard, agreement: Agreement) -> None:
    """Refuse an invalid card (naming the key path) or a day with no rate table in force."""
    try:
        check_timecard(card)
    except InputError as error:
        raise fields.error(engine_message(error, card.day),
                           engine_key(error, card.day)) from None
    try:
        agreement.table_on(card.day)
    except NotInForce as error:
        raise fields.error(str(error), "date") from None
