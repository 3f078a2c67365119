"""App configuration of `lynchpin.accounting`."""

from __future__ import annotations

from django.apps import AppConfig


class AccountingConfig(AppConfig):
    """Ledger, purchase orders, periods, bank lines, cost reports."""

    name = "lynchpin.accounting"
    label = "accounting"
    default_auto_field = "django.db.models.BigAutoField"
