"""Posting invariants: small rule functions returning `Violation`s, run before every posting.

Each rule is ``check_<rule>(ledger, entry) -> Iterator[Violation]``, registered in `CHECKS`
(a tuple of (rule name, function)); `check_entry` runs them all, in order, and returns every
violation at once. ERRORs block the posting (`ledger.post` raises `PostingRefused`); WARNINGs
are kept on the posted record. Rule names are stable and listed in docs/ledger.md.

Decision: an invoice above its PO's open balance is a WARNING (freight, tax and small overages
are routine; the excess is posted as actual cost without touching other commitments), while an
invoice against a closed or unknown PO is an ERROR.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.ledger.book import Ledger, PoStatus
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
    accounts_of,
    amounts_of,
)
from lynchpin.engine.money import Money, total

__all__ = ["CHECKS", "check_entry"]

Check = Callable[[Ledger, Entry], Iterator[Violation]]


def _error(rule: str, message: str, entry: Entry) -> Violation:
    return Violation(rule, Severity.ERROR, message, entry.key)


def _warning(rule: str, message: str, entry: Entry) -> Violation:
    return Violation(rule, Severity.WARNING, message, entry.key)


def _currency_ok(ledger: Ledger, entry: Entry) -> bool:
    return all(amount.currency == ledger.currency for amount in amounts_of(entry))


def check_duplicate_key(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """The key was already posted with different content (identical re-posts never get here)."""
    record = ledger.record(entry.key)
    if record is not None and record.entry != entry:
        yield _error(
            "ledger.duplicate_key",
            f"key {entry.key!r} was already posted with different content",
            entry,
        )


def check_currency(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """Every amount is in the production's currency."""
    for currency in sorted({a.currency for a in amounts_of(entry)} - {ledger.currency}):
        yield _error(
            "ledger.currency",
            f"amount in {currency}, the production's currency is {ledger.currency}",
            entry,
        )


def check_account_known(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """Every account the entry is coded to exists in the chart of accounts."""
    for account in dict.fromkeys(accounts_of(entry)):
        if account not in ledger.accounts:
            yield _error(
                "ledger.unknown_account",
                f"account {account} is not in the chart of accounts",
                entry,
            )


def check_period_open(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """Nothing may be dated in a closed period (corrections are reversals dated later)."""
    if ledger.is_closed(entry.date):
        yield _error(
            "ledger.closed_period",
            f"{entry.date.isoformat()} is in a period closed through {ledger.closed_through}",
            entry,
        )


def _negative(amount: Money, *, allow_zero: bool = True) -> bool:
    return amount.amount < 0 or (not allow_zero and amount.amount == 0)


def check_amount_sign(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """Negative amounts only on reversals, credit notes and journal adjustments; POs and
    floats are positive."""
    rule = "ledger.negative_amount"
    if isinstance(entry, PurchaseOrder | PettyCashFloat) and _negative(
        entry.amount, allow_zero=False
    ):
        yield _error(rule, "a purchase order or float must be above zero", entry)
    elif isinstance(entry, Invoice) and entry.credit and entry.amount.amount > 0:
        yield _warning(rule, "a credit note with a positive amount adds cost", entry)
    elif isinstance(entry, Invoice | PayrollPosting) and not getattr(entry, "credit", False):
        if _negative(entry.amount):
            yield _error(rule, "negative amount: post a credit note or a reversal", entry)
    elif isinstance(entry, PettyCashEnvelope):
        if any(_negative(r.amount) for r in entry.receipts):
            yield _error(rule, "negative petty cash receipt", entry)
    elif isinstance(entry, JournalAdjustment) and not any(ln.amount for ln in entry.lines):
        yield _warning("ledger.empty_adjustment", "every line of the adjustment is zero", entry)


def check_po_reference(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """An invoice or close names a posted, still open purchase order."""
    po_key = entry.po_key if isinstance(entry, Invoice | PurchaseOrderClose) else ""
    if not po_key:
        return
    record = ledger.record(po_key)
    if record is None or not isinstance(record.entry, PurchaseOrder):
        yield _error("ledger.unknown_po", f"no purchase order {po_key!r}", entry)
    elif ledger.po_status(po_key) is PoStatus.CLOSED:
        yield _error("ledger.po_closed", f"purchase order {po_key!r} is closed", entry)


def check_invoice_within_po(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """An invoice above its PO's open balance (WARNING: the excess is an overrun)."""
    if not isinstance(entry, Invoice) or not entry.po_key or not _currency_ok(ledger, entry):
        return
    record = ledger.record(entry.po_key)
    if record is None or not isinstance(record.entry, PurchaseOrder):
        return
    balance = ledger.open_balance(entry.po_key)
    if not entry.credit and balance.amount > 0 and balance < entry.amount:
        yield _warning(
            "ledger.po_overrun",
            f"invoice {entry.amount} exceeds PO {entry.po_key!r} open balance "
            f"{balance} by {entry.amount - balance}",
            entry,
        )
    if record.entry.vendor and entry.vendor and record.entry.vendor != entry.vendor:
        yield _warning(
            "ledger.po_vendor",
            f"vendor {entry.vendor!r} differs from the PO's {record.entry.vendor!r}",
            entry,
        )


def check_petty_cash_float(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """An envelope names a posted float, and receipts never exceed the float."""
    if not isinstance(entry, PettyCashEnvelope) or not _currency_ok(ledger, entry):
        return
    record = ledger.record(entry.float_key)
    if record is None or not isinstance(record.entry, PettyCashFloat):
        yield _error("ledger.unknown_float", f"no petty cash float {entry.float_key!r}", entry)
        return
    spent = ledger.float_spent(entry.float_key) + total(
        [r.amount for r in entry.receipts], ledger.currency
    )
    issued = ledger.float_amount(entry.float_key)
    if issued < spent:
        yield _error(
            "ledger.float_exceeded",
            f"receipts {spent} exceed float {entry.float_key!r} of {issued}",
            entry,
        )


def check_reversal(ledger: Ledger, entry: Entry) -> Iterator[Violation]:
    """A reversal names a posted, unreversed, non-reversal entry with nothing drawing on it."""
    if not isinstance(entry, Reversal):
        return
    target = ledger.record(entry.reverses)
    if target is None:
        yield _error("ledger.unknown_entry", f"no entry {entry.reverses!r} to reverse", entry)
    elif isinstance(target.entry, Reversal):
        yield _error(
            "ledger.reverse_reversal",
            "a reversal cannot be reversed: post the entry again under a new key",
            entry,
        )
    elif ledger.reversal_of(entry.reverses) is not None:
        yield _error("ledger.already_reversed", f"{entry.reverses!r} is already reversed", entry)
    elif _drawn_on(ledger, entry.reverses):
        yield _error(
            "ledger.reverse_drawn_on",
            f"entries draw on {entry.reverses!r}: reverse them first",
            entry,
        )


def _drawn_on(ledger: Ledger, key: str) -> bool:
    """True when live (unreversed) entries other than `key` post against it."""
    drawers = {p.entry_key for p in ledger.postings() if p.against == key and p.entry_key != key}
    reversed_keys = {r.entry.reverses for r in ledger.records if isinstance(r.entry, Reversal)}
    reversal_keys = {r.entry.key for r in ledger.records if isinstance(r.entry, Reversal)}
    return bool(drawers - reversed_keys - reversal_keys)


CHECKS: tuple[tuple[str, Check], ...] = (
    ("duplicate_key", check_duplicate_key),
    ("currency", check_currency),
    ("account_known", check_account_known),
    ("period_open", check_period_open),
    ("amount_sign", check_amount_sign),
    ("po_reference", check_po_reference),
    ("invoice_within_po", check_invoice_within_po),
    ("petty_cash_float", check_petty_cash_float),
    ("reversal", check_reversal),
)


def check_entry(ledger: Ledger, entry: Entry) -> tuple[Violation, ...]:
    """Every violation `entry` would cause if posted to `ledger`, in `CHECKS` order."""
    return tuple(v for _, check in CHECKS for v in check(ledger, entry))
