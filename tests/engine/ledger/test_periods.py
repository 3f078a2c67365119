"""Periods: closed periods refuse entries; corrections are reversals in an open period."""

from __future__ import annotations

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.ledger import PostingRefused, post, reverse
from lynchpin.engine.ledger.periods import Period, close_period

from .builders import day, empty, invoice, payroll


def test_nothing_can_be_posted_into_a_closed_period() -> None:
    ledger = close_period(post(empty(), payroll("P1", 100, on=6)), day(7))
    with pytest.raises(PostingRefused, match=r"ledger\.closed_period"):
        post(ledger, invoice("I1", 10, on=7))
    assert post(ledger, invoice("I1", 10, on=8)).record("I1") is not None


def test_a_retried_posting_is_still_a_no_op_after_its_period_closed() -> None:
    ledger = close_period(post(empty(), payroll("P1", 100, on=6)), day(7))
    assert post(ledger, payroll("P1", 100, on=6)) is ledger


def test_correction_is_a_reversal_dated_in_an_open_period() -> None:
    ledger = close_period(post(empty(), payroll("P1", 100, on=6)), day(7))
    with pytest.raises(PostingRefused, match=r"ledger\.closed_period"):
        reverse(ledger, "P1", date=day(7), key="R1")
    corrected = reverse(ledger, "P1", date=day(9), key="R1")
    assert sum(p.amount.amount for p in corrected.postings()) == 0
    assert [p.date for p in corrected.postings()] == [day(6), day(9)]


def test_closing_is_one_way() -> None:
    ledger = close_period(empty(), day(14))
    assert close_period(ledger, day(7)) is ledger
    assert ledger.is_closed(day(14)) and not ledger.is_closed(day(15))


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(InputError, match="before it starts"):
        Period(day(10), day(9))
    assert day(9) in Period(day(9), day(9))
