"""Template filter ``{{ amount|money:currency }}``: an exact amount printed once, rounded
half-up to the currency's minor unit, with thousands separators ("-1,234.50")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from lynchpin.engine.money import Money

register = template.Library()


@register.filter
def money(value: Any, currency: str = "USD") -> str:
    """`value` (Decimal, Money or decimal string) as a printed amount; "—" for None."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Money):
        return f"{value.rounded().amount:,}"
    return f"{Money(Decimal(str(value)), currency or 'USD').rounded().amount:,}"
