"""Playwright harness shared by every browser test: Debian's chromium, a logged-in page.

Playwright cannot download its own browsers here, so the tests use the system chromium
(`CHROMIUM`; `.ci/run` installs it) and skip, with the reason, only when it or the
playwright package is missing. Playwright's sync API keeps an asyncio loop in the test's
thread while it runs, and Django refuses ORM calls from such a thread;
`DJANGO_ALLOW_ASYNC_UNSAFE` lifts that only while the module's browser is open.
Import `browser` (a fixture) and `logged_in` into a test module or conftest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.django_support import PASSWORD

CHROMIUM = Path(os.environ.get("LYNCHPIN_CHROMIUM", "/usr/bin/chromium"))
#: Longest wait for one page or element (ms): a slow CI machine, never a speed assertion.
TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless chromium for the module (skips when chromium or playwright is missing)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"chromium not installed at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
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


def logged_in(browser: Any, live_server: Any, username: str) -> Any:
    """A page in a fresh context on the live server, logged in as `username`."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/productions/")
    return page
