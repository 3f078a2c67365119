"""Conflict checks on random schedules: never crash, well-formed violations."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.scheduling.conflicts import CHECKS, check_schedule
from lynchpin.engine.scheduling.model import (
    Availability,
    DayCapacity,
    DayPart,
    Rules,
    Schedule,
    ScheduleProblem,
    ShootDay,
)
from tests.engine.scheduling.conflicts_builders import MONDAY, days, performer, problem, strip

PEOPLE = ("ann", "bob", "kid")
IDS = (*(f"s{k}" for k in range(8)), "ghost")


@st.composite
def cases(draw: st.DrawFn) -> tuple[ScheduleProblem, Schedule]:
    strips = [
        strip(
            f"s{k}",
            *draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True)),
            minutes=draw(st.integers(0, 400)),
            eighths=draw(st.integers(1, 24)),
            location=draw(st.sampled_from(["A", "B", "C"])),
            day_part=draw(st.sampled_from(list(DayPart))),
        )
        for k in range(draw(st.integers(0, 8)))
    ]
    blackouts = tuple(MONDAY + timedelta(days=k) for k in draw(st.lists(st.integers(0, 20))))
    people = [
        performer("ann", availability=Availability(blackouts=blackouts)),
        performer("bob", 2, latest_finish=MONDAY + timedelta(days=draw(st.integers(0, 20)))),
        performer("kid", 3, minor=True, max_minutes=draw(st.integers(0, 600))),
    ]
    pairs = st.tuples(st.sampled_from(IDS), st.sampled_from(IDS))
    rules = Rules(
        precedences=tuple(draw(st.lists(pairs, max_size=3))),
        same_day=tuple(
            tuple(g) for g in draw(st.lists(st.lists(st.sampled_from(IDS)), max_size=2))),
        pinned=tuple((s, MONDAY + timedelta(days=d)) for s, d in draw(
            st.lists(st.tuples(st.sampled_from(IDS), st.integers(0, 20)), max_size=2))),
    )  # fmt: skip
    shoot = tuple(
        ShootDay(
            draw(st.integers(1, 15)),
            MONDAY + timedelta(days=draw(st.integers(0, 20))),
            tuple(draw(st.lists(st.sampled_from(IDS), max_size=5))),
            draw(st.sampled_from(["main", "second"])),
        )
        for _ in range(draw(st.integers(0, 6)))
    )
    boneyard = tuple(draw(st.lists(st.sampled_from(IDS), max_size=3)))
    capacity = DayCapacity(max_eighths=draw(st.one_of(st.none(), st.integers(1, 40))))
    prob = problem(strips, people, days=days(10), rules=rules, capacity=capacity)
    return prob, Schedule(days=shoot, boneyard=boneyard)


@settings(max_examples=120, deadline=None)
@given(cases())
def test_checks_never_crash_and_name_their_rule(case: tuple[ScheduleProblem, Schedule]) -> None:
    prob, sched = case
    found = check_schedule(prob, sched)
    names = {name for name, _ in CHECKS}
    for violation in found:
        assert isinstance(violation, Violation)
        assert violation.rule in names
        assert violation.message and violation.reference
        expected = Severity.WARNING if violation.rule == "strip.unscheduled" else Severity.ERROR
        assert violation.severity is expected
    assert check_schedule(prob, sched) == found  # deterministic
