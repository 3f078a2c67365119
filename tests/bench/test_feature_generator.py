"""The seeded feature generator of bench/ and the plain baseline model of bench/feature.py."""

from __future__ import annotations

from collections import Counter

from bench.feature import Baseline, _order_day, allowed_days
from bench.feature_generator import CAST, LOCATIONS, SHOOT_DAYS, STRIPS, generate_feature
from lynchpin.engine.scheduling.model import DayPart, ScheduleProblem


def test_same_seed_same_problem_and_another_seed_differs() -> None:
    assert generate_feature(7) == generate_feature(7)
    assert generate_feature(7) != generate_feature(8)


def test_sizes_are_as_promised() -> None:
    problem = generate_feature(1)
    assert (len(problem.strips), len(problem.performers), len(problem.locations)) == (
        STRIPS, CAST, LOCATIONS) == (200, 40, 25)
    assert len(problem.days) == SHOOT_DAYS == 45
    assert all(day.date.weekday() < 5 for day in problem.days)
    assert [day.number for day in problem.days] == list(range(1, 46))
    assert len({s.id for s in problem.strips}) == 200


def test_every_strip_names_existing_cast_and_location() -> None:
    for seed in (1, 2, 3):
        problem = generate_feature(seed)
        cast = {p.id for p in problem.performers}
        places = {loc.id for loc in problem.locations}
        for strip in problem.strips:
            assert strip.cast, strip.id
            assert set(strip.cast) <= cast
            assert strip.location in places


def test_cast_shape_leads_supporting_day_players() -> None:
    problem = generate_feature(1)
    counts = Counter(member for strip in problem.strips for member in strip.cast)
    assert all(counts[f"c{n:02d}"] >= 40 for n in range(1, 5))  # leads in many scenes
    assert all(1 <= counts[f"c{n:02d}"] <= 2 for n in range(13, 41))  # day players
    assert not any(p.holds_allowed for p in problem.performers[12:])


def test_availability_windows_night_strips_and_feasible_days() -> None:
    for seed in (1, 2, 3):
        problem = generate_feature(seed)
        assert any(p.availability.windows for p in problem.performers)
        assert any(loc.availability.windows for loc in problem.locations)
        assert any(s.day_part is DayPart.NIGHT for s in problem.strips)
        for strip in problem.strips:  # no strip is shut out by the windows it meets
            assert allowed_days(problem, strip), strip.id
            assert strip.minutes <= problem.capacity.max_minutes


def test_strip_minutes_fit_the_calendar() -> None:
    problem: ScheduleProblem = generate_feature(1)
    minutes = sum(s.minutes for s in problem.strips)
    assert minutes <= SHOOT_DAYS * problem.capacity.standard_minutes


def test_baseline_model_builds_and_orders_a_day_by_precedence() -> None:
    problem = generate_feature(1)
    model = Baseline(problem)
    assert model.cp.validate() == ""
    strips = [s for s in problem.strips if s.location in {"loc01", "loc02"}][:6]
    ordered = _order_day(strips, ((strips[-1].id, strips[0].id),))
    assert ordered.index(strips[-1].id) < ordered.index(strips[0].id)
    assert sorted(ordered) == sorted(s.id for s in strips)
