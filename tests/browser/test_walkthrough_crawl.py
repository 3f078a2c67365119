"""Demo walk-through: a coordinator (no money role) clicks through every page they can reach
and sees no money (docs/web/demo.md, DESIGN.md section 1: "no rates or salaries").

Each app already has a crawl with Django's test client on its own fixtures
(tests/schedules/test_pages.py, tests/budgets/test_pages.py, tests/accounting/test_crawl.py,
tests/people/test_crawl.py, tests/people/timecards/test_crawl.py). This is the browser's
angle on the whole demo production at once: the page as chromium renders it, after its
scripts ran, following the links the coordinator is shown (navigation, dashboard, lists),
looking for the demo's budget totals, ledger amounts, deal rates and schedule costs. Pages of
the same shape (ids aside) are opened twice at most, so the crawl stays a few seconds.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest

from tests.browser.walkthrough_support import DemoWorld, demo
from tests.browser_support import browser, logged_in

__all__ = ["browser", "demo"]  # fixtures, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]

#: Downloads and actions a crawl does not open (files, logout, calendar feeds).
SKIP = re.compile(r"(logout|/download/|/export/|\.ics$|\.pdf$|\.xlsx$|\.csv$|format=)")
PER_SHAPE = 2
MOST_PAGES = 80


def _printed(value: Decimal) -> set[str]:
    return {f"{value:,.2f}", f"{value:.2f}"}


def _secrets(demo: DemoWorld) -> set[str]:
    """The demo's money as a page would print it: budget totals, ledger amounts, deal rates
    and the schedule's cost (amounts of at least 100, so no stray number matches)."""
    from lynchpin.accounting.models import LedgerEntry
    from lynchpin.budgets.models import BudgetVersion
    from lynchpin.budgets.selectors import budget_accounts, budget_topsheet
    from lynchpin.people.models import DealMemo
    from lynchpin.schedules import selectors
    from lynchpin.schedules.models import ScheduleVersion

    producer = demo.user("producer")
    budget = BudgetVersion.objects.get(production_id=demo.pid)
    sheet = budget_topsheet(actor=producer, production_id=demo.pid, budget_id=budget.pk)
    amounts = {Decimal(str(sheet.grand_total)), Decimal(str(sheet.subtotal))}
    amounts |= {Decimal(str(account.total)) for account in budget_accounts(
        actor=producer, production_id=demo.pid, budget_id=budget.pk)}
    amounts |= {abs(entry.amount) for entry in LedgerEntry.objects.filter(production_id=demo.pid)}
    amounts |= {memo.rate for memo in DealMemo.objects.filter(
        engagement__production_id=demo.pid)}
    found = set().union(*(_printed(value) for value in amounts if value >= 100))
    board = ScheduleVersion.objects.get(production_id=demo.pid)
    cost = selectors.board_get(actor=producer, production_id=demo.pid,
                               schedule_id=board.pk).board.cost
    assert cost is not None
    return found | {cost.total}


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def _links(page: Any, prefix: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    paths = []
    for href in hrefs:
        url = urlparse(urljoin(page.url, href))
        path = url.path + (f"?{url.query}" if url.query else "")
        if url.path.startswith(prefix) and not SKIP.search(path):
            paths.append(path)
    return paths


def _crawl(page: Any, start: str, prefix: str) -> dict[str, str]:
    """Breadth first from `start`: each page's rendered HTML by path."""
    queue, seen = [start], set()
    shapes: dict[str, int] = {}
    bodies: dict[str, str] = {}
    while queue and len(bodies) < MOST_PAGES:
        path = queue.pop(0)
        shape = _shape(path.split("?")[0])
        if path in seen or shapes.get(shape, 0) >= PER_SHAPE:
            continue
        seen.add(path)
        shapes[shape] = shapes.get(shape, 0) + 1
        answer = page.goto(path)
        bodies[path] = f"{answer.status}\n{page.content()}"
        if answer.status == 200 and "text/html" in answer.headers.get("content-type", ""):
            queue.extend(link for link in _links(page, prefix) if link not in seen)
    return bodies


def test_a_coordinator_clicking_through_the_demo_sees_no_money(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    secrets = _secrets(demo)
    prefix = demo.url("")
    page = logged_in(browser, live_server, "coordinator")
    bodies = _crawl(page, prefix, prefix)

    for path, body in bodies.items():
        leaked = sorted(secret for secret in secrets if secret in body)
        assert not leaked, (path, leaked)
    sections = {path[len(prefix):].split("/")[0] for path in bodies}
    assert {"scripts", "people", "schedules", "timecards"} <= sections  # really crawled
    assert not sections & {"budgets", "accounting"}  # never linked to a coordinator
    assert len(bodies) > 20
    for section in ("budgets/", "accounting/", "accounting/cost-report/"):
        assert page.goto(demo.url(section)).status == 403

    producer = logged_in(browser, live_server, "producer")  # the secrets are real figures
    shown = ""
    for path in ("budgets/", "accounting/", "schedules/"):
        producer.goto(demo.url(path))
        shown += producer.content()
    budget = re.search(r'href="([^"]*/budgets/\d+/)"', shown)
    board = re.search(r'href="([^"]*/schedules/\d+/)"', shown)
    assert budget and board
    for path in (budget[1], board[1]):
        producer.goto(path)
        shown += producer.content()
    assert len({secret for secret in secrets if secret in shown}) >= 5
