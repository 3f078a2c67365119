"""The planning fingerprint moves with every edit of the facts and cast deals, so a problem
kept under it is never served after such an edit, and is reused while nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.people import services as people
from lynchpin.schedules import services
from lynchpin.schedules.adapters.fingerprint import planning_fingerprint
from lynchpin.schedules.adapters.plan import problem_for
from lynchpin.schedules.models import LocationFacts, MoveFacts, PerformerFacts, ScheduleFacts
from tests.schedules.conftest import Scheduled, engage_cast

pytestmark = pytest.mark.django_db


def _problem(scheduled: Scheduled) -> Any:
    return problem_for(scheduled.draft, title="t", currency="GBP", start_fallback=None,
                       country="GB", region="SCT")


def _changes(scheduled: Scheduled, edit: Callable[[], object]) -> bool:
    before = planning_fingerprint(scheduled.pid)
    edit()
    return planning_fingerprint(scheduled.pid) != before


def test_every_facts_edit_changes_the_fingerprint(scheduled: Scheduled) -> None:
    producer, pid = scheduled.team.producer, scheduled.pid
    facts = ScheduleFacts.objects.get(production_id=pid)
    nell = PerformerFacts.objects.get(production_id=pid, name="NELL")
    location = LocationFacts.objects.filter(production_id=pid).first()
    move = MoveFacts.objects.filter(production_id=pid).first()
    assert location is not None and move is not None
    edits: dict[str, Callable[[], object]] = {
        "facts": lambda: services.facts_update(actor=producer, production_id=pid,
                                               expected_version=facts.version, shoot_days=31),
        "performer": lambda: services.performer_facts_save(
            actor=producer, production_id=pid, performer_id=nell.pk,
            expected_version=nell.version, daily_rate=Decimal("777.00")),
        "location": lambda: services.location_facts_save(
            actor=producer, production_id=pid, location_id=location.pk,
            expected_version=location.version, name=location.name + " (new)"),
        "move": lambda: services.move_facts_save(
            actor=producer, production_id=pid, move_id=move.pk,
            expected_version=move.version, minutes=move.minutes + 5),
        "performer deleted": lambda: services.performer_facts_delete(
            actor=producer, production_id=pid, performer_id=nell.pk,
            expected_version=nell.version + 1),
        "move deleted": lambda: services.move_facts_delete(
            actor=producer, production_id=pid, move_id=move.pk,
            expected_version=move.version + 1),
    }
    unchanged = [name for name, edit in edits.items() if not _changes(scheduled, edit)]
    assert unchanged == []


def test_every_cast_deal_edit_changes_the_fingerprint(scheduled: Scheduled) -> None:
    producer, pid = scheduled.team.producer, scheduled.pid
    engagement: dict[str, Any] = {}

    def engage() -> None:
        engagement["row"] = engage_cast(scheduled, "cast", "NELL", "1")

    def memo(rate: str, version: int | None) -> Callable[[], object]:
        return lambda: people.deal_memo_set(
            actor=producer, production_id=pid, engagement_id=engagement["row"].pk,
            expected_version=version, rate=Decimal(rate), currency="GBP", basis="daily",
            agreement="uk-crew")

    def unlink() -> None:
        contact = engagement["row"].contact
        contact.refresh_from_db()
        people.contact_update(actor=producer, production_id=pid, contact_id=contact.pk,
                              expected_version=contact.version, name=contact.name, email="",
                              phone="", company="", address="", notes="", user_id=None)

    assert _changes(scheduled, engage)
    assert _changes(scheduled, memo("1000.00", None))
    assert _changes(scheduled, memo("1200.00", 1))
    assert _changes(scheduled, unlink)


def test_a_kept_problem_is_reused_until_a_deal_changes_it(scheduled: Scheduled) -> None:
    first = _problem(scheduled)
    assert _problem(scheduled) is first
    engage_cast(scheduled, "cast", "NELL", "1", rate="1333.00")
    again = _problem(scheduled)
    assert again is not first
    nell = next(p for p in again.problem.performers if p.id == "NELL")
    assert nell.daily_rate.amount == Decimal("1333")
    assert _problem(scheduled) is again
