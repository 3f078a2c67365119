"""Breakdown sheets: the report built from rows, PDFs of one scene and of the whole draft."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from django.urls import reverse

from lynchpin.core.errors import NotFound
from lynchpin.core.roles import Role
from lynchpin.scripts.models import SceneElement, ScriptVersion
from lynchpin.scripts.selectors import breakdown_pdf, breakdown_report_for, scene_sheet_pdf
from lynchpin.scripts.services import scene_element_decide, script_import
from tests.django_support import Team
from tests.scripts.conftest import small_fdx

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def _accept(team: Team, version: ScriptVersion, number: str, name: str) -> SceneElement:
    item = SceneElement.objects.get(
        scene__script_version=version, scene__number=number, element__name=name
    )
    return scene_element_decide(actor=team.producer, production_id=team.production.pk,
                                scene_element_id=item.pk, status="accepted",
                                expected_version=item.version)


def test_report_has_production_numbers_lengths_and_accepted_elements_only(
    team: Team, imported: ScriptVersion
) -> None:
    _accept(team, imported, "1", "BIRD")
    report = breakdown_report_for(actor=team.user(Role.CREW), production_id=team.production.pk,
                                  script_version_id=imported.pk)
    assert (report.title, report.pages, report.eighths, len(report.scenes)) == (
        "THE NIGHT FERRY", 21, 185, 48
    )
    first = report.scenes[0]
    assert (first.number, first.eighths, first.page) == ("1", 6, 1)
    elements = first.elements_dict()
    assert elements["Animals"] == ["BIRD"]
    assert "Wardrobe" not in elements  # COAT is only suggested
    assert first.speaking == ("DOUGIE", "ROSIE")  # in order of first cue


def test_scene_pdf_shows_an_accepted_element(team: Team, imported: ScriptVersion) -> None:
    _accept(team, imported, "1", "BIRD")
    scene = imported.scenes.get(number="1")
    sheet = scene_sheet_pdf(actor=team.user(Role.CAST), production_id=team.production.pk,
                            scene_id=scene.pk)
    assert sheet.content.startswith(b"%PDF")
    assert sheet.file_name == "the-night-ferry-white-breakdown-scene-1.pdf"
    text = _text(sheet.content)
    assert "BIRD" in text and "PORT CARRICK - HARBOUR WALL" in text
    assert "COAT" not in text


def test_whole_draft_pdf_is_kept_until_the_breakdown_changes(team: Team) -> None:
    small = script_import(
        actor=team.producer, production_id=team.production.pk, file_name="stable.fdx",
        content=small_fdx(("INT. STABLE - DAY", "NELL", "Easy."), ("EXT. FIELD - DAY", "TO", "Go")),
    )

    def sheets() -> bytes:
        return breakdown_pdf(actor=team.producer, production_id=team.production.pk,
                             script_version_id=small.pk).content

    first = sheets()
    assert first.startswith(b"%PDF") and "HORSE" not in _text(first)
    assert sheets() == first  # kept, not rendered again
    _accept(team, small, "1", "HORSE")
    assert "HORSE" in _text(sheets())


def test_pdf_download_page(team: Team, imported: ScriptVersion, client_as: Any) -> None:
    _accept(team, imported, "1", "BIRD")
    scene = imported.scenes.get(number="1")
    url = reverse("scripts:scene_pdf",
                  kwargs={"production_id": team.production.pk, "scene_id": scene.pk})
    response = client_as(team.user(Role.DEPARTMENT_HEAD)).get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "BIRD" in _text(response.content)
    outsider = client_as(team.outsider).get(url)
    assert outsider.status_code == 404


def test_sheets_of_another_production_are_not_found(team: Team, imported: ScriptVersion) -> None:
    scene = imported.scenes.get(number="1")
    with pytest.raises(NotFound):
        scene_sheet_pdf(actor=team.outsider, production_id=team.other_production.pk,
                        scene_id=scene.pk)
    with pytest.raises(NotFound):
        breakdown_pdf(actor=team.outsider, production_id=team.other_production.pk,
                      script_version_id=imported.pk)
