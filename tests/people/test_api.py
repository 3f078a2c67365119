"""People API: the same selectors and services as the pages, the same permissions; every
endpoint keeps outsiders out (404) and roles without the right (403); stale writes are 409."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lynchpin.core.roles import Capability, Role, role_can
from lynchpin.people.models import DealMemo
from tests.people.conftest import TAX_ID, People

pytestmark = pytest.mark.django_db

VIEW, EDIT, MONEY = Capability.VIEW_PEOPLE, Capability.EDIT_PEOPLE, Capability.VIEW_MONEY

#: (path after /people/, object id it takes, capabilities needed) of every GET endpoint.
ENDPOINTS: list[tuple[str, str | None, tuple[Capability, ...]]] = [
    ("contacts", None, (VIEW,)),
    ("contacts/{id}", "contact", (VIEW,)),
    ("vendors", None, (VIEW,)),
    ("vendors/{id}", "vendor", (VIEW,)),
    ("crew", None, (VIEW,)),
    ("cast", None, (VIEW,)),
    ("engagements/{id}", "engagement", (VIEW,)),
    ("engagements/{id}/deal-memo", "engagement", (MONEY,)),
    ("deal-memos", None, (MONEY,)),
]


def api_url(people: People, path: str, target: str | None = None) -> str:
    ids = {"contact": people.contacts["tomasz"].pk, "vendor": people.vendor.pk,
           "engagement": people.engagements["tomasz"].pk}
    filled = path.replace("{id}", str(ids[target])) if target else path
    return f"/api/v1/productions/{people.pid}/people/{filled}"


@pytest.mark.parametrize(("path", "target", "needs"), ENDPOINTS)
def test_outsider_gets_404_everywhere(
    people: People, token_client: Callable[[Any], Any], path: str, target: str | None,
    needs: tuple[Capability, ...],
) -> None:
    response = token_client(people.team.outsider).get(api_url(people, path, target))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(("path", "target", "needs"), ENDPOINTS)
def test_each_role_gets_exactly_its_endpoints(
    people: People, token_client: Callable[[Any], Any], path: str, target: str | None,
    needs: tuple[Capability, ...],
) -> None:
    url = api_url(people, path, target)
    responses = {role.value: token_client(people.team.user(role)).get(url) for role in Role}
    assert {role: r.status_code for role, r in responses.items()} == {
        role.value: 200 if all(role_can(role, c) for c in needs) else 403 for role in Role
    }
    for response in responses.values():
        if response.status_code == 403:
            assert response.json()["error"]["code"] == "forbidden"


def test_crew_read_their_own_card_through_the_api(
    people: People, token_client: Callable[[Any], Any]
) -> None:
    client = token_client(people.team.user(Role.CREW))
    own = client.get(api_url(people, f"contacts/{people.contacts['isla'].pk}"))
    assert own.status_code == 200
    assert [e["position"] for e in own.json()["engagements"]] == ["Camera Operator"]


def test_lists_are_paginated(people: People, token_client: Callable[[Any], Any]) -> None:
    client = token_client(people.team.user(Role.COORDINATOR))
    first = client.get(api_url(people, "contacts"), {"limit": 2}).json()
    rest = client.get(api_url(people, "contacts"), {"limit": 2, "offset": 2}).json()
    assert first["count"] == 5 and len(first["items"]) == 2
    assert [c["name"] for c in first["items"] + rest["items"]][:4] == [
        "Ailsa Brodie", "Euan MacLeod", "Isla Fraser", "Morven Blair"]
    assert client.get(api_url(people, "crew"), {"limit": 101}).status_code == 400
    cast = client.get(api_url(people, "cast")).json()["items"]
    assert [(c["cast_number"], c["character"]) for c in cast] == [("1", "NELL"), ("2", "ROSIE")]
    camera = client.get(api_url(people, "crew"), {"department": "Electric"}).json()
    assert [c["contact_name"] for c in camera["items"]] == ["Euan MacLeod"]


def test_write_contact_engagement_and_conflict(
    people: People, token_client: Callable[[Any], Any]
) -> None:
    client = token_client(people.team.user(Role.COORDINATOR))
    created = client.post(api_url(people, "contacts"), {"name": "Nina Sound"},
                          content_type="application/json")
    assert created.status_code == 201
    contact = created.json()
    engaged = client.post(api_url(people, "engagements"), {
        "contact_id": contact["id"], "kind": "cast", "position": "Performer",
        "character": "LIAM", "cast_number": "5"}, content_type="application/json")
    assert engaged.status_code == 201 and engaged.json()["contact_name"] == "Nina Sound"
    body = {**contact, "phone": "0777", "version": 1}
    assert client.put(api_url(people, f"contacts/{contact['id']}"), body,
                      content_type="application/json").json()["version"] == 2
    stale = client.put(api_url(people, f"contacts/{contact['id']}"), body,
                       content_type="application/json")
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    ended = client.post(api_url(people, f"engagements/{engaged.json()['id']}/end"),
                        {"end_date": "2027-05-01", "version": 1},
                        content_type="application/json")
    assert ended.json()["end_date"] == "2027-05-01"


def test_bad_input_names_the_field(people: People, token_client: Callable[[Any], Any]) -> None:
    client = token_client(people.team.producer)
    response = client.post(api_url(people, "engagements"), {
        "contact_id": people.contacts["euan"].pk, "kind": "crew", "position": "Grip",
        "end_date": "2027-01-01", "start_date": "2027-02-01"}, content_type="application/json")
    assert response.status_code == 400
    assert "end_date" in response.json()["error"]["fields"]


def test_vendor_replies_hide_the_tax_id_from_non_money_roles(
    people: People, token_client: Callable[[Any], Any]
) -> None:
    coordinator = token_client(people.team.user(Role.COORDINATOR))
    created = coordinator.post(api_url(people, "vendors"), {"name": "Catering Co"},
                               content_type="application/json")
    assert created.status_code == 201 and created.json()["tax_id"] is None
    refused = coordinator.post(api_url(people, "vendors"), {"name": "X", "tax_id": "1"},
                               content_type="application/json")
    assert refused.status_code == 403
    body = {"name": "GCH", "contact_id": None, "version": 1}
    updated = coordinator.put(api_url(people, "vendors/{id}", "vendor"), body,
                              content_type="application/json")
    assert updated.json()["tax_id"] is None
    money = token_client(people.team.user(Role.ACCOUNTANT))
    assert money.get(api_url(people, "vendors/{id}", "vendor")).json()["tax_id"] == TAX_ID


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_deal_memo_writes_need_money_and_people_rights(
    people: People, token_client: Callable[[Any], Any], role: str
) -> None:
    allowed = role_can(role, MONEY) and role_can(role, EDIT)
    body = {"rate": "700.50", "basis": "daily", "agreement": "iatse-crew",
            "guaranteed_hours": "10", "kit_rental": "57.75", "version": 1}
    response = token_client(people.team.user(role)).put(
        api_url(people, "engagements/{id}/deal-memo", "engagement"), body,
        content_type="application/json")
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert response.json()["rate"] in {"700.50", "700.5000"}
        assert response.json()["version"] == 2
    else:
        assert "rate" not in response.json()
        assert DealMemo.objects.get(pk=people.memos["tomasz"].pk).version == 1


def test_deal_memo_amounts_are_strings_and_stale_writes_409(
    people: People, token_client: Callable[[Any], Any]
) -> None:
    client = token_client(people.team.producer)
    url = api_url(people, "engagements/{id}/deal-memo", "engagement")
    memo = client.get(url).json()
    assert memo["rate"] in {"613.2500", "613.25"} and memo["kit_rental"] in {"57.7500", "57.75"}
    body = {"rate": "613.25", "basis": "daily", "agreement": "iatse-crew", "version": None}
    conflict = client.put(url, body, content_type="application/json")
    assert conflict.status_code == 409
    bad = client.put(url, {**body, "rate": "1.23456", "version": 1},
                     content_type="application/json")
    assert bad.status_code == 400 and "rate" in bad.json()["error"]["fields"]


def test_ids_beyond_the_database_range_are_not_found_or_invalid(
    people: People, token_client: Callable[[Any], Any]
) -> None:
    huge = 2**64
    client = token_client(people.team.producer)
    assert client.get(api_url(people, f"engagements/{huge}/deal-memo")).status_code == 404
    assert client.get(api_url(people, f"contacts/{huge}")).status_code == 404
    response = client.post(api_url(people, "contacts"), {"name": "X", "user_id": huge},
                           content_type="application/json")
    assert response.status_code == 400 and "user" in response.json()["error"]["fields"]
