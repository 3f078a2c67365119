"""The members page: invite by email, change roles, remove, accept an invitation."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from lynchpin.core.roles import Role
from lynchpin.productions.models import Invitation, Membership
from tests.django_support import PASSWORD, Team

pytestmark = pytest.mark.django_db


def _members(team: Team) -> str:
    return reverse("productions:members", kwargs={"production_id": team.production.pk})


def test_invite_form_shows_only_for_member_managers(team: Team, client_as) -> None:
    assert "Invite someone" in client_as(team.producer).get(_members(team)).content.decode()
    page = client_as(team.user(Role.COORDINATOR)).get(_members(team)).content.decode()
    assert "Invite someone" not in page
    assert "production_manager@example.com" in page  # but the list is there


def test_invite_then_join_as_a_new_user(
    team: Team, client_as, django_capture_on_commit_callbacks
) -> None:
    invite = reverse("productions:member_invite", kwargs={"production_id": team.production.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(team.producer).post(
            invite, {"email": "nina@example.com", "role": "crew", "department": "Sound"}
        )
    assert response.status_code == 302
    link = re.search(r"http://testserver(/productions/invitations/[\w-]+/)", mail.outbox[0].body)
    assert link
    visitor = client_as(None)
    page = visitor.get(link.group(1)).content.decode()
    assert "as <strong>Crew</strong>" in page
    joined = visitor.post(
        link.group(1), {"username": "nina", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert joined.status_code == 302
    assert visitor.get(joined["Location"]).status_code == 200  # logged in, a member now
    assert Membership.objects.get(user__username="nina").role == Role.CREW


def test_invite_errors_are_shown_on_the_form(team: Team, client_as) -> None:
    invite = reverse("productions:member_invite", kwargs={"production_id": team.production.pk})
    response = client_as(team.producer).post(
        invite, {"email": "cast@example.com", "role": "crew"}
    )
    assert response.status_code == 400
    assert "Already a member." in response.content.decode()
    assert not Invitation.objects.exists()


def test_invite_is_forbidden_for_other_roles(team: Team, client_as) -> None:
    invite = reverse("productions:member_invite", kwargs={"production_id": team.production.pk})
    response = client_as(team.user(Role.ACCOUNTANT)).post(
        invite, {"email": "x@example.com", "role": "crew"}
    )
    assert response.status_code == 403


def test_role_change_and_the_last_producer_message(team: Team, client_as) -> None:
    pid = team.production.pk
    crew_row = Membership.objects.get(production_id=pid, user=team.user(Role.CREW))
    url = reverse("productions:member_role", kwargs={"production_id": pid,
                                                     "membership_id": crew_row.pk})
    client = client_as(team.producer)
    response = client.post(url, {"role": "cast", "department": ""}, follow=True)
    assert "crew is now Cast." in response.content.decode()
    producer_row = Membership.objects.get(production_id=pid, user=team.producer)
    remove = reverse("productions:member_remove", kwargs={"production_id": pid,
                                                          "membership_id": producer_row.pk})
    response = client.post(remove, follow=True)
    assert "at least one producer" in response.content.decode()
    assert Membership.objects.filter(pk=producer_row.pk).exists()


def test_logged_in_user_accepts_with_one_click(
    team: Team, client_as, django_capture_on_commit_callbacks
) -> None:
    from lynchpin.productions.services import invitation_create

    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(actor=team.producer, production_id=team.production.pk,
                          email="outsider@example.com", role=Role.ACCOUNTANT)
    path = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    response = client_as(team.outsider).post(path)
    assert response.status_code == 302
    assert Membership.objects.get(production=team.production, user=team.outsider).role == (
        Role.ACCOUNTANT
    )


def test_unknown_invitation_link_is_404(client_as, db) -> None:
    response = client_as(None).get("/productions/invitations/nope/")
    assert response.status_code == 404
