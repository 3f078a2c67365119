"""App configuration of `lynchpin.scripts` (label ``scripts``)."""

from __future__ import annotations

from django.apps import AppConfig


class ScriptsConfig(AppConfig):
    """Script versions, scenes, characters, breakdown elements."""

    name = "lynchpin.scripts"
    label = "scripts"
    verbose_name = "Scripts"
    default_auto_field = "django.db.models.BigAutoField"
