"""Services: permission checks, audit entries, version conflicts, the producer rules."""

from __future__ import annotations

from datetime import date

import pytest

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Role
from lynchpin.productions import services
from lynchpin.productions.models import Membership, Production, Unit
from tests.django_support import Team, make_user

pytestmark = pytest.mark.django_db


def _last_audit(production: Production) -> AuditEntry:
    return AuditEntry.objects.filter(production=production).order_by("-id").first()


def _settings(production: Production, **changes: object) -> dict[str, object]:
    data = {
        name: getattr(production, name)
        for name in ("title", "kind", "currency", "country", "region", "time_zone", "start_date")
    }
    data.update(changes)
    return data


def test_production_create_makes_the_creator_producer_with_a_main_unit() -> None:
    ann = make_user("ann")
    production = services.production_create(
        actor=ann, title=" The Night Ferry ", currency="eur", country="ie",
        time_zone="Europe/Dublin",
    )
    assert production.title == "The Night Ferry"
    assert production.currency == "EUR"
    assert Membership.objects.get(production=production).role == Role.PRODUCER
    assert Unit.objects.get(production=production).name == "Main unit"
    entry = _last_audit(production)
    assert (entry.action, entry.actor, entry.changes["currency"]) == (
        "production.create", ann, [None, "EUR"],
    )


def test_production_create_reports_every_bad_field_and_saves_nothing() -> None:
    with pytest.raises(Invalid) as raised:
        services.production_create(
            actor=make_user("ann"), title="", currency="euros", time_zone="Nowhere"
        )
    assert set(raised.value.fields) == {"title", "currency", "time_zone"}
    assert not Production.objects.exists()


def test_production_update_audits_the_changed_fields(team: Team) -> None:
    pm = team.user(Role.PRODUCTION_MANAGER)
    updated = services.production_update(
        actor=pm, production_id=team.production.pk, expected_version=1,
        **_settings(team.production, start_date=date(2025, 4, 7), title="Night Ferry"),
    )
    assert updated.version == 2
    entry = _last_audit(team.production)
    assert entry.action == "production.update"
    assert entry.changes == {
        "title": ["The Night Ferry", "Night Ferry"],
        "start_date": [None, "2025-04-07"],
    }


def test_a_stale_production_update_is_a_conflict_and_keeps_the_first_edit(team: Team) -> None:
    pid = team.production.pk
    services.production_update(
        actor=team.producer, production_id=pid, expected_version=1,
        **_settings(team.production, title="First"),
    )
    with pytest.raises(Conflict, match="changed by someone else"):
        services.production_update(
            actor=team.user(Role.PRODUCTION_MANAGER), production_id=pid, expected_version=1,
            **_settings(team.production, title="Second"),
        )
    assert Production.objects.get(pk=pid).title == "First"
    assert AuditEntry.objects.filter(action="production.update").count() == 1


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.COORDINATOR, Role.CREW])
def test_production_update_needs_edit_production(team: Team, role: Role) -> None:
    with pytest.raises(Forbidden):
        services.production_update(
            actor=team.user(role), production_id=team.production.pk, expected_version=1,
            **_settings(team.production),
        )


def test_outsider_cannot_touch_the_production(team: Team) -> None:
    with pytest.raises(NotFound):
        services.production_update(
            actor=team.outsider, production_id=team.production.pk, expected_version=1,
            **_settings(team.production),
        )
    with pytest.raises(NotFound):
        services.membership_add(
            actor=team.outsider, production_id=team.production.pk, user=team.outsider,
            role=Role.PRODUCER,
        )


def test_membership_add_and_role_change_are_audited(team: Team) -> None:
    bob = make_user("bob")
    pm, pid = team.user(Role.PRODUCTION_MANAGER), team.production.pk
    added = services.membership_add(
        actor=pm, production_id=pid, user=bob, role=Role.CREW, department=" Grip "
    )
    assert (added.role, added.department) == (Role.CREW, "Grip")
    assert _last_audit(team.production).action == "membership.add"
    changed = services.membership_change_role(
        actor=pm, production_id=pid, membership_id=added.pk, role=Role.DEPARTMENT_HEAD
    )
    assert (changed.role, changed.department) == (Role.DEPARTMENT_HEAD, "Grip")
    entry = _last_audit(team.production)
    assert (entry.action, entry.changes) == (
        "membership.change_role", {"role": ["crew", "department_head"]},
    )


def test_membership_add_refuses_an_existing_member_and_unknown_role(team: Team) -> None:
    pid = team.production.pk
    with pytest.raises(Invalid) as raised:
        services.membership_add(
            actor=team.producer, production_id=pid, user=team.user(Role.CAST), role=Role.CREW
        )
    assert "user" in raised.value.fields
    with pytest.raises(Invalid) as raised:
        services.membership_add(actor=team.producer, production_id=pid, user=make_user("x"),
                                role="boss")
    assert "role" in raised.value.fields


def test_only_a_producer_grants_or_removes_the_producer_role(team: Team) -> None:
    pm, pid = team.user(Role.PRODUCTION_MANAGER), team.production.pk
    pm_row = Membership.objects.get(production_id=pid, user=pm)
    with pytest.raises(Forbidden):
        services.membership_change_role(
            actor=pm, production_id=pid, membership_id=pm_row.pk, role=Role.PRODUCER
        )
    producer_row = Membership.objects.get(production_id=pid, user=team.producer)
    with pytest.raises(Forbidden):
        services.membership_remove(actor=pm, production_id=pid, membership_id=producer_row.pk)


def test_the_last_producer_stays(team: Team) -> None:
    pid = team.production.pk
    producer_row = Membership.objects.get(production_id=pid, user=team.producer)
    with pytest.raises(Invalid, match="at least one producer"):
        services.membership_change_role(
            actor=team.producer, production_id=pid, membership_id=producer_row.pk, role=Role.CREW
        )
    with pytest.raises(Invalid, match="at least one producer"):
        services.membership_remove(
            actor=team.producer, production_id=pid, membership_id=producer_row.pk
        )
    pm_row = Membership.objects.get(production_id=pid, user=team.user(Role.PRODUCTION_MANAGER))
    services.membership_change_role(
        actor=team.producer, production_id=pid, membership_id=pm_row.pk, role=Role.PRODUCER
    )
    services.membership_remove(
        actor=team.producer, production_id=pid, membership_id=producer_row.pk
    )
    assert not Membership.objects.filter(pk=producer_row.pk).exists()
    assert _last_audit(team.production).action == "membership.remove"


def test_members_of_another_production_are_not_found(team: Team) -> None:
    other_row = Membership.objects.get(production=team.other_production)
    with pytest.raises(NotFound):
        services.membership_remove(
            actor=team.producer, production_id=team.production.pk, membership_id=other_row.pk
        )


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.COORDINATOR, Role.DEPARTMENT_HEAD])
def test_managing_members_needs_manage_members(team: Team, role: Role) -> None:
    with pytest.raises(Forbidden):
        services.membership_add(
            actor=team.user(role), production_id=team.production.pk, user=make_user("z"),
            role=Role.CREW,
        )
