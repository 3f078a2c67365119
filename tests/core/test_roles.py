"""The role table (DESIGN.md section 1) as data: who may see money, manage, audit."""

from __future__ import annotations

import pytest

from lynchpin.core.roles import ROLE_CAPABILITIES, Capability, Role, capabilities_of, role_can


def test_every_role_has_an_entry_and_a_label() -> None:
    assert set(ROLE_CAPABILITIES) == set(Role)
    assert Role.PRODUCTION_MANAGER.label == "Production manager"


@pytest.mark.parametrize("role", [Role.PRODUCER, Role.PRODUCTION_MANAGER])
def test_producers_and_pm_can_do_everything(role: Role) -> None:
    assert capabilities_of(role) == frozenset(Capability)


def test_money_is_for_producers_pm_and_accountant_only() -> None:
    with_money = {role for role in Role if role_can(role, Capability.VIEW_MONEY)}
    assert with_money == {Role.PRODUCER, Role.PRODUCTION_MANAGER, Role.ACCOUNTANT}


def test_audit_and_member_management_are_for_producers_and_pm_only() -> None:
    for capability in (Capability.VIEW_AUDIT, Capability.MANAGE_MEMBERS):
        holders = {role for role in Role if role_can(role, capability)}
        assert holders == {Role.PRODUCER, Role.PRODUCTION_MANAGER}


def test_coordinator_runs_the_paperwork_without_money() -> None:
    coordinator = capabilities_of(Role.COORDINATOR)
    assert {Capability.UPLOAD_SCRIPT, Capability.EDIT_BREAKDOWN, Capability.EDIT_PEOPLE} <= (
        coordinator
    )
    assert Capability.VIEW_MONEY not in coordinator
    assert Capability.EDIT_BUDGET not in coordinator


@pytest.mark.parametrize("role", [Role.CREW, Role.CAST])
def test_crew_and_cast_read_the_script_and_nothing_confidential(role: Role) -> None:
    assert capabilities_of(role) == {Capability.VIEW_SCRIPT}


def test_an_unknown_role_value_has_no_capability() -> None:
    assert capabilities_of("director_of_everything") == frozenset()
    assert not role_can("", Capability.VIEW_SCRIPT)
