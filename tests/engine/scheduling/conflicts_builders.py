"""Small builders for DOOD and conflict tests: strips, performers, problems, schedules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from lynchpin.engine.calendar import work_days
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import (
    Calendar,
    DayPart,
    Location,
    Performer,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
    WorkDay,
)

#: Monday 2 March 2026: the first shoot day of the test calendars.
MONDAY = date(2026, 3, 2)


def usd(amount: int | str) -> Money:
    return Money(Decimal(amount), "USD")


def strip(
    ident: str,
    *cast: str,
    minutes: int = 60,
    eighths: int = 4,
    location: str = "HOUSE",
    day_part: DayPart = DayPart.DAY,
    elements: tuple[str, ...] = (),
) -> Strip:
    return Strip(
        id=ident, scene=ident, eighths=eighths, minutes=minutes, set_name=location,
        location=location, day_part=day_part, cast=cast, elements=elements,
    )  # fmt: skip


def performer(ident: str, number: int = 1, **fields: Any) -> Performer:
    return Performer(id=ident, name=ident.title(), daily_rate=usd(1000), number=number, **fields)


def days(count: int = 30, start: date = MONDAY) -> tuple[WorkDay, ...]:
    """`count` Monday-Friday work days from `start`."""
    return work_days(Calendar(start=start), count)


def problem(
    strips: Sequence[Strip],
    performers: Sequence[Performer] = (),
    locations: Sequence[Location] = (),
    **fields: Any,
) -> ScheduleProblem:
    fields.setdefault("days", days())
    return ScheduleProblem(
        strips=tuple(strips), performers=tuple(performers), locations=tuple(locations),
        crew_daily_cost=usd(20000), overtime_hourly_cost=usd(2000), **fields,
    )  # fmt: skip


def schedule(
    plan: Mapping[int, Sequence[str]],
    work: Sequence[WorkDay] | None = None,
    *,
    boneyard: Sequence[str] = (),
    unit: str = "main",
) -> Schedule:
    """Shoot days from {work day number: strip ids} on the given (default) work days."""
    by_number = {day.number: day for day in (work or days())}
    shoot = tuple(
        ShootDay(number, by_number[number].date, tuple(ids), unit)
        for number, ids in sorted(plan.items())
    )
    return Schedule(days=shoot, boneyard=tuple(boneyard))
