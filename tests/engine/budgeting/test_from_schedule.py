"""A ScheduleFeed from a small hand-built schedule, and the budget it re-prices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lynchpin.engine.budgeting.from_schedule import schedule_feed
from lynchpin.engine.budgeting.model import Budget, DetailLine, Formula, Global
from lynchpin.engine.budgeting.schedule_feed import apply_schedule_globals
from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.dood import day_out_of_days
from lynchpin.engine.scheduling.model import (
    Location,
    Performer,
    PerformerKind,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
    WorkDay,
)

from .build import D, one_account

GBP = Money(Decimal(100), "GBP")


def _problem() -> ScheduleProblem:
    strips = (
        Strip("1", "1", 8, 60, "QUAY - DOCK", "QUAY", cast=("ANA",)),
        Strip("2", "2", 8, 60, "BAR - INSIDE", "BAR", cast=("ANA", "BEN")),
        Strip("3", "3", 8, 60, "QUAY - STEPS", "QUAY", cast=("ANA",), elements=("DOG",)),
        Strip("4", "4", 8, 60, "QUAY - END", "QUAY", cast=("BEN",)),
    )
    performers = (
        Performer("ANA", "ANA", GBP),
        Performer("BEN", "BEN", GBP, travel_days=1),
        Performer("DOG", "DOG", GBP, kind=PerformerKind.ANIMAL),
        Performer("CY", "CY", GBP),
    )
    locations = (Location("QUAY", "QUAY", GBP), Location("BAR", "BAR", GBP),
                 Location("CHURCH", "CHURCH", GBP))
    days = tuple(WorkDay(n, date(2027, 3, 14 + n)) for n in range(1, 6))
    return ScheduleProblem(strips, performers, locations, days, GBP, GBP, currency="GBP")


def _schedule() -> Schedule:
    return Schedule(days=(
        ShootDay(1, date(2027, 3, 15), ("1", "2")),
        ShootDay(2, date(2027, 3, 16), ("3",)),
        ShootDay(3, date(2027, 3, 17), ()),
        ShootDay(4, date(2027, 3, 18), ("4", "ghost")),
    ))


def test_feed_counts_days_cast_and_locations() -> None:
    problem, schedule = _problem(), _schedule()
    dood = day_out_of_days(problem, schedule)
    feed = schedule_feed(problem, schedule, dood, prep_weeks=D("3.5"), wrap_weeks=D(1))
    assert feed.shoot_days == 4
    assert (feed.prep_weeks, feed.wrap_weeks) == (D("3.5"), D(1))
    cast = {member.id: member for member in feed.cast}
    assert set(cast) == {"ANA", "BEN", "CY"}  # the dog is an element, not cast
    ana, ben = dood.row("ANA"), dood.row("BEN")
    assert ana is not None and ben is not None
    assert (cast["ANA"].work, cast["ANA"].hold) == (ana.work, ana.hold) == (2, 0)
    assert cast["BEN"].work == ben.work == 2
    assert cast["BEN"].hold == ben.hold and cast["BEN"].travel == ben.travel
    assert cast["CY"].work == 0
    assert {p.id: p.days for p in feed.locations} == {"QUAY": 3, "BAR": 1, "CHURCH": 0}


def test_two_units_on_one_date_count_one_shoot_day() -> None:
    schedule = Schedule(days=(ShootDay(1, date(2027, 3, 15), ("1",)),
                              ShootDay(1, date(2027, 3, 15), ("4",), unit="second")))
    problem = _problem()
    feed = schedule_feed(problem, schedule, day_out_of_days(problem, schedule))
    assert feed.shoot_days == 1
    assert {p.id: p.days for p in feed.locations}["QUAY"] == 1


def test_feed_reprices_a_budget() -> None:
    problem, schedule = _problem(), _schedule()
    feed = schedule_feed(problem, schedule, day_out_of_days(problem, schedule),
                         prep_weeks=D(2))
    budget: Budget = one_account(
        DetailLine("Ana", Formula("CAST_ANA_WORK + CAST_ANA_HOLD"), "Day", rate=D(500)),
        DetailLine("Crew", Formula("SHOOT_DAYS"), "Day", rate=D(1000)),
        DetailLine("Quay permit", Formula("LOC_QUAY_DAYS"), "Day", rate=D(300)),
        DetailLine("Flat", D(1), rate=D(50)),
        globals=(Global("SHOOT_DAYS", D(10)), Global("CAST_ANA_WORK", D(5)),
                 Global("CAST_ANA_HOLD", D(0)), Global("LOC_QUAY_DAYS", D(1))),
        fringes=())
    _, changes = apply_schedule_globals(budget, feed)
    assert [(c.description, c.old_total, c.new_total) for c in changes] == [
        ("Ana", D(2500), D(1000)), ("Crew", D(10000), D(4000)), ("Quay permit", D(300), D(900))]


@pytest.mark.parametrize("weeks", [D(-1), D("NaN")])
def test_negative_or_nan_weeks_are_refused(weeks: Decimal) -> None:
    problem, schedule = _problem(), _schedule()
    with pytest.raises(InputError, match="prep_weeks"):
        schedule_feed(problem, schedule, day_out_of_days(problem, schedule), prep_weeks=weeks)
