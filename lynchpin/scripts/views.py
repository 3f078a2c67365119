"""Pages of the scripts app: drafts and upload, scene list, scene page with its breakdown,
breakdown sheets as PDF (a draft's in the background, with a progress page), revision review.

Each view parses the request, calls one service or selector and renders. Errors propagate
to lynchpin.web.middleware (404/403/409 pages), except on forms: an upload form shows its
errors (400, 409); a breakdown form re-renders the scene page with the message (400, 409).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from lynchpin.core.access import can, require
from lynchpin.core.errors import ApplicationError, Conflict, Invalid
from lynchpin.core.roles import Capability
from lynchpin.productions.models import Membership
from lynchpin.scripts import selectors, services
from lynchpin.scripts.forms import DecideForm, EditElementForm, ElementForm, UploadForm
from lynchpin.scripts.selectors import SheetFile
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

#: Scenes per page of the scene list (a feature has 100-250).
SCENES_PER_PAGE = 100


def _ctx(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"membership": membership, "production": membership.production, **extra}


def _list_page(
    request: HttpRequest, membership: Membership, form: UploadForm | None, status: int
) -> HttpResponse:
    production_id = membership.production_id
    if form is None and can(membership, Capability.UPLOAD_SCRIPT):
        colour = selectors.script_next_colour(actor=request.user, production_id=production_id)
        form = UploadForm(initial={"colour": colour})
    drafts = selectors.script_list(actor=request.user, production_id=production_id)
    current = next((d for d in drafts if d.status == "ready"), None)
    pending = next((d for d in drafts if d.status == "pending_review"), None)
    characters = selectors.character_list(actor=request.user, production_id=production_id)
    sheets_ready = current is not None and selectors.breakdown_sheets_ready(
        actor=request.user, production_id=production_id, script_version_id=current.pk
    )
    context = _ctx(
        membership, drafts=drafts, current=current, pending=pending, form=form,
        characters=characters, sheets_ready=sheets_ready,
    )
    return render(request, "scripts/list.html", context, status=status)


@production_page
@require_GET
def script_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The production's drafts, the current one's figures, and the upload form."""
    return _list_page(request, membership, None, 200)


@production_page
@require_POST
def script_upload(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Upload a draft; its import runs in the background and the next page follows it."""
    require(membership, Capability.UPLOAD_SCRIPT)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _list_page(request, membership, form, 400)
    upload = form.cleaned_data["file"]
    try:
        run = services.script_upload(
            actor=request.user, production_id=membership.production_id, file_name=upload.name,
            content=upload.read(), colour=form.cleaned_data["colour"],
            label=form.cleaned_data["label"],
        )
    except (Invalid, Conflict) as exc:
        add_error(form, exc)
        return _list_page(request, membership, form, exc.status)
    return redirect(
        "scripts:upload", production_id=membership.production_id,
        script_version_id=run.result["script_version_id"], run_id=run.pk,
    )


@production_page
@require_GET
def upload_progress(
    request: HttpRequest, membership: Membership, script_version_id: int, run_id: int
) -> HttpResponse:
    """Progress of a background import; goes on to the draft's scenes when it is done."""
    upload = selectors.upload_get(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id, run_id=run_id,
    )
    done_url = reverse(
        "scripts:version",
        kwargs={"production_id": membership.production_id, "script_version_id": script_version_id},
    )
    context = _ctx(membership, upload=upload, done_url=done_url)
    return render(request, "scripts/upload.html", context)


def _scenes_page(
    request: HttpRequest, membership: Membership, script_version_id: int | None
) -> HttpResponse:
    production_id = membership.production_id
    if script_version_id is None:
        version = selectors.script_current(actor=request.user, production_id=production_id)
    else:
        version = selectors.script_get(
            actor=request.user, production_id=production_id, script_version_id=script_version_id
        )
    scenes = selectors.scene_list(
        actor=request.user, production_id=production_id,
        script_version_id=version.pk if version else None,
    )
    page = Paginator(scenes, SCENES_PER_PAGE).get_page(request.GET.get("page"))
    sheets_ready = version is not None and selectors.breakdown_sheets_ready(
        actor=request.user, production_id=production_id, script_version_id=version.pk
    )
    context = _ctx(membership, version=version, page=page, sheets_ready=sheets_ready)
    return render(request, "scripts/scenes.html", context)


@production_page
@require_GET
def scene_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The current draft's scenes with length, page and breakdown counts."""
    return _scenes_page(request, membership, None)


@production_page
@require_GET
def version_scenes(
    request: HttpRequest, membership: Membership, script_version_id: int
) -> HttpResponse:
    """The scenes of one draft (current, waiting for review, superseded or failed)."""
    return _scenes_page(request, membership, script_version_id)


def _scene_page(
    request: HttpRequest,
    membership: Membership,
    scene_id: int,
    *,
    status: int = 200,
    error: ApplicationError | None = None,
    add_form: ElementForm | None = None,
) -> HttpResponse:
    detail = selectors.scene_get(
        actor=request.user, production_id=membership.production_id, scene_id=scene_id
    )
    context = _ctx(
        membership, detail=detail, scene=detail.scene, version=detail.version, error=error,
        add_form=add_form or ElementForm(),
    )
    return render(request, "scripts/scene.html", context, status=status)


@production_page
@require_GET
def scene_page(request: HttpRequest, membership: Membership, scene_id: int) -> HttpResponse:
    """A scene's text with its breakdown elements highlighted, and the breakdown forms."""
    return _scene_page(request, membership, scene_id)


def _back_to_scene(membership: Membership, scene_id: int, anchor: str = "") -> HttpResponse:
    url = reverse(
        "scripts:scene", kwargs={"production_id": membership.production_id, "scene_id": scene_id}
    )
    return redirect(f"{url}#{anchor}" if anchor else url)


def _scene_of_element(request: HttpRequest) -> int:
    """The scene id a breakdown form came from (its hidden `scene` field)."""
    try:
        return int(request.POST.get("scene", ""))
    except ValueError:
        raise Invalid("The form did not say which scene it came from.") from None


@production_page
@require_POST
def element_decide(
    request: HttpRequest, membership: Membership, scene_element_id: int
) -> HttpResponse:
    """Accept or reject one element; a stale decision shows the scene again with 409."""
    require(membership, Capability.EDIT_BREAKDOWN)
    scene_id = _scene_of_element(request)
    form = DecideForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("Choose accept or reject.", fields=form.errors)
        services.scene_element_decide(
            actor=request.user, production_id=membership.production_id,
            scene_element_id=scene_element_id, status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
        )
    except (Invalid, Conflict) as exc:
        return _scene_page(request, membership, scene_id, status=exc.status, error=exc)
    return _back_to_scene(membership, scene_id, f"element-{scene_element_id}")


@production_page
@require_POST
def element_add(request: HttpRequest, membership: Membership, scene_id: int) -> HttpResponse:
    """Add an element to the scene's breakdown (accepted)."""
    require(membership, Capability.EDIT_BREAKDOWN)
    form = ElementForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("Choose a category and name the element.", fields=form.errors)
        added = services.scene_element_add(
            actor=request.user, production_id=membership.production_id, scene_id=scene_id,
            **form.cleaned_data,
        )
    except (Invalid, Conflict) as exc:
        add_error(form, exc)
        return _scene_page(
            request, membership, scene_id, status=exc.status, error=exc, add_form=form
        )
    messages.success(request, f"{added.element.name} added.")
    return _back_to_scene(membership, scene_id, f"element-{added.pk}")


@production_page
@require_POST
def element_edit(
    request: HttpRequest, membership: Membership, scene_element_id: int
) -> HttpResponse:
    """Change an element's category or name (which accepts it)."""
    require(membership, Capability.EDIT_BREAKDOWN)
    scene_id = _scene_of_element(request)
    form = EditElementForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("Choose a category and name the element.", fields=form.errors)
        data = form.cleaned_data
        services.scene_element_edit(
            actor=request.user, production_id=membership.production_id,
            scene_element_id=scene_element_id, category=data["category"], name=data["name"],
            expected_version=data["version"],
        )
    except (Invalid, Conflict) as exc:
        return _scene_page(request, membership, scene_id, status=exc.status, error=exc)
    return _back_to_scene(membership, scene_id, f"element-{scene_element_id}")


def _pdf(sheet: SheetFile) -> HttpResponse:
    response = HttpResponse(sheet.content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{sheet.file_name}"'
    return response


@production_page
@require_GET
def version_pdf(
    request: HttpRequest, membership: Membership, script_version_id: int
) -> HttpResponse:
    """Breakdown sheets of every scene of a draft, as one PDF, once a sheets task stored
    them for the current breakdown; before that, back to the draft's scenes to print them."""
    sheet = selectors.breakdown_sheets_file(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id,
    )
    if sheet is None:
        messages.info(request, "The breakdown sheets of this breakdown are not printed yet.")
        return redirect(
            "scripts:version", production_id=membership.production_id,
            script_version_id=script_version_id,
        )
    return _pdf(sheet)


@production_page
@require_POST
def sheets_start(
    request: HttpRequest, membership: Membership, script_version_id: int
) -> HttpResponse:
    """Print a draft's breakdown sheets: the stored PDF when it is current, else a
    background task and its progress page. Every member who reads the script may ask."""
    asked = services.breakdown_sheets_request(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id,
    )
    if asked.run is None:
        return redirect(
            "scripts:version_pdf", production_id=membership.production_id,
            script_version_id=script_version_id,
        )
    return redirect(
        "scripts:sheets", production_id=membership.production_id,
        script_version_id=script_version_id, run_id=asked.run.pk,
    )


@production_page
@require_GET
def sheets_progress(
    request: HttpRequest, membership: Membership, script_version_id: int, run_id: int
) -> HttpResponse:
    """Progress of a sheets task (n of N scenes), then the download link."""
    sheets = selectors.breakdown_sheets_run_get(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id, run_id=run_id,
    )
    return render(request, "scripts/sheets.html", _ctx(membership, sheets=sheets))


@production_page
@require_GET
def scene_pdf(request: HttpRequest, membership: Membership, scene_id: int) -> HttpResponse:
    """The breakdown sheet of one scene, as PDF."""
    return _pdf(
        selectors.scene_sheet_pdf(
            actor=request.user, production_id=membership.production_id, scene_id=scene_id
        )
    )


@production_page
@require_GET
def review(request: HttpRequest, membership: Membership, script_version_id: int) -> HttpResponse:
    """A revised draft's report: scenes added, omitted and changed; decisions carried."""
    report = selectors.revision_report_get(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id,
    )
    return render(request, "scripts/review.html", _ctx(membership, report=report))


@production_page
@require_POST
def apply(request: HttpRequest, membership: Membership, script_version_id: int) -> HttpResponse:
    """Apply a revised draft: it becomes current."""
    version = services.script_revision_apply(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id,
    )
    messages.success(request, f"{version} is now the current draft.")
    return redirect("scripts:scenes", production_id=membership.production_id)


@production_page
@require_POST
def discard(request: HttpRequest, membership: Membership, script_version_id: int) -> HttpResponse:
    """Discard a revised draft waiting for review, or a failed import."""
    services.script_revision_discard(
        actor=request.user, production_id=membership.production_id,
        script_version_id=script_version_id,
    )
    messages.success(request, "Draft discarded.")
    return redirect("scripts:list", production_id=membership.production_id)
