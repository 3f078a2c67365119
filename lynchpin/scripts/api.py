"""API of scripts: drafts (list, get, upload, revision report, apply, discard), scenes and
their breakdown elements (decide, add, edit; 409 on a stale version), whole-draft breakdown
sheets (start a background task, follow it, download).

Mounted at /api/v1/productions/ (lynchpin.api.routers); every path starts with
``{production_id}/scripts/``. Each operation parses its input, calls ONE selector or service
and returns a schema; errors are raised and rendered by lynchpin.api.errors.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.core.errors import NotFound
from lynchpin.core.uploads import check_upload_size
from lynchpin.scripts import selectors, services

router = Router(tags=["scripts"])


class ScriptVersionOut(Schema):
    """A draft. `status`: importing, ready (current), failed, pending_review, superseded.
    `eighths` is the length in eighths of a page, `length` the same as "23 1/8"."""

    id: int
    label: str
    colour: str
    file_name: str
    format: str
    title: str
    pages: int
    eighths: int
    length: str
    confidence: float
    warnings: list[str]
    status: str
    error: str
    created: datetime
    applied: datetime | None
    base_id: int | None
    version: int


class SceneOut(Schema):
    """A scene of a draft. `omitted`: cut from this draft, kept as a numbered placeholder."""

    id: int
    order: int
    number: str
    script_number: str
    heading: str
    int_ext: str
    set_name: str
    time_of_day: str
    eighths: int
    length: str
    page: int
    omitted: bool
    suggested: int
    accepted: int


class CharacterOut(Schema):
    """A speaking character of a draft: scenes they speak in, dialogue blocks."""

    id: int
    name: str
    scene_count: int
    dialogue_blocks: int


class SpanOut(Schema):
    """Text that suggested an element: paragraph index in the scene, character offsets."""

    element: int
    start: int
    end: int
    text: str


class SceneElementOut(Schema):
    """A breakdown element of a scene; send `version` back to decide or edit it."""

    id: int
    category: int
    category_name: str
    name: str
    status: str
    origin: str
    spans: list[SpanOut]
    version: int

    @staticmethod
    def resolve_category(obj: Any) -> int:
        return int(obj.element.category)

    @staticmethod
    def resolve_category_name(obj: Any) -> str:
        return str(obj.element.info.name)

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.element.name)


class ParagraphOut(Schema):
    """A printed paragraph of the scene (paragraph 0 is the heading)."""

    type: str
    text: str


class SceneDetailOut(Schema):
    """A scene with its text and breakdown elements."""

    scene: SceneOut
    script_version_id: int
    paragraphs: list[ParagraphOut]
    elements: list[SceneElementOut]


class CarriedOut(Schema):
    """A breakdown decision the revision carried over (`found`: the new text still shows it)."""

    number: str
    category: int
    category_name: str
    name: str
    status: str
    found: bool


class SceneChangeOut(Schema):
    """One scene's fate in a revision, with the production numbers before and after."""

    status: str
    old_production_number: str
    new_production_number: str
    old_heading: str
    new_heading: str
    summary: str


class RevisionOut(Schema):
    """A revised draft's report against the draft that was current."""

    script_version_id: int
    base_id: int | None
    added: list[SceneChangeOut]
    omitted: list[SceneChangeOut]
    changed: list[SceneChangeOut]
    unchanged: int
    carried: list[CarriedOut]
    characters_added: list[str]
    characters_removed: list[str]
    warnings: list[str]


class DecisionIn(Schema):
    """accepted, rejected or suggested, and the element's `version` as read."""

    status: str
    version: int


class ElementIn(Schema):
    """A breakdown element: category (Universal Schedule Standard id 100..124) and name."""

    category: int
    name: str


class ElementEditIn(ElementIn):
    """A new category and name, and the element's `version` as read."""

    version: int


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


class SheetsTaskOut(Schema):
    """A whole-draft breakdown sheets request. `ready`: the PDF of the draft's current
    breakdown is stored (download it); else follow `task_run_id` until `finished`.
    `message` reads "Rendered n of N scenes" while it runs."""

    task_run_id: int | None
    status: str
    progress: int
    message: str
    finished: bool
    ready: bool
    result: dict[str, Any]


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
