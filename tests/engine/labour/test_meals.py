"""Meal penalties under the elapsed (union) and worked-hours (California) bases."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from lynchpin.engine.errors import Severity
from lynchpin.engine.labour.agreement import Agreement, MealPenaltyKind
from lynchpin.engine.labour.meals import assess_meals, meal_penalties, meal_violations
from lynchpin.engine.labour.model import Basis, Deal, MealKind, PayKind, Timecard
from lynchpin.engine.labour.worktime import worked_time
from lynchpin.engine.money import Money

from .builders import CA_IDS, D, california, californias, card, deal, iatse, sag

NDB = MealKind.NDB


def _amounts(timecard: Timecard, agreement: Agreement, the_deal: Deal | None = None,
             ) -> list[Decimal]:
    the_deal = the_deal or deal("1000", "8", agreement=agreement)
    lines = meal_penalties(timecard, worked_time(timecard, agreement), the_deal, agreement)
    assert all(line.kind is PayKind.MEAL_PENALTY and line.hours == 0 for line in lines)
    return [line.amount.amount for line in lines]


@pytest.mark.parametrize("agreement", californias(), ids=CA_IDS)
def test_california_meals_at_3_hours_with_9_worked_owe_nothing(agreement: Agreement) -> None:
    # Issue 5 oracle: 9:00-12:00, 12:45-18:45 under the 5-hour rule owes no meal penalty
    # (first meal within 5 worked hours; 9 h worked never reaches the 10 h second-meal limit).
    timecard = card("09:00", "18:45", ("12:00", "12:45"))
    assert _amounts(timecard, agreement) == []
    assert meal_violations(timecard, worked_time(timecard, agreement),
                           deal("500", "10", agreement=agreement), agreement) == ()


def test_california_late_first_meal_pays_one_premium_hour_a_day() -> None:
    # First meal after 6 worked hours and no second meal in 12: two late meals, one premium.
    timecard = card("07:00", "19:30", ("13:00", "13:30"))
    agreement = california()
    the_deal = deal("500", "10")
    assessment = assess_meals(timecard, worked_time(timecard, agreement), the_deal, agreement)
    assert [line.amount for line in assessment.lines] == [Money(D(500) / D(11), "USD")]
    assert [v.rule for v in assessment.violations] == ["labour.meal_penalty"] * 2
    assert "one premium hour, 45.45 USD" in assessment.violations[0].message
    assert "no further premium" in assessment.violations[1].message


def test_california_first_meal_exactly_at_the_fifth_hour_is_on_time() -> None:
    assert _amounts(card("08:00", "16:30", ("13:00", "13:30")), california()) == []
    assert len(_amounts(card("08:00", "16:30", ("13:01", "13:31")), california())) == 1


def test_california_meal_owed_only_when_the_day_passes_the_threshold() -> None:
    assert _amounts(card("08:00", "13:00"), california()) == []  # exactly 5 h worked
    assert _amounts(card("08:00", "13:06"), california()) != []


def test_sag_meal_7_hours_after_call_is_two_25_dollar_penalties() -> None:
    # Issue 5 oracle: SAG-AFTRA-style meals within 6 h, $25/$25/$50 half-hour penalties; a
    # day performer's meal 7 h after call is two periods late: $25 + $25.
    agreement = sag()
    timecard = card("06:00", "15:00", ("13:00", "14:00"))
    performer = deal("1000", "8", agreement=agreement, performer_class="day")
    assert _amounts(timecard, agreement, performer) == [D(25), D(25)]
    (violation,) = meal_violations(timecard, worked_time(timecard, agreement), performer,
                                   agreement)
    assert violation.severity is Severity.WARNING
    assert "due at 12:00, started 13:00: 60 min late; 2 penalty periods, 50.00 USD" in (
        violation.message)


def test_penalties_escalate_and_the_last_amount_repeats() -> None:
    agreement = sag()
    # No meal at all: due 12:00, wrap 14:01 is 121 min late = 5 started half-hours.
    assert _amounts(card("06:00", "14:01"), agreement) == [D(25), D(25), D(50), D(50), D(50)]


def test_penalty_count_restarts_for_each_meal() -> None:
    agreement = iatse()
    # Meal 1 at 12:30 (due 12:00): one period. Back 13:00, meal 2 due 19:00, wrap 19:45: two.
    timecard = card("06:00", "19:45", ("12:30", "13:00"))
    assert _amounts(timecard, agreement) == [D("7.50"), D("7.50"), D("10.00")]


def test_ndb_within_the_window_resets_the_meal_clock() -> None:
    agreement = sag()
    with_ndb = card("06:00", "15:00", ("07:00", "07:15", NDB), ("13:00", "13:30"))
    assert _amounts(with_ndb, agreement) == []  # due 6 h after 07:15
    late_ndb = card("06:00", "15:00", ("08:30", "08:45", NDB), ("13:00", "13:30"))
    assert _amounts(late_ndb, agreement) == [D(25), D(25)]
    rules = [v.rule for v in meal_violations(late_ndb, worked_time(late_ndb, agreement),
                                             deal("1000", "8", agreement=agreement), agreement)]
    assert rules == ["labour.meal_penalty", "labour.ndb"]


def test_a_short_break_is_no_meal_for_the_clock() -> None:
    agreement = sag()
    assert _amounts(card("06:00", "13:00", ("11:00", "11:20")), agreement) == [D(25), D(25)]


def test_premium_hour_under_the_elapsed_basis_is_one_straight_hour() -> None:
    agreement = iatse(meals=replace(iatse().meals, penalty_kind=MealPenaltyKind.PREMIUM_HOUR))
    the_deal = deal("40", basis=Basis.HOURLY, agreement=agreement)
    assert _amounts(card("06:00", "14:00"), agreement, the_deal) == [D(40)]
