"""Fixtures of the schedules tests: the sample production with its script and facts.

`scheduled(team)` imports the bundled screenplay (48 scenes) as the current draft and the
bundled production file (docs/formats/production.md) as the production facts, both through
the services, as the producer; `board(...)` adds a first-plan schedule version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from lynchpin.schedules import services
from tests.conftest import REPO, SAMPLE
from tests.django_support import Team

#: The sample production file that goes with the sample script.
PRODUCTION_FILE = REPO / "lynchpin" / "samples" / "the-night-ferry.production.toml"


@dataclass(frozen=True)
class Scheduled:
    """The team's production with script and facts; `pid` its id."""

    team: Team
    draft: Any

    @property
    def pid(self) -> int:
        return int(self.team.production.pk)


def make_scheduled(team: Team) -> Scheduled:
    """Import the sample script and production file into the team's production."""
    from lynchpin.productions.models import Production
    from lynchpin.scripts.services import script_import

    Production.objects.filter(pk=team.production.pk).update(currency="GBP", country="GB",
                                                             region="SCT")
    team.production.refresh_from_db()
    draft = script_import(actor=team.producer, production_id=team.production.pk,
                          file_name="the-night-ferry.fountain", content=SAMPLE.read_bytes())
    services.facts_import(actor=team.producer, production_id=team.production.pk,
                          text=PRODUCTION_FILE.read_text(encoding="utf-8"),
                          source=PRODUCTION_FILE.name)
    return Scheduled(team, draft)


@pytest.fixture(autouse=True)
def _own_media(settings: Any, tmp_path: Any) -> None:
    """Each test stores uploaded files in its own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def scheduled(team: Team) -> Scheduled:
    """The sample production with its script and facts (no schedule yet)."""
    return make_scheduled(team)


@pytest.fixture
def board(scheduled: Scheduled) -> Any:
    """A first-plan schedule version of the sample."""
    return services.schedule_create(actor=scheduled.team.producer,
                                    production_id=scheduled.pid, name="Shooting schedule")


#: The sample budget whose globals follow the schedule (SHOOT_DAYS, CAST_NELL_WORK, ...).
BUDGET_FILE = REPO / "lynchpin" / "samples" / "the-night-ferry.budget.toml"


def import_budget(scheduled: Scheduled) -> Any:
    """The sample budget imported as the production's current budget."""
    from lynchpin.budgets.services import budget_import
    from lynchpin.engine.budgeting.budget_file import read_budget

    budget = read_budget(BUDGET_FILE.read_text(encoding="utf-8"), source=BUDGET_FILE.name)
    return budget_import(actor=scheduled.team.producer, production_id=scheduled.pid,
                         name="Budget", budget=budget)


def engage_cast(scheduled: Scheduled, role: str, character: str, number: str,
                rate: str | None = None) -> Any:
    """Link the team member holding `role` to a contact engaged as cast playing
    `character` (with a daily deal memo at `rate` GBP when given)."""
    from decimal import Decimal

    from lynchpin.people import services as people

    producer, pid = scheduled.team.producer, scheduled.pid
    contact = people.contact_create(actor=producer, production_id=pid,
                                    name=f"Player of {character}",
                                    user_id=scheduled.team.user(role).pk)
    engagement = people.engagement_create(actor=producer, production_id=pid,
                                          contact_id=contact.pk, kind="cast",
                                          position="Actor", character=character,
                                          cast_number=number)
    if rate is not None:
        people.deal_memo_set(actor=producer, production_id=pid, engagement_id=engagement.pk,
                             expected_version=None, rate=Decimal(rate), currency="GBP",
                             basis="daily", agreement="uk-crew")
    return engagement
