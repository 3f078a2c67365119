"""membership_for and require: outsiders get NotFound, roles without a capability Forbidden."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.errors import Forbidden, NotFound
from lynchpin.core.roles import Capability, Role
from tests.django_support import Team

pytestmark = pytest.mark.django_db


def test_member_gets_their_membership_with_the_production(team: Team) -> None:
    membership = membership_for(actor=team.user(Role.CREW), production_id=team.production.pk)
    assert membership.role == Role.CREW
    assert membership.production == team.production


def test_outsider_and_missing_production_look_the_same(team: Team) -> None:
    with pytest.raises(NotFound) as outsider:
        membership_for(actor=team.outsider, production_id=team.production.pk)
    with pytest.raises(NotFound) as missing:
        membership_for(actor=team.outsider, production_id=10**9)
    assert outsider.value.message == missing.value.message


def test_anonymous_and_inactive_users_are_not_members(team: Team) -> None:
    with pytest.raises(NotFound):
        membership_for(actor=AnonymousUser(), production_id=team.production.pk)
    crew = team.user(Role.CREW)
    crew.is_active = False
    crew.save()
    with pytest.raises(NotFound):
        membership_for(actor=crew, production_id=team.production.pk)


def test_require_raises_forbidden_naming_the_role(team: Team) -> None:
    membership = membership_for(actor=team.user(Role.CAST), production_id=team.production.pk)
    assert not can(membership, Capability.VIEW_MONEY)
    with pytest.raises(Forbidden, match=r"\(Cast\)"):
        require(membership, Capability.VIEW_MONEY)
    require(membership, Capability.VIEW_SCRIPT)  # allowed: no exception
