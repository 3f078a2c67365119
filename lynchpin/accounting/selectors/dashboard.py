"""What accounting adds to the production dashboard (lynchpin.web.dashboard sources).

Money roles see the ledger's actual cost and open commitments; roles that may post see how
many purchase orders wait for approval. Every other role gets nothing from here.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lynchpin.accounting.models import LedgerBook, PurchaseOrder
from lynchpin.accounting.selectors.common import stored_ledger
from lynchpin.core.access import can
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.roles import Capability
from lynchpin.engine.ledger.book import PostingKind
from lynchpin.engine.money import Money, total

__all__ = ["accounting_attention", "accounting_figures"]


def accounting_figures(*, actor: Any, membership: Any) -> list[KeyFigure]:
    """Actual to date and committed (open PO balances), for VIEW_MONEY roles once anything
    is posted."""
    if not can(membership, Capability.VIEW_MONEY):
        return []
    if not LedgerBook.objects.filter(production_id=membership.production_id).exists():
        return []
    ledger = stored_ledger(membership)
    columns: dict[PostingKind, list[Money]] = {PostingKind.ACTUAL: [], PostingKind.COMMITTED: []}
    for posting in ledger.postings():
        columns[posting.kind].append(posting.amount)
    url = reverse("accounting:ledger", kwargs={"production_id": membership.production_id})
    report = reverse("accounting:cost_report", kwargs={"production_id": membership.production_id})
    return [
        KeyFigure("Actual cost to date", str(total(columns[PostingKind.ACTUAL], ledger.currency)),
                  url),
        KeyFigure("Committed (open POs)",
                  str(total(columns[PostingKind.COMMITTED], ledger.currency)), report),
    ]


def accounting_attention(*, actor: Any, membership: Any) -> list[AttentionItem]:
    """Purchase orders waiting for approval, for roles that may approve them."""
    if not can(membership, Capability.POST_LEDGER):
        return []
    waiting = PurchaseOrder.objects.filter(
        production_id=membership.production_id, state=PurchaseOrder.State.REQUESTED).count()
    if not waiting:
        return []
    url = reverse("accounting:purchase_orders",
                  kwargs={"production_id": membership.production_id})
    noun = "purchase order waits" if waiting == 1 else "purchase orders wait"
    return [AttentionItem(f"{waiting} {noun} for approval", Level.WARNING, url, waiting)]
