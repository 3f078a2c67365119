"""Who may see a production and do what on it: the two checks every selector and service makes.

``membership = membership_for(actor=..., production_id=...)`` first (NotFound unless the actor
is a member: a production the actor does not belong to looks exactly like one that does not
exist), then ``require(membership, Capability.X)`` (Forbidden when the role lacks X).
Permissions are always passed explicitly as the membership, never read from a request global.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.apps import apps

from lynchpin.core.errors import Forbidden, NotFound
from lynchpin.core.roles import Capability, Role, role_can

__all__ = ["Member", "can", "membership_for", "require"]


class Member(Protocol):
    """What access checks need of a membership (productions.Membership satisfies it)."""

    role: str
    department: str
    production_id: int
    user_id: int


def membership_for(*, actor: Any, production_id: int) -> Any:
    """The actor's productions.Membership of `production_id`, with its production loaded.

    Raises NotFound when the actor is anonymous, inactive, or not a member — including when
    the production does not exist, so the two cases cannot be told apart.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise NotFound("Production not found.")
    # By name, not import: core sits below the apps (DESIGN.md section 3).
    membership_model = apps.get_model("productions", "Membership")
    membership = (
        membership_model.objects.select_related("production")
        .filter(production__pk=production_id, user__pk=actor.pk)
        .first()
    )
    if membership is None:
        raise NotFound("Production not found.")
    return membership


def can(membership: Member, capability: Capability) -> bool:
    """True when the membership's role has `capability` (for showing or hiding controls)."""
    return role_can(membership.role, capability)


def require(membership: Member, capability: Capability) -> None:
    """Raise Forbidden unless the membership's role has `capability`."""
    if not can(membership, capability):
        role = Role(membership.role).label if membership.role in Role.values else membership.role
        raise Forbidden(f"Your role on this production ({role}) may not do this.")
