"""App configuration of `lynchpin.people`."""

from __future__ import annotations

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Contacts, vendors, crew and cast engagements, deal memos."""

    name = "lynchpin.people"
    label = "people"
    default_auto_field = "django.db.models.BigAutoField"
