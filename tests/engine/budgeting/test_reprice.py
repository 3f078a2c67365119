"""Re-pricing one line gives exactly what a full re-pricing gives."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.budgeting.model import Account, Category, DetailLine, Level
from lynchpin.engine.budgeting.reprice import reprice_line
from lynchpin.engine.budgeting.totals import Pricing, price_budget
from lynchpin.engine.errors import DomainError

from .build import D, one_account, wage


def _same(left: Pricing, right: Pricing) -> None:
    assert left.accounts == right.accounts
    assert left.categories == right.categories
    assert left.levels == right.levels
    assert left.fringe_totals == right.fringe_totals
    assert [line.fringes for line in left.lines] == [line.fringes for line in right.lines]
    assert left.grand_total == right.grand_total
    assert left.violations == right.violations


def test_changing_one_wage_refills_the_persons_fringe_range() -> None:
    budget = one_account(wage("Prep", "4000", "FUTA"), wage("Shoot", "5000", "FUTA"))
    new_budget, pricing = reprice_line(price_budget(budget), "2001", 0,
                                       wage("Prep", "1000", "FUTA"))
    assert pricing.fringe_totals["FUTA"] == D("36.0")
    _same(pricing, price_budget(new_budget))


def test_moving_a_line_to_another_person() -> None:
    budget = one_account(wage("Prep", "4000", "FUTA"), wage("Shoot", "5000", "FUTA"))
    new_budget, pricing = reprice_line(price_budget(budget), "2001", 1,
                                       wage("Shoot", "5000", "FUTA", person="bo"))
    assert pricing.fringe_totals["FUTA"] == D("54.0")
    _same(pricing, price_budget(new_budget))


def test_unknown_line_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match="no line 5"):
        reprice_line(price_budget(one_account(wage("A", "1", "VAC"))), "2001", 5,
                     wage("A", "1", "VAC"))


_line = st.builds(
    lambda rate, fringes, person, individual: DetailLine(
        "x", D(2), "Day", rate=rate, fringes=fringes, person=person, individual=individual),
    st.decimals(0, 9000, places=2), st.lists(st.sampled_from(["PH", "FUTA", "SS", "VAC"]),
                                             unique=True).map(tuple),
    st.sampled_from([None, "ann", "bo"]), st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(_line, min_size=1, max_size=6), st.lists(_line, min_size=1, max_size=6),
       st.data())
def test_reprice_matches_full_pricing(first: list[DetailLine], second: list[DetailLine],
                                      data: st.DataObject) -> None:
    cats = (Category("1000", "A", Level.ABOVE_THE_LINE, (Account("1001", "a", tuple(first)),)),
            Category("2000", "B", Level.PRODUCTION, (Account("2001", "b", tuple(second)),)))
    budget = replace(one_account(), categories=cats)
    code, lines = data.draw(st.sampled_from([("1001", first), ("2001", second)]))
    index = data.draw(st.integers(0, len(lines) - 1))
    new_budget, pricing = reprice_line(price_budget(budget), code, index, data.draw(_line))
    _same(pricing, price_budget(new_budget))
