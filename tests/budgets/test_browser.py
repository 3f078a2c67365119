"""In two browsers: both open the same budget account, both change the same line; the first
save updates the totals in place, the second is told the line changed and nothing is lost.

Playwright drives Debian's chromium (skipped, with the reason, when it or the playwright
package is missing), with the harness of tests/browser_support.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from lynchpin.budgets.models import BudgetLine
from lynchpin.core.roles import Role
from tests.browser_support import browser, logged_in
from tests.budgets.conftest import make_budget
from tests.django_support import Team

__all__ = ["browser"]  # the fixture, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]

def test_two_browsers_editing_one_line_one_gets_told_to_reload(
    browser: Any, live_server: Any, team: Team
) -> None:
    setup = make_budget(team)
    line = setup.lines[2]  # Tools: 1 Allow x 1 x 1500
    url = (f"/productions/{setup.production_id}/budgets/{setup.version.pk}/accounts/"
           f"{setup.account.pk}/")
    first = logged_in(browser, live_server, team.producer.username)
    second = logged_in(browser, live_server, team.user(Role.PRODUCTION_MANAGER).username)
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
