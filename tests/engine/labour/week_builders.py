"""Tests-only Agreement values for the week, rest, planning and payroll tests.

Built in code so that these tests state exactly the rules they rely on (the shipped data files
are tested by their own tests). The numbers follow the issue's description of each agreement:
California (Labor Code 510/512), an IATSE-style crew agreement, a SAG-AFTRA-style performer
agreement and a UK crew agreement.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
from lynchpin.engine.labour.model import Basis, DayKind, Deal, Meal, PayKind, Timecard
from lynchpin.engine.money import Money

D = Decimal


def usd(amount: str | int) -> Money:
    return Money(D(amount), "USD")


def _band(after: str, multiplier: str, kind: PayKind = PayKind.OVERTIME) -> Band:
    if multiplier == "1":
        kind = PayKind.STRAIGHT
    return Band(D(after), D(multiplier), kind, f"test.band.{after}", f"clause {after}")


def _table(penalties: tuple[str, ...] = (), cap: str | None = None) -> RateTable:
    return RateTable(
        effective=date(2020, 1, 1),
        meal_penalties=tuple(usd(p) for p in penalties),
        forced_call_cap=usd(cap) if cap else None,
        scale=(),
        source="test table",
    )


def _no_rest() -> RestRule:
    return RestRule(D(0), "", {}, False, "", ForcedCall(ForcedCallKind.NONE, D(1), "", ""))


def california(*, workweek_start: int = 0) -> Agreement:
    """Labor Code 510 (1.5x past 8 h a day or 40 h a week, 2x past 12 h, seventh consecutive
    day 1.5x then 2x past 8 h) and 512 (meals before the 5th and 10th worked hour)."""
    rules = WorkRules(
        bands={
            DayKind.REGULAR: (_band("0", "1"), _band("8", "1.5"), _band("12", "2")),
            DayKind.SEVENTH: (_band("0", "1.5"), _band("8", "2")),
        },
        minimum_call_hours=D(0),
        minimum_call_clause="",
        weekly_overtime_after=D(40),
        weekly_overtime_multiplier=D("1.5"),
        weekly_overtime_clause="Cal. Labor Code 510(a)",
    )
    meals = MealRule(MealBasis.WORKED, D(5), D(5), 30, MealPenaltyKind.PREMIUM_HOUR, 60,
                     "labour.meal_penalty", "Cal. Labor Code 512, 226.7")
    return Agreement(
        id="test-ca", name="California", jurisdiction="US-CA", currency="USD", sources=(),
        time_increment_minutes=6, rate_rounding=Rounding.EXACT, workweek_start=workweek_start,
        day_counting=DayCounting.CONSECUTIVE, rules={"": rules}, meals=meals, rest=_no_rest(),
        rate_tables=(_table(),),
    )


def iatse(*, weekend: dict[int, Decimal] | None = None) -> Agreement:
    """Crew: 1.5x past 8 h, golden 2x past 14 h (3x on a sixth day, 4x on a seventh day or
    holiday); meals every 6 h with escalating half-hour penalties; 10 h daily rest, 54/32 h
    weekend rest; an invaded rest is paid hour for hour at straight time on top."""
    golden = PayKind.GOLDEN
    rules = WorkRules(
        bands={
            DayKind.REGULAR: (_band("0", "1"), _band("8", "1.5"), _band("14", "2", golden)),
            DayKind.SIXTH: (_band("0", "1.5"), _band("14", "3", golden)),
            DayKind.SEVENTH: (_band("0", "2"), _band("14", "4", golden)),
            DayKind.HOLIDAY: (_band("0", "2"), _band("14", "4", golden)),
        },
        minimum_call_hours=D(8),
        minimum_call_clause="minimum call",
    )
    meals = MealRule(MealBasis.ELAPSED, D(6), D(6), 30, MealPenaltyKind.ESCALATING, 30,
                     "labour.meal_penalty", "meal periods")
    rest = RestRule(
        daily_hours=D(10), daily_clause="rest period",
        weekend_hours=weekend if weekend is not None else {5: D(54), 6: D(32)},
        weekend_adds_daily=False, weekend_clause="weekend rest",
        forced_call=ForcedCall(ForcedCallKind.INVADED_HOURS, D(1), "labour.rest.forced_call",
                               "rest period invasion"),
    )
    return Agreement(
        id="test-iatse", name="IATSE-style", jurisdiction="US", currency="USD", sources=(),
        time_increment_minutes=6, rate_rounding=Rounding.EXACT, workweek_start=0,
        day_counting=DayCounting.WORKED, rules={"": rules}, meals=meals, rest=rest,
        rate_tables=(_table(("7.50", "10.00", "12.50")),),
    )


def sag() -> Agreement:
    """Performers: tenths, 1.5x past 8 h and 2x past 10 h; meals within 6 h, $25/$25/$50;
    12 h rest; forced call = the lesser of the day rate and $900."""
    rules = WorkRules(
        bands={DayKind.REGULAR: (_band("0", "1"), _band("8", "1.5"), _band("10", "2"))},
        minimum_call_hours=D(8),
        minimum_call_clause="minimum call",
    )
    meals = MealRule(MealBasis.ELAPSED, D(6), D(6), 30, MealPenaltyKind.ESCALATING, 30,
                     "labour.meal_penalty", "meal periods")
    rest = RestRule(
        daily_hours=D(12), daily_clause="rest period", weekend_hours={5: D(56), 6: D(36)},
        weekend_adds_daily=False, weekend_clause="weekend rest",
        forced_call=ForcedCall(ForcedCallKind.DAY_RATE_CAPPED, D(1), "labour.rest.forced_call",
                               "forced call"),
    )
    return Agreement(
        id="test-sag", name="SAG-AFTRA-style", jurisdiction="US", currency="USD", sources=(),
        time_increment_minutes=6, rate_rounding=Rounding.EXACT, workweek_start=0,
        day_counting=DayCounting.WORKED, rules={"": rules, "day": rules}, meals=meals,
        rest=rest, rate_tables=(_table(("25", "25", "50"), cap="900"),),
    )


def uk() -> Agreement:
    """UK crew: 11 h daily rest, and 48 h weekend rest on top of the daily rest."""
    base = iatse()
    rest = RestRule(
        daily_hours=D(11), daily_clause="daily rest", weekend_hours={5: D(48)},
        weekend_adds_daily=True, weekend_clause="weekly rest",
        forced_call=ForcedCall(ForcedCallKind.INVADED_HOURS, D(1), "labour.rest.forced_call",
                               "rest invasion"),
    )
    return Agreement(
        id="test-uk", name="UK crew", jurisdiction="GB", currency="GBP", sources=(),
        time_increment_minutes=15, rate_rounding=Rounding.EXACT, workweek_start=0,
        day_counting=DayCounting.WORKED, rules=base.rules, meals=base.meals, rest=rest,
        rate_tables=(_table(),),
    )


def deal(person: str = "Ana", *, rate: str = "400", basis: Basis = Basis.DAILY,
         hours: str | None = None, agreement: str = "test-ca", performer_class: str = "") -> Deal:
    return Deal(person=person, position="grip", agreement=agreement, rate=usd(rate),
                basis=basis, guaranteed_hours=D(hours) if hours else None,
                performer_class=performer_class)


def card(day: date, call: str, wrap: str, *, person: str = "Ana",
         meals: tuple[tuple[str, str], ...] = (), travel_after: str = "0",
         travel_before: str = "0", holiday: bool = False) -> Timecard:
    """A timecard from clock times "HH:MM"; hours past 24 ("25:30") fall on the next day."""
    return Timecard(
        person=person, day=day, call=at(day, call), wrap=at(day, wrap),
        meals=tuple(Meal(at(day, out), at(day, back)) for out, back in meals),
        travel_before=D(travel_before), travel_after=D(travel_after), holiday=holiday,
    )


def at(day: date, clock: str) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime(day.year, day.month, day.day) + timedelta(hours=hours, minutes=minutes)
