"""Invitations: emailed once committed, accepted once, before they expire."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Role
from lynchpin.productions import selectors, services
from lynchpin.productions.models import Invitation, Membership
from tests.django_support import PASSWORD, Team, make_user

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/productions/invitations/([\w-]+)/")


def _invite(team: Team, capture, email: str = "nina@example.com", role: str = Role.CREW) -> str:
    """Invite `email` as the PM; returns the token from the emailed link."""
    with capture(execute=True):
        services.invitation_create(
            actor=team.user(Role.PRODUCTION_MANAGER), production_id=team.production.pk,
            email=email, role=role, department="Sound",
        )
    match = LINK.search(mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_invitation_email_names_production_role_and_link(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    token = _invite(team, django_capture_on_commit_callbacks)
    message = mail.outbox[-1]
    assert message.to == ["nina@example.com"]
    assert "The Night Ferry" in message.subject
    assert "as Crew (Sound)" in message.body
    invitation = Invitation.objects.get()
    assert invitation.token_digest != token  # only the digest is stored
    assert AuditEntry.objects.filter(action="invitation.create").count() == 1


def test_no_email_when_the_transaction_rolls_back(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            actor=team.producer, production_id=team.production.pk, email="a@example.com",
            role=Role.CAST,
        )
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_accepting_makes_a_member_with_the_invited_role(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    token = _invite(team, django_capture_on_commit_callbacks)
    nina = make_user("nina")
    joined = services.invitation_accept(actor=nina, token=token)
    assert (joined.production, joined.role, joined.department) == (team.production, "crew", "Sound")
    assert Invitation.objects.get().accepted_by == nina
    assert AuditEntry.objects.filter(action="invitation.accept", actor=nina).exists()
    with pytest.raises(Invalid, match="already been used"):
        services.invitation_accept(actor=make_user("eve"), token=token)


def test_a_new_user_can_join_with_the_invitation_email(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    token = _invite(team, django_capture_on_commit_callbacks, email="Sam@Example.com")
    joined = services.invitation_accept_new_user(token=token, username="sam", password=PASSWORD)
    assert joined.user.email == "Sam@example.com"  # Django lower-cases the domain only
    assert joined.user.check_password(PASSWORD)


def test_new_user_errors_name_the_field_and_create_nobody(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    token = _invite(team, django_capture_on_commit_callbacks)
    with pytest.raises(Invalid) as raised:
        services.invitation_accept_new_user(token=token, username="sam", password="123")
    assert "password" in raised.value.fields
    with pytest.raises(Invalid) as raised:
        services.invitation_accept_new_user(token=token, username="producer", password=PASSWORD)
    assert "username" in raised.value.fields
    assert not Membership.objects.filter(user__username="sam").exists()


def test_expired_unknown_and_duplicate_invitations(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    token = _invite(team, django_capture_on_commit_callbacks)
    with pytest.raises(Invalid, match="already a member"):
        services.invitation_accept(actor=team.user(Role.CAST), token=token)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(Invalid, match="expired"):
        services.invitation_accept(actor=make_user("late"), token=token)
    with pytest.raises(NotFound):
        services.invitation_accept(actor=make_user("guess"), token="not-a-token")
    with pytest.raises(NotFound):
        selectors.invitation_get_by_token(token="not-a-token")


def test_inviting_needs_manage_members_and_producer_for_producers(
    team: Team, django_capture_on_commit_callbacks
) -> None:
    pid = team.production.pk
    with pytest.raises(Forbidden):
        services.invitation_create(
            actor=team.user(Role.COORDINATOR), production_id=pid, email="x@example.com",
            role=Role.CREW,
        )
    with pytest.raises(Forbidden):
        services.invitation_create(
            actor=team.user(Role.PRODUCTION_MANAGER), production_id=pid, email="x@example.com",
            role=Role.PRODUCER,
        )
    with pytest.raises(Invalid) as raised:
        services.invitation_create(
            actor=team.producer, production_id=pid, email="CREW@example.com", role=Role.CREW
        )
    assert "email" in raised.value.fields
    with pytest.raises(Invalid) as raised:
        services.invitation_create(
            actor=team.producer, production_id=pid, email="not an address", role=Role.CREW
        )
    assert "email" in raised.value.fields


def test_a_revoked_invitation_stops_working(team: Team, django_capture_on_commit_callbacks) -> None:
    token = _invite(team, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    services.invitation_revoke(
        actor=team.producer, production_id=team.production.pk, invitation_id=invitation.pk
    )
    with pytest.raises(NotFound):
        services.invitation_accept(actor=make_user("nina"), token=token)
    assert AuditEntry.objects.filter(action="invitation.revoke").exists()
