"""Helpers shared by the schedule pages: the context every page gets, form error statuses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from lynchpin.core.access import can
from lynchpin.core.errors import ApplicationError
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import DomainError, InputError
from lynchpin.web.forms import add_error

__all__ = ["Failure", "context", "form_failed", "page", "to_board"]

#: What a form can fail with: an application error or an engine error (a bad input file,
#: a strip that fits no day), both shown on the form.
Failure = (ApplicationError, DomainError)


def context(membership: Any, **extra: Any) -> dict[str, Any]:
    """The context of every schedule page: membership (navigation), production, and what the
    member may do (`can_edit`: EDIT_SCHEDULE; `money`: VIEW_MONEY)."""
    return {"membership": membership, "production": membership.production,
            "can_edit": can(membership, Capability.EDIT_SCHEDULE),
            "money": can(membership, Capability.VIEW_MONEY), **extra}


def form_failed(form: forms.BaseForm, error: ApplicationError | DomainError) -> int:
    """Show `error` on `form` (field errors beside their inputs); the page's status."""
    if isinstance(error, ApplicationError):
        add_error(form, error)
        return error.status
    if isinstance(error, InputError) and error.field and error.field in form.fields:
        form.add_error(error.field, error.message)
    else:
        form.add_error(None, str(error))
    return 400


def page(request: HttpRequest, template: str, data: dict[str, Any],
         status: int = 200) -> HttpResponse:
    """Render a schedule page."""
    return render(request, f"schedules/{template}", data, status=status)


def to_board(membership: Any, schedule_id: int, anchor: str = "") -> HttpResponse:
    """Redirect to a version's board (optionally to an element of it)."""
    response = redirect("schedules:board", production_id=membership.production_id,
                        schedule_id=schedule_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response
