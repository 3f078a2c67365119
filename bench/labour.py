"""Labour benchmark: price a season of timecards (100 people x 60 days) with price_timecards.

The season is seeded and generated here: 100 people under the four bundled agreements (60
IATSE-style crew on daily "$R/G", hourly and flat deals, some with kit and allowances; 20
SAG-AFTRA-style performers, day and weekly; 10 UK crew paid in GBP; 10 California non-union
daily and hourly), each with a timecard for every one of 60 shoot days (twelve Monday-to-Friday
weeks). Days vary: calls from 05:00 to 09:00 (or 15:00 to 18:00 in a week of night shoots),
10 to 13 hours on the clock (one day in five up to 16, so golden hours), one or two meals
(some late, so meal penalties), a non-deductible breakfast on some days, travel on some, and
a holiday; short turnarounds happen, so forced calls are priced too.

Measured: `payroll.price_timecards` over the 6,000 cards (grouping, weeks, rest, days).
Target (issue 5): under 1 s, median of the runs, on this machine. The best run and the cost
per timecard are printed too.

    .venv/bin/python -m bench.labour [--seed 1] [--quick]

Exit code 1 when the median misses the target.
"""

from __future__ import annotations

import argparse
import platform
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from bench.timing import measure
from lynchpin.engine.labour.agreement import Agreement
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.model import Basis, Deal, Meal, MealKind, Timecard
from lynchpin.engine.labour.payroll import price_timecards
from lynchpin.engine.money import Money

TARGET_MS = 1000.0
PEOPLE = 100
DAYS = 60
FIRST_DAY = date(2027, 1, 4)  # a Monday
HOLIDAY = date(2027, 2, 15)   # a Monday inside the season, paid as a holiday
#: (agreement id, people, currency) of the season's mix.
MIX = (("iatse-crew", 60, "USD"), ("sag-aftra", 20, "USD"), ("uk-crew", 10, "GBP"),
       ("ca-nonunion", 10, "USD"))
D = Decimal


def shoot_days(count: int = DAYS) -> list[date]:
    """`count` Monday-to-Friday days from `FIRST_DAY`."""
    days: list[date] = []
    day = FIRST_DAY
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _deal(rng: random.Random, person: str, agreement: str, currency: str) -> Deal:
    """A deal for `person` under `agreement`: mostly daily "$R/G", some hourly, weekly, flat."""
    def money(low: int, high: int) -> Money:
        return Money(D(rng.randint(low, high)), currency)

    if agreement == "sag-aftra":
        if rng.random() < 0.3:
            return Deal(person, "Performer", agreement, money(4000, 9000), Basis.WEEKLY,
                        D(44), "Cast", performer_class="weekly")
        return Deal(person, "Performer", agreement, money(1082, 2500), Basis.DAILY, D(8),
                    "Cast", performer_class="day")
    roll = rng.random()
    kit = money(25, 150) if rng.random() < 0.3 else None
    allowances = (("car", money(10, 40)),) if rng.random() < 0.2 else ()
    if roll < 0.15:
        return Deal(person, "Hourly crew", agreement, money(25, 60), Basis.HOURLY,
                    department="Crew", kit_rental=kit, allowances=allowances)
    if roll < 0.22 and agreement != "ca-nonunion":
        return Deal(person, "Flat crew", agreement, money(400, 900), Basis.FLAT,
                    department="Crew", allowances=allowances)
    return Deal(person, "Daily crew", agreement, money(300, 1200), Basis.DAILY,
                D(rng.choice((8, 10, 12))), "Crew", kit_rental=kit, allowances=allowances,
                overtime_exempt=rng.random() < 0.05)


def _card(rng: random.Random, person: str, day: date, *, nights: bool) -> Timecard:
    """One valid timecard: call, one or two meals (maybe an NDB first), wrap, travel.

    Day calls are 05:00 to 09:00 and night calls 15:00 to 18:00, so with at most 16 hours
    on the clock and half an hour of travel a day never overlaps the next one's duty (rest
    periods can still be short: forced calls are part of the work measured)."""
    first_call = 15 * 60 if nights else 5 * 60
    call = datetime.combine(day, datetime.min.time()) + timedelta(
        minutes=rng.randrange(first_call, first_call + 3 * 60 + 1, 15))
    long_day = rng.random() < 0.2  # most days 10 to 13 hours, one in five up to 16
    length = rng.randrange(13 * 60 if long_day else 10 * 60, 16 * 60 + 1 if long_day
                           else 13 * 60 + 1, 6)
    meals: list[Meal] = []
    if rng.random() < 0.2:
        out = call + timedelta(minutes=rng.choice((15, 30, 45)))
        meals.append(Meal(out, out + timedelta(minutes=15), MealKind.NDB))
    first = call + timedelta(minutes=rng.randrange(5 * 60, 6 * 60 + 31, 15))  # some late
    meals.append(Meal(first, first + timedelta(minutes=rng.choice((30, 45, 60)))))
    if length > 12 * 60:
        second = meals[-1].back + timedelta(minutes=rng.randrange(5 * 60, 6 * 60 + 31, 15))
        if second + timedelta(minutes=60) < call + timedelta(minutes=length):
            meals.append(Meal(second, second + timedelta(minutes=30)))
    travel = D(rng.choice((0, 0, 0, 0, 1))) / 2
    return Timecard(person, day, call, call + timedelta(minutes=length), tuple(meals),
                    travel_before=travel, travel_after=travel, holiday=day == HOLIDAY)


def generate_season(seed: int = 1, days: int = DAYS) -> tuple[
        dict[str, Deal], list[Timecard], dict[str, Agreement]]:
    """(deals by person, timecards, agreements by id) of the seeded season (module doc)."""
    rng = random.Random(seed)
    agreements = {name: load_agreement(name) for name, _, _ in MIX}
    deals: dict[str, Deal] = {}
    for name, count, currency in MIX:
        for _ in range(count):
            person = f"p{len(deals) + 1:03d}"
            deals[person] = _deal(rng, person, name, currency)
    calendar = shoot_days(days)
    cards: list[Timecard] = []
    for person in deals:
        nights = False
        for day in calendar:
            if day.weekday() == 0:  # each week a day or a night shoot
                nights = rng.random() < 0.3
            cards.append(_card(rng, person, day, nights=nights))
    return deals, cards, agreements


def main() -> int:
    """Print the median, best and per-card cost; 1 when the median misses the target."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="3 runs instead of 10")
    args = parser.parse_args()
    deals, cards, agreements = generate_season(args.seed)
    weeks = price_timecards(deals, cards, agreements)
    violations = sum(len(w.violations) + sum(len(d.violations) for d in w.days) for w in weeks)
    print(f"machine: {platform.machine()}, python {platform.python_version()}; season: "
          f"{len(deals)} people, {len(cards)} timecards, {len(weeks)} person-weeks, "
          f"{violations} violations, seed {args.seed}")
    runs = 3 if args.quick else 10
    timing = measure("price_timecards (season)",
                     lambda: price_timecards(deals, cards, agreements),
                     runs=runs, warmup=1)
    per_card_us = timing.median_ms * 1000 / len(cards)
    met = timing.median_ms < TARGET_MS
    print("| measurement | median ms | best ms | per timecard us | target ms | result |")
    print("|---|---|---|---|---|---|")
    print(f"| {timing.label} | {timing.median_ms:.1f} | {timing.best_ms:.1f} | "
          f"{per_card_us:.1f} | {TARGET_MS:.0f} | {'met' if met else 'MISSED'} |")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
