"""Application errors and the ONE mapping from errors to HTTP status, code and message.

Services and selectors raise `ApplicationError` subclasses; the engine raises `DomainError`
(`InputError` naming a field or line). `error_info` turns any of them, and Django's own
`ValidationError`, `PermissionDenied` and `Http404`, into an `ErrorInfo`. The API
(lynchpin.api.errors) renders it as JSON, the pages (lynchpin.web.middleware) as an HTML page:
both ask this module, so a given error has the same status everywhere.

| error                               | status | code        |
| ----------------------------------- | ------ | ----------- |
| NotFound, Http404                   | 404    | not_found   |
| Forbidden, PermissionDenied         | 403    | forbidden   |
| Conflict                            | 409    | conflict    |
| Invalid, DomainError, ValidationError | 400  | invalid     |
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from lynchpin.engine.errors import DomainError, InputError

__all__ = [
    "NON_FIELD",
    "ApplicationError",
    "Conflict",
    "ErrorInfo",
    "Forbidden",
    "Invalid",
    "NotFound",
    "error_info",
]

#: Key of `fields` for errors that concern the whole input rather than one field (Django's).
NON_FIELD = "__all__"

FieldErrors = Mapping[str, tuple[str, ...]]


def _freeze(fields: Mapping[str, Sequence[str] | str] | None) -> FieldErrors:
    """Field errors as an immutable mapping of field -> tuple of messages."""
    frozen: dict[str, tuple[str, ...]] = {}
    for name, messages in (fields or {}).items():
        frozen[name] = (messages,) if isinstance(messages, str) else tuple(messages)
    return MappingProxyType(frozen)


class ApplicationError(Exception):
    """Base of the errors services and selectors raise on purpose; `message` is for people."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "invalid"

    def __init__(
        self, message: str, *, fields: Mapping[str, Sequence[str] | str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fields = _freeze(fields)


class NotFound(ApplicationError):
    """No such object for this actor (also raised for objects of another production, so the
    answer never reveals that something exists)."""

    status = 404
    code = "not_found"


class Forbidden(ApplicationError):
    """The actor is a member but their role may not take this action."""

    status = 403
    code = "forbidden"


class Conflict(ApplicationError):
    """The object changed since the actor read it (stale version) or the action collides with
    the current state; the actor should reload and try again."""

    status = 409
    code = "conflict"


class Invalid(ApplicationError):
    """Bad input: `fields` maps field names (or NON_FIELD) to messages."""

    status = 400
    code = "invalid"


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """What an interface shows for an error: HTTP status, stable code, message, field errors."""

    status: int
    code: str
    message: str
    fields: FieldErrors = field(default_factory=lambda: MappingProxyType({}))


def _from_validation_error(exc: ValidationError) -> ErrorInfo:
    if hasattr(exc, "error_dict"):
        fields = _freeze(exc.message_dict)
        message = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in fields.items())
        if NON_FIELD in fields:
            message = " ".join(fields[NON_FIELD])
    else:
        fields = _freeze({})
        message = " ".join(exc.messages)
    return ErrorInfo(400, "invalid", message or "Invalid input.", fields)


def error_info(exc: BaseException) -> ErrorInfo | None:
    """The status, code, message and field errors for `exc`, or None when it is not an
    error people should see (a bug: let it become a 500)."""
    if isinstance(exc, ApplicationError):
        return ErrorInfo(exc.status, exc.code, exc.message, exc.fields)
    if isinstance(exc, InputError):
        fields = _freeze({exc.field: [exc.message]} if exc.field else None)
        return ErrorInfo(400, "invalid", str(exc), fields)
    if isinstance(exc, DomainError):
        return ErrorInfo(400, "invalid", str(exc))
    if isinstance(exc, ValidationError):
        return _from_validation_error(exc)
    if isinstance(exc, PermissionDenied):
        return ErrorInfo(403, "forbidden", str(exc) or "You may not do this.")
    if isinstance(exc, Http404):
        return ErrorInfo(404, "not_found", "Not found.")
    return None
