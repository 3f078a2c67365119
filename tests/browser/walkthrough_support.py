"""Shared by the demo walk-through browser tests (tests/browser/test_walkthrough_*.py).

`demo` builds the demo production ("The Night Ferry", docs/web/demo.md) with every user's
password set to the suite's PASSWORD, so `tests.browser_support.logged_in` logs in as any
role by its username (the role's value). The helpers read what a page shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from tests.django_support import PASSWORD


@dataclass(frozen=True)
class DemoWorld:
    """The demo production's id and its users by role (username == role value)."""

    pid: int

    def user(self, role: str) -> Any:
        from django.contrib.auth import get_user_model

        return get_user_model().objects.get(username=role)

    def url(self, path: str) -> str:
        """A page of the production: ``url("budgets/")`` -> ``/productions/<id>/budgets/``."""
        return f"/productions/{self.pid}/{path}"


@pytest.fixture
def demo(transactional_db: Any) -> DemoWorld:
    """The demo production, built through the services as `lynchpin demo` builds it."""
    from lynchpin.demo import build_demo

    return DemoWorld(build_demo(password=lambda: PASSWORD).production_id)


def amount(text: str) -> Decimal:
    """A printed amount ("1,234.50", "-40,052.60", "£450.00") as a Decimal."""
    cleaned = re.sub(r"[^0-9.\-]", "", text.replace("−", "-"))
    return Decimal(cleaned)


def cost_row(page: Any, code: str) -> Any:
    """The cost report's row of account (or category) `code`."""
    return page.locator("table tbody tr").filter(
        has=page.locator("td:first-child", has_text=re.compile(rf"^\s*{code}\s*$")))


#: Columns of the cost report page (0-based cells of a row).
COST_COLUMNS = ("code", "account", "budget", "this_period", "actual_to_date", "committed",
                "total_cost", "etc", "efc", "variance")


def cost_cell(page: Any, code: str, column: str) -> Decimal:
    """One figure of the cost report page, e.g. ``cost_cell(page, "2002", "actual_to_date")``."""
    cell = cost_row(page, code).locator("td").nth(COST_COLUMNS.index(column))
    return amount(cell.inner_text())


def reported(actor: Any, pid: int, code: str) -> Any:
    """The cost report's figures of account `code`, as the accounting selector computes them."""
    from lynchpin.accounting.selectors import cost_report

    report = cost_report(actor=actor, production_id=pid)
    return next(line.figures for line in report.lines if line.code == code)
