"""What every budget service does first: check the actor, find and lock the version.

Writes to one budget version are serialised by locking its row (``SELECT ... FOR UPDATE``
on PostgreSQL; SQLite's IMMEDIATE transactions serialise every writer already), so the
locked check, the revision and the pricing cache always agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

from django.utils import timezone

from lynchpin.budgets.adapters import decimal_from_text
from lynchpin.budgets.models import BudgetVersion, valid_id
from lynchpin.core.access import membership_for, require
from lynchpin.core.errors import Conflict, Invalid, NotFound
from lynchpin.core.roles import Capability

__all__ = ["computed", "in_use", "member", "number_field", "touch", "version_for_update"]

T = TypeVar("T")


def member(actor: Any, production_id: int, capability: Capability) -> Any:
    """The actor's membership (NotFound for outsiders), checked for `capability`
    (Forbidden)."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, capability)
    return membership


def version_for_update(production_id: int, budget_id: int, *, editing: bool = True
                       ) -> BudgetVersion:
    """The production's version `budget_id`, locked for this transaction.

    Raises NotFound when it is not a version of this production, and Conflict when
    `editing` and the version is locked (a locked version is kept as it was approved).
    """
    version = None if not valid_id(budget_id) else (
        BudgetVersion.objects.select_for_update()
        .filter(pk=budget_id, production_id=production_id).first())
    if version is None:
        raise NotFound("Budget not found.")
    if editing and version.locked:
        raise Conflict(f"The budget version \u201c{version.name}\u201d is locked and cannot "
                       "be changed; copy it to a new version to make changes.")
    return version


def touch(version: BudgetVersion) -> UUID:
    """Give the version a new content revision (in the caller's transaction); returns it."""
    version.revision = uuid.uuid4()
    version.updated = timezone.now()
    BudgetVersion.objects.filter(pk=version.pk).update(
        revision=version.revision, updated=version.updated)
    return version.revision


def computed(compute: Callable[[], T]) -> T:
    """The result of pricing the budget a write is about to commit; Invalid (so the write is
    rolled back) when a number is too large for Decimal arithmetic (e.g. ``1E+999999``): a
    saved budget always prices."""
    try:
        return compute()
    except ArithmeticError:
        message = ("A number in this budget is too large to compute with; enter a smaller "
                   "value.")
        raise Invalid(message, fields={"__all__": [message]}) from None


def in_use(what: str, users: list[str]) -> Invalid:
    """The error refusing to delete `what` while `users` (line references, names) use it;
    names the first five."""
    shown = ", ".join(users[:5]) + (f" and {len(users) - 5} more" if len(users) > 5 else "")
    return Invalid(f"{what} is still used by {shown}; change those first.",
                   fields={"__all__": [f"Used by {shown}."]})


def number_field(value: Any, field: str, *, optional: bool = False) -> Decimal | None:
    """`value` (a Decimal or typed text) as a finite Decimal; None when `optional` and blank.
    Invalid naming `field` otherwise; a float is refused too (money is never typed as one)."""
    if optional and (value is None or str(value).strip() == ""):
        return None
    number = value if isinstance(value, Decimal) else (
        None if isinstance(value, float) else decimal_from_text(str(value)))
    if number is None or not number.is_finite():
        raise Invalid(f"{field}: enter a number such as 6.2.", fields={field: ["Enter a number."]})
    return number
