"""Timecard fixtures: the people fixture's crew and cast (tests.people.conftest) on a
production in Los Angeles time, payroll accounts for its departments, and the accounting
tests' budget (so approving a week can post payroll to the ledger).

Isla Fraser (crew, Camera, linked to the ``crew`` user) is "$5187/12" a day under the
IATSE-style agreement; Morven Blair (cast, linked to the ``cast`` user) is a weekly
SAG-AFTRA-style performer. The week used is Sunday 2 to Saturday 8 March 2025 (both
agreements' work weeks start on Sunday).
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.engine.labour import model as labour
from lynchpin.people.timecards import services
from lynchpin.people.timecards.adapters import DayEntry
from lynchpin.productions.models import Production
from tests.accounting.conftest import make_basis
from tests.people.conftest import People, make_people

ZONE = zoneinfo.ZoneInfo("America/Los_Angeles")
SUNDAY = date(2025, 3, 2)
MONDAY = date(2025, 3, 3)
TUESDAY = date(2025, 3, 4)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """`day` at hour:minute, Los Angeles time."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


def day_entry(day: date = MONDAY, *, call: tuple[int, int] = (7, 0),
              meal: tuple[tuple[int, int], tuple[int, int]] | None = ((13, 0), (13, 30)),
              wrap: tuple[int, int] = (19, 0), travel_after: str = "0") -> DayEntry:
    """A day of the given clock times (a meal at 14:00 after a 07:00 call is an hour late
    under the IATSE-style 6-hour rule)."""
    meals = () if meal is None else (labour.Meal(at(day, *meal[0]), at(day, *meal[1])),)
    return DayEntry(day=day, call=at(day, *call), wrap=at(day, *wrap), meals=meals,
                    travel_after=Decimal(travel_after))


LATE_MEAL = ((14, 0), (14, 30))


@dataclass(frozen=True)
class Crew:
    """The people fixture plus shortcuts."""

    people: People

    @property
    def pid(self) -> int:
        return self.people.pid

    def user(self, role: str) -> Any:
        return self.people.team.user(role)

    def engagement(self, name: str) -> Any:
        return self.people.engagements[name]

    def save(self, name: str, days: list[DayEntry], *, actor: Any = None,
             version: int | None = None, day: date = MONDAY) -> Any:
        """Save `name`'s week (as the person's own user for Isla and Morven, else the PM)."""
        owner = {"isla": "crew", "morven": "cast"}.get(name, "production_manager")
        return services.timecard_week_save(
            actor=actor or self.user(owner), production_id=self.pid,
            engagement_id=self.engagement(name).pk, day=day, expected_version=version,
            days=days)

    def submit(self, name: str, week: Any, *, actor: Any = None) -> Any:
        owner = {"isla": "crew", "morven": "cast"}.get(name, "production_manager")
        return services.timecard_week_submit(
            actor=actor or self.user(owner), production_id=self.pid,
            engagement_id=self.engagement(name).pk, day=week.week_start,
            expected_version=week.version)

    def approve(self, name: str, week: Any, *, actor: Any = None) -> Any:
        return services.timecard_week_approve(
            actor=actor or self.user("accountant"), production_id=self.pid,
            engagement_id=self.engagement(name).pk, day=week.week_start,
            expected_version=week.version)

    def approved(self, name: str, days: list[DayEntry]) -> Any:
        """`name`'s week saved, submitted and approved."""
        return self.approve(name, self.submit(name, self.save(name, days)))


@pytest.fixture
def basis(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Every production's ledger is coded to the accounting tests' budget."""
    from lynchpin.accounting.adapters import basis as basis_module

    fixed = make_basis()
    monkeypatch.setattr(basis_module, "budget_source", lambda **kwargs: fixed)
    yield fixed


@pytest.fixture
def crew(team: Any, basis: Any) -> Crew:
    """The team's production (Los Angeles time) with crew, cast, deals and payroll
    accounts: Camera -> 3001, everyone else -> 3002."""
    Production.objects.filter(pk=team.production.pk).update(time_zone="America/Los_Angeles")
    team.production.refresh_from_db()
    people = make_people(team)
    services.payroll_accounts_set(actor=team.producer, production_id=team.production.pk,
                                  accounts={"Camera": "3001", "": "3002"})
    return Crew(people)
