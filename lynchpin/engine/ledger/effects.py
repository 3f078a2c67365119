"""What an entry posts: its ACTUAL and COMMITTED postings, given the ledger it is posted to.

Computed once, when the entry is posted, and stored in its `Record`, so an entry's effect
never changes afterwards (a reversal negates exactly what the original posted).

- PurchaseOrder: COMMITTED +amount on its account, against itself.
- PurchaseOrderClose: COMMITTED -open balance on the PO's account (releases the rest).
- Invoice: ACTUAL +amount on its account; against a PO it also relieves the PO's open balance
  by min(amount, open balance) on the PO's account (never below zero; credit notes relieve
  nothing). An invoice above the open balance is an overrun: the excess is actual cost only.
- PayrollPosting: ACTUAL. PettyCashFloat: nothing (cash advanced is not yet a cost).
- PettyCashEnvelope: ACTUAL per receipt, against the float. JournalAdjustment: ACTUAL per line.
- Reversal: the negation of every posting of the reversed entry, dated on the reversal.
"""

from __future__ import annotations

from decimal import Decimal

from lynchpin.engine.ledger.book import Ledger, Posting, PostingKind
from lynchpin.engine.ledger.entries import (
    Entry,
    Invoice,
    JournalAdjustment,
    PayrollPosting,
    PettyCashEnvelope,
    PettyCashFloat,
    PurchaseOrder,
    PurchaseOrderClose,
    Reversal,
)
from lynchpin.engine.money import Money

__all__ = ["postings_for"]

ACTUAL, COMMITTED = PostingKind.ACTUAL, PostingKind.COMMITTED


def postings_for(ledger: Ledger, entry: Entry) -> tuple[Posting, ...]:
    """The postings `entry` makes on `ledger` (see the module docstring); assumes it passed
    the invariants (an unknown PO or reversal target posts nothing)."""
    if isinstance(entry, PurchaseOrder):
        return (_posting(entry, entry.account, COMMITTED, entry.amount, entry.key),)
    if isinstance(entry, PurchaseOrderClose):
        return _close(ledger, entry)
    if isinstance(entry, Invoice):
        return _invoice(ledger, entry)
    if isinstance(entry, PayrollPosting):
        return (_posting(entry, entry.account, ACTUAL, entry.amount),)
    if isinstance(entry, PettyCashEnvelope | JournalAdjustment):
        return _lines(entry)
    if isinstance(entry, Reversal):
        original = ledger.record(entry.reverses)
        if original is None:
            return ()
        return tuple(p.negated(entry.key, entry.date) for p in original.postings)
    assert isinstance(entry, PettyCashFloat)
    return ()


def _lines(entry: PettyCashEnvelope | JournalAdjustment) -> tuple[Posting, ...]:
    """One ACTUAL posting per receipt (against the float) or per journal line."""
    if isinstance(entry, PettyCashEnvelope):
        coded = [(r.account, r.amount, r.set_code, r.episode) for r in entry.receipts]
        against = entry.float_key
    else:
        coded = [(ln.account, ln.amount, ln.set_code, ln.episode) for ln in entry.lines]
        against = ""
    return tuple(
        Posting(entry.key, entry.date, account, ACTUAL, amount, against, set_code, episode)
        for account, amount, set_code, episode in coded
    )


def _posting(
    entry: PurchaseOrder | Invoice | PayrollPosting,
    account: str,
    kind: PostingKind,
    amount: Money,
    against: str = "",
) -> Posting:
    return Posting(
        entry.key, entry.date, account, kind, amount, against, entry.set_code, entry.episode
    )


def _po(ledger: Ledger, po_key: str) -> PurchaseOrder | None:
    record = ledger.record(po_key)
    if record is None or not isinstance(record.entry, PurchaseOrder):
        return None
    return record.entry


def _close(ledger: Ledger, entry: PurchaseOrderClose) -> tuple[Posting, ...]:
    po = _po(ledger, entry.po_key)
    balance = ledger.open_balance(entry.po_key)
    if po is None or balance.amount <= 0:
        return ()
    return (
        Posting(
            entry.key, entry.date, po.account, COMMITTED, -balance, po.key, po.set_code, po.episode
        ),
    )


def _invoice(ledger: Ledger, entry: Invoice) -> tuple[Posting, ...]:
    actual = _posting(entry, entry.account, ACTUAL, entry.amount)
    po = _po(ledger, entry.po_key) if entry.po_key else None
    if po is None or entry.amount.amount <= 0:
        return (actual,)
    balance = ledger.open_balance(po.key)
    relief = min(entry.amount.amount, max(balance.amount, Decimal(0)))
    if relief == 0:
        return (actual,)
    release = Posting(
        entry.key,
        entry.date,
        po.account,
        COMMITTED,
        Money(-relief, ledger.currency),
        po.key,
        po.set_code,
        po.episode,
    )
    return (actual, release)
