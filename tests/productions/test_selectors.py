"""Selectors are scoped to the actor: members see their production, outsiders get NotFound,
roles without the capability get Forbidden."""

from __future__ import annotations

import pytest

from lynchpin.core.errors import Forbidden, NotFound
from lynchpin.core.roles import Capability, Role
from lynchpin.productions import selectors
from lynchpin.productions.services import invitation_create
from tests.django_support import Team, roles_with, roles_without

pytestmark = pytest.mark.django_db


def test_production_list_shows_only_own_productions(team: Team) -> None:
    assert list(selectors.production_list(actor=team.user(Role.CAST))) == [team.production]
    assert list(selectors.production_list(actor=team.outsider)) == [team.other_production]


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_every_member_gets_the_production(team: Team, role: str) -> None:
    got = selectors.production_get(actor=team.user(role), production_id=team.production.pk)
    assert got == team.production


def test_outsider_gets_not_found_everywhere(team: Team) -> None:
    pid = team.production.pk
    for selector in (
        selectors.production_get, selectors.member_list, selectors.audit_list,
        selectors.invitation_list,
    ):
        with pytest.raises(NotFound):
            selector(actor=team.outsider, production_id=pid)


@pytest.mark.parametrize("role", roles_with(Capability.VIEW_PEOPLE))
def test_member_list_for_people_roles(team: Team, role: str) -> None:
    rows = selectors.member_list(actor=team.user(role), production_id=team.production.pk)
    assert {row.user for row in rows} == set(team.members.values())


@pytest.mark.parametrize("role", roles_without(Capability.VIEW_PEOPLE))
def test_member_list_forbidden_for_other_roles(team: Team, role: str) -> None:
    with pytest.raises(Forbidden):
        selectors.member_list(actor=team.user(role), production_id=team.production.pk)


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_audit_log_only_for_producers_and_pm(team: Team, role: str) -> None:
    actor, pid = team.user(role), team.production.pk
    if role in (Role.PRODUCER, Role.PRODUCTION_MANAGER):
        actions = [entry.action for entry in selectors.audit_list(actor=actor, production_id=pid)]
        assert actions == ["production.create"]
    else:
        with pytest.raises(Forbidden):
            selectors.audit_list(actor=actor, production_id=pid)


def test_audit_log_never_shows_another_production(team: Team) -> None:
    entries = selectors.audit_list(actor=team.producer, production_id=team.production.pk)
    assert {entry.production_id for entry in entries} == {team.production.pk}


def test_dashboard_sources_follow_capabilities(team: Team, django_capture_on_commit_callbacks):
    pid = team.production.pk
    with django_capture_on_commit_callbacks(execute=False):
        invitation_create(actor=team.producer, production_id=pid, email="new@example.com",
                          role=Role.CREW)
    producer = team.production.memberships.get(user=team.producer)
    cast = team.production.memberships.get(user=team.user(Role.CAST))
    attention = selectors.production_attention(actor=team.producer, membership=producer)
    assert [item.count for item in attention] == [None, 1]  # start date, one invitation
    assert selectors.production_attention(actor=team.user(Role.CAST), membership=cast) == []
    figures = selectors.production_figures(actor=team.producer, membership=producer)
    assert [f.label for f in figures] == ["Start of photography", "Members"]
    cast_figures = selectors.production_figures(actor=team.user(Role.CAST), membership=cast)
    assert [f.label for f in cast_figures] == ["Start of photography"]
