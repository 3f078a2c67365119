"""Ledger pages: the list with filters, one entry with its postings, reversing it."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from lynchpin.accounting import selectors, services
from lynchpin.accounting.forms import LedgerFilterForm, ReverseForm
from lynchpin.accounting.views.common import context, flash_posted, require_money
from lynchpin.core.errors import Invalid
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

__all__ = ["entry_detail", "ledger"]

PAGE_SIZE = 50


@production_page
def ledger(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Every entry, newest first, 50 a page, with filters (kind, account, dates, search)."""
    require_money(membership)
    filters = LedgerFilterForm(request.GET or None)
    query = filters.cleaned_data if filters.is_valid() else {}
    rows = selectors.ledger_list(
        actor=request.user, production_id=membership.production_id,
        **{name: value for name, value in query.items() if value},
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "accounting/ledger.html",
                  context(membership, page=page, filters=filters, params=params.urlencode()))


@production_page
@require_http_methods(["GET", "POST"])
def entry_detail(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    """One entry: its fields, postings and warnings, and the form that reverses it."""
    require_money(membership)
    entry = selectors.entry_get(actor=request.user, production_id=membership.production_id,
                                entry_id=entry_id)
    form = ReverseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                row = services.entry_reverse(
                    actor=request.user, production_id=membership.production_id,
                    entry_id=entry_id, **form.cleaned_data)
            except Invalid as exc:
                add_error(form, exc)
            else:
                flash_posted(request, row, "Reversal")
                return redirect("accounting:entry", production_id=membership.production_id,
                                entry_id=row.pk)
        status = 400
    return render(request, "accounting/entry.html", context(membership, entry=entry, form=form),
                  status=status)
