"""Engine ledger entries <-> the JSON `payload` of a `LedgerEntry` row.

The payload is the entry's dataclass fields by name, with dates as ISO strings and amounts
as exact decimal strings (never floats); the row's `currency` gives the amounts back their
currency. Receipts (petty cash envelopes) and lines (journal entries) are lists of such
objects. A petty cash payload is a float when it has ``custodian``, else an envelope.
Reading a payload that does not fit its kind raises InputError naming the field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.entries import (
    Entry,
    Invoice,
    JournalAdjustment,
    JournalLine,
    PayrollPosting,
    PettyCashEnvelope,
    PettyCashFloat,
    PurchaseOrder,
    PurchaseOrderClose,
    Receipt,
    Reversal,
)
from lynchpin.engine.money import Money, total

__all__ = ["entry_from_payload", "entry_payload", "kind_of", "listing_fields"]

_KINDS: tuple[tuple[type[Any], str], ...] = (
    (PurchaseOrder, "po"),
    (PurchaseOrderClose, "po_close"),
    (Invoice, "invoice"),
    (PayrollPosting, "payroll"),
    (PettyCashFloat, "petty_cash"),
    (PettyCashEnvelope, "petty_cash"),
    (JournalAdjustment, "journal"),
    (Reversal, "reversal"),
)


def kind_of(entry: Entry) -> str:
    """The `LedgerEntry.Kind` value of an engine entry."""
    for cls, kind in _KINDS:
        if isinstance(entry, cls):
            return kind
    raise TypeError(f"not a ledger entry: {entry!r}")


def _plain(value: Any) -> Any:
    if isinstance(value, Money):
        return str(value.amount)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def entry_payload(entry: Entry) -> dict[str, Any]:
    """The entry's fields as JSON-ready data (see the module docstring)."""
    data = _plain(entry)
    assert isinstance(data, dict)  # every entry is a dataclass
    return data


def _money(data: Mapping[str, Any], name: str, currency: str) -> Money:
    try:
        return Money(Decimal(str(data[name])), currency)
    except (KeyError, InvalidOperation, ValueError):
        raise InputError("not an amount", source="ledger entry", field=name) from None


def _converted(cls: type[Any], data: Mapping[str, Any], currency: str) -> dict[str, Any]:
    """Keyword arguments for `cls` from `data`: dates and amounts turned back into values."""
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {name: value for name, value in data.items() if name in names}
    if "date" in kwargs:
        kwargs["date"] = date.fromisoformat(str(kwargs["date"]))
    if "amount" in kwargs:
        kwargs["amount"] = _money(data, "amount", currency)
    return kwargs


def _receipts(data: Mapping[str, Any], currency: str) -> tuple[Receipt, ...]:
    return tuple(Receipt(**_converted(Receipt, item, currency)) for item in data["receipts"])


def _lines(data: Mapping[str, Any], currency: str) -> tuple[JournalLine, ...]:
    return tuple(JournalLine(**_converted(JournalLine, item, currency)) for item in data["lines"])


def _simple(cls: type[Any]) -> Callable[[Mapping[str, Any], str], Entry]:
    def build(data: Mapping[str, Any], currency: str) -> Entry:
        entry: Entry = cls(**_converted(cls, data, currency))
        return entry

    return build


def _petty_cash(data: Mapping[str, Any], currency: str) -> Entry:
    if "custodian" in data:
        return PettyCashFloat(**_converted(PettyCashFloat, data, currency))
    fields = _converted(PettyCashEnvelope, data, currency)
    fields["receipts"] = _receipts(data, currency)
    return PettyCashEnvelope(**fields)


def _journal(data: Mapping[str, Any], currency: str) -> Entry:
    fields = _converted(JournalAdjustment, data, currency)
    fields["lines"] = _lines(data, currency)
    return JournalAdjustment(**fields)


_READERS: dict[str, Callable[[Mapping[str, Any], str], Entry]] = {
    "po": _simple(PurchaseOrder),
    "po_close": _simple(PurchaseOrderClose),
    "invoice": _simple(Invoice),
    "payroll": _simple(PayrollPosting),
    "petty_cash": _petty_cash,
    "journal": _journal,
    "reversal": _simple(Reversal),
}


def entry_from_payload(kind: str, payload: Mapping[str, Any], currency: str) -> Entry:
    """The engine entry stored as (`kind`, `payload`) with amounts in `currency`.

    Raises InputError for an unknown kind or a payload that does not fit it.
    """
    reader = _READERS.get(kind)
    if reader is None:
        raise InputError(f"unknown entry kind {kind!r}", source="ledger entry", field="kind")
    try:
        return reader(payload, currency)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"stored entry does not fit its kind: {exc}", source="ledger entry",
                         field="payload") from None


def listing_fields(entry: Entry, original_amount: Decimal | None = None) -> dict[str, Any]:
    """``account``, ``vendor_name`` and ``amount`` (Decimal) shown in ledger lists.

    `original_amount` is the listing amount of the entry a reversal reverses (its negation is
    the reversal's amount). A PO close's amount is set by the caller from its postings.
    """
    account, vendor, amount = "", "", Decimal(0)
    if isinstance(entry, PurchaseOrder | Invoice | PayrollPosting):
        account, vendor, amount = entry.account, entry.vendor, entry.amount.amount
    elif isinstance(entry, PettyCashFloat):
        vendor, amount = entry.custodian, entry.amount.amount
    elif isinstance(entry, PettyCashEnvelope):
        accounts = {receipt.account for receipt in entry.receipts}
        account = accounts.pop() if len(accounts) == 1 else ""
        currency = entry.receipts[0].amount.currency
        amount = total([r.amount for r in entry.receipts], currency).amount
    elif isinstance(entry, JournalAdjustment):
        accounts = {line.account for line in entry.lines}
        account = accounts.pop() if len(accounts) == 1 else ""
        amount = sum((ln.amount.amount for ln in entry.lines if ln.amount.amount > 0), Decimal(0))
    elif isinstance(entry, Reversal) and original_amount is not None:
        amount = -original_amount
    return {"account": account, "vendor_name": vendor, "amount": amount}
