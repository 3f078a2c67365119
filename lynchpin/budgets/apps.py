"""App configuration of `lynchpin.budgets`."""

from __future__ import annotations

from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    """Budget versions, accounts, lines, fringes and globals, priced by the budget engine."""

    name = "lynchpin.budgets"
    label = "budgets"
    default_auto_field = "django.db.models.BigAutoField"
