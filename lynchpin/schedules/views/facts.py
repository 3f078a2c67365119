"""Pages of the production facts: the facts form, performers, locations, moves, import.

Every form carries the version it was opened at (a stale save shows "changed by someone
else", 409, with the input kept); errors name the field (and the line of a list). Money
fields are on the forms of VIEW_MONEY roles only.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.core.access import require
from lynchpin.core.errors import ApplicationError, Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.productions.models import Membership
from lynchpin.schedules import selectors, services
from lynchpin.schedules.forms import (
    FactsForm,
    ImportForm,
    LocationForm,
    MoveForm,
    PerformerForm,
    VersionForm,
)
from lynchpin.schedules.views.common import Failure, context, form_failed, page
from lynchpin.web.decorators import production_page

__all__ = ["facts", "facts_import", "location_delete", "location_edit", "move_add",
           "move_delete", "performer_delete", "performer_edit"]


def _facts_page(request: HttpRequest, membership: Membership, *, form: FactsForm | None = None,
                import_form: ImportForm | None = None, move_form: MoveForm | None = None,
                status: int = 200, error: ApplicationError | None = None) -> HttpResponse:
    data = selectors.facts_get(actor=request.user, production_id=membership.production_id)
    money = data.money
    if form is None:
        form = FactsForm(initial=data.facts, money=money)
    return page(request, "facts.html", context(
        membership, data=data, form=form, import_form=import_form or ImportForm(),
        move_form=move_form or MoveForm(money=money), error=error), status)


def _back(membership: Membership) -> HttpResponse:
    return redirect("schedules:facts", production_id=membership.production_id)


@production_page
@require_http_methods(["GET", "POST"])
def facts(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The facts form (calendar, capacity, rules, costs) and the tables of the rest."""
    if request.method == "GET":
        return _facts_page(request, membership)
    require(membership, Capability.EDIT_SCHEDULE)
    data = selectors.facts_get(actor=request.user, production_id=membership.production_id)
    form = FactsForm(request.POST, money=data.money)
    if not form.is_valid():
        return _facts_page(request, membership, form=form, status=400)
    values = dict(form.cleaned_data)
    version = values.pop("version")
    try:
        services.facts_update(actor=request.user, production_id=membership.production_id,
                              expected_version=version, **values)
    except ApplicationError as error:
        return _facts_page(request, membership, form=form, status=form_failed(form, error))
    return _back(membership)


@production_page
@require_POST
def facts_import(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Replace the facts with a production file's."""
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _facts_page(request, membership, import_form=form, status=400)
    upload = form.cleaned_data["file"]
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        form.add_error("file", "The file is not UTF-8 text.")
        return _facts_page(request, membership, import_form=form, status=400)
    try:
        services.facts_import(actor=request.user, production_id=membership.production_id,
                              text=text, source=upload.name)
    except Failure as error:
        return _facts_page(request, membership, import_form=form,
                           status=form_failed(form, error))
    return _back(membership)


def _row_of(rows: tuple[dict[str, Any], ...], pk: int | None) -> dict[str, Any] | None:
    if pk is None:
        return None
    found = next((row for row in rows if row["id"] == pk), None)
    if found is None:
        raise NotFound("Not found.")
    return found


def _edit(request: HttpRequest, membership: Membership, pk: int | None, *, kind: str,
          form_class: Any, save: Any) -> HttpResponse:
    """The add/edit page of a performer or location (`kind`)."""
    data = selectors.facts_get(actor=request.user, production_id=membership.production_id)
    rows = data.performers if kind == "performer" else data.locations
    row = _row_of(rows, pk)
    if request.method == "GET":
        form = form_class(initial=row or {}, money=data.money)
        return page(request, f"{kind}.html", context(membership, form=form, row=row))
    require(membership, Capability.EDIT_SCHEDULE)
    form = form_class(request.POST, money=data.money)
    status = 400
    if form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        try:
            save(**values, expected_version=version)
            return _back(membership)
        except ApplicationError as error:
            status = form_failed(form, error)
    return page(request, f"{kind}.html", context(membership, form=form, row=row), status)


@production_page
@require_http_methods(["GET", "POST"])
def performer_edit(request: HttpRequest, membership: Membership,
                   performer_id: int | None = None) -> HttpResponse:
    """Add or change a performer."""
    def save(**values: Any) -> Any:
        return services.performer_facts_save(
            actor=request.user, production_id=membership.production_id,
            performer_id=performer_id, **values)

    return _edit(request, membership, performer_id, kind="performer",
                 form_class=PerformerForm, save=save)


@production_page
@require_http_methods(["GET", "POST"])
def location_edit(request: HttpRequest, membership: Membership,
                  location_id: int | None = None) -> HttpResponse:
    """Add or change a location."""
    def save(**values: Any) -> Any:
        return services.location_facts_save(
            actor=request.user, production_id=membership.production_id,
            location_id=location_id, **values)

    return _edit(request, membership, location_id, kind="location", form_class=LocationForm,
                 save=save)


def _delete(request: HttpRequest, membership: Membership, remove: Any) -> HttpResponse:
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("The form did not say which version it was made on.")
        remove(expected_version=form.cleaned_data["version"])
    except ApplicationError as error:
        return _facts_page(request, membership, status=error.status, error=error)
    return _back(membership)


@production_page
@require_POST
def performer_delete(request: HttpRequest, membership: Membership,
                     performer_id: int) -> HttpResponse:
    """Remove a performer's facts."""
    return _delete(request, membership, lambda **kw: services.performer_facts_delete(
        actor=request.user, production_id=membership.production_id, performer_id=performer_id,
        **kw))


@production_page
@require_POST
def location_delete(request: HttpRequest, membership: Membership,
                    location_id: int) -> HttpResponse:
    """Remove a location's facts."""
    return _delete(request, membership, lambda **kw: services.location_facts_delete(
        actor=request.user, production_id=membership.production_id, location_id=location_id,
        **kw))


@production_page
@require_POST
def move_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Add a company move."""
    data = selectors.facts_get(actor=request.user, production_id=membership.production_id)
    form = MoveForm(request.POST, money=data.money)
    if not form.is_valid():
        return _facts_page(request, membership, move_form=form, status=400)
    try:
        services.move_facts_save(actor=request.user, production_id=membership.production_id,
                                 **form.cleaned_data)
    except ApplicationError as error:
        return _facts_page(request, membership, move_form=form,
                           status=form_failed(form, error))
    return _back(membership)


@production_page
@require_POST
def move_delete(request: HttpRequest, membership: Membership, move_id: int) -> HttpResponse:
    """Remove a company move."""
    return _delete(request, membership, lambda **kw: services.move_facts_delete(
        actor=request.user, production_id=membership.production_id, move_id=move_id, **kw))
