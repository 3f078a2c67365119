"""Pages of a version's globals and fringes, and re-pricing from the schedule.

Globals and fringes: a table with one edit form per row and an add form; a stale row is
shown with status 409. Re-pricing: a form of schedule values (the keys the fed globals
follow, prefilled with their current values); "Preview" lists every line that would change;
"Apply" applies exactly that, refused (409) if the budget changed since the preview.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.budgets import selectors, services
from lynchpin.budgets.forms import FringeForm, GlobalForm, RepriceForm, VersionForm
from lynchpin.budgets.views.common import context, form_failed, page
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.engine.budgeting.model import FlatPer
from lynchpin.engine.money import Money
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page

__all__ = ["fringe_delete", "fringes", "global_delete", "globals_page", "reprice"]


def _posted_version(request: HttpRequest) -> int:
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise Invalid("The form is missing the version you read; reload the page.")
    return int(form.cleaned_data["version"])


@production_page
@require_http_methods(["GET", "POST"])
def globals_page(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """The version's globals with their values; add or change one (POST)."""
    pid = membership.production_id
    form, failed, status = GlobalForm(), None, 200
    if request.method == "POST":
        posted = GlobalForm(request.POST)
        if posted.is_valid():
            data = dict(posted.cleaned_data)
            try:
                services.global_set(actor=request.user, production_id=pid, budget_id=budget_id,
                                    expected_version=data.pop("version"), **data)
            except (Invalid, Conflict) as error:
                status = form_failed(posted, error)
            else:
                messages.success(request, f"Global {data['name']} saved.")
                return redirect("budgets:globals", production_id=pid, budget_id=budget_id)
        else:
            status = 400
        form, failed = (posted, None) if not posted.data.get("version") else (GlobalForm(),
                                                                               posted)
    rows = selectors.budget_globals(actor=request.user, production_id=pid, budget_id=budget_id)
    version = selectors.budget_get(actor=request.user, production_id=pid, budget_id=budget_id)
    return page(request, "globals.html",
                context(membership, version, rows=rows, form=form, failed=failed), status)


@production_page
@require_POST
def global_delete(request: HttpRequest, membership: Membership, budget_id: int,
                  global_id: int) -> HttpResponse:
    """Delete a global no line uses (else the error page names the users)."""
    services.global_delete(actor=request.user, production_id=membership.production_id,
                           budget_id=budget_id, global_id=global_id,
                           expected_version=_posted_version(request))
    messages.success(request, "Global deleted.")
    return redirect("budgets:globals", production_id=membership.production_id,
                    budget_id=budget_id)


@production_page
@require_http_methods(["GET", "POST"])
def fringes(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """The version's fringes with their totals; add or change one (POST)."""
    pid = membership.production_id
    form, failed, status = FringeForm(initial={"uses_ytd": True}), None, 200
    if request.method == "POST":
        posted = FringeForm(request.POST)
        if posted.is_valid():
            data = dict(posted.cleaned_data)
            try:
                services.fringe_set(actor=request.user, production_id=pid, budget_id=budget_id,
                                    expected_version=data.pop("version"), **data)
            except (Invalid, Conflict) as error:
                status = form_failed(posted, error)
            else:
                messages.success(request, f"Fringe {data['code']} saved.")
                return redirect("budgets:fringes", production_id=pid, budget_id=budget_id)
        else:
            status = 400
        form, failed = (posted, None) if not posted.data.get("version") else (form, posted)
    rows = selectors.budget_fringes(actor=request.user, production_id=pid, budget_id=budget_id)
    version = selectors.budget_get(actor=request.user, production_id=pid, budget_id=budget_id)
    return page(request, "fringes.html",
                context(membership, version, rows=rows, form=form, failed=failed,
                        pers=[per.value for per in FlatPer]), status)


@production_page
@require_POST
def fringe_delete(request: HttpRequest, membership: Membership, budget_id: int,
                  fringe_id: int) -> HttpResponse:
    """Delete a fringe no line carries."""
    services.fringe_delete(actor=request.user, production_id=membership.production_id,
                           budget_id=budget_id, fringe_id=fringe_id,
                           expected_version=_posted_version(request))
    messages.success(request, "Fringe deleted.")
    return redirect("budgets:fringes", production_id=membership.production_id,
                    budget_id=budget_id)


def _fed(rows: list[selectors.GlobalValue]) -> tuple[tuple[str, ...], dict[str, Any]]:
    """Feed keys of the fed globals and their current values (the form's initial data)."""
    keys: dict[str, Decimal | None] = {}
    for item in rows:
        if item.row.schedule_fed:
            keys.setdefault(item.row.feed_key, item.value)
    return tuple(keys), {f"feed_{key}": value for key, value in keys.items()}


@production_page
@require_http_methods(["GET", "POST"])
def reprice(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """Schedule values -> preview of every change -> apply (POST with ``apply``)."""
    pid = membership.production_id
    rows = selectors.budget_globals(actor=request.user, production_id=pid, budget_id=budget_id)
    keys, initial = _fed(rows)
    form = RepriceForm(request.POST or None, keys=keys, initial=initial)
    result, status = None, 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            try:
                result = _preview_or_apply(request, pid, budget_id, form)
            except (Invalid, Conflict) as error:
                status = form_failed(form, error)
            else:
                if "apply" in request.POST and form.cleaned_data["revision"]:
                    messages.success(request, f"Re-priced: {len(result.preview.lines)} "
                                              "line(s) changed.")
                    return redirect("budgets:topsheet", production_id=pid, budget_id=budget_id)
    version = selectors.budget_get(actor=request.user, production_id=pid, budget_id=budget_id)
    data = context(membership, version, form=form, result=result, keys=keys)
    if result is not None:
        data.update(_printed_preview(result), feed=sorted(form.feed().items()))
    return page(request, "reprice.html", data, status)


def _printed_preview(result: services.RepriceResult) -> dict[str, Any]:
    """The preview's money rounded for the page (once, half-up to the minor unit)."""
    currency = result.version.currency

    def printed(amount: Decimal) -> Decimal:
        return Money(amount, currency).rounded().amount

    preview = result.preview
    lines = [{"account": c.account, "description": c.description,
              "old": printed(c.old_total), "new": printed(c.new_total)} for c in preview.lines]
    return {"lines": lines, "old_grand": printed(preview.old_grand_total),
            "new_grand": printed(preview.new_grand_total)}


def _preview_or_apply(request: HttpRequest, pid: int, budget_id: int,
                      form: RepriceForm) -> services.RepriceResult:
    if "apply" in request.POST and form.cleaned_data["revision"]:
        return services.budget_reprice_from_schedule(
            actor=request.user, production_id=pid, budget_id=budget_id, feed=form.feed(),
            expected_revision=form.cleaned_data["revision"] or None)
    return services.budget_reprice_preview(actor=request.user, production_id=pid,
                                           budget_id=budget_id, feed=form.feed())
