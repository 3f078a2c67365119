"""A seeded generator of a realistic feature-film `ScheduleProblem` for benchmarks.

`generate_feature(seed)` always returns the same problem for the same seed (only
`random.Random(seed)` is used; no clock, no global state). Shape and distributions:

* **Calendar**: 45 shoot days, Monday-Friday from Monday 2027-03-01, US federal holidays
  (Memorial Day falls inside), resolved by `engine.calendar.work_days`.
* **Locations** (25): daily cost uniform in 500..6,000 USD in steps of 250; 1-4 sets each
  (uniform). Scenes per location follow Zipf-like weights 1/(rank+1)^0.8, so a few
  locations (the hero's home, the precinct) carry many scenes and most carry a handful.
  5 locations have a permit window of 12-20 consecutive shoot days; a window is dropped if it
  would leave a strip without a common day with its cast's windows (the generator checks).
* **Strips** (200, one per scene): eighths from a discretised log-normal (median 3.5/8,
  sigma 0.75, clamped to 1..24, i.e. up to 3 pages; a feature of about 110-120 pages);
  minutes = 15 (set-up) + 22 per eighth, about 3 pages in a 10-hour day, so the strips fill
  about 39 standard days of the 45; EXT for 40% of the
  sets; day part DAY 70%, NIGHT 25%, DAWN 2.5%, DUSK 2.5% (night strips create turnaround
  constraints); background 0..30 for 40% of strips.
* **Cast** (40): 4 leads in 65%, 50%, 40%, 30% of strips (independently), 8 supporting
  actors in 4-12% of strips each, 28 day players in 1 or 2 strips each (every strip has
  at least one cast member). Daily rates: leads 6,000-15,000, supporting 1,500-4,000, day
  players 700-1,200 USD (multiples of 50). Day players have `holds_allowed=False`;
  supporting actors allow drop/pick-up (gap > 10 days). Availability: 1 lead has 3
  blackout dates, 3 supporting actors and 4 day players have a window of 10-25 shoot days.
* **Moves**: default in-day move 60 min / between-day 2,500 USD (in `Rules`); 30 nearby
  pairs of locations get 20-40 min and 800-1,500 USD.
* **Company**: crew 65,000 USD a day, overtime 6,500 USD an hour, day 600 min standard,
  720 min maximum.
* **Rules**: 4 precedences between scenes of the same lead (story continuity), defaults
  otherwise (10 h crew / 12 h cast rest, calls 07:00 day and 17:00 night).
"""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from lynchpin.engine.calendar import work_days
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import (
    Availability,
    Calendar,
    DateRange,
    DayCapacity,
    DayPart,
    Location,
    Move,
    Performer,
    Rules,
    ScheduleProblem,
    Strip,
    WorkDay,
)
from lynchpin.engine.screenplay.model import IntExt

STRIPS = 200
CAST = 40
LEADS = (0.65, 0.50, 0.40, 0.30)
SUPPORTING = 8
LOCATIONS = 25
SHOOT_DAYS = 45
START = date(2027, 3, 1)
CURRENCY = "USD"


def _usd(amount: int) -> Money:
    return Money(Decimal(amount), CURRENCY)


def generate_feature(seed: int = 1) -> ScheduleProblem:
    """The feature problem for `seed` (see the module docstring for the distributions)."""
    rng = random.Random(seed)
    days = work_days(Calendar(start=START, week_days=5, country="US"), SHOOT_DAYS)
    locations = _locations(rng)
    strips = _strips(rng, locations)
    performers, cast_strips, allowed = _cast(rng, strips, days)
    places = _permit_windows(rng, locations, cast_strips, allowed, days)
    return ScheduleProblem(
        strips=cast_strips,
        performers=performers,
        locations=places,
        days=days,
        crew_daily_cost=_usd(65_000),
        overtime_hourly_cost=_usd(6_500),
        moves=_moves(rng, places),
        capacity=DayCapacity(standard_minutes=600, max_minutes=720),
        rules=Rules(precedences=_precedences(rng, cast_strips), default_move_minutes=60,
                    default_move_cost=_usd(2_500)),
        currency=CURRENCY,
    )


def _locations(rng: random.Random) -> list[tuple[Location, tuple[str, ...], bool]]:
    """(location, its set names, exterior?) for each of the 25 locations."""
    out = []
    for index in range(LOCATIONS):
        sets = tuple(f"L{index + 1:02d} set {k + 1}" for k in range(rng.randint(1, 4)))
        cost = 250 * rng.randint(2, 24)
        location = Location(f"loc{index + 1:02d}", f"Location {index + 1}", _usd(cost))
        out.append((location, sets, rng.random() < 0.4))
    return out


def _eighths(rng: random.Random) -> int:
    """Log-normal page length: median 3.5/8, clamped to 1..24 eighths (a longer scene is
    split into parts by the breakdown, so no strip outgrows a 12-hour day)."""
    return max(1, min(24, round(math.exp(rng.gauss(math.log(3.5), 0.75)))))


def _day_part(rng: random.Random) -> DayPart:
    roll = rng.random()
    if roll < 0.70:
        return DayPart.DAY
    if roll < 0.95:
        return DayPart.NIGHT
    return DayPart.DAWN if roll < 0.975 else DayPart.DUSK


def _strips(rng: random.Random, locations: list[tuple[Location, tuple[str, ...], bool]]
            ) -> list[Strip]:
    """200 strips without cast yet (added by `_cast`)."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(LOCATIONS)]
    strips = []
    for index in range(STRIPS):
        location, sets, exterior = rng.choices(locations, weights)[0]
        eighths = _eighths(rng)
        strips.append(Strip(
            id=str(index + 1), scene=str(index + 1), eighths=eighths,
            minutes=15 + 22 * eighths, set_name=rng.choice(sets), location=location.id,
            int_ext=IntExt.EXT if exterior else IntExt.INT, day_part=_day_part(rng),
            background=rng.randint(0, 30) if rng.random() < 0.4 else 0,
        ))
    return strips


def _cast_lists(rng: random.Random) -> list[list[int]]:
    """Performer indexes per strip: leads 0-3, supporting 4-11, day players 12-39."""
    cast: list[list[int]] = [[] for _ in range(STRIPS)]
    for lead, share in enumerate(LEADS):
        for strip in range(STRIPS):
            if rng.random() < share:
                cast[strip].append(lead)
    for index in range(len(LEADS), len(LEADS) + SUPPORTING):
        count = round(STRIPS * rng.uniform(0.04, 0.12))
        for strip in rng.sample(range(STRIPS), count):
            cast[strip].append(index)
    for index in range(len(LEADS) + SUPPORTING, CAST):
        for strip in rng.sample(range(STRIPS), rng.randint(1, 2)):
            cast[strip].append(index)
    for members in cast:
        if not members:
            members.append(0)
        members.sort()
    return cast


def _performer(rng: random.Random, index: int) -> Performer:
    """Performer `index` without availability limits (added by `_restrict`)."""
    number = index + 1
    if index < len(LEADS):
        rate, kind = 50 * rng.randint(120, 300), "lead"
    elif index < len(LEADS) + SUPPORTING:
        rate, kind = 50 * rng.randint(30, 80), "supporting"
    else:
        rate, kind = 50 * rng.randint(14, 24), "day player"
    return Performer(
        id=f"c{number:02d}", name=f"{kind.title()} {number}", daily_rate=_usd(rate),
        number=number, holds_allowed=kind != "day player",
        drop_pickup_allowed=kind == "supporting", drop_min_gap_days=10,
    )


def _cast(rng: random.Random, strips: list[Strip], days: tuple[WorkDay, ...]
          ) -> tuple[tuple[Performer, ...], tuple[Strip, ...], dict[str, set[int]]]:
    """Cast the strips and give some performers availability limits that stay feasible."""
    lists = _cast_lists(rng)
    performers = [_performer(rng, index) for index in range(CAST)]
    cast_strips = tuple(
        replace(strip, cast=tuple(performers[i].id for i in members))
        for strip, members in zip(strips, lists, strict=True)
    )
    allowed: dict[str, set[int]] = {s.id: set(range(len(days))) for s in cast_strips}
    blackout_days = sorted(rng.sample(range(len(days)), 3))
    lead = performers[rng.randrange(len(LEADS))]
    performers[performers.index(lead)] = replace(
        lead, availability=Availability(blackouts=tuple(days[d].date for d in blackout_days)))
    for strip in cast_strips:
        if lead.id in strip.cast:
            allowed[strip.id] -= set(blackout_days)
    supporting = rng.sample(range(len(LEADS), len(LEADS) + SUPPORTING), 3)
    players = rng.sample(range(len(LEADS) + SUPPORTING, CAST), 4)
    for index in supporting + players:
        mine = [s for s in cast_strips if performers[index].id in s.cast]
        window = _restrict(rng, mine, allowed, days, 10, 25)
        if window is not None:
            performers[index] = replace(performers[index],
                                        availability=Availability(windows=(window,)))
    return tuple(performers), cast_strips, allowed


def _window(rng: random.Random, strips: list[Strip], allowed: dict[str, set[int]],
            days: int, low: int, high: int) -> tuple[int, int] | None:
    """A window [first, last] of shoot-day indexes, 20 tries, that leaves every strip in
    `strips` a day and holds their minutes at half the maximum day; None if none does."""
    minutes = sum(s.minutes for s in strips)
    for _ in range(20):
        length = rng.randint(low, high)
        first = rng.randrange(0, days - length + 1)
        window = set(range(first, first + length))
        if minutes <= length * 360 and all(allowed[s.id] & window for s in strips):
            return first, first + length - 1
    return None


def _restrict(rng: random.Random, mine: list[Strip], allowed: dict[str, set[int]],
              days: tuple[WorkDay, ...], low: int, high: int) -> DateRange | None:
    """A window of `low`..`high` shoot days that keeps the strips in `mine` feasible (and
    narrows their allowed days), or None."""
    found = _window(rng, mine, allowed, len(days), low, high)
    if found is None:
        return None
    first, last = found
    for strip in mine:
        allowed[strip.id] &= set(range(first, last + 1))
    return DateRange(days[first].date, days[last].date)


def _permit_windows(rng: random.Random, locations: list[tuple[Location, tuple[str, ...], bool]],
                    strips: tuple[Strip, ...], allowed: dict[str, set[int]],
                    days: tuple[WorkDay, ...]) -> tuple[Location, ...]:
    """Give 5 locations a 12-20 day permit window where one keeps their strips feasible."""
    chosen = set(rng.sample(range(LOCATIONS), 5))
    out = []
    for index, (location, _, _) in enumerate(locations):
        mine = [s for s in strips if s.location == location.id]
        window = _restrict(rng, mine, allowed, days, 12, 20) if index in chosen else None
        if window is not None:
            location = replace(location, availability=Availability(windows=(window,)))
        out.append(location)
    return tuple(out)


def _moves(rng: random.Random, locations: tuple[Location, ...]) -> tuple[Move, ...]:
    """30 nearby pairs: 20-40 min inside a day, 800-1,500 USD between days."""
    pairs = rng.sample([(a, b) for a in range(LOCATIONS) for b in range(a + 1, LOCATIONS)], 30)
    return tuple(
        Move(locations[a].id, locations[b].id, minutes=rng.randint(20, 40),
             cost=_usd(50 * rng.randint(16, 30)))
        for a, b in sorted(pairs)
    )


def _precedences(rng: random.Random, strips: tuple[Strip, ...]) -> tuple[tuple[str, str], ...]:
    """4 story-continuity pairs (earlier scene first) among scenes of the first lead."""
    lead = [s for s in strips if "c01" in s.cast]
    pairs = []
    for _ in range(4):
        first, second = sorted(rng.sample(lead, 2), key=lambda s: int(s.id))
        pairs.append((first.id, second.id))
    return tuple(pairs)
