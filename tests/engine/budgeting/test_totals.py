"""Roll-ups, fringe posting, groups, currencies, charges, incentives and rounding."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    ChargeKind,
    ContractualCharge,
    DetailLine,
    FlatPer,
    Fringe,
    FringeKind,
    FringePosting,
    Group,
    Incentive,
    Level,
    PostingMode,
    Unit,
)
from lynchpin.engine.budgeting.totals import account_totals, budget_total, price_budget, printed
from lynchpin.engine.money import Money

from .build import VAC, D, one_account, wage


def _two_levels(posting: FringePosting) -> Budget:
    cast = Category("1400", "Cast", Level.ABOVE_THE_LINE,
                    (Account("1401", "Principals", (wage("Lead", "1000", "VAC"),)),), "1901")
    atl_fringes = Category("1900", "ATL Fringes", Level.ABOVE_THE_LINE,
                           (Account("1901", "Fringes"),), "1901")
    crew = Category("2000", "Staff", Level.PRODUCTION,
                    (Account("2001", "UPM", (wage("UPM", "500", "VAC", person="bo"),)),), "4901")
    crew_fringes = Category("4900", "Production Fringes", Level.PRODUCTION,
                            (Account("4901", "Fringes"),), "4901")
    return Budget("Post", "USD", categories=(cast, atl_fringes, crew, crew_fringes),
                  fringes=(VAC,), fringe_posting=posting)


def test_fringes_post_to_the_line_account_by_default() -> None:
    totals = price_budget(_two_levels(FringePosting())).accounts
    assert totals == {"1401": D(1040), "1901": 0, "2001": D(520), "4901": 0}


def test_fringes_post_per_category() -> None:
    pricing = price_budget(_two_levels(FringePosting(PostingMode.CATEGORY)))
    assert pricing.accounts == {"1401": D(1000), "1901": D(40), "2001": D(500), "4901": D(20)}
    assert pricing.levels[Level.ABOVE_THE_LINE] == D(1040)
    assert pricing.categories["4900"] == D(20)


def test_fringes_post_to_one_budget_account() -> None:
    pricing = price_budget(_two_levels(FringePosting(PostingMode.BUDGET, "4901")))
    assert pricing.accounts["4901"] == D(60)
    assert pricing.grand_total == D(1560)


def test_a_missing_posting_account_is_a_warning_and_the_fringe_stays() -> None:
    pricing = price_budget(_two_levels(FringePosting(PostingMode.BUDGET, "7901")))
    assert pricing.accounts["1401"] == D(1040)
    assert {v.rule for v in pricing.violations} == {"budget.fringe.posting"}


def test_excluded_groups_count_zero_and_use_no_cut_off() -> None:
    option = DetailLine("Option day", D(1), rate=D(6000), fringes=("FUTA",), person="ann",
                        groups=("OPT",))
    budget = one_account(option, wage("Shoot", "5000", "FUTA"),
                         groups=(Group("OPT", "Option", excluded=True),))
    pricing = price_budget(budget)
    assert pricing.grand_total == D("5030.0")
    included = replace(budget, groups=(Group("OPT", "Option"),))
    assert price_budget(included).grand_total == D(11000) + D("42.0")


def test_units_are_editable_and_flat_fringes_go_through_hours() -> None:
    daily = Fringe("MEAL", "Meal", FringeKind.FLAT, D(10), FlatPer.DAY)
    weekly = Fringe("WK", "Weekly", FringeKind.FLAT, D(50), FlatPer.WEEK, cutoff=D(120))
    line = wage("Crew", "3000", "MEAL", "WK", amount="2", unit="Week")
    pricing = price_budget(one_account(line, fringes=(daily, weekly)))
    assert pricing.lines[0].fringes.amounts == (("MEAL", D(100)), ("WK", D(100)))
    short_days = one_account(line, fringes=(daily, weekly), units=(Unit("Day", D(10)),))
    assert price_budget(short_days).lines[0].fringes.amounts == (("MEAL", D(120)),
                                                                  ("WK", D(100)))
    three = replace(line, amount=D(3))
    assert price_budget(one_account(three, fringes=(daily, weekly))).fringe_totals["WK"] == 120


def test_flat_hourly_fringe_on_an_allowance_is_a_warning() -> None:
    pricing = price_budget(one_account(wage("Kit", "100", "PH")))
    assert pricing.grand_total == D(100)
    assert [v.rule for v in pricing.violations] == ["budget.fringe.hours"]


def test_other_currencies_convert_and_missing_rates_are_reported() -> None:
    pounds = DetailLine("London crew", D(2), rate=D(100), currency="GBP")
    euros = DetailLine("Paris crew", D(1), rate=D(100), currency="EUR")
    pricing = price_budget(one_account(pounds, euros, exchange_rates={"GBP": D("1.27")}))
    assert pricing.grand_total == D("254.00")
    assert [v.rule for v in pricing.violations] == ["budget.line.currency"]


def test_charges_with_exclusions_and_incentives_after_them() -> None:
    budget = _two_levels(FringePosting(PostingMode.CATEGORY))
    budget = replace(budget, charges=(
        ContractualCharge("CONT", "Contingency", ChargeKind.PERCENT, D(10),
                          excluded_categories=frozenset({"1400", "1900"})),
        ContractualCharge("BOND", "Completion bond", ChargeKind.PERCENT, D(2),
                          excluded_accounts=frozenset({"1401"})),
        ContractualCharge("LEGAL", "Legal", ChargeKind.FLAT, D(100)),
    ), incentives=(
        Incentive("NM", "Credit", D(25), accounts=frozenset({"2001"}), cap=D(100)),
        Incentive("UK", "Relief", D(10), categories=frozenset({"1400"})),
    ))
    pricing = price_budget(budget)
    assert [c.amount for c in pricing.charges] == [D(52), D("11.2"), D(100)]
    assert pricing.grand_total == D(1560) + D("163.2")
    assert [i.amount for i in pricing.incentives] == [D(100), D(100)]
    assert pricing.net_total == pricing.grand_total - 200
    assert budget_total(budget) == Money(D("1723.2"), "USD")


def test_printed_rounds_once_and_totals_stay_unrounded() -> None:
    thirds = [DetailLine(f"L{i}", D(1), rate=D("0.335")) for i in range(3)]
    pricing = price_budget(one_account(*thirds, fringes=()))
    cells = [printed(pricing.money(line.amount.total)) for line in pricing.lines]
    assert cells == [Money(D("0.34"), "USD")] * 3
    assert printed(pricing.money(pricing.grand_total)) == Money(D("1.01"), "USD")
    assert account_totals(one_account(*thirds)) == {"2001": Money(D("1.005"), "USD")}


_amounts = st.decimals(min_value=-1000, max_value=100000, places=2, allow_nan=False)
_line = st.builds(
    lambda rate, amount, fringes, person, individual, excluded: DetailLine(
        "x", amount, "Day", rate=rate, fringes=fringes, person=person, individual=individual,
        groups=("OPT",) if excluded else ()),
    _amounts, st.decimals(0, 20, places=1), st.lists(st.sampled_from(["PH", "FUTA", "SS", "VAC"]),
                                                    unique=True).map(tuple),
    st.sampled_from([None, "ann", "bo"]), st.booleans(), st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_line, max_size=4), min_size=1, max_size=5),
       st.sampled_from(list(PostingMode)))
def test_roll_ups_equal_the_sum_of_their_parts(accounts: list[list[DetailLine]],
                                               mode: PostingMode) -> None:
    cats = tuple(
        Category(f"{n}000", f"Cat {n}", list(Level)[n % 4],
                 (Account(f"{n}001", "A", tuple(lines)), Account(f"{n}900", "Fringes")),
                 f"{n}900")
        for n, lines in enumerate(accounts, start=1))
    budget = one_account(groups=(Group("OPT", excluded=True),),
                         fringe_posting=FringePosting(mode, "1900"))
    budget = replace(budget, categories=cats)
    pricing = price_budget(budget)
    lines_and_fringes = sum((line.amount.total + line.fringes.total for line in pricing.lines),
                            D(0))
    assert sum(pricing.accounts.values(), D(0)) == lines_and_fringes
    assert sum(pricing.fringe_totals.values(), D(0)) == sum(
        (line.fringes.total for line in pricing.lines), D(0))
    for category in cats:
        assert pricing.categories[category.code] == sum(
            (pricing.accounts[a.code] for a in category.accounts), D(0))
    for level in Level:
        assert pricing.levels[level] == sum(
            (pricing.categories[c.code] for c in cats if c.level is level), D(0))
    assert pricing.grand_total == sum(pricing.levels.values(), D(0))
