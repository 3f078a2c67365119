"""ETC policies: the schedule projection's formula, its worked example and its edge cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.book import Ledger
from lynchpin.engine.ledger.costreport import TOTAL, cost_report
from lynchpin.engine.ledger.etc import ScheduleProjection, ShootProgress, UnspentBudget
from lynchpin.engine.ledger.ledger import post_all

from .builders import day, empty, payroll, tree, usd

MARCH = (day(1), day(31))
# The worked example of docs/ledger.md: 10 days, 80 pages (640 eighths), camera 3,000 a day.
BUDGET = {"2100": usd(30000), "3100": usd(5000)}
DAILY = {"2100": usd(3000)}


def _ledger_after_three_days() -> Ledger:
    return post_all(empty(), [payroll(f"P{n}", 3000, account="2100", on=n) for n in (2, 3, 4)])


def test_behind_schedule_extrapolates_the_achieved_pace() -> None:
    """3 days shot covering 2 days' pages (128 of 640 eighths): 12 more days at that pace,
    5 more than planned, so camera ETC = 21,000 + 5 x 3,000 = 36,000 and EFC 45,000."""
    progress = ShootProgress(planned_days=10, days_shot=3, work_planned=640, work_shot=128)
    assert progress.projected_days_left() == 12
    assert progress.extra_days() == 5
    ledger = _ledger_after_three_days()
    policy = ScheduleProjection(progress, DAILY)
    report = cost_report(BUDGET, tree(), ledger, period=MARCH, etc=policy)
    camera = report.line("2100").figures
    assert camera.etc == usd(36000)
    assert camera.efc == usd(45000)
    assert camera.variance == usd(-15000)
    assert report.line("3100").figures.etc == usd(5000)  # not shoot-driven: unspent budget
    assert "extra days 5" in report.etc_basis


def test_efc_rises_the_day_the_shoot_falls_behind() -> None:
    ledger = _ledger_after_three_days()
    on_plan = ShootProgress(planned_days=10, days_shot=3, work_planned=640, work_shot=192)
    behind = ShootProgress(planned_days=10, days_shot=3, work_planned=640, work_shot=128)
    plain = cost_report(BUDGET, tree(), ledger, period=MARCH, etc=UnspentBudget())
    planned = cost_report(
        BUDGET, tree(), ledger, period=MARCH, etc=ScheduleProjection(on_plan, DAILY)
    )
    late = cost_report(BUDGET, tree(), ledger, period=MARCH, etc=ScheduleProjection(behind, DAILY))
    assert planned.line(TOTAL).figures.efc == plain.line(TOTAL).figures.efc
    assert late.line(TOTAL).figures.efc - plain.line(TOTAL).figures.efc == usd(15000)


def test_ahead_of_schedule_lowers_etc_but_never_below_zero() -> None:
    ahead = ShootProgress(planned_days=10, days_shot=4, work_planned=640, work_shot=512)
    assert ahead.extra_days() == -5
    ledger = _ledger_after_three_days()
    report = cost_report(BUDGET, tree(), ledger, period=MARCH, etc=ScheduleProjection(ahead, DAILY))
    assert report.line("2100").figures.etc == usd(6000)
    done = ShootProgress(planned_days=10, days_shot=3, work_planned=640, work_shot=640)
    overpaid = post_all(ledger, [payroll("P9", 3000, account="2100", on=9)])
    report = cost_report(
        BUDGET, tree(), overpaid, period=MARCH, etc=ScheduleProjection(done, DAILY)
    )
    assert report.line("2100").figures.etc == usd(0)


def test_days_beyond_plan_are_not_counted_twice() -> None:
    """12 days shot of a 10-day plan, 15/16 of the work done: 0.8 more days at the pace."""
    over = ShootProgress(planned_days=10, days_shot=12, work_planned=640, work_shot=600)
    assert over.projected_days_left() == Decimal("0.8")
    ledger = post_all(empty(), [payroll(f"P{n}", 3000, account="2100", on=n) for n in range(1, 13)])
    report = cost_report(BUDGET, tree(), ledger, period=MARCH, etc=ScheduleProjection(over, DAILY))
    assert report.line("2100").figures.etc == usd(2400)


def test_edge_cases_of_the_pace() -> None:
    not_started = ShootProgress(planned_days=10, days_shot=0, work_planned=640, work_shot=0)
    assert not_started.extra_days() == 0
    rained_out = ShootProgress(planned_days=10, days_shot=2, work_planned=640, work_shot=0)
    assert rained_out.extra_days() == 12  # 640 eighths left at the floor of 32 a day, 8 planned
    almost = ShootProgress(planned_days=10, days_shot=2, work_planned=640, work_shot=1)
    assert rained_out.extra_days() >= almost.extra_days() > 11
    fraction = ShootProgress(planned_days=3, days_shot=1, work_planned=100, work_shot=33)
    assert fraction.projected_days_left(whole_days=True) == 3
    assert fraction.projected_days_left() == Decimal(67) / 33


def test_bad_progress_is_refused_by_field() -> None:
    with pytest.raises(InputError, match="days_shot"):
        ShootProgress(planned_days=10, days_shot=-1, work_planned=8, work_shot=0)
    with pytest.raises(InputError, match="work_planned"):
        ShootProgress(planned_days=10, days_shot=0, work_planned=0, work_shot=0)
    progress = ShootProgress(planned_days=1, days_shot=0, work_planned=8, work_shot=0)
    with pytest.raises(InputError, match="negative"):
        cost_report(
            {}, tree(), empty(), period=MARCH, etc=ScheduleProjection(progress, {"2100": usd(-1)})
        )
