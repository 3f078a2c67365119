"""The labour benchmark's season generator builds valid input, and a --quick run works (its
timing is the benchmark's business, never a test's)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from bench.labour import DAYS, MIX, PEOPLE, generate_season, shoot_days
from lynchpin.engine.labour.model import Basis
from lynchpin.engine.labour.payroll import price_timecards
from lynchpin.engine.labour.rest import end_of_duty, start_of_duty
from lynchpin.engine.labour.worktime import check_timecard
from tests.conftest import REPO


def test_season_sizes_and_mix() -> None:
    deals, cards, agreements = generate_season(1)
    assert (len(deals), len(cards)) == (PEOPLE, PEOPLE * DAYS) == (100, 6000)
    assert Counter(deal.agreement for deal in deals.values()) == {
        name: count for name, count, _ in MIX}
    assert set(agreements) == {name for name, _, _ in MIX}
    assert {deal.basis for deal in deals.values()} == set(Basis)
    assert all(deal.rate.currency == agreements[deal.agreement].currency
               for deal in deals.values())
    days = shoot_days()
    assert len(set(days)) == DAYS and all(day.weekday() < 5 for day in days)


def test_same_seed_same_season_and_another_seed_differs() -> None:
    assert generate_season(3) == generate_season(3)
    assert generate_season(3)[1] != generate_season(4)[1]


def test_every_card_is_valid_and_days_never_overlap() -> None:
    deals, cards, _ = generate_season(2)
    previous = {}
    for card in cards:
        check_timecard(card)  # raises InputError for an invalid card
        assert card.person in deals
        if card.person in previous:
            assert start_of_duty(card) >= end_of_duty(previous[card.person])
        previous[card.person] = card


def test_a_short_season_prices_with_penalties_and_forced_calls() -> None:
    deals, cards, agreements = generate_season(1, days=10)
    weeks = price_timecards(deals, cards, agreements)
    assert len(weeks) == PEOPLE * 2
    kinds = {line.kind.value for week in weeks for line in week.lines}
    assert {"straight", "overtime", "golden", "meal_penalty", "forced_call", "kit"} <= kinds


def test_quick_run_prints_its_figures() -> None:
    result = subprocess.run([sys.executable, "-m", "bench.labour", "--quick"], cwd=REPO,
                            capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode in (0, 1), result.stderr  # 1 = target missed, not a failure here
    assert "6000 timecards" in result.stdout
    assert "| price_timecards (season) |" in result.stdout
    assert ("met" if result.returncode == 0 else "MISSED") in result.stdout
