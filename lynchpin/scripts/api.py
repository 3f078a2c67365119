"""API of scripts: drafts (list, get, upload, revision report, apply, discard), scenes and
their breakdown elements (decide, add, edit; 409 on a stale version), whole-draft breakdown
sheets (start a background task, follow it, download).

Mounted at /api/v1/productions/ (lynchpin.api.routers); every path starts with
``{production_id}/scripts/``. Each operation parses its input, calls ONE selector or service
and returns a schema; errors are raised and rendered by lynchpin.api.errors.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Status, UploadedFile
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.core.errors import NotFound
from lynchpin.core.uploads import check_upload_size
from lynchpin.scripts import selectors, services
from lynchpin.scripts.schemas import (
    CharacterOut,
    DecisionIn,
    ElementEditIn,
    ElementIn,
    RevisionOut,
    SceneDetailOut,
    SceneElementOut,
    SceneOut,
    ScriptVersionOut,
    SheetsTaskOut,
)

router = Router(tags=["scripts"])


@router.get(
    "{production_id}/scripts/versions",
    response={200: list[ScriptVersionOut], **ERRORS},
    summary="Script drafts, newest first",
)
@paginate(LimitOffset)
def list_versions(request: HttpRequest, production_id: int) -> Any:
    return selectors.script_list(actor=request.auth, production_id=production_id)


@router.post(
    "{production_id}/scripts/versions",
    response={201: ScriptVersionOut, **ERRORS},
    summary="Upload a draft (multipart: file, colour, label); imported before the response",
    description=(
        "The first draft becomes current (status ready); a later one waits for review "
        "(pending_review) until applied. A file that is not a screenplay is a 400 naming the "
        "file and line, and nothing is saved."
    ),
)
def upload_version(
    request: HttpRequest,
    production_id: int,
    file: File[UploadedFile],
    colour: Form[str] = "white",
    label: Form[str] = "",
) -> Any:
    check_upload_size(int(file.size or 0))
    version = services.script_import(
        actor=request.auth, production_id=production_id, file_name=file.name or "script",
        content=file.read(), colour=colour, label=label,
    )
    return Status(201, version)


@router.get(
    "{production_id}/scripts/versions/{script_version_id}",
    response={200: ScriptVersionOut, **ERRORS},
    summary="A script draft",
)
def get_version(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    return selectors.script_get(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )


@router.get(
    "{production_id}/scripts/versions/{script_version_id}/scenes",
    response={200: list[SceneOut], **ERRORS},
    summary="Scenes of a draft, in order",
)
@paginate(LimitOffset)
def list_version_scenes(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    return selectors.scene_list(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )


@router.get(
    "{production_id}/scripts/versions/{script_version_id}/characters",
    response={200: list[CharacterOut], **ERRORS},
    summary="Speaking characters of a draft, most scenes first",
)
@paginate(LimitOffset)
def list_characters(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    return selectors.character_list(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )


@router.get(
    "{production_id}/scripts/versions/{script_version_id}/revision",
    response={200: RevisionOut, **ERRORS},
    summary="Revision report of a revised draft",
)
def get_revision(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    report = selectors.revision_report_get(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )
    return {
        "script_version_id": report.version.pk, "base_id": report.version.base_id,
        "added": report.added, "omitted": report.omitted, "changed": report.changed,
        "unchanged": report.unchanged, "carried": report.carried,
        "characters_added": report.characters_added,
        "characters_removed": report.characters_removed, "warnings": report.warnings,
    }


def _sheets_out(ready: bool, run: Any) -> dict[str, Any]:
    if run is None:
        return {"task_run_id": None, "status": "succeeded", "progress": 100, "message": "Ready",
                "finished": True, "ready": ready, "result": {}}
    return {"task_run_id": run.pk, "status": run.status, "progress": run.progress,
            "message": run.message, "finished": run.finished, "ready": ready,
            "result": run.result}


@router.post(
    "{production_id}/scripts/versions/{script_version_id}/sheets",
    response={200: SheetsTaskOut, 202: SheetsTaskOut, **ERRORS},
    summary="Print a draft's breakdown sheets (PDF, all scenes) in the background",
    description=(
        "200 with ready=true when the PDF of the current breakdown is stored; else 202 with "
        "the task run to follow (a run already under way for this breakdown is reused). "
        "Every member who reads the script may ask."
    ),
)
def start_sheets(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    asked = services.breakdown_sheets_request(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )
    return Status(200 if asked.run is None else 202, _sheets_out(asked.ready, asked.run))


@router.get(
    "{production_id}/scripts/versions/{script_version_id}/sheets/tasks/{run_id}",
    response={200: SheetsTaskOut, **ERRORS},
    summary="Progress of a breakdown sheets task",
    url_name="scripts_sheets_task",
)
def get_sheets_task(
    request: HttpRequest, production_id: int, script_version_id: int, run_id: int
) -> Any:
    sheets = selectors.breakdown_sheets_run_get(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id,
        run_id=run_id,
    )
    return _sheets_out(sheets.ready, sheets.run)


@router.get(
    "{production_id}/scripts/versions/{script_version_id}/sheets.pdf",
    response={200: None, **ERRORS},
    summary="Download a draft's breakdown sheets (PDF); 404 until a task printed them",
)
def download_sheets(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    sheet = selectors.breakdown_sheets_file(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )
    if sheet is None:
        raise NotFound("The breakdown sheets of the current breakdown are not printed yet.")
    response = HttpResponse(sheet.content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{sheet.file_name}"'
    return response


@router.post(
    "{production_id}/scripts/versions/{script_version_id}/apply",
    response={200: ScriptVersionOut, **ERRORS},
    summary="Apply a revised draft: it becomes current",
)
def apply_version(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    return services.script_revision_apply(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )


@router.post(
    "{production_id}/scripts/versions/{script_version_id}/discard",
    response={204: None, **ERRORS},
    summary="Discard a revised draft waiting for review, or a failed import",
)
def discard_version(request: HttpRequest, production_id: int, script_version_id: int) -> Any:
    services.script_revision_discard(
        actor=request.auth, production_id=production_id, script_version_id=script_version_id
    )
    return Status(204, None)


@router.get(
    "{production_id}/scripts/scenes",
    response={200: list[SceneOut], **ERRORS},
    summary="Scenes of the current draft, in order",
)
@paginate(LimitOffset)
def list_scenes(request: HttpRequest, production_id: int) -> Any:
    return selectors.scene_list(actor=request.auth, production_id=production_id)


@router.get(
    "{production_id}/scripts/scenes/{scene_id}",
    response={200: SceneDetailOut, **ERRORS},
    summary="A scene: text and breakdown elements",
)
def get_scene(request: HttpRequest, production_id: int, scene_id: int) -> Any:
    detail = selectors.scene_get(actor=request.auth, production_id=production_id, scene_id=scene_id)
    return {
        "scene": detail.scene,
        "script_version_id": detail.version.pk,
        "paragraphs": detail.scene.elements,
        "elements": [item for group in detail.groups for item in group.items],
    }


@router.post(
    "{production_id}/scripts/scenes/{scene_id}/elements",
    response={201: SceneElementOut, **ERRORS},
    summary="Add an element to a scene's breakdown (accepted)",
)
def add_element(
    request: HttpRequest, production_id: int, scene_id: int, payload: ElementIn
) -> Any:
    added = services.scene_element_add(
        actor=request.auth, production_id=production_id, scene_id=scene_id,
        category=payload.category, name=payload.name,
    )
    return Status(201, added)


@router.post(
    "{production_id}/scripts/elements/{scene_element_id}/decision",
    response={200: SceneElementOut, **ERRORS},
    summary="Accept or reject a breakdown element (409 when `version` is stale)",
)
def decide_element(
    request: HttpRequest, production_id: int, scene_element_id: int, payload: DecisionIn
) -> Any:
    return services.scene_element_decide(
        actor=request.auth, production_id=production_id, scene_element_id=scene_element_id,
        status=payload.status, expected_version=payload.version,
    )


@router.put(
    "{production_id}/scripts/elements/{scene_element_id}",
    response={200: SceneElementOut, **ERRORS},
    summary="Change a breakdown element's category or name (409 when `version` is stale)",
)
def edit_element(
    request: HttpRequest, production_id: int, scene_element_id: int, payload: ElementEditIn
) -> Any:
    return services.scene_element_edit(
        actor=request.auth, production_id=production_id, scene_element_id=scene_element_id,
        category=payload.category, name=payload.name, expected_version=payload.version,
    )
