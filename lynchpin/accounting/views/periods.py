"""Pages of accounting periods (add, close) and bank statement lines (import, list)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.accounting import selectors, services
from lynchpin.accounting.forms import BankImportForm, PeriodForm
from lynchpin.accounting.views.common import context, require_money
from lynchpin.core.errors import Invalid
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

__all__ = ["bank", "period_close", "periods"]

PAGE_SIZE = 50


@production_page
@require_http_methods(["GET", "POST"])
def periods(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Accounting periods, latest first; POST adds the next one."""
    require_money(membership)
    pid = membership.production_id
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            period = services.period_create(actor=request.user, production_id=pid,
                                            **form.cleaned_data)
        except Invalid as exc:
            add_error(form, exc)
        else:
            messages.success(request, f"Period {period} added.")
            return redirect("accounting:periods", production_id=pid)
    rows = selectors.period_list(actor=request.user, production_id=pid)
    return render(request, "accounting/periods.html", context(membership, form=form, rows=rows),
                  status=400 if request.method == "POST" else 200)


@production_page
@require_POST
def period_close(request: HttpRequest, membership: Membership, period_id: int) -> HttpResponse:
    """Close a period and every earlier one (final: periods never reopen)."""
    period = services.period_close(actor=request.user, production_id=membership.production_id,
                                   period_id=period_id)
    messages.success(request, f"Closed through {period.end_date:%d %b %Y}.")
    return redirect("accounting:periods", production_id=membership.production_id)


@production_page
@require_http_methods(["GET", "POST"])
def bank(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Imported bank and card lines, and the CSV import form (lines already imported are
    skipped, so importing a file twice adds nothing)."""
    require_money(membership)
    pid = membership.production_id
    form = BankImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.bank_csv_import(actor=request.user, production_id=pid,
                                             file_name=upload.name, content=upload.read())
        except Invalid as exc:
            add_error(form, exc)
        else:
            messages.success(request, f"{batch.file_name}: {batch.lines_added} new line(s) of "
                                      f"{batch.lines_read}.")
            return redirect("accounting:bank", production_id=pid)
    rows = selectors.bank_line_list(actor=request.user, production_id=pid)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    imports = selectors.bank_import_list(actor=request.user, production_id=pid)[:10]
    return render(request, "accounting/bank.html",
                  context(membership, form=form, page=page, imports=imports),
                  status=400 if request.method == "POST" else 200)
