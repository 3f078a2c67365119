"""Tests-only Agreement, Deal and Timecard values for the day-pay tests.

Built in code so each test states the rules it relies on (the shipped agreement files have
their own tests, and the oracle tests also run against the real California file when it
exists). The numbers follow the issue's description of each agreement: California (Labor Code
510 and 512), an IATSE-style crew agreement, a SAG-AFTRA-style performer agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from lynchpin.engine.labour.agreement import (
    Agreement,
    Band,
    DayCounting,
    ForcedCall,
    ForcedCallKind,
    MealBasis,
    MealPenaltyKind,
    MealRule,
    RateTable,
    RestRule,
    Rounding,
    WorkRules,
)
from lynchpin.engine.labour.model import Basis, DayKind, Deal, Meal, MealKind, PayKind, Timecard
from lynchpin.engine.money import Money

D = Decimal
DAY = date(2027, 3, 1)  # a Monday


def usd(amount: str | int) -> Money:
    return Money(D(amount), "USD")


def band(after: str, multiplier: str, kind: PayKind | None = None, prefix: str = "t") -> Band:
    """A band; kind STRAIGHT at 1x, OVERTIME otherwise, unless given."""
    if kind is None:
        kind = PayKind.STRAIGHT if D(multiplier) == 1 else PayKind.OVERTIME
    return Band(D(after), D(multiplier), kind, f"{prefix}.band.{after}x{multiplier}",
                f"{prefix} clause: {multiplier}x after {after} h")


def table(penalties: Sequence[str] = (), *, cap: str | None = None,
          effective: date = date(2020, 1, 1)) -> RateTable:
    return RateTable(effective, tuple(usd(p) for p in penalties), usd(cap) if cap else None, (),
                     "test table")


def _rest(daily: str = "0", kind: ForcedCallKind = ForcedCallKind.NONE) -> RestRule:
    return RestRule(D(daily), "rest clause", {}, False, "weekend clause",
                    ForcedCall(kind, D(1), "t.rest.forced", "forced call clause"))


def california(**changes: object) -> Agreement:
    """Labor Code 510 alone (1.5x past 8 h, 2x past 12 h; seventh consecutive day 1.5x, 2x
    past 8 h) and 512/226.7 (meals by the end of the 5th and 10th worked hour, one premium
    hour a day)."""
    rules = WorkRules({DayKind.REGULAR: (band("0", "1", prefix="ca"), band("8", "1.5", prefix="ca"),
                                         band("12", "2", prefix="ca")),
                       DayKind.SEVENTH: (band("0", "1.5", prefix="ca"),
                                         band("8", "2", prefix="ca"))},
                      D(0), "no minimum call", D(40), D("1.5"), "Cal. Labor Code 510(a)")
    meals = MealRule(MealBasis.WORKED, D(5), D(5), 30, MealPenaltyKind.PREMIUM_HOUR, 60,
                     "ca.meal", "Cal. Labor Code 512, 226.7")
    agreement = Agreement("test-ca", "California", "US-CA", "USD", (), 6, Rounding.EXACT, 6,
                          DayCounting.CONSECUTIVE, {"": rules}, meals, _rest(), (table(),))
    return replace(agreement, **changes)  # type: ignore[arg-type]


def iatse(**changes: object) -> Agreement:
    """IATSE-style crew: tenths, 1.5x past 8 h, golden 2x past 14 h (3x on a sixth day, 4x on
    a seventh or holiday), meals every 6 h with escalating half-hour penalties, 8 h call."""
    rules = WorkRules({DayKind.REGULAR: (band("0", "1", prefix="ia"), band("8", "1.5", prefix="ia"),
                                         band("14", "2", PayKind.GOLDEN, "ia")),
                       DayKind.SIXTH: (band("0", "1.5", prefix="ia"),
                                       band("14", "3", PayKind.GOLDEN, "ia")),
                       DayKind.SEVENTH: (band("0", "2", prefix="ia"),
                                         band("14", "4", PayKind.GOLDEN, "ia"))},
                      D(8), "ia minimum call: 8 hours")
    meals = MealRule(MealBasis.ELAPSED, D(6), D(6), 30, MealPenaltyKind.ESCALATING, 30,
                     "ia.meal", "ia meal clause")
    agreement = Agreement("test-iatse", "IATSE-style", "US", "USD", (), 6, Rounding.EXACT, 6,
                          DayCounting.WORKED, {"": rules}, meals,
                          _rest("10", ForcedCallKind.INVADED_HOURS),
                          (table(["7.50", "10.00", "12.50"]),))
    return replace(agreement, **changes)  # type: ignore[arg-type]


def sag(**changes: object) -> Agreement:
    """SAG-AFTRA-style performers: tenths, day performers 1.5x past 8 h and 2x past 10 h, meals
    within 6 h of call (or of an NDB's end) with $25/$25/$50 half-hour penalties."""
    day = WorkRules({DayKind.REGULAR: (band("0", "1", prefix="sag"),
                                       band("8", "1.5", prefix="sag"),
                                       band("10", "2", prefix="sag"))}, D(8), "sag day: 8 hours")
    meals = MealRule(MealBasis.ELAPSED, D(6), D(6), 30, MealPenaltyKind.ESCALATING, 30,
                     "sag.meal", "sag meal clause", D(2), 15)
    agreement = Agreement("test-sag", "SAG-AFTRA-style", "US", "USD", (), 6, Rounding.EXACT, 6,
                          DayCounting.WORKED, {"": day, "day": day}, meals,
                          _rest("12", ForcedCallKind.DAY_RATE_CAPPED),
                          (table(["25", "25", "50"], cap="900"),))
    return replace(agreement, **changes)  # type: ignore[arg-type]


def deal(rate: str, hours: str | None = None, *, basis: Basis = Basis.DAILY,
         agreement: Agreement | None = None, person: str = "ann", **changes: object) -> Deal:
    """A deal memo: ``deal("500", "10")`` is "$500/10" under the test California rules."""
    made = Deal(person, "grip", (agreement or california()).id, usd(rate), basis,
                None if hours is None else D(hours))
    return replace(made, **changes)  # type: ignore[arg-type]


def at(clock: str, day: date = DAY, zone: tzinfo | None = None) -> datetime:
    """``"09:30"`` on `day`; hours past 23 run into the next day (``"25:00"`` = 01:00)."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(hours=hours,
                                                                           minutes=minutes)


def card(call: str, wrap: str, *meals: tuple[str, str] | tuple[str, str, MealKind],
         day: date = DAY, person: str = "ann", zone: tzinfo | None = None,
         **changes: object) -> Timecard:
    """``card("09:00", "19:30", ("13:00", "13:30"))``: call, wrap and meals out/back."""
    breaks = tuple(Meal(at(m[0], day, zone), at(m[1], day, zone),
                        m[2] if len(m) == 3 else MealKind.MEAL)  # type: ignore[misc]
                   for m in meals)
    made = Timecard(person, day, at(call, day, zone), at(wrap, day, zone), breaks)
    return replace(made, **changes)  # type: ignore[arg-type]


def californias() -> list[Agreement]:
    """The California oracles run on these: the test values above and the shipped file."""
    from lynchpin.engine.labour.agreements import load_agreement

    return [california(), load_agreement("ca-nonunion")]


CA_IDS = ["test-values", "ca-nonunion-file"]
