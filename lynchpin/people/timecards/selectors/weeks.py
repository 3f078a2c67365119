"""Reads of timecard weeks: one person's week with its pay computed by the labour engine, and
the list of people's weeks (everyone's for the office, one's own for everyone else).

`timecard_week_get` prices the stored days on every read (`adapters.price_rows`: the
engine's `price_week`, with the previous week's end of duty), so a page always shows what
the deal and the agreement give today; nothing priced is stored, except the snapshot kept
with a ledger posting. A week that cannot be priced (no deal memo, a day before the
agreement's first rate table) is shown with the reason instead of pay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import DomainError, Violation
from lynchpin.engine.labour import model as labour
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.week import week_start
from lynchpin.engine.money import Money
from lynchpin.people.models import (
    DealMemo,
    Engagement,
    PayrollAccount,
    TimecardPosting,
    TimecardWeek,
)
from lynchpin.people.timecards.adapters import (
    DayEntry,
    Terms,
    checked_day,
    entry_from_row,
    price_rows,
    production_zone,
    terms_of,
)
from lynchpin.people.timecards.selectors.access import own_engagements, timecard_access

__all__ = [
    "DayView",
    "LineView",
    "WeekRow",
    "WeekView",
    "payroll_account_list",
    "timecard_list",
    "timecard_waiting",
    "timecard_week_get",
]

_DAYS = 7
_CENT = Decimal("0.01")
_RATE_PLACES = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class LineView:
    """A pay line for display: `rate` is per hour at the line's multiplier (None for
    amounts such as penalties), `amount` rounded to the cent (the day total is rounded once
    from the exact lines, so a column of lines may differ from it by a cent)."""

    kind: str
    label: str
    hours: Decimal | None
    multiplier: Decimal
    rate: Decimal | None
    amount: Decimal
    currency: str
    rule: str
    clause: str


@dataclass(frozen=True, slots=True)
class DayView:
    """One of the week's seven days: what was entered (None: not worked) and, for those who
    see pay, its pay lines, total and violations."""

    day: date
    entry: DayEntry | None
    kind: str = ""
    worked_hours: Decimal | None = None
    lines: tuple[LineView, ...] = ()
    total: Money | None = None
    violations: tuple[Violation, ...] = ()


@dataclass(frozen=True)
class WeekView:
    """A person's work week as a page or the API shows it (see the module docstring).

    `version` is None while no day has been saved. `total` and the lines are None/empty
    when the week cannot be priced (`pricing_error` says why) or has no days.
    """

    engagement: Mapping[str, Any]
    start: date
    days: tuple[DayView, ...]
    week_id: int | None
    status: str
    version: int | None
    note: str
    submitted_at: datetime | None
    approved_at: datetime | None
    approved_by: str
    has_deal: bool
    pricing_error: str
    total: Money | None
    worked_hours: Decimal
    own: bool
    office: bool
    can_edit: bool
    can_submit: bool
    can_approve: bool
    can_send_back: bool
    postings: tuple[Mapping[str, Any], ...]

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Every violation of the week, day by day."""
        return tuple(v for day in self.days for v in day.violations)

    @property
    def previous_start(self) -> date:
        return self.start - timedelta(days=_DAYS)

    @property
    def next_start(self) -> date:
        return self.start + timedelta(days=_DAYS)


def _line_view(line: labour.PayLine) -> LineView:
    timed = line.hours > 0
    rate = (line.amount.amount / line.hours).quantize(_RATE_PLACES) if timed else None
    return LineView(
        kind=line.kind.value, label=line.kind.value.replace("_", " "),
        hours=line.hours if timed else None, multiplier=line.multiplier, rate=rate,
        amount=line.amount.amount.quantize(_CENT), currency=line.amount.currency,
        rule=line.rule, clause=line.clause)


def _day_view(day: date, entry: DayEntry | None, pay: labour.DayPay | None) -> DayView:
    if entry is None or pay is None:
        return DayView(day, entry)
    return DayView(day, entry, pay.kind.value, pay.worked_hours,
                   tuple(_line_view(line) for line in pay.lines), pay.total, pay.violations)


def _engagement_row(engagement: Engagement) -> dict[str, Any]:
    return {"id": engagement.pk, "person": engagement.contact.name, "kind": engagement.kind,
            "position": engagement.position, "department": engagement.department,
            "character": engagement.character, "contact_id": engagement.contact_id}


def _price(terms: Terms | None, entries: Sequence[DayEntry], engagement_id: int,
           start: date) -> tuple[labour.WeekPay | None, str]:
    """The week's pay, or None and why not."""
    if terms is None:
        return None, "No deal memo yet: the production office sets one up before pay is shown."
    if not entries:
        return None, ""
    try:
        return price_rows(terms, entries, engagement_id=engagement_id, start=start), ""
    except DomainError as exc:
        return None, f"This week cannot be priced: {exc}"


def _postings(week: TimecardWeek | None) -> tuple[dict[str, Any], ...]:
    if week is None:
        return ()
    return tuple(TimecardPosting.objects.filter(week=week).order_by("version").values(
        "version", "key", "account", "amount", "currency", "created", "reversal_key",
        "reversed_at"))


def _flags(access: Any, week: TimecardWeek | None, has_days: bool,
           has_deal: bool) -> dict[str, bool]:
    status = week.status if week else TimecardWeek.Status.DRAFT
    draft = status == TimecardWeek.Status.DRAFT
    return {
        "can_edit": has_deal and (access.office or draft),
        "can_submit": draft and has_days,
        "can_approve": access.approves and status == TimecardWeek.Status.SUBMITTED,
        "can_send_back": access.office and not draft,
    }


def timecard_week_get(*, actor: Any, production_id: int, engagement_id: int,
                      day: date) -> WeekView:
    """The work week holding `day` of engagement `engagement_id`, priced on read.

    The week starts on the agreement's first day of the work week (the given `day` without
    a deal memo). Raises NotFound unless the actor is the person or has VIEW_MONEY (see
    `selectors.access`); Invalid for a day outside 1900-2999.
    """
    access = timecard_access(actor=actor, production_id=production_id,
                             engagement_id=engagement_id)
    engagement = access.engagement
    day = checked_day(day)
    try:
        terms, terms_error = terms_of(engagement), ""
    except DomainError as exc:
        terms, terms_error = None, str(exc)
    start = terms.week_start(day) if terms else day
    week = (TimecardWeek.objects.select_related("approved_by")
            .filter(engagement=engagement, week_start=start).first())
    zone = production_zone(engagement.production)
    entries = [entry_from_row(row, zone) for row in week.days.all()] if week else []
    pay, error = _price(terms, entries, engagement.pk, start)
    by_day = {entry.day: entry for entry in entries}
    pays = {item.day: item for item in pay.days} if pay else {}
    days = tuple(_day_view(start + timedelta(days=n), by_day.get(start + timedelta(days=n)),
                           pays.get(start + timedelta(days=n))) for n in range(_DAYS))
    return WeekView(
        engagement=_engagement_row(engagement), start=start, days=days,
        week_id=week.pk if week else None,
        status=week.status if week else TimecardWeek.Status.DRAFT,
        version=week.version if week else None, note=week.note if week else "",
        submitted_at=week.submitted_at if week else None,
        approved_at=week.approved_at if week else None,
        approved_by=week.approved_by.get_username() if week and week.approved_by else "",
        has_deal=terms is not None, pricing_error=terms_error or error,
        total=pay.total if pay and pay.days else None,
        worked_hours=sum((d.worked_hours for d in pay.days), Decimal(0)) if pay else Decimal(0),
        own=access.own, office=access.office, postings=_postings(week),
        **_flags(access, week, bool(entries), terms is not None))


@dataclass(frozen=True, slots=True)
class WeekRow:
    """A line of the timecard list: a person's work week holding the chosen day."""

    engagement_id: int
    person: str
    kind: str
    department: str
    position: str
    week_start: date | None
    status: str
    days: int
    version: int | None


def _current(production_id: int, first: date, last: date) -> list[Engagement]:
    rows = (Engagement.objects.select_related("contact").filter(production_id=production_id)
            .exclude(start_date__gt=last).exclude(end_date__lt=first))
    return list(rows.order_by("kind", "department", "position", "contact__name", "id"))


def timecard_list(*, actor: Any, production_id: int, day: date,
                  status: str = "") -> list[WeekRow]:
    """The work week holding `day` of each person: everyone engaged around that day for the
    office (VIEW_MONEY), the actor's own engagements for everyone else. `status` keeps only
    weeks in that state (``draft``, ``submitted``, ``approved``; ``none`` for weeks with no
    timecard yet). Without a deal memo a person's week cannot be placed (`week_start` None).
    Raises NotFound for non-members, Invalid for a day outside 1900-2999.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    day = checked_day(day)
    if can(membership, Capability.VIEW_MONEY):
        engagements = _current(production_id, day - timedelta(days=6), day + timedelta(days=6))
    else:
        engagements = own_engagements(actor=actor, production_id=production_id)
    agreements = dict(DealMemo.objects.filter(engagement__in=engagements)
                      .values_list("engagement_id", "agreement"))
    starts: dict[int, date] = {}
    for engagement in engagements:
        try:
            starts[engagement.pk] = week_start(day, load_agreement(agreements[engagement.pk]))
        except (KeyError, DomainError):
            continue  # no deal memo, or an agreement no longer bundled: no week to place
    weeks = {(w.engagement_id, w.week_start): w for w in TimecardWeek.objects.filter(
        engagement__in=engagements, week_start__in=set(starts.values()))
        .annotate(day_count=Count("days"))}
    rows = []
    for engagement in engagements:
        start = starts.get(engagement.pk)
        week = weeks.get((engagement.pk, start)) if start else None
        row = WeekRow(engagement.pk, engagement.contact.name, engagement.kind,
                      engagement.department, engagement.position, start,
                      week.status if week else "none", week.day_count if week else 0,
                      week.version if week else None)
        if not status or row.status == status:
            rows.append(row)
    return rows


def timecard_waiting(*, actor: Any, production_id: int) -> list[WeekRow]:
    """Every week submitted and waiting for approval, oldest first, for the roles that
    approve (VIEW_MONEY; others get an empty list: they approve nothing)."""
    membership = membership_for(actor=actor, production_id=production_id)
    if not can(membership, Capability.VIEW_MONEY):
        return []
    weeks = (TimecardWeek.objects.filter(production_id=production_id,
                                         status=TimecardWeek.Status.SUBMITTED)
             .select_related("engagement__contact").annotate(day_count=Count("days"))
             .order_by("week_start", "engagement__contact__name", "id"))
    return [WeekRow(w.engagement_id, w.engagement.contact.name, w.engagement.kind,
                    w.engagement.department, w.engagement.position, w.week_start, w.status,
                    w.day_count, w.version) for w in weeks]


def payroll_account_list(*, actor: Any, production_id: int) -> list[dict[str, str]]:
    """The payroll account of every department (department "" = the default), with each
    crew and cast department listed even when it has no account yet. Requires VIEW_MONEY."""
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_MONEY)
    accounts = dict(PayrollAccount.objects.filter(production_id=production_id)
                    .values_list("department", "account"))
    departments = set(Engagement.objects.filter(production_id=production_id)
                      .values_list("department", flat=True)) | set(accounts) | {""}
    return [{"department": name, "account": accounts.get(name, "")}
            for name in sorted(departments)]
