"""Schemas shared by every router: the one error shape and its OpenAPI responses.

Every error response of the API is
``{"error": {"code": "...", "message": "...", "fields": {"field": ["message", ...]}}}``
with status 400 (invalid), 401 (unauthenticated), 403 (forbidden), 404 (not_found) or
409 (conflict). Routers document them with ``response={200: Out, **ERRORS}``.
"""

from __future__ import annotations

from ninja import Field, Schema

__all__ = ["ERRORS", "ErrorBody", "ErrorOut"]


class ErrorBody(Schema):
    """What went wrong: a stable `code`, a message for people, and per-field messages."""

    code: str
    message: str
    fields: dict[str, list[str]] = Field(default_factory=dict)


class ErrorOut(Schema):
    """The body of every error response."""

    error: ErrorBody


#: Error responses every authenticated, production-scoped operation can give.
ERRORS: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
}
