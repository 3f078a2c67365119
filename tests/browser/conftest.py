"""Browser tests: Playwright's sync API driving Debian's chromium against the live server.

Playwright cannot download its own browsers here, so the tests use the system chromium
(`CHROMIUM`, installed by ``apt-get install chromium``; `.ci/run` installs it) and are
skipped, with the reason, only when it or the playwright package is missing. Each test gets a
fresh browser context (its own cookies) on a browser shared by the module.

Playwright's sync API keeps an asyncio event loop in this thread while it runs, and Django
refuses ORM calls from a thread with a running loop; `DJANGO_ALLOW_ASYNC_UNSAFE` lifts that
for as long as the browser is open (the ORM calls here are the test's own, in the test's
thread). The browser is closed at the end of the module, so other tests on the same worker
never run beside the loop.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("LYNCHPIN_CHROMIUM", "/usr/bin/chromium"))
#: Longest wait for one page or element (ms): a slow CI machine, never a speed assertion.
TIMEOUT_MS = 30_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives chromium with Playwright (skipped without chromium)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


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


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page in a fresh context whose relative URLs go to the live server."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()
