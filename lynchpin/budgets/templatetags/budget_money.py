"""Template filters and tags of the budget pages: ``{{ amount|money }}``, ``{{ value|cell }}``
and ``{% topsheet_rows level production_id budget_id %}``.

A top sheet lists every category and account (a hundred and more rows, each linking to its
account); a template loop per row cost most of the page's time, so those rows are written
here with `format_html` (every value escaped) and one `reverse` per page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from lynchpin.core.links import row_link
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


@register.simple_tag
def topsheet_rows(level: Any, production_id: int, budget_id: int) -> SafeString:
    """A top-sheet level's rows: each category (code, title, total), then its accounts
    (code, title linking to the account page, number of lines, total)."""
    link = row_link("budgets:account", {"production_id": production_id, "budget_id": budget_id},
                    "account_id")
    rows: list[str] = []
    for category in level.categories:
        rows.append(format_html(
            '<tr class="category"><th scope="row">{}</th><th scope="row" colspan="2">{}</th>'
            '<td class="num">{}</td></tr>', category.code, category.title,
            money(category.total)))
        rows.extend(format_html(
            '<tr class="account"><td>{}</td><td><a href="{}">{}</a></td><td class="num">{}'
            '</td><td class="num">{}</td></tr>', account.code,
            link(account.id), account.title, account.lines,
            money(account.total)) for account in category.accounts)
    return SafeString("\n".join(rows))
