"""Template filters of the budget pages: ``{{ amount|money }}`` and ``{{ value|cell }}``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from lynchpin.documents.budget_table import input_cell, plain

register = template.Library()


@register.filter
def money(value: Any) -> str:
    """A printed money figure with thousands separators (``120,630.43``); ``—`` for None."""
    if value is None:
        return "\u2014"
    return f"{Decimal(value):,}"


@register.filter
def cell(value: Any) -> str:
    """An evaluated input cell (Amt, X, Rate, a global's value) as printed on reports (half-up
    to 4 places, plain digits); ``error`` when its formula cannot be computed."""
    if value is None:
        return "error"
    return plain(input_cell(Decimal(value)))
