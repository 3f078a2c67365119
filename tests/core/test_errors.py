"""One mapping from errors to status, code, message and field errors."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound, error_info
from lynchpin.engine.errors import DomainError, InputError


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (NotFound("Production not found."), 404, "not_found"),
        (Forbidden("No."), 403, "forbidden"),
        (Conflict("Changed."), 409, "conflict"),
        (Invalid("Bad."), 400, "invalid"),
        (DomainError("cannot schedule"), 400, "invalid"),
        (PermissionDenied(), 403, "forbidden"),
        (Http404("No Production matches the given query."), 404, "not_found"),
    ],
)
def test_status_and_code(exc: Exception, status: int, code: str) -> None:
    info = error_info(exc)
    assert info is not None
    assert (info.status, info.code) == (status, code)


def test_http404_detail_is_not_shown() -> None:
    info = error_info(Http404("No Production matches the given query."))
    assert info is not None and "Production" not in info.message


def test_input_error_names_the_field_and_line() -> None:
    info = error_info(InputError("not a number", source="budget.toml", line=12, field="rate"))
    assert info is not None
    assert info.status == 400
    assert info.message == "budget.toml:12 (rate): not a number"
    assert info.fields == {"rate": ("not a number",)}


def test_invalid_keeps_field_errors_as_tuples() -> None:
    info = error_info(Invalid("Bad.", fields={"email": "Already a member.", "role": ["a", "b"]}))
    assert info is not None
    assert info.fields == {"email": ("Already a member.",), "role": ("a", "b")}


def test_django_validation_error_by_field() -> None:
    info = error_info(ValidationError({"currency": ["Use ISO 4217."], "title": ["Required."]}))
    assert info is not None
    assert info.fields["currency"] == ("Use ISO 4217.",)
    assert "currency: Use ISO 4217." in info.message


def test_plain_django_validation_error() -> None:
    info = error_info(ValidationError("Nope."))
    assert info is not None and info.message == "Nope." and not info.fields


def test_bugs_are_not_mapped() -> None:
    assert error_info(KeyError("x")) is None
    assert error_info(ValueError("x")) is None
