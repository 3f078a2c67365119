"""API of accounting: /api/v1/productions/{production_id}/accounting/...

Ledger (list, entry, reverse), purchase orders (request, approve, close), invoices, payroll,
petty cash (floats, envelopes), journal entries, periods (add, close), bank statement
imports, cost report, hot cost and chart data. Each operation parses its input, calls ONE
selector or service, and returns a schema; errors are the one JSON shape (lynchpin.api).
Everything needs VIEW_MONEY; writes need POST_LEDGER.

No ``from __future__ import annotations`` here: ninja's ``@paginate`` rebuilds each route's
signature in its own module, where string annotations such as ``Query[...]`` cannot be
resolved.
"""

from typing import Any

from django.http import HttpRequest
from ninja import File, Query, Router, Status, UploadedFile
from ninja.pagination import paginate

from lynchpin.accounting import selectors, services
from lynchpin.accounting.schemas import (
    BankImportOut,
    BankLineOut,
    BankLinesIn,
    ChartsIn,
    ChartsOut,
    CostReportIn,
    CostReportOut,
    EntryDetailOut,
    EntryOut,
    EnvelopeIn,
    FloatIn,
    FloatOut,
    HotCostIn,
    HotCostOut,
    InvoiceIn,
    JournalIn,
    LedgerFiltersIn,
    PathId,
    PayrollIn,
    PeriodIn,
    PeriodOut,
    PoDateIn,
    PoFilterIn,
    PoIn,
    PoOut,
    ReverseIn,
)
from lynchpin.accounting.selectors.purchase_orders import PoRow
from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.documents.costreport_json import costreport_data

router = Router(tags=["accounting"])

_BASE = "{production_id}/accounting"


def _po(row: PoRow) -> dict[str, Any]:
    po = row.po
    return {
        "id": po.pk, "number": po.number, "key": po.key, "state": po.state,
        "status": row.status, "account": po.account, "amount": po.amount,
        "currency": po.currency, "vendor": po.vendor_name, "vendor_id": po.vendor_id,
        "description": po.description, "set_code": po.set_code, "episode": po.episode,
        "requested_by": po.requested_by_label,
        "approved_by": po.approved_by.get_username() if po.approved_by else None,
        "approved_at": po.approved_at, "open_balance": row.open_balance,
        "invoiced": row.invoiced, "entry_id": po.entry_id, "close_entry_id": po.close_entry_id,
    }


@router.get(f"{_BASE}/ledger", response={200: list[EntryOut], **ERRORS}, summary="Ledger")
@paginate(LimitOffset)
def list_ledger(request: HttpRequest, production_id: PathId,
                filters: Query[LedgerFiltersIn]) -> Any:
    return selectors.ledger_list(actor=request.auth, production_id=production_id,
                                 **filters.dict())


@router.get(f"{_BASE}/ledger/{{entry_id}}", response={200: EntryDetailOut, **ERRORS},
            summary="A ledger entry with its postings")
def get_entry(request: HttpRequest, production_id: PathId, entry_id: PathId) -> Any:
    return selectors.entry_get(actor=request.auth, production_id=production_id,
                               entry_id=entry_id)


@router.post(f"{_BASE}/ledger/{{entry_id}}/reverse", response={201: EntryOut, **ERRORS},
             summary="Reverse an entry")
def reverse_entry(request: HttpRequest, production_id: PathId, entry_id: PathId,
                  payload: ReverseIn) -> Any:
    row = services.entry_reverse(
        actor=request.auth, production_id=production_id, entry_id=entry_id, **payload.dict())
    return Status(201, row)


@router.get(f"{_BASE}/purchase-orders", response={200: list[PoOut], **ERRORS},
            summary="Purchase orders")
@paginate(LimitOffset)
def list_purchase_orders(request: HttpRequest, production_id: PathId,
                         filters: Query[PoFilterIn]) -> Any:
    rows = selectors.po_list(actor=request.auth, production_id=production_id,
                             state=filters.state)
    return [_po(row) for row in rows]


@router.get(f"{_BASE}/purchase-orders/{{po_id}}", response={200: PoOut, **ERRORS},
            summary="A purchase order")
def get_purchase_order(request: HttpRequest, production_id: PathId, po_id: PathId) -> Any:
    return _po(selectors.po_get(actor=request.auth, production_id=production_id, po_id=po_id))


@router.post(f"{_BASE}/purchase-orders", response={201: PoOut, **ERRORS},
             summary="Request a purchase order")
def request_purchase_order(request: HttpRequest, production_id: PathId, payload: PoIn) -> Any:
    po = services.po_request(actor=request.auth, production_id=production_id, **payload.dict())
    return Status(201, _po(selectors.po_get(actor=request.auth, production_id=production_id,
                                            po_id=po.pk)))


@router.post(f"{_BASE}/purchase-orders/{{po_id}}/approve", response={200: PoOut, **ERRORS},
             summary="Approve a purchase order (someone other than the requester)")
def approve_purchase_order(request: HttpRequest, production_id: PathId, po_id: PathId,
                           payload: PoDateIn) -> Any:
    services.po_approve(actor=request.auth, production_id=production_id, po_id=po_id,
                        on=payload.date)
    return _po(selectors.po_get(actor=request.auth, production_id=production_id, po_id=po_id))


@router.post(f"{_BASE}/purchase-orders/{{po_id}}/close", response={200: PoOut, **ERRORS},
             summary="Close a purchase order (release its open balance)")
def close_purchase_order(request: HttpRequest, production_id: PathId, po_id: PathId,
                         payload: PoDateIn) -> Any:
    services.po_close(actor=request.auth, production_id=production_id, po_id=po_id,
                      on=payload.date)
    return _po(selectors.po_get(actor=request.auth, production_id=production_id, po_id=po_id))


@router.post(f"{_BASE}/invoices", response={201: EntryOut, **ERRORS}, summary="Post an invoice")
def post_invoice(request: HttpRequest, production_id: PathId, payload: InvoiceIn) -> Any:
    row = services.invoice_post(actor=request.auth, production_id=production_id,
                                      **payload.dict())
    return Status(201, row)


@router.post(f"{_BASE}/payroll", response={201: EntryOut, **ERRORS}, summary="Post payroll")
def post_payroll(request: HttpRequest, production_id: PathId, payload: PayrollIn) -> Any:
    row = services.payroll_post(actor=request.auth, production_id=production_id,
                                      **payload.dict())
    return Status(201, row)


@router.get(f"{_BASE}/petty-cash/floats", response={200: list[FloatOut], **ERRORS},
            summary="Petty cash floats")
@paginate(LimitOffset)
def list_floats(request: HttpRequest, production_id: PathId) -> Any:
    rows = selectors.float_list(actor=request.auth, production_id=production_id)
    return [{"entry_id": r.entry.pk, "date": r.entry.date, "custodian": r.custodian,
             "amount": r.amount, "spent": r.spent, "remaining": r.remaining,
             "reversed": r.reversed} for r in rows]


@router.post(f"{_BASE}/petty-cash/floats", response={201: EntryOut, **ERRORS},
             summary="Advance a petty cash float")
def post_float(request: HttpRequest, production_id: PathId, payload: FloatIn) -> Any:
    row = services.petty_cash_float_post(actor=request.auth, production_id=production_id,
                                               **payload.dict())
    return Status(201, row)


@router.post(f"{_BASE}/petty-cash/envelopes", response={201: EntryOut, **ERRORS},
             summary="Post a petty cash envelope of receipts")
def post_envelope(request: HttpRequest, production_id: PathId, payload: EnvelopeIn) -> Any:
    row = services.petty_cash_post(actor=request.auth, production_id=production_id,
                                         **payload.dict())
    return Status(201, row)


@router.post(f"{_BASE}/journal", response={201: EntryOut, **ERRORS},
             summary="Post a journal entry")
def post_journal(request: HttpRequest, production_id: PathId, payload: JournalIn) -> Any:
    row = services.journal_post(actor=request.auth, production_id=production_id,
                                      **payload.dict())
    return Status(201, row)


@router.get(f"{_BASE}/periods", response={200: list[PeriodOut], **ERRORS},
            summary="Accounting periods")
@paginate(LimitOffset)
def list_periods(request: HttpRequest, production_id: PathId) -> Any:
    return selectors.period_list(actor=request.auth, production_id=production_id)


@router.post(f"{_BASE}/periods", response={201: PeriodOut, **ERRORS},
             summary="Add the next accounting period")
def create_period(request: HttpRequest, production_id: PathId, payload: PeriodIn) -> Any:
    row = services.period_create(actor=request.auth, production_id=production_id,
                                       **payload.dict())
    return Status(201, row)


@router.post(f"{_BASE}/periods/{{period_id}}/close", response={200: PeriodOut, **ERRORS},
             summary="Close a period and every earlier one")
def close_period(request: HttpRequest, production_id: PathId, period_id: PathId) -> Any:
    return services.period_close(actor=request.auth, production_id=production_id,
                                 period_id=period_id)


@router.get(f"{_BASE}/bank-imports", response={200: list[BankImportOut], **ERRORS},
            summary="Statement imports")
@paginate(LimitOffset)
def list_bank_imports(request: HttpRequest, production_id: PathId) -> Any:
    return selectors.bank_import_list(actor=request.auth, production_id=production_id)


@router.post(f"{_BASE}/bank-imports", response={201: BankImportOut, **ERRORS},
             summary="Import a bank or card statement (CSV); lines already imported are skipped")
def import_bank_csv(request: HttpRequest, production_id: PathId,
                    file: UploadedFile = File(...)) -> Any:  # noqa: B008 (ninja's idiom)
    row = services.bank_csv_import(
        actor=request.auth, production_id=production_id, file_name=file.name or "",
        content=file.read())
    return Status(201, row)


@router.get(f"{_BASE}/bank-lines", response={200: list[BankLineOut], **ERRORS},
            summary="Imported statement lines")
@paginate(LimitOffset)
def list_bank_lines(request: HttpRequest, production_id: PathId,
                    filters: Query[BankLinesIn]) -> Any:
    return selectors.bank_line_list(actor=request.auth, production_id=production_id,
                                    batch_id=filters.batch_id)


@router.get(f"{_BASE}/cost-report", response={200: CostReportOut, **ERRORS},
            summary="Cost report (filters: period id, category code, episode, budget id)")
def get_cost_report(request: HttpRequest, production_id: PathId,
                    filters: Query[CostReportIn]) -> Any:
    report = selectors.cost_report(
        actor=request.auth, production_id=production_id, period=filters.period,
        category=filters.category, episode=filters.episode, budget_id=filters.budget)
    return costreport_data(report, title="Cost report")


@router.post(f"{_BASE}/hot-cost", response={200: HotCostOut, **ERRORS},
             summary="Hot cost of a day from budgeted and actual labour figures")
def get_hot_cost(request: HttpRequest, production_id: PathId, payload: HotCostIn) -> Any:
    data = payload.dict()
    result = selectors.hot_cost_for_day(actor=request.auth, production_id=production_id,
                                        **data)
    return {
        "day": result.day, "currency": result.budgeted.currency,
        "budgeted": result.budgeted.amount, "actual": result.actual.amount,
        "variance": result.variance.amount, "sign_convention": result.sign_convention,
        "reasons": [{"kind": r.kind.value, "person": r.person, "cost": r.cost.amount,
                     "detail": r.detail} for r in result.reasons],
    }


@router.get(f"{_BASE}/charts", response={200: ChartsOut, **ERRORS},
            summary="Chart data: burn against plan, EFC over time, spend by category")
def get_charts(request: HttpRequest, production_id: PathId,
               filters: Query[ChartsIn]) -> Any:
    return selectors.chart_data(actor=request.auth, production_id=production_id,
                                budget_id=filters.budget)
