"""Globals fed from the schedule re-price the budget and list what changed."""

from __future__ import annotations

from lynchpin.engine.budgeting.model import Budget, DetailLine, Formula, Global
from lynchpin.engine.budgeting.schedule_feed import (
    CastDays,
    LocationDays,
    ScheduleFeed,
    apply_schedule_globals,
    global_name,
)
from lynchpin.engine.budgeting.totals import price_budget

from .build import D, one_account


def _budget() -> Budget:
    return one_account(
        DetailLine("Lead actor", Formula("CAST_1_WORK + CAST_1_HOLD"), "Day", rate=D(1000)),
        DetailLine("Crew", Formula("SHOOT_DAYS"), "Day", rate=D(400)),
        DetailLine("Prep", Formula("PREP_WEEKS"), "Week", rate=D(2000)),
        DetailLine("Harbour fee", Formula("LOC_OLD_HARBOUR_DAYS"), "Day", rate=D(750)),
        DetailLine("Flat kit", D(1), rate=D(900)),
        globals=(Global("SHOOT_DAYS", D(20)), Global("PREP_WEEKS", D(3))), fringes=())


def test_feeding_a_schedule_sets_globals_and_lists_changed_lines() -> None:
    feed = ScheduleFeed(shoot_days=22, prep_weeks=D(3), cast=(CastDays("1", work=10, hold=2),),
                        locations=(LocationDays("old-harbour", 3),))
    budget, changes = apply_schedule_globals(_budget(), feed)
    assert [(c.reference, c.old_total, c.new_total) for c in changes] == [
        ("accounts.2001.lines[1]", D(0), D(12000)),
        ("accounts.2001.lines[2]", D(8000), D(8800)),
        ("accounts.2001.lines[4]", D(0), D(2250)),
    ]
    assert changes[0].description == "Lead actor"
    assert price_budget(budget).violations == ()


def test_changing_the_schedule_again_reports_only_the_difference() -> None:
    first, _ = apply_schedule_globals(_budget(), ScheduleFeed(
        22, D(3), cast=(CastDays("1", 10, 2),), locations=(LocationDays("old-harbour", 3),)))
    second, changes = apply_schedule_globals(first, ScheduleFeed(
        24, D(3), cast=(CastDays("1", 10, 2),), locations=(LocationDays("old-harbour", 3),)))
    assert [(c.old_total, c.new_total) for c in changes] == [(D(8800), D(9600))]
    assert len(second.globals) == len(first.globals)


def test_global_names_from_ids() -> None:
    assert global_name("CAST", "c-1", "WORK") == "CAST_C_1_WORK"
    assert global_name("LOC", "Old Harbour", "DAYS") == "LOC_OLD_HARBOUR_DAYS"
