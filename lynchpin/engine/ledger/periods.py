"""Accounting periods: closing them, and the (start, end) period a cost report covers.

Closing is cumulative and one-way: `close_period(ledger, period_end)` closes every date up to
and including `period_end`; afterwards the invariants refuse any entry dated on or before it
(rule ``ledger.closed_period``). Corrections go in as reversals dated in an open period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.book import Ledger, with_closed_through

__all__ = ["Period", "close_period"]


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period, both ends inclusive; raises InputError when `end` < `start`."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(
                f"period ends {self.end} before it starts {self.start}", source="period"
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def close_period(ledger: Ledger, period_end: date) -> Ledger:
    """`ledger` with every date through `period_end` closed.

    Closing a date already closed changes nothing (periods never reopen).
    """
    if ledger.closed_through is not None and period_end <= ledger.closed_through:
        return ledger
    return with_closed_through(ledger, period_end)
