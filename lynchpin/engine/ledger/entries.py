"""Ledger entries: frozen values a production accountant posts, each with an idempotency key.

Every entry has a `key` (its idempotency key and its id in the ledger, non-empty), a `date`,
a `reference` (PO number, invoice number, payroll batch...) and a `memo`. Cost-bearing entries
are coded to an account code and optionally a set and an episode. Amounts are `Money`.
Shape errors (empty key, no receipts, no journal lines) raise `InputError` at construction;
everything that depends on the ledger (currency, chart, balances, periods) is checked by the
invariants in `invariants.py` when the entry is posted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money

__all__ = [
    "Entry",
    "Invoice",
    "JournalAdjustment",
    "JournalLine",
    "PayrollPosting",
    "PettyCashEnvelope",
    "PettyCashFloat",
    "PurchaseOrder",
    "PurchaseOrderClose",
    "Receipt",
    "Reversal",
]


def _require(value: str, what: str, key: str) -> None:
    if not value.strip():
        raise InputError(f"{what} must not be empty", source=f"entry {key!r}", field=what)


@dataclass(frozen=True, kw_only=True)
class _Base:
    key: str
    date: date
    reference: str = ""
    memo: str = ""

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise InputError("idempotency key must not be empty", source="entry", field="key")


@dataclass(frozen=True, kw_only=True)
class _Coded(_Base):
    account: str
    amount: Money
    vendor: str = ""
    set_code: str = ""
    episode: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        _require(self.account, "account", self.key)


@dataclass(frozen=True, kw_only=True)
class PurchaseOrder(_Coded):
    """A commitment: `amount` (> 0) is committed to `account` until invoiced or closed."""


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderClose(_Base):
    """Closes the PO `po_key`: its remaining open balance stops being committed."""

    po_key: str


@dataclass(frozen=True, kw_only=True)
class Invoice(_Coded):
    """An actual cost. With `po_key` it relieves that PO's open balance (up to the balance).

    A negative `amount` is allowed only on a credit note (`credit=True`); a credit note
    never touches a PO's balance.
    """

    po_key: str = ""
    credit: bool = False


@dataclass(frozen=True, kw_only=True)
class PayrollPosting(_Coded):
    """An actual labour cost from a payroll run (`vendor` = payroll company or person)."""


@dataclass(frozen=True, kw_only=True)
class PettyCashFloat(_Base):
    """Cash advanced to `custodian`: not a cost until receipts come back in envelopes."""

    custodian: str
    amount: Money


@dataclass(frozen=True, slots=True, kw_only=True)
class Receipt:
    """One petty cash receipt, coded to an account: an actual cost."""

    account: str
    amount: Money
    vendor: str = ""
    description: str = ""
    set_code: str = ""
    episode: str = ""


@dataclass(frozen=True, kw_only=True)
class PettyCashEnvelope(_Base):
    """Receipts returned against the float `float_key` (their sum may not exceed the float)."""

    float_key: str
    receipts: tuple[Receipt, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.receipts:
            raise InputError("an envelope needs at least one receipt", source=f"entry {self.key!r}")
        for receipt in self.receipts:
            _require(receipt.account, "account", self.key)


@dataclass(frozen=True, slots=True, kw_only=True)
class JournalLine:
    """One line of a journal adjustment: any sign (a credit or a transfer between accounts)."""

    account: str
    amount: Money
    set_code: str = ""
    episode: str = ""


@dataclass(frozen=True, kw_only=True)
class JournalAdjustment(_Base):
    """A journal adjustment of actual cost (reclass, accrual, vendor credit): lines of any sign."""

    lines: tuple[JournalLine, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.lines:
            raise InputError("a journal adjustment needs lines", source=f"entry {self.key!r}")
        for line in self.lines:
            _require(line.account, "account", self.key)


@dataclass(frozen=True, kw_only=True)
class Reversal(_Base):
    """Cancels the entry `reverses`: posts the exact negation of its postings, on `date`."""

    reverses: str


Entry = (
    PurchaseOrder
    | PurchaseOrderClose
    | Invoice
    | PayrollPosting
    | PettyCashFloat
    | PettyCashEnvelope
    | JournalAdjustment
    | Reversal
)


def amounts_of(entry: Entry) -> tuple[Money, ...]:
    """Every `Money` the entry carries (for the currency check)."""
    if isinstance(entry, PettyCashEnvelope):
        return tuple(receipt.amount for receipt in entry.receipts)
    if isinstance(entry, JournalAdjustment):
        return tuple(line.amount for line in entry.lines)
    if isinstance(entry, PurchaseOrderClose | Reversal):
        return ()
    return (entry.amount,)


def accounts_of(entry: Entry) -> tuple[str, ...]:
    """Every account code the entry is coded to (for the chart check)."""
    if isinstance(entry, PettyCashEnvelope):
        return tuple(receipt.account for receipt in entry.receipts)
    if isinstance(entry, JournalAdjustment):
        return tuple(line.account for line in entry.lines)
    if isinstance(entry, PurchaseOrderClose | Reversal | PettyCashFloat):
        return ()
    return (entry.account,)
