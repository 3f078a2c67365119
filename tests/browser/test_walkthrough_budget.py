"""Demo walk-through, step 4 "Budget", in the browser (docs/web/demo.md; Lynchpin issue 7).
Two browsers editing one line is tests/budgets/test_browser.py.

On the demo production's "Original budget" (GBP, globals linked to the schedule):

- the production manager opens the top sheet, an account, and types a formula over a global
  into a detail line: the line, account and grand totals change in place, and the top sheet
  agrees after a reload;
- from the schedule board, "Re-price the budget" lists every line the schedule changes;
  applying it gives the budget exactly the total the board announced, and the schedule-fed
  globals the schedule's values;
- the producer locks the original; the accountant copies it to a working version, changes a
  line there, and Compare shows the variance on that account only;
- the production manager raises the contingency on the settings page: the grand total moves
  by the new share of the charge's base.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from lynchpin.budgets.models import BudgetGlobal, BudgetLine, BudgetVersion
from lynchpin.budgets.selectors import budget_topsheet
from tests.browser.walkthrough_support import DemoWorld, amount, demo
from tests.browser_support import browser, logged_in

__all__ = ["browser", "demo"]  # fixtures, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]

ORIGINAL = "Original budget"


def _grand(demo: DemoWorld, version: BudgetVersion) -> Decimal:
    """The grand total as the budgets selector prices it."""
    sheet = budget_topsheet(actor=demo.user("producer"), production_id=demo.pid,
                            budget_id=version.pk)
    return Decimal(str(sheet.grand_total))


def _text(page: Any, selector: str) -> str:
    return str(page.locator(selector).inner_text())


def _open_account(page: Any, demo: DemoWorld, budget: str, title: str) -> None:
    page.goto(demo.url("budgets/"))
    page.get_by_role("link", name=budget, exact=True).click()
    page.get_by_role("heading", level=1, name=f"{budget}: top sheet").wait_for()
    page.get_by_role("link", name=title, exact=True).click()
    page.get_by_role("heading", level=1, name=title, exact=False).wait_for()


def _save_line(page: Any, line: BudgetLine, field: str, value: str) -> None:
    page.locator(f"#line-{line.pk}").get_by_label(field, exact=True).fill(value)
    page.locator(f"#f-{line.pk}").get_by_role("button", name="Save").click()
    page.locator(f"#f-{line.pk} .status.ok").wait_for()


def test_edit_a_line_in_place_with_a_formula_over_a_global(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    version = BudgetVersion.objects.get(name=ORIGINAL)
    line = BudgetLine.objects.get(account__budget=version, account__code="5002")
    shoot_days = Decimal(BudgetGlobal.objects.get(budget=version, name="SHOOT_DAYS").value)
    page = logged_in(browser, live_server, "production_manager")
    _open_account(page, demo, ORIGINAL, "Catering & craft service")
    line_before = amount(_text(page, f"#line-{line.pk} [data-total=line]"))
    account_before = amount(_text(page, "#account-total"))
    grand_before = amount(_text(page, "#grand-total"))
    assert grand_before == _grand(demo, version)

    _save_line(page, line, "X", "=SHOOT_DAYS + 2")
    line_after = amount(_text(page, f"#line-{line.pk} [data-total=line]"))
    assert line_after != line_before
    assert amount(_text(page, "#account-total")) - account_before == line_after - line_before
    grand_after = amount(_text(page, "#grand-total"))
    assert grand_after != grand_before
    assert amount(_text(page, f"#line-{line.pk} [data-value=x]")) == shoot_days + 2
    line.refresh_from_db()
    assert line.x == "=SHOOT_DAYS + 2"
    assert grand_after == _grand(demo, version)

    page.get_by_role("link", name="Top sheet").first.click()
    assert amount(_text(page, "#grand-total")) == grand_after


def test_reprice_the_budget_from_the_schedule_board(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    from lynchpin.schedules.models import ScheduleVersion

    version = BudgetVersion.objects.get(name=ORIGINAL)
    board = ScheduleVersion.objects.get(name="Shooting schedule")
    page = logged_in(browser, live_server, "production_manager")
    page.goto(demo.url(f"schedules/{board.pk}/"))
    announced = amount(_text(page, "[data-budget=with_schedule]"))
    lines = int(_text(page, "[data-budget=lines]"))
    assert announced != _grand(demo, version) and lines > 0

    page.get_by_role("link", name="Re-price the budget").click()
    page.get_by_role("heading", level=1,
                     name="Re-price the budget from Shooting schedule").wait_for()
    assert page.locator("table tbody tr").count() == lines
    assert "SHOOT_DAYS (SHOOT_DAYS)" in page.locator("ul").filter(
        has_text="SHOOT_DAYS").first.inner_text()
    page.get_by_role("button", name="Apply these changes to the budget").click()
    page.get_by_role("heading", level=1, name=f"{ORIGINAL}: top sheet").wait_for()
    assert amount(_text(page, "#grand-total")) == announced == _grand(demo, version)
    shoot_days = BudgetGlobal.objects.get(budget=version, name="SHOOT_DAYS").value
    assert Decimal(shoot_days) == board.days.count()

    page.goto(demo.url(f"schedules/{board.pk}/"))
    assert amount(_text(page, "[data-budget=difference]")) == 0  # nothing left to re-price


def test_lock_the_original_copy_a_working_version_and_compare(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    original = BudgetVersion.objects.get(name=ORIGINAL)
    producer = logged_in(browser, live_server, "producer")
    producer.goto(demo.url(f"budgets/{original.pk}/"))
    producer.once("dialog", lambda dialog: dialog.accept())  # "Lock ...?"
    producer.get_by_role("button", name="Lock this version").click()
    producer.get_by_role("button", name="Lock this version").wait_for(state="detached")
    original.refresh_from_db()
    assert original.locked

    accountant = logged_in(browser, live_server, "accountant")
    _open_account(accountant, demo, ORIGINAL, "Catering & craft service")
    assert accountant.locator("table.lines input").count() == 0  # figures only
    accountant.get_by_role("link", name="Top sheet").first.click()
    accountant.get_by_label("Copy to a new version named").fill("Working budget")
    accountant.get_by_role("button", name="Copy").click()
    accountant.get_by_role("heading", level=1, name="Working budget: top sheet").wait_for()
    working = BudgetVersion.objects.get(name="Working budget")
    assert working.based_on_id == original.pk and not working.locked
    assert _grand(demo, working) == _grand(demo, original)

    line = BudgetLine.objects.get(account__budget=working, account__code="5002")
    _open_account(accountant, demo, "Working budget", "Catering & craft service")
    before = amount(_text(accountant, f"#line-{line.pk} [data-total=line]"))
    _save_line(accountant, line, "Rate", str(Decimal(line.rate) + 10))
    delta = amount(_text(accountant, f"#line-{line.pk} [data-total=line]")) - before
    assert delta > 0

    accountant.goto(demo.url("budgets/compare/"))
    accountant.get_by_label(f"{ORIGINAL} (locked)").check()
    accountant.get_by_label("Working budget").check()
    accountant.get_by_role("button", name="Compare").click()
    rows = accountant.locator("table tbody tr")
    changed = {row.locator("td").first.inner_text(): row.locator("td").last.inner_text()
               for row in rows.all() if amount(row.locator("td").last.inner_text()) != 0}
    assert list(changed) == ["5002"]
    assert amount(changed["5002"]) == delta  # positive: costs more
    assert _grand(demo, working) > _grand(demo, original)


def test_the_contingency_changed_on_the_settings_page_moves_the_grand_total(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    version = BudgetVersion.objects.get(production_id=demo.pid, name=ORIGINAL)
    before = _grand(demo, version)
    page = logged_in(browser, live_server, "production_manager")
    page.goto(demo.url("budgets/"))
    page.get_by_role("link", name=ORIGINAL, exact=True).click()
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("heading", level=1, name=f"{ORIGINAL}: settings").wait_for()
    row = page.locator("#charges-CONTINGENCY")
    base = amount(row.locator("td.num").nth(1).inner_text())  # the base column
    row.get_by_label("Rate (percent or amount) of CONTINGENCY").fill("12.5")
    row.get_by_role("button", name="Save").click()
    page.get_by_text("Contractual charges: CONTINGENCY saved.").wait_for()
    version.refresh_from_db()
    assert version.extras["charges"][0]["rate"] == "12.5"
    after = _grand(demo, version)
    assert after - before == (base * Decimal("0.025")).quantize(Decimal("0.01"))
    page.get_by_role("link", name="Top sheet", exact=True).click()
    assert f"{after:,.2f}" in page.content()
