"""Stored ledger rows -> the engine's `Ledger`, and an engine `Record` -> row fields.

A row keeps what the engine computed when the entry was posted (its postings and warnings),
so the ledger is rebuilt in one linear pass, in posting order, without re-running the
invariants on entries that already passed them (re-posting 4,500 entries one by one takes
about 3 s; rebuilding them about 0.1 s). New entries always go through the engine's `post`
(`services.posting`). The Ledger is built with its key index directly, in one pass:
`book.with_record` copies the index on every append, which is quadratic.

Also here: purchase-order balances and states for many POs in one pass (the engine's
`Ledger.po_status` walks the ledger once per PO), and a ledger restricted to one episode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lynchpin.accounting.adapters.entries import entry_from_payload
from lynchpin.accounting.models import AccountingPeriod, LedgerEntry
from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.ledger.book import Ledger, PoStatus, Posting, PostingKind, Record, ledger_of
from lynchpin.engine.ledger.entries import Invoice, PurchaseOrder, PurchaseOrderClose, Reversal
from lynchpin.engine.money import Money

__all__ = [
    "PoLedgerState",
    "closed_through",
    "for_episode",
    "ledger_from_rows",
    "load_ledger",
    "po_states",
    "record_fields",
]

_ROW_FIELDS = ("kind", "payload", "postings", "warnings", "currency")


def _posting_json(posting: Posting) -> dict[str, str]:
    return {
        "date": posting.date.isoformat(), "account": posting.account,
        "kind": posting.kind.value, "amount": str(posting.amount.amount),
        "against": posting.against, "set_code": posting.set_code, "episode": posting.episode,
    }


def _violation_json(violation: Violation) -> dict[str, str]:
    return {"rule": violation.rule, "severity": violation.severity.value,
            "message": violation.message, "reference": violation.reference}


def record_fields(record: Record) -> dict[str, Any]:
    """``postings`` and ``warnings`` of a posted record, as stored on its row."""
    return {
        "postings": [_posting_json(p) for p in record.postings],
        "warnings": [_violation_json(v) for v in record.warnings],
    }


def _posting(key: str, data: Mapping[str, str], currency: str) -> Posting:
    return Posting(
        key, dt.date.fromisoformat(data["date"]), data["account"], PostingKind(data["kind"]),
        Money(Decimal(data["amount"]), currency), data.get("against", ""),
        data.get("set_code", ""), data.get("episode", ""),
    )


def _record(row: Mapping[str, Any]) -> Record:
    entry = entry_from_payload(row["kind"], row["payload"], row["currency"])
    postings = tuple(_posting(entry.key, p, row["currency"]) for p in row["postings"])
    warnings = tuple(
        Violation(w["rule"], Severity(w["severity"]), w["message"], w.get("reference", ""))
        for w in row["warnings"]
    )
    return Record(entry, postings, warnings)


def _ledger(currency: str, accounts: Iterable[str], records: tuple[Record, ...],
            closed: dt.date | None) -> Ledger:
    """A Ledger of already-checked records (the engine's `ledger_of`, one pass)."""
    return ledger_of(currency=currency, accounts=frozenset(accounts), records=records,
                     closed_through=closed)


def ledger_from_rows(rows: Iterable[Mapping[str, Any]], *, currency: str,
                     accounts: Iterable[str], closed: dt.date | None) -> Ledger:
    """The ledger of `rows` (dicts with kind, payload, postings, warnings, currency) in
    posting order, over the chart `accounts`, closed through `closed`."""
    return _ledger(currency, accounts, tuple(_record(row) for row in rows), closed)


def closed_through(production_id: int) -> dt.date | None:
    """The end of the last closed period of the production (None when none is closed)."""
    last = (
        AccountingPeriod.objects.filter(production_id=production_id, closed=True)
        .order_by("-end_date").values_list("end_date", flat=True).first()
    )
    return last


def load_ledger(production_id: int, *, currency: str, accounts: Iterable[str]) -> Ledger:
    """The production's ledger as stored, over the chart `accounts`."""
    rows = (
        LedgerEntry.objects.filter(production_id=production_id).order_by("id")
        .values(*_ROW_FIELDS)
    )
    return ledger_from_rows(rows, currency=currency, accounts=accounts,
                            closed=closed_through(production_id))


def for_episode(ledger: Ledger, episode: str) -> Ledger:
    """`ledger` keeping only the postings coded to `episode` (entries stay, so keys and
    warnings are unchanged)."""
    records = tuple(
        Record(r.entry, tuple(p for p in r.postings if p.episode == episode), r.warnings)
        for r in ledger.records
    )
    return _ledger(ledger.currency, ledger.accounts, records, ledger.closed_through)


@dataclass(frozen=True, slots=True)
class PoLedgerState:
    """A posted purchase order as the ledger sees it: status, open balance, invoiced."""

    status: PoStatus
    open_balance: Money
    invoiced: Money


def _live_closes_and_reversed(ledger: Ledger) -> tuple[set[str], set[str]]:
    """(PO keys with a live close, keys of reversed entries)."""
    reversed_keys = {r.entry.reverses for r in ledger.records if isinstance(r.entry, Reversal)}
    closed = {
        r.entry.po_key for r in ledger.records
        if isinstance(r.entry, PurchaseOrderClose) and r.entry.key not in reversed_keys
    }
    return closed, reversed_keys


def po_states(ledger: Ledger) -> dict[str, PoLedgerState]:
    """Every posted PO's state, keyed by its ledger key, in one pass over the ledger.

    Same rules as `Ledger.po_status`: CLOSED when reversed, closed by a live PO close or
    with nothing left open; OPEN when the whole amount is open; else PARTLY_INVOICED.
    `invoiced` is the sum of the live (unreversed) invoices naming the PO, overruns included.
    """
    zero = Money.zero(ledger.currency)
    committed: dict[str, Money] = {}
    for posting in ledger.postings():
        if posting.kind is PostingKind.COMMITTED and posting.against:
            committed[posting.against] = committed.get(posting.against, zero) + posting.amount
    closed, reversed_keys = _live_closes_and_reversed(ledger)
    invoiced: dict[str, Money] = {}
    for record in ledger.records:
        entry = record.entry
        if isinstance(entry, Invoice) and entry.po_key and entry.key not in reversed_keys:
            invoiced[entry.po_key] = invoiced.get(entry.po_key, zero) + entry.amount
    states: dict[str, PoLedgerState] = {}
    for record in ledger.records:
        if not isinstance(record.entry, PurchaseOrder):
            continue
        key, balance = record.entry.key, committed.get(record.entry.key, zero)
        if key in reversed_keys or key in closed or balance.amount <= 0:
            status = PoStatus.CLOSED
        else:
            status = PoStatus.OPEN if balance == record.entry.amount else PoStatus.PARTLY_INVOICED
        states[key] = PoLedgerState(status, balance, invoiced.get(key, zero))
    return states
