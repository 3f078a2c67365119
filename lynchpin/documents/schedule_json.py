"""The schedule as JSON (``schedule.json``), and reading it back for ``schedule replan``.

Shape (documented in docs/scheduling/exports.md)::

    {"format": "lynchpin-schedule", "version": 1, "title": ..., "currency": "GBP",
     "optimal": false, "status": "FEASIBLE", "lower_bound": "123456.00",
     "cost": {"total": ..., "crew": ..., "crew_days": n, "cast_work": ..., "cast_hold": ...,
              "locations": ..., "moves": ..., "overtime": ..., "overtime_minutes": n,
              "performers": [{"id", "name", "work_days", "hold_days", "drop_pickups", "cost"}]},
     "days": [{"number": 1, "date": "2027-03-15", "unit": "main", "strips": ["1", "2"],
               "eighths": 14}],
     "boneyard": ["48"], "banners": [{"before_day": 1, "text": "..."}], "locked": false}

Money is written as decimal strings rounded to the currency's minor unit (never floats).
Reading needs only ``days`` (number, date, strips; unit optional), ``boneyard``, ``banners``
and ``locked``; other keys are informational.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import CostBreakdown
from lynchpin.engine.scheduling.model import Banner, Schedule, ScheduleProblem, ShootDay

FORMAT_NAME = "lynchpin-schedule"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class SolveFacts:
    """What the solver said about a schedule: bound, optimality, status."""

    lower_bound: Money | None
    optimal: bool
    status: str


def _money(amount: Money) -> str:
    return str(amount.rounded().amount)


def render_schedule_json(
    problem: ScheduleProblem, schedule: Schedule, cost: CostBreakdown, facts: SolveFacts,
    *, title: str = "",
) -> str:
    """`schedule` with its cost and solver facts as indented JSON text (ends with a newline)."""
    eighths = {strip.id: strip.eighths for strip in problem.strips}
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": title or schedule.name,
        "currency": problem.currency,
        "optimal": facts.optimal,
        "status": facts.status,
        "lower_bound": None if facts.lower_bound is None else _money(facts.lower_bound),
        "cost": _cost(problem, cost),
        "days": [
            {"number": d.number, "date": d.date.isoformat(), "unit": d.unit,
             "strips": list(d.strips), "eighths": sum(eighths.get(s, 0) for s in d.strips)}
            for d in schedule.days
        ],
        "boneyard": list(schedule.boneyard),
        "banners": [{"before_day": b.before_day, "text": b.text} for b in schedule.banners],
        "locked": schedule.locked,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _cost(problem: ScheduleProblem, cost: CostBreakdown) -> dict[str, Any]:
    names = {performer.id: performer.name for performer in problem.performers}
    return {
        "total": _money(cost.total),
        "crew": _money(cost.crew),
        "crew_days": cost.crew_days,
        "cast_work": _money(cost.cast_work),
        "cast_hold": _money(cost.cast_hold),
        "locations": _money(cost.location_total),
        "moves": _money(cost.move_total),
        "overtime": _money(cost.overtime),
        "overtime_minutes": cost.overtime_minutes,
        "performers": [
            {"id": p.performer, "name": names.get(p.performer, p.performer),
             "work_days": p.work_days, "hold_days": p.hold_days,
             "drop_pickups": p.drop_pickups, "cost": _money(p.cost)}
            for p in cost.performers
        ],
    }


def read_schedule_json(text: str, *, source: str = "") -> Schedule:
    """A `Schedule` from ``schedule.json`` text. Raises InputError naming `source` and the
    key (``days[2].date``) for malformed JSON or values."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise InputError(f"not valid JSON: {error}", source=source) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise InputError(f"not a Lynchpin schedule (\"format\" must be {FORMAT_NAME!r})",
                         source=source)
    days = _list(data, "days", source)
    return Schedule(
        days=tuple(_day(item, f"days[{i}]", source) for i, item in enumerate(days)),
        boneyard=tuple(_strip_ids(data.get("boneyard", []), "boneyard", source)),
        banners=tuple(_banner(b, f"banners[{i}]", source)
                      for i, b in enumerate(_list(data, "banners", source))),
        locked=data.get("locked") is True,
        name=str(data.get("title") or ""),
    )


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(f"{key}: expected a list", source=source)
    return value


def _strip_ids(value: object, where: str, source: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise InputError(f"{where}: expected a list of strip ids (strings)", source=source)
    return list(value)


def _day(item: object, where: str, source: str) -> ShootDay:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected an object", source=source)
    number = item.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise InputError(f"{where}.number: expected a day number >= 1", source=source)
    try:
        day = date.fromisoformat(str(item.get("date")))
    except ValueError:
        raise InputError(f"{where}.date: expected a date such as 2027-03-15",
                         source=source) from None
    strips = _strip_ids(item.get("strips"), f"{where}.strips", source)
    unit = item.get("unit", "main")
    return ShootDay(number, day, tuple(strips), unit if isinstance(unit, str) else "main")


def _banner(item: object, where: str, source: str) -> Banner:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InputError(f"{where}: expected {{\"before_day\": n, \"text\": \"...\"}}",
                         source=source)
    before = item.get("before_day")
    if isinstance(before, bool) or not isinstance(before, int):
        raise InputError(f"{where}.before_day: expected a day number", source=source)
    return Banner(before, item["text"])
