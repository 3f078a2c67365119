"""The TOML budget format: the documented example, errors by key path, round trips."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.budget_write import write_budget
from lynchpin.engine.budgeting.model import DetailLine, Formula, FringeKind, Level, PostingMode
from lynchpin.engine.budgeting.templates import load_template
from lynchpin.engine.budgeting.totals import price_budget, printed
from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money

DOC = Path(__file__).resolve().parents[3] / "docs" / "formats" / "budget.md"
D = Decimal


def _example() -> str:
    return DOC.read_text(encoding="utf-8").split("```toml", 1)[1].split("```", 1)[0]


def test_the_documented_example_reads_and_prices() -> None:
    budget = read_budget(_example(), source="night-ferry.toml")
    assert (budget.title, budget.currency, budget.version) == (
        "The Night Ferry", "USD", "First draft")
    assert budget.fringe_posting.mode is PostingMode.CATEGORY
    assert budget.fringes[2].kind is FringeKind.FLAT
    assert [c.level for c in budget.categories][:2] == [Level.ABOVE_THE_LINE] * 2
    line = budget.categories[2].accounts[0].lines[1]
    assert (line.amount, line.multiplier, line.rate) == (
        Formula("SHOOT_DAYS"), Formula("OVERTIME"), D(480))
    pricing = price_budget(budget)
    assert pricing.violations == ()
    assert pricing.accounts == {"1401": D(11000), "1901": D("797.2"), "2301": D(20121),
                                "4901": D("1461.792"), "6701": D(18000)}
    assert pricing.fringe_totals["FUTA"] == D(42)  # Mara's YTD wages used her FUTA cut-off
    assert printed(pricing.money(pricing.grand_total)) == Money(D("55745.59"), "USD")
    assert printed(pricing.money(pricing.net_total)) == Money(D("50715.34"), "USD")


def test_write_then_read_gives_the_same_budget() -> None:
    budget = read_budget(_example())
    assert read_budget(write_budget(budget)) == budget


def test_templates_round_trip() -> None:
    for name in ("feature", "commercial-aicp"):
        budget = load_template(name)
        assert read_budget(write_budget(budget)) == budget


_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)


@settings(max_examples=40, deadline=None)
@given(_text, _text, st.decimals(-10**9, 10**9, places=4, allow_nan=False),
       st.lists(_text, max_size=3))
def test_any_line_text_and_amount_round_trip(description: str, notes: str, rate: Decimal,
                                             tags: list[str]) -> None:
    base = read_budget(_example())
    category = base.categories[2]
    line = DetailLine(description, rate=rate, notes=notes, sets=tuple(tags),
                      amount=Formula("SHOOT_DAYS * 2"))
    account = replace(category.accounts[0], lines=(line,))
    edited = replace(category, accounts=(account,))
    budget = replace(base, categories=(*base.categories[:2], edited, *base.categories[3:]))
    assert read_budget(write_budget(budget)) == budget


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_budget(text, source="b.toml")
    return caught.value


_HEAD = 'title = "T"\ncurrency = "USD"\n[categories.2300]\nname = "C"\n[accounts.2301]\n'


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ('[[accounts.2301.lines]]\ndescription = "a"\n[[accounts.2301.lines]]\n'
         'description = "b"\nrate = 412.5\n', "accounts.2301.lines[2].rate", "floats"),
        ('[[accounts.2301.lines]]\nrat = 4\ndescription = "a"\n',
         "accounts.2301.lines[1].rat", "unknown key"),
        ('[[accounts.2301.lines]]\nrate = 4\n', "accounts.2301.lines[1].description",
         "required"),
        ('[[accounts.2301.lines]]\ndescription = "a"\nfringes = "SS"\n',
         "accounts.2301.lines[1].fringes", "array of strings"),
        ('[[accounts.2301.lines]]\ndescription = "a"\nindividual = "yes"\n',
         "accounts.2301.lines[1].individual", "true or false"),
        ('[fringes.SS]\npercent = "6.2"\nflat = "1"\n', "fringes.SS", "exactly one"),
        ('[fringes.SS]\npercent = "six"\n', "fringes.SS.percent", "expected a number"),
        ('[fringes.SS]\nflat = "1"\nper = "fortnight"\n', "fringes.SS.per", "hour"),
        ('[accounts.9901]\nname = "x"\n', "accounts.9901", "no category matches"),
        ('[accounts.9902]\ncategory = "9900"\n', "accounts.9902", "no category '9900'"),
        ('[globals]\n"BAD NAME" = 1\n', "globals.BAD NAME", "letters, digits"),
        ('[charges.C]\nname = "c"\n', "charges.C", "exactly one"),
        ('[incentives.I]\npercent = 1.5\n', "incentives.I.percent", "floats"),
        ('[people.p]\nytd_wages = true\n', "people.p.ytd_wages", "a boolean"),
    ],
)
def test_errors_name_the_key_path(body: str, field: str, message: str) -> None:
    error = _error(_HEAD + body)
    assert error.field == field
    assert error.source == "b.toml"
    assert message in str(error)


def test_syntax_errors_name_the_line() -> None:
    error = _error('title = "T"\ncurrency = "USD"\nbroken = \n')
    assert error.line == 3
    assert "not valid TOML" in str(error)


def test_header_errors() -> None:
    assert _error('title = "T"\n').field == "currency"
    assert _error('title = "T"\ncurrency = "DOLLARS"\n').field == "currency"
    assert _error('title = "T"\ncurrency = "USD"\ncolour = "red"\n').field == "colour"


def test_account_category_is_inferred_from_its_code() -> None:
    budget = read_budget('title = "T"\ncurrency = "usd"\n[categories.2000]\n[categories.2300]\n'
                         '[accounts.2301]\n[accounts.2001]\n')
    assert [(c.code, [a.code for a in c.accounts]) for c in budget.categories] == [
        ("2000", ["2001"]), ("2300", ["2301"])]
    assert budget.currency == "USD"
