"""Posting pages: invoices, petty cash (floats and envelopes of receipts), journal entries.

Each page lists the recent entries of its kind and shows its form; a refused posting is
shown on the form (400) with every violation, and nothing is posted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from lynchpin.accounting import selectors, services
from lynchpin.accounting.forms import (
    EnvelopeForm,
    FloatForm,
    InvoiceForm,
    JournalForm,
    JournalLineFormSet,
    ReceiptFormSet,
)
from lynchpin.accounting.models import LedgerEntry
from lynchpin.accounting.views.common import context, flash_posted, require_money
from lynchpin.core.errors import Invalid
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

__all__ = ["invoices", "journal", "petty_cash"]

PAGE_SIZE = 25


def _recent(request: HttpRequest, membership: Membership, kind: str) -> Any:
    rows = selectors.ledger_list(actor=request.user, production_id=membership.production_id,
                                 kind=kind)
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _post(request: HttpRequest, form: Any, what: str,
          action: Callable[[], LedgerEntry]) -> LedgerEntry | None:
    """Run a posting service; show a refusal on `form` (None then)."""
    try:
        row = action()
    except Invalid as exc:
        add_error(form, exc)
        return None
    flash_posted(request, row, what)
    return row


@production_page
@require_http_methods(["GET", "POST"])
def invoices(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Recent invoices and the form to post one (against a purchase order or not)."""
    require_money(membership)
    pid = membership.production_id
    choices = selectors.form_choices(actor=request.user, production_id=pid)
    form = InvoiceForm(request.POST or None, accounts=choices.accounts, vendors=choices.vendors,
                       purchase_orders=choices.purchase_orders)
    if request.method == "POST" and form.is_valid():
        def action() -> LedgerEntry:
            return services.invoice_post(actor=request.user, production_id=pid,
                                         **form.cleaned_data)

        if _post(request, form, "Invoice", action):
            return redirect("accounting:invoices", production_id=pid)
    page = _recent(request, membership, LedgerEntry.Kind.INVOICE)
    return render(request, "accounting/invoices.html",
                  context(membership, form=form, page=page, choices=choices),
                  status=400 if request.method == "POST" else 200)


def _petty_forms(request: HttpRequest, choices: Any) -> tuple[FloatForm, EnvelopeForm, Any]:
    which = request.POST.get("action") if request.method == "POST" else None
    data = request.POST if which else None
    float_form = FloatForm(data if which == "float" else None, prefix="float")
    envelope = EnvelopeForm(data if which == "envelope" else None, floats=choices.floats,
                            prefix="envelope")
    receipts = ReceiptFormSet(data if which == "envelope" else None, prefix="receipts",
                              form_kwargs={"accounts": choices.accounts})
    return float_form, envelope, receipts


def _petty_post(request: HttpRequest, pid: int, forms: tuple[Any, ...]) -> LedgerEntry | None:
    float_form, envelope, receipts = forms
    if float_form.is_bound and float_form.is_valid():
        return _post(request, float_form, "Float", lambda: services.petty_cash_float_post(
            actor=request.user, production_id=pid, **float_form.cleaned_data))
    if envelope.is_bound and envelope.is_valid() & receipts.is_valid():
        return _post(request, envelope, "Envelope", lambda: services.petty_cash_post(
            actor=request.user, production_id=pid, receipts=receipts.rows(),
            **envelope.cleaned_data))
    return None


@production_page
@require_http_methods(["GET", "POST"])
def petty_cash(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Floats with the cash still out; forms to advance a float and to post an envelope of
    receipts against one (``action`` = float | envelope)."""
    require_money(membership)
    pid = membership.production_id
    choices = selectors.form_choices(actor=request.user, production_id=pid)
    forms = _petty_forms(request, choices)
    if request.method == "POST" and _petty_post(request, pid, forms):
        return redirect("accounting:petty_cash", production_id=pid)
    float_form, envelope, receipts = forms
    floats = selectors.float_list(actor=request.user, production_id=pid)
    return render(request, "accounting/petty_cash.html",
                  context(membership, float_form=float_form, envelope=envelope,
                          receipts=receipts, floats=floats, choices=choices),
                  status=400 if request.method == "POST" else 200)


@production_page
@require_http_methods(["GET", "POST"])
def journal(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Recent journal entries and the form to post one (lines of any sign)."""
    require_money(membership)
    pid = membership.production_id
    choices = selectors.form_choices(actor=request.user, production_id=pid)
    data = request.POST if request.method == "POST" else None
    form = JournalForm(data)
    lines = JournalLineFormSet(data, prefix="lines", form_kwargs={"accounts": choices.accounts})
    if data is not None and form.is_valid() & lines.is_valid():
        def action() -> LedgerEntry:
            return services.journal_post(actor=request.user, production_id=pid,
                                         lines=lines.rows(), **form.cleaned_data)

        if _post(request, form, "Journal entry", action):
            return redirect("accounting:journal", production_id=pid)
    page = _recent(request, membership, LedgerEntry.Kind.JOURNAL)
    return render(request, "accounting/journal.html",
                  context(membership, form=form, lines=lines, page=page, choices=choices),
                  status=400 if data is not None else 200)
