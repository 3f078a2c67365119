"""Two schedule versions side by side: selector, page and API."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lynchpin.core.errors import Invalid, NotFound
from lynchpin.core.roles import Role
from lynchpin.engine.money import Money
from lynchpin.schedules import selectors, services
from lynchpin.schedules.models import Strip
from tests.schedules.conftest import Scheduled

pytestmark = pytest.mark.django_db


def _copy_with_a_move(scheduled: Scheduled, board: Any) -> tuple[Any, Strip, Any]:
    """A copy of `board` whose first strip of day 3 moved to the top of day 4."""
    producer, pid = scheduled.team.producer, scheduled.pid
    copy = services.schedule_copy(actor=producer, production_id=pid, schedule_id=board.pk,
                                  name="Scenario B")
    strip = Strip.objects.filter(schedule=copy, day__number=3).order_by("position").first()
    day4 = copy.days.get(number=4)
    services.strip_move(actor=producer, production_id=pid, strip_id=strip.pk, day_id=day4.pk,
                        position=0, expected_version=copy.version)
    return copy, strip, day4


def _compare(scheduled: Scheduled, first: Any, second: Any, role: Role = Role.PRODUCER
             ) -> selectors.ScheduleComparison:
    return selectors.schedule_compare(actor=scheduled.team.user(role),
                                      production_id=scheduled.pid, first_id=first.pk,
                                      second_id=second.pk)


def test_a_moved_scene_its_days_and_the_cost_difference(scheduled: Scheduled,
                                                        board: Any) -> None:
    copy, strip, day4 = _copy_with_a_move(scheduled, board)
    result = _compare(scheduled, board, copy)
    scene = strip.scene.number
    assert [(s.scene, s.first_day, s.second_day) for s in result.scenes] == [(scene, 3, 4)]
    assert result.scenes[0].second_date == day4.date
    assert result.first.scheduled == result.second.scheduled == result.unchanged + 1
    assert result.first.days == result.second.days
    costs = [selectors.board_get(actor=scheduled.team.producer, production_id=scheduled.pid,
                                 schedule_id=v.pk).board.cost for v in (board, copy)]
    assert result.first.cost == costs[0] and result.second.cost == costs[1]
    expected = Money(costs[1].amount - costs[0].amount, "GBP").rounded().amount
    assert result.cost_change == f"{expected:+,}"
    cast = {row.performer for row in result.performers}
    assert cast and all(len(row.first) == 3 for row in result.performers)
    assert sum(row.first[0] for row in result.performers) == sum(
        row.second[0] for row in result.performers)  # the same scenes are worked


def test_the_boneyard_and_the_same_version_twice(scheduled: Scheduled, board: Any) -> None:
    producer, pid = scheduled.team.producer, scheduled.pid
    copy = services.schedule_copy(actor=producer, production_id=pid, schedule_id=board.pk,
                                  name="Fewer")
    strip = Strip.objects.filter(schedule=copy, day__number=1).order_by("position").first()
    services.strip_move(actor=producer, production_id=pid, strip_id=strip.pk, day_id=None,
                        position=0, expected_version=copy.version)
    result = _compare(scheduled, board, copy)
    assert [(s.first_day, s.second_day, s.second_present) for s in result.scenes] == [
        (1, None, True)]
    assert result.second.boneyard == result.first.boneyard + 1
    with pytest.raises(Invalid):
        _compare(scheduled, board, board)


def test_no_money_for_the_coordinator_and_nothing_for_outsiders(scheduled: Scheduled,
                                                                 board: Any) -> None:
    copy, _, _ = _copy_with_a_move(scheduled, board)
    result = _compare(scheduled, board, copy, Role.COORDINATOR)
    assert result.first.cost is None and result.second.cost is None
    assert result.cost_change is None
    with pytest.raises(NotFound):
        selectors.schedule_compare(actor=scheduled.team.outsider, production_id=scheduled.pid,
                                   first_id=board.pk, second_id=copy.pk)
    with pytest.raises(NotFound):
        selectors.schedule_compare(actor=scheduled.team.producer, production_id=scheduled.pid,
                                   first_id=board.pk, second_id=10**6)


def _page(scheduled: Scheduled) -> str:
    return reverse("schedules:compare", kwargs={"production_id": scheduled.pid})


def test_page_compares_the_two_newest_then_any_two(scheduled: Scheduled, board: Any,
                                                   client_as) -> None:
    copy, strip, _ = _copy_with_a_move(scheduled, board)
    client = client_as(scheduled.team.producer)
    listing = client.get(reverse("schedules:list", kwargs={"production_id": scheduled.pid}))
    assert _page(scheduled) in listing.content.decode()
    body = client.get(_page(scheduled)).content.decode()
    assert f'data-scene="{strip.scene.number}"' in body and 'data-cost="change"' in body
    assert "Scenario B" in body and "Shooting schedule" in body
    chosen = client.get(_page(scheduled), {"first": copy.pk, "second": board.pk})
    assert chosen.status_code == 200
    assert client.get(_page(scheduled), {"first": copy.pk, "second": copy.pk}
                      ).status_code == 400
    assert client.get(_page(scheduled), {"first": "x", "second": board.pk}).status_code == 400


def test_page_shows_no_money_to_the_coordinator(scheduled: Scheduled, board: Any,
                                                client_as) -> None:
    _, strip, _ = _copy_with_a_move(scheduled, board)
    cost = selectors.board_get(actor=scheduled.team.producer, production_id=scheduled.pid,
                               schedule_id=board.pk).board.cost
    body = client_as(scheduled.team.user(Role.COORDINATOR)).get(_page(scheduled)).content.decode()
    assert f'data-scene="{strip.scene.number}"' in body
    assert "data-cost" not in body and cost.total not in body
    assert client_as(scheduled.team.outsider).get(_page(scheduled)).status_code == 404


def test_api_compare(scheduled: Scheduled, board: Any, token_client) -> None:
    copy, strip, _ = _copy_with_a_move(scheduled, board)
    url = f"/api/v1/productions/{scheduled.pid}/schedules/compare"
    answer = token_client(scheduled.team.producer).get(
        url, {"first": board.pk, "second": copy.pk})
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert [s["scene"] for s in data["scenes"]] == [strip.scene.number]
    assert data["first"]["version"]["id"] == board.pk and data["second"]["cost"]["total"]
    assert data["cost_change"].startswith(("+", "-"))
    crew = token_client(scheduled.team.user(Role.CREW)).get(
        url, {"first": board.pk, "second": copy.pk}).json()
    assert crew["cost_change"] is None and crew["first"]["cost"] is None
    assert token_client(scheduled.team.outsider).get(
        url, {"first": board.pk, "second": copy.pk}).status_code == 404
    assert token_client(scheduled.team.producer).get(
        url, {"first": board.pk, "second": board.pk}).status_code == 400
