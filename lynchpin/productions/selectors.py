"""Reads of productions, members, invitations and the audit log, always scoped to the actor.

Every selector takes the acting user first and checks membership (NotFound for outsiders)
and, where the data needs it, a capability (Forbidden). Lists return querysets so that
interfaces can paginate them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.errors import NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Capability
from lynchpin.core.tokens import token_digest
from lynchpin.productions.models import Invitation, Membership, Production

__all__ = [
    "audit_list",
    "invitation_get_by_token",
    "invitation_list",
    "member_list",
    "production_attention",
    "production_figures",
    "production_get",
    "production_list",
]


def production_list(*, actor: Any) -> QuerySet[Production]:
    """The productions `actor` is a member of, by title (none for an anonymous actor)."""
    if not getattr(actor, "is_authenticated", False):
        return Production.objects.none()
    return Production.objects.filter(memberships__user=actor).order_by("title", "id")


def production_get(*, actor: Any, production_id: int) -> Production:
    """One production of the actor. Raises NotFound when the actor is not a member."""
    return membership_for(actor=actor, production_id=production_id).production


def member_list(*, actor: Any, production_id: int) -> QuerySet[Membership]:
    """The production's members with their users, by username. Requires VIEW_PEOPLE."""
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_PEOPLE)
    return (
        Membership.objects.filter(production_id=production_id)
        .select_related("user")
        .order_by("user__username", "id")
    )


def invitation_list(*, actor: Any, production_id: int) -> QuerySet[Invitation]:
    """Invitations not yet accepted nor expired, newest first. Requires MANAGE_MEMBERS."""
    require(membership_for(actor=actor, production_id=production_id), Capability.MANAGE_MEMBERS)
    return Invitation.objects.filter(
        production_id=production_id, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created", "-id")


def invitation_get_by_token(*, token: str) -> Invitation:
    """The invitation a link's token belongs to (accepted or expired ones included, so the
    page can say so). Raises NotFound for an unknown token."""
    invitation = (
        Invitation.objects.select_related("production")
        .filter(token_digest=token_digest(token))
        .first()
    )
    if invitation is None:
        raise NotFound("This invitation link is not valid.")
    return invitation


def audit_list(*, actor: Any, production_id: int) -> QuerySet[AuditEntry]:
    """The production's audit log, newest first. Requires VIEW_AUDIT (producers and the PM)."""
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_AUDIT)
    return AuditEntry.objects.filter(production_id=production_id).order_by("-at", "-id")


def production_figures(*, actor: Any, membership: Membership) -> list[KeyFigure]:
    """Dashboard key figures of the productions app: start date, members."""
    production = membership.production
    figures = [
        KeyFigure(
            "Start of photography",
            production.start_date.isoformat() if production.start_date else "not set",
        )
    ]
    if can(membership, Capability.VIEW_PEOPLE):
        count = Membership.objects.filter(production_id=production.pk).count()
        url = reverse("productions:members", kwargs={"production_id": production.pk})
        figures.append(KeyFigure("Members", str(count), url=url))
    return figures


def production_attention(*, actor: Any, membership: Membership) -> list[AttentionItem]:
    """Dashboard items of the productions app: a missing start date, pending invitations."""
    production = membership.production
    items = []
    if production.start_date is None and can(membership, Capability.EDIT_PRODUCTION):
        url = reverse("productions:settings", kwargs={"production_id": production.pk})
        items.append(AttentionItem("Set the first day of photography.", Level.INFO, url))
    if can(membership, Capability.MANAGE_MEMBERS):
        pending = invitation_list(actor=actor, production_id=production.pk).count()
        if pending:
            url = reverse("productions:members", kwargs={"production_id": production.pk})
            noun = "invitation" if pending == 1 else "invitations"
            items.append(
                AttentionItem(f"{pending} {noun} not yet accepted.", Level.INFO, url, pending)
            )
    return items
