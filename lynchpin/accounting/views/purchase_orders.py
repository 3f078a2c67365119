"""Purchase order pages: the list with the request form, approving and closing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.accounting import selectors, services
from lynchpin.accounting.forms import PoFilterForm, PoRequestForm
from lynchpin.accounting.views.common import context, require_money
from lynchpin.core.errors import Invalid
from lynchpin.engine.money import Money
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

__all__ = ["po_approve", "po_close", "purchase_orders"]


def _page(request: HttpRequest, membership: Membership, form: PoRequestForm | None,
          status: int) -> HttpResponse:
    filters = PoFilterForm(request.GET or None)
    state = filters.cleaned_data.get("state") if filters.is_valid() else None
    rows = selectors.po_list(actor=request.user, production_id=membership.production_id,
                             state=state or None)
    return render(request, "accounting/purchase_orders.html",
                  context(membership, rows=rows, form=form, filters=filters), status=status)


def _request_form(request: HttpRequest, membership: Membership,
                  data: Any = None) -> PoRequestForm:
    choices = selectors.form_choices(actor=request.user, production_id=membership.production_id)
    return PoRequestForm(data, accounts=choices.accounts, vendors=choices.vendors)


@production_page
@require_http_methods(["GET", "POST"])
def purchase_orders(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Purchase orders with their ledger status; POST requests a new one."""
    require_money(membership)
    if request.method == "GET":
        return _page(request, membership, _request_form(request, membership), 200)
    form = _request_form(request, membership, request.POST)
    if form.is_valid():
        try:
            po = services.po_request(actor=request.user, production_id=membership.production_id,
                                     **form.cleaned_data)
        except Invalid as exc:
            add_error(form, exc)
        else:
            messages.success(request, f"PO {po.number:04d} requested: someone else approves it.")
            return redirect("accounting:purchase_orders", production_id=membership.production_id)
    return _page(request, membership, form, 400)


@production_page
@require_POST
def po_approve(request: HttpRequest, membership: Membership, po_id: int) -> HttpResponse:
    """Approve a PO (posts its commitment); refusals come back as a message."""
    try:
        po = services.po_approve(actor=request.user, production_id=membership.production_id,
                                 po_id=po_id)
    except Invalid as exc:
        messages.error(request, exc.message)
    else:
        committed = Money(po.amount, po.currency)
        messages.success(request, f"PO {po.number:04d} approved: {committed} committed.")
    return redirect("accounting:purchase_orders", production_id=membership.production_id)


@production_page
@require_POST
def po_close(request: HttpRequest, membership: Membership, po_id: int) -> HttpResponse:
    """Close a PO (releases what is not invoiced); refusals come back as a message."""
    try:
        po = services.po_close(actor=request.user, production_id=membership.production_id,
                               po_id=po_id)
    except Invalid as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"PO {po.number:04d} closed.")
    return redirect("accounting:purchase_orders", production_id=membership.production_id)
