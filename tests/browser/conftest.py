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

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import CHROMIUM, TIMEOUT_MS, browser

__all__ = ["CHROMIUM", "browser"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives chromium with Playwright (skipped without chromium)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A page in a fresh context whose relative URLs go to the live server."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()
