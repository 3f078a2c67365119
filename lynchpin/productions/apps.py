"""App configuration of `lynchpin.productions`."""

from __future__ import annotations

from django.apps import AppConfig


class ProductionsConfig(AppConfig):
    """Productions, units, episodes, memberships and invitations."""

    name = "lynchpin.productions"
    label = "productions"
    default_auto_field = "django.db.models.BigAutoField"
