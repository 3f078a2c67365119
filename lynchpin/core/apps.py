"""App configuration of `lynchpin.core` (label ``core``)."""

from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Core plumbing: user model, audit log, task runs."""

    name = "lynchpin.core"
    label = "core"
    verbose_name = "Lynchpin core"
    default_auto_field = "django.db.models.BigAutoField"
