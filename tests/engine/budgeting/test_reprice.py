"""Re-pricing one line, or new globals, gives exactly what a full re-pricing gives."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.budgeting.model import (
    Account,
    Category,
    DetailLine,
    Formula,
    FringePosting,
    Global,
    Level,
    PostingMode,
)
from lynchpin.engine.budgeting.reprice import reprice_globals, reprice_line
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


# --- globals: a schedule moved, SHOOT_DAYS changed -----------------------------------------

_GLOBALS = (Global("SHOOT_DAYS", D(40)), Global("WEEKS", Formula("SHOOT_DAYS / 5")),
            Global("OT", D("1.5")))


def _days_line(rate: str, *fringes: str, person: str | None = "ann",
               amount: str = "SHOOT_DAYS") -> DetailLine:
    return DetailLine("Shoot", Formula(amount), "Day", rate=D(rate), fringes=fringes,
                      person=person)


def test_new_shoot_days_reprice_the_lines_reading_them_and_their_fringe_range() -> None:
    budget = one_account(_days_line("200", "FUTA"), wage("Prep", "5000", "FUTA"),
                         wage("Kit", "100", "VAC", person="bo"), globals=_GLOBALS)
    fewer = (Global("SHOOT_DAYS", D(30)), *_GLOBALS[1:])
    pricing = reprice_globals(price_budget(budget), fewer)
    assert pricing.lines[0].amount.total == D(6000)
    # ann's FUTA cut-off (7,000 of wages) now falls later in her range: 6,000 + 1,000.
    assert pricing.lines[1].fringes.total == D("6.0")
    assert pricing.budget.globals == fewer
    _same(pricing, price_budget(replace(budget, globals=fewer)))


def test_a_global_that_fails_is_reported_on_the_lines_that_read_it() -> None:
    budget = one_account(_days_line("200", amount="WEEKS * 5"), globals=_GLOBALS)
    broken = (Global("SHOOT_DAYS", Formula("1 / 0")), *_GLOBALS[1:])
    pricing = reprice_globals(price_budget(budget), broken)
    assert pricing.lines[0].amount.total == 0
    assert any("WEEKS" in v.message for v in pricing.violations)
    _same(pricing, price_budget(replace(budget, globals=broken)))


_amounts = st.sampled_from(["SHOOT_DAYS", "WEEKS + 1", "OT * 2", "SHOOT_DAYS / 3", "MISSING"])
_formula_line = st.builds(
    lambda amount, rate, fringes, person, individual: DetailLine(
        "f", Formula(amount), "Day", rate=rate, fringes=fringes, person=person,
        individual=individual),
    _amounts, st.decimals(0, 900, places=2),
    st.lists(st.sampled_from(["PH", "FUTA", "SS", "VAC"]), unique=True).map(tuple),
    st.sampled_from([None, "ann", "bo"]), st.booleans())
_global_value = st.one_of(st.decimals(0, 90, places=1),
                          st.sampled_from([Formula("OT * 10"), Formula("1 / 0")]))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_line, _formula_line), min_size=1, max_size=8),
       st.lists(st.one_of(_line, _formula_line), min_size=1, max_size=8),
       _global_value, st.decimals(0, 3, places=2), st.booleans())
def test_reprice_globals_matches_full_pricing(first: list[DetailLine], second: list[DetailLine],
                                              days: D | Formula, overtime: D,
                                              by_category: bool) -> None:
    cats = (Category("1000", "A", Level.ABOVE_THE_LINE, (Account("1001", "a", tuple(first)),),
                     fringe_account="2001"),
            Category("2000", "B", Level.PRODUCTION, (Account("2001", "b", tuple(second)),)))
    posting = FringePosting(PostingMode.CATEGORY if by_category else PostingMode.ACCOUNT)
    budget = replace(one_account(), categories=cats, globals=_GLOBALS, fringe_posting=posting)
    changed = (Global("SHOOT_DAYS", days), _GLOBALS[1], Global("OT", overtime))
    pricing = reprice_globals(price_budget(budget), changed)
    _same(pricing, price_budget(replace(budget, globals=changed)))
