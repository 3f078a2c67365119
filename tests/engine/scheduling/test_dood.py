"""Day out of days: one test per Movie Magic code and rule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from lynchpin.engine.scheduling.dood import Dood, DoodRow, day_out_of_days
from lynchpin.engine.scheduling.dood_codes import code_meanings, code_totals, max_drops
from lynchpin.engine.scheduling.model import Performer, PerformerKind, Schedule, ShootDay
from tests.engine.scheduling.conflicts_builders import (
    MONDAY,
    performer,
    problem,
    schedule,
    strip,
)

# Strip "x<n>" carries nobody: it keeps the company shooting on day n.
FILLER = tuple(strip(f"x{n}") for n in range(1, 31))


def dood_for(plan: dict[int, list[str]], *people: Performer, **kwargs: Any) -> Dood:
    cast_strips = [strip(f"s{n}", *ids) for n, ids in plan.items()]
    shoot = {n: [f"x{n}"] for n in range(1, max(plan) + 1)}
    for n in plan:
        shoot[n] = [f"s{n}", f"x{n}"]
    return day_out_of_days(
        problem([*cast_strips, *FILLER], people),
        schedule(shoot),
        **kwargs,
    )


def cells(row: DoodRow | None, dood: Dood) -> dict[date, str]:
    assert row is not None
    return {d: c for d, c in zip(dood.dates, row.cells, strict=True) if c}


def on(day: int) -> date:
    """The date of Monday-Friday work day `day` (1-based) from MONDAY."""
    weeks, rest = divmod(day - 1, 5)
    return MONDAY + timedelta(days=7 * weeks + rest)


def test_start_work_finish() -> None:
    dood = dood_for({1: ["ann"], 2: ["ann"], 3: ["ann"]}, performer("ann"))
    row = dood.row("ann")
    assert cells(row, dood) == {on(1): "SW", on(2): "W", on(3): "WF"}
    assert row is not None and (row.work, row.hold, row.start, row.finish) == (3, 0, on(1), on(3))


def test_single_day_is_swf() -> None:
    dood = dood_for({2: ["ann"], 3: []}, performer("ann"))
    assert cells(dood.row("ann"), dood) == {on(2): "SWF"}


def test_hold_between_work_days() -> None:
    dood = dood_for({1: ["ann"], 4: ["ann"]}, performer("ann"))
    row = dood.row("ann")
    assert cells(row, dood) == {on(1): "SW", on(2): "H", on(3): "H", on(4): "WF"}
    assert row is not None and (row.hold, row.idle, row.paid) == (2, 2, 4)


def test_no_holds_when_not_allowed() -> None:
    dood = dood_for({1: ["ann"], 4: ["ann"]}, performer("ann", holds_allowed=False))
    row = dood.row("ann")
    assert cells(row, dood) == {on(1): "SW", on(4): "WF"}
    assert row is not None and (row.hold, row.idle, row.paid) == (0, 2, 2)


def test_weekend_is_not_a_hold() -> None:
    dood = dood_for({5: ["ann"], 6: ["ann"]}, performer("ann"))  # Friday, Monday
    row = dood.row("ann")
    assert cells(row, dood) == {on(5): "SW", on(6): "WF"}
    assert row is not None and (row.hold, row.idle) == (0, 2)
    assert dood.shoot_days[dood.dates.index(on(5) + timedelta(days=1))] is None


def test_company_holiday_is_not_a_hold() -> None:
    holiday = {on(2): "Founders' Day"}
    # The company does not shoot on the holiday (day 2 has no shoot day).
    dood = day_out_of_days(
        problem([strip("a", "ann"), strip("b", "ann")], [performer("ann")]),
        schedule({1: ["a"], 3: ["b"]}),
        holidays=holiday,
    )
    row = dood.row("ann")
    assert cells(row, dood) == {on(1): "SW", on(2): "/", on(3): "WF"}
    assert row is not None and (row.hold, row.holiday) == (0, 1)
    assert dood.holidays[1] == "Founders' Day"


def test_a_holiday_the_company_shoots_on_is_a_work_day() -> None:
    dood = dood_for({1: ["ann"], 3: ["ann"]}, performer("ann"), holidays={on(2): "X"})
    assert cells(dood.row("ann"), dood)[on(2)] == "H"
    assert dood.holidays[1] == ""


def test_drop_and_pick_up_after_a_long_gap() -> None:
    ann = performer("ann", drop_pickup_allowed=True)
    dood = dood_for({1: ["ann"], 12: ["ann"]}, ann)  # 2 Mar -> 17 Mar: 14 days between
    row = dood.row("ann")
    assert cells(row, dood) == {on(1): "SWD", on(12): "PWF"}
    assert row is not None and (row.drops, row.hold, row.idle, row.paid) == (1, 0, 0, 2)


def test_no_drop_when_the_gap_is_not_more_than_the_minimum() -> None:
    ann = performer("ann", drop_pickup_allowed=True, drop_min_gap_days=10)
    dood = dood_for({2: ["ann"], 7: ["ann"], 8: ["ann"]}, ann)  # 3 Mar -> 10 Mar: 7 days
    row = dood.row("ann")
    assert row is not None and row.drops == 0 and row.hold == 4
    # 2 Mar -> 12 Mar: 9 calendar days strictly between; a drop needs more than the minimum.
    ann_9 = performer("ann", drop_pickup_allowed=True, drop_min_gap_days=9)
    assert dood_for({1: ["ann"], 9: ["ann"]}, ann_9).row("ann").drops == 0  # type: ignore[union-attr]
    ann_8 = performer("ann", drop_pickup_allowed=True, drop_min_gap_days=8)
    assert dood_for({1: ["ann"], 9: ["ann"]}, ann_8).row("ann").drops == 1  # type: ignore[union-attr]


def test_no_drop_without_permission_or_holds() -> None:
    gap = {1: ["ann"], 12: ["ann"]}
    assert dood_for(gap, performer("ann")).row("ann").drops == 0  # type: ignore[union-attr]
    no_holds = performer("ann", drop_pickup_allowed=True, holds_allowed=False)
    assert dood_for(gap, no_holds).row("ann").drops == 0  # type: ignore[union-attr]


def test_no_drop_when_travelling_back_costs_more_than_holding() -> None:
    # 10 hold days in the gap; travelling back in takes 10 days: holding is no dearer.
    ann = performer("ann", drop_pickup_allowed=True, travel_days=10)
    row = dood_for({1: ["ann"], 12: ["ann"]}, ann).row("ann")
    assert row is not None and row.drops == 0 and row.hold == 10
    ann = performer("ann", drop_pickup_allowed=True, travel_days=2)
    dood = dood_for({1: ["ann"], 12: ["ann"]}, ann)
    row = dood.row("ann")
    assert row is not None and row.drops == 1 and row.travel == 4  # in at start, in at pick-up
    assert cells(row, dood)[on(12) - timedelta(days=1)] == "TR"


def test_only_one_drop_per_performer_where_it_saves_most() -> None:
    assert max_drops() == 1
    ann = performer("ann", drop_pickup_allowed=True)
    # Gaps: day 1 -> 12 (10 holds), day 12 -> 28 (15 holds): the second saves more.
    dood = dood_for({1: ["ann"], 12: ["ann"], 28: ["ann"]}, ann)
    row = dood.row("ann")
    assert row is not None and row.drops == 1
    found = cells(row, dood)
    assert (found[on(1)], found[on(12)], found[on(28)]) == ("SW", "WD", "PWF")
    assert row.hold == 10


def test_travel_days_before_start_widen_the_columns() -> None:
    dood = dood_for({1: ["ann"]}, performer("ann", travel_days=2))
    assert dood.dates[0] == on(1) - timedelta(days=2)
    row = dood.row("ann")
    assert cells(row, dood) == {on(1) - timedelta(days=2): "TR", on(1) - timedelta(days=1): "TR",
                                on(1): "SWF"}  # fmt: skip
    assert row is not None and row.travel == 2 and row.paid == 3


def test_fittings_and_rehearsals() -> None:
    fitting, rehearsal = on(1) - timedelta(days=5), on(2)
    dood = dood_for(
        {1: ["ann"], 3: ["ann"]}, performer("ann"),
        fittings={"ann": [fitting]}, rehearsals={"ann": [rehearsal, on(3)]},
    )  # fmt: skip
    row = dood.row("ann")
    assert dood.dates[0] == fitting
    assert cells(row, dood) == {fitting: "FT", on(1): "SW", on(2): "R", on(3): "WF"}
    assert row is not None and (row.fitting, row.rehearsal, row.hold, row.work) == (1, 1, 0, 2)


def test_kinds_filter_and_row_order() -> None:
    people = (
        performer("dog", 0, kind=PerformerKind.ANIMAL),
        performer("bob", 2),
        performer("zed", 0),
        performer("ann", 1),
    )
    dood = dood_for({1: ["ann", "bob", "dog", "zed"]}, *people)
    # Cast first (numbered in order, then unnumbered), then animals.
    assert [r.performer for r in dood.rows] == ["ann", "bob", "zed", "dog"]
    cast = dood_for({1: ["ann", "bob", "dog"]}, *people, kinds=frozenset({PerformerKind.CAST}))
    assert [r.performer for r in cast.rows] == ["ann", "bob", "zed"]
    assert cast.row("zed").start is None and cast.row("zed").work == 0  # type: ignore[union-attr]


def test_elements_count_as_work() -> None:
    dood = day_out_of_days(
        problem([strip("a", elements=("animal:DOG",))], [performer("animal:DOG")]),
        schedule({1: ["a"]}),
    )
    assert dood.row("animal:DOG").cells == ("SWF",)  # type: ignore[union-attr]


def test_two_units_on_one_date_count_once() -> None:
    first = schedule({1: ["a"], 2: ["c"]})
    second_unit = ShootDay(1, first.days[0].date, ("b",), "second")
    both = Schedule(days=(*first.days, second_unit))
    dood = day_out_of_days(
        problem([strip("a", "ann"), strip("b", "ann"), strip("c", "ann")], [performer("ann")]),
        both,
    )
    assert dood.row("ann").work == 2  # type: ignore[union-attr]


def test_columns_are_every_calendar_date() -> None:
    dood = dood_for({1: ["ann"], 6: ["ann"]}, performer("ann"))
    assert dood.dates == tuple(on(1) + timedelta(days=k) for k in range(8))
    assert dood.shoot_days == (1, 2, 3, 4, 5, None, None, 6)


def test_empty_schedule_gives_empty_columns() -> None:
    dood = day_out_of_days(problem([], [performer("ann")]), Schedule(days=()))
    assert dood.dates == () and dood.rows[0].cells == ()


def test_code_table_is_complete() -> None:
    totals = code_totals()
    for code in ("SW", "W", "WF", "SWF", "WD", "PW", "H", "/", "TR", "FT", "R"):
        assert code in totals and code_meanings()[code]
