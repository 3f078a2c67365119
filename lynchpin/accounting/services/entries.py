"""Posting costs: invoices, payroll, petty cash floats and envelopes, journal entries, and
reversals (the only correction: the ledger is append-only).

Every service needs POST_LEDGER, takes the entry's idempotency `key` (a page makes one per
form it shows, so a double submit posts once; API clients send their own), builds the engine
entry in the ledger's currency and posts it through `posting.post_entry`, which runs every
invariant and writes the audit entry. Refusals are Invalid (400) listing every violation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from lynchpin.accounting.models import LedgerEntry, PurchaseOrder
from lynchpin.accounting.services.posting import (
    Book,
    amount_or_invalid,
    key_or_invalid,
    open_book,
    post_entry,
    resolve_vendor,
    writer,
)
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.engine.ledger import entries as engine
from lynchpin.engine.money import Money

__all__ = [
    "entry_reverse",
    "invoice_post",
    "journal_post",
    "payroll_post",
    "petty_cash_float_post",
    "petty_cash_post",
]


def _money(book: Book, value: Decimal, field: str = "amount") -> Money:
    return Money(amount_or_invalid(value, field), book.currency)


def _po_key(production_id: int, po_id: int | None) -> str:
    """The ledger key of an approved PO of the production ("" without a PO)."""
    if po_id is None:
        return ""
    po = PurchaseOrder.objects.filter(production_id=production_id, pk=po_id).first()
    if po is None:
        raise Invalid("No such purchase order.", fields={"po": ["Choose a purchase order."]})
    if po.state == PurchaseOrder.State.REQUESTED:
        raise Invalid(f"PO {po.number:04d} is not approved yet.",
                      fields={"po": ["Approve the purchase order first."]})
    return po.ledger_key


@transaction.atomic
def invoice_post(
    *, actor: Any, production_id: int, key: str, date: dt.date, account: str,
    amount: Decimal, vendor: str = "", vendor_id: int | None = None, reference: str = "",
    memo: str = "", po_id: int | None = None, credit: bool = False, set_code: str = "",
    episode: str = "",
) -> LedgerEntry:
    """Post a vendor invoice (actual cost), against an approved PO when `po_id` is given
    (relieving its open balance; above the balance is a ``ledger.po_overrun`` warning).
    A credit note (`credit`) has a negative amount and relieves no PO. The vendor is the
    people app's `vendor_id`, else the name `vendor`."""
    book = open_book(actor, writer(actor, production_id))
    supplier, name = resolve_vendor(production_id, vendor_id, vendor)
    entry = engine.Invoice(
        key=key_or_invalid(key), date=date, reference=reference.strip(), memo=memo.strip(),
        account=account.strip(), amount=_money(book, amount), vendor=name,
        set_code=set_code.strip(), episode=episode.strip(),
        po_key=_po_key(production_id, po_id), credit=credit,
    )
    return post_entry(actor=actor, book=book, entry=entry, vendor=supplier)


@transaction.atomic
def payroll_post(
    *, actor: Any, production_id: int, key: str, date: dt.date, account: str,
    amount: Decimal, vendor: str = "", vendor_id: int | None = None, reference: str = "",
    memo: str = "", set_code: str = "", episode: str = "",
) -> LedgerEntry:
    """Post a payroll cost (actual) to `account`: what approved timecards post. `vendor` is
    the payroll company or the person paid (or the people app's `vendor_id`)."""
    book = open_book(actor, writer(actor, production_id))
    supplier, name = resolve_vendor(production_id, vendor_id, vendor)
    entry = engine.PayrollPosting(
        key=key_or_invalid(key), date=date, reference=reference.strip(), memo=memo.strip(),
        account=account.strip(), amount=_money(book, amount), vendor=name,
        set_code=set_code.strip(), episode=episode.strip(),
    )
    return post_entry(actor=actor, book=book, entry=entry, vendor=supplier)


@transaction.atomic
def petty_cash_float_post(
    *, actor: Any, production_id: int, key: str, date: dt.date, custodian: str,
    amount: Decimal, reference: str = "", memo: str = "",
) -> LedgerEntry:
    """Post a petty cash float advanced to `custodian` (not a cost until receipts return)."""
    book = open_book(actor, writer(actor, production_id))
    if not custodian.strip():
        raise Invalid("Name who holds the float.", fields={"custodian": ["Required."]})
    entry = engine.PettyCashFloat(
        key=key_or_invalid(key), date=date, reference=reference.strip(), memo=memo.strip(),
        custodian=custodian.strip(), amount=_money(book, amount),
    )
    return post_entry(actor=actor, book=book, entry=entry)


def _float_key(production_id: int, float_id: int) -> str:
    row = LedgerEntry.objects.filter(
        production_id=production_id, pk=float_id, kind=LedgerEntry.Kind.PETTY_CASH,
        payload__has_key="custodian").first()
    if row is None:
        raise Invalid("No such petty cash float.", fields={"float": ["Choose a float."]})
    return row.key


def _receipt(book: Book, data: Mapping[str, Any], number: int) -> engine.Receipt:
    return engine.Receipt(
        account=str(data.get("account", "")).strip(),
        amount=_money(book, data.get("amount", ""), f"receipts[{number}].amount"),
        vendor=str(data.get("vendor", "")).strip(),
        description=str(data.get("description", "")).strip(),
        set_code=str(data.get("set_code", "")).strip(),
        episode=str(data.get("episode", "")).strip(),
    )


@transaction.atomic
def petty_cash_post(
    *, actor: Any, production_id: int, key: str, date: dt.date, float_id: int,
    receipts: Sequence[Mapping[str, Any]], reference: str = "", memo: str = "",
) -> LedgerEntry:
    """Post an envelope of petty cash receipts against the float `float_id` (a ledger entry
    id). Each receipt: account, amount, and optionally vendor, description, set_code,
    episode. The receipts of a float may not exceed it (``ledger.float_exceeded``)."""
    book = open_book(actor, writer(actor, production_id))
    entry = engine.PettyCashEnvelope(
        key=key_or_invalid(key), date=date, reference=reference.strip(), memo=memo.strip(),
        float_key=_float_key(production_id, float_id),
        receipts=tuple(_receipt(book, item, n) for n, item in enumerate(receipts, start=1)),
    )
    return post_entry(actor=actor, book=book, entry=entry)


@transaction.atomic
def journal_post(
    *, actor: Any, production_id: int, key: str, date: dt.date,
    lines: Sequence[Mapping[str, Any]], reference: str = "", memo: str = "",
) -> LedgerEntry:
    """Post a journal entry: lines of any sign (account, amount, optional set_code and
    episode) moving actual cost, e.g. a reclass from one account to another."""
    book = open_book(actor, writer(actor, production_id))
    entry = engine.JournalAdjustment(
        key=key_or_invalid(key), date=date, reference=reference.strip(), memo=memo.strip(),
        lines=tuple(
            engine.JournalLine(
                account=str(line.get("account", "")).strip(),
                amount=_money(book, line.get("amount", ""), f"lines[{n}].amount"),
                set_code=str(line.get("set_code", "")).strip(),
                episode=str(line.get("episode", "")).strip(),
            )
            for n, line in enumerate(lines, start=1)
        ),
    )
    return post_entry(actor=actor, book=book, entry=entry)


def _after_reversal(original: LedgerEntry) -> None:
    """Keep the PO workflow in step: a reversed PO is closed, a reversed close re-opens."""
    if original.kind == LedgerEntry.Kind.PO:
        PurchaseOrder.objects.filter(entry=original).update(state=PurchaseOrder.State.CLOSED)
    elif original.kind == LedgerEntry.Kind.PO_CLOSE:
        PurchaseOrder.objects.filter(close_entry=original).update(
            state=PurchaseOrder.State.APPROVED, close_entry=None)


@transaction.atomic
def entry_reverse(
    *, actor: Any, production_id: int, entry_id: int, key: str, date: dt.date, memo: str = "",
) -> LedgerEntry:
    """Reverse the ledger entry `entry_id`: post the exact negation of its postings dated
    `date` (an open period). The engine refuses reversing a reversal, an entry already
    reversed, or a PO/float that live entries still draw on (reverse those first)."""
    book = open_book(actor, writer(actor, production_id))
    original = LedgerEntry.objects.filter(production_id=production_id, pk=entry_id).first()
    if original is None:
        raise NotFound("Ledger entry not found.")
    entry = engine.Reversal(
        key=key_or_invalid(key), date=date, reverses=original.key, memo=memo.strip(),
        reference=f"Reversal of {original.reference or original.key}"[:200],
    )
    row = post_entry(actor=actor, book=book, entry=entry, reverses=original)
    _after_reversal(original)
    return row
