"""The one path into the ledger: lock the production's book, rebuild its ledger, let the
engine `post` the entry (every invariant runs), store what it posted, write the audit entry.

Refusals become `Invalid` (400) listing every violation, errors keyed to the field they
concern. Posting an entry whose key is already posted with identical content returns the
stored row and changes nothing (a retried request); with other content it is refused
(``ledger.duplicate_key``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from lynchpin.accounting.adapters.basis import BudgetBasis, budget_basis
from lynchpin.accounting.adapters.clock import production_today
from lynchpin.accounting.adapters.entries import entry_payload, kind_of, listing_fields
from lynchpin.accounting.adapters.ledger import load_ledger, record_fields
from lynchpin.accounting.models import (
    MONEY_DECIMALS,
    MONEY_DIGITS,
    AccountingPeriod,
    LedgerBook,
    LedgerEntry,
)
from lynchpin.core.access import membership_for, require
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import NON_FIELD, Invalid
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.ledger.book import Ledger, PostingKind
from lynchpin.engine.ledger.entries import Entry, PurchaseOrderClose
from lynchpin.engine.ledger.ledger import PostingRefused, post
from lynchpin.people.models import Vendor

__all__ = [
    "KEY_LENGTH",
    "Book",
    "amount_or_invalid",
    "key_or_invalid",
    "open_book",
    "post_entry",
    "production_today",
    "refusal",
    "resolve_vendor",
    "writer",
]

KEY_LENGTH = 120

#: The input field each engine rule is about (others are about the entry as a whole).
RULE_FIELDS = {
    "ledger.duplicate_key": "key",
    "ledger.currency": "amount",
    "ledger.unknown_account": "account",
    "ledger.closed_period": "date",
    "ledger.negative_amount": "amount",
    "ledger.empty_adjustment": "lines",
    "ledger.unknown_po": "po",
    "ledger.po_closed": "po",
    "ledger.unknown_float": "float",
    "ledger.float_exceeded": "receipts",
}


def writer(actor: Any, production_id: int) -> Any:
    """The actor's membership, if they may post to the ledger (NotFound / Forbidden)."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.POST_LEDGER)
    return membership


class Book:
    """The locked ledger book of one production with the budget it is coded to."""

    def __init__(self, row: LedgerBook, basis: BudgetBasis) -> None:
        self.row = row
        self.basis = basis
        self.production_id: int = row.production_id
        self.currency: str = row.currency

    def ledger(self) -> Ledger:
        """The ledger as stored now (call inside the transaction that holds the lock)."""
        return load_ledger(self.production_id, currency=self.currency,
                           accounts=self.basis.postable)


def open_book(actor: Any, membership: Any) -> Book:
    """Lock the production's ledger book (created with the production's currency at the
    first posting) for the rest of the transaction, so postings run one at a time.

    Raises Invalid when the production has no budget (its accounts are the chart)."""
    production = membership.production
    row, _ = LedgerBook.objects.get_or_create(
        production_id=production.pk, defaults={"currency": production.currency}
    )
    locked = LedgerBook.objects.select_for_update().get(pk=row.pk)
    return Book(locked, budget_basis(actor=actor, production_id=production.pk))


def key_or_invalid(key: str) -> str:
    """The idempotency key stripped; Invalid when empty or longer than KEY_LENGTH."""
    key = (key or "").strip()
    if not key or len(key) > KEY_LENGTH:
        message = f"Give an idempotency key of 1 to {KEY_LENGTH} characters."
        raise Invalid(message, fields={"key": [message]})
    return key


def amount_or_invalid(value: Decimal | int | str, field: str = "amount") -> Decimal:
    """`value` as a Decimal with at most 4 decimals and 14 digits before the point."""
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        amount = Decimal("NaN")
    exponent = amount.as_tuple().exponent
    whole_digits = MONEY_DIGITS - MONEY_DECIMALS
    if (not amount.is_finite() or not isinstance(exponent, int) or -exponent > MONEY_DECIMALS
            or abs(amount) >= Decimal(10) ** whole_digits):
        message = f"Enter an amount with at most {MONEY_DECIMALS} decimals."
        raise Invalid(message, fields={field: [message]})
    return amount.quantize(Decimal(1)) if exponent > 0 else amount  # "1E+5" -> "100000"


def resolve_vendor(production_id: int, vendor_id: int | None, name: str) -> tuple[Any, str]:
    """(Vendor row or None, vendor name): the people app's vendor `vendor_id` of this
    production (Invalid otherwise), else the typed `name` (a one-off supplier)."""
    if vendor_id is None:
        return None, (name or "").strip()
    vendor = Vendor.objects.filter(production_id=production_id, pk=vendor_id).first()
    if vendor is None:
        raise Invalid("No such vendor.", fields={"vendor": ["Choose a vendor of this production."]})
    return vendor, vendor.name


def refusal(violations: tuple[Violation, ...]) -> Invalid:
    """`Invalid` listing every violation in its message and each error under its field."""
    fields: dict[str, list[str]] = {}
    for violation in violations:
        if violation.severity is Severity.ERROR:
            name = RULE_FIELDS.get(violation.rule, NON_FIELD)
            fields.setdefault(name, []).append(violation.message)
    listed = "; ".join(f"{v.message} ({v.rule}, {v.severity})" for v in violations)
    return Invalid(f"Not posted: {listed}.", fields=fields)


def _period_for(production_id: int, day: dt.date) -> AccountingPeriod | None:
    return AccountingPeriod.objects.filter(
        production_id=production_id, start_date__lte=day, end_date__gte=day
    ).first()


def _listing(entry: Entry, after: Ledger, reverses: LedgerEntry | None) -> dict[str, Any]:
    original = reverses.amount if reverses is not None else None
    fields = listing_fields(entry, original)
    if isinstance(entry, PurchaseOrderClose):
        record = after.record(entry.key)
        assert record is not None
        fields["amount"] = sum(
            (p.amount.amount for p in record.postings if p.kind is PostingKind.COMMITTED),
            Decimal(0),
        )
    return fields


def post_entry(*, actor: Any, book: Book, entry: Entry, reverses: LedgerEntry | None = None,
               vendor: Any = None) -> LedgerEntry:
    """Post `entry` through the engine and store it (with the people app's `vendor` row when
    one was chosen); returns its row (the stored one for an identical retry). Raises
    Invalid listing every violation when the engine refuses it."""
    ledger = book.ledger()
    try:
        after = post(ledger, entry)
    except PostingRefused as refused:
        raise refusal(refused.violations) from refused
    if after is ledger:  # already posted with identical content: a retry
        return LedgerEntry.objects.get(production_id=book.production_id, key=entry.key)
    record = after.record(entry.key)
    assert record is not None  # just posted
    row = LedgerEntry(
        production_id=book.production_id, kind=kind_of(entry), key=entry.key, date=entry.date,
        period=_period_for(book.production_id, entry.date), posted_by=actor,
        posted_by_label=actor.get_username(), reference=entry.reference, memo=entry.memo,
        currency=book.currency, payload=entry_payload(entry), reverses=reverses, vendor=vendor,
        **record_fields(record), **_listing(entry, after, reverses),
    )
    row.save()
    audit_record(
        actor=actor, action="ledger_entry.post", target=row, production_id=book.production_id,
        changes={"kind": [None, row.kind], "date": [None, row.date.isoformat()],
                 "amount": [None, str(row.amount)], "account": [None, row.account]},
    )
    return row
