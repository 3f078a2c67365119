"""Approved timecard weeks into the ledger: the payroll posting and its reversal.

This is the one place the timecards call the accounting app, through its services:
`payroll_post` (an actual payroll cost on a budget account, idempotent by key) and
`entry_reverse` (the ledger is append-only: a changed week is corrected by a reversing
entry, never an edit).

- Amount: the week's gross as the engine prices it at the approved version (every exact
  line summed, rounded once); a snapshot of the lines is kept in `TimecardPosting.lines`.
- Account: the department's `PayrollAccount`, else the production's default (department "").
- Key: ``timecard-<engagement id>-<week start YYYYMMDD>-v<version>``, one per person-week
  and version, so posting the same approval twice posts once; the reversal's key is the
  entry's key plus ``-reversal``.
- Date: the production's today (the payroll run), so a week whose own dates lie in a closed
  period can still be paid.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from lynchpin.accounting.models import LedgerBook, LedgerEntry
from lynchpin.accounting.services import entry_reverse, payroll_post
from lynchpin.core.errors import Invalid
from lynchpin.engine.errors import DomainError
from lynchpin.people.models import Engagement, PayrollAccount, TimecardPosting, TimecardWeek
from lynchpin.people.timecards.adapters import (
    Terms,
    entry_from_row,
    line_values,
    price_rows,
    production_zone,
)

__all__ = ["payroll_account_for", "post_week", "posting_key", "reverse_week"]


def posting_key(engagement_id: int, week_start: date, version: int) -> str:
    """The ledger idempotency key of one person-week at one version."""
    return f"timecard-{engagement_id}-{week_start:%Y%m%d}-v{version}"


def payroll_account_for(production_id: int, department: str) -> str:
    """The budget account of `department`'s payroll, else the default; Invalid when
    neither is set (the payroll accounts page sets them)."""
    accounts = dict(PayrollAccount.objects.filter(production_id=production_id,
                                                  department__in=(department, ""))
                    .values_list("department", "account"))
    account = accounts.get(department) or accounts.get("")
    if not account:
        message = (f"No payroll account for the {department or 'no'} department: set it (or "
                   "a default) under Timecards, Payroll accounts, before approving.")
        raise Invalid(message, fields={"account": [message]})
    return account


def _today(engagement: Engagement) -> date:
    return timezone.localdate(timezone=production_zone(engagement.production))


def _ledger_currency(engagement: Engagement) -> str:
    book = LedgerBook.objects.filter(production_id=engagement.production_id).first()
    return book.currency if book is not None else str(engagement.production.currency)


def post_week(*, actor: Any, engagement: Engagement, week: TimecardWeek,
              terms: Terms) -> TimecardPosting | None:
    """Post the approved `week` at its current version (idempotent: the posting of this
    version when there is one). None when the week pays nothing.

    Raises Invalid when the week cannot be priced, no payroll account is set, the deal is
    paid in another currency than the ledger's, or the ledger refuses the entry (e.g. an
    account not in the budget, a closed period); Forbidden without POST_LEDGER.
    """
    existing = TimecardPosting.objects.filter(week=week, version=week.version).first()
    if existing is not None:
        return existing
    zone = production_zone(engagement.production)
    entries = [entry_from_row(row, zone) for row in week.days.order_by("day")]
    try:
        pay = price_rows(terms, entries, engagement_id=engagement.pk, start=week.week_start)
    except DomainError as exc:
        raise Invalid(f"This week cannot be priced: {exc}") from exc
    amount = pay.total
    if not pay.days or not amount:
        return None
    currency = _ledger_currency(engagement)
    if amount.currency != currency:
        raise Invalid(f"{engagement.contact.name} is paid in {amount.currency} and the ledger "
                      f"is kept in {currency}: post this week by hand with the converted "
                      "amount (a journal entry) instead of approving it here.")
    account = payroll_account_for(engagement.production_id, engagement.department)
    key = posting_key(engagement.pk, week.week_start, week.version)
    week_end = week.week_start + timedelta(days=6)
    payroll_post(
        actor=actor, production_id=engagement.production_id, key=key, date=_today(engagement),
        account=account, amount=amount.amount, vendor=engagement.contact.name,
        reference=f"Timecard w/e {week_end:%Y-%m-%d}",
        memo=f"{engagement.contact.name}, {engagement.position}: week of {week.week_start}, "
             f"version {week.version}")
    return TimecardPosting.objects.create(
        week=week, version=week.version, key=key, account=account, amount=amount.amount,
        currency=amount.currency, lines=line_values(pay.lines), posted_by=actor)


def reverse_week(*, actor: Any, engagement: Engagement, week: TimecardWeek,
                 reason: str) -> list[TimecardPosting]:
    """Reverse every live payroll posting of `week` in the ledger (dated the production's
    today) and mark it reversed; returns the postings reversed (none when none was live)."""
    reversed_now = []
    for posting in TimecardPosting.objects.filter(week=week, reversal_key="").order_by("id"):
        key = f"{posting.key}-reversal"
        entry = LedgerEntry.objects.filter(production_id=engagement.production_id,
                                           key=posting.key).first()
        if entry is not None and entry.reversal is None:
            entry_reverse(actor=actor, production_id=engagement.production_id,
                          entry_id=entry.pk, key=key, date=_today(engagement),
                          memo=f"Timecard week of {week.week_start}: {reason}")
        posting.reversal_key, posting.reversed_at = key, timezone.now()
        posting.save(update_fields=("reversal_key", "reversed_at", "updated"))
        reversed_now.append(posting)
    return reversed_now
