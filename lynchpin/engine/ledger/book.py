"""The `Ledger` value and read-only queries on it (balances, PO status, petty cash, lookups).

A ledger is an append-only tuple of `Record`s: each posted entry with the postings it made at
the time it was posted (so a later entry never changes an earlier one's effect) and the
warnings it was posted with. Postings are ACTUAL (cost incurred) or COMMITTED (open PO
balance); `against` names the PO or petty cash float a posting draws on. Everything before
`closed_through` (inclusive) is in a closed period. Build ledgers with `ledger.open_ledger`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from lynchpin.engine.errors import Violation
from lynchpin.engine.ledger.entries import (
    Entry,
    PettyCashFloat,
    PurchaseOrder,
    PurchaseOrderClose,
    Reversal,
)
from lynchpin.engine.money import Money, total

__all__ = ["Ledger", "PoStatus", "Posting", "PostingKind", "Record", "ledger_of"]


class PostingKind(StrEnum):
    """Which column a posting moves: actual cost or commitment (open PO balance)."""

    ACTUAL = "actual"
    COMMITTED = "committed"


class PoStatus(StrEnum):
    """A purchase order's state, derived from the postings against it."""

    OPEN = "open"
    PARTLY_INVOICED = "partly invoiced"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Posting:
    """One movement of one column of one account, made by the entry `entry_key`."""

    entry_key: str
    date: dt.date
    account: str
    kind: PostingKind
    amount: Money
    against: str = ""
    set_code: str = ""
    episode: str = ""

    def negated(self, entry_key: str, on: dt.date) -> Posting:
        """The posting that cancels this one, made by `entry_key` on `on`."""
        return Posting(
            entry_key,
            on,
            self.account,
            self.kind,
            -self.amount,
            self.against,
            self.set_code,
            self.episode,
        )


@dataclass(frozen=True, slots=True)
class Record:
    """A posted entry, the postings it made and the warnings it was posted with."""

    entry: Entry
    postings: tuple[Posting, ...]
    warnings: tuple[Violation, ...] = ()


@dataclass(frozen=True)
class Ledger:
    """An append-only production ledger in one currency over a chart of account codes."""

    currency: str
    accounts: frozenset[str]
    records: tuple[Record, ...] = ()
    closed_through: dt.date | None = None
    _index: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )

    def record(self, key: str) -> Record | None:
        """The record posted under idempotency key `key`, or None."""
        position = self._index.get(key)
        return None if position is None else self.records[position]

    def postings(self) -> Iterator[Posting]:
        """Every posting, in posting order."""
        for record in self.records:
            yield from record.postings

    def is_closed(self, day: dt.date) -> bool:
        """True when `day` lies in a closed period."""
        return self.closed_through is not None and day <= self.closed_through

    def reversal_of(self, key: str) -> Record | None:
        """The record that reversed the entry `key`, or None."""
        for record in self.records:
            if isinstance(record.entry, Reversal) and record.entry.reverses == key:
                return record
        return None

    def balance_against(self, key: str, kind: PostingKind) -> Money:
        """Sum of `kind` postings drawing on the PO or float `key`."""
        amounts = [p.amount for p in self.postings() if p.against == key and p.kind is kind]
        return total(amounts, self.currency)

    def open_balance(self, po_key: str) -> Money:
        """A PO's open (committed, not yet invoiced or released) balance; zero if unknown."""
        return self.balance_against(po_key, PostingKind.COMMITTED)

    def po_status(self, po_key: str) -> PoStatus:
        """OPEN (nothing invoiced), PARTLY_INVOICED, or CLOSED (closed, fully invoiced or
        reversed). Raises KeyError when `po_key` is not a posted purchase order."""
        record = self.record(po_key)
        if record is None or not isinstance(record.entry, PurchaseOrder):
            raise KeyError(f"no purchase order {po_key!r} in the ledger")
        if self.reversal_of(po_key) is not None or self._close_of(po_key):
            return PoStatus.CLOSED
        balance = self.open_balance(po_key)
        if balance.amount <= 0:
            return PoStatus.CLOSED
        return PoStatus.OPEN if balance == record.entry.amount else PoStatus.PARTLY_INVOICED

    def _close_of(self, po_key: str) -> bool:
        return any(
            isinstance(r.entry, PurchaseOrderClose)
            and r.entry.po_key == po_key
            and self.reversal_of(r.entry.key) is None
            for r in self.records
        )

    def float_amount(self, float_key: str) -> Money:
        """A petty cash float's amount (zero when unknown or reversed)."""
        record = self.record(float_key)
        if record is None or not isinstance(record.entry, PettyCashFloat):
            return Money.zero(self.currency)
        if self.reversal_of(float_key) is not None:
            return Money.zero(self.currency)
        return record.entry.amount

    def float_spent(self, float_key: str) -> Money:
        """Receipts returned against a float so far (net of reversed envelopes)."""
        return self.balance_against(float_key, PostingKind.ACTUAL)


def ledger_of(*, currency: str, accounts: frozenset[str], records: tuple[Record, ...],
              closed_through: dt.date | None = None) -> Ledger:
    """A ledger holding `records` as already posted (no checks), indexed in one pass.

    For stores that keep every record the engine once accepted through `ledger.post` and
    rebuild the ledger from them: linear, where posting them again one by one is quadratic.
    """
    index = {record.entry.key: position for position, record in enumerate(records)}
    return Ledger(currency, accounts, records, closed_through, MappingProxyType(index))


def with_record(ledger: Ledger, record: Record) -> Ledger:
    """`ledger` with `record` appended (no checks: use `ledger.post`)."""
    index = dict(ledger._index)
    index[record.entry.key] = len(ledger.records)
    return Ledger(
        ledger.currency,
        ledger.accounts,
        (*ledger.records, record),
        ledger.closed_through,
        MappingProxyType(index),
    )


def with_closed_through(ledger: Ledger, closed_through: dt.date) -> Ledger:
    """`ledger` with periods closed through `closed_through` (no checks)."""
    return Ledger(ledger.currency, ledger.accounts, ledger.records, closed_through, ledger._index)
