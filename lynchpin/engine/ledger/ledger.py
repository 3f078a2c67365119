"""Posting: the only way entries enter a `Ledger`, always through the invariants.

`post` returns a new ledger (the old one is untouched); `reverse` posts a `Reversal`.
Idempotency: posting an entry whose key is already posted with identical content returns the
ledger unchanged (even if its period has since closed: a retried request is not a new
posting); with different content it is the ``ledger.duplicate_key`` error.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from lynchpin.engine.errors import DomainError, Severity, Violation
from lynchpin.engine.ledger.book import Ledger, Record, with_record
from lynchpin.engine.ledger.effects import postings_for
from lynchpin.engine.ledger.entries import Entry, Reversal
from lynchpin.engine.ledger.invariants import check_entry

__all__ = ["PostingRefused", "open_ledger", "post", "post_all", "reverse"]


class PostingRefused(DomainError):
    """An entry broke at least one invariant; `violations` lists all of them (errors and
    warnings) and nothing was posted."""

    def __init__(self, key: str, violations: tuple[Violation, ...]) -> None:
        self.key = key
        self.violations = violations
        lines = "; ".join(f"{v.severity}: {v.rule}: {v.message}" for v in violations)
        super().__init__(f"entry {key!r} refused: {lines}")


def open_ledger(*, currency: str, accounts: Iterable[str]) -> Ledger:
    """An empty ledger in `currency` (ISO 4217) over the chart of account codes `accounts`."""
    code = currency.upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError(f"not a currency code: {currency!r}")
    return Ledger(code, frozenset(accounts))


def post(ledger: Ledger, entry: Entry) -> Ledger:
    """`ledger` with `entry` appended; its warnings are kept on the new record.

    Raises PostingRefused (a DomainError) listing every violation when any is an ERROR.
    """
    existing = ledger.record(entry.key)
    if existing is not None and existing.entry == entry:
        return ledger
    violations = check_entry(ledger, entry)
    if any(v.severity is Severity.ERROR for v in violations):
        raise PostingRefused(entry.key, violations)
    return with_record(ledger, Record(entry, postings_for(ledger, entry), violations))


def post_all(ledger: Ledger, entries: Iterable[Entry]) -> Ledger:
    """Post `entries` in order; raises PostingRefused at the first refused entry."""
    for entry in entries:
        ledger = post(ledger, entry)
    return ledger


def reverse(
    ledger: Ledger, entry_id: str, *, date: date, key: str, reference: str = "", memo: str = ""
) -> Ledger:
    """Post a reversal of `entry_id` dated `date` (an open period) under idempotency `key`.

    Its postings are the exact negation of the original's, so the pair nets to zero.
    Raises PostingRefused as `post` does (unknown or already reversed entry, closed period...).
    """
    return post(
        ledger, Reversal(key=key, date=date, reverses=entry_id, reference=reference, memo=memo)
    )
