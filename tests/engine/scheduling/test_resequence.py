"""The exact talent core inside a schedule: days reordered in blocks, strips within a day."""

from __future__ import annotations

from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import Severity
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.model import Rules, Schedule, ShootDay
from lynchpin.engine.scheduling.resequence import order_within_days, resequence_days
from tests.engine.scheduling.solver_problems import performer, problem, random_problem, strip


def _schedule(days: list[tuple[str, ...]], prob_days: tuple[date, ...]) -> Schedule:
    return Schedule(tuple(ShootDay(n + 1, prob_days[n], strips) for n, strips in enumerate(days)))


def _contents(schedule: Schedule) -> Counter[tuple[str, ...]]:
    return Counter(tuple(sorted(day.strips)) for day in schedule.days)


def test_days_are_reordered_to_cut_holds() -> None:
    # The lead works days 1 and 4; a cheap extra days 2 and 3: holding the lead costs most.
    strips = (
        strip("a", cast=("lead",)),
        strip("b", cast=("extra",)),
        strip("c", cast=("extra",)),
        strip("d", cast=("lead",)),
    )
    prob = problem(strips, (performer("lead", 5000), performer("extra", 100)), days=4)
    dates = tuple(d.date for d in prob.days)
    before = _schedule([("a",), ("b",), ("c",), ("d",)], dates)
    after = resequence_days(prob, before)
    assert schedule_cost(prob, after).total < schedule_cost(prob, before).total
    lead_days = [n for n, day in enumerate(after.days) if {"a", "d"} & set(day.strips)]
    assert lead_days[1] - lead_days[0] == 1
    assert _contents(after) == _contents(before)
    assert [day.date for day in after.days] == list(dates)


def test_a_pinned_strip_keeps_its_date() -> None:
    strips = (
        strip("a", cast=("lead",)),
        strip("b", cast=("extra",)),
        strip("c", cast=("extra",)),
        strip("d", cast=("lead",)),
    )
    base = problem(strips, (performer("lead", 5000), performer("extra", 100)), days=4)
    dates = tuple(d.date for d in base.days)
    pinned = problem(
        strips,
        (performer("lead", 5000), performer("extra", 100)),
        days=4,
        rules=Rules(pinned=(("d", dates[3]), ("a", dates[0]))),
    )
    before = _schedule([("a",), ("b",), ("c",), ("d",)], dates)
    assert resequence_days(base, before) != before
    assert resequence_days(pinned, before) == before


def test_strips_within_a_day_keep_a_performer_together() -> None:
    strips = (
        strip("a", minutes=60, cast=("lead", "kid")),
        strip("b", minutes=60, cast=("kid",)),
        strip("c", minutes=60, cast=("lead",)),
        strip("d", minutes=60, cast=("kid",)),
    )
    prob = problem(strips, (performer("lead", 5000), performer("kid", 100)), days=1)
    day = ShootDay(1, prob.days[0].date, ("a", "b", "c", "d"))
    ordered = order_within_days(prob, Schedule((day,))).days[0].strips
    assert sorted(ordered) == ["a", "b", "c", "d"]
    lead = [k for k, sid in enumerate(ordered) if sid in {"a", "c"}]
    assert lead[1] - lead[0] == 1


def test_precedences_inside_a_block_keep_the_order() -> None:
    strips = tuple(
        strip(sid, minutes=60, cast=cast)
        for sid, cast in [("a", ("x", "y")), ("b", ("y",)), ("c", ("x",)), ("d", ("y",))]
    )
    prob = problem(
        strips,
        (performer("x", 5000), performer("y", 100)),
        days=1,
        rules=Rules(precedences=(("a", "d"),)),
    )
    day = ShootDay(1, prob.days[0].date, ("a", "b", "c", "d"))
    assert order_within_days(prob, Schedule((day,))).days[0].strips == ("a", "b", "c", "d")


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_resequencing_never_costs_more_or_breaks_a_rule(seed: int) -> None:
    prob = random_problem(seed, strips=8, cast=3, locations=2, days=8)
    days = tuple(d.date for d in prob.days)
    before = _schedule([(s.id,) for s in prob.strips], days)
    after = order_within_days(prob, resequence_days(prob, before))
    assert schedule_cost(prob, after).total <= schedule_cost(prob, before).total
    errors_before = {v.rule for v in check_schedule(prob, before) if v.severity is Severity.ERROR}
    errors_after = {v.rule for v in check_schedule(prob, after) if v.severity is Severity.ERROR}
    assert errors_after <= errors_before
    assert _contents(after) == _contents(before)


def test_the_solver_returns_resequenced_days() -> None:
    from lynchpin.engine.scheduling.solver import solve_schedule

    strips = (
        strip("a", minutes=60, cast=("lead", "kid")),
        strip("b", minutes=60, cast=("kid",)),
        strip("c", minutes=60, cast=("lead",)),
        strip("d", minutes=60, cast=("kid",)),
    )
    prob = problem(strips, (performer("lead", 5000), performer("kid", 100)), days=2)
    result = solve_schedule(prob, time_limit=5.0)
    assert order_within_days(prob, result.schedule) == result.schedule
    assert result.cost == schedule_cost(prob, result.schedule)
    assert result.objective == result.cost.total
