"""Pages of optimiser runs and re-plans, and of re-pricing the budget from a schedule.

Starting a search opens the proposal page, which shows the run's live progress (core's
task-run poller) and then the proposed board beside the current one, with the cost
difference and the explanation for money roles, and the forms to apply it as a new version
or discard it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lynchpin.core.access import can, require
from lynchpin.core.errors import ApplicationError, Invalid
from lynchpin.core.roles import Capability
from lynchpin.productions.models import Membership
from lynchpin.schedules import selectors, services
from lynchpin.schedules.forms import ApplyForm, OptimiseForm, ReplanForm, RepriceForm
from lynchpin.schedules.views.board import board_page
from lynchpin.schedules.views.common import Failure, context, form_failed, page, to_board
from lynchpin.web.decorators import production_page

__all__ = ["optimise", "proposal", "proposal_apply", "proposal_discard", "proposal_stop",
           "replan", "reprice"]


def _to_proposal(membership: Membership, proposal_id: int) -> HttpResponse:
    return redirect("schedules:proposal", production_id=membership.production_id,
                    proposal_id=proposal_id)


@production_page
@require_POST
def optimise(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """Start the optimiser on a version; follow it on the proposal page."""
    form = OptimiseForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid("Give the search time in seconds (1 to 600).", fields=form.errors)
        proposal = services.schedule_optimise(
            actor=request.user, production_id=membership.production_id,
            schedule_id=schedule_id, time_limit=form.cleaned_data["time_limit"])
    except ApplicationError as error:
        return board_page(request, membership, schedule_id, status=error.status, error=error)
    return _to_proposal(membership, proposal.pk)


def _replan_page(request: HttpRequest, membership: Membership, schedule_id: int,
                 form: ReplanForm | None, status: int = 200) -> HttpResponse:
    choices = selectors.replan_choices(actor=request.user,
                                       production_id=membership.production_id,
                                       schedule_id=schedule_id)
    form = form or ReplanForm(performers=choices.performers, locations=choices.locations,
                              money=choices.money)
    return page(request, "replan.html", context(membership, choices=choices,
                                                version=choices.version, form=form), status)


@production_page
@require_http_methods(["GET", "POST"])
def replan(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """The disruption form; posting it starts the re-plan."""
    if request.method == "GET":
        return _replan_page(request, membership, schedule_id, None)
    require(membership, Capability.EDIT_SCHEDULE)
    choices = selectors.replan_choices(actor=request.user,
                                       production_id=membership.production_id,
                                       schedule_id=schedule_id)
    form = ReplanForm(request.POST, performers=choices.performers, locations=choices.locations,
                      money=choices.money)
    if not form.is_valid():
        return _replan_page(request, membership, schedule_id, form, 400)
    data = form.cleaned_data
    try:
        proposal = services.schedule_replan(
            actor=request.user, production_id=membership.production_id,
            schedule_id=schedule_id, disruption=form.disruption(),
            shot=[s.strip() for s in data["shot"].split(",") if s.strip()],
            change_penalty=data.get("change_penalty"), time_limit=data["time_limit"])
    except Failure as error:
        return _replan_page(request, membership, schedule_id, form, form_failed(form, error))
    return _to_proposal(membership, proposal.pk)


def _proposal_page(request: HttpRequest, membership: Membership, proposal_id: int, *,
                   form: ApplyForm | None = None, status: int = 200,
                   error: ApplicationError | None = None) -> HttpResponse:
    data = selectors.proposal_get(actor=request.user, production_id=membership.production_id,
                                  proposal_id=proposal_id)
    suffix = "optimised" if data.proposal.kind == "optimise" else "re-planned"
    name = f"{data.version.name} ({suffix} {data.proposal.pk})"
    done_url = reverse("schedules:proposal", kwargs={"production_id": membership.production_id,
                                                     "proposal_id": proposal_id})
    return page(request, "proposal.html", context(
        membership, data=data, proposal=data.proposal, version=data.version, error=error,
        form=form or ApplyForm(initial={"name": name}), done_url=done_url,
        follows_run=data.proposal.run is not None and can(membership, Capability.RUN_TASKS)),
        status)


@production_page
@require_GET
def proposal(request: HttpRequest, membership: Membership, proposal_id: int) -> HttpResponse:
    """Progress of a search, then its board beside the current one."""
    return _proposal_page(request, membership, proposal_id)


@production_page
@require_POST
def proposal_apply(request: HttpRequest, membership: Membership,
                   proposal_id: int) -> HttpResponse:
    """Apply the proposal as a new version and open it."""
    form = ApplyForm(request.POST)
    if not form.is_valid():
        return _proposal_page(request, membership, proposal_id, form=form, status=400)
    try:
        version = services.proposal_apply(actor=request.user,
                                          production_id=membership.production_id,
                                          proposal_id=proposal_id,
                                          name=form.cleaned_data["name"])
    except ApplicationError as error:
        return _proposal_page(request, membership, proposal_id, form=form,
                              status=form_failed(form, error))
    return to_board(membership, version.pk)


@production_page
@require_POST
def proposal_discard(request: HttpRequest, membership: Membership,
                     proposal_id: int) -> HttpResponse:
    """Discard the proposal; back to its version."""
    try:
        dropped = services.proposal_discard(actor=request.user,
                                            production_id=membership.production_id,
                                            proposal_id=proposal_id)
    except ApplicationError as error:
        return _proposal_page(request, membership, proposal_id, status=error.status,
                              error=error)
    return to_board(membership, dropped.schedule_id)


@production_page
@require_POST
def proposal_stop(request: HttpRequest, membership: Membership,
                  proposal_id: int) -> HttpResponse:
    """Ask the running search to stop (it keeps the best board found)."""
    try:
        services.proposal_stop(actor=request.user, production_id=membership.production_id,
                               proposal_id=proposal_id)
    except ApplicationError as error:
        return _proposal_page(request, membership, proposal_id, status=error.status,
                              error=error)
    return _to_proposal(membership, proposal_id)


@production_page
@require_http_methods(["GET", "POST"])
def reprice(request: HttpRequest, membership: Membership, schedule_id: int) -> HttpResponse:
    """Preview re-pricing the current budget from this schedule (every line it changes);
    apply exactly that (EDIT_BUDGET; 409 when the budget changed since the preview)."""
    form = RepriceForm(request.POST or None)
    status, error = 200, None
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise Invalid("The form did not say which preview it applies.")
            services.schedule_budget_reprice(
                actor=request.user, production_id=membership.production_id,
                schedule_id=schedule_id, budget_id=form.cleaned_data["budget"],
                expected_revision=form.cleaned_data["revision"])
            return redirect("budgets:topsheet", production_id=membership.production_id,
                            budget_id=form.cleaned_data["budget"])
        except ApplicationError as failure:
            status, error = failure.status, failure
    data = selectors.reprice_preview_get(actor=request.user,
                                         production_id=membership.production_id,
                                         schedule_id=schedule_id)
    if data.preview is not None:
        form = RepriceForm(initial={"budget": data.preview.version.pk,
                                    "revision": str(data.preview.revision)})
    return page(request, "reprice.html", context(
        membership, data=data, version=data.version, form=form, error=error,
        can_reprice=can(membership, Capability.EDIT_BUDGET)), status)
