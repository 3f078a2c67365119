"""App configuration of `lynchpin.api` (label ``api``): API tokens and the API root."""

from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    """Personal API tokens; the NinjaAPI itself lives in lynchpin.api.root."""

    name = "lynchpin.api"
    label = "api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"
