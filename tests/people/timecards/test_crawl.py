"""The confidentiality crawl of timecards: as a coordinator or department head, GET every
timecard page and API response for every person and find no pay; crew and cast find their
own pay and nobody else's. A producer's crawl finds everyone's (so the crawl would notice).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from lynchpin.api.root import api
from tests.people.timecards.conftest import LATE_MEAL, Crew, day_entry

pytestmark = pytest.mark.django_db

#: An amount as pages and messages print money ("17.50 USD"), or a JSON amount key.
MONEY = re.compile(r"\d\.\d\d USD|\"(amount|total|rate)\": \"\d")


def _weeks(crew: Crew) -> None:
    """Weeks with pay to leak; Isla's 23:00 wrap makes the standard planned day (07:00 call
    on Tuesday) a forced call, whose warning states its cost."""
    crew.approved("isla", [day_entry(meal=LATE_MEAL, wrap=(23, 0))])
    crew.save("tomasz", [day_entry()])
    crew.save("morven", [day_entry()])


def urls(crew: Crew) -> list[str]:
    """Every timecard page and API GET, for every engagement, in the week used."""
    pid = crew.pid
    found = [reverse(f"timecards:{name}", kwargs={"production_id": pid}) + "?day=2025-03-04"
             for name in ("index", "planned", "accounts")]
    for engagement in crew.people.engagements.values():
        found.append(reverse("timecards:week", kwargs={
            "production_id": pid, "engagement_id": engagement.pk}) + "?week=2025-03-03")
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "/timecards" not in path or "get" not in operations:
            continue
        for engagement in crew.people.engagements.values():
            found.append(path.format(production_id=pid, engagement_id=engagement.pk,
                                     week="2025-03-03") + "?day=2025-03-04&week=2025-03-03")
    return sorted(set(found))


def crawl(crew: Crew, client_as: Callable[[Any], Any], role: str) -> dict[str, Any]:
    client = client_as(crew.user(role))
    return {url: client.get(url) for url in urls(crew)}


@pytest.mark.parametrize("role", ["coordinator", "department_head"])
def test_no_pay_anywhere_for_roles_without_money(crew: Crew, client_as: Callable[[Any], Any],
                                                 role: str) -> None:
    _weeks(crew)
    responses = crawl(crew, client_as, role)
    assert len(responses) > 15
    assert any(r.status_code == 200 for r in responses.values())
    for url, response in responses.items():
        assert response.status_code in {200, 403, 404}, url
        assert not MONEY.search(response.content.decode()), url
    warned = [r for url, r in responses.items() if "planned-day" in url and "/api/" in url]
    assert all("labour.rest.daily" in r.content.decode() for r in warned) and warned


@pytest.mark.parametrize(("role", "own"), [("crew", "isla"), ("cast", "morven")])
def test_crew_and_cast_see_their_own_pay_and_nobody_elses(
        crew: Crew, client_as: Callable[[Any], Any], role: str, own: str) -> None:
    _weeks(crew)
    mine = f"/{crew.engagement(own).pk}/"
    for url, response in crawl(crew, client_as, role).items():
        assert response.status_code in {200, 403, 404}, url
        if mine not in url:
            assert not MONEY.search(response.content.decode()), url
    page = client_as(crew.user(role)).get(reverse("timecards:week", kwargs={
        "production_id": crew.pid, "engagement_id": crew.engagement(own).pk}) + "?week=2025-03-03")
    assert MONEY.search(page.content.decode())


def test_a_producer_crawl_finds_the_pay(crew: Crew, client_as: Callable[[Any], Any]) -> None:
    _weeks(crew)
    found = [url for url, r in crawl(crew, client_as, "producer").items()
             if MONEY.search(r.content.decode())]
    assert len(found) >= 6
    assert any("planned-day" in url for url in found)  # the forced call's cost
