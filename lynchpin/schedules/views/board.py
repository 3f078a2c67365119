"""Pages of schedule versions: the list, the stripboard and its actions, DOOD, downloads.

The stripboard works without JavaScript (a move form, day and banner forms); with it,
``static/schedules/board.js`` moves strips by drag and drop or keyboard through the API and
redraws the day totals, the conflicts and (money roles) the cost and budget effect. Errors of
an action show on the board with their status (400, 409).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from lynchpin.core.errors import ApplicationError, Invalid
from lynchpin.productions.models import Membership
from lynchpin.schedules import selectors, services
from lynchpin.schedules.forms import (
    BannerForm,
    CopyForm,
    CreateForm,
    MoveStripForm,
    OptimiseForm,
    VersionForm,
)
from lynchpin.schedules.views.common import Failure, context, form_failed, page, to_board
from lynchpin.web.decorators import production_page

__all__ = [
    "banner_add",
    "banner_remove",
    "board",
    "day_add",
    "day_remove",
    "dood",
    "download",
    "schedule_copy",
    "schedule_create",
    "schedule_delete",
    "schedule_list",
    "schedule_lock",
    "schedule_unlock",
    "strip_move",
]


def _list_page(request: HttpRequest, membership: Membership, form: CreateForm | None,
               status: int = 200) -> HttpResponse:
    versions = selectors.schedule_list(actor=request.user,
                                       production_id=membership.production_id)
    return page(request, "list.html", context(membership, versions=versions,
                                              form=form or CreateForm()), status)


@production_page
@require_GET
def schedule_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The production's schedule versions and the form to make one."""
    return _list_page(request, membership, None)


@production_page
@require_POST
def schedule_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Make a version of the current draft (a first plan, or all in the boneyard)."""
    form = CreateForm(request.POST)
    if not form.is_valid():
        return _list_page(request, membership, form, 400)
    try:
        version = services.schedule_create(
            actor=request.user, production_id=membership.production_id,
            name=form.cleaned_data["name"], mode=form.cleaned_data["mode"])
    except Failure as error:
        return _list_page(request, membership, form, form_failed(form, error))
    return to_board(membership, version.pk)


def move_choices(data: selectors.BoardPage) -> dict[str, Any]:
    """The strip and day choices of the move form."""
    board = data.board
    strips = [s for day in board.days for s in day.strips] + list(board.boneyard)
    return {"strips": tuple((s.row_id, f"{s.strip} {s.int_ext} {s.set_name}") for s in strips),
            "days": tuple((d.row_id, f"Day {d.number} ({d.date:%a %d %b})") for d in board.days)}


def board_page(request: HttpRequest, membership: Membership, schedule_id: int, *,
               status: int = 200, error: ApplicationError | None = None,
               move_form: MoveStripForm | None = None) -> HttpResponse:
    """The stripboard of a version with its forms; `error` shown above it."""
    data = selectors.board_get(actor=request.user, production_id=membership.production_id,
                               schedule_id=schedule_id)
    version = data.version
    initial = {"version": version.version}
    if move_form is None:
        move_form = MoveStripForm(initial={**initial, "position": 1}, **move_choices(data))
    return page(request, "board.html", context(
        membership, data=data, version=version, board=data.board, error=error,
        move_form=move_form,
        version_form=VersionForm(initial=initial), banner_form=BannerForm(initial=initial),
        copy_form=CopyForm(initial={"name": f"{version.name} (copy)"}),
        optimise_form=OptimiseForm(), downloads=list(selectors.DOCUMENTS)), status)


@production_page
@require_GET
def board(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """The stripboard: days, strips in colour, totals, banners, boneyard, conflicts."""
    return board_page(request, membership, schedule_id)


def _version(request: HttpRequest) -> int:
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise Invalid("The form did not say which version of the schedule it was made on.")
    return int(form.cleaned_data["version"])


def _act(request: HttpRequest, membership: Membership, schedule_id: int, action: Any,
         anchor: str = "") -> HttpResponse:
    """Run `action()`; back to the board, or the board with the error."""
    try:
        action()
    except ApplicationError as error:
        return board_page(request, membership, schedule_id, status=error.status, error=error)
    return to_board(membership, schedule_id, anchor)


@production_page
@require_POST
def strip_move(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """Move a strip without JavaScript (position counts from 1 here)."""
    data = selectors.board_get(actor=request.user, production_id=membership.production_id,
                               schedule_id=schedule_id)
    form = MoveStripForm(request.POST, **move_choices(data))
    if not form.is_valid():
        return board_page(request, membership, schedule_id, status=400, move_form=form)
    data = form.cleaned_data
    try:
        services.strip_move(actor=request.user, production_id=membership.production_id,
                            strip_id=data["strip"], day_id=data["day"],
                            position=data["position"] - 1, expected_version=data["version"])
    except ApplicationError as error:
        form_failed(form, error)
        return board_page(request, membership, schedule_id, status=error.status, error=error,
                          move_form=form)
    return to_board(membership, schedule_id, f"strip-{data['strip']}")


@production_page
@require_POST
def day_add(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """Add a shoot day on the next work day."""
    return _act(request, membership, schedule_id, lambda: services.shoot_day_add(
        actor=request.user, production_id=membership.production_id, schedule_id=schedule_id,
        expected_version=_version(request)))


@production_page
@require_POST
def day_remove(request: HttpRequest, membership: Membership, schedule_id: int,
               day_id: int) -> HttpResponse:
    """Remove a shoot day; its strips go to the boneyard."""
    return _act(request, membership, schedule_id, lambda: services.shoot_day_remove(
        actor=request.user, production_id=membership.production_id, day_id=day_id,
        expected_version=_version(request)))


@production_page
@require_POST
def banner_add(request: HttpRequest, membership: Membership, schedule_id: int,
               day_id: int) -> HttpResponse:
    """Add a banner before a day."""
    return _act(request, membership, schedule_id, lambda: services.banner_add(
        actor=request.user, production_id=membership.production_id, day_id=day_id,
        text=request.POST.get("text", ""), expected_version=_version(request)),
        f"day-{day_id}")


@production_page
@require_POST
def banner_remove(request: HttpRequest, membership: Membership, schedule_id: int,
                  banner_id: int) -> HttpResponse:
    """Remove a banner."""
    return _act(request, membership, schedule_id, lambda: services.banner_remove(
        actor=request.user, production_id=membership.production_id, banner_id=banner_id,
        expected_version=_version(request)))


@production_page
@require_POST
def schedule_copy(request: HttpRequest, membership: Membership,
                  schedule_id: int) -> HttpResponse:
    """Copy the version under a new name and open the copy."""
    form = CopyForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("Name the copy.", fields=form.errors)
        copy = services.schedule_copy(actor=request.user, production_id=membership.production_id,
                                      schedule_id=schedule_id, name=form.cleaned_data["name"])
    except ApplicationError as error:
        return board_page(request, membership, schedule_id, status=error.status, error=error)
    return to_board(membership, copy.pk)


@production_page
@require_POST
def schedule_lock(request: HttpRequest, membership: Membership,
                  schedule_id: int) -> HttpResponse:
    """Lock the version."""
    return _act(request, membership, schedule_id, lambda: services.schedule_lock(
        actor=request.user, production_id=membership.production_id, schedule_id=schedule_id,
        expected_version=_version(request)))


@production_page
@require_POST
def schedule_unlock(request: HttpRequest, membership: Membership,
                    schedule_id: int) -> HttpResponse:
    """Unlock the version (producer, PM)."""
    return _act(request, membership, schedule_id, lambda: services.schedule_unlock(
        actor=request.user, production_id=membership.production_id, schedule_id=schedule_id,
        expected_version=_version(request)))


@production_page
@require_POST
def schedule_delete(request: HttpRequest, membership: Membership,
                    schedule_id: int) -> HttpResponse:
    """Delete an unlocked version; back to the list."""
    try:
        services.schedule_delete(actor=request.user, production_id=membership.production_id,
                                 schedule_id=schedule_id, expected_version=_version(request))
    except ApplicationError as error:
        return board_page(request, membership, schedule_id, status=error.status, error=error)
    return redirect("schedules:list", production_id=membership.production_id)


@production_page
@require_GET
def dood(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """The day out of days of a version."""
    version, table = selectors.dood_get(actor=request.user,
                                        production_id=membership.production_id,
                                        schedule_id=schedule_id)
    return page(request, "dood.html", context(membership, version=version, dood=table))


@production_page
@require_GET
def download(request: HttpRequest, membership: Membership, schedule_id: int,
             kind: str) -> HttpResponse:
    """A PDF, workbook or calendar file of the version."""
    document = selectors.schedule_document(actor=request.user,
                                           production_id=membership.production_id,
                                           schedule_id=schedule_id, kind=kind)
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.file_name}"'
    return response
