"""Small scheduling problems for the optimiser, costing, explanation and re-plan tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import (
    DayCapacity,
    DayPart,
    Location,
    Performer,
    Rules,
    ScheduleProblem,
    Strip,
    WorkDay,
)
from lynchpin.engine.screenplay.model import IntExt

MONDAY = date(2027, 3, 1)


def usd(amount: str | int) -> Money:
    """An amount in US dollars."""
    return Money(str(amount), "USD")


def weekdays(count: int, start: date = MONDAY) -> tuple[WorkDay, ...]:
    """`count` Monday-to-Friday work days from `start`."""
    days: list[WorkDay] = []
    current = start
    while len(days) < count:
        if current.weekday() < 5:
            days.append(WorkDay(len(days) + 1, current))
        current += timedelta(days=1)
    return tuple(days)


def consecutive(count: int, start: date = MONDAY) -> tuple[WorkDay, ...]:
    """`count` work days on consecutive calendar dates."""
    return tuple(WorkDay(n + 1, start + timedelta(days=n)) for n in range(count))


def strip(
    sid: str,
    location: str = "L1",
    minutes: int = 120,
    cast: tuple[str, ...] = (),
    part: DayPart = DayPart.DAY,
    int_ext: IntExt = IntExt.INT,
) -> Strip:
    """A strip of one eighth page."""
    return Strip(
        id=sid,
        scene=sid,
        eighths=8,
        minutes=minutes,
        set_name=f"SET {sid}",
        location=location,
        int_ext=int_ext,
        day_part=part,
        cast=cast,
    )


def performer(pid: str, rate: int = 1000, **kwargs: object) -> Performer:
    """A cast member paid `rate` dollars a day."""
    return Performer(id=pid, name=pid.title(), daily_rate=usd(rate), **kwargs)  # type: ignore[arg-type]


def location(lid: str, cost: int = 500, **kwargs: object) -> Location:
    """A location costing `cost` dollars a day."""
    return Location(id=lid, name=lid, daily_cost=usd(cost), **kwargs)  # type: ignore[arg-type]


def problem(
    strips: tuple[Strip, ...],
    performers: tuple[Performer, ...] = (),
    locations: tuple[Location, ...] | None = None,
    days: int = 5,
    rules: Rules | None = None,
    capacity: DayCapacity | None = None,
    crew: int = 10000,
    overtime: int = 1200,
    **kwargs: object,
) -> ScheduleProblem:
    """A problem over `days` weekdays; locations default to those the strips name."""
    if locations is None:
        locations = tuple(location(lid) for lid in sorted({s.location for s in strips}))
    return ScheduleProblem(
        strips=strips,
        performers=performers,
        locations=locations,
        days=weekdays(days),
        crew_daily_cost=usd(crew),
        overtime_hourly_cost=usd(overtime),
        capacity=capacity or DayCapacity(),
        rules=rules or Rules(),
        **kwargs,  # type: ignore[arg-type]
    )


def random_problem(
    seed: int, strips: int = 8, cast: int = 3, locations: int = 3, days: int = 6
) -> ScheduleProblem:
    """A small seeded random problem that always has a feasible schedule (one strip a day
    fits: minutes <= standard day; no availability limits beyond a few blackouts)."""
    rng = random.Random(seed)
    cast_ids = [f"c{n}" for n in range(cast)]
    loc_ids = [f"L{n}" for n in range(locations)]
    made = tuple(
        strip(
            f"s{n}",
            rng.choice(loc_ids),
            rng.choice([60, 120, 180, 240]),
            tuple(sorted(rng.sample(cast_ids, rng.randint(0, min(2, cast))))),
            rng.choice([DayPart.DAY, DayPart.DAY, DayPart.NIGHT]),
        )
        for n in range(strips)
    )
    performers = tuple(
        performer(
            pid,
            rng.choice([500, 1500, 3000]),
            drop_pickup_allowed=rng.random() < 0.3,
            drop_min_gap_days=3,
        )
        for pid in cast_ids
    )
    return problem(made, performers, days=max(days, strips), crew=rng.choice([2000, 8000]))
