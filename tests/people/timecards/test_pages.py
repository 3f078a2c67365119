"""Timecard pages: the weekly grid prices what is typed (the late meal's penalty appears),
errors stay on the form, the person and the office only, approve from the page, planned
day without money for the coordinator, payroll accounts for money roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from lynchpin.people.models import TimecardWeek
from tests.people.timecards.conftest import Crew, day_entry

pytestmark = pytest.mark.django_db

Client = Callable[[Any], Any]


def url(crew: Crew, name: str, view: str = "week", **kwargs: Any) -> str:
    if view in {"index", "planned", "accounts"}:
        return reverse(f"timecards:{view}", kwargs={"production_id": crew.pid})
    return reverse(f"timecards:{view}", kwargs={"production_id": crew.pid,
                                                "engagement_id": crew.engagement(name).pk})


def grid(**days: dict[str, str]) -> dict[str, str]:
    """POST data of the grid: ``d1={"call": "07:00", ...}`` for Monday (day 1)."""
    data = {}
    for key, values in days.items():
        for name, value in values.items():
            data[f"{key}_{name}"] = value
    return data


LATE = {"call": "07:00", "m1_out": "14:00", "m1_back": "14:30", "m1_kind": "meal",
        "wrap": "19:00"}


def test_entering_a_late_meal_shows_the_meal_penalty(crew: Crew, client_as: Client) -> None:
    client = client_as(crew.user("crew"))
    page = client.get(url(crew, "isla") + "?week=2025-03-03")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'aria-label="Monday call"' in text and "Timecard: Isla Fraser" in text
    saved = client.post(url(crew, "isla") + "?week=2025-03-03", grid(d1=LATE))
    assert saved.status_code == 302 and saved["Location"].endswith("?week=2025-03-02")
    shown = client.get(saved["Location"]).content.decode()
    assert 'class="line-meal_penalty"' in shown
    assert "labour.meal_penalty" in shown and "17.50 USD" in shown
    assert TimecardWeek.objects.get().days.count() == 1


def test_a_wrap_past_midnight_is_the_next_morning(crew: Crew, client_as: Client) -> None:
    client = client_as(crew.user("crew"))
    client.post(url(crew, "isla") + "?week=2025-03-03",
                grid(d1={"call": "16:00", "m1_out": "22:00", "m1_back": "22:30",
                         "wrap": "02:00"}))
    day = TimecardWeek.objects.get().days.get()
    assert (day.wrap - day.call).total_seconds() == 10 * 3600


def test_errors_stay_next_to_the_input(crew: Crew, client_as: Client) -> None:
    client = client_as(crew.user("crew"))
    half = client.post(url(crew, "isla"), grid(d1={"call": "07:00"}))
    assert half.status_code == 400 and "Give both call and wrap." in half.content.decode()
    response = client.post(url(crew, "isla") + "?week=2025-03-03",
                           grid(d1={"call": "07:00", "m1_out": "19:30", "m1_back": "20:00",
                                    "wrap": "19:00"}))
    assert response.status_code == 400
    assert "longer than 24 hours" in response.content.decode()  # 19:00 read as next day
    assert not TimecardWeek.objects.exists()


def test_only_the_person_and_the_office_open_a_timecard(crew: Crew, client_as: Client) -> None:
    for role, status in (("crew", 200), ("accountant", 200), ("producer", 200),
                         ("production_manager", 200), ("coordinator", 404),
                         ("department_head", 404), ("cast", 404)):
        assert client_as(crew.user(role)).get(url(crew, "isla")).status_code == status, role
    assert client_as(crew.people.team.outsider).get(url(crew, "isla")).status_code == 404
    assert client_as(crew.user("crew")).get(url(crew, "tomasz")).status_code == 404


def test_submit_and_approve_from_the_page(crew: Crew, client_as: Client) -> None:
    week = crew.save("isla", [day_entry()])
    person = client_as(crew.user("crew"))
    form = {"week": "2025-03-03", "version": str(week.version)}
    assert person.post(url(crew, "isla", "submit"), form).status_code == 302
    page = person.get(url(crew, "isla") + "?week=2025-03-03").content.decode()
    assert "Approve" not in page and 'id="week-status">submitted' in page
    assert person.post(url(crew, "isla", "approve"), {**form, "version": "2"}
                       ).status_code == 403
    office = client_as(crew.user("accountant"))
    assert ">Approve</button>" in office.get(url(crew, "isla") + "?week=2025-03-03"
                                             ).content.decode()
    stale = office.post(url(crew, "isla", "approve"), form)
    assert stale.status_code == 409 and "reload it" in stale.content.decode()
    done = office.post(url(crew, "isla", "approve"), {**form, "version": "2"})
    assert done.status_code == 302
    page = office.get(url(crew, "isla") + "?week=2025-03-03").content.decode()
    assert "Ledger postings" in page and "-20250302-v3" in page


def test_the_index_lists_everyone_for_the_office_and_own_for_crew(crew: Crew,
                                                                  client_as: Client) -> None:
    crew.submit("tomasz", crew.save("tomasz", [day_entry()]))
    office = client_as(crew.user("accountant")).get(url(crew, "", "index") + "?week=2025-03-03")
    text = office.content.decode()
    assert "Waiting for approval" in text and "Ailsa Brodie" in text
    own = client_as(crew.user("crew")).get(url(crew, "", "index") + "?week=2025-03-03")
    assert "Isla Fraser" in own.content.decode() and "Tomasz" not in own.content.decode()
    none = client_as(crew.user("coordinator")).get(url(crew, "", "index")).content.decode()
    assert "no engagement on this production linked to your account" in none


def test_planned_day_page_without_money_for_the_coordinator(crew: Crew,
                                                            client_as: Client) -> None:
    page_url = url(crew, "", "planned") + "?day=2025-03-04"
    pid = crew.engagement("tomasz").pk
    data = {f"p{pid}_include": "on", f"p{pid}_call": "07:00", f"p{pid}_meal_out": "14:00",
            f"p{pid}_meal_back": "14:30", f"p{pid}_wrap": "19:00"}
    coordinator = client_as(crew.user("coordinator"))
    assert 'value="07:00"' in coordinator.get(page_url).content.decode()  # standard day
    checked = coordinator.post(page_url, data)
    text = checked.content.decode()
    assert checked.status_code == 200 and "labour.meal_penalty" in text
    assert "USD" not in text and "Projected labour cost" not in text
    producer = client_as(crew.user("producer")).post(page_url, data).content.decode()
    assert "Projected labour cost" in producer and "17.50 USD" in producer
    assert client_as(crew.user("crew")).get(page_url).status_code == 403
    bad = coordinator.post(page_url, {**data, f"p{pid}_meal_out": "06:00",
                                      f"p{pid}_meal_back": "06:30"})
    assert bad.status_code == 400 and "longer than 24 hours" in bad.content.decode()


def test_payroll_accounts_page(crew: Crew, client_as: Client) -> None:
    page = url(crew, "", "accounts")
    for role in ("coordinator", "crew", "department_head"):
        assert client_as(crew.user(role)).get(page).status_code == 403
    accountant = client_as(crew.user("accountant"))
    assert 'value="3001"' in accountant.get(page).content.decode()
    labels = accountant.get(page).context["form"].departments
    data = {f"a{n}": ("3002" if name == "Electric" else "") for n, name in enumerate(labels)}
    assert accountant.post(page, data).status_code == 302
    from lynchpin.people.models import PayrollAccount

    assert dict(PayrollAccount.objects.values_list("department", "account")) == {
        "Electric": "3002"}


def test_a_week_nobody_started_says_so_as_the_index_does(crew: Crew, client_as: Client) -> None:
    person = client_as(crew.user("crew"))
    fresh = person.get(url(crew, "isla") + "?week=2025-03-03").content.decode()
    assert 'id="week-status">not started' in fresh
    crew.save("isla", [day_entry()])
    saved = person.get(url(crew, "isla") + "?week=2025-03-03").content.decode()
    assert 'id="week-status">draft' in saved
