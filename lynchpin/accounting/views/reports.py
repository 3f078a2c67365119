"""Report pages: the cost report (with PDF and XLSX downloads), hot cost of a day, charts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from lynchpin.accounting import selectors
from lynchpin.accounting.forms import (
    ActualFormSet,
    BudgetedFormSet,
    CostReportFilterForm,
    HotCostForm,
)
from lynchpin.accounting.views.common import context, require_money
from lynchpin.core.errors import Invalid
from lynchpin.documents.costreport_cells import COLUMNS
from lynchpin.documents.costreport_pdf import render_costreport_pdf
from lynchpin.documents.costreport_xlsx import render_costreport_xlsx
from lynchpin.engine.errors import DomainError
from lynchpin.engine.ledger.costreport import CostReport
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page

__all__ = ["charts", "cost_report", "hot_cost"]

_DOWNLOADS = {
    "pdf": ("application/pdf", render_costreport_pdf),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             render_costreport_xlsx),
}


def _title(membership: Membership, report: CostReport) -> str:
    return (f"{membership.production} cost report, {report.period.start:%d %b %Y} to "
            f"{report.period.end:%d %b %Y}")


def _download(membership: Membership, report: CostReport, kind: str) -> HttpResponse:
    content_type, render_file = _DOWNLOADS[kind]
    body = render_file(report, title=_title(membership, report))
    name = f"costreport-{slugify(str(membership.production))}-{report.period.end}.{kind}"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@production_page
def cost_report(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The cost report with filters (period, category, episode, budget); ``?format=pdf`` or
    ``xlsx`` downloads it with the same filters."""
    require_money(membership)
    pid = membership.production_id
    filters = CostReportFilterForm(
        request.GET or None,
        filters=selectors.cost_report_filters(actor=request.user, production_id=pid))
    if filters.is_bound and not filters.is_valid():
        return render(request, "accounting/cost_report.html",
                      context(membership, filters=filters, report=None), status=400)
    query = filters.query() if filters.is_bound else {}
    try:
        report = selectors.cost_report(actor=request.user, production_id=pid, **query)
    except (Invalid, DomainError) as exc:
        problem = exc.message if isinstance(exc, Invalid) else str(exc)
        return render(request, "accounting/cost_report.html",
                      context(membership, filters=filters, report=None, problem=problem))
    kind = request.GET.get("format", "")
    if kind in _DOWNLOADS:
        return _download(membership, report, kind)
    params = request.GET.copy()
    params.pop("format", None)
    return render(request, "accounting/cost_report.html",
                  context(membership, filters=filters, report=report, columns=COLUMNS,
                          params=params.urlencode(), title=_title(membership, report)))


def _hot_cost(request: HttpRequest, membership: Membership, forms: tuple[Any, ...]) -> Any:
    """The hot cost of the posted figures, or None (problems shown on the form)."""
    form, budgeted, actual = forms
    if not (form.is_valid() & budgeted.is_valid() & actual.is_valid()):
        return None
    try:
        return selectors.hot_cost_for_day(
            actor=request.user, production_id=membership.production_id,
            day=form.cleaned_data["day"], budgeted=budgeted.rows(), actual=actual.rows())
    except (Invalid, DomainError) as exc:
        form.add_error(None, exc.message if isinstance(exc, Invalid) else str(exc))
        return None


@production_page
@require_http_methods(["GET", "POST"])
def hot_cost(request: HttpRequest, membership: Membership) -> HttpResponse:
    """A shoot day's labour against its budget, explained by reason (POST computes; it
    saves nothing)."""
    require_money(membership)
    data = request.POST if request.method == "POST" else None
    forms = (HotCostForm(data), BudgetedFormSet(data, prefix="budgeted"),
             ActualFormSet(data, prefix="actual"))
    result = _hot_cost(request, membership, forms) if data is not None else None
    form, budgeted, actual = forms
    status = 400 if data is not None and result is None else 200
    return render(request, "accounting/hot_cost.html",
                  context(membership, form=form, budgeted=budgeted, actual=actual,
                          result=result), status=status)


def _chart_json(data: Any) -> dict[str, Any]:
    def chart(value: Any) -> dict[str, Any]:
        return {"labels": list(value.labels), "note": value.note,
                "series": [{"label": s.label,
                            "values": [None if v is None else str(v) for v in s.values]}
                           for s in value.series]}

    return {"currency": data.currency, "burn": chart(data.burn), "efc": chart(data.efc),
            "spend": chart(data.spend)}


@production_page
def charts(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Budget burn against plan, EFC over time and spend by category (Chart.js)."""
    require_money(membership)
    try:
        data = selectors.chart_data(actor=request.user, production_id=membership.production_id)
    except (Invalid, DomainError) as exc:
        problem = exc.message if isinstance(exc, Invalid) else str(exc)
        return render(request, "accounting/charts.html",
                      context(membership, data=None, problem=problem))
    return render(request, "accounting/charts.html",
                  context(membership, data=_chart_json(data)))
