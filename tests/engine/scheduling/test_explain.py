"""explain: components add up, the bound and gap are reported, holds are explained by facts."""

from __future__ import annotations

from datetime import timedelta

from lynchpin.engine.money import total
from lynchpin.engine.scheduling.explain import explain
from lynchpin.engine.scheduling.model import Availability, DateRange, Rules
from lynchpin.engine.scheduling.solver import solve_schedule
from tests.engine.scheduling.solver_problems import (
    MONDAY,
    location,
    performer,
    problem,
    strip,
    usd,
)


def _held_problem():  # type: ignore[no-untyped-def]
    """Star works on the first and the last day: strip 40 needs a location that only opens
    on Thursday, strip 12 is pinned to Monday; other work is pinned to the days between."""
    thursday = MONDAY + timedelta(days=3)
    strips = (
        strip("12", "A", 600, cast=("star",)),
        strip("40", "X", 600, cast=("star",)),
        strip("20", "A", 600),
        strip("21", "A", 600),
    )
    locations = (
        location("A"),
        location(
            "X",
            availability=Availability(
                windows=(DateRange(thursday, thursday + timedelta(days=30)),)
            ),
        ),
    )
    rules = Rules(
        pinned=(
            ("12", MONDAY),
            ("20", MONDAY + timedelta(days=1)),
            ("21", MONDAY + timedelta(days=2)),
        )
    )
    return problem(strips, (performer("star", 4000),), locations=locations, rules=rules, days=6)


def test_components_sum_to_the_total_and_report_bound() -> None:
    prob = _held_problem()
    result = solve_schedule(prob, time_limit=5.0)
    explanation = explain(prob, result)
    assert total([line.amount for line in explanation.components], "USD") == explanation.total
    assert explanation.total == result.cost.total
    assert explanation.optimal and explanation.gap == 0.0
    assert explanation.lower_bound == result.cost.total
    labels = [line.label for line in explanation.components]
    assert labels[:2] == ["crew days", "cast work days"]
    assert "holds: Star" in labels and "overtime" in labels


def test_held_performer_is_explained_by_the_binding_rules() -> None:
    prob = _held_problem()
    explanation = explain(prob, solve_schedule(prob, time_limit=5.0))
    (held,) = explanation.held
    assert (held.first_day, held.last_day, held.hold_days) == (1, 4, 2)
    assert held.first_strips == ("12",) and held.last_strips == ("40",)
    assert held.hold_cost == usd(8000)
    assert "sc 12 pinned to 2027-03-01" in held.reasons
    assert any(r.startswith("sc 40: location X available only 2027-03-04") for r in held.reasons)
    assert held.summary == "Star held 2 days between day 1 (sc 12) and day 4 (sc 40)"
