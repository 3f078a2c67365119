"""In the browser: drag a strip to another day and see the day totals, the conflicts and the
budget change; move one with the keyboard; run the optimiser and apply its board.

Playwright drives Debian's chromium (skipped, with the reason, when it or the playwright
package is missing), with the harness of tests/browser_support.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from lynchpin.schedules import selectors
from lynchpin.schedules.models import ScheduleVersion, Strip
from tests.browser_support import browser, logged_in
from tests.schedules.conftest import Scheduled, import_budget

__all__ = ["browser"]  # the fixture, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]

def _drag(page: Any, source: str, target: str) -> None:
    """Drag `source` onto `target`. The window is tall enough to show the whole board: a
    drag that scrolls the page between press and drop picks up whatever strip is under the
    pressed point after the scroll."""
    page.set_viewport_size({"width": 1280, "height": 6000})
    page.locator(source).drag_to(page.locator(target))


def _text(page: Any, selector: str) -> str:
    return str(page.locator(selector).inner_text())


def test_drag_a_strip_to_another_day_and_see_totals_and_budget(
        browser: Any, live_server: Any, scheduled: Scheduled, board: Any) -> None:
    import_budget(scheduled)
    strip = Strip.objects.filter(schedule=board, day__number=3).order_by("position").first()
    day3, day4 = board.days.get(number=3), board.days.get(number=4)
    page = logged_in(browser, live_server, scheduled.team.producer.username)
    page.goto(f"/productions/{scheduled.pid}/schedules/{board.pk}/")
    before3 = _text(page, f"#day-{day3.pk} [data-total=length]")
    before4 = _text(page, f"#day-{day4.pk} [data-total=length]")
    budget = _text(page, "[data-budget=with_schedule]")
    _drag(page, f"#strip-{strip.pk}", f"#day-{day4.pk} ol.strips")
    page.locator("#move-status", has_text="Moved").wait_for()
    assert _text(page, f"#day-{day3.pk} [data-total=length]") != before3
    assert _text(page, f"#day-{day4.pk} [data-total=length]") != before4
    strip.refresh_from_db()
    assert page.locator(f"#day-{day4.pk} #strip-{strip.pk}").count() == 1
    assert strip.day_id == day4.pk
    board.refresh_from_db()
    assert page.locator("#board").get_attribute("data-version") == str(board.version)
    now = selectors.board_get(actor=scheduled.team.producer, production_id=scheduled.pid,
                              schedule_id=board.pk)
    assert now.board.cost is not None and now.budget is not None
    assert _text(page, "[data-cost=total]") == now.board.cost.total
    assert _text(page, "[data-budget=with_schedule]") == now.budget.with_schedule
    assert budget  # shown before the move too


def test_move_a_strip_with_the_keyboard(browser: Any, live_server: Any, scheduled: Scheduled,
                                        board: Any) -> None:
    strip = Strip.objects.filter(schedule=board, day__number=2).order_by("position").first()
    page = logged_in(browser, live_server, scheduled.team.user("coordinator").username)
    page.goto(f"/productions/{scheduled.pid}/schedules/{board.pk}/")
    item = page.locator(f"#strip-{strip.pk}")
    item.focus()
    page.keyboard.press("Space")
    page.keyboard.press("b")
    page.locator("#move-status", has_text="to the boneyard").wait_for()
    assert page.locator(f"#boneyard #strip-{strip.pk}").count() == 1
    strip.refresh_from_db()
    assert strip.day_id is None


def test_a_stale_board_is_told_to_reload(browser: Any, live_server: Any, scheduled: Scheduled,
                                         board: Any) -> None:
    first = logged_in(browser, live_server, scheduled.team.producer.username)
    second = logged_in(browser, live_server, scheduled.team.user("coordinator").username)
    strips = list(Strip.objects.filter(schedule=board, day__number=2).order_by("position")[:2])
    for page in (first, second):
        page.goto(f"/productions/{scheduled.pid}/schedules/{board.pk}/")
    bone = "#boneyard ol.strips"
    _drag(first, f"#strip-{strips[0].pk}", bone)
    first.locator("#move-status", has_text="Moved").wait_for()
    _drag(second, f"#strip-{strips[1].pk}", bone)
    second.locator("#move-status", has_text="Reload").wait_for()
    assert second.locator(f"#boneyard #strip-{strips[1].pk}").count() == 0
    strips[1].refresh_from_db()
    assert strips[1].day_id is not None


def test_run_the_optimiser_and_apply_its_board(browser: Any, live_server: Any,
                                               scheduled: Scheduled, board: Any) -> None:
    page = logged_in(browser, live_server, scheduled.team.producer.username)
    page.goto(f"/productions/{scheduled.pid}/schedules/{board.pk}/")
    page.get_by_label("Search for (seconds)").fill("6")
    page.get_by_role("button", name="Find a cheaper schedule").click()
    page.get_by_role("button", name="Apply as a new version").wait_for()
    assert page.locator("#proposed-total").inner_text()
    page.get_by_role("button", name="Apply as a new version").click()
    page.locator("h1", has_text="optimised").wait_for()
    assert ScheduleVersion.objects.filter(origin="optimised", based_on=board).count() == 1
