"""Cost report: the issue's oracle, roll-ups, period columns, and ETC converted into a PO."""

from __future__ import annotations

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.accounts import AccountNode, AccountTree
from lynchpin.engine.ledger.costreport import SIGN_CONVENTION, TOTAL, cost_report
from lynchpin.engine.ledger.entries import (
    JournalAdjustment,
    JournalLine,
    PettyCashEnvelope,
    PettyCashFloat,
    PurchaseOrderClose,
    Receipt,
)
from lynchpin.engine.ledger.etc import EtcPolicy, UnspentBudget
from lynchpin.engine.ledger.ledger import post, post_all
from lynchpin.engine.money import Money

from .builders import day, empty, invoice, payroll, po, tree, usd

MARCH = (day(1), day(31))


def test_oracle_from_the_issue() -> None:
    """Budget 100,000, actual 40,000, open POs 25,000, ETC 30,000 -> total 65,000, EFC 95,000,
    variance 5,000 under."""
    ledger = post_all(empty(), [payroll("P1", 40000, account="2100"), po("PO1", 25000)])
    report = cost_report(
        {"2100": usd(100000)}, tree(), ledger, period=MARCH, etc={"2100": usd(30000)}
    )
    for code in ("2100", "2000", TOTAL):
        figures = report.line(code).figures
        assert figures.actual_to_date == usd(40000)
        assert figures.committed == usd(25000)
        assert figures.total_cost == usd(65000)
        assert figures.efc == usd(95000)
        assert figures.variance == usd(5000)
    assert report.sign_convention == SIGN_CONVENTION
    assert "positive is under budget" in report.sign_convention


def test_this_period_and_to_date_follow_the_dates() -> None:
    ledger = post_all(
        empty(), [payroll("P1", 100, on=3), payroll("P2", 50, on=10), payroll("P3", 7, on=20)]
    )
    line = cost_report({}, tree(), ledger, period=(day(8), day(14))).line("2200")
    assert line.figures.this_period == usd(50)
    assert line.figures.actual_to_date == usd(150)


def test_committed_is_the_open_balance_at_the_period_end() -> None:
    ledger = post_all(empty(), [po("PO1", 1000, on=2), invoice("I1", 400, po_key="PO1", on=20)])
    early = cost_report({}, tree(), ledger, period=(day(1), day(10))).line("2100").figures
    late = cost_report({}, tree(), ledger, period=MARCH).line("2100").figures
    assert (early.committed, early.actual_to_date) == (usd(1000), usd(0))
    assert (late.committed, late.actual_to_date) == (usd(600), usd(400))


@pytest.mark.parametrize("explicit", [False, True])
def test_converting_etc_into_a_po_leaves_efc_unchanged(explicit: bool) -> None:
    """Raising a 20,000 PO out of the estimate: committed rises, ETC falls, EFC stays."""
    budget = {"2100": usd(100000)}
    before_ledger = post(empty(), payroll("P1", 40000, account="2100"))
    before_etc: EtcPolicy | dict[str, Money] = {"2100": usd(30000)} if explicit else UnspentBudget()
    before = cost_report(budget, tree(), before_ledger, period=MARCH, etc=before_etc)
    after_ledger = post(before_ledger, po("PO1", 20000))
    after_etc: EtcPolicy | dict[str, Money] = {"2100": usd(10000)} if explicit else UnspentBudget()
    after = cost_report(budget, tree(), after_ledger, period=MARCH, etc=after_etc)
    for code in ("2100", "2000", TOTAL):
        assert after.line(code).figures.efc == before.line(code).figures.efc
        assert after.line(code).figures.committed == usd(20000)
        assert after.line(code).figures.etc == before.line(code).figures.etc - usd(20000)


def test_default_etc_is_unspent_budget_never_below_zero() -> None:
    ledger = post_all(
        empty(), [payroll("P1", 700, account="2100"), payroll("P2", 900, account="2200")]
    )
    report = cost_report({"2100": usd(1000), "2200": usd(800)}, tree(), ledger, period=MARCH)
    assert report.line("2100").figures.etc == usd(300)
    assert report.line("2200").figures.etc == usd(0)
    assert report.line("2200").figures.variance == usd(-100)
    assert report.line("2000").figures.variance == usd(-100)
    assert report.etc_basis.startswith("ETC = unspent budget")


def test_lines_follow_the_tree_and_roll_up_to_the_total() -> None:
    ledger = post(empty(), payroll("P1", 10, account="3100"))
    report = cost_report({"2100": usd(5), "3100": usd(20)}, tree(), ledger, period=MARCH)
    assert [(ln.code, ln.depth) for ln in report.lines] == [
        ("2000", 0),
        ("2100", 1),
        ("2200", 1),
        ("3000", 0),
        ("3100", 1),
    ]
    assert report.line("3000").name == "Post" and report.line("3100").is_leaf
    assert report.total.figures.budget == usd(25)
    assert report.total.figures.efc == usd(25)


def test_unknown_codes_and_currencies_are_named() -> None:
    with pytest.raises(InputError, match="9999"):
        cost_report({"9999": usd(1)}, tree(), empty(), period=MARCH)
    with pytest.raises(InputError, match="EUR"):
        cost_report({"2100": Money.parse("1 EUR")}, tree(), empty(), period=MARCH)
    with pytest.raises(InputError, match="negative"):
        cost_report({}, tree(), empty(), period=MARCH, etc={"2100": usd(-1)})


def test_account_tree_refuses_bad_shapes() -> None:
    with pytest.raises(InputError, match="does not exist"):
        AccountTree((AccountNode("2100", parent="2000"),))
    with pytest.raises(InputError, match="twice"):
        AccountTree((AccountNode("1"), AccountNode("1")))
    with pytest.raises(InputError, match="cycle"):
        AccountTree((AccountNode("0"), AccountNode("1", parent="2"), AccountNode("2", parent="1")))


def test_every_entry_kind_lands_in_the_right_column() -> None:
    float_ = PettyCashFloat(key="F1", date=day(1), custodian="APOC", amount=usd(300))
    envelope = PettyCashEnvelope(
        key="E1", date=day(4), float_key="F1", receipts=(Receipt(account="3100", amount=usd(120)),)
    )
    reclass = JournalAdjustment(
        key="J1",
        date=day(5),
        lines=(
            JournalLine(account="2200", amount=usd(-20)),
            JournalLine(account="3100", amount=usd(20)),
        ),
    )
    ledger = post_all(
        empty(),
        [
            po("PO1", 1000),
            invoice("I1", 300, po_key="PO1"),
            PurchaseOrderClose(key="C1", date=day(6), po_key="PO1"),
            po("PO2", 500, account="2200"),
            payroll("P1", 200),
            float_,
            envelope,
            reclass,
        ],
    )
    report = cost_report({}, tree(), ledger, period=MARCH)
    camera, grip, editorial = (report.line(c).figures for c in ("2100", "2200", "3100"))
    assert (camera.actual_to_date, camera.committed) == (usd(300), usd(0))
    assert (grip.actual_to_date, grip.committed) == (usd(180), usd(500))
    assert (editorial.actual_to_date, editorial.committed) == (usd(140), usd(0))
    assert report.total.figures.total_cost == usd(1120)
