"""Reads of the ledger, periods, petty cash floats and bank lines (all need VIEW_MONEY).

Lists are ordered querysets (pages and the API paginate them); every one is scoped to the
production of the actor's membership, so another production's rows are never found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from lynchpin.accounting.models import AccountingPeriod, BankImport, BankLine, LedgerEntry
from lynchpin.accounting.selectors.common import money_member, stored_ledger
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.engine.ledger.entries import PettyCashFloat

__all__ = [
    "FloatRow",
    "bank_import_list",
    "bank_line_list",
    "entry_get",
    "float_list",
    "ledger_list",
    "period_list",
]


def ledger_list(
    *, actor: Any, production_id: int, kind: str | None = None, account: str | None = None,
    period_id: int | None = None, date_from: dt.date | None = None,
    date_to: dt.date | None = None, search: str | None = None,
) -> QuerySet[LedgerEntry]:
    """Entries, newest date first, optionally of one kind, account, period, date range, or
    containing `search` in reference, vendor, memo or key. Requires VIEW_MONEY.
    Invalid for an unknown kind."""
    money_member(actor, production_id)
    rows = LedgerEntry.objects.filter(production_id=production_id).select_related("reverses")
    if kind:
        if kind not in LedgerEntry.Kind.values:
            raise Invalid(f"Unknown kind {kind!r}.", fields={"kind": ["Choose a kind."]})
        rows = rows.filter(kind=kind)
    if account:
        rows = rows.filter(account=account)
    if period_id:
        rows = rows.filter(period_id=period_id)
    if date_from:
        rows = rows.filter(date__gte=date_from)
    if date_to:
        rows = rows.filter(date__lte=date_to)
    if search:
        rows = rows.filter(Q(reference__icontains=search) | Q(vendor_name__icontains=search)
                           | Q(memo__icontains=search) | Q(key__icontains=search))
    return rows.order_by("-date", "-id")


def entry_get(*, actor: Any, production_id: int, entry_id: int) -> LedgerEntry:
    """One entry with what reverses it (`reversed_by`, if any). Requires VIEW_MONEY."""
    money_member(actor, production_id)
    entry = (
        LedgerEntry.objects.filter(production_id=production_id, pk=entry_id)
        .select_related("reverses", "period").first()
    )
    if entry is None:
        raise NotFound("Ledger entry not found.")
    return entry


def period_list(*, actor: Any, production_id: int) -> QuerySet[AccountingPeriod]:
    """Accounting periods, latest first. Requires VIEW_MONEY."""
    money_member(actor, production_id)
    return AccountingPeriod.objects.filter(production_id=production_id).order_by("-end_date")


@dataclass(frozen=True, slots=True)
class FloatRow:
    """A petty cash float: its ledger entry, what it advanced and what is still out."""

    entry: LedgerEntry
    custodian: str
    amount: Decimal
    spent: Decimal
    remaining: Decimal
    reversed: bool


def float_list(*, actor: Any, production_id: int) -> list[FloatRow]:
    """Petty cash floats, newest first, with receipts returned and cash still out.
    Requires VIEW_MONEY."""
    membership = money_member(actor, production_id)
    rows = list(
        LedgerEntry.objects.filter(production_id=production_id, kind=LedgerEntry.Kind.PETTY_CASH,
                                   payload__has_key="custodian")
        .select_related("reversed_by").order_by("-date", "-id")
    )
    if not rows:
        return []
    ledger = stored_ledger(membership)
    result = []
    for row in rows:
        record = ledger.record(row.key)
        assert record is not None and isinstance(record.entry, PettyCashFloat)
        issued = ledger.float_amount(row.key).amount
        spent = ledger.float_spent(row.key).amount
        reversed_ = ledger.reversal_of(row.key) is not None
        result.append(FloatRow(row, record.entry.custodian, record.entry.amount.amount, spent,
                               issued - spent, reversed_))
    return result


def bank_line_list(
    *, actor: Any, production_id: int, batch_id: int | None = None
) -> QuerySet[BankLine]:
    """Imported statement lines, newest first (of one import when `batch_id` is given).
    Requires VIEW_MONEY."""
    money_member(actor, production_id)
    rows = BankLine.objects.filter(production_id=production_id)
    if batch_id:
        rows = rows.filter(batch_id=batch_id)
    return rows.order_by("-date", "-id")


def bank_import_list(*, actor: Any, production_id: int) -> QuerySet[BankImport]:
    """Statement imports, newest first. Requires VIEW_MONEY."""
    money_member(actor, production_id)
    return BankImport.objects.filter(production_id=production_id).order_by("-created", "-id")
