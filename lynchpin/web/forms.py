"""Helpers for forms on every page: show an application error on the form that caused it."""

from __future__ import annotations

from django import forms

from lynchpin.core.errors import ApplicationError

__all__ = ["add_error"]


def add_error(form: forms.BaseForm, exc: ApplicationError) -> None:
    """Put `exc`'s field messages next to their inputs; fields the form does not have become
    non-field errors. The overall message is added too unless some field error carries it."""
    for name, messages in exc.fields.items():
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message)
    on_fields = any(name in form.fields for name in exc.fields)
    if not on_fields and exc.message not in form.non_field_errors():
        form.add_error(None, exc.message)
