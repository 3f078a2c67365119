"""API of budgets under /api/v1/productions/{production_id}/budgets/...

Every operation needs VIEW_MONEY (writes: EDIT_BUDGET); outsiders get 404. Each parses its
input, calls ONE selector or service and returns a schema (lynchpin.budgets.schemas);
errors are raised and mapped to the one JSON error shape (a stale `version` is 409).
"""

# No `from __future__ import annotations` here: ninja builds its parameter models from these
# annotations, and the Annotated id types must be objects, not strings, when it does.
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import P, QueryEx, Router, Status
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.budgets import selectors, services
from lynchpin.budgets.adapters import PricedLine, TotalsChange, item_token
from lynchpin.budgets.models import MAX_ROW_ID
from lynchpin.budgets.schemas import (
    AccountOut,
    CompareOut,
    CopyIn,
    CreateIn,
    FringeIn,
    FringeOut,
    GlobalIn,
    GlobalOut,
    ItemId,
    LineAddIn,
    LineOut,
    LineResultOut,
    LineUpdateIn,
    LockIn,
    PathId,
    QueryId,
    QueryIds,
    RepriceIn,
    RepriceOut,
    SettingIn,
    SettingKey,
    SettingOut,
    TopSheetOut,
    TotalsOut,
    VersionOut,
)
from lynchpin.engine.money import Money

router = Router(tags=["budgets"])

BUDGETS = "{production_id}/budgets"
BUDGET = "{production_id}/budgets/{int:budget_id}"


def _printed(amount: Decimal, currency: str) -> Decimal:
    return Money(amount, currency).rounded().amount


def line_out(priced: PricedLine) -> dict[str, Any]:
    """The LineOut fields of a priced line."""
    row = priced.row
    fields = ("id", "account_id", "order", "description", "amount", "unit", "x", "rate",
              "currency", "fringes", "groups", "locations", "sets", "notes", "person",
              "individual", "line_code", "version")
    return {**{name: getattr(row, name) for name in fields}, "account": row.account.code,
            "amount_value": priced.amount, "x_value": priced.x, "rate_value": priced.rate,
            "total": priced.total, "fringe_total": priced.fringes, "excluded": priced.excluded,
            "problems": list(priced.problems)}


def _totals(totals: TotalsChange) -> dict[str, Any]:
    return {"currency": totals.currency, "accounts": dict(totals.accounts),
            "categories": dict(totals.categories), "levels": dict(totals.levels),
            "subtotal": totals.subtotal, "grand_total": totals.grand_total,
            "net_total": totals.net_total}


@router.get(BUDGETS, response={200: list[VersionOut], **ERRORS}, summary="Budget versions")
@paginate(LimitOffset)
def list_budgets(request: HttpRequest, production_id: PathId) -> Any:
    return selectors.budget_list(actor=request.auth, production_id=production_id)


@router.post(BUDGETS, response={201: VersionOut, **ERRORS},
             summary="Create a version from a template")
def create_budget(request: HttpRequest, production_id: PathId, payload: CreateIn) -> Any:
    return Status(201, services.budget_create_from_template(
        actor=request.auth, production_id=production_id, template=payload.template,
        name=payload.name))


@router.get(f"{BUDGETS}/compare", response={200: CompareOut, **ERRORS},
            summary="Compare 2 to 4 versions by account")
def compare_budgets(request: HttpRequest, production_id: PathId,
                    ids: QueryIds) -> Any:
    comparison = selectors.budget_compare(actor=request.auth, production_id=production_id,
                                          budget_ids=ids)
    cur = comparison.currency
    return {
        "versions": list(comparison.versions), "currency": cur,
        "rows": [{"code": row.code, "name": row.name,
                  "totals": [_printed(t, cur) for t in row.totals],
                  "variances": [_printed(v, cur) for v in row.variances]}
                 for row in comparison.rows],
        "grand_totals": [_printed(t, cur) for t in comparison.grand_totals],
        "grand_variances": [_printed(v, cur) for v in comparison.grand_variances],
    }


@router.get(BUDGET, response={200: VersionOut, **ERRORS}, summary="A budget version")
def get_budget(request: HttpRequest, production_id: PathId, budget_id: PathId) -> Any:
    return selectors.budget_get(actor=request.auth, production_id=production_id,
                                budget_id=budget_id)


@router.delete(BUDGET, response={204: None, **ERRORS}, summary="Delete an unlocked version")
def delete_budget(request: HttpRequest, production_id: PathId, budget_id: PathId,
                  version: QueryId) -> Any:
    services.budget_delete(actor=request.auth, production_id=production_id,
                           budget_id=budget_id, expected_version=version)
    return Status(204, None)


@router.post(f"{BUDGET}/copy", response={201: VersionOut, **ERRORS},
             summary="Copy a version to a new one")
def copy_budget(request: HttpRequest, production_id: PathId, budget_id: PathId,
                payload: CopyIn) -> Any:
    return Status(201, services.budget_version_copy(
        actor=request.auth, production_id=production_id, budget_id=budget_id, name=payload.name))


@router.post(f"{BUDGET}/lock", response={200: VersionOut, **ERRORS}, summary="Lock a version")
def lock_budget(request: HttpRequest, production_id: PathId, budget_id: PathId,
                payload: LockIn) -> Any:
    return services.budget_lock(actor=request.auth, production_id=production_id,
                                budget_id=budget_id, expected_version=payload.version)


@router.get(f"{BUDGET}/topsheet", response={200: TopSheetOut, **ERRORS}, summary="Top sheet")
def topsheet(request: HttpRequest, production_id: PathId, budget_id: PathId) -> Any:
    sheet = selectors.budget_topsheet(actor=request.auth, production_id=production_id,
                                      budget_id=budget_id)
    return {
        "budget": sheet.version, "currency": sheet.currency, "levels": sheet.levels,
        "fringes": [{"code": f.row.code, "name": f.row.name, "total": f.total}
                    for f in sheet.fringes],
        "charges": sheet.charges, "incentives": sheet.incentives, "subtotal": sheet.subtotal,
        "grand_total": sheet.grand_total, "net_total": sheet.net_total,
        "line_count": sheet.line_count,
        "problems": [{"rule": p.rule, "severity": p.severity.value, "message": p.message,
                      "reference": p.reference} for p in sheet.problems],
    }


@router.get(f"{BUDGET}/accounts", response={200: list[AccountOut], **ERRORS},
            summary="Accounts with totals")
@paginate(LimitOffset)
def list_accounts(request: HttpRequest, production_id: PathId, budget_id: PathId) -> Any:
    return selectors.budget_accounts(actor=request.auth, production_id=production_id,
                                     budget_id=budget_id)


@router.get(f"{BUDGET}/lines", response={200: list[LineOut], **ERRORS},
            summary="Detail lines, priced (optionally of one account)")
@paginate(LimitOffset)
def list_lines(request: HttpRequest, production_id: PathId, budget_id: PathId,
               account_id: QueryEx[int | None, P(ge=1, le=MAX_ROW_ID)] = None) -> Any:
    lines = selectors.budget_lines(actor=request.auth, production_id=production_id,
                                   budget_id=budget_id, account_id=account_id)
    return _LineOuts(lines)


class _LineOuts:
    """A priced-lines sequence whose slices are LineOut dicts (paginated lazily)."""

    def __init__(self, lines: selectors.PricedLines) -> None:
        self.lines = lines

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [line_out(line) for line in self.lines[index]]


@router.post(f"{BUDGET}/lines", response={201: LineResultOut, **ERRORS}, summary="Add a line")
def add_line(request: HttpRequest, production_id: PathId, budget_id: PathId,
             payload: LineAddIn) -> Any:
    data = payload.dict(exclude_unset=True)
    result = services.budget_line_add(
        actor=request.auth, production_id=production_id, budget_id=budget_id,
        account_id=data.pop("account_id"), description=data.pop("description"), **data)
    return Status(201, {"line": line_out(result.line), "totals": _totals(result.totals)})


@router.patch(f"{BUDGET}/lines/{{int:line_id}}", response={200: LineResultOut, **ERRORS},
              summary="Change a line (409 when its version is stale)", url_name="budget_line")
def update_line(request: HttpRequest, production_id: PathId, budget_id: PathId, line_id: PathId,
                payload: LineUpdateIn) -> Any:
    data = payload.dict(exclude_unset=True)
    result = services.budget_line_update(
        actor=request.auth, production_id=production_id, budget_id=budget_id, line_id=line_id,
        expected_version=data.pop("version"), **data)
    return {"line": line_out(result.line), "totals": _totals(result.totals)}


@router.delete(f"{BUDGET}/lines/{{int:line_id}}", response={200: TotalsOut, **ERRORS},
               summary="Delete a line (409 when its version is stale)")
def delete_line(request: HttpRequest, production_id: PathId, budget_id: PathId, line_id: PathId,
                version: QueryId) -> Any:
    return _totals(services.budget_line_delete(
        actor=request.auth, production_id=production_id, budget_id=budget_id, line_id=line_id,
        expected_version=version))


def _global_out(item: selectors.GlobalValue) -> dict[str, Any]:
    row = item.row
    return {"id": row.pk, "name": row.name, "value": row.value, "computed": item.value,
            "problem": item.problem, "description": row.description,
            "schedule_fed": row.schedule_fed, "feed_key": row.feed_key, "version": row.version}


@router.get(f"{BUDGET}/globals", response={200: list[GlobalOut], **ERRORS}, summary="Globals")
def list_globals(request: HttpRequest, production_id: PathId, budget_id: PathId) -> Any:
    return [_global_out(item) for item in selectors.budget_globals(
        actor=request.auth, production_id=production_id, budget_id=budget_id)]


@router.post(f"{BUDGET}/globals", response={200: GlobalOut, **ERRORS},
             summary="Add or change a global")
def set_global(request: HttpRequest, production_id: PathId, budget_id: PathId,
               payload: GlobalIn) -> Any:
    data = payload.dict()
    row = services.global_set(actor=request.auth, production_id=production_id,
                              budget_id=budget_id, expected_version=data.pop("version"), **data)
    return _global_out(selectors.GlobalValue(row, None, ""))


@router.delete(f"{BUDGET}/globals/{{int:global_id}}", response={204: None, **ERRORS},
               summary="Delete a global no line uses")
def delete_global(request: HttpRequest, production_id: PathId, budget_id: PathId, global_id: PathId,
                  version: QueryId) -> Any:
    services.global_delete(actor=request.auth, production_id=production_id,
                           budget_id=budget_id, global_id=global_id, expected_version=version)
    return Status(204, None)


def _fringe_out(item: selectors.FringeTotal) -> dict[str, Any]:
    row = item.row
    fields = ("id", "code", "name", "kind", "rate", "per", "cutoff", "uses_ytd", "version")
    return {**{name: getattr(row, name) for name in fields}, "total": item.total}


@router.get(f"{BUDGET}/fringes", response={200: list[FringeOut], **ERRORS}, summary="Fringes")
def list_fringes(request: HttpRequest, production_id: PathId, budget_id: PathId) -> Any:
    return [_fringe_out(item) for item in selectors.budget_fringes(
        actor=request.auth, production_id=production_id, budget_id=budget_id)]


@router.post(f"{BUDGET}/fringes", response={200: FringeOut, **ERRORS},
             summary="Add or change a fringe")
def set_fringe(request: HttpRequest, production_id: PathId, budget_id: PathId,
               payload: FringeIn) -> Any:
    data = payload.dict()
    row = services.fringe_set(actor=request.auth, production_id=production_id,
                              budget_id=budget_id, expected_version=data.pop("version"), **data)
    return {**_fringe_out(selectors.FringeTotal(row, Decimal(0))), "total": None}


@router.delete(f"{BUDGET}/fringes/{{int:fringe_id}}", response={204: None, **ERRORS},
               summary="Delete a fringe no line carries")
def delete_fringe(request: HttpRequest, production_id: PathId, budget_id: PathId, fringe_id: PathId,
                  version: QueryId) -> Any:
    services.fringe_delete(actor=request.auth, production_id=production_id,
                           budget_id=budget_id, fringe_id=fringe_id, expected_version=version)
    return Status(204, None)


def _setting_out(item: selectors.SettingItem) -> dict[str, Any]:
    fields = {name: value for name, value in item.fields.items() if name != "id"}
    return {"id": item.id, "fields": fields, "token": item.token, "base": item.base,
            "amount": item.amount}


@router.get(f"{BUDGET}/settings", response={200: dict[str, list[SettingOut]], **ERRORS},
            summary="Charges, incentives, groups, people, exchange rates and units")
def list_settings(request: HttpRequest, production_id: PathId, budget_id: PathId) -> Any:
    settings = selectors.budget_settings(actor=request.auth, production_id=production_id,
                                         budget_id=budget_id)
    return {key: [_setting_out(item) for item in items] for key, items in settings.items()}


@router.put(f"{BUDGET}/settings/{{key}}/{{item_id}}", response={200: SettingOut, **ERRORS},
            summary="Add or change a charge, incentive, group, person or exchange rate")
def set_setting(request: HttpRequest, production_id: PathId, budget_id: PathId,
                key: SettingKey, item_id: ItemId, payload: SettingIn) -> Any:
    item = services.budget_setting_set(
        actor=request.auth, production_id=production_id, budget_id=budget_id, key=key,
        item_id=item_id, fields=payload.fields, expected=payload.token)
    return _setting_out(selectors.SettingItem(item, item_token(item)))


@router.delete(f"{BUDGET}/settings/{{key}}/{{item_id}}", response={204: None, **ERRORS},
               summary="Delete a setting no line uses")
def delete_setting(request: HttpRequest, production_id: PathId, budget_id: PathId,
                   key: SettingKey, item_id: ItemId,
                   token: QueryEx[str, P(max_length=64)]) -> Any:
    services.budget_setting_delete(actor=request.auth, production_id=production_id,
                                   budget_id=budget_id, key=key, item_id=item_id,
                                   expected=token)
    return Status(204, None)


def _reprice_out(result: services.RepriceResult) -> dict[str, Any]:
    preview, cur = result.preview, result.version.currency
    return {
        "revision": str(result.revision),
        "globals": [{"name": g.name, "feed_key": g.feed_key, "old": g.old, "new": g.new}
                    for g in preview.globals],
        "lines": [{"line_id": c.line_id, "account": c.account, "description": c.description,
                   "old_total": _printed(c.old_total, cur),
                   "new_total": _printed(c.new_total, cur)} for c in preview.lines],
        "unused_keys": list(preview.unused_keys), "missing_keys": list(preview.missing_keys),
        "old_grand_total": _printed(preview.old_grand_total, cur),
        "new_grand_total": _printed(preview.new_grand_total, cur),
    }


@router.post(f"{BUDGET}/reprice/preview", response={200: RepriceOut, **ERRORS},
             summary="Preview re-pricing from schedule values")
def reprice_preview(request: HttpRequest, production_id: PathId, budget_id: PathId,
                    payload: RepriceIn) -> Any:
    return _reprice_out(services.budget_reprice_preview(
        actor=request.auth, production_id=production_id, budget_id=budget_id,
        feed=payload.feed))


@router.post(f"{BUDGET}/reprice/apply", response={200: RepriceOut, **ERRORS},
             summary="Re-price from schedule values (409 when changed since the preview)")
def reprice_apply(request: HttpRequest, production_id: PathId, budget_id: PathId,
                  payload: RepriceIn) -> Any:
    return _reprice_out(services.budget_reprice_from_schedule(
        actor=request.auth, production_id=production_id, budget_id=budget_id,
        feed=payload.feed, expected_revision=payload.revision))
