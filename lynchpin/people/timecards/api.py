"""API of timecards: weeks (get, put, submit, approve, send back, post), the list of weeks,
planned-day warnings, payroll accounts.

Mounted at /api/v1/productions/ (lynchpin.api.routers); every path starts with
``{production_id}/timecards``. Each operation parses its input, calls one selector or
service and returns a schema; errors are raised (one JSON shape). A week is named by the
engagement and any date in it (``weeks/2025-03-05`` is the work week holding that day).
Times are ISO 8601; a time without an offset is the production's local time; replies carry
the production's offset. Amounts and hours are JSON strings, never floats. Someone who may
read a week (the person, or VIEW_MONEY roles) sees its pay; planned-day costs only VIEW_MONEY.

No ``from __future__ import annotations`` here: ninja's ``@paginate`` rebuilds a route's
signature in its own module, where string annotations cannot be resolved.
"""

from datetime import date, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.core.access import membership_for
from lynchpin.engine.labour import model as labour
from lynchpin.people.timecards import selectors, services
from lynchpin.people.timecards.adapters import DayEntry, production_zone
from lynchpin.people.timecards.schemas import (
    AccountOut,
    AccountsIn,
    ActionIn,
    DayIn,
    DayQuery,
    PlannedDayIn,
    PlannedDayOut,
    PostedOut,
    SendBackIn,
    WeekIn,
    WeekOut,
    WeekQuery,
    WeekRowOut,
)

router = Router(tags=["timecards"])

_P = "{production_id}/timecards"
_WEEK = f"{_P}/{{engagement_id}}/weeks/{{week}}"


def _day_out(view: selectors.DayView) -> dict[str, Any]:
    entry = view.entry
    if entry is None:
        return {"day": view.day, "worked": False}
    return {
        "day": view.day, "worked": True, "call": entry.call, "wrap": entry.wrap,
        "meals": [{"out": m.out, "back": m.back, "kind": m.kind.value} for m in entry.meals],
        "travel_before": entry.travel_before, "travel_after": entry.travel_after,
        "holiday": entry.holiday, "kind": view.kind or None,
        "worked_hours": view.worked_hours,
        "total": view.total.amount if view.total else None,
        "lines": list(view.lines),
        "violations": [{"rule": v.rule, "severity": v.severity.value, "message": v.message,
                        "reference": v.reference} for v in view.violations],
    }


def _week_out(view: selectors.WeekView) -> dict[str, Any]:
    return {
        "engagement_id": view.engagement["id"], "person": view.engagement["person"],
        "position": view.engagement["position"], "department": view.engagement["department"],
        "week_start": view.start, "status": view.status, "version": view.version,
        "note": view.note, "has_deal": view.has_deal, "pricing_error": view.pricing_error,
        "total": view.total.amount if view.total else None,
        "currency": view.total.currency if view.total else None,
        "worked_hours": view.worked_hours, "days": [_day_out(day) for day in view.days],
        "can_edit": view.can_edit, "can_submit": view.can_submit,
        "can_approve": view.can_approve, "can_send_back": view.can_send_back,
    }


def _get(request: HttpRequest, production_id: int, engagement_id: int, week: date) -> Any:
    return _week_out(selectors.timecard_week_get(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id,
        day=week))


def _today(request: HttpRequest, production_id: int) -> date:
    membership = membership_for(actor=request.auth, production_id=production_id)
    return timezone.localdate(timezone=production_zone(membership.production))


def _entry(day: DayIn) -> DayEntry:
    return DayEntry(day=day.day, call=day.call, wrap=day.wrap,
                    meals=tuple(labour.Meal(m.out, m.back, labour.MealKind(m.kind))
                                for m in day.meals),
                    travel_before=day.travel_before, travel_after=day.travel_after,
                    holiday=day.holiday)


@router.get(_P, response={200: list[WeekRowOut], **ERRORS}, summary="Timecard weeks")
@paginate(LimitOffset)
def list_weeks(request: HttpRequest, production_id: int,
               filters: Query[WeekQuery]) -> Any:
    """Each person's week holding `week` (default today): everyone's for VIEW_MONEY roles,
    one's own otherwise."""
    day = filters.week or _today(request, production_id)
    return selectors.timecard_list(actor=request.auth, production_id=production_id, day=day,
                                   status=filters.status)


@router.get(_WEEK, response={200: WeekOut, **ERRORS}, summary="A person's work week")
def get_week(request: HttpRequest, production_id: int, engagement_id: int, week: date) -> Any:
    return _get(request, production_id, engagement_id, week)


@router.put(_WEEK, response={200: WeekOut, **ERRORS}, summary="Save a person's work week")
def put_week(request: HttpRequest, production_id: int, engagement_id: int, week: date,
             payload: WeekIn) -> Any:
    saved = services.timecard_week_save(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id,
        day=week, expected_version=payload.version, days=[_entry(d) for d in payload.days])
    return _get(request, production_id, engagement_id, saved.week_start)


@router.post(f"{_WEEK}/submit", response={200: WeekOut, **ERRORS}, summary="Submit a week")
def submit_week(request: HttpRequest, production_id: int, engagement_id: int, week: date,
                payload: ActionIn) -> Any:
    services.timecard_week_submit(actor=request.auth, production_id=production_id,
                                  engagement_id=engagement_id, day=week,
                                  expected_version=payload.version)
    return _get(request, production_id, engagement_id, week)


@router.post(f"{_WEEK}/approve", response={200: WeekOut, **ERRORS},
             summary="Approve a week (posts payroll to the ledger)")
def approve_week(request: HttpRequest, production_id: int, engagement_id: int, week: date,
                 payload: ActionIn) -> Any:
    services.timecard_week_approve(actor=request.auth, production_id=production_id,
                                   engagement_id=engagement_id, day=week,
                                   expected_version=payload.version)
    return _get(request, production_id, engagement_id, week)


@router.post(f"{_WEEK}/send-back", response={200: WeekOut, **ERRORS},
             summary="Send a week back to draft")
def send_back_week(request: HttpRequest, production_id: int, engagement_id: int, week: date,
                   payload: SendBackIn) -> Any:
    services.timecard_week_send_back(actor=request.auth, production_id=production_id,
                                     engagement_id=engagement_id, day=week,
                                     expected_version=payload.version, note=payload.note)
    return _get(request, production_id, engagement_id, week)


@router.post(f"{_WEEK}/post", response={200: PostedOut, **ERRORS},
             summary="Post an approved week to the ledger (idempotent)")
def post_week(request: HttpRequest, production_id: int, engagement_id: int,
              week: date) -> Any:
    posting = services.timecard_week_post(actor=request.auth, production_id=production_id,
                                          engagement_id=engagement_id, day=week)
    return {"posting": posting}


def _planned_out(result: selectors.PlannedDay) -> dict[str, Any]:
    return {
        "day": result.day, "shows_money": result.shows_money,
        "warnings": list(result.warnings),
        "costs": [{"engagement_id": key, "amount": cost.amount, "currency": cost.currency}
                  for key, cost in result.costs.items()],
        "totals": [{"amount": cost.amount, "currency": cost.currency}
                   for cost in result.totals.values()],
        "unchecked": [{"engagement_id": key, "person": name, "reason": reason}
                      for key, name, reason in result.unchecked],
    }


@router.get(f"{_P}/planned-day", response={200: PlannedDayOut, **ERRORS},
            summary="Planned-day warnings for everyone on the standard day")
def standard_day(request: HttpRequest, production_id: int, query: Query[DayQuery]) -> Any:
    """Everyone engaged on `day` (default tomorrow) called for the standard day (07:00
    call, 13:00-13:30 meal, 19:00 wrap), checked."""
    day = query.day or _today(request, production_id) + timedelta(days=1)
    people = selectors.planned_day_people(actor=request.auth, production_id=production_id,
                                          day=day)
    calls = [selectors.PlannedEntry(p.engagement_id, p.entry.call, p.entry.wrap, p.entry.meals)
             for p in people]
    return _planned_out(selectors.planned_day_check(
        actor=request.auth, production_id=production_id, day=day, calls=calls))


@router.post(f"{_P}/planned-day", response={200: PlannedDayOut, **ERRORS},
             summary="Check planned calls for meal penalties, golden hours, short rest")
def check_planned_day(request: HttpRequest, production_id: int, payload: PlannedDayIn) -> Any:
    calls = [selectors.PlannedEntry(
        call.engagement_id, call.call, call.wrap,
        tuple(labour.Meal(meal.out, meal.back) for meal in call.meals), call.travel_after)
        for call in payload.calls]
    return _planned_out(selectors.planned_day_check(
        actor=request.auth, production_id=production_id, day=payload.day, calls=calls))


@router.get(f"{_P}/payroll-accounts", response={200: list[AccountOut], **ERRORS},
            summary="Payroll account of each department")
def list_accounts(request: HttpRequest, production_id: int) -> Any:
    return selectors.payroll_account_list(actor=request.auth, production_id=production_id)


@router.put(f"{_P}/payroll-accounts", response={200: list[AccountOut], **ERRORS},
            summary="Set payroll accounts of departments")
def set_accounts(request: HttpRequest, production_id: int, payload: AccountsIn) -> Any:
    services.payroll_accounts_set(actor=request.auth, production_id=production_id,
                                  accounts=payload.accounts)
    return selectors.payroll_account_list(actor=request.auth, production_id=production_id)
