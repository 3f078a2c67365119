"""Calendar links: a secret address per member; a person's feed holds only their own calls
(cast through their engagement's character), the production's every shoot day."""

from __future__ import annotations

from typing import Any

import pytest
from icalendar import Calendar

from lynchpin.productions.models import Membership
from lynchpin.schedules import services
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.models import CalendarFeed
from tests.schedules.conftest import Scheduled, engage_cast

pytestmark = pytest.mark.django_db


def _feed(scheduled: Scheduled, role: str, scope: str) -> str:
    _, token = services.calendar_feed_create(actor=scheduled.team.user(role),
                                             production_id=scheduled.pid, scope=scope)
    return f"/productions/{scheduled.pid}/schedules/calendar/{token}.ics"


def _events(client: Any, url: str) -> list[Any]:
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_a_cast_members_feed_shows_only_their_calls(scheduled: Scheduled, board: Any,
                                                    client: Any) -> None:
    engage_cast(scheduled, "cast", "ROSIE", "2")
    plan = plan_of(board)
    theirs = {d.date for d in plan.schedule.days
              if any("ROSIE" in s.cast for s in plan.problem.strips if s.id in d.strips)}
    assert 0 < len(theirs) < len(plan.schedule.days)
    events = _events(client, _feed(scheduled, "cast", "person"))  # no login: the token
    assert {e.decoded("dtstart") for e in events} == theirs
    rosie = {s.id for s in plan.problem.strips if "ROSIE" in s.cast}
    for event in events:
        scenes = {line.split()[1] for line in str(event.get("description")).splitlines()}
        assert scenes <= rosie


def test_the_production_feed_shows_every_shoot_day(scheduled: Scheduled, board: Any,
                                                   client: Any) -> None:
    events = _events(client, _feed(scheduled, "crew", "production"))
    assert len(events) == len(plan_of(board).schedule.days)


def test_someone_without_an_engagement_has_no_calls(scheduled: Scheduled, board: Any,
                                                    client: Any) -> None:
    assert _events(client, _feed(scheduled, "department_head", "person")) == []


def test_a_new_link_revokes_the_old_one_and_leaving_ends_it(scheduled: Scheduled, board: Any,
                                                            client: Any) -> None:
    old = _feed(scheduled, "crew", "production")
    new = _feed(scheduled, "crew", "production")
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1
    Membership.objects.filter(user=scheduled.team.user("crew")).delete()
    assert client.get(new).status_code == 404


def test_a_token_of_another_production_is_not_found(scheduled: Scheduled, board: Any,
                                                    client: Any) -> None:
    url = _feed(scheduled, "crew", "production")
    other = url.replace(f"/productions/{scheduled.pid}/",
                        f"/productions/{scheduled.team.other_production.pk}/")
    assert client.get(other).status_code == 404
    assert client.get(url.replace(".ics", "x.ics")).status_code == 404


def test_the_calendar_page_shows_a_new_address_once(scheduled: Scheduled, board: Any,
                                                    client_as: Any) -> None:
    client = client_as(scheduled.team.user("cast"))
    page = f"/productions/{scheduled.pid}/schedules/calendar/"
    made = client.post(page, {"scope": "person"})
    address = made.context["new_url"]
    assert made.status_code == 200 and address.endswith(".ics") and "cal_" in address
    assert address not in client.get(page).content.decode()
    revoked = client.post(page, {"scope": "person", "revoke": "1"})
    assert revoked.status_code == 200 and not CalendarFeed.objects.exists()
