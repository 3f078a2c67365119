"""App configuration of `lynchpin.schedules` (label ``schedules``)."""

from __future__ import annotations

from django.apps import AppConfig


class SchedulesConfig(AppConfig):
    """Production facts, schedule versions, shoot days, strips, proposals, calendar feeds."""

    name = "lynchpin.schedules"
    label = "schedules"
    verbose_name = "Schedules"
    default_auto_field = "django.db.models.BigAutoField"
