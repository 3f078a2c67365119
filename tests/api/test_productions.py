"""The productions router: same selectors and services as the pages, same permissions."""

from __future__ import annotations

import pytest

from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Capability, Role
from tests.django_support import Team, make_production, roles_with, roles_without

pytestmark = pytest.mark.django_db


def _url(team: Team, suffix: str = "") -> str:
    return f"/api/v1/productions/{team.production.pk}{suffix}"


def _put_body(version: int, title: str = "Renamed") -> dict[str, object]:
    return {"title": title, "kind": "feature", "currency": "USD", "country": "", "region": "",
            "time_zone": "UTC", "start_date": None, "version": version}


ENDPOINTS = [("", None), ("/members", Capability.VIEW_PEOPLE), ("/audit", Capability.VIEW_AUDIT)]


@pytest.mark.parametrize(("suffix", "capability"), ENDPOINTS)
def test_outsider_gets_404_on_every_endpoint(team: Team, token_client, suffix, capability) -> None:
    response = token_client(team.outsider).get(_url(team, suffix))
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Production not found.", "fields": {}}
    }


@pytest.mark.parametrize(
    ("suffix", "role", "status"),
    [
        (suffix, role.value, 200 if cap is None or role in roles_with(cap) else 403)
        for suffix, cap in ENDPOINTS
        for role in Role
    ],
)
def test_each_role_gets_exactly_its_endpoints(
    team: Team, token_client, suffix: str, role: str, status: int
) -> None:
    response = token_client(team.user(role)).get(_url(team, suffix))
    assert response.status_code == status
    if status == 403:
        assert response.json()["error"]["code"] == "forbidden"


def test_members_list_is_paginated(team: Team, token_client) -> None:
    client = token_client(team.producer)
    page = client.get(_url(team, "/members"), {"limit": 3, "offset": 0}).json()
    assert page["count"] == len(Role)
    assert len(page["items"]) == 3
    rest = client.get(_url(team, "/members"), {"limit": 3, "offset": 3}).json()
    names = {item["username"] for item in page["items"] + rest["items"]}
    assert len(names) == 6


@pytest.mark.parametrize("limit", [0, 101])
def test_page_size_is_between_1_and_100(team: Team, token_client, limit: int) -> None:
    response = token_client(team.producer).get("/api/v1/productions/", {"limit": limit})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"limit"}


def test_production_list_holds_only_my_productions(team: Team, token_client) -> None:
    make_production(producer=team.user(Role.CREW), title="Crew's own short")
    items = token_client(team.user(Role.CREW)).get("/api/v1/productions/").json()["items"]
    assert sorted(item["title"] for item in items) == ["Crew's own short", "The Night Ferry"]


def test_update_with_a_stale_version_is_409(team: Team, token_client) -> None:
    client = token_client(team.producer)
    first = client.put(_url(team), _put_body(1, "First"), content_type="application/json")
    assert (first.status_code, first.json()["version"]) == (200, 2)
    stale = client.put(_url(team), _put_body(1, "Second"), content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "conflict"
    assert "reload" in stale.json()["error"]["message"]


@pytest.mark.parametrize("role", roles_without(Capability.EDIT_PRODUCTION))
def test_update_is_forbidden_without_edit_production(team: Team, token_client, role) -> None:
    response = token_client(team.user(role)).put(
        _url(team), _put_body(1), content_type="application/json"
    )
    assert response.status_code == 403


def test_invalid_fields_are_400_naming_them(team: Team, token_client) -> None:
    body = {**_put_body(1), "currency": "E", "time_zone": "Mars/Base"}
    response = token_client(team.producer).put(_url(team), body, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"currency", "time_zone"}


def test_missing_body_fields_and_bad_json_are_400(team: Team, token_client) -> None:
    client = token_client(team.producer)
    missing = client.put(_url(team), {"title": "x"}, content_type="application/json")
    assert missing.status_code == 400
    assert {"version", "kind", "currency"} <= set(missing.json()["error"]["fields"])
    broken = client.put(_url(team), "{not json", content_type="application/json")
    assert broken.status_code == 400
    assert broken.json()["error"]["code"] == "invalid"


def test_audit_entries_show_changes(team: Team, token_client) -> None:
    client = token_client(team.producer)
    client.put(_url(team), _put_body(1, "Renamed"), content_type="application/json")
    entries = client.get(_url(team, "/audit")).json()["items"]
    assert entries[0]["action"] == "production.update"
    assert entries[0]["changes"] == {"title": ["The Night Ferry", "Renamed"]}
    assert entries[0]["actor"] == "producer"


def test_task_progress_endpoint(team: Team, token_client) -> None:
    run = TaskRun.objects.create(
        production=team.production, kind="test", created_by=team.user(Role.COORDINATOR),
        progress=40, message="Breaking down",
    )
    body = token_client(team.user(Role.COORDINATOR)).get(_url(team, f"/tasks/{run.pk}")).json()
    assert (body["progress"], body["message"], body["finished"]) == (40, "Breaking down", False)
    assert token_client(team.user(Role.CAST)).get(_url(team, f"/tasks/{run.pk}")).status_code == 404
    other = f"/api/v1/productions/{team.other_production.pk}/tasks/{run.pk}"
    assert token_client(team.outsider).get(other).status_code == 404
