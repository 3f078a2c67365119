"""Day out of days on random small schedules: totals agree and code sequences are valid."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.scheduling.dood import DoodRow, day_out_of_days
from lynchpin.engine.scheduling.dood_codes import code_totals
from lynchpin.engine.scheduling.model import Performer, Schedule, ScheduleProblem
from tests.engine.scheduling.conflicts_builders import days, performer, problem, schedule, strip

PEOPLE = ("ann", "bob", "cat", "dan")


@st.composite
def cases(draw: st.DrawFn) -> tuple[ScheduleProblem, Schedule]:
    people = [
        performer(
            name,
            number,
            holds_allowed=draw(st.booleans()),
            drop_pickup_allowed=draw(st.booleans()),
            drop_min_gap_days=draw(st.integers(0, 12)),
            travel_days=draw(st.integers(0, 3)),
        )
        for number, name in enumerate(PEOPLE, start=1)
    ]
    count = draw(st.integers(1, 12))
    strips = [
        strip(f"s{k}", *draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True)))
        for k in range(count)
    ]
    numbers = draw(st.lists(st.integers(1, 40), min_size=1, max_size=count, unique=True))
    plan: dict[int, list[str]] = {n: [] for n in numbers}
    for k in range(count):
        plan[draw(st.sampled_from(numbers))].append(f"s{k}")
    work = days(40)
    return problem(strips, people, days=work), schedule(plan, work)


extras = st.fixed_dictionaries(
    {
        "holidays": st.dictionaries(st.dates(date(2026, 3, 1), date(2026, 5, 1)), st.just("Hol")),
        "fittings": st.dictionaries(
            st.sampled_from(PEOPLE), st.lists(st.dates(date(2026, 2, 1), date(2026, 5, 1)))
        ),
        "rehearsals": st.dictionaries(
            st.sampled_from(PEOPLE), st.lists(st.dates(date(2026, 2, 1), date(2026, 5, 1)))
        ),
    }
)


def check_sequence(row: DoodRow) -> None:
    valid = code_totals()
    assert all(code in valid for code in row.cells)
    work = [k for k, code in enumerate(row.cells) if "W" in code]
    if not work:
        assert row.start is None and not any(code in ("H", "/") for code in row.cells)
        return
    first, last = work[0], work[-1]
    assert row.cells[first] in ("SW", "SWF", "SWD")
    assert row.cells[last].endswith("F")
    assert sum(code.startswith("S") for code in row.cells) == 1
    assert sum(code.endswith("F") for code in row.cells if "W" in code) == 1
    for k, code in enumerate(row.cells):
        if code in ("H", "/"):
            assert first < k < last
        if code.endswith("D"):
            assert any(c.startswith("P") for c in row.cells[k + 1 :])
    drops = sum(code.endswith("D") for code in row.cells)
    assert drops == row.drops == sum(code.startswith("P") for code in row.cells)


@settings(max_examples=80, deadline=None)
@given(cases(), extras)
def test_dood_totals_and_sequences(
    case: tuple[ScheduleProblem, Schedule], extra: dict[str, Any]
) -> None:
    prob, sched = case
    dood = day_out_of_days(prob, sched, **extra)
    by_id = {s.id: s for s in prob.strips}
    for row in dood.rows:
        assert len(row.cells) == len(dood.dates)
        worked = {
            d.date for d in sched.days if any(row.performer in by_id[s].cast for s in d.strips)
        }
        assert row.work == len(worked)
        assert row.work == sum("W" in code for code in row.cells)
        assert row.hold == row.cells.count("H")
        assert row.travel == row.cells.count("TR")
        assert row.fitting == row.cells.count("FT") and row.rehearsal == row.cells.count("R")
        assert row.holiday == row.cells.count("/")
        assert row.paid == row.work + row.hold + row.travel + row.fitting + row.rehearsal
        people: dict[str, Performer] = {p.id: p for p in prob.performers}
        if not people[row.performer].holds_allowed:
            assert row.hold == 0
        if worked:
            assert (row.start, row.finish) == (min(worked), max(worked))
        check_sequence(row)
