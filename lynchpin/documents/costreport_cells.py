"""The cost report's columns and printed cells, shared by every renderer.

Each printed cell is rounded once, half-up to the currency's minor unit (`Money.rounded()`);
figures inside the engine stay exact, so a printed column may differ by a cent from the sum of
its printed cells.
"""

from __future__ import annotations

from decimal import Decimal

from lynchpin.engine.ledger.costreport import CostFigures
from lynchpin.engine.money import Money

__all__ = ["COLUMNS", "cell", "cells"]

#: (key, heading) of every money column, in report order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("budget", "Budget"),
    ("this_period", "This period"),
    ("actual_to_date", "Actual to date"),
    ("committed", "Committed"),
    ("total_cost", "Total cost"),
    ("etc", "ETC"),
    ("efc", "EFC"),
    ("variance", "Variance"),
)


def cell(figures: CostFigures, key: str) -> Decimal:
    """The printed (rounded) amount of column `key`."""
    value: Money = getattr(figures, key)
    return value.rounded().amount


def cells(figures: CostFigures) -> tuple[Decimal, ...]:
    """Every printed amount of a row, in `COLUMNS` order."""
    return tuple(cell(figures, key) for key, _ in COLUMNS)
