"""Timecard API: the same selectors and services as the pages. Another person's week is a
404 for anyone without money rights, outsiders get 404 everywhere, roles without the right
403; the pay the API reports is the engine's; planned-day costs only for money roles."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from lynchpin.core.roles import Role
from lynchpin.people.models import TimecardWeek
from tests.people.timecards.conftest import Crew, day_entry

pytestmark = pytest.mark.django_db

Client = Callable[[Any], Any]
OFFICE = {Role.PRODUCER, Role.PRODUCTION_MANAGER, Role.ACCOUNTANT}


def base(crew: Crew) -> str:
    return f"/api/v1/productions/{crew.pid}/timecards"


def week_url(crew: Crew, name: str, action: str = "") -> str:
    suffix = f"/{action}" if action else ""
    return f"{base(crew)}/{crew.engagement(name).pk}/weeks/2025-03-05{suffix}"


DAYS = {"days": [{"day": "2025-03-03", "call": "2025-03-03T07:00:00",
                  "meals": [{"out": "2025-03-03T14:00", "back": "2025-03-03T14:30"}],
                  "wrap": "2025-03-03T19:00"}]}


def send(client: Any, method: str, url: str, body: dict[str, Any]) -> Any:
    return client.generic(method, url, json.dumps(body), content_type="application/json")


def test_reading_a_week_is_for_the_person_and_the_office_only(crew: Crew,
                                                              token_client: Client) -> None:
    crew.save("isla", [day_entry()])
    statuses = {role.value: token_client(crew.user(role)).get(week_url(crew, "isla"))
                .status_code for role in Role}
    assert statuses == {role.value: 200 if role in OFFICE or role is Role.CREW else 404
                        for role in Role}
    assert token_client(crew.people.team.outsider).get(
        week_url(crew, "isla")).status_code == 404
    huge = f"{base(crew)}/{2**64}/weeks/2025-03-05"
    assert token_client(crew.user("producer")).get(huge).status_code == 404


def test_a_person_puts_their_week_and_sees_the_meal_penalty(crew: Crew,
                                                            token_client: Client) -> None:
    client = token_client(crew.user("crew"))
    response = send(client, "PUT", week_url(crew, "isla"), {"version": None, **DAYS})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["week_start"], body["status"], body["version"]) == ("2025-03-02", "draft", 1)
    monday = body["days"][1]
    assert monday["call"] == "2025-03-03T07:00:00-08:00"  # naive times are Los Angeles time
    penalties = [line["amount"] for line in monday["lines"] if line["kind"] == "meal_penalty"]
    assert penalties == ["7.50", "10.00"]
    assert [v["rule"] for v in monday["violations"]] == ["labour.meal_penalty"]
    stale = send(client, "PUT", week_url(crew, "isla"), {"version": None, **DAYS})
    assert stale.status_code == 409
    other = send(client, "PUT", week_url(crew, "tomasz"), {"version": None, **DAYS})
    assert other.status_code == 404


def test_bad_days_are_400_naming_the_field(crew: Crew, token_client: Client) -> None:
    bad = {"version": None, "days": [{**DAYS["days"][0], "wrap": "2025-03-03T06:00"}]}
    response = send(token_client(crew.user("crew")), "PUT", week_url(crew, "isla"), bad)
    assert response.status_code == 400
    assert "2025-03-03.wrap" in response.json()["error"]["fields"]


def test_submit_approve_and_send_back_through_the_api(crew: Crew,
                                                      token_client: Client) -> None:
    person, office = token_client(crew.user("crew")), token_client(crew.user("accountant"))
    send(person, "PUT", week_url(crew, "isla"), {"version": None, **DAYS})
    submitted = send(person, "POST", week_url(crew, "isla", "submit"), {"version": 1})
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    own_approval = send(person, "POST", week_url(crew, "isla", "approve"), {"version": 2})
    assert own_approval.status_code == 403
    coordinator = send(token_client(crew.user("coordinator")), "POST",
                       week_url(crew, "isla", "approve"), {"version": 2})
    assert coordinator.status_code == 404
    approved = send(office, "POST", week_url(crew, "isla", "approve"), {"version": 2})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    posted = send(office, "POST", week_url(crew, "isla", "post"), {})
    assert posted.status_code == 200
    assert posted.json()["posting"]["key"].endswith("-20250302-v3")
    back = send(office, "POST", week_url(crew, "isla", "send-back"),
                {"version": 3, "note": "Check Monday's wrap"})
    assert back.status_code == 200
    assert (back.json()["status"], back.json()["note"]) == ("draft", "Check Monday's wrap")
    assert send(office, "POST", week_url(crew, "isla", "approve"),
                {"version": 4}).status_code == 409


def test_the_list_is_everyone_for_the_office_and_ones_own_for_crew(
        crew: Crew, token_client: Client) -> None:
    url = f"{base(crew)}?week=2025-03-05"
    office = token_client(crew.user("production_manager")).get(url).json()
    assert office["count"] == 5
    own = token_client(crew.user("crew")).get(url).json()
    assert [row["person"] for row in own["items"]] == ["Isla Fraser"]
    assert token_client(crew.people.team.outsider).get(url).status_code == 404


def test_planned_day_costs_only_for_money_roles(crew: Crew, token_client: Client) -> None:
    body = {"day": "2025-03-04", "calls": [
        {"engagement_id": crew.engagement("tomasz").pk, "call": "2025-03-04T07:00",
         "meals": [{"out": "2025-03-04T14:00", "back": "2025-03-04T14:30"}],
         "wrap": "2025-03-04T19:00"}]}
    url = f"{base(crew)}/planned-day"
    money = send(token_client(crew.user("producer")), "POST", url, body).json()
    assert money["shows_money"] and money["costs"] and money["totals"][0]["currency"] == "USD"
    assert "17.50 USD" in money["warnings"][0]["message"]
    plain = send(token_client(crew.user("coordinator")), "POST", url, body)
    assert plain.status_code == 200
    data = plain.json()
    assert [w["rule"] for w in data["warnings"]] == ["labour.meal_penalty"]
    assert data["costs"] == [] and data["totals"] == [] and "USD" not in plain.content.decode()
    for role in ("crew", "cast"):
        assert send(token_client(crew.user(role)), "POST", url, body).status_code == 403
    assert send(token_client(crew.people.team.outsider), "POST", url, body).status_code == 404


def test_standard_planned_day_for_everyone(crew: Crew, token_client: Client) -> None:
    url = f"{base(crew)}/planned-day?day=2025-03-04"
    response = token_client(crew.user("department_head")).get(url)
    assert response.status_code == 200
    body = response.json()
    assert body["day"] == "2025-03-04" and not body["shows_money"]
    assert token_client(crew.user("cast")).get(url).status_code == 403


def test_payroll_accounts_api(crew: Crew, token_client: Client) -> None:
    url = f"{base(crew)}/payroll-accounts"
    for role in Role:
        status = token_client(crew.user(role)).get(url).status_code
        assert status == (200 if role in OFFICE else 403), role
    response = send(token_client(crew.user("accountant")), "PUT", url,
                    {"accounts": {"Electric": "3002"}})
    assert {"department": "Electric", "account": "3002"} in response.json()
    assert send(token_client(crew.user("coordinator")), "PUT", url,
                {"accounts": {"": "3001"}}).status_code == 403


def test_nothing_is_written_by_a_refused_request(crew: Crew, token_client: Client) -> None:
    send(token_client(crew.user("cast")), "PUT", week_url(crew, "isla"),
         {"version": None, **DAYS})
    assert not TimecardWeek.objects.exists()
