"""Terminal renderings (rich) of a priced budget and of a comparison of versions.

Money cells are the engine's printed values (`budget_table.money_cell`: half-up to the
currency's minor unit). Every piece of budget text is wrapped in `Text`, so brackets in a
name are shown as typed, never read as rich markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from lynchpin.documents.budget_table import fringe_rate_text, money_cell, plain, top_sheet_rows
from lynchpin.engine.budgeting.compare import Comparison
from lynchpin.engine.budgeting.totals import Pricing, printed
from lynchpin.engine.money import Money

_BOLD_KINDS = frozenset({"level", "subtotal", "grand", "net"})


def amount_text(value: Decimal) -> str:
    """A printed money cell with thousands separators, e.g. ``12,345.60``."""
    return f"{value:,}"


def _printed(currency: str, value: Decimal) -> str:
    return amount_text(printed(Money(value, currency)).amount)


def budget_view(pricing: Pricing) -> RenderableType:
    """Top sheet, accounts with lines or a total, fringes, grand total and problems."""
    budget = pricing.budget
    heading = Text(f"{budget.title} - {budget.version or 'budget'} ({budget.currency})",
                   style="bold")
    parts: list[RenderableType] = [heading, _top_sheet(pricing), _accounts(pricing)]
    if budget.fringes:
        parts.append(_fringes(pricing))
    parts.append(Text(f"Grand total: {amount_text(money_cell(pricing, pricing.grand_total))} "
                      f"{budget.currency}", style="bold"))
    if pricing.incentives:
        parts.append(Text(f"Net of incentives: "
                          f"{amount_text(money_cell(pricing, pricing.net_total))} "
                          f"{budget.currency}"))
    parts += [Text(f"{v.severity.value}: {v.message}", style="yellow")
              for v in pricing.violations]
    return Group(*parts)


def _top_sheet(pricing: Pricing) -> Table:
    table = Table(title="Top sheet", header_style="bold", title_justify="left")
    table.add_column("Acct", no_wrap=True)
    table.add_column("Category")
    table.add_column("Total", justify="right", no_wrap=True)
    for row in top_sheet_rows(pricing):
        style = "bold" if row.kind in _BOLD_KINDS else ""
        code = row.code if row.kind in ("category", "charge", "incentive") else ""
        table.add_row(Text(code), Text(row.name), amount_text(row.total), style=style)
    return table


def _accounts(pricing: Pricing) -> Table:
    table = Table(title="Accounts (with lines or a total)", header_style="bold",
                  title_justify="left")
    table.add_column("Acct", no_wrap=True)
    table.add_column("Account")
    table.add_column("Lines", justify="right")
    table.add_column("Total", justify="right", no_wrap=True)
    for _, account in pricing.budget.accounts():
        total = pricing.accounts[account.code]
        if account.lines or total:
            table.add_row(Text(account.code), Text(account.name), str(len(account.lines)),
                          amount_text(money_cell(pricing, total)))
    return table


def _fringes(pricing: Pricing) -> Table:
    table = Table(title="Fringes", header_style="bold", title_justify="left")
    for name in ("Id", "Fringe", "Rate", "Cut-off", "Total"):
        right = name in ("Cut-off", "Total")
        table.add_column(name, justify="right" if right else "left", no_wrap=right)
    for fringe in pricing.budget.fringes:
        cutoff = "" if fringe.cutoff is None else plain(fringe.cutoff)
        table.add_row(Text(fringe.id), Text(fringe.name), Text(fringe_rate_text(fringe)), cutoff,
                      amount_text(money_cell(pricing, pricing.fringe_totals[fringe.id])))
    return table


def comparison_view(comparison: Comparison, labels: Sequence[str]) -> RenderableType:
    """Accounts across versions with each later version's variance against the first.

    Accounts that are zero in every version are left out; `labels` name the versions.
    """
    currency = comparison.currency
    table = Table(title=f"Comparison by account ({currency}); variance = version - "
                  f"{labels[0]} (positive: costs more)", header_style="bold",
                  title_justify="left", show_footer=True)
    table.add_column("Acct", no_wrap=True, footer="")
    table.add_column("Account", footer="Grand total")
    for label, total in zip(labels, comparison.grand_totals, strict=True):
        table.add_column(label, justify="right", no_wrap=True, footer=_printed(currency, total))
    for label, variance in zip(labels[1:], comparison.grand_variances, strict=True):
        table.add_column(f"Var {label}", justify="right", no_wrap=True,
                         footer=_signed(currency, variance))
    for row in comparison.rows:
        if any(row.totals):
            table.add_row(Text(row.code), Text(row.name),
                          *(_printed(currency, total) for total in row.totals),
                          *(_signed(currency, variance) for variance in row.variances))
    return table


def _signed(currency: str, value: Decimal) -> str:
    text = _printed(currency, value)
    return text if text.startswith("-") or not Decimal(text.replace(",", "")) else f"+{text}"
