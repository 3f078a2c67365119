"""Writes of timecard weeks: save the days, submit, approve (which posts payroll), send back.

Who may do what (`selectors.access`): the person edits and submits their OWN week while it
is a draft; the production office (VIEW_MONEY) edits and submits anyone's at any time, and
approves or sends back (with POST_LEDGER, never their own week). For anyone else another
person's timecard does not exist (404). Every service runs in one transaction, locks the
week, checks the `version` the caller read (Conflict on a stale one: 409) and writes one
audit entry. A state that does not allow the action (approving a draft, a person editing
their submitted week) is a Conflict too.

Editing or sending back an APPROVED week returns it to draft and reverses its payroll
posting in the ledger (`ledger.reverse_week`): the ledger is corrected, never edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from lynchpin.core.access import require
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.core.validation import clean_or_invalid
from lynchpin.engine.errors import DomainError, InputError
from lynchpin.engine.labour import model as labour
from lynchpin.engine.labour.worktime import check_timecard
from lynchpin.people.models import Engagement, Timecard, TimecardWeek
from lynchpin.people.timecards.adapters import (
    DayEntry,
    Terms,
    checked_day,
    engine_card,
    entry_from_row,
    entry_values,
    price_rows,
    production_zone,
    terms_of,
    to_zone,
)
from lynchpin.people.timecards.models import MAX_MEALS
from lynchpin.people.timecards.selectors.access import TimecardAccess, timecard_access
from lynchpin.people.timecards.services.ledger import post_week, reverse_week

__all__ = [
    "timecard_week_approve",
    "timecard_week_post",
    "timecard_week_save",
    "timecard_week_send_back",
    "timecard_week_submit",
]

_DAYS = 7
Status = TimecardWeek.Status


def _terms(engagement: Engagement) -> Terms:
    """The engagement's deal and agreement; Invalid without a deal memo."""
    try:
        terms = terms_of(engagement)
    except DomainError as exc:
        raise Invalid(f"The deal memo cannot be used: {exc}") from exc
    if terms is None:
        raise Invalid("No deal memo yet: the production office sets one up before timecards "
                      "can be entered.")
    return terms


def _locked(engagement: Engagement, start: date) -> TimecardWeek | None:
    return (TimecardWeek.objects.select_for_update()
            .filter(engagement=engagement, week_start=start).first())


def _week(access: TimecardAccess, day: date) -> tuple[TimecardWeek, Terms]:
    """The existing week holding `day`, locked; NotFound when nothing was saved for it."""
    terms = _terms(access.engagement)
    week = _locked(access.engagement, terms.week_start(checked_day(day)))
    if week is None:
        raise NotFound("No timecard for this week yet.")
    return week, terms


def _state(week: TimecardWeek, allowed: Sequence[str], action: str,
           hint: str = "Reload it to see its state.") -> None:
    if week.status not in allowed:
        raise Conflict(f"This timecard is {week.get_status_display().lower()}: it cannot be "
                       f"{action} now. {hint}")


def _normalized(entry: DayEntry, zone: Any) -> DayEntry:
    """`entry` with every time in the production's zone (naive times read as its clock)."""
    meals = tuple(labour.Meal(to_zone(m.out, zone), to_zone(m.back, zone), m.kind)
                  for m in entry.meals)
    return DayEntry(entry.day, to_zone(entry.call, zone), to_zone(entry.wrap, zone), meals,
                    entry.travel_before, entry.travel_after, entry.holiday)


def _day_problem(entry: DayEntry, start: date, engagement: Engagement,
                 seen: set[date]) -> str:
    if not start <= entry.day < start + timedelta(days=_DAYS):
        return f"not in the work week starting {start}"
    if entry.day in seen:
        return "a second timecard for the same day"
    if engagement.start_date and entry.day < engagement.start_date:
        return f"before the engagement starts ({engagement.start_date})"
    if engagement.end_date and entry.day > engagement.end_date:
        return f"after the engagement ended ({engagement.end_date})"
    if len(entry.meals) > MAX_MEALS:
        return f"at most {MAX_MEALS} meal breaks a day"
    return ""


def _check_days(entries: Sequence[DayEntry], start: date, engagement: Engagement,
                person: str) -> None:
    """Every problem of every day at once: Invalid with fields like
    ``2025-03-03.meals[0].out`` (the labour engine's names) or ``2025-03-03.day``."""
    errors: dict[str, list[str]] = {}
    seen: set[date] = set()
    for entry in entries:
        problem = _day_problem(entry, start, engagement, seen)
        if problem:
            errors.setdefault(f"{entry.day.isoformat()}.day", []).append(
                f"{entry.day}: {problem}.")
            continue
        seen.add(entry.day)
        try:
            check_timecard(engine_card(entry, person))
        except InputError as exc:
            errors.setdefault(exc.field or f"{entry.day.isoformat()}.day", []).append(
                exc.message)
    if errors:
        listed = " ".join(message for messages in errors.values() for message in messages)
        raise Invalid(f"The timecard was not saved: {listed}", fields=errors)


def _summary(week: TimecardWeek | None, zone: Any) -> str:
    """The week's days for the audit log: ``2025-03-03 07:00-19:00 (1 meal); ...``."""
    if week is None or week.pk is None:
        return ""
    parts = []
    for row in week.days.order_by("day"):
        entry = entry_from_row(row, zone)
        meals = f" ({len(entry.meals)} meal{'s' if len(entry.meals) != 1 else ''})"
        parts.append(f"{entry.day} {entry.call:%H:%M}-{entry.wrap:%H:%M}"
                     f"{meals if entry.meals else ''}")
    return "; ".join(parts)


def _replace_days(week: TimecardWeek, entries: Sequence[DayEntry]) -> None:
    rows = [Timecard(week=week, **entry_values(entry)) for entry in entries]
    for row in rows:
        clean_or_invalid(row, exclude=("week",))
    Timecard.objects.filter(week=week).delete()
    Timecard.objects.bulk_create(rows)


def _create(access: TimecardAccess, start: date) -> TimecardWeek:
    week = TimecardWeek(production_id=access.engagement.production_id,
                        engagement=access.engagement, week_start=start)
    try:
        with transaction.atomic():
            week.save()
    except IntegrityError as exc:  # another editor created it a moment ago
        raise Conflict("A timecard for this week was started by someone else meanwhile; "
                       "reload it, then make your changes again.") from exc
    return week


def _reopen(actor: Any, access: TimecardAccess, week: TimecardWeek, reason: str) -> None:
    """An approved week back to draft, its payroll posting reversed."""
    reverse_week(actor=actor, engagement=access.engagement, week=week, reason=reason)
    week.status, week.approved_at, week.approved_by = Status.DRAFT, None, None
    week.submitted_at, week.submitted_by = None, None


_STATE_FIELDS = ("status", "submitted_at", "submitted_by", "approved_at", "approved_by", "note")


@transaction.atomic
def timecard_week_save(*, actor: Any, production_id: int, engagement_id: int, day: date,
                       expected_version: int | None,
                       days: Sequence[DayEntry]) -> TimecardWeek:
    """Replace the days of the work week holding `day` with `days` (a day left out was not
    worked). `expected_version` is None for a week not saved yet, else the version read.

    The person may save their own week while it is a draft; VIEW_MONEY roles any week at
    any time. Saving an approved week makes it a draft again and reverses its posting.
    Raises NotFound (not the actor's timecard), Conflict (stale version, week created
    meanwhile, not a draft), Invalid (no deal memo; every bad day at once, fields named as
    ``2025-03-03.wrap``).
    """
    access = timecard_access(actor=actor, production_id=production_id,
                             engagement_id=engagement_id)
    terms = _terms(access.engagement)
    start = terms.week_start(checked_day(day))
    week = _locked(access.engagement, start)
    if (week is None) != (expected_version is None):
        raise Conflict("This timecard was started or changed by someone else since you opened "
                       "it; reload it, then make your changes again.")
    if week is not None and not access.office:
        _state(week, (Status.DRAFT,), "changed",
               "Ask the production office to send it back to you first.")
    zone = production_zone(access.engagement.production)
    entries = sorted((_normalized(entry, zone) for entry in days), key=lambda e: e.day)
    _check_days(entries, start, access.engagement, terms.deal.person)
    before, status = _summary(week, zone), week.status if week else ""
    if week is None:
        week = _create(access, start)
    else:
        if week.status == Status.APPROVED:
            _reopen(actor, access, week, "edited after approval")
            week.note = "Changed after approval: submit it again."
        assert expected_version is not None
        week.compare_and_set(expected_version=expected_version, fields=_STATE_FIELDS)
    _replace_days(week, entries)
    audit_record(actor=actor, action="timecard_week.save", target=week,
                 production_id=production_id, changes={
                     "days": [before, _summary(week, zone)],
                     **({"status": [status, week.status]} if status != week.status else {})})
    return week


@transaction.atomic
def timecard_week_submit(*, actor: Any, production_id: int, engagement_id: int, day: date,
                         expected_version: int) -> TimecardWeek:
    """Submit a draft week for approval (the person, or VIEW_MONEY roles).

    Raises NotFound, Conflict (stale version, not a draft), Invalid (no days, or days the
    engine cannot price, e.g. before the agreement's first rate table).
    """
    access = timecard_access(actor=actor, production_id=production_id,
                             engagement_id=engagement_id)
    week, terms = _week(access, day)
    _state(week, (Status.DRAFT,), "submitted")
    zone = production_zone(access.engagement.production)
    entries = [entry_from_row(row, zone) for row in week.days.order_by("day")]
    if not entries:
        raise Invalid("Enter at least one day before submitting the week.")
    try:
        price_rows(terms, entries, engagement_id=engagement_id, start=week.week_start)
    except DomainError as exc:
        raise Invalid(f"This week cannot be priced: {exc}") from exc
    week.status, week.submitted_at, week.submitted_by = Status.SUBMITTED, timezone.now(), actor
    week.compare_and_set(expected_version=expected_version, fields=_STATE_FIELDS)
    audit_record(actor=actor, action="timecard_week.submit", target=week,
                 production_id=production_id, changes={"status": [Status.DRAFT, week.status]})
    return week


def _approver(access: TimecardAccess, action: str) -> None:
    require(access.membership, Capability.VIEW_MONEY)
    require(access.membership, Capability.POST_LEDGER)
    if access.own:
        raise Forbidden(f"You may not {action} your own timecard: another approver must.")


@transaction.atomic
def timecard_week_approve(*, actor: Any, production_id: int, engagement_id: int, day: date,
                          expected_version: int) -> TimecardWeek:
    """Approve a submitted week and post its pay to the ledger as payroll
    (`ledger.post_week`, idempotent per person-week and version).

    Requires VIEW_MONEY and POST_LEDGER (producer, PM, accountant), never for one's own
    timecard (Forbidden). Raises NotFound, Conflict (stale version, not submitted), Invalid
    (no payroll account, another currency, the ledger refuses the entry): then nothing is
    approved.
    """
    access = timecard_access(actor=actor, production_id=production_id,
                             engagement_id=engagement_id)
    _approver(access, "approve")
    week, terms = _week(access, day)
    _state(week, (Status.SUBMITTED,), "approved")
    week.status, week.approved_at, week.approved_by = Status.APPROVED, timezone.now(), actor
    week.note = ""
    week.compare_and_set(expected_version=expected_version, fields=_STATE_FIELDS)
    posting = post_week(actor=actor, engagement=access.engagement, week=week, terms=terms)
    audit_record(actor=actor, action="timecard_week.approve", target=week,
                 production_id=production_id, changes={
                     "status": [Status.SUBMITTED, week.status],
                     "posting": [None, posting.key if posting else "nothing to pay"]})
    return week


@transaction.atomic
def timecard_week_send_back(*, actor: Any, production_id: int, engagement_id: int, day: date,
                            expected_version: int, note: str = "") -> TimecardWeek:
    """Send a submitted or approved week back to the person as a draft, with `note` saying
    why; an approved week's payroll posting is reversed.

    Requires VIEW_MONEY and POST_LEDGER, never for one's own timecard (Forbidden). Raises
    NotFound, Conflict (stale version, already a draft).
    """
    access = timecard_access(actor=actor, production_id=production_id,
                             engagement_id=engagement_id)
    _approver(access, "send back")
    week, _ = _week(access, day)
    _state(week, (Status.SUBMITTED, Status.APPROVED), "sent back")
    before = week.status
    if week.status == Status.APPROVED:
        _reopen(actor, access, week, "sent back")
    week.status, week.submitted_at, week.submitted_by = Status.DRAFT, None, None
    week.note = " ".join(note.replace("\x00", "").split())[:500] or "Sent back for changes."
    week.compare_and_set(expected_version=expected_version, fields=_STATE_FIELDS)
    audit_record(actor=actor, action="timecard_week.send_back", target=week,
                 production_id=production_id,
                 changes={"status": [before, week.status], "note": ["", week.note]})
    return week


@transaction.atomic
def timecard_week_post(*, actor: Any, production_id: int, engagement_id: int,
                       day: date) -> Any:
    """Post an approved week's pay to the ledger, if that version is not posted yet;
    returns its `TimecardPosting` (the existing one on a repeat; None when it pays nothing).

    Approval posts already; this is the idempotent retry. Requires VIEW_MONEY and
    POST_LEDGER. Raises NotFound, Conflict (not approved), Invalid (as approving).
    """
    access = timecard_access(actor=actor, production_id=production_id,
                             engagement_id=engagement_id)
    require(access.membership, Capability.VIEW_MONEY)
    require(access.membership, Capability.POST_LEDGER)
    week, terms = _week(access, day)
    _state(week, (Status.APPROVED,), "posted")
    return post_week(actor=actor, engagement=access.engagement, week=week, terms=terms)
