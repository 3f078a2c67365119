"""Terminal views for ``lynchpin payroll timecard`` and ``payroll plan`` (rich tables).

Timecards: one table per person and work week (each day's pay lines with the rule and the
clause behind each, a day total under each day, the week total in the footer, the deal in the
caption), then a summary per person with the grand total per currency, then every violation.
Amounts are rounded once for display (`Money.rounded()`); day and week totals are the exact
lines summed and then rounded, so a column of rounded lines can differ from them by a cent.
The Rate column is the hourly rate a line's hours are paid at (amount / hours: the straight
rate times the multiplier, rounded to the cent first under a rate-first agreement); rates
that are not whole cents (``$500/10`` is 45.4545... an hour at full precision) print with
four decimals, so Hours x Rate = Amount can be checked on every line.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lynchpin.documents.payroll_json import PlannedCost, totals_by_currency
from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.labour.model import (
    Basis,
    DayKind,
    DayPay,
    Deal,
    Meal,
    MealKind,
    PayKind,
    PayLine,
    WeekPay,
)
from lynchpin.engine.labour.payroll_file import PayrollFile
from lynchpin.engine.money import Money

__all__ = ["console", "plain_text", "plan_view", "timecard_view"]

#: Width used when output is not a terminal (files, pipes), as for the other commands.
PLAIN_WIDTH = 160
_SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
_CENT = Decimal("0.01")


def console() -> Console:
    """A console on stdout: terminal width on a terminal, `PLAIN_WIDTH` elsewhere."""
    width = None if sys.stdout.isatty() else PLAIN_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False)


def plain_text(view: RenderableType) -> str:
    """`view` rendered as plain text (no colour codes), for ``--out FILE``."""
    buffer = io.StringIO()
    Console(file=buffer, width=PLAIN_WIDTH, no_color=True, color_system=None).print(view)
    return buffer.getvalue()


def amount(value: Money) -> str:
    """``1,234.50``: rounded once, half-up, to the currency's minor unit."""
    return f"{value.rounded().amount:,}"


def rate(value: Money) -> str:
    """An hourly rate: to the cent when exact, else to four decimals (``45.4545``)."""
    places = 2 if value.amount == value.amount.quantize(_CENT) else 4
    return f"{value.rounded(places).amount:,}"


def deal_terms(deal: Deal) -> str:
    """``500.00 USD daily for 10 h, kit 50.00 USD a day, car 25.00 USD a day``."""
    basis = {Basis.DAILY: "a day", Basis.HOURLY: "an hour", Basis.WEEKLY: "a week",
             Basis.FLAT: "a day, flat"}[deal.basis]
    parts = [f"{deal.rate} {basis}"]
    if deal.guaranteed_hours is not None:
        parts[0] += f" for {deal.guaranteed_hours} h"
    if deal.overtime_exempt:
        parts.append("no overtime")
    if deal.kit_rental:
        parts.append(f"kit {deal.kit_rental} a day")
    parts.extend(f"{name} {value} a day" for name, value in deal.allowances)
    return ", ".join(parts)


def _day_label(day: DayPay) -> str:
    label = f"{day.day:%a %d %b}"
    return label if day.kind is DayKind.REGULAR else f"{label} ({day.kind.value})"


def paid_rate(line: PayLine) -> Money | None:
    """The hourly rate the line's hours are paid at (amount / hours): the straight rate x the
    multiplier, rounded to the cent first under a rate-first agreement. None for lines with no
    hours, and for a flat day (its rate is a day rate)."""
    if not line.hours or line.kind is PayKind.FLAT:
        return None
    return Money(line.amount.amount / line.hours, line.amount.currency)


def _line_row(line: PayLine) -> tuple[str, ...]:
    paid = paid_rate(line)
    timed = paid is not None
    return (line.kind.value.replace("_", " "), f"{line.hours}" if line.hours else "",
            f"{line.multiplier}x" if timed else "", rate(paid) if paid is not None else "",
            amount(line.amount), line.rule, line.clause)


def _week_table(week: WeekPay, payroll: PayrollFile) -> Table:
    deal = payroll.deals[week.person]
    agreement = payroll.agreements[deal.agreement]
    role = ", ".join(part for part in (deal.position, deal.department) if part)
    table = Table(title=f"{week.person} - {role} - week of {week.week_start:%a %d %b %Y}",
                  caption=f"{agreement.name}: {deal_terms(deal)}", title_justify="left",
                  caption_justify="left", header_style="bold", show_footer=True)
    currency = week.total.currency
    table.add_column("Day", footer="Week total", no_wrap=True)
    table.add_column("Pay", no_wrap=True)
    table.add_column("Hours", justify="right", no_wrap=True)
    table.add_column("x", justify="right", no_wrap=True)
    table.add_column("Rate/h", justify="right", no_wrap=True)
    table.add_column(f"Amount ({currency})", justify="right", no_wrap=True,
                     footer=amount(week.total))
    table.add_column("Rule", overflow="fold")
    table.add_column("Clause", overflow="fold")
    for day in week.days:
        for number, line in enumerate(day.lines):
            table.add_row(_day_label(day) if number == 0 else "", *_line_row(line))
        table.add_row("", Text(f"day total, {day.worked_hours} h worked", style="bold"), "", "",
                      "", Text(amount(day.total), style="bold"), "", "", end_section=True)
    return table


def _totals_text(values: Iterable[Money]) -> str:
    return "\n".join(f"{amount(value)} {code}" for code, value in
                     totals_by_currency(values).items()) or "0.00"


def _summary_table(weeks: Sequence[WeekPay], payroll: PayrollFile) -> Table:
    per_person: dict[str, list[WeekPay]] = {}
    for week in weeks:
        per_person.setdefault(week.person, []).append(week)
    table = Table(title="Totals per person", title_justify="left", header_style="bold",
                  show_footer=True)
    for name in ("Person", "Position", "Agreement"):
        table.add_column(name, footer="Grand total" if name == "Person" else "")
    table.add_column("Days", justify="right",
                     footer=str(sum(len(week.days) for week in weeks)))
    table.add_column("Worked h", justify="right")
    table.add_column("Total", justify="right", no_wrap=True,
                     footer=_totals_text(line.amount for week in weeks for line in week.lines))
    for person, person_weeks in per_person.items():
        deal = payroll.deals[person]
        days = [day for week in person_weeks for day in week.days]
        table.add_row(person, deal.position, deal.agreement, str(len(days)),
                      str(sum((day.worked_hours for day in days), Decimal(0))),
                      _totals_text(line.amount for week in person_weeks
                                   for line in week.lines))
    return table


def _dated_violations(weeks: Sequence[WeekPay]) -> list[tuple[str, str, Violation]]:
    """(person, day or week label, violation) of every day's and every week's violations."""
    found: list[tuple[str, str, Violation]] = []
    for week in weeks:
        found.extend((week.person, f"{day.day:%a %d %b}", v) for day in week.days
                     for v in day.violations)
        found.extend((week.person, f"week of {week.week_start:%d %b}", v)
                     for v in week.violations)
    return found


def violations_table(rows: Sequence[tuple[str, str, Violation]], title: str) -> Table:
    """One row per violation: person, day, severity, rule, message."""
    table = Table(title=title, title_justify="left", header_style="bold")
    for name in ("Person", "Day", "Severity", "Rule"):
        table.add_column(name, no_wrap=True)
    table.add_column("Message", overflow="fold")
    for person, day, violation in rows:
        style = _SEVERITY_STYLES.get(violation.severity, "")
        table.add_row(person, day, Text(violation.severity.value, style=style), violation.rule,
                      violation.message)
    return table


def timecard_view(weeks: Sequence[WeekPay], payroll: PayrollFile) -> RenderableType:
    """Every person's weeks, the totals per person and the violations (see module doc)."""
    heading = payroll.production or "Payroll"
    parts: list[RenderableType] = [Text(f"{heading}: timecards priced", style="bold")]
    parts.extend(_week_table(week, payroll) for week in weeks)
    parts.append(_summary_table(weeks, payroll))
    rows = _dated_violations(weeks)
    parts.append(violations_table(rows, f"Violations ({len(rows)})") if rows
                 else Text("No violations."))
    return Group(*parts)


def _meals_text(meals: Sequence[Meal]) -> str:
    times = [f"{meal.out:%H:%M}-{meal.back:%H:%M}"
             + (" (NDB)" if meal.kind is MealKind.NDB else "") for meal in meals]
    return ", ".join(times) or "none"


def plan_view(costs: Sequence[PlannedCost], warnings: Sequence[Violation],
              payroll: PayrollFile) -> RenderableType:
    """Each planned day's calls with their projected cost, then the warnings."""
    meals = {(call.person, call.day): call.meals for call in payroll.planned}
    days: dict[date, list[PlannedCost]] = {}
    for cost in costs:
        days.setdefault(cost.day, []).append(cost)
    parts: list[RenderableType] = []
    for day, planned in sorted(days.items()):
        table = Table(title=f"Planned {day:%a %d %b %Y}: projected labour cost",
                      title_justify="left", header_style="bold", show_footer=True)
        for name in ("Person", "Position", "Call", "Meals", "Wrap"):
            table.add_column(name, footer="Total" if name == "Person" else "")
        table.add_column("Projected", justify="right", no_wrap=True,
                         footer=_totals_text(c.projected for c in planned))
        for cost in planned:
            table.add_row(cost.person, _position(payroll.deals, cost.person),
                          f"{cost.call:%H:%M}", _meals_text(meals.get((cost.person, day), ())),
                          f"{cost.wrap:%H:%M}", f"{amount(cost.projected)} "
                          f"{cost.projected.currency}")
        parts.append(table)
    parts.append(_warnings_table(warnings) if warnings
                 else Text("No warnings: every planned call is within the rules."))
    return Group(*parts)


def _position(deals: Mapping[str, Deal], person: str) -> str:
    deal = deals.get(person)
    return deal.position if deal else ""


def _warnings_table(warnings: Sequence[Violation]) -> Table:
    table = Table(title=f"Warnings ({len(warnings)})", title_justify="left",
                  header_style="bold")
    for name in ("Severity", "Rule", "Reference"):
        table.add_column(name, no_wrap=True)
    table.add_column("Message (with projected cost)", overflow="fold")
    for warning in warnings:
        style = _SEVERITY_STYLES.get(warning.severity, "")
        table.add_row(Text(warning.severity.value, style=style), warning.rule,
                      warning.reference, warning.message)
    return table
