"""Helpers shared by the budget pages: the context every page gets, form error statuses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lynchpin.core.access import can
from lynchpin.core.errors import ApplicationError
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import DomainError
from lynchpin.web.forms import add_error

__all__ = ["EXPORT_FORMATS", "context", "form_failed", "page"]

#: Download formats of a version: content type and file suffix.
EXPORT_FORMATS = {
    "pdf": ("application/pdf", "pdf"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


def context(membership: Any, version: Any = None, **extra: Any) -> dict[str, Any]:
    """The context of every budget page: membership (navigation), production, the version
    shown (if any), whether the member may edit it."""
    editable = can(membership, Capability.EDIT_BUDGET)
    return {"membership": membership, "production": membership.production, "version": version,
            "can_edit": editable and (version is None or not version.locked), **extra}


def form_failed(form: forms.BaseForm, error: ApplicationError | DomainError) -> int:
    """Show `error` on `form`; the HTTP status of the page that shows it (400 or 409)."""
    if isinstance(error, ApplicationError):
        add_error(form, error)
        return error.status
    form.add_error(None, str(error))
    return 400


def page(request: HttpRequest, template: str, data: dict[str, Any],
         status: int = 200) -> HttpResponse:
    """Render a budget page."""
    return render(request, f"budgets/{template}", data, status=status)
