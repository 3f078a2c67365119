"""Roles on a production and what each may do, as data (DESIGN.md section 1).

A member holds one `Role` per production. Code never asks "is this a producer?": it asks
whether the role has a `Capability` (`role_can`), so changing who may do what is an edit of
`ROLE_CAPABILITIES`, documented in docs/web/platform.md.

Money (rates, salaries, deal terms, budgets) is confidential: only roles with VIEW_MONEY see
it, and selectors leave it out for every other role.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from django.db import models

__all__ = ["ROLE_CAPABILITIES", "Capability", "Role", "capabilities_of", "role_can"]


class Role(models.TextChoices):
    """A member's role on one production (stored in Membership.role)."""

    PRODUCER = "producer", "Producer"
    PRODUCTION_MANAGER = "production_manager", "Production manager"
    ACCOUNTANT = "accountant", "Production accountant"
    COORDINATOR = "coordinator", "Coordinator / assistant director"
    DEPARTMENT_HEAD = "department_head", "Department head"
    CREW = "crew", "Crew"
    CAST = "cast", "Cast"


class Capability(StrEnum):
    """Something a role may do or see on its production."""

    VIEW_MONEY = "view_money"  # rates, salaries, deal terms, budgets, costs
    EDIT_BUDGET = "edit_budget"
    EDIT_PRODUCTION = "edit_production"  # title, dates, currency, calendar
    MANAGE_MEMBERS = "manage_members"  # invite, change roles, remove
    VIEW_AUDIT = "view_audit"
    VIEW_SCRIPT = "view_script"
    UPLOAD_SCRIPT = "upload_script"
    EDIT_BREAKDOWN = "edit_breakdown"
    VIEW_PEOPLE = "view_people"  # members, contacts, crew and cast lists
    EDIT_PEOPLE = "edit_people"
    RUN_TASKS = "run_tasks"  # start background work: imports, PDF batches, optimiser runs
    POST_LEDGER = "post_ledger"  # purchase orders, invoices, petty cash, journals, periods
    EDIT_SCHEDULE = "edit_schedule"  # production facts, stripboard, optimise, re-plan, lock


_ALL = frozenset(Capability)

#: Who may do what. Producers and the PM see and do everything; the accountant keeps the
#: money; coordinators/ADs run the paperwork without seeing money; department heads work on
#: the breakdown; crew and cast read the script and nothing confidential. Department-level
#: limits (a head edits their department only) are checked by the app concerned.
ROLE_CAPABILITIES: Mapping[Role, frozenset[Capability]] = MappingProxyType(
    {
        Role.PRODUCER: _ALL,
        Role.PRODUCTION_MANAGER: _ALL,
        Role.ACCOUNTANT: frozenset(
            {
                Capability.VIEW_MONEY,
                Capability.EDIT_BUDGET,
                Capability.POST_LEDGER,
                Capability.VIEW_SCRIPT,
                Capability.VIEW_PEOPLE,
                Capability.RUN_TASKS,
            }
        ),
        Role.COORDINATOR: frozenset(
            {
                Capability.VIEW_SCRIPT,
                Capability.UPLOAD_SCRIPT,
                Capability.EDIT_BREAKDOWN,
                Capability.VIEW_PEOPLE,
                Capability.EDIT_PEOPLE,
                Capability.EDIT_SCHEDULE,
                Capability.RUN_TASKS,
            }
        ),
        Role.DEPARTMENT_HEAD: frozenset(
            {Capability.VIEW_SCRIPT, Capability.EDIT_BREAKDOWN, Capability.VIEW_PEOPLE}
        ),
        Role.CREW: frozenset({Capability.VIEW_SCRIPT}),
        Role.CAST: frozenset({Capability.VIEW_SCRIPT}),
    }
)


def capabilities_of(role: str) -> frozenset[Capability]:
    """The capabilities of `role` (a Role or its stored value); none for an unknown value."""
    try:
        return ROLE_CAPABILITIES[Role(role)]
    except ValueError:
        return frozenset()


def role_can(role: str, capability: Capability) -> bool:
    """True when `role` has `capability`."""
    return capability in capabilities_of(role)
