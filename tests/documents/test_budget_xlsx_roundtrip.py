"""XLSX export then import gives the same budget (hypothesis), and bad workbooks are refused."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from lynchpin.documents.budget_xlsx import CELL_LIMIT, DATA_MARKER, DATA_SHEET, render_budget_xlsx
from lynchpin.documents.budget_xlsx_read import read_budget_xlsx
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    ChargeKind,
    ContractualCharge,
    DetailLine,
    FlatPer,
    Formula,
    Fringe,
    FringeKind,
    FringePosting,
    Global,
    Group,
    Incentive,
    Level,
    Person,
    PostingMode,
    Unit,
)
from lynchpin.engine.budgeting.templates import load_template
from lynchpin.engine.budgeting.totals import price_budget
from lynchpin.engine.errors import InputError
from tests.documents.budget_sample import SMALL_TOML

_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)
_ids = st.from_regex(r"[A-Z][A-Z0-9_]{0,6}", fullmatch=True)
_numbers = st.decimals(-10**9, 10**9, places=4, allow_nan=False, allow_infinity=False)
_cells = st.one_of(_numbers, st.sampled_from(
    [Formula("DAYS"), Formula("DAYS / 3 + 1"), Formula("max(DAYS, 2) * 1.5"),
     Formula("NOPE + 1"), Formula("1 / 0")]))
_tags = st.lists(_text, max_size=2).map(tuple)


@st.composite
def _lines(draw: st.DrawFn, fringe_ids: list[str]) -> DetailLine:
    return DetailLine(
        description=draw(_text), amount=draw(_cells), unit=draw(st.sampled_from(
            ["Day", "Week", "Allow", "Hour", "Odd unit"])), multiplier=draw(_cells),
        rate=draw(_cells), currency=draw(st.sampled_from([None, "GBP", "EUR"])),
        fringes=tuple(draw(st.lists(st.sampled_from(fringe_ids), max_size=3)))
        if fringe_ids else (),
        groups=draw(_tags), locations=draw(_tags), sets=draw(_tags), notes=draw(_text),
        person=draw(st.sampled_from([None, "ann", "bob"])), individual=draw(st.booleans()),
        id=draw(_text))


@st.composite
def _fringes(draw: st.DrawFn) -> Fringe:
    kind = draw(st.sampled_from(list(FringeKind)))
    per = draw(st.sampled_from(list(FlatPer))) if kind is FringeKind.FLAT else FlatPer.HOUR
    return Fringe(draw(_ids), draw(_text), kind, draw(_numbers), per,
                  draw(st.none() | _numbers), draw(st.booleans()))


@st.composite
def budgets(draw: st.DrawFn) -> Budget:
    """Random budgets within what the TOML format can hold (no global descriptions)."""
    fringes = draw(st.lists(_fringes(), max_size=3, unique_by=lambda f: f.id))
    fringe_ids = [fringe.id for fringe in fringes]
    codes = draw(st.lists(st.from_regex(r"[1-9][0-9]{3}", fullmatch=True), min_size=1,
                          max_size=5, unique=True))
    categories = tuple(
        Category(code, draw(_text), draw(st.sampled_from(list(Level))), (
            Account(code + "A", draw(_text), tuple(draw(st.lists(_lines(fringe_ids),
                                                                 max_size=3)))),),
            draw(st.sampled_from([None, codes[0] + "A"])))
        for code in codes)
    return Budget(
        title=draw(_text), currency=draw(st.sampled_from(["USD", "JPY", "EUR", "KWD"])),
        version=draw(_text), categories=categories, fringes=tuple(fringes),
        globals=(Global("DAYS", draw(_numbers)),),
        units=tuple(draw(st.lists(st.builds(Unit, _ids, st.none() | _numbers), max_size=2,
                                  unique_by=lambda u: u.name))),
        groups=(Group("OPT", draw(_text), draw(st.booleans())),),
        people=(Person("ann", draw(_text), draw(_numbers)),),
        charges=tuple(draw(st.lists(st.builds(
            ContractualCharge, _ids, _text, st.sampled_from(list(ChargeKind)), _numbers,
            st.frozensets(st.sampled_from(codes), max_size=1)), max_size=2,
            unique_by=lambda c: c.id))),
        incentives=tuple(draw(st.lists(st.builds(
            Incentive, _ids, _text, _numbers, st.just(frozenset()),
            st.frozensets(st.sampled_from(codes), max_size=2), st.none() | _numbers),
            max_size=1))),
        fringe_posting=draw(st.sampled_from([FringePosting(), FringePosting(
            PostingMode.CATEGORY), FringePosting(PostingMode.BUDGET, codes[0] + "A")])),
        exchange_rates={"GBP": draw(_numbers)})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets())
def test_export_then_import_gives_the_same_budget(budget: Budget) -> None:
    data = render_budget_xlsx(price_budget(budget))
    assert read_budget_xlsx(data, source="gen.xlsx") == budget


def test_round_trip_of_hand_written_budget_and_template() -> None:
    for budget in (read_budget(SMALL_TOML), load_template("feature")):
        assert read_budget_xlsx(render_budget_xlsx(price_budget(budget))) == budget


def test_long_text_is_split_over_cells_and_joined_back() -> None:
    budget = read_budget(SMALL_TOML)
    long = "x" * (CELL_LIMIT * 2 + 5)
    category = budget.categories[0]
    account = category.accounts[0]
    first = replace(category, accounts=(replace(account, lines=(DetailLine(long),)),))
    changed = replace(budget, categories=(first, *budget.categories[1:]))
    data = render_budget_xlsx(price_budget(changed))
    assert read_budget_xlsx(data) == changed


def _workbook(rows: list[list[object]], sheet: str = DATA_SHEET) -> bytes:
    book = Workbook()
    active = book.active
    assert active is not None
    active.title = sheet
    for row in rows:
        active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "message"), [
    (b"not a zip file", "not a readable .xlsx workbook"),
    (b"PK\x03\x04garbage", "not a readable .xlsx workbook"),
    (_workbook([["x"]], sheet="Sheet"), "no 'Budget data' sheet"),
    (_workbook([["# something else"]]), "Lynchpin marker"),
    (_workbook([[DATA_MARKER], ['title = "t"'], ['currency = "USD"'], ["[globals]"],
                ["X = 1.5"]]), "globals.X: TOML floats are not exact"),
    (_workbook([[DATA_MARKER], ['title = "t"'], ['currency = "USD" junk']]),
     r"sheet 'Budget data'\):3: not valid TOML"),
    (_workbook([[DATA_MARKER], [12]]), "row 2: expected text"),
])
def test_bad_workbooks_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_budget_xlsx(data, source="bad.xlsx")
    assert "bad.xlsx" in str(caught.value)


def test_exported_report_sheets_hold_rounded_numbers_only() -> None:
    budget = read_budget(SMALL_TOML)
    book = load_workbook(io.BytesIO(render_budget_xlsx(price_budget(budget))))
    detail = book["Detail"]
    rates = [row[8] for row in detail.iter_rows(min_row=2, values_only=True)]
    assert Decimal(str(rates[4])) == Decimal("0.335")  # input cells keep 4 places
    totals = [row[10] for row in detail.iter_rows(min_row=2, values_only=True)]
    assert all(Decimal(str(t)) == Decimal(str(t)).quantize(Decimal("0.01")) for t in totals)


def test_an_edited_report_cell_is_refused_not_lost() -> None:
    budget = read_budget(SMALL_TOML)
    book = load_workbook(io.BytesIO(render_budget_xlsx(price_budget(budget))))
    book["Detail"]["I3"] = 999  # a rate typed over in the visible sheet
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(InputError, match=r"sheet 'Detail' cell I3 was edited after export"):
        read_budget_xlsx(buffer.getvalue(), source="edited.xlsx")


def test_a_deleted_report_sheet_loses_nothing() -> None:
    budget = read_budget(SMALL_TOML)
    book = load_workbook(io.BytesIO(render_budget_xlsx(price_budget(budget))))
    del book["Fringes"]
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_budget_xlsx(buffer.getvalue()) == budget
