"""Production facts: saving with field-keyed errors, versions, money only for money roles,
importing a production file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.engine.errors import InputError
from lynchpin.schedules import selectors, services
from lynchpin.schedules.models import LocationFacts, PerformerFacts, ScheduleFacts
from tests.django_support import Team
from tests.schedules.conftest import PRODUCTION_FILE, Scheduled

pytestmark = pytest.mark.django_db


def _facts(team: Team, role: str = "producer", version: int | None = None, **values: Any) -> Any:
    return services.facts_update(actor=team.user(role), production_id=team.production.pk,
                                 expected_version=version, **values)


def test_facts_are_created_then_changed_at_the_version_read(team: Team) -> None:
    facts = _facts(team, week_days=6, days_off=["2027-03-19", "2027-03-18"])
    assert facts.version == 1 and facts.days_off == ["2027-03-18", "2027-03-19"]
    changed = _facts(team, version=1, shoot_days=30)
    assert (changed.version, changed.shoot_days) == (2, 30)
    with pytest.raises(Conflict):
        _facts(team, version=1, shoot_days=31)
    with pytest.raises(Conflict):  # someone created them first
        _facts(team, shoot_days=32)
    assert AuditEntry.objects.filter(action="facts.update").count() == 2


def test_a_bad_list_is_an_error_naming_the_field_and_line(team: Team) -> None:
    with pytest.raises(Invalid) as caught:
        _facts(team, days_off=["2027-03-19", "19 March"], week_days=7)
    assert "line 2" in caught.value.fields["days_off"][0]
    assert "week_days" in caught.value.fields
    assert not ScheduleFacts.objects.exists()


def test_a_coordinator_edits_facts_but_never_money(team: Team) -> None:
    facts = _facts(team, "coordinator", shoot_days=12)
    assert facts.shoot_days == 12
    with pytest.raises(Forbidden):
        _facts(team, "coordinator", version=facts.version, crew_daily_cost=Decimal("100"))
    with pytest.raises(Forbidden):
        services.performer_facts_save(actor=team.user("coordinator"),
                                      production_id=team.production.pk, name="NELL",
                                      daily_rate=Decimal("10"))
    page = selectors.facts_get(actor=team.user("coordinator"), production_id=team.production.pk)
    assert "crew_daily_cost" not in page.facts and "shoot_days" in page.facts


@pytest.mark.parametrize("role", ["accountant", "department_head", "crew", "cast"])
def test_roles_without_edit_schedule_cannot_change_facts(team: Team, role: str) -> None:
    with pytest.raises(Forbidden):
        _facts(team, role, shoot_days=12)


def test_an_outsider_sees_no_facts(team: Team) -> None:
    with pytest.raises(NotFound):
        selectors.facts_get(actor=team.outsider, production_id=team.production.pk)
    with pytest.raises(NotFound):
        services.facts_update(actor=team.outsider, production_id=team.production.pk,
                              expected_version=None, shoot_days=3)


@pytest.mark.parametrize("role", ["crew", "cast"])
def test_crew_and_cast_do_not_read_the_teams_availability(team: Team, role: str) -> None:
    with pytest.raises(Forbidden):
        selectors.facts_get(actor=team.user(role), production_id=team.production.pk)


def test_performers_and_locations_are_saved_and_removed_by_version(team: Team) -> None:
    pid, producer = team.production.pk, team.producer
    nell = services.performer_facts_save(actor=producer, production_id=pid, name=" nell ",
                                         number=1, available=[["2027-03-15", "2027-03-31"]],
                                         blackouts=["2027-03-17"])
    assert nell.name == "NELL" and nell.engine_id == "NELL"
    moss = services.performer_facts_save(actor=producer, production_id=pid, name="Moss",
                                         kind="animal", matches=["dog"])
    assert (moss.engine_id, moss.matches) == ("animal:MOSS", ["DOG"])
    with pytest.raises(Invalid) as caught:
        services.performer_facts_save(actor=producer, production_id=pid, performer_id=nell.pk,
                                      expected_version=1,
                                      available=[["2027-03-31", "2027-03-15"]])
    assert "line 1" in caught.value.fields["available"][0]
    with pytest.raises(Conflict):
        services.performer_facts_delete(actor=producer, production_id=pid,
                                        performer_id=nell.pk, expected_version=5)
    services.performer_facts_delete(actor=producer, production_id=pid, performer_id=nell.pk,
                                    expected_version=1)
    assert not PerformerFacts.objects.filter(name="NELL").exists()
    pier = services.location_facts_save(actor=producer, production_id=pid, name="harrowby pier",
                                        daily_cost=Decimal("900"))
    assert pier.name == "HARROWBY PIER"
    move = services.move_facts_save(actor=producer, production_id=pid, a="PORT CARRICK",
                                    b="HARROWBY PIER", minutes=30, cost=Decimal("400"))
    assert (move.a, move.b) == ("HARROWBY PIER", "PORT CARRICK")
    with pytest.raises(Invalid):
        services.move_facts_save(actor=producer, production_id=pid, a="X", b="x", minutes=1)
    services.location_facts_delete(actor=producer, production_id=pid, location_id=pier.pk,
                                   expected_version=1)
    assert not LocationFacts.objects.exists()


def test_importing_the_sample_file_sets_every_fact(scheduled: Scheduled) -> None:
    facts = ScheduleFacts.objects.get(production_id=scheduled.pid)
    assert facts.start_date == date(2027, 3, 15) and facts.days_off == ["2027-03-19"]
    assert facts.crew_daily_cost == Decimal("16500") and facts.precedences == [["26", "28"]]
    assert PerformerFacts.objects.filter(kind="cast").count() == 16
    assert PerformerFacts.objects.get(name="MOSS").matches == ["DOG"]
    services.facts_import(actor=scheduled.team.producer, production_id=scheduled.pid,
                          text=PRODUCTION_FILE.read_text(encoding="utf-8"), source="again")
    assert PerformerFacts.objects.filter(kind="cast").count() == 16
    assert ScheduleFacts.objects.get(production_id=scheduled.pid).version == facts.version + 1


def test_a_bad_production_file_names_the_key_and_keeps_the_facts(scheduled: Scheduled) -> None:
    text = PRODUCTION_FILE.read_text(encoding="utf-8").replace('daily_rate = "1200.00"',
                                                               "daily_rate = 1200.5")
    with pytest.raises(InputError) as caught:
        services.facts_import(actor=scheduled.team.producer, production_id=scheduled.pid,
                              text=text, source="bad.toml")
    assert "cast[0].daily_rate" in str(caught.value)
    assert PerformerFacts.objects.filter(kind="cast").count() == 16
    euros = PRODUCTION_FILE.read_text(encoding="utf-8").replace('currency = "GBP"',
                                                                'currency = "EUR"')
    with pytest.raises(Invalid) as wrong:
        services.facts_import(actor=scheduled.team.producer, production_id=scheduled.pid,
                              text=euros, source="eur.toml")
    assert "EUR" in wrong.value.message


def test_importing_a_file_needs_money_rights(scheduled: Scheduled) -> None:
    with pytest.raises(Forbidden):
        services.facts_import(actor=scheduled.team.user("coordinator"),
                              production_id=scheduled.pid, text="", source="x.toml")


def test_the_cast_list_says_where_each_rate_comes_from(scheduled: Scheduled) -> None:
    from tests.schedules.conftest import engage_cast

    engage_cast(scheduled, "cast", "NELL", "1", rate="1333.00")
    page = selectors.facts_get(actor=scheduled.team.producer, production_id=scheduled.pid)
    lines = {line.name: line for line in page.cast}
    assert (lines["NELL"].source, lines["NELL"].daily_cost) == ("deal memo", Decimal("1333"))
    assert lines["KEITH"].source == "planning rate" and not lines["KEITH"].engaged
    hidden = selectors.facts_get(actor=scheduled.team.user("coordinator"),
                                 production_id=scheduled.pid)
    assert all(line.daily_cost is None for line in hidden.cast)
    assert all("daily_rate" not in row for row in hidden.performers)


def test_nul_characters_are_refused_before_the_database(team: Team) -> None:
    with pytest.raises(Invalid) as caught:
        services.performer_facts_save(actor=team.producer, production_id=team.production.pk,
                                      name="NE\x00LL")
    assert "name" in caught.value.fields
