"""`build_demo`: the demo production "The Night Ferry": team, script, people, schedule, money.

Everything goes through the apps' services, as a person using the site would, with the demo
producer as the actor (the accountant posts the ledger rows): the production (from the sample
production file), one member per role, the sample screenplay imported as the first (white)
draft, the demo people file's crew and cast as contacts with engagements and GBP deal memos,
the schedule facts and a first plan, the sample budget (GBP) with the payroll account of each
department, and a few ledger rows (a PO and invoices, petty cash), so that the production can
be scheduled, budgeted, spent against and paid from the browser.

Idempotent: a second run reuses the production the demo producer already has (adding only
what is missing) and gives every demo user a new password; ``reset=True`` deletes that
production first and builds it again. Needs a migrated database (`lynchpin demo` migrates).
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from lynchpin.core.roles import Role
from lynchpin.demo.budget import add_budget, add_payroll_accounts
from lynchpin.demo.ledger import add_ledger
from lynchpin.demo.people import add_people
from lynchpin.demo.samples import PRODUCTION_FILE, production_settings, sample_bytes
from lynchpin.demo.script import import_script
from lynchpin.demo.team import DEMO_DEPARTMENT, DemoUser, demo_users, new_password
from lynchpin.productions.selectors import member_list, production_list
from lynchpin.productions.services import (
    membership_add,
    membership_change_role,
    production_create,
)
from lynchpin.schedules.services import schedule_setup

__all__ = ["Demo", "build_demo"]

#: Rounds of deleting protecting rows before giving up (each round clears one level).
_DELETE_ROUNDS = 10


@dataclass(frozen=True, slots=True)
class Demo:
    """What the demo built: the production, its page path, the logins and what was added.

    `users` are in role order (producer first); `notes` are one-line summaries for people
    (script imported, engagements created, or why something was skipped); `database` names
    the database used (an SQLite file path, or the PostgreSQL database name).
    """

    production_id: int
    title: str
    path: str
    database: str
    users: tuple[DemoUser, ...]
    notes: tuple[str, ...]


def build_demo(*, reset: bool = False, password: Callable[[], str] = new_password) -> Demo:
    """Create or reuse the demo production with its team; see the module docstring.

    `password` makes each user's new password (tests pass a fixed one). Raises the apps'
    ApplicationErrors or the engine's InputError only if a bundled sample is broken.
    """
    team = demo_users(password)
    producer = team[Role.PRODUCER.value][0]
    production = _production(producer, reset=reset)
    for role, (user, _) in team.items():
        if role != Role.PRODUCER.value:
            _ensure_member(producer, production.pk, user, role)
    notes = (import_script(actor=producer, production_id=production.pk),
             *add_people(actor=producer, production_id=production.pk))
    # Facts and a first plan from the sample production file (a no-op when they exist).
    schedule_setup(actor=producer, production_id=production.pk,
                   text=sample_bytes(PRODUCTION_FILE).decode("utf-8"), source=PRODUCTION_FILE)
    notes += ("Schedule: production facts and a first plan from the sample production file",
              *_money(team, production))
    return Demo(
        production_id=production.pk,
        title=production.title,
        path=reverse("productions:dashboard", kwargs={"production_id": production.pk}),
        database=str(connection.settings_dict["NAME"]),
        users=tuple(login for _, login in team.values()),
        notes=notes,
    )


def _money(team: dict[str, tuple[Any, DemoUser]], production: Any) -> tuple[str, ...]:
    """The budget, the payroll accounts and a few ledger rows; one note each."""
    producer = team[Role.PRODUCER.value][0]
    ids = {"production_id": production.pk}
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(production.time_zone))
    return (add_budget(actor=producer, **ids), add_payroll_accounts(actor=producer, **ids),
            add_ledger(accountant=team[Role.ACCOUNTANT.value][0], producer=producer,
                       today=today, **ids))


def _production(producer: Any, *, reset: bool) -> Any:
    """The demo producer's production of the sample's title (deleted first with `reset`),
    or a new one made from the sample production file."""
    wanted = production_settings()
    existing = production_list(actor=producer).filter(title=wanted.title).first()
    if existing is not None and reset:
        _delete_production(existing)
        existing = None
    if existing is not None:
        return existing
    return production_create(
        actor=producer, title=wanted.title, currency=wanted.currency, country=wanted.country,
        region=wanted.region, time_zone=wanted.time_zone, start_date=wanted.start_date,
    )


@transaction.atomic
def _delete_production(production: Any) -> None:
    """Delete the demo production and every row that belongs to it.

    No service deletes a production (people archive theirs); the demo owns this one. Apps
    protect some rows from deletion while others point at them (a contact with engagements,
    an element tagged in scenes); those pointing rows belong to the production too, so they
    go first, model by model, until the production itself can go.
    """
    for _ in range(_DELETE_ROUNDS):
        try:
            with transaction.atomic():
                production.delete()
            return
        except ProtectedError as error:
            blocking: dict[type, set[Any]] = defaultdict(set)
            for row in error.protected_objects:
                blocking[type(row)].add(row.pk)
            for model, keys in blocking.items():
                model._default_manager.filter(pk__in=keys).delete()
    raise RuntimeError(f"could not delete production {production.pk}: protected rows remain")


def _ensure_member(producer: Any, production_id: int, user: Any, role: str) -> None:
    """Make `user` a member with `role` (the department head heads `DEMO_DEPARTMENT`)."""
    department = DEMO_DEPARTMENT if role == Role.DEPARTMENT_HEAD.value else ""
    current = member_list(actor=producer, production_id=production_id).filter(user=user).first()
    if current is None:
        membership_add(actor=producer, production_id=production_id, user=user, role=role,
                       department=department)
    elif (current.role, current.department) != (role, department):
        membership_change_role(actor=producer, production_id=production_id,
                               membership_id=current.pk, role=role, department=department)
