"""The API's error handlers: every error becomes the one JSON shape of lynchpin.api.schemas.

Application and engine errors are mapped by lynchpin.core.errors.error_info (the same mapping
the pages use); ninja's own request validation becomes 400 ``invalid`` with the offending
parameters as fields, failed authentication 401 ``unauthenticated``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError

from lynchpin.core.errors import ApplicationError, error_info
from lynchpin.engine.errors import DomainError

__all__ = ["error_body", "install_error_handlers"]

#: Codes for HTTP errors raised by ninja itself (bad JSON, CSRF failure, throttling).
STATUS_CODES = {
    400: "invalid",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    429: "throttled",
}


def error_body(
    code: str, message: str, fields: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Any]:
    """The JSON error document."""
    return {
        "error": {
            "code": code,
            "message": message,
            "fields": {name: list(msgs) for name, msgs in (fields or {}).items()},
        }
    }


def _field_name(location: Sequence[Any]) -> str:
    """``("body", "payload", "title")`` -> ``"title"``; ``("query", "limit")`` -> ``"limit"``."""
    names = [str(part) for part in location if not isinstance(part, int)]
    return names[-1] if names else "__all__"


def _request_fields(errors: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        fields.setdefault(_field_name(error.get("loc", ())), []).append(str(error.get("msg", "")))
    return fields


def install_error_handlers(api: NinjaAPI) -> None:
    """Register Lynchpin's handlers on `api`, replacing ninja's defaults for these errors."""

    def mapped(request: HttpRequest, exc: Exception) -> HttpResponse:
        info = error_info(exc)
        assert info is not None  # only registered for mapped classes
        body = error_body(info.code, info.message, info.fields)
        return api.create_response(request, body, status=info.status)

    def request_invalid(request: HttpRequest, exc: RequestValidationError) -> HttpResponse:
        fields = _request_fields(exc.errors)
        body = error_body("invalid", "The request is not valid; see fields.", fields)
        return api.create_response(request, body, status=400)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        return api.create_response(request, error_body(code, str(exc)), status=exc.status_code)

    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = "Log in, or send a personal token as 'Authorization: Bearer <key>'."
        return api.create_response(request, error_body("unauthenticated", message), status=401)

    for exc_class in (ApplicationError, DomainError, ValidationError, PermissionDenied, Http404):
        api.add_exception_handler(exc_class, mapped)
    api.add_exception_handler(RequestValidationError, request_invalid)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(AuthenticationError, unauthenticated)
