"""Writes of productions, members and invitations.

Every service takes keyword-only arguments with the acting user first, checks membership and
capability, runs in one transaction and records an audit entry. Rules beyond the role table:
only a producer may grant or take away the producer role, and a production always keeps at
least one producer.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lynchpin.core.access import membership_for, require
from lynchpin.core.audit import audit_record, changes_between, snapshot
from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.core.roles import Capability, Role
from lynchpin.core.tokens import new_token, token_digest
from lynchpin.core.validation import clean_or_invalid
from lynchpin.productions.models import Invitation, Membership, Production, Unit

__all__ = [
    "invitation_accept",
    "invitation_accept_new_user",
    "invitation_create",
    "invitation_revoke",
    "membership_add",
    "membership_change_role",
    "membership_remove",
    "production_create",
    "production_update",
]

#: Production fields a producer or PM edits on the settings page / PUT endpoint.
PRODUCTION_FIELDS = ("title", "kind", "currency", "country", "region", "time_zone", "start_date")


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise Invalid(f"Unknown role {value!r}.", fields={"role": ["Choose a role."]}) from None


@transaction.atomic
def production_create(
    *,
    actor: Any,
    title: str,
    kind: str = Production.Kind.FEATURE,
    currency: str = "USD",
    country: str = "",
    region: str = "",
    time_zone: str = "UTC",
    start_date: date | None = None,
) -> Production:
    """Create a production with its main unit; the actor becomes its producer.

    Any logged-in user may create a production. Raises Invalid naming the bad fields.
    """
    if not getattr(actor, "is_authenticated", False):
        raise Forbidden("Log in to create a production.")
    production = Production(
        title=title.strip(), kind=kind, currency=currency, country=country,
        region=region, time_zone=time_zone, start_date=start_date,
    )
    clean_or_invalid(production)
    production.save()
    Unit.objects.create(production=production, name="Main unit", is_main=True)
    Membership.objects.create(production=production, user=actor, role=Role.PRODUCER)
    audit_record(
        actor=actor, action="production.create", target=production, production_id=production.pk,
        changes=changes_between({}, snapshot(production, PRODUCTION_FIELDS)),
    )
    return production


@transaction.atomic
def production_update(
    *,
    actor: Any,
    production_id: int,
    expected_version: int,
    title: str,
    kind: str,
    currency: str,
    country: str,
    region: str,
    time_zone: str,
    start_date: date | None,
) -> Production:
    """Replace the production's settings if nobody changed them since `expected_version`.

    Requires EDIT_PRODUCTION. Raises Conflict for a stale version, Invalid for bad fields.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.EDIT_PRODUCTION)
    production = membership.production
    before = snapshot(production, PRODUCTION_FIELDS)
    production.title, production.kind, production.currency = title.strip(), kind, currency
    production.country, production.region = country, region
    production.time_zone, production.start_date = time_zone, start_date
    clean_or_invalid(production)
    production.compare_and_set(expected_version=expected_version, fields=PRODUCTION_FIELDS)
    changes = changes_between(before, snapshot(production, PRODUCTION_FIELDS))
    audit_record(
        actor=actor, action="production.update", target=production,
        production_id=production_id, changes=changes,
    )
    return production


def _check_producer_rule(actor_membership: Membership, *roles: str) -> None:
    """Only a producer may grant or take away the producer role."""
    if Role.PRODUCER in roles and actor_membership.role != Role.PRODUCER:
        raise Forbidden("Only a producer may grant or remove the producer role.")


def _check_keeps_a_producer(production_id: int, leaving: Membership) -> None:
    """Refuse to leave the production without a producer (rows locked against a race)."""
    producers = list(
        Membership.objects.select_for_update()
        .filter(production_id=production_id, role=Role.PRODUCER)
        .values_list("pk", flat=True)
    )
    if producers == [leaving.pk]:
        raise Invalid(
            "A production needs at least one producer; make someone else producer first.",
            fields={"role": ["The last producer cannot give up the role."]},
        )


@transaction.atomic
def membership_add(
    *, actor: Any, production_id: int, user: Any, role: str, department: str = ""
) -> Membership:
    """Make an existing user a member with `role`. Requires MANAGE_MEMBERS.

    Raises Invalid when the user is already a member or the role is unknown.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.MANAGE_MEMBERS)
    new_role = _role(role)
    _check_producer_rule(membership, new_role)
    if Membership.objects.filter(production_id=production_id, user=user).exists():
        raise Invalid(f"{user} is already a member.", fields={"user": ["Already a member."]})
    added = Membership.objects.create(
        production_id=production_id, user=user, role=new_role, department=department.strip()
    )
    audit_record(
        actor=actor, action="membership.add", target=added, production_id=production_id,
        changes={"role": [None, new_role.value], "department": [None, added.department]},
    )
    return added


def _member_of(production_id: int, membership_id: int) -> Membership:
    found = (
        Membership.objects.select_for_update()
        .select_related("user", "production")
        .filter(pk=membership_id, production_id=production_id)
        .first()
    )
    if found is None:
        raise NotFound("Member not found.")
    return found


@transaction.atomic
def membership_change_role(
    *,
    actor: Any,
    production_id: int,
    membership_id: int,
    role: str,
    department: str | None = None,
) -> Membership:
    """Give a member another role (and department, when given). Requires MANAGE_MEMBERS.

    Raises Forbidden when a non-producer touches the producer role, Invalid when the last
    producer would lose the role.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.MANAGE_MEMBERS)
    target = _member_of(production_id, membership_id)
    new_role = _role(role)
    _check_producer_rule(membership, target.role, new_role)
    if target.role == Role.PRODUCER and new_role != Role.PRODUCER:
        _check_keeps_a_producer(production_id, target)
    before = snapshot(target, ("role", "department"))
    target.role = new_role
    if department is not None:
        target.department = department.strip()
    target.save(update_fields=["role", "department", "updated"])
    audit_record(
        actor=actor, action="membership.change_role", target=target, production_id=production_id,
        changes=changes_between(before, snapshot(target, ("role", "department"))),
    )
    return target


@transaction.atomic
def membership_remove(*, actor: Any, production_id: int, membership_id: int) -> None:
    """Remove a member from the production. Requires MANAGE_MEMBERS; the last producer stays."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.MANAGE_MEMBERS)
    target = _member_of(production_id, membership_id)
    _check_producer_rule(membership, target.role)
    if target.role == Role.PRODUCER:
        _check_keeps_a_producer(production_id, target)
    audit_record(
        actor=actor, action="membership.remove", target=target, production_id=production_id,
        changes={"role": [target.role, None]},
    )
    target.delete()


def _send_invitation(invitation: Invitation, token: str) -> None:
    """Email the accept link; called after the invitation is committed."""
    path = reverse("productions:invitation_accept", kwargs={"token": token})
    context = {"invitation": invitation, "url": f"{settings.LYNCHPIN_BASE_URL}{path}"}
    send_mail(
        subject=f"Invitation to join {invitation.production} on Lynchpin",
        message=render_to_string("productions/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invitation_create(
    *, actor: Any, production_id: int, email: str, role: str, department: str = ""
) -> Invitation:
    """Invite `email` to join with `role`; the link is emailed when the transaction commits.

    Requires MANAGE_MEMBERS (and producer to invite a producer). The invitation is valid for
    settings.LYNCHPIN_INVITATION_DAYS days, once. Raises Invalid for a bad address or role, or
    an address that already belongs to a member.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.MANAGE_MEMBERS)
    new_role = _role(role)
    _check_producer_rule(membership, new_role)
    email = email.strip()
    if Membership.objects.filter(production_id=production_id, user__email__iexact=email).exists():
        raise Invalid(f"{email} is already a member.", fields={"email": ["Already a member."]})
    token = new_token()
    invitation = Invitation(
        production=membership.production, email=email, role=new_role,
        department=department.strip(), token_digest=token_digest(token), invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.LYNCHPIN_INVITATION_DAYS),
    )
    clean_or_invalid(invitation, exclude=("token_digest",))
    invitation.save()
    audit_record(
        actor=actor, action="invitation.create", target=invitation, production_id=production_id,
        changes={"email": [None, email], "role": [None, new_role.value]},
    )
    transaction.on_commit(lambda: _send_invitation(invitation, token))
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: Any, production_id: int, invitation_id: int) -> None:
    """Withdraw a pending invitation (its link stops working). Requires MANAGE_MEMBERS."""
    require(membership_for(actor=actor, production_id=production_id), Capability.MANAGE_MEMBERS)
    invitation = Invitation.objects.filter(
        pk=invitation_id, production_id=production_id, accepted_at__isnull=True
    ).first()
    if invitation is None:
        raise NotFound("Invitation not found.")
    audit_record(
        actor=actor, action="invitation.revoke", target=invitation, production_id=production_id
    )
    invitation.delete()


def _usable_invitation(token: str) -> Invitation:
    """The invitation of `token`, locked, if it can still be accepted (else Invalid)."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("production")
        .filter(token_digest=token_digest(token))
        .first()
    )
    if invitation is None:
        raise NotFound("This invitation link is not valid.")
    if invitation.accepted_at is not None:
        raise Invalid("This invitation has already been used.")
    if invitation.expires_at <= timezone.now():
        raise Invalid("This invitation has expired; ask for a new one.")
    return invitation


@transaction.atomic
def invitation_accept(*, actor: Any, token: str) -> Membership:
    """Accept an invitation as the logged-in `actor`: they become a member with its role.

    Raises NotFound for an unknown token, Invalid when it was used, expired, or the actor is
    already a member.
    """
    if not getattr(actor, "is_authenticated", False):
        raise Forbidden("Log in to accept the invitation.")
    invitation = _usable_invitation(token)
    if Membership.objects.filter(production=invitation.production, user=actor).exists():
        raise Invalid(f"You are already a member of {invitation.production}.")
    joined = Membership.objects.create(
        production=invitation.production, user=actor, role=invitation.role,
        department=invitation.department,
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), actor
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated"])
    audit_record(
        actor=actor, action="invitation.accept", target=joined,
        production_id=invitation.production_id, changes={"role": [None, invitation.role]},
    )
    return joined


@transaction.atomic
def invitation_accept_new_user(*, token: str, username: str, password: str) -> Membership:
    """Create an account with the invitation's email address, then accept the invitation.

    Raises Invalid naming `username` (taken or malformed) or `password` (Django's password
    validators), and whatever `invitation_accept` raises.
    """
    invitation = _usable_invitation(token)
    user_model = get_user_model()
    user = user_model(username=username.strip(), email=invitation.email)
    clean_or_invalid(user, exclude=("password",))
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise Invalid("Choose another password.", fields={"password": exc.messages}) from exc
    user.set_password(password)
    user.save()
    return invitation_accept(actor=user, token=token)
