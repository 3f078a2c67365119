"""Test support for the Django apps: a pytest plugin with factories and fixtures.

Loaded for the whole suite by ``-p tests.django_support`` (pyproject ``addopts``), before
pytest-django reads the settings, so it can point the settings at a throw-away data directory
and the immediate task backend. Engine and CLI tests never touch the database.

Factories (plain functions, usable in any test that has the ``db`` fixture):
    make_user(username, *, email=None, password=PASSWORD) -> User
    make_production(*, producer=None, title="The Night Ferry", **settings) -> Production
    add_member(production, user, role, department="") -> Membership
    make_team(title="The Night Ferry") -> Team   one user per Role + an outsider

Fixtures:
    team            Team of a fresh production (users named after their role)
    client_as       client_as(user) -> django.test.Client logged in as `user`
    token_client    token_client(user) -> Client sending "Authorization: Bearer <new key>"
    roles_with / roles_without (plain functions): the roles that have / lack a capability
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest

#: Data directory of this test process (SQLite file, media); removed at the end of the run.
_DATA_DIR = tempfile.mkdtemp(prefix="lynchpin-test-")
os.environ["LYNCHPIN_DATA_DIR"] = _DATA_DIR
# Tasks run inside the request in tests: a test sees their effect without a worker.
os.environ["LYNCHPIN_TASKS_BACKEND"] = "immediate"

#: Password of every factory-made user (passes Django's password validators).
PASSWORD = "ferry-night-crossing-42"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_DATA_DIR, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _fast_passwords() -> Iterator[None]:
    """A fast password hasher: hashing dominates the cost of creating users otherwise."""
    from django.test import override_settings

    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(PASSWORD_HASHERS=hashers, LYNCHPIN_BASE_URL="http://testserver"):
        yield


def make_user(username: str, *, email: str | None = None, password: str = PASSWORD) -> Any:
    """A user with `password` (default PASSWORD) and email ``<username>@example.com``."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        username=username, email=email or f"{username}@example.com", password=password
    )


def make_production(*, producer: Any = None, title: str = "The Night Ferry", **fields: Any) -> Any:
    """A production made through the service (so it has its main unit and producer)."""
    from lynchpin.productions.services import production_create

    producer = producer or make_user(_unique_username("producer"))
    return production_create(actor=producer, title=title, **fields)


def add_member(production: Any, user: Any, role: str, department: str = "") -> Any:
    """Make `user` a member directly (test set-up, not the service under test)."""
    from lynchpin.productions.models import Membership

    return Membership.objects.create(
        production=production, user=user, role=role, department=department
    )


def _unique_username(base: str) -> str:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    name, number = base, 1
    while users.filter(username=name).exists():
        number += 1
        name = f"{base}-{number}"
    return name


@dataclass(frozen=True)
class Team:
    """A production with one member per role, and an OUTSIDER who is the producer of
    another production (so every isolation test has someone to keep out)."""

    production: Any
    members: Mapping[str, Any]  # role value -> user
    outsider: Any
    other_production: Any

    def user(self, role: str) -> Any:
        """The member holding `role` (a Role or its value)."""
        return self.members[str(role)]

    @property
    def producer(self) -> Any:
        return self.user("producer")


def make_team(title: str = "The Night Ferry") -> Team:
    """A production whose producer is user ``producer``, plus one user per other role
    (usernames are the role values, suffixed when taken) and an outsider with their own
    production."""
    from lynchpin.core.roles import Role

    producer = make_user(_unique_username(Role.PRODUCER.value))
    production = make_production(producer=producer, title=title)
    members = {Role.PRODUCER.value: producer}
    for role in Role:
        if role is not Role.PRODUCER:
            user = make_user(_unique_username(role.value))
            department = "Camera" if role is Role.DEPARTMENT_HEAD else ""
            add_member(production, user, role.value, department)
            members[role.value] = user
    outsider = make_user(_unique_username("outsider"))
    other = make_production(producer=outsider, title=f"Not {title}")
    return Team(production, members, outsider, other)


def roles_with(capability: str) -> list[str]:
    """Role values that have `capability` (for parametrised tests)."""
    from lynchpin.core.roles import Capability, Role, role_can

    return [role.value for role in Role if role_can(role, Capability(capability))]


def roles_without(capability: str) -> list[str]:
    """Role values that lack `capability`."""
    from lynchpin.core.roles import Role

    having = set(roles_with(capability))
    return [role.value for role in Role if role.value not in having]


@pytest.fixture
def team(db: None) -> Team:
    """A fresh team (see make_team)."""
    return make_team()


@pytest.fixture
def client_as(db: None) -> Callable[[Any], Any]:
    """``client_as(user)``: a test client with `user` logged in (None: anonymous)."""
    from django.test import Client

    def build(user: Any) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return build


@pytest.fixture
def token_client(db: None) -> Callable[[Any], Any]:
    """``token_client(user)``: a client authenticating with a new personal token of `user`
    (no session, no CSRF)."""
    from django.test import Client

    from lynchpin.api.services import api_token_create

    def build(user: Any) -> Client:
        _, key = api_token_create(actor=user, name=f"test {_unique_token_name(user)}")
        return Client(headers={"Authorization": f"Bearer {key}"})

    return build


def _unique_token_name(user: Any) -> int:
    return int(user.api_tokens.count()) + 1
