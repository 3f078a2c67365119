"""In a browser: log in, upload a script, accept a suggested element, see it on the sheet.

Issue 6's browser proof, on the bundled sample screenplay. The second test is the same
scene page as crew see it: the breakdown is there, the buttons to change it are not.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pdfplumber
import pytest

from lynchpin.demo.samples import SCRIPT_FILE, sample_bytes
from tests.django_support import PASSWORD, Team

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page: Any, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/productions/")


def _upload_sample(page: Any, production_id: int) -> None:
    page.goto(f"/productions/{production_id}/scripts/")
    page.get_by_label("File").set_input_files(
        files=[{"name": SCRIPT_FILE, "mimeType": "text/plain", "buffer": sample_bytes(SCRIPT_FILE)}]
    )
    page.get_by_label("Colour").select_option("white")
    page.get_by_label("Label").fill("Shooting script")
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("link", name="Open the draft").click()


def test_upload_accept_and_see_it_on_the_breakdown_sheet(page: Any, team: Team) -> None:
    production_id = team.production.pk
    _log_in(page, team.user("coordinator").username)
    _upload_sample(page, production_id)
    page.get_by_role("link", name="1", exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Scene 1"

    suggested = page.locator("li.element.status-suggested").first
    name = suggested.locator(".element-name").inner_text()
    element_id = suggested.get_attribute("id")
    assert name not in _sheet_text(page)  # the sheet lists accepted elements only
    suggested.get_by_role("button", name=re.compile(r"^Accept")).click()

    accepted = page.locator(f"li#{element_id}")
    assert "status-accepted" in (accepted.get_attribute("class") or "")
    assert accepted.locator(".badge").first.inner_text() == "Accepted"
    assert name in _sheet_text(page)


def _sheet_text(page: Any) -> str:
    """The text of the scene's breakdown sheet (the PDF its page links to)."""
    link = page.get_by_role("link", name="Breakdown sheet (PDF)").get_attribute("href")
    sheet = page.context.request.get(link)
    assert sheet.ok and sheet.body().startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(sheet.body())) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def test_crew_see_the_breakdown_without_the_buttons_to_change_it(page: Any, team: Team) -> None:
    from lynchpin.scripts.services import script_import

    version = script_import(actor=team.producer, production_id=team.production.pk,
                            file_name=SCRIPT_FILE, content=sample_bytes(SCRIPT_FILE))
    scene = version.scenes.order_by("order").first()
    _log_in(page, team.user("crew").username)
    page.goto(f"/productions/{team.production.pk}/scripts/scenes/{scene.pk}/")
    assert page.locator("li.element").count() > 0
    assert page.get_by_role("button", name=re.compile(r"^(Accept|Reject|Add)")).count() == 0
