"""The schedules API: versions, board, move (409 when stale), days, optimise and proposals,
re-plan, DOOD, facts; isolation and roles as on the pages."""

from __future__ import annotations

from typing import Any

import pytest

from lynchpin.schedules.models import ScheduleVersion, ShootDay, Strip
from tests.django_support import roles_with, roles_without
from tests.schedules.conftest import Scheduled

pytestmark = pytest.mark.django_db


def _api(s: Scheduled) -> str:
    return f"/api/v1/productions/{s.pid}/schedules"


def _post(client: Any, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def test_create_list_and_get_a_version(scheduled: Scheduled, token_client: Any) -> None:
    client = token_client(scheduled.team.user("coordinator"))
    made = _post(client, _api(scheduled), {"name": "API plan", "mode": "greedy"})
    assert made.status_code == 201 and made.json()["origin"] == "greedy"
    listed = client.get(_api(scheduled)).json()
    assert listed["count"] == 1 and listed["items"][0]["name"] == "API plan"
    got = client.get(f"{_api(scheduled)}/{made.json()['id']}")
    assert got.json()["version"] == 1
    bad = _post(client, _api(scheduled), {"name": "API plan"})
    assert bad.status_code == 400 and "name" in bad.json()["error"]["fields"]


def test_the_board_and_a_move_with_its_409(scheduled: Scheduled, board: Any,
                                           token_client: Any) -> None:
    client = token_client(scheduled.team.producer)
    data = client.get(f"{_api(scheduled)}/{board.pk}/board").json()
    assert len(data["days"]) == ShootDay.objects.filter(schedule=board).count()
    assert data["cost"]["total"] and data["schedule"]["version"] == board.version
    first = data["days"][0]["strips"][0]
    target = data["days"][1]
    moved = _post(client, f"{_api(scheduled)}/strips/{first['id']}/move",
                  {"day_id": target["id"], "position": 0, "version": board.version})
    assert moved.status_code == 200, moved.json()
    answer = moved.json()
    assert answer["version"] == board.version + 1
    assert {d["id"] for d in answer["days"]} == {data["days"][0]["id"], target["id"]}
    assert answer["days"][1]["strips"][0]["strip"] == first["strip"]  # days in board order
    stale = _post(client, f"{_api(scheduled)}/strips/{first['id']}/move",
                  {"day_id": None, "position": 0, "version": board.version})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"


@pytest.mark.parametrize("role", roles_without("edit_schedule"))
def test_a_move_needs_edit_schedule(scheduled: Scheduled, board: Any, token_client: Any,
                                    role: str) -> None:
    strip = Strip.objects.filter(schedule=board).first()
    answer = _post(token_client(scheduled.team.user(role)),
                   f"{_api(scheduled)}/strips/{strip.pk}/move",
                   {"day_id": None, "position": 0, "version": board.version})
    assert answer.status_code == 403


@pytest.mark.parametrize("role", roles_with("view_script"))
def test_members_read_the_board_and_only_money_roles_get_money(
        scheduled: Scheduled, board: Any, token_client: Any, role: str) -> None:
    client = token_client(scheduled.team.user(role))
    data = client.get(f"{_api(scheduled)}/{board.pk}/board").json()
    money = role in roles_with("view_money")
    assert (data["cost"] is not None) == money
    assert client.get(f"{_api(scheduled)}/{board.pk}/dood").status_code == 200
    days = client.get(f"{_api(scheduled)}/{board.pk}/days").json()
    assert [d["number"] for d in days] == list(range(1, len(data["days"]) + 1))
    assert client.get(f"{_api(scheduled)}/{board.pk}/conflicts").status_code == 200


def test_outsiders_get_404_everywhere(scheduled: Scheduled, board: Any,
                                      token_client: Any) -> None:
    client = token_client(scheduled.team.outsider)
    strip = Strip.objects.filter(schedule=board).first()
    for url in ("", f"/{board.pk}", f"/{board.pk}/board", f"/{board.pk}/dood", "/facts",
                f"/{board.pk}/strips"):
        assert client.get(f"{_api(scheduled)}{url}").status_code == 404, url
    moved = _post(client, f"{_api(scheduled)}/strips/{strip.pk}/move",
                  {"day_id": None, "position": 0, "version": board.version})
    assert moved.status_code == 404
    other = f"/api/v1/productions/{scheduled.team.other_production.pk}/schedules/{board.pk}"
    assert client.get(other).status_code == 404


def test_optimise_then_apply_through_the_api(scheduled: Scheduled, board: Any,
                                             token_client: Any) -> None:
    client = token_client(scheduled.team.producer)
    started = _post(client, f"{_api(scheduled)}/{board.pk}/optimise", {"time_limit": 6})
    assert started.status_code == 202
    proposal = started.json()
    assert proposal["status"] == "ready" and proposal["costs"]["proposed"]["total"]
    polled = client.get(f"{_api(scheduled)}/proposals/{proposal['id']}").json()
    assert polled["progress"] == 100 and polled["days"] == proposal["days"]
    applied = _post(client, f"{_api(scheduled)}/proposals/{proposal['id']}/apply",
                    {"name": "Optimised by API"})
    assert applied.status_code == 201
    assert ScheduleVersion.objects.get(pk=applied.json()["id"]).origin == "optimised"
    again = _post(client, f"{_api(scheduled)}/proposals/{proposal['id']}/discard", {})
    assert again.status_code == 409
    coordinator = token_client(scheduled.team.user("coordinator"))
    assert coordinator.get(f"{_api(scheduled)}/proposals/{proposal['id']}").json()[
        "costs"] is None


def test_replan_through_the_api_names_a_bad_field(scheduled: Scheduled, board: Any,
                                                  token_client: Any) -> None:
    client = token_client(scheduled.team.producer)
    bad = _post(client, f"{_api(scheduled)}/{board.pk}/replan",
                {"kind": "location_lost", "location": "NOWHERE", "from_date": "2027-03-16"})
    assert bad.status_code == 400 and "location" in bad.json()["error"]["fields"]
    good = _post(client, f"{_api(scheduled)}/{board.pk}/replan",
                 {"kind": "location_lost", "location": "HARROWBY PIER",
                  "from_date": "2027-03-22", "time_limit": 6})
    assert good.status_code == 202 and good.json()["status"] in ("ready", "failed")
    assert good.json()["kind"] == "replan"


def test_lock_and_unlock_through_the_api(scheduled: Scheduled, board: Any,
                                         token_client: Any) -> None:
    coordinator = token_client(scheduled.team.user("coordinator"))
    locked = _post(coordinator, f"{_api(scheduled)}/{board.pk}/lock", {"version": board.version})
    assert locked.status_code == 200 and locked.json()["locked"]
    refused = _post(coordinator, f"{_api(scheduled)}/{board.pk}/unlock",
                    {"version": locked.json()["version"]})
    assert refused.status_code == 403
    added = _post(coordinator, f"{_api(scheduled)}/{board.pk}/days",
                  {"version": locked.json()["version"]})
    assert added.status_code == 409
    unlocked = _post(token_client(scheduled.team.producer), f"{_api(scheduled)}/{board.pk}/unlock",
                     {"version": locked.json()["version"]})
    assert unlocked.status_code == 200 and not unlocked.json()["locked"]


def test_ids_beyond_any_row_are_refused_before_a_query(scheduled: Scheduled,
                                                       token_client: Any) -> None:
    client = token_client(scheduled.team.producer)
    assert client.get(f"{_api(scheduled)}/{2**70}/board").status_code in (400, 404)
    moved = _post(client, f"{_api(scheduled)}/strips/{2**63 - 1}/move",
                  {"day_id": None, "position": 0, "version": 1})
    assert moved.status_code == 404
