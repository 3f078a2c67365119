"""Purchase orders: request, approve (posts the commitment), close (releases the rest).

Decision: the approver must be someone other than the requester (segregation of duties: no
one commits the production's money alone). Both need POST_LEDGER (producer, PM,
accountant). A request commits nothing; approval posts an engine `PurchaseOrder` under the
key ``po-<number>`` dated on the approval day; closing posts a `PurchaseOrderClose`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lynchpin.accounting.models import LedgerEntry, PurchaseOrder
from lynchpin.accounting.services.posting import (
    Book,
    amount_or_invalid,
    key_or_invalid,
    open_book,
    post_entry,
    production_today,
    refusal,
    resolve_vendor,
    writer,
)
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.engine.errors import Severity
from lynchpin.engine.ledger import entries as engine
from lynchpin.engine.ledger.invariants import check_entry
from lynchpin.engine.ledger.ledger import open_ledger
from lynchpin.engine.money import Money

__all__ = ["po_approve", "po_close", "po_request"]

_REQUEST_FIELDS = (
    "account", "amount", "vendor_name", "vendor", "description", "set_code", "episode",
)


def _check_codes(book: Book, draft: engine.PurchaseOrder) -> None:
    """Refuse now what approval would refuse whatever the ledger holds (account, sign)."""
    empty = open_ledger(currency=book.currency, accounts=book.basis.postable)
    violations = check_entry(empty, draft)
    if any(v.severity is Severity.ERROR for v in violations):
        raise refusal(violations)


def _same_request(po: PurchaseOrder, values: dict[str, Any]) -> bool:
    return all(getattr(po, name) == values[name] for name in _REQUEST_FIELDS)


@transaction.atomic
def po_request(
    *, actor: Any, production_id: int, key: str, account: str, amount: Decimal,
    vendor: str = "", vendor_id: int | None = None, description: str = "", set_code: str = "",
    episode: str = "",
) -> PurchaseOrder:
    """Request a purchase order (numbered from 1 per production); commits nothing yet. The
    vendor is the people app's `vendor_id`, else the name `vendor`.

    Requires POST_LEDGER. The same `key` with the same fields returns the existing request;
    with other fields it is Invalid. Invalid for an account not in the budget, an amount not
    above zero, or no vendor.
    """
    membership = writer(actor, production_id)
    book = open_book(actor, membership)
    supplier, name = resolve_vendor(production_id, vendor_id, vendor)
    values = {"account": account.strip(), "amount": amount_or_invalid(amount),
              "vendor_name": name, "vendor": supplier, "description": description.strip(),
              "set_code": set_code.strip(), "episode": episode.strip()}
    key = key_or_invalid(key)
    existing = PurchaseOrder.objects.filter(production_id=production_id, key=key).first()
    if existing is not None:
        if _same_request(existing, values):
            return existing
        raise Invalid(f"Key {key!r} was already used for PO {existing.number:04d}.",
                      fields={"key": ["Already used for another request."]})
    if not name:
        raise Invalid("Name the vendor.", fields={"vendor": ["Name the vendor."]})
    _check_codes(book, engine.PurchaseOrder(
        key=key, date=production_today(membership.production), account=values["account"],
        amount=Money(values["amount"], book.currency), vendor=name))
    last = PurchaseOrder.objects.filter(production_id=production_id).aggregate(n=Max("number"))
    po = PurchaseOrder.objects.create(
        production_id=production_id, number=(last["n"] or 0) + 1, key=key,
        currency=book.currency, requested_by=actor, requested_by_label=actor.get_username(),
        **values,
    )
    audit_record(actor=actor, action="purchase_order.request", target=po,
                 production_id=production_id,
                 changes={field: [None, str(values[field])] for field in _REQUEST_FIELDS
                          if field != "vendor"})
    return po


def _locked_po(production_id: int, po_id: int) -> PurchaseOrder:
    po = PurchaseOrder.objects.select_for_update().filter(
        production_id=production_id, pk=po_id).first()
    if po is None:
        raise NotFound("Purchase order not found.")
    return po


@transaction.atomic
def po_approve(
    *, actor: Any, production_id: int, po_id: int, on: dt.date | None = None
) -> PurchaseOrder:
    """Approve a requested PO: post its commitment dated `on` (default: today).

    Requires POST_LEDGER and someone other than the requester (Forbidden otherwise).
    Approving an approved or closed PO returns it unchanged. Raises Invalid when the
    engine refuses the posting (closed period, account no longer in the budget...).
    """
    membership = writer(actor, production_id)
    book = open_book(actor, membership)
    po = _locked_po(production_id, po_id)
    if po.state != PurchaseOrder.State.REQUESTED:
        return po
    if po.requested_by_id == actor.pk:
        raise Forbidden("You requested this purchase order: someone else who may post to the "
                        "ledger must approve it.")
    entry = engine.PurchaseOrder(
        key=po.ledger_key, date=on or production_today(membership.production),
        reference=f"PO {po.number:04d}", memo=po.description, account=po.account,
        amount=Money(po.amount, po.currency), vendor=po.vendor_name, set_code=po.set_code,
        episode=po.episode,
    )
    po.entry = post_entry(actor=actor, book=book, entry=entry, vendor=po.vendor)
    po.state, po.approved_by, po.approved_at = PurchaseOrder.State.APPROVED, actor, timezone.now()
    po.save(update_fields=["entry", "state", "approved_by", "approved_at", "updated"])
    audit_record(actor=actor, action="purchase_order.approve", target=po,
                 production_id=production_id, changes={"state": ["requested", "approved"]})
    return po


@transaction.atomic
def po_close(
    *, actor: Any, production_id: int, po_id: int, on: dt.date | None = None
) -> PurchaseOrder:
    """Close an approved PO: post a PO close dated `on` (default: today) releasing its open
    balance. Requires POST_LEDGER. Closing a closed PO returns it unchanged; a requested
    one is Invalid (reject it by not approving it); the engine refuses a PO already closed
    in the ledger (fully invoiced or reversed)."""
    membership = writer(actor, production_id)
    book = open_book(actor, membership)
    po = _locked_po(production_id, po_id)
    if po.state == PurchaseOrder.State.CLOSED:
        return po
    if po.state == PurchaseOrder.State.REQUESTED:
        raise Invalid("This purchase order is not approved: nothing is committed to close.")
    closes = LedgerEntry.objects.filter(
        production_id=production_id, kind=LedgerEntry.Kind.PO_CLOSE,
        payload__po_key=po.ledger_key).count()
    entry = engine.PurchaseOrderClose(
        key=f"{po.ledger_key}-close-{closes + 1}",
        date=on or production_today(membership.production),
        reference=f"PO {po.number:04d} close", po_key=po.ledger_key,
    )
    po.close_entry = post_entry(actor=actor, book=book, entry=entry)
    po.state = PurchaseOrder.State.CLOSED
    po.save(update_fields=["close_entry", "state", "updated"])
    audit_record(actor=actor, action="purchase_order.close", target=po,
                 production_id=production_id, changes={"state": ["approved", "closed"]})
    return po
