"""Pages of productions. Each view parses the request, calls one service or selector, and
renders; errors propagate to lynchpin.web.middleware, except form errors, which are shown on
the form (400, or 409 for a stale edit)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.core.access import can, require
from lynchpin.core.errors import ApplicationError, Conflict, Invalid
from lynchpin.core.roles import Capability
from lynchpin.productions import selectors, services
from lynchpin.productions.forms import (
    InvitationForm,
    JoinForm,
    ProductionForm,
    ProductionSettingsForm,
    RoleForm,
)
from lynchpin.productions.models import Membership
from lynchpin.productions.services import PRODUCTION_FIELDS
from lynchpin.web.dashboard import dashboard_for
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

#: Rows per page of the audit log.
AUDIT_PAGE_SIZE = 50


@login_required
def production_list(request: HttpRequest) -> HttpResponse:
    """The productions the user belongs to."""
    productions = selectors.production_list(actor=request.user)
    return render(request, "productions/list.html", {"productions": productions})


@login_required
@require_http_methods(["GET", "POST"])
def production_new(request: HttpRequest) -> HttpResponse:
    """Create a production; the creator becomes its producer."""
    form = ProductionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PRODUCTION_FIELDS}
        try:
            production = services.production_create(actor=request.user, **data)
        except Invalid as exc:
            add_error(form, exc)
        else:
            return redirect("productions:dashboard", production_id=production.pk)
    if request.method == "POST":
        status = 400
    return render(request, "productions/new.html", {"form": form}, status=status)


@production_page
def dashboard(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Key figures and what needs attention, from every app."""
    board = dashboard_for(actor=request.user, membership=membership)
    context = {"membership": membership, "production": membership.production, "board": board}
    return render(request, "productions/dashboard.html", context)


@production_page
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Edit the production's settings; a stale form is refused with 409 and kept."""
    require(membership, Capability.EDIT_PRODUCTION)
    production = membership.production
    if request.method == "GET":
        form = ProductionSettingsForm(instance=production, initial={"version": production.version})
        return render(request, "productions/settings.html", _ctx(membership, form=form))
    form = ProductionSettingsForm(request.POST)
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in PRODUCTION_FIELDS}
        try:
            services.production_update(
                actor=request.user, production_id=production.pk,
                expected_version=form.cleaned_data["version"], **data,
            )
        except (Invalid, Conflict) as exc:
            add_error(form, exc)
            status = exc.status
        else:
            messages.success(request, "Settings saved.")
            return redirect("productions:dashboard", production_id=production.pk)
    else:
        status = 400
    return render(request, "productions/settings.html", _ctx(membership, form=form), status=status)


def _ctx(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"membership": membership, "production": membership.production, **extra}


@production_page
def members(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Members with their roles; invitation and role forms for MANAGE_MEMBERS roles."""
    return _members_page(request, membership, InvitationForm(), status=200)


def _members_page(
    request: HttpRequest, membership: Membership, invite_form: InvitationForm, *, status: int
) -> HttpResponse:
    production_id = membership.production_id
    rows = selectors.member_list(actor=request.user, production_id=production_id)
    manage = can(membership, Capability.MANAGE_MEMBERS)
    context = _ctx(
        membership,
        members=[(row, RoleForm(initial={"role": row.role, "department": row.department}))
                 for row in rows],
        manage=manage,
        invite_form=invite_form,
        invitations=(
            selectors.invitation_list(actor=request.user, production_id=production_id)
            if manage else []
        ),
    )
    return render(request, "productions/members.html", context, status=status)


@production_page
@require_POST
def member_invite(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Send an invitation; errors are shown on the members page (400)."""
    require(membership, Capability.MANAGE_MEMBERS)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, production_id=membership.production_id, **form.cleaned_data
            )
        except Invalid as exc:
            add_error(form, exc)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect("productions:members", production_id=membership.production_id)
    return _members_page(request, membership, form, status=400)


def _after_member_action(request: HttpRequest, production_id: int, action: Any) -> HttpResponse:
    """Run a member action; show its Invalid message instead of an error page."""
    try:
        done = action()
    except Invalid as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("productions:members", production_id=production_id)


@production_page
@require_POST
def member_role(request: HttpRequest, membership: Membership, membership_id: int) -> HttpResponse:
    """Change a member's role and department."""
    form = RoleForm(request.POST)
    if not form.is_valid():
        raise Invalid("Choose a role.", fields=form.errors)

    def action() -> str:
        changed = services.membership_change_role(
            actor=request.user, production_id=membership.production_id,
            membership_id=membership_id, **form.cleaned_data,
        )
        return f"{changed.user} is now {changed.get_role_display()}."

    return _after_member_action(request, membership.production_id, action)


@production_page
@require_POST
def member_remove(request: HttpRequest, membership: Membership, membership_id: int) -> HttpResponse:
    """Remove a member from the production."""

    def action() -> str:
        services.membership_remove(
            actor=request.user, production_id=membership.production_id,
            membership_id=membership_id,
        )
        return "Member removed."

    return _after_member_action(request, membership.production_id, action)


@production_page
@require_POST
def invitation_revoke(
    request: HttpRequest, membership: Membership, invitation_id: int
) -> HttpResponse:
    """Withdraw a pending invitation."""
    services.invitation_revoke(
        actor=request.user, production_id=membership.production_id, invitation_id=invitation_id
    )
    messages.success(request, "Invitation withdrawn.")
    return redirect("productions:members", production_id=membership.production_id)


@production_page
def audit(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The audit log, 50 entries a page (producers and the PM)."""
    entries = selectors.audit_list(actor=request.user, production_id=membership.production_id)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "productions/audit.html", _ctx(membership, page=page))


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Show an invitation; accept it as the logged-in user, or create an account to join."""
    invitation = selectors.invitation_get_by_token(token=token)
    form = JoinForm(request.POST or None) if not request.user.is_authenticated else None
    status = 200
    if request.method == "POST":
        try:
            joined = _accept(request, token, form)
        except ApplicationError as exc:
            if form is None or not isinstance(exc, Invalid):
                raise
            add_error(form, exc)
            joined = None
        if joined is not None:
            messages.success(request, f"Welcome to {joined.production}.")
            return redirect("productions:dashboard", production_id=joined.production_id)
        status = 400
    context = {"invitation": invitation, "form": form}
    return render(request, "productions/invitation_accept.html", context, status=status)


def _accept(request: HttpRequest, token: str, form: JoinForm | None) -> Membership | None:
    """Accept as the current user, or (with a valid JoinForm) as a new user who is logged in."""
    if form is None:
        return services.invitation_accept(actor=request.user, token=token)
    if not form.is_valid():
        return None
    joined = services.invitation_accept_new_user(
        token=token,
        username=form.cleaned_data["username"],
        password=form.cleaned_data["password1"],
    )
    login(request, joined.user, backend="django.contrib.auth.backends.ModelBackend")
    return joined
