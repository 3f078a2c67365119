"""One place where pages turn errors into 400/403/404/409 pages.

Views let ApplicationError (and engine DomainError, Django's PermissionDenied/Http404)
propagate; this middleware renders ``web/error.html`` with the status from
lynchpin.core.errors.error_info. Anything else is a bug and becomes Django's 500 page. The
API has its own handlers (lynchpin.api.errors) using the same mapping.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lynchpin.core.errors import error_info

__all__ = ["TITLES", "ApplicationErrorMiddleware"]

#: Page title per status.
TITLES = {
    400: "That did not work",
    403: "Not allowed",
    404: "Not found",
    409: "Changed by someone else",
}


class ApplicationErrorMiddleware:
    """Render application errors raised by views as error pages with the right status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        """The error page for a mapped error; None lets Django handle the rest."""
        info = error_info(exc)
        if info is None:
            return None
        context = {
            "title": TITLES.get(info.status, "Error"),
            "message": info.message,
            "fields": dict(info.fields),
            "status": info.status,
        }
        return render(request, "web/error.html", context, status=info.status)
