"""Whole-draft breakdown sheets as a background task: progress n of N, the stored file reused
until the breakdown changes, every reader may ask and download, outsiders get 404.

The suite runs tasks with the immediate backend, so a request's run has finished when the
request returns.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from django.urls import reverse

from lynchpin.core.errors import NotFound
from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Role
from lynchpin.documents.breakdown_pdf import render_pdf
from lynchpin.documents.breakdown_pdf_parts import render_pdf_in_parts
from lynchpin.scripts import sheetcache
from lynchpin.scripts.models import SceneElement, ScriptVersion
from lynchpin.scripts.selectors import breakdown_sheets_file, breakdown_sheets_run_get
from lynchpin.scripts.services import (
    breakdown_sheets_render,
    breakdown_sheets_request,
    scene_element_decide,
    script_import,
)
from tests.django_support import Team
from tests.scripts.conftest import small_fdx

pytestmark = pytest.mark.django_db

SCENES = (
    ("INT. STABLE - DAY", "NELL", "Easy."),
    ("EXT. FIELD - CONTINUOUS", "TOM", "Go on."),
    ("EXT. FIELD - NIGHT", "NELL", "Home."),
)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def _pages(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


@pytest.fixture
def draft(team: Team) -> ScriptVersion:
    """A three-scene current draft; a HORSE is suggested in every scene."""
    return script_import(actor=team.producer, production_id=team.production.pk,
                         file_name="stable.fdx", content=small_fdx(*SCENES))


def _accept(team: Team, draft: ScriptVersion, number: str, name: str) -> None:
    item = SceneElement.objects.get(
        scene__script_version=draft, scene__number=number, element__name=name
    )
    scene_element_decide(actor=team.producer, production_id=team.production.pk,
                         scene_element_id=item.pk, status="accepted",
                         expected_version=item.version)


def _ask(actor: Any, team: Team, draft: ScriptVersion) -> Any:
    return breakdown_sheets_request(actor=actor, production_id=team.production.pk,
                                    script_version_id=draft.pk)


def _api(team: Team, draft: ScriptVersion, suffix: str = "") -> str:
    return f"/api/v1/productions/{team.production.pk}/scripts/versions/{draft.pk}/sheets{suffix}"


def test_task_renders_the_accepted_elements_and_finishes_n_of_n(
    team: Team, draft: ScriptVersion
) -> None:
    _accept(team, draft, "1", "HORSE")
    asked = _ask(team.user(Role.CREW), team, draft)
    assert asked.run is not None and asked.ready
    run = asked.run
    assert (run.kind, run.status, run.progress) == ("scripts.sheets", "succeeded", 100)
    draft.refresh_from_db()
    assert run.result == {"script_version_id": draft.pk, "breakdown_version": draft.version,
                          "scenes": 3, "rendered": 3}
    sheet = breakdown_sheets_file(actor=team.user(Role.CAST), production_id=team.production.pk,
                                  script_version_id=draft.pk)
    assert sheet is not None and sheet.content.startswith(b"%PDF")
    assert "HORSE" in _text(sheet.content)


def test_progress_counts_every_scene_up_to_n_of_n(team: Team, draft: ScriptVersion) -> None:
    steps: list[tuple[int, str]] = []
    result = breakdown_sheets_render(
        actor=team.user(Role.CAST), production_id=team.production.pk,
        script_version_id=draft.pk, progress=lambda percent, message: steps.append(
            (percent, message)),
    )
    rendered = [message for _, message in steps if message.startswith("Rendered")]
    assert rendered == [f"Rendered {n} of 3 scenes" for n in (1, 2, 3)]
    percents = [percent for percent, _ in steps]
    assert percents == sorted(percents) and percents[-1] == 95
    assert (result["scenes"], result["rendered"]) == (3, 3)


def test_parts_print_the_same_document_as_one_render(team: Team, draft: ScriptVersion) -> None:
    """Cover totals and day/night of a CONTINUOUS scene come from the whole draft."""
    _accept(team, draft, "2", "HORSE")
    report = sheetcache.report_of_version(draft)
    calls: list[int] = []
    parts = render_pdf_in_parts(report, calls.append)
    whole = render_pdf(report)
    assert calls == [1, 2, 3]
    assert _pages(parts) == _pages(whole) == 4  # cover and three sheets
    assert _text(parts) == _text(whole)


def test_second_request_reuses_the_stored_pdf(team: Team, draft: ScriptVersion) -> None:
    first = _ask(team.producer, team, draft)
    runs = TaskRun.objects.filter(kind="scripts.sheets").count()
    second = _ask(team.user(Role.CREW), team, draft)
    assert first.run is not None and second.ready and second.run is None
    assert TaskRun.objects.filter(kind="scripts.sheets").count() == runs == 1


def test_a_run_under_way_is_shared(team: Team, draft: ScriptVersion) -> None:
    draft.refresh_from_db()
    waiting = TaskRun.objects.create(
        production=team.production, kind="scripts.sheets", created_by=team.producer,
        result={"script_version_id": draft.pk, "breakdown_version": draft.version},
    )
    asked = _ask(team.user(Role.CAST), team, draft)
    assert asked.run is not None and asked.run.pk == waiting.pk and not asked.ready
    followed = breakdown_sheets_run_get(actor=team.user(Role.CAST),
                                        production_id=team.production.pk,
                                        script_version_id=draft.pk, run_id=waiting.pk)
    assert followed.run.status == "queued"


def test_stale_pdf_is_printed_again_after_an_element_is_accepted(
    team: Team, draft: ScriptVersion, settings: Any
) -> None:
    _ask(team.producer, team, draft)
    before = breakdown_sheets_file(actor=team.producer, production_id=team.production.pk,
                                   script_version_id=draft.pk)
    assert before is not None and "HORSE" not in _text(before.content)
    _accept(team, draft, "3", "HORSE")
    assert breakdown_sheets_file(actor=team.producer, production_id=team.production.pk,
                                 script_version_id=draft.pk) is None
    again = _ask(team.producer, team, draft)
    assert again.run is not None and again.ready
    after = breakdown_sheets_file(actor=team.producer, production_id=team.production.pk,
                                  script_version_id=draft.pk)
    assert after is not None and "HORSE" in _text(after.content)
    folder = settings.MEDIA_ROOT / f"scripts/{team.production.pk}/sheets"
    assert [p.name for p in folder.iterdir()] == [f"{draft.pk}-v{again.version.version}.pdf"]


def test_crew_asks_follows_and_downloads_through_the_api(
    team: Team, draft: ScriptVersion, token_client: Any
) -> None:
    client = token_client(team.user(Role.CREW))
    assert client.get(_api(team, draft, ".pdf")).status_code == 404  # not printed yet
    started = client.post(_api(team, draft))
    assert started.status_code == 202
    body = started.json()
    assert body["task_run_id"] and body["ready"] and body["result"]["rendered"] == 3
    status = client.get(_api(team, draft, f"/tasks/{body['task_run_id']}"))
    assert status.status_code == 200
    assert (status.json()["status"], status.json()["finished"]) == ("succeeded", True)
    download = client.get(_api(team, draft, ".pdf"))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "STABLE" in _text(download.content)
    again = client.post(_api(team, draft))
    assert again.status_code == 200 and again.json()["task_run_id"] is None


def test_crew_prints_from_the_pages(team: Team, draft: ScriptVersion, client_as: Any) -> None:
    client = client_as(team.user(Role.CREW))
    kwargs = {"production_id": team.production.pk, "script_version_id": draft.pk}
    scenes = client.get(reverse("scripts:version", kwargs=kwargs))
    assert reverse("scripts:sheets_start", kwargs=kwargs) in scenes.content.decode()
    started = client.post(reverse("scripts:sheets_start", kwargs=kwargs))
    assert started.status_code == 302
    progress = client.get(started["Location"])
    assert progress.status_code == 200
    pdf_url = reverse("scripts:version_pdf", kwargs=kwargs)
    assert pdf_url in progress.content.decode()
    assert "Done" in progress.content.decode()
    download = client.get(pdf_url)
    assert download["Content-Type"] == "application/pdf"
    listing = client.get(reverse("scripts:list", kwargs={"production_id": team.production.pk}))
    assert pdf_url in listing.content.decode()  # stored now: linked directly
    again = client.post(reverse("scripts:sheets_start", kwargs=kwargs))
    assert again["Location"] == pdf_url


def test_outsiders_get_404(
    team: Team, draft: ScriptVersion, token_client: Any, client_as: Any
) -> None:
    asked = _ask(team.producer, team, draft)
    assert asked.run is not None
    with pytest.raises(NotFound):
        _ask(team.outsider, team, draft)
    with pytest.raises(NotFound):
        breakdown_sheets_request(actor=team.outsider, production_id=team.other_production.pk,
                                 script_version_id=draft.pk)
    client = token_client(team.outsider)
    for response in (
        client.post(_api(team, draft)),
        client.get(_api(team, draft, ".pdf")),
        client.get(_api(team, draft, f"/tasks/{asked.run.pk}")),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    kwargs = {"production_id": team.production.pk, "script_version_id": draft.pk}
    page = client_as(team.outsider)
    assert page.post(reverse("scripts:sheets_start", kwargs=kwargs)).status_code == 404
    assert page.get(reverse("scripts:version_pdf", kwargs=kwargs)).status_code == 404
    progress = reverse("scripts:sheets", kwargs={**kwargs, "run_id": asked.run.pk})
    assert page.get(progress).status_code == 404


def test_a_run_of_another_kind_is_not_a_sheets_run(team: Team, draft: ScriptVersion) -> None:
    other = TaskRun.objects.create(production=team.production, kind="scripts.import",
                                   created_by=team.producer,
                                   result={"script_version_id": draft.pk})
    with pytest.raises(NotFound):
        breakdown_sheets_run_get(actor=team.producer, production_id=team.production.pk,
                                 script_version_id=draft.pk, run_id=other.pk)
