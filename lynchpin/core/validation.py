"""Model validation inside services: run `full_clean` and report problems as `Invalid`."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models

from lynchpin.core.errors import Invalid, error_info

__all__ = ["clean_or_invalid"]


def clean_or_invalid(instance: models.Model, *, exclude: Iterable[str] | None = None) -> None:
    """Validate `instance` (fields, `clean()`, unique constraints) before a service saves it.

    Raises Invalid whose `fields` maps each bad field to its messages, so a form or the API
    can show every problem at once.
    """
    try:
        instance.full_clean(exclude=list(exclude) if exclude is not None else None)
    except ValidationError as exc:
        info = error_info(exc)
        assert info is not None  # error_info maps every ValidationError
        raise Invalid(info.message, fields=info.fields) from exc
