"""Reads of purchase orders with their ledger state (open balance, invoiced, status)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lynchpin.accounting.adapters.ledger import po_states
from lynchpin.accounting.models import PurchaseOrder
from lynchpin.accounting.selectors.common import money_member, stored_ledger
from lynchpin.core.errors import Invalid, NotFound

__all__ = ["PoRow", "po_get", "po_list"]


@dataclass(frozen=True, slots=True)
class PoRow:
    """A purchase order and its ledger state. `status` is ``requested`` before approval,
    then the ledger's ``open`` / ``partly invoiced`` / ``closed``; the amounts are None
    until approval."""

    po: PurchaseOrder
    status: str
    open_balance: Decimal | None
    invoiced: Decimal | None


def _rows(membership: Any, orders: list[PurchaseOrder]) -> list[PoRow]:
    if not any(po.state != PurchaseOrder.State.REQUESTED for po in orders):
        return [PoRow(po, po.state, None, None) for po in orders]
    states = po_states(stored_ledger(membership))
    rows = []
    for po in orders:
        state = states.get(po.ledger_key)
        if po.state == PurchaseOrder.State.REQUESTED or state is None:
            rows.append(PoRow(po, po.state, None, None))
        else:
            rows.append(PoRow(po, state.status.value, state.open_balance.amount,
                              state.invoiced.amount))
    return rows


def po_list(*, actor: Any, production_id: int, state: str | None = None) -> list[PoRow]:
    """Purchase orders, newest number first, optionally in one workflow `state`
    (requested, approved, closed). Requires VIEW_MONEY. Invalid for an unknown state."""
    membership = money_member(actor, production_id)
    orders = PurchaseOrder.objects.filter(production_id=production_id)
    if state:
        if state not in PurchaseOrder.State.values:
            raise Invalid(f"Unknown state {state!r}.", fields={"state": ["Choose a state."]})
        orders = orders.filter(state=state)
    return _rows(membership, list(orders.order_by("-number")))


def po_get(*, actor: Any, production_id: int, po_id: int) -> PoRow:
    """One purchase order with its ledger state. Requires VIEW_MONEY."""
    membership = money_member(actor, production_id)
    po = PurchaseOrder.objects.filter(production_id=production_id, pk=po_id).first()
    if po is None:
        raise NotFound("Purchase order not found.")
    return _rows(membership, [po])[0]
