"""Pages of budget versions: the list (create from a template, import), copy, lock, delete,
compare, and the PDF / XLSX / CSV downloads."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from lynchpin.budgets import selectors, services
from lynchpin.budgets.forms import CopyForm, CreateForm, ImportForm, VersionForm
from lynchpin.budgets.views.common import EXPORT_FORMATS, context, form_failed, page
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.documents.budget_csv import render_budget_csv
from lynchpin.documents.budget_xlsx import render_budget_xlsx
from lynchpin.documents.budget_xlsx_read import read_budget_xlsx
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.errors import DomainError, InputError
from lynchpin.engine.money import Money
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page

__all__ = ["budget_copy", "budget_create", "budget_delete", "budget_import", "budget_list",
           "budget_lock", "compare", "export"]


def _list(request: HttpRequest, membership: Membership, *, create: CreateForm | None = None,
          upload: ImportForm | None = None, status: int = 200) -> HttpResponse:
    versions = selectors.budget_list(actor=request.user, production_id=membership.production_id)
    data = context(membership, versions=versions, create_form=create or CreateForm(),
                   import_form=upload or ImportForm())
    return page(request, "list.html", data, status)


@production_page
@require_GET
def budget_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The production's budget versions, with forms to create or import one."""
    return _list(request, membership)


@production_page
@require_POST
def budget_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Create a version from a chart-of-accounts template."""
    form = CreateForm(request.POST)
    if form.is_valid():
        try:
            version = services.budget_create_from_template(
                actor=request.user, production_id=membership.production_id,
                **form.cleaned_data)
        except Invalid as error:
            return _list(request, membership, create=form, status=form_failed(form, error))
        messages.success(request, f"Budget \u201c{version.name}\u201d created.")
        return redirect("budgets:topsheet", production_id=membership.production_id,
                        budget_id=version.pk)
    return _list(request, membership, create=form, status=400)


def _read_upload(upload: Any) -> Budget:
    """The engine budget in an uploaded TOML file or Lynchpin workbook (InputError else)."""
    data = upload.read()
    if upload.name.lower().endswith(".xlsx"):
        return read_budget_xlsx(data, source=upload.name)
    try:
        return read_budget(data.decode("utf-8-sig"), source=upload.name)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text; a TOML budget is UTF-8", source=upload.name,
                         field="file") from None


@production_page
@require_POST
def budget_import(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Create a version from an uploaded TOML budget or exported workbook."""
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _list(request, membership, upload=form, status=400)
    try:
        budget = _read_upload(form.cleaned_data["file"])
        version = services.budget_import(actor=request.user,
                                         production_id=membership.production_id,
                                         name=form.cleaned_data["name"], budget=budget)
    except (Invalid, DomainError) as error:
        return _list(request, membership, upload=form, status=form_failed(form, error))
    messages.success(request, f"Budget \u201c{version.name}\u201d imported.")
    return redirect("budgets:topsheet", production_id=membership.production_id,
                    budget_id=version.pk)


@production_page
@require_POST
def budget_copy(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """Copy a version (e.g. the locked original) to a new one."""
    form = CopyForm(request.POST)
    if not form.is_valid():
        raise Invalid("Give the copy a name.", fields=form.errors)
    version = services.budget_version_copy(actor=request.user,
                                           production_id=membership.production_id,
                                           budget_id=budget_id, name=form.cleaned_data["name"])
    messages.success(request, f"Copied to \u201c{version.name}\u201d.")
    return redirect("budgets:topsheet", production_id=membership.production_id,
                    budget_id=version.pk)


def _version_of(request: HttpRequest) -> int:
    form = VersionForm(request.POST)
    if not form.is_valid():
        raise Invalid("The form is missing the version you read; reload the page.")
    return int(form.cleaned_data["version"])


@production_page
@require_POST
def budget_lock(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """Lock a version (409 page when someone changed it since it was opened)."""
    version = services.budget_lock(actor=request.user, production_id=membership.production_id,
                                   budget_id=budget_id, expected_version=_version_of(request))
    messages.success(request, f"\u201c{version.name}\u201d is locked.")
    return redirect("budgets:topsheet", production_id=membership.production_id,
                    budget_id=budget_id)


@production_page
@require_POST
def budget_delete(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """Delete an unlocked version."""
    services.budget_delete(actor=request.user, production_id=membership.production_id,
                           budget_id=budget_id, expected_version=_version_of(request))
    messages.success(request, "Budget version deleted.")
    return redirect("budgets:list", production_id=membership.production_id)


def _printed(amount: Decimal, currency: str) -> Decimal:
    """`amount` rounded for the page (once, half-up to the currency's minor unit)."""
    return Money(amount, currency).rounded().amount


def _pairs(totals: tuple[Decimal, ...], variances: tuple[Decimal, ...],
           currency: str) -> list[tuple[Decimal, Decimal]]:
    """(total, variance) of each later version, rounded for the page."""
    return [(_printed(t, currency), _printed(v, currency))
            for t, v in zip(totals[1:], variances, strict=True)]


@production_page
@require_GET
def compare(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Compare two to four versions chosen with ``?v=<id>&v=<id>...``."""
    versions = selectors.budget_list(actor=request.user, production_id=membership.production_id)
    chosen = [int(v) for v in request.GET.getlist("v") if v.isdigit()]
    comparison, error, status = None, "", 200
    if len(chosen) > 1:  # one ticked version (from a version's page) is just the form
        try:
            comparison = selectors.budget_compare(
                actor=request.user, production_id=membership.production_id, budget_ids=chosen)
        except Invalid as problem:
            error, status = problem.message, 400
    rows, grand = [], []
    if comparison is not None:
        cur = comparison.currency
        rows = [(row, _printed(row.totals[0], cur), _pairs(row.totals, row.variances, cur))
                for row in comparison.rows]
        grand = [(_printed(comparison.grand_totals[0], cur),
                  _pairs(comparison.grand_totals, comparison.grand_variances, cur))]
    data = context(membership, versions=versions, chosen=chosen, comparison=comparison,
                   rows=rows, grand_pairs=grand, error=error)
    return page(request, "compare.html", data, status)


@production_page
@require_GET
def export(request: HttpRequest, membership: Membership, budget_id: int,
           fmt: str) -> HttpResponse:
    """The version as PDF (top sheet and detail), XLSX (re-importable) or CSV (lines)."""
    if fmt not in EXPORT_FORMATS:
        raise NotFound("Unknown download format.")
    priced = selectors.budget_priced(actor=request.user, production_id=membership.production_id,
                                     budget_id=budget_id)
    # WeasyPrint is imported when a PDF is asked for: it is slow to load and most pages
    # never need it.
    from lynchpin.documents.budget_pdf import render_budget_pdf

    renderers = {"pdf": render_budget_pdf, "xlsx": render_budget_xlsx, "csv": render_budget_csv}
    content = renderers[fmt](priced.pricing)
    content_type, suffix = EXPORT_FORMATS[fmt]
    response = HttpResponse(content, content_type=content_type)
    name = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in priced.budget.version)
    response["Content-Disposition"] = f'attachment; filename="budget-{name or budget_id}.{suffix}"'
    response["Cache-Control"] = "private, no-store"  # budgets are confidential
    return response
