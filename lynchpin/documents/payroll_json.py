"""Priced timecards and planned-day warnings as JSON (``lynchpin payroll timecard|plan --json``).

Timecards (docs/labour/cli.md)::

    {"format": "lynchpin-payroll", "version": 1, "production": "The Night Ferry",
     "totals": {"USD": "48210.55", "GBP": "1930.00"},
     "people": [{"person", "position", "department", "agreement", "currency", "total"}],
     "weeks": [{"person", "week_start", "currency", "total", "violations": [...],
                "days": [{"date", "kind", "worked_hours", "total", "violations": [...],
                          "lines": [{"kind", "hours", "multiplier", "rate", "amount",
                                     "amount_exact", "rule", "clause"}]}]}],
     "violation_count": 7}

A violation is ``{"rule", "severity", "message", "reference"}``. Every number is a decimal
string, never a JSON number (no binary floats): ``amount`` and every ``total`` are rounded
half-up to the currency's minor unit, ``rate`` (the straight hourly rate the line's
``multiplier`` applies to; under a rate-first agreement the premium rate rate x multiplier is
rounded to the cent before it pays the hours) and ``amount_exact`` keep full precision.
``hours`` is 0 on lines that pay an amount (penalties, kit, allowances). A day's or week's
``total`` is its exact lines summed and then rounded once, so the rounded line amounts may
differ from it by a cent or two. ``totals`` are per currency (amounts in two currencies are
never added).

Planned days::

    {"format": "lynchpin-payroll-plan", "version": 1, "production": ...,
     "days": [{"date", "totals": {"USD": "..."},
               "people": [{"person", "call", "wrap", "currency", "projected"}]}],
     "warnings": [{"rule", "severity", "message", "reference"}]}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from lynchpin.engine.errors import Violation
from lynchpin.engine.labour.model import DayPay, Deal, PayLine, WeekPay
from lynchpin.engine.money import Money, total

__all__ = ["PlannedCost", "payroll_data", "planning_data", "render_payroll_json",
           "render_planning_json", "totals_by_currency"]

FORMAT_NAME = "lynchpin-payroll"
PLAN_FORMAT_NAME = "lynchpin-payroll-plan"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class PlannedCost:
    """One person's projected cost for a planned day (from `planning.project_day_cost`)."""

    person: str
    day: date
    call: datetime
    wrap: datetime
    projected: Money


def number(value: Decimal) -> str:
    """`value` as a plain decimal string (never exponent notation such as ``1E+2``)."""
    return format(value, "f")


def money(value: Money) -> str:
    """`value` rounded once (half-up, minor unit) as a decimal string."""
    return number(value.rounded().amount)


def totals_by_currency(amounts: Iterable[Money]) -> dict[str, Money]:
    """Exact sums of `amounts` per currency (currencies in first-seen order), unrounded."""
    sums: dict[str, Money] = {}
    for amount in amounts:
        sums[amount.currency] = sums.get(amount.currency, Money.zero(amount.currency)) + amount
    return sums


def violation_data(violation: Violation) -> dict[str, str]:
    """A violation as JSON-ready data."""
    return {"rule": violation.rule, "severity": violation.severity.value,
            "message": violation.message, "reference": violation.reference}


def _line(line: PayLine) -> dict[str, str]:
    return {"kind": line.kind.value, "hours": number(line.hours),
            "multiplier": number(line.multiplier), "rate": number(line.rate.amount),
            "amount": money(line.amount), "amount_exact": number(line.amount.amount),
            "rule": line.rule, "clause": line.clause}


def _day(day: DayPay) -> dict[str, Any]:
    return {"date": day.day.isoformat(), "kind": day.kind.value,
            "worked_hours": number(day.worked_hours), "total": money(day.total),
            "violations": [violation_data(v) for v in day.violations],
            "lines": [_line(line) for line in day.lines]}


def _week(week: WeekPay) -> dict[str, Any]:
    return {"person": week.person, "week_start": week.week_start.isoformat(),
            "currency": week.total.currency, "total": money(week.total),
            "violations": [violation_data(v) for v in week.violations],
            "days": [_day(day) for day in week.days]}


def _people(weeks: Sequence[WeekPay], deals: Mapping[str, Deal]) -> list[dict[str, str]]:
    """One row per person (first-seen order): deal terms and the exact total, rounded once."""
    exact: dict[str, list[Money]] = {}
    for week in weeks:
        exact.setdefault(week.person, []).extend(line.amount for line in week.lines)
    people = []
    for person, amounts in exact.items():
        deal = deals.get(person)
        currency = deal.rate.currency if deal else week_currency(amounts)
        people.append({"person": person, "position": deal.position if deal else "",
                       "department": deal.department if deal else "",
                       "agreement": deal.agreement if deal else "", "currency": currency,
                       "total": money(total(amounts, currency))})
    return people


def week_currency(amounts: Sequence[Money]) -> str:
    """The currency of `amounts` (USD when there are none, as `WeekPay.total` does)."""
    return amounts[0].currency if amounts else "USD"


def payroll_data(weeks: Sequence[WeekPay], *, deals: Mapping[str, Deal] | None = None,
                 production: str = "") -> dict[str, Any]:
    """Priced weeks (from `payroll.price_timecards`) as JSON-ready data (shape above)."""
    known = deals or {}
    totals = totals_by_currency(line.amount for week in weeks for line in week.lines)
    count = sum(len(week.violations) + sum(len(day.violations) for day in week.days)
                for week in weeks)
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "production": production,
            "totals": {code: money(amount) for code, amount in totals.items()},
            "people": _people(weeks, known), "weeks": [_week(week) for week in weeks],
            "violation_count": count}


def planning_data(costs: Sequence[PlannedCost], warnings: Sequence[Violation], *,
                  production: str = "") -> dict[str, Any]:
    """Projected costs of planned days and their warnings as JSON-ready data (shape above)."""
    days: dict[date, list[PlannedCost]] = {}
    for cost in costs:
        days.setdefault(cost.day, []).append(cost)
    return {"format": PLAN_FORMAT_NAME, "version": FORMAT_VERSION, "production": production,
            "days": [{"date": day.isoformat(),
                      "totals": {code: money(amount) for code, amount in
                                 totals_by_currency(c.projected for c in planned).items()},
                      "people": [{"person": c.person, "call": c.call.isoformat(),
                                  "wrap": c.wrap.isoformat(),
                                  "currency": c.projected.currency,
                                  "projected": money(c.projected)} for c in planned]}
                     for day, planned in sorted(days.items())],
            "warnings": [violation_data(v) for v in warnings]}


def render_payroll_json(weeks: Sequence[WeekPay], *, deals: Mapping[str, Deal] | None = None,
                        production: str = "") -> str:
    """Indented JSON text of `payroll_data`, ending with a newline."""
    data = payroll_data(weeks, deals=deals, production=production)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_planning_json(costs: Sequence[PlannedCost], warnings: Sequence[Violation], *,
                         production: str = "") -> str:
    """Indented JSON text of `planning_data`, ending with a newline."""
    data = planning_data(costs, warnings, production=production)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
