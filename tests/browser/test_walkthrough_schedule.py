"""Demo walk-through, steps 2-3 "Optimise ... Lock" and "Re-plan", in the browser
(docs/web/demo.md; Lynchpin issue 7). Dragging, the keyboard move and optimise + apply are
tests/schedules/test_browser.py.

On the demo production's first plan ("Shooting schedule"):

- the production manager re-plans with NELL unavailable on a day she works: the proposal lists
  the strips whose date moves, and applying it makes a new "Re-planned" version in which
  NELL works nothing on that date;
- the coordinator (who may edit the schedule, never see money) re-plans a weather day: the
  new version shoots no exterior on that date;
- the producer locks the version they approve: the list says "Locked", the board offers no
  change and the version refuses moves; a copy is the working version beside it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from lynchpin.schedules import selectors
from lynchpin.schedules.models import ScheduleVersion
from tests.browser.walkthrough_support import DemoWorld, demo
from tests.browser_support import browser, logged_in

__all__ = ["browser", "demo"]  # fixtures, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]


def _board(demo: DemoWorld, version: ScheduleVersion) -> Any:
    return selectors.board_get(actor=demo.user("producer"), production_id=demo.pid,
                               schedule_id=version.pk).board


def _cast_on(day: Any) -> set[str]:
    """Board numbers of the cast working on a day (each strip's cast: "1, 7")."""
    return {number.strip() for strip in day.strips for number in strip.cast.split(",")
            if number.strip()}


def _first_plan() -> ScheduleVersion:
    return ScheduleVersion.objects.get(name="Shooting schedule")


def _replan(page: Any, demo: DemoWorld, version: ScheduleVersion, kind: str) -> None:
    page.goto(demo.url(f"schedules/{version.pk}/"))
    page.get_by_role("link", name="Re-plan after a disruption").click()
    page.get_by_role("heading", level=1, name=f"Re-plan {version.name}").wait_for()
    page.get_by_label(kind).check()


def _dates(board: Any) -> dict[str, Any]:
    """Each scheduled strip's scene number -> its date."""
    return {strip.strip: day.date for day in board.days for strip in day.strips}


def _submit_and_apply(page: Any, must_move: set[str]) -> ScheduleVersion:
    """Start the re-plan; the proposal lists every strip in `must_move` as moving; apply."""
    page.get_by_label("Search for (seconds)").fill("2")
    page.get_by_role("button", name="Re-plan").click()
    page.get_by_role("button", name="Apply as a new version").wait_for()
    moved = {}
    for text in page.locator("ul.diff li").all_inner_texts():
        found = re.fullmatch(r"Scene (\S+): (.+) → (.+)", text.strip())
        assert found, text
        moved[found[1]] = found[2]
    assert must_move and must_move <= set(moved)
    page.get_by_role("button", name="Apply as a new version").click()
    page.locator("h1", has_text="re-planned").wait_for()
    version = ScheduleVersion.objects.get(origin="replanned")
    assert page.url.endswith(f"/schedules/{version.pk}/")
    return version


def test_replan_with_nell_unavailable_on_a_day_she_works(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    plan = _first_plan()
    days = _board(demo, plan).days
    blocked = next(day.date for day in days[1:] if "1" in _cast_on(day))  # NELL is cast 1
    page = logged_in(browser, live_server, "production_manager")
    _replan(page, demo, plan, "A performer cannot work on some dates")
    page.get_by_label("Performer:").select_option("NELL")
    page.get_by_label("Dates they cannot work:").fill(blocked.isoformat())
    nells = {strip.strip for day in days if day.date == blocked for strip in day.strips
             if "1" in {n.strip() for n in strip.cast.split(",")}}
    replanned = _submit_and_apply(page, nells)

    assert replanned.based_on_id == plan.pk
    new_board = _board(demo, replanned)
    new_days = new_board.days
    assert all("1" not in _cast_on(day) for day in new_days if day.date == blocked)
    assert all(_dates(new_board).get(scene) != blocked for scene in nells)
    assert [d.date for d in new_days if d.date < blocked] == [
        d.date for d in days if d.date < blocked]  # the days before are kept
    page.goto(demo.url("schedules/"))
    row = page.locator("tbody tr", has_text="re-planned")
    assert "Re-planned" in row.inner_text() and "from Shooting schedule" in row.inner_text()


def test_the_coordinator_replans_a_weather_day(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    plan = _first_plan()
    day = next(day for day in _board(demo, plan).days[1:]
               if any(strip.int_ext.startswith("EXT") for strip in day.strips))
    exterior = day.date
    outside = {strip.strip for strip in day.strips if strip.int_ext.startswith("EXT")}
    page = logged_in(browser, live_server, "coordinator")
    _replan(page, demo, plan, "Weather rules out exteriors on a day")
    assert page.get_by_label("Penalty per changed strip").count() == 0  # a money field
    page.get_by_label("Shoot day:").fill(exterior.isoformat())
    replanned = _submit_and_apply(page, outside)

    new_board = _board(demo, replanned)
    for new_day in new_board.days:
        if new_day.date == exterior:
            assert all(not strip.int_ext.startswith("EXT") for strip in new_day.strips)
    assert all(_dates(new_board).get(scene) != exterior for scene in outside)


def test_the_producer_locks_the_approved_version_and_copies_a_working_one(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    plan = _first_plan()
    page = logged_in(browser, live_server, "producer")
    page.goto(demo.url(f"schedules/{plan.pk}/"))
    page.get_by_role("button", name="Lock", exact=True).click()
    page.get_by_role("button", name="Unlock").wait_for()
    plan.refresh_from_db()
    assert plan.locked and plan.locked_by.username == "producer"
    assert page.get_by_role("button", name="Find a cheaper schedule").count() == 0
    assert page.get_by_role("link", name="Re-plan after a disruption").count() == 0
    answer = page.context.request.post(
        demo.url(f"schedules/{plan.pk}/days/add/"),
        form={"version": str(plan.version)},
        headers={"X-CSRFToken": _csrf(page)})
    assert answer.status == 409  # a locked version refuses every change
    assert plan.days.count() == len(_board(demo, plan).days)

    page.get_by_label("Name:").fill("Working schedule")
    page.get_by_role("button", name="Copy").click()
    page.locator("h1", has_text="Working schedule").wait_for()
    working = ScheduleVersion.objects.get(name="Working schedule")
    assert working.based_on_id == plan.pk and not working.locked
    assert page.get_by_role("button", name="Find a cheaper schedule").count() == 1
    page.goto(demo.url("schedules/"))
    rows = {row.locator("td").first.inner_text().split("\n")[0]: row.inner_text()
            for row in page.locator("tbody tr").all()}
    assert rows["Shooting schedule"].rstrip().endswith("Locked")
    assert rows["Working schedule"].rstrip().endswith("Open")
    assert "from Shooting schedule" in rows["Working schedule"]

    page.get_by_role("link", name="Compare versions").click()
    page.get_by_label("Compare:").select_option(label="Shooting schedule")
    page.get_by_label("with").select_option(label="Working schedule")
    page.get_by_role("button", name="Compare", exact=True).click()
    page.locator("#compare-summary").wait_for()
    assert "Every scene is on the same day in both versions." in page.content()
    costs = page.locator("[data-cost=first], [data-cost=second]").all_inner_texts()
    assert len(costs) == 2 and costs[0] == costs[1] == _board(demo, plan).cost.total
    assert page.locator("[data-cost=change]").inner_text() == "+0.00"


def _csrf(page: Any) -> str:
    return str(page.locator("input[name=csrfmiddlewaretoken]").first.input_value())
