"""``{{ amount|money:currency }}``: a deal memo amount for people to read.

Deal amounts are stored with 4 decimal places ("45.4545" an hour for "$500/10"); they are
shown with at least 2 and without trailing zeros beyond that ("500.00 USD", "45.4545 USD").
Only pages given deal rows by a VIEW_MONEY selector have amounts to show.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


@register.filter
def money(value: Any, currency: str = "") -> str:
    """`value` with thousands separators and 2 to 4 decimals, then the currency code."""
    if value is None or value == "":
        return "—"
    amount = Decimal(str(value))
    places = max(2, min(4, -int(amount.normalize().as_tuple().exponent)))
    text = f"{amount:,.{places}f}"
    return f"{text} {currency}".strip()
