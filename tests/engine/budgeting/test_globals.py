"""Globals: resolution order, circular references and errors reported as violations."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.budgeting.globals import resolve_globals
from lynchpin.engine.budgeting.model import DetailLine, Formula, Global
from lynchpin.engine.budgeting.totals import price_budget

from .build import D, one_account


def test_formulas_resolve_in_dependency_order() -> None:
    resolved = resolve_globals((Global("WEEKS", Formula("DAYS / 5")), Global("DAYS", D(30)),
                                Global("CREW_WEEKS", Formula("WEEKS + PREP"))
                                , Global("PREP", D(4))))
    assert resolved.values == {"DAYS": D(30), "WEEKS": D(6), "PREP": D(4), "CREW_WEEKS": D(10)}
    assert resolved.violations == ()


def test_a_cycle_is_reported_on_its_members_and_dependants_separately() -> None:
    resolved = resolve_globals((Global("A", Formula("B + 1")), Global("B", Formula("A * 2")),
                                Global("C", Formula("A + 1")), Global("D", D(1))))
    rules = {v.reference: v.rule for v in resolved.violations}
    assert rules == {"globals.A": "budget.global.circular", "globals.B": "budget.global.circular",
                     "globals.C": "budget.global.depends"}
    assert resolved.values == {"D": D(1)}


def test_self_reference_and_division_by_zero() -> None:
    resolved = resolve_globals((Global("SELF", Formula("SELF + 1")), Global("Z", D(0)),
                                Global("BAD", Formula("10 / Z")), Global("USER", Formula("BAD"))))
    messages = {v.reference: v.message for v in resolved.violations}
    assert "cycle" in messages["globals.SELF"]
    assert "division by zero" in messages["globals.BAD"]
    assert "BAD, which has an error" in messages["globals.USER"]


def test_a_budget_with_broken_formulas_still_totals_the_other_lines() -> None:
    budget = one_account(
        DetailLine("Loop", rate=Formula("A")),
        DetailLine("Divide", rate=Formula("100 / ZERO")),
        DetailLine("Typo", amount=Formula("SHOOT_DAYZ"), rate=D(10)),
        DetailLine("Fine", amount=Formula("SHOOT_DAYS"), rate=D(100)),
        globals=(Global("A", Formula("A")), Global("ZERO", D(0)), Global("SHOOT_DAYS", D(30))),
        fringes=())
    pricing = price_budget(budget)
    assert pricing.grand_total == D(3000)
    by_ref = {v.reference: v.message for v in pricing.violations}
    assert "global A has an error" in by_ref["accounts.2001.lines[1].rate"]
    assert "division by zero" in by_ref["accounts.2001.lines[2].rate"]
    assert "SHOOT_DAYZ is not defined" in by_ref["accounts.2001.lines[3].amount"]
    assert "globals.A" in by_ref


def test_duplicate_global_names_are_reported() -> None:
    resolved = resolve_globals((Global("A", D(1)), Global("A", D(2))))
    assert [v.rule for v in resolved.violations] == ["budget.global.duplicate"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 7), max_size=3), min_size=1, max_size=8))
def test_cycles_are_exactly_the_globals_that_reach_themselves(deps: list[list[int]]) -> None:
    names = [f"G{i}" for i in range(len(deps))]
    globals_ = tuple(
        Global(name, Formula(" + ".join(["1", *(names[j] for j in d if j < len(names))])))
        for name, d in zip(names, deps, strict=True))
    resolved = resolve_globals(globals_)
    edges = {i: {j for j in d if j < len(names)} for i, d in enumerate(deps)}

    def reaches(start: int) -> bool:
        seen, stack = set(), list(edges[start])
        while stack:
            node = stack.pop()
            if node == start:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(edges[node])
        return False

    circular = {v.reference for v in resolved.violations if v.rule == "budget.global.circular"}
    assert circular == {f"globals.{names[i]}" for i in edges if reaches(i)}
    for name in resolved.values:
        assert isinstance(resolved.values[name], Decimal)
    assert set(resolved.values) | resolved.failed == set(names)
