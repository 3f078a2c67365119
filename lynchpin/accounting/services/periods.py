"""Accounting periods: add the next one, close them (cumulative, one-way).

Periods follow each other without gaps: the first starts where the accountant says, each
next one the day after the last ends. Closing a period closes every earlier one too; from
then on the engine refuses any entry dated on or before its end (``ledger.closed_period``),
reversals included (date corrections in an open period). Periods never reopen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lynchpin.accounting.models import AccountingPeriod, LedgerBook, LedgerEntry
from lynchpin.accounting.services.posting import writer
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.core.validation import clean_or_invalid

__all__ = ["period_close", "period_create"]


def _lock_book(membership: Any) -> None:
    """Serialise with postings: a period is added or closed between two postings."""
    production = membership.production
    row, _ = LedgerBook.objects.get_or_create(
        production_id=production.pk, defaults={"currency": production.currency})
    LedgerBook.objects.select_for_update().filter(pk=row.pk).first()


def _start_of_next(production_id: int, start_date: dt.date | None) -> dt.date:
    last = AccountingPeriod.objects.filter(production_id=production_id).order_by(
        "-end_date").first()
    if last is None:
        if start_date is None:
            raise Invalid("Give the first period's start date.",
                          fields={"start_date": ["The first period needs a start date."]})
        return start_date
    follows = last.end_date + dt.timedelta(days=1)
    if start_date is not None and start_date != follows:
        message = f"Periods follow each other: the next one starts on {follows.isoformat()}."
        raise Invalid(message, fields={"start_date": [message]})
    return follows


@transaction.atomic
def period_create(
    *, actor: Any, production_id: int, end_date: dt.date, start_date: dt.date | None = None
) -> AccountingPeriod:
    """Add the next period, ending on `end_date` (starting the day after the last period
    ends; `start_date` is needed for the first). Requires POST_LEDGER. Entries already
    posted on its dates are filed under it. Invalid when it would end before it starts."""
    membership = writer(actor, production_id)
    _lock_book(membership)
    start = _start_of_next(production_id, start_date)
    period = AccountingPeriod(production_id=production_id, start_date=start, end_date=end_date)
    clean_or_invalid(period)
    period.save()
    # The period is the one field of an entry filled after posting: it files the entry, it
    # changes no amount (QuerySet.update, so the append-only guard on save() is not hit).
    LedgerEntry.objects.filter(
        production_id=production_id, period__isnull=True, date__gte=start, date__lte=end_date
    ).update(period=period)
    audit_record(actor=actor, action="accounting_period.create", target=period,
                 production_id=production_id,
                 changes={"start_date": [None, start.isoformat()],
                          "end_date": [None, end_date.isoformat()]})
    return period


@transaction.atomic
def period_close(*, actor: Any, production_id: int, period_id: int) -> AccountingPeriod:
    """Close the period `period_id` and every earlier open one. Requires POST_LEDGER.
    Closing a closed period returns it unchanged. NotFound for another production's."""
    membership = writer(actor, production_id)
    _lock_book(membership)
    period = AccountingPeriod.objects.filter(production_id=production_id, pk=period_id).first()
    if period is None:
        raise NotFound("Accounting period not found.")
    if period.closed:
        return period
    now = timezone.now()
    closing = AccountingPeriod.objects.filter(
        production_id=production_id, closed=False, end_date__lte=period.end_date)
    for each in closing.order_by("end_date"):
        audit_record(actor=actor, action="accounting_period.close", target=each,
                     production_id=production_id, changes={"closed": [False, True]})
    closing.update(closed=True, closed_at=now, closed_by=actor)
    period.refresh_from_db()
    return period
