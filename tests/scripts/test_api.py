"""The scripts router: same selectors and services as the pages, same permissions, one error
shape; 409 on a stale breakdown decision; a bad file is a 400 naming its line."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from lynchpin.core.roles import Capability, Role
from lynchpin.scripts.models import SceneElement, ScriptVersion
from lynchpin.scripts.services import script_import
from tests.django_support import Team, roles_without
from tests.scripts.conftest import SAMPLE_BYTES, revised_sample

pytestmark = pytest.mark.django_db

BROKEN_FDX = b'<?xml version="1.0"?>\n<FinalDraft Version="1">\n<Content>\n<Paragraph>\n</Content>'


@pytest.fixture
def site(team: Team, imported: ScriptVersion) -> dict[str, Any]:
    revised = script_import(actor=team.producer, production_id=team.production.pk,
                            file_name="blue.fountain", content=revised_sample(), colour="blue")
    scene = imported.scenes.get(number="1")
    return {"team": team, "current": imported, "revised": revised, "scene": scene,
            "bird": SceneElement.objects.get(scene=scene, element__name="BIRD")}


def _api(team: Team, suffix: str) -> str:
    return f"/api/v1/productions/{team.production.pk}/scripts/{suffix}"


def _reads(site: dict[str, Any]) -> list[str]:
    team = site["team"]
    return [
        _api(team, "versions"),
        _api(team, f"versions/{site['current'].pk}"),
        _api(team, f"versions/{site['current'].pk}/scenes"),
        _api(team, f"versions/{site['revised'].pk}/revision"),
        _api(team, f"versions/{site['current'].pk}/characters"),
        _api(team, "scenes"),
        _api(team, f"scenes/{site['scene'].pk}"),
    ]


def test_outsiders_get_404_everywhere(site: dict[str, Any], token_client) -> None:
    client = token_client(site["team"].outsider)
    for url in _reads(site):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"
    bird = site["bird"]
    response = client.post(_api(site["team"], f"elements/{bird.pk}/decision"),
                           {"status": "accepted", "version": 1}, content_type="application/json")
    assert response.status_code == 404


@pytest.mark.parametrize("role", list(Role))
def test_every_member_reads_everything(site: dict[str, Any], token_client, role: Role) -> None:
    client = token_client(site["team"].user(role))
    for url in _reads(site):
        assert client.get(url).status_code == 200, url


def test_scenes_are_paginated_with_lengths(site: dict[str, Any], token_client) -> None:
    client = token_client(site["team"].user(Role.CREW))
    page = client.get(_api(site["team"], "scenes"), {"limit": 10, "offset": 0}).json()
    assert page["count"] == 48 and len(page["items"]) == 10
    first = page["items"][0]
    assert (first["number"], first["eighths"], first["length"], first["page"]) == ("1", 6, "6/8", 1)
    assert first["suggested"] >= 1


def test_scene_detail_has_text_and_elements(site: dict[str, Any], token_client) -> None:
    body = token_client(site["team"].user(Role.CAST)).get(
        _api(site["team"], f"scenes/{site['scene'].pk}")
    ).json()
    assert body["paragraphs"][0] == {"type": "Scene Heading",
                                     "text": "EXT. PORT CARRICK - HARBOUR WALL - DAY"}
    bird = next(e for e in body["elements"] if e["name"] == "BIRD")
    assert (bird["category"], bird["category_name"], bird["status"], bird["version"]) == (
        108, "Animals", "suggested", 1
    )
    assert bird["spans"][0]["text"] == "Gulls"


def test_decision_then_stale_decision_is_409(site: dict[str, Any], token_client) -> None:
    client = token_client(site["team"].user(Role.COORDINATOR))
    url = _api(site["team"], f"elements/{site['bird'].pk}/decision")
    first = client.post(url, {"status": "accepted", "version": 1}, content_type="application/json")
    assert first.status_code == 200
    assert (first.json()["status"], first.json()["version"]) == ("accepted", 2)
    stale = client.post(url, {"status": "rejected", "version": 1}, content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "conflict"


@pytest.mark.parametrize("role", roles_without(Capability.EDIT_BREAKDOWN))
def test_crew_and_cast_cannot_edit_the_breakdown(
    site: dict[str, Any], token_client, role: str
) -> None:
    client = token_client(site["team"].user(role))
    team, bird = site["team"], site["bird"]
    calls = [
        client.post(_api(team, f"elements/{bird.pk}/decision"),
                    {"status": "accepted", "version": 1}, content_type="application/json"),
        client.put(_api(team, f"elements/{bird.pk}"),
                   {"category": 108, "name": "GULLS", "version": 1},
                   content_type="application/json"),
        client.post(_api(team, f"scenes/{site['scene'].pk}/elements"),
                    {"category": 104, "name": "POSTER"}, content_type="application/json"),
    ]
    assert [c.status_code for c in calls] == [403, 403, 403]
    assert calls[0].json()["error"]["code"] == "forbidden"


def test_add_and_edit_elements(site: dict[str, Any], token_client) -> None:
    client = token_client(site["team"].producer)
    team = site["team"]
    added = client.post(_api(team, f"scenes/{site['scene'].pk}/elements"),
                        {"category": 104, "name": "poster"}, content_type="application/json")
    assert added.status_code == 201
    assert (added.json()["name"], added.json()["origin"]) == ("POSTER", "manual")
    edited = client.put(_api(team, f"elements/{added.json()['id']}"),
                        {"category": 104, "name": "LOST DOG POSTER", "version": 1},
                        content_type="application/json")
    assert edited.status_code == 200 and edited.json()["name"] == "LOST DOG POSTER"
    bad = client.post(_api(team, f"scenes/{site['scene'].pk}/elements"),
                      {"category": 99, "name": "x"}, content_type="application/json")
    assert bad.status_code == 400 and set(bad.json()["error"]["fields"]) == {"category"}


def test_upload_imports_the_first_draft(team: Team, token_client) -> None:
    client = token_client(team.user(Role.PRODUCTION_MANAGER))
    response = client.post(
        _api(team, "versions"),
        {"file": SimpleUploadedFile("ferry.fountain", SAMPLE_BYTES), "colour": "white",
         "label": "First draft"},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["label"], body["eighths"], body["length"]) == (
        "ready", "First draft", 185, "23 1/8"
    )


def test_a_bad_file_is_400_naming_the_line_and_saves_nothing(team: Team, token_client) -> None:
    response = token_client(team.producer).post(
        _api(team, "versions"), {"file": SimpleUploadedFile("broken.fdx", BROKEN_FDX)}
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["message"].startswith("broken.fdx:5:")
    assert not ScriptVersion.objects.exists()


@override_settings(LYNCHPIN_MAX_UPLOAD_BYTES=1000)
def test_an_oversized_upload_is_400(team: Team, token_client) -> None:
    response = token_client(team.producer).post(
        _api(team, "versions"), {"file": SimpleUploadedFile("ferry.fountain", SAMPLE_BYTES)}
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"file"}


@pytest.mark.parametrize("role", roles_without(Capability.UPLOAD_SCRIPT))
def test_upload_needs_upload_rights(team: Team, token_client, role: str) -> None:
    response = token_client(team.user(role)).post(
        _api(team, "versions"), {"file": SimpleUploadedFile("ferry.fountain", SAMPLE_BYTES)}
    )
    assert response.status_code == 403


def test_revision_report_then_apply(site: dict[str, Any], token_client) -> None:
    client = token_client(site["team"].user(Role.COORDINATOR))
    revised = site["revised"]
    report = client.get(_api(site["team"], f"versions/{revised.pk}/revision")).json()
    assert [c["new_production_number"] for c in report["added"]] == ["1A"]
    assert [c["old_production_number"] for c in report["omitted"]] == ["3"]
    assert report["base_id"] == site["current"].pk
    applied = client.post(_api(site["team"], f"versions/{revised.pk}/apply"))
    assert (applied.status_code, applied.json()["status"]) == (200, "ready")
    again = client.post(_api(site["team"], f"versions/{revised.pk}/apply"))
    assert again.status_code == 409


def test_discard_is_204_and_needs_upload_rights(site: dict[str, Any], token_client) -> None:
    url = _api(site["team"], f"versions/{site['revised'].pk}/discard")
    assert token_client(site["team"].user(Role.CREW)).post(url).status_code == 403
    assert token_client(site["team"].producer).post(url).status_code == 204
    assert not ScriptVersion.objects.filter(pk=site["revised"].pk).exists()


def test_first_draft_has_no_revision_report(site: dict[str, Any], token_client) -> None:
    response = token_client(site["team"].producer).get(
        _api(site["team"], f"versions/{site['current'].pk}/revision")
    )
    assert response.status_code == 404
