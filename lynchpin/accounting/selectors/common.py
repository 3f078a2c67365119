"""What every accounting selector starts with: the member's money right and the ledger."""

from __future__ import annotations

from typing import Any

from lynchpin.accounting.adapters.ledger import load_ledger
from lynchpin.accounting.models import LedgerBook
from lynchpin.core.access import membership_for, require
from lynchpin.core.roles import Capability
from lynchpin.engine.ledger.book import Ledger

__all__ = ["ledger_currency", "money_member", "stored_ledger"]


def money_member(actor: Any, production_id: int) -> Any:
    """The actor's membership if their role sees money (NotFound / Forbidden otherwise)."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_MONEY)
    return membership


def ledger_currency(membership: Any) -> str:
    """The ledger's currency: fixed at the first posting, else the production's."""
    book = LedgerBook.objects.filter(production_id=membership.production_id).first()
    return book.currency if book is not None else str(membership.production.currency)


def stored_ledger(membership: Any, accounts: frozenset[str] = frozenset()) -> Ledger:
    """The production's ledger as stored (for reading: `accounts` matter only to posting)."""
    return load_ledger(membership.production_id, currency=ledger_currency(membership),
                       accounts=accounts)
