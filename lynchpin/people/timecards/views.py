"""Pages of timecards, under /productions/<production_id>/timecards/: the list of people's
weeks, one person's weekly grid with its computed pay, submit / approve / send back, the
planned-day warnings, and the payroll accounts.

Each view parses the request, calls selectors or one service and renders. Who may open what
is decided by the selectors and services (another person's timecard is a 404 for anyone
without VIEW_MONEY); form errors are shown on the form (400, or 409 for a stale version).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.core.access import can
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.core.roles import Capability
from lynchpin.people.timecards import selectors, services
from lynchpin.people.timecards.adapters import production_zone
from lynchpin.people.timecards.forms import (
    PayrollAccountsForm,
    PlannedDayForm,
    StandardDayForm,
    WeekForm,
    show_errors,
)
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page

_ACTIONS = {
    "submit": (services.timecard_week_submit, "Submitted for approval."),
    "approve": (services.timecard_week_approve, "Approved and posted to the ledger."),
    "send_back": (services.timecard_week_send_back, "Sent back to draft."),
}


def _today(membership: Membership) -> date:
    return timezone.localdate(timezone=production_zone(membership.production))


def _day(value: str | None, default: date) -> date:
    """An ISO date from the query string, else `default` (a bad one is ignored)."""
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


def _ctx(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"membership": membership, "production": membership.production,
            "sees_money": can(membership, Capability.VIEW_MONEY),
            "plans": can(membership, Capability.VIEW_PEOPLE),
            "approves": can(membership, Capability.VIEW_MONEY)
            and can(membership, Capability.POST_LEDGER), **extra}


@production_page
def index(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Each person's week holding ``?week=`` (everyone for the office, one's own for the
    rest) and, for those who approve, every week waiting for approval."""
    day = _day(request.GET.get("week"), _today(membership))
    status = request.GET.get("status", "")
    pid = membership.production_id
    rows = selectors.timecard_list(actor=request.user, production_id=pid, day=day,
                                   status=status)
    waiting = selectors.timecard_waiting(actor=request.user, production_id=pid)
    context = _ctx(membership, rows=rows, waiting=waiting, day=day, status=status,
                   previous=day - timedelta(days=7), next=day + timedelta(days=7))
    return render(request, "people/timecards/index.html", context)


def _week_url(production_id: int, engagement_id: int, start: date) -> str:
    url = reverse("timecards:week", kwargs={"production_id": production_id,
                                            "engagement_id": engagement_id})
    return f"{url}?week={start.isoformat()}"


def _week_page(request: HttpRequest, membership: Membership, view: selectors.WeekView,
               form: WeekForm, status: int = 200, **extra: Any) -> HttpResponse:
    if not view.can_edit:
        for field in form.fields.values():
            field.disabled = True
    context = _ctx(membership, view=view, form=form, **extra)
    return render(request, "people/timecards/week.html", context, status=status)


@production_page
@require_http_methods(["GET", "POST"])
def week(request: HttpRequest, membership: Membership, engagement_id: int) -> HttpResponse:
    """A person's work week: the grid of times (editable while allowed) and the pay the
    labour engine computes from it, with violations and totals. POST saves the grid."""
    pid = membership.production_id
    day = _day(request.GET.get("week"), _today(membership))
    view = selectors.timecard_week_get(actor=request.user, production_id=pid,
                                       engagement_id=engagement_id, day=day)
    zone = production_zone(membership.production)
    data = request.POST if request.method == "POST" else None
    form = WeekForm(data, initial=WeekForm.initial_from(view), start=view.start, zone=zone)
    if data is None:
        return _week_page(request, membership, view, form)
    entries = form.entries() if form.is_valid() else []
    if form.errors:
        return _week_page(request, membership, view, form, status=400)
    try:
        services.timecard_week_save(
            actor=request.user, production_id=pid, engagement_id=engagement_id,
            day=view.start, expected_version=form.cleaned_data.get("version"), days=entries)
    except (Invalid, Conflict) as exc:
        show_errors(form, exc, form.engine_fields)
        return _week_page(request, membership, view, form, status=exc.status)
    messages.success(request, "Timecard saved.")
    return redirect(_week_url(pid, engagement_id, view.start))


@production_page
@require_POST
def week_action(request: HttpRequest, membership: Membership, engagement_id: int,
                action: str) -> HttpResponse:
    """Submit, approve or send back the week ``week`` at ``version`` (POST fields); a
    refusal is shown on the week's page (400 / 409)."""
    pid = membership.production_id
    service, done = _ACTIONS[action]
    day = _day(request.POST.get("week"), _today(membership))
    version = request.POST.get("version", "")
    extra = {"note": request.POST.get("note", "")} if action == "send_back" else {}
    try:
        service(actor=request.user, production_id=pid, engagement_id=engagement_id, day=day,
                expected_version=int(version) if version.isdigit() else 0, **extra)
    except (Invalid, Conflict) as exc:
        view = selectors.timecard_week_get(actor=request.user, production_id=pid,
                                           engagement_id=engagement_id, day=day)
        form = WeekForm(None, initial=WeekForm.initial_from(view), start=view.start,
                        zone=production_zone(membership.production))
        return _week_page(request, membership, view, form, status=exc.status,
                          action_error=exc.message)
    messages.success(request, done)
    return redirect(_week_url(pid, engagement_id, day))


@production_page
@require_http_methods(["GET", "POST"])
def planned(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Planned-day warnings: everyone engaged on ``?day=`` prefilled with the standard day
    (``?call=&meal_out=&meal_back=&wrap=``); POST checks the times as entered."""
    pid, zone = membership.production_id, production_zone(membership.production)
    tomorrow = _today(membership) + timedelta(days=1)
    defaults = selectors.STANDARD_DAY
    standard = StandardDayForm(request.GET or None, initial={
        "day": tomorrow, "call": defaults.call, "meal_out": defaults.meal_out,
        "meal_back": defaults.meal_back, "wrap": defaults.wrap})
    values = standard.cleaned_data if standard.is_bound and standard.is_valid() else {}
    day = values.get("day") or tomorrow
    times = selectors.StandardDay(*(values.get(name) or getattr(defaults, name)
                                    for name in ("call", "meal_out", "meal_back", "wrap")))
    people = selectors.planned_day_people(actor=request.user, production_id=pid, day=day,
                                          standard=times)
    form = PlannedDayForm(request.POST if request.method == "POST" else None, people=people,
                          day=day, zone=zone)
    result, status = None, 200
    if request.method == "POST":
        entries = form.entries() if form.is_valid() else []
        try:
            if not form.errors:
                result = selectors.planned_day_check(actor=request.user, production_id=pid,
                                                     day=day, calls=entries)
        except Invalid as exc:
            show_errors(form, exc, form.engine_fields)
        status = 400 if form.errors else 200
    names = {person.engagement_id: person.person for person in people}
    cost_rows = [(names.get(key, ""), amount) for key, amount in result.costs.items()
                 ] if result else []
    context = _ctx(membership, standard=standard, form=form, day=day, result=result,
                   cost_rows=cost_rows)
    return render(request, "people/timecards/planned.html", context, status=status)


@production_page
@require_http_methods(["GET", "POST"])
def accounts(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The payroll account of each department (money roles; changing them also needs
    POST_LEDGER)."""
    pid = membership.production_id
    rows = selectors.payroll_account_list(actor=request.user, production_id=pid)
    departments = [row["department"] for row in rows]
    initial = {f"a{n}": row["account"] for n, row in enumerate(rows)}
    form = PayrollAccountsForm(request.POST if request.method == "POST" else None,
                               initial=initial, departments=departments)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.payroll_accounts_set(actor=request.user, production_id=pid,
                                              accounts=form.accounts())
            except Invalid as exc:
                show_errors(form, exc, {})
            else:
                messages.success(request, "Payroll accounts saved.")
                return redirect(reverse("timecards:accounts", kwargs={"production_id": pid}))
    context = _ctx(membership, form=form,
                   can_change=can(membership, Capability.POST_LEDGER))
    return render(request, "people/timecards/accounts.html", context, status=status)
