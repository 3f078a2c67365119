"""Terminal views for ``lynchpin costreport`` and ``price-budget`` (rich tables).

The cost report table: code, account (indented by depth), budget, this period, actual to date,
committed, total cost, ETC, EFC and variance, categories in bold, the grand total last, and
under it the ETC basis and the sign convention. Each money cell is rounded once
(`Money.rounded()`); negative variances (over budget) are red.
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lynchpin.cli.costreport_price import PricedBudget
from lynchpin.documents.costreport_cells import COLUMNS, cells
from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.ledger.book import Ledger
from lynchpin.engine.ledger.costreport import CostLine, CostReport

__all__ = ["changes_view", "console", "costreport_view", "plain_text", "print_warnings"]

#: Width used when output is not a terminal (files, pipes), as for the other commands.
PLAIN_WIDTH = 160


def console() -> Console:
    """A console on stdout: terminal width on a terminal, `PLAIN_WIDTH` elsewhere."""
    width = None if sys.stdout.isatty() else PLAIN_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False)


def plain_text(view: RenderableType) -> str:
    """`view` rendered as plain text (no colour codes)."""
    buffer = io.StringIO()
    Console(file=buffer, width=PLAIN_WIDTH, no_color=True, color_system=None).print(view)
    return buffer.getvalue()


def _money(value: Decimal, *, red: bool = False) -> Text:
    return Text(f"{value:,}", style="red" if red and value < 0 else "")


def _add(table: Table, line: CostLine, *, total: bool = False, last: bool = False) -> None:
    values = cells(line.figures)
    name = ("  " * max(line.depth, 0)) + line.name
    row = [Text(line.code), Text(name)]
    row.extend(_money(v, red=key == "variance") for (key, _), v in zip(COLUMNS, values,
                                                                       strict=True))
    style = "bold" if total or not line.is_leaf else ""
    table.add_row(*row, style=style, end_section=last)


def costreport_view(report: CostReport, title: str = "") -> RenderableType:
    """The whole report as one renderable."""
    period = f"{report.period.start.isoformat()} to {report.period.end.isoformat()}"
    table = Table(title=f"{title or 'Cost report'}: cost report, {period} ({report.currency})",
                  title_justify="left", show_lines=False)
    table.add_column("Code", no_wrap=True)
    table.add_column("Account")
    for _, heading in COLUMNS:
        table.add_column(heading, justify="right", no_wrap=True)
    lines = report.lines
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        _add(table, line, last=following is None or following.depth == 0)
    _add(table, report.total, total=True)
    notes = Text(f"{report.etc_basis}\n{report.sign_convention}")
    return Group(table, notes)


def changes_view(result: PricedBudget) -> RenderableType:
    """The lines a schedule changed (old and new totals before fringes), and the grand totals."""
    feed = result.feed
    table = Table(title=f"Priced from the schedule: {feed.shoot_days} shoot days, "
                  f"prep {feed.prep_weeks} weeks, wrap {feed.wrap_weeks} weeks, "
                  f"{len(feed.cast)} cast, {len(feed.locations)} locations",
                  title_justify="left")
    table.add_column("Line", no_wrap=True)
    table.add_column("Description")
    table.add_column("Before", justify="right", no_wrap=True)
    table.add_column("After", justify="right", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    currency = result.budget.currency
    for change in result.changes:
        old, new = (_rounded(change.old_total, currency), _rounded(change.new_total, currency))
        table.add_row(change.reference, change.description, f"{old:,}", f"{new:,}",
                      f"{new - old:+,}")
    summary = Text(f"{len(result.changes)} lines changed. Grand total "
                   f"{result.before} -> {result.after}.")
    return Group(table, summary)


def _rounded(amount: Decimal, currency: str) -> Decimal:
    from lynchpin.engine.money import Money

    return Money(amount, currency).rounded().amount


def print_warnings(budget: Budget, ledger: Ledger) -> None:
    """Budget pricing problems and ledger posting warnings, one per line on stderr."""
    from lynchpin.engine.budgeting.totals import price_budget

    for violation in price_budget(budget).violations:
        print(f"lynchpin: warning: budget: {violation.reference}: {violation.message}",
              file=sys.stderr)
    for record in ledger.records:
        for warning in record.warnings:
            print(f"lynchpin: warning: ledger: {record.entry.key}: {warning.rule}: "
                  f"{warning.message}", file=sys.stderr)
