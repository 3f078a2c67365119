"""The one drop/pick-up rule (`engagement.paid_spans`): the DOOD and the costing agree, and
the optimiser's model prices it exactly."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given, settings

from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.dood import day_out_of_days
from lynchpin.engine.scheduling.engagement import paid_spans
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem
from lynchpin.engine.scheduling.solver import solve_schedule
from tests.engine.scheduling.solver_problems import location, performer, random_problem
from tests.engine.scheduling.test_dood_properties import cases

START = date(2027, 3, 1)


def _dates(*offsets: int) -> list[date]:
    return [START + timedelta(days=k) for k in offsets]


@settings(max_examples=80, deadline=None)
@given(cases())
def test_dood_codes_and_costing_agree_per_performer(
    case: tuple[ScheduleProblem, Schedule],
) -> None:
    prob, sched = case
    places = tuple(location(loc) for loc in sorted({s.location for s in prob.strips}))
    prob = dataclasses.replace(prob, locations=places)
    dood = day_out_of_days(prob, sched)
    priced = {p.performer: p for p in schedule_cost(prob, sched).performers}
    for row in dood.rows:
        cost = priced.get(row.performer)
        if cost is None:
            assert row.work == 0
            continue
        assert (row.work, row.hold, row.drops, row.travel) == (
            cost.work_days, cost.hold_days, cost.drop_pickups, cost.travel_days)
        assert row.paid == cost.paid_days
        assert row.hold == row.cells.count("H")
        assert row.drops == sum(code.endswith("D") for code in row.cells)


def test_at_most_one_drop_where_it_saves_most() -> None:
    ann = performer("ann", drop_pickup_allowed=True, drop_min_gap_days=10)
    shoots = _dates(*range(40))
    # Gaps of 11, 15 and 12 shoot days, all long enough: only the 15-day one is dropped.
    work = _dates(0, 12, 28, 41 - 1)
    engaged = paid_spans(ann, work, shoots)
    assert engaged.drops == frozenset({1})
    assert (engaged.hold_days, engaged.dropped_days) == (11 + 11, 15)
    assert [len(segment) for segment in engaged.segments()] == [2, 2]


def test_travel_back_in_must_cost_less_than_the_holds_saved() -> None:
    shoots = _dates(*range(20))
    work = _dates(0, 15)  # 14 shoot days between
    far = performer("ann", drop_pickup_allowed=True, drop_min_gap_days=10, travel_days=14)
    near = dataclasses.replace(far, travel_days=2)
    assert paid_spans(far, work, shoots).drops == frozenset()
    assert paid_spans(far, work, shoots).paid_days == 2 + 14 + 14  # work, holds, travel in
    assert paid_spans(near, work, shoots).drops == frozenset({0})
    assert paid_spans(near, work, shoots).paid_days == 2 + 2 * 2  # work, travel in twice


def test_day_players_and_no_permission_never_drop() -> None:
    shoots = _dates(*range(20))
    work = _dates(0, 15)
    day_player = performer("dp", holds_allowed=False, drop_pickup_allowed=True)
    assert paid_spans(day_player, work, shoots).paid_days == 2
    assert paid_spans(performer("h"), work, shoots).hold_days == 14
    assert paid_spans(performer("h"), [], shoots).paid_days == 0


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_model_prices_the_shared_rule_exactly(seed: int) -> None:
    base = random_problem(seed, strips=7, days=14)
    people = tuple(
        dataclasses.replace(p, drop_pickup_allowed=True, drop_min_gap_days=2,
                            travel_days=n % 2)
        for n, p in enumerate(base.performers)
    )
    prob = dataclasses.replace(base, performers=people)
    result = solve_schedule(prob, time_limit=5.0, workers=1)
    assert result.cost == schedule_cost(prob, result.schedule)
    assert result.lower_bound <= result.cost.total
    if result.optimal:
        assert result.objective == result.cost.total
