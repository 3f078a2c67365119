"""What the posting forms offer: accounts, vendors, open purchase orders, live floats."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lynchpin.accounting.adapters.basis import budget_basis
from lynchpin.accounting.adapters.ledger import po_states
from lynchpin.accounting.models import LedgerEntry, PurchaseOrder
from lynchpin.accounting.selectors.common import money_member, stored_ledger
from lynchpin.core.errors import Invalid
from lynchpin.engine.ledger.book import PoStatus
from lynchpin.people.models import Vendor

__all__ = ["FormChoices", "form_choices"]


@dataclass(frozen=True, slots=True)
class FormChoices:
    """(value, label) pairs for the posting forms; `budget_missing` when there is no budget
    yet (nothing can be coded then)."""

    accounts: tuple[tuple[str, str], ...]
    vendors: tuple[tuple[int, str], ...]
    purchase_orders: tuple[tuple[int, str], ...]
    floats: tuple[tuple[int, str], ...]
    budget_missing: bool


def _open_orders(membership: Any) -> tuple[tuple[int, str], ...]:
    approved = list(PurchaseOrder.objects.filter(
        production_id=membership.production_id, state=PurchaseOrder.State.APPROVED,
    ).order_by("-number"))
    if not approved:
        return ()
    states = po_states(stored_ledger(membership))
    choices = []
    for po in approved:
        state = states.get(po.ledger_key)
        if state is not None and state.status is not PoStatus.CLOSED:
            choices.append((po.pk, f"PO {po.number:04d} {po.vendor_name} ({po.account})"))
    return tuple(choices)


def _floats(membership: Any) -> tuple[tuple[int, str], ...]:
    rows = LedgerEntry.objects.filter(
        production_id=membership.production_id, kind=LedgerEntry.Kind.PETTY_CASH,
        payload__has_key="custodian", reversed_by__isnull=True,
    ).order_by("-date", "-id")
    return tuple((row.pk, f"{row.vendor_name}, {row.date:%d %b %Y} ({row.reference or row.key})")
                 for row in rows)


def form_choices(*, actor: Any, production_id: int) -> FormChoices:
    """The choices of the posting forms of the production. Requires VIEW_MONEY."""
    membership = money_member(actor, production_id)
    try:
        accounts = tuple(budget_basis(actor=actor, production_id=production_id).account_names())
        missing = False
    except Invalid:
        accounts, missing = (), True
    vendors = tuple(Vendor.objects.filter(production_id=production_id)
                    .order_by("name", "id").values_list("id", "name"))
    return FormChoices(accounts, vendors, _open_orders(membership), _floats(membership),
                       missing)
