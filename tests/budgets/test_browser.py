"""In two browsers: both open the same budget account, both change the same line; the first
save updates the totals in place, the second is told the line changed and nothing is lost.

Playwright drives Debian's chromium (skipped, with the reason, when it or the playwright
package is missing), as tests/browser does; the fixtures are repeated here because that
directory's conftest does not reach this one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lynchpin.budgets.models import BudgetLine
from lynchpin.core.roles import Role
from tests.budgets.conftest import make_budget
from tests.django_support import PASSWORD, Team

pytestmark = [pytest.mark.django_db(transaction=True)]

CHROMIUM = Path(os.environ.get("LYNCHPIN_CHROMIUM", "/usr/bin/chromium"))
TIMEOUT_MS = 30_000  # longest wait for a page or element on a slow machine, not a speed test


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless chromium for the module (skips when chromium or playwright is missing)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"chromium not installed at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the test's own ORM calls, its thread
    playwright = sync_api.sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


def _logged_in(browser: Any, live_server: Any, username: str) -> Any:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/productions/")
    return page


def test_two_browsers_editing_one_line_one_gets_told_to_reload(
    browser: Any, live_server: Any, team: Team
) -> None:
    setup = make_budget(team)
    line = setup.lines[2]  # Tools: 1 Allow x 1 x 1500
    url = (f"/productions/{setup.production_id}/budgets/{setup.version.pk}/accounts/"
           f"{setup.account.pk}/")
    first = _logged_in(browser, live_server, team.producer.username)
    second = _logged_in(browser, live_server, team.user(Role.PRODUCTION_MANAGER).username)
    for page in (first, second):
        page.goto(url)
        assert page.locator("#grand-total").inner_text() == "120,630.43"

    first.locator(f"#line-{line.pk} input[name=rate]").fill("1600")
    first.locator(f"#f-{line.pk} button").click()
    first.locator(f"#f-{line.pk} .status.ok").wait_for()
    assert first.locator(f"#line-{line.pk} [data-total=line]").inner_text() == "1,600.00"
    assert first.locator("#account-total").inner_text() == "21,200.00"
    assert first.locator("#grand-total").inner_text() == "120,730.43"

    second.locator(f"#line-{line.pk} input[name=rate]").fill("1700")
    second.locator(f"#line-{line.pk} input[name=rate]").press("Enter")
    conflict = second.locator(f"#f-{line.pk} .status.conflict")
    conflict.wait_for()
    assert "Changed by someone else" in conflict.inner_text()
    assert second.locator("#grand-total").inner_text() == "120,630.43"  # nothing pretended
    assert BudgetLine.objects.get(pk=line.pk).rate == "1600"

    second.reload()
    assert second.locator(f"#line-{line.pk} input[name=rate]").input_value() == "1600"
