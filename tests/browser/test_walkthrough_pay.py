"""Demo walk-through, step 6 "Pay", in the browser (docs/web/demo.md; Lynchpin issue 7).

On the demo production: the production manager enters Tomasz Nowak's week (1st AC, "£450/10"
under `uk-crew`: a 08:00 call, lunch 13:00-14:00 and a 20:00 wrap) and submits it; the
accountant approves it, which posts the week's gross to the GBP ledger as payroll on the
camera department's account 2002, and the cost report's actual for 2002 moves by exactly
that. The accountant then corrects the approved week: it is a draft again, its posting is
reversed and the cost report's actual for 2002 is back where it was.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from lynchpin.accounting.models import LedgerEntry
from lynchpin.people.timecards.models import TimecardPosting, TimecardWeek
from tests.browser.walkthrough_support import DemoWorld, amount, cost_cell, demo, reported
from tests.browser_support import browser, logged_in

__all__ = ["browser", "demo"]  # fixtures, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]

WEEK = "2027-03-15"  # the first week of photography; uk-crew weeks start on Monday


def _open_week(page: Any, demo: DemoWorld, name: str) -> None:
    """From the timecards index, the week of WEEK, then the person's card."""
    page.goto(demo.url("timecards/"))
    page.get_by_label("Week holding").fill(WEEK)
    page.get_by_role("button", name="Show").click()
    page.get_by_role("table", name="Everyone's week around Mon 15 Mar").get_by_role(
        "link", name=name, exact=True).click()
    page.get_by_role("heading", level=1, name=f"Timecard: {name}").wait_for()


def _actual_2002(page: Any, demo: DemoWorld) -> Decimal:
    page.goto(demo.url("accounting/cost-report/"))
    return cost_cell(page, "2002", "actual_to_date")


def test_a_week_submitted_approved_posted_and_sent_back_by_an_edit(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    manager = logged_in(browser, live_server, "production_manager")
    before = _actual_2002(manager, demo)
    _open_week(manager, demo, "Tomasz Nowak")
    assert not TimecardWeek.objects.filter(engagement__contact__name="Tomasz Nowak").exists()
    manager.get_by_label("Monday call").fill("08:00")
    manager.get_by_label("Monday meal 1 out").fill("13:00")
    manager.get_by_label("Monday meal 1 back").fill("14:00")
    manager.get_by_label("Monday wrap").fill("20:00")
    manager.get_by_role("button", name="Save").click()
    manager.locator("#week-status", has_text="draft").wait_for()
    assert manager.locator("tr.line-overtime").count() >= 1  # an hour over the 10
    manager.get_by_role("button", name="Submit for approval").click()
    manager.locator("#week-status", has_text="submitted").wait_for()
    # the manager is office too, but approving is the accountant's step here
    week = TimecardWeek.objects.get(engagement__contact__name="Tomasz Nowak")
    assert week.status == "submitted"

    accountant = logged_in(browser, live_server, "accountant")
    accountant.goto(demo.url("timecards/"))
    accountant.get_by_role("table", name="Waiting for approval").get_by_role(
        "link", name="Tomasz Nowak", exact=True).click()
    accountant.get_by_role("button", name="Approve").click()
    accountant.locator("#week-status", has_text="approved").wait_for()
    posting = TimecardPosting.objects.get(week=week)
    assert posting.account == "2002" and posting.currency == "GBP" and posting.amount > 0
    shown = accountant.locator("#postings + .table-wrap table, table[aria-labelledby=postings]")
    assert "2002" in shown.inner_text()
    assert amount(shown.locator("td.num").first.inner_text()) == posting.amount.quantize(
        Decimal("0.01"))
    entry = LedgerEntry.objects.get(key=posting.key)
    assert entry.kind == "payroll" and entry.account == "2002"
    after = _actual_2002(accountant, demo)
    assert after - before == posting.amount.quantize(Decimal("0.01"))
    assert reported(demo.user("accountant"), demo.pid, "2002").actual_to_date.amount == after

    _open_week(accountant, demo, "Tomasz Nowak")
    accountant.get_by_label("Monday wrap").fill("19:00")
    accountant.get_by_role("button", name="Save").click()
    accountant.locator("#week-status", has_text="draft").wait_for()
    assert "submit it again" in accountant.get_by_role("note").first.inner_text()
    week.refresh_from_db()
    posting.refresh_from_db()
    assert week.status == "draft" and posting.reversal_key
    assert LedgerEntry.objects.filter(key=posting.reversal_key, kind="reversal").count() == 1
    assert _actual_2002(accountant, demo) == before


def test_crew_enter_and_submit_their_own_week_and_see_no_budget_or_ledger(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    page = logged_in(browser, live_server, "crew")
    page.goto(demo.url("timecards/"))
    page.get_by_label("Week holding").fill(WEEK)
    page.get_by_role("button", name="Show").click()
    page.get_by_role("table", name="Your timecards around Mon 15 Mar").get_by_role(
        "link", name="Isla Fraser", exact=True).click()
    page.get_by_role("heading", level=1, name="Timecard: Isla Fraser").wait_for()
    page.get_by_label("Tuesday call").fill("07:00")
    page.get_by_label("Tuesday meal 1 out").fill("12:00")
    page.get_by_label("Tuesday meal 1 back").fill("13:00")
    page.get_by_label("Tuesday wrap").fill("18:00")
    page.get_by_role("button", name="Save").click()
    page.locator("#week-status", has_text="draft").wait_for()
    pay = page.locator("tbody tr[class^=line-]")
    assert pay.count() >= 1 and amount(pay.first.locator("td.num").nth(3).inner_text()) > 0
    page.get_by_role("button", name="Submit for approval").click()
    page.locator("#week-status", has_text="submitted").wait_for()
    assert page.get_by_role("button", name="Approve").count() == 0
    assert page.get_by_role("button", name="Save").count() == 0  # the office's now
    week = TimecardWeek.objects.get(engagement__contact__name="Isla Fraser")
    assert week.status == "submitted" and week.submitted_by.username == "crew"
    assert page.locator("#postings").count() == 0
    for section in ("budgets/", "accounting/", "timecards/payroll-accounts/"):
        assert page.goto(demo.url(section)).status == 403, section
