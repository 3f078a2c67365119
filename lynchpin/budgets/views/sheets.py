"""Pages of one version's figures: the top sheet and an account's detail lines.

Lines are edited in place: each row is a form carrying the line's version. With JavaScript
(static/budgets/lines.js) a save calls the API and updates the totals on the page; a stale
version shows "changed by someone else, reload". Without it the form posts here and the page
reloads (a stale edit is shown with status 409).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from lynchpin.budgets import selectors, services
from lynchpin.budgets.forms import LineForm, VersionForm
from lynchpin.budgets.views.common import context, form_failed, page
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.engine.budgeting.units import default_units
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page

__all__ = ["account", "line_add", "line_delete", "line_edit", "topsheet"]


@production_page
@require_GET
def topsheet(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """Levels, categories and accounts with totals; fringes, charges, grand total, problems."""
    sheet = selectors.budget_topsheet(actor=request.user, production_id=membership.production_id,
                                      budget_id=budget_id)
    return page(request, "topsheet.html", context(membership, sheet.version, sheet=sheet))


def _account_page(request: HttpRequest, membership: Membership, budget_id: int,
                  account_id: int, *, failed: tuple[int | None, LineForm] | None = None,
                  status: int = 200) -> HttpResponse:
    detail = selectors.budget_account_detail(
        actor=request.user, production_id=membership.production_id, budget_id=budget_id,
        account_id=account_id)
    failed_id, failed_form = failed if failed is not None else (None, None)
    add_form = failed_form if failed is not None and failed_id is None else LineForm()
    units = sorted({unit.name for unit in default_units()})
    data = context(membership, detail.version, detail=detail, add_form=add_form,
                   failed_id=failed_id, failed_form=failed_form, units=units,
                   grand=_grand_total(request, membership, budget_id))
    return page(request, "account.html", data, status)


def _grand_total(request: HttpRequest, membership: Membership, budget_id: int) -> Any:
    return selectors.budget_topsheet(actor=request.user, production_id=membership.production_id,
                                     budget_id=budget_id).grand_total


@production_page
@require_GET
def account(request: HttpRequest, membership: Membership, budget_id: int,
            account_id: int) -> HttpResponse:
    """An account's detail lines, editable in place by EDIT_BUDGET roles."""
    return _account_page(request, membership, budget_id, account_id)


def _back(membership: Membership, budget_id: int, account_id: int, anchor: str = "") -> str:
    url = reverse("budgets:account", kwargs={"production_id": membership.production_id,
                                             "budget_id": budget_id, "account_id": account_id})
    return f"{url}#{anchor}" if anchor else url


@production_page
@require_POST
def line_add(request: HttpRequest, membership: Membership, budget_id: int,
             account_id: int) -> HttpResponse:
    """Add a line to the account (last, or after `after_line_id`)."""
    form = LineForm(request.POST)
    if form.is_valid():
        try:
            result = services.budget_line_add(
                actor=request.user, production_id=membership.production_id,
                budget_id=budget_id, account_id=account_id,
                after_line_id=form.cleaned_data.get("after_line_id"), **form.line_fields())
        except (Invalid, Conflict) as error:
            status = form_failed(form, error)
        else:
            return redirect(_back(membership, budget_id, account_id,
                                  f"line-{result.line.row.pk}"))
    else:
        status = 400
    return _account_page(request, membership, budget_id, account_id, failed=(None, form),
                         status=status)


@production_page
@require_POST
def line_edit(request: HttpRequest, membership: Membership, budget_id: int,
              line_id: int) -> HttpResponse:
    """Save a line's cells (the form without JavaScript); 409 when it changed meanwhile."""
    form = LineForm(request.POST)
    account_id = int(request.POST.get("account_id", "0") or 0)
    if form.is_valid() and form.cleaned_data.get("version"):
        try:
            result = services.budget_line_update(
                actor=request.user, production_id=membership.production_id,
                budget_id=budget_id, line_id=line_id,
                expected_version=form.cleaned_data["version"], **form.line_fields())
        except (Invalid, Conflict) as error:
            status = form_failed(form, error)
        else:
            messages.success(request, "Line saved.")
            return redirect(_back(membership, budget_id, result.line.row.account_id,
                                  f"line-{line_id}"))
    else:
        status = 400
    return _account_page(request, membership, budget_id, account_id, failed=(line_id, form),
                         status=status)


@production_page
@require_POST
def line_delete(request: HttpRequest, membership: Membership, budget_id: int,
                line_id: int) -> HttpResponse:
    """Delete a line read at the posted version (409 page when stale)."""
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise Invalid("The form is missing the version you read; reload the page.")
    account_id = int(request.POST.get("account_id", "0") or 0)
    services.budget_line_delete(actor=request.user, production_id=membership.production_id,
                                budget_id=budget_id, line_id=line_id,
                                expected_version=form.cleaned_data["version"])
    messages.success(request, "Line deleted.")
    return redirect(_back(membership, budget_id, account_id))
