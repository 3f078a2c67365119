"""The demo team: one user per role, each with a freshly generated password.

Usernames are the role values (``producer``, ``production_manager``, ...), so a visitor
knows who they are logged in as. Every run gives every demo user a new password (the only
copy is what the demo prints): re-running the demo never leaves an old, printed password
working. The users hold invented names; emails are under ``example.com`` (RFC 2606) so that
nothing the demo sends can reach anyone.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from lynchpin.core.roles import Role

__all__ = ["DEMO_DEPARTMENT", "DEMO_PEOPLE", "DemoUser", "demo_users", "new_password"]

#: Department of the demo's department head (the payroll sample has a Camera department).
DEMO_DEPARTMENT = "Camera"

#: (role, first name, last name) of the demo team, in the order the table prints them.
DEMO_PEOPLE: tuple[tuple[Role, str, str], ...] = (
    (Role.PRODUCER, "Fiona", "Drummond"),
    (Role.PRODUCTION_MANAGER, "Ross", "Lennox"),
    (Role.ACCOUNTANT, "Mhairi", "Sutherland"),
    (Role.COORDINATOR, "Jamie", "Arbuthnot"),
    (Role.DEPARTMENT_HEAD, "Callum", "Reid"),
    (Role.CREW, "Isla", "Fraser"),
    (Role.CAST, "Morven", "Blair"),
)


@dataclass(frozen=True, slots=True)
class DemoUser:
    """A demo login: the role's value and label, the username and its (new) password."""

    role: str
    role_label: str
    username: str
    password: str


def new_password() -> str:
    """A random password of 16 URL-safe characters (96 bits), easy to copy from a table."""
    return secrets.token_urlsafe(12)


@transaction.atomic
def demo_users(password: Callable[[], str] = new_password) -> dict[str, tuple[Any, DemoUser]]:
    """Create or update one active user per role; every one gets ``password()``.

    Returns role value -> (user, DemoUser) in `DEMO_PEOPLE` order. An existing user of the
    same username is reused (names and email reset, made active, not staff).
    """
    users = get_user_model().objects
    team: dict[str, tuple[Any, DemoUser]] = {}
    for role, first, last in DEMO_PEOPLE:
        username = role.value
        user, _ = users.get_or_create(username=username)
        secret = password()
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.com"
        user.is_active, user.is_staff, user.is_superuser = True, False, False
        user.set_password(secret)
        user.save()
        team[role.value] = (user, DemoUser(role.value, str(role.label), username, secret))
    return team
