"""App configuration of `lynchpin.web`."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    """Templates, static files, middleware and helpers shared by every page."""

    name = "lynchpin.web"
    label = "web"
