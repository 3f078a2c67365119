"""In a browser: a crew member enters a day on their timecard with a late meal and sees the
meal penalty the labour engine computes (issue 7's browser proof for timecards).

Isla Fraser ("$5187/12" a day under the IATSE-style agreement, linked to the ``crew`` user)
opens her week of 3 March 2025, types a 07:00 call, lunch 14:00-14:30 and a 19:00 wrap, and
saves: the meal was due six hours after call, so the page shows two meal penalty periods.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.django_support import PASSWORD, Team
from tests.people.conftest import make_people

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page: Any, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/productions/")


def test_enter_a_timecard_and_see_the_meal_penalty(page: Any, team: Team) -> None:
    people = make_people(team)
    week = reverse("timecards:week", kwargs={"production_id": team.production.pk,
                                             "engagement_id": people.engagements["isla"].pk})
    _log_in(page, team.user("crew").username)
    page.goto(f"{week}?week=2025-03-03")
    assert page.get_by_role("heading", level=1).inner_text() == "Timecard: Isla Fraser"
    assert page.locator("tr.line-meal_penalty").count() == 0

    page.get_by_label("Monday call").fill("07:00")
    page.get_by_label("Monday meal 1 out").fill("14:00")
    page.get_by_label("Monday meal 1 back").fill("14:30")
    page.get_by_label("Monday wrap").fill("19:00")
    page.get_by_role("button", name="Save").click()

    penalties = page.locator("tr.line-meal_penalty")
    penalties.first.wait_for()
    assert penalties.count() == 2  # 60 min late: two half-hour periods
    assert "labour.meal_penalty" in page.locator("ul.violations").first.inner_text()
    assert page.locator("#week-status").inner_text() == "draft"
