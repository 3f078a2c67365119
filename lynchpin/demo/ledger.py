"""A few ledger rows for the demo, so the cost report has actuals and commitments.

Through the accounting services, as the production accountant would post them (the
producer approves the purchase order: nobody approves their own): a purchase order for the
camera package, approved (a commitment), and a first invoice against it; the writer's fee
invoiced without a PO; a petty cash float to the coordinator and an envelope of receipts.
All are dated the production's `today` (the cost report's actual-to-date columns count what
is dated up to today) and coded to the sample budget's accounts, so the budget must exist.

The ledger itself needs nothing else: the production's ledger book is opened, in the
production's currency (GBP), at the first posting, and no accounting period is created, so
none is closed and approved timecards post on any date.

Idempotent: each row has a fixed idempotency key and is skipped when the ledger holds it
(so a re-run on another day posts nothing new instead of a conflicting entry).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.apps import apps

__all__ = ["LEDGER_KEYS", "add_ledger"]

_PO_KEY = "demo-po-camera-package"
_INVOICE_KEYS = ("demo-inv-camera-package-1", "demo-inv-writer-fee")
_FLOAT_KEY = "demo-float-office"
_ENVELOPE_KEY = "demo-petty-cash-1"
#: Keys of the ledger entries the demo posts (the PO's commitment has the PO's own key).
LEDGER_KEYS = (*_INVOICE_KEYS, _FLOAT_KEY, _ENVELOPE_KEY)


def add_ledger(*, accountant: Any, producer: Any, production_id: int, today: date) -> str:
    """Post the demo's ledger rows that are missing (module docstring); a one-line note.

    `accountant` and `producer` need POST_LEDGER (the PO is requested by one, approved by
    the other). Raises the accounting services' errors (bugs: the sample budget has every
    account used here).
    """
    if not apps.is_installed("lynchpin.accounting"):
        return "Ledger: the accounting app is not installed; nothing posted."
    from lynchpin.accounting.selectors import ledger_list

    posted = set(ledger_list(actor=accountant, production_id=production_id)
                 .filter(key__in=LEDGER_KEYS).values_list("key", flat=True))
    ids = {"actor": accountant, "production_id": production_id}
    po_id = _purchase_order(producer=producer, today=today, **ids)
    added = _invoices(ids, today, po_id, posted) + _petty_cash(ids, today, posted)
    if not added:
        return "Ledger: kept the purchase order, invoices and petty cash already posted."
    return (f"Ledger: a camera PO approved (committed) and {added} more entries posted in GBP "
            "(invoices, petty cash), so the cost report has actuals.")


def _purchase_order(*, actor: Any, producer: Any, production_id: int, today: date) -> int:
    """The camera package PO, requested by `actor` and approved by `producer` (both are
    no-ops when done already); returns its id."""
    from lynchpin.accounting.services import po_approve, po_request

    po = po_request(actor=actor, production_id=production_id, key=_PO_KEY, account="3001",
                    amount=Decimal("4750.00"), vendor="Clyde Camera Hire",
                    description="Camera package, 5 shoot days")
    po_approve(actor=producer, production_id=production_id, po_id=po.pk, on=today)
    return int(po.pk)


def _invoices(ids: dict[str, Any], today: date, po_id: int, posted: set[str]) -> int:
    from lynchpin.accounting.services import invoice_post

    camera, writer = _INVOICE_KEYS
    added = 0
    if camera not in posted:
        invoice_post(**ids, key=camera, date=today, account="3001", amount=Decimal("1900.00"),
                     vendor="Clyde Camera Hire", reference="CCH-2207", po_id=po_id,
                     memo="Camera package, prep and first two shoot days")
        added += 1
    if writer not in posted:
        invoice_post(**ids, key=writer, date=today, account="1001",
                     amount=Decimal("12000.00"), vendor="Iona McAllister",
                     reference="Writer's agreement, final payment")
        added += 1
    return added


def _petty_cash(ids: dict[str, Any], today: date, posted: set[str]) -> int:
    from lynchpin.accounting.selectors import ledger_list
    from lynchpin.accounting.services import petty_cash_float_post, petty_cash_post

    added = 0
    if _FLOAT_KEY not in posted:
        petty_cash_float_post(**ids, key=_FLOAT_KEY, date=today, custodian="Jamie Arbuthnot",
                              amount=Decimal("500.00"), reference="Office float")
        added += 1
    if _ENVELOPE_KEY not in posted:
        float_id = ledger_list(**ids).get(key=_FLOAT_KEY).pk
        petty_cash_post(**ids, key=_ENVELOPE_KEY, date=today, float_id=float_id,
                        reference="Envelope 1", receipts=(
                            {"account": "5002", "amount": "86.40", "vendor": "Harbour Bakery",
                             "description": "Teas and rolls, harbour recce"},
                            {"account": "7002", "amount": "42.00", "vendor": "Carrick Stationers",
                             "description": "Sides printing and toner"},
                        ))
        added += 1
    return added
