"""Hypothesis: roll-ups sum their parts, EFC identity everywhere, reversals net to zero,
closed periods refuse postings, posting is idempotent by key."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.ledger.book import Ledger, PostingKind
from lynchpin.engine.ledger.costreport import TOTAL, CostReport, cost_report
from lynchpin.engine.ledger.entries import Entry, Invoice, PayrollPosting, PurchaseOrder
from lynchpin.engine.ledger.etc import ScheduleProjection, ShootProgress
from lynchpin.engine.ledger.ledger import PostingRefused, post, post_all, reverse
from lynchpin.engine.ledger.periods import close_period
from lynchpin.engine.money import Money

from .builders import empty, tree, usd

LEAVES = ("2100", "2200", "3100")
START = date(2026, 3, 1)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**6), places=2)
offsets = st.integers(min_value=0, max_value=60)


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    count = draw(st.integers(min_value=0, max_value=12))
    result: list[Entry] = []
    for n in range(count):
        account = draw(st.sampled_from(LEAVES))
        when = START + timedelta(days=draw(offsets))
        amount = Money(draw(amounts), "USD")
        kind = draw(st.sampled_from(("payroll", "po", "invoice")))
        key = f"E{n}"
        if kind == "invoice":
            po_key = draw(st.sampled_from(["", *(f"E{i}" for i in range(n))]))
            result.append(
                Invoice(key=key, date=when, account=account, amount=amount, po_key=po_key)
            )
        elif kind == "po":
            result.append(PurchaseOrder(key=key, date=when, account=account, amount=amount))
        else:
            result.append(PayrollPosting(key=key, date=when, account=account, amount=amount))
    return result


def _ledger(items: list[Entry]) -> Ledger:
    """Post what the invariants accept (invoices against closed or unknown POs are not)."""
    ledger = empty()
    for item in items:
        try:
            ledger = post(ledger, item)
        except PostingRefused as refused:
            assert {v.rule for v in refused.violations} <= {"ledger.unknown_po", "ledger.po_closed"}
    return ledger


def _report(ledger: Ledger, budget: dict[str, Money]) -> CostReport:
    return cost_report(budget, tree(), ledger, period=(START, START + timedelta(days=30)))


budgets = st.dictionaries(st.sampled_from(LEAVES), amounts.map(lambda a: Money(a, "USD")))


@settings(max_examples=40, deadline=None)
@given(entries(), budgets)
def test_rollups_equal_the_sum_of_their_parts_and_efc_identity_holds(
    items: list[Entry], budget: dict[str, Money]
) -> None:
    report = _report(_ledger(items), budget)
    tree_ = tree()
    columns = (
        "budget",
        "this_period",
        "actual_to_date",
        "committed",
        "etc",
        "total_cost",
        "efc",
        "variance",
    )
    for line in (*report.lines, report.total):
        f = line.figures
        assert f.efc == f.actual_to_date + f.committed + f.etc
        assert f.variance == f.budget - f.efc
        kids = tree_.children(None if line.code == TOTAL else line.code)
        if kids:
            for column in columns:
                parts = [getattr(report.line(k).figures, column).amount for k in kids]
                assert getattr(f, column).amount == sum(parts, Decimal(0))


@settings(max_examples=40, deadline=None)
@given(entries())
def test_reversals_net_to_zero(items: list[Entry]) -> None:
    ledger = _ledger(items)
    later = START + timedelta(days=90)
    for record in reversed(ledger.records):  # invoices before the POs they draw on
        ledger = reverse(ledger, record.entry.key, date=later, key=f"R-{record.entry.key}")
    for kind in PostingKind:
        for account in LEAVES:
            net = sum(
                (
                    p.amount.amount
                    for p in ledger.postings()
                    if p.kind is kind and p.account == account
                ),
                Decimal(0),
            )
            assert net == 0


@settings(max_examples=40, deadline=None)
@given(entries(), offsets, offsets, amounts)
def test_closed_periods_refuse_postings(
    items: list[Entry], close_at: int, post_at: int, amount: Decimal
) -> None:
    ledger = close_period(_ledger(items), START + timedelta(days=close_at))
    entry = PayrollPosting(
        key="NEW", date=START + timedelta(days=post_at), account="2100", amount=Money(amount, "USD")
    )
    try:
        posted = post(ledger, entry)
    except PostingRefused as refused:
        assert post_at <= close_at
        assert [v.rule for v in refused.violations] == ["ledger.closed_period"]
    else:
        assert post_at > close_at and posted.record("NEW") is not None


@settings(max_examples=40, deadline=None)
@given(entries(), st.integers(min_value=1, max_value=3))
def test_posting_is_idempotent_by_key(items: list[Entry], repeats: int) -> None:
    ledger = _ledger(items)
    posted = [record.entry for record in ledger.records]
    again = post_all(ledger, posted * repeats)
    assert again.records == ledger.records
    changed = [
        PayrollPosting(key=e.key, date=e.date, account="2100", amount=usd(-1)) for e in posted[:1]
    ]
    for entry in changed:
        try:
            post(ledger, entry)
        except PostingRefused as refused:
            assert "ledger.duplicate_key" in {v.rule for v in refused.violations}
        else:
            raise AssertionError("a changed entry under a posted key was accepted")


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=8, max_value=800),
    st.integers(min_value=0, max_value=800),
    st.integers(min_value=0, max_value=800),
)
def test_projected_efc_never_falls_when_less_work_is_shot(
    planned: int, shot_days: int, work: int, done_a: int, done_b: int
) -> None:
    budget = {"2100": usd(100000)}
    ledger = post(empty(), PayrollPosting(key="P", date=START, account="2100", amount=usd(9000)))
    efcs = []
    for done in sorted((done_a, done_b)):
        progress = ShootProgress(planned, shot_days, work, min(done, work))
        policy = ScheduleProjection(progress, {"2100": usd(3000)})
        report = cost_report(budget, tree(), ledger, period=(START, START), etc=policy)
        efcs.append(report.total.figures.efc)
    assert efcs[1] <= efcs[0]


@settings(max_examples=40, deadline=None)
@given(entries(), budgets, amounts)
def test_raising_a_po_within_the_unspent_budget_leaves_efc_unchanged(
    items: list[Entry], budget: dict[str, Money], amount: Decimal
) -> None:
    ledger = _ledger(items)
    before = _report(ledger, budget)
    room = before.line("2100").figures.etc
    raised = PurchaseOrder(key="NEW-PO", date=START, account="2100", amount=Money(amount, "USD"))
    after = _report(post(ledger, raised), budget)
    if raised.amount <= room:
        assert after.total.figures.efc == before.total.figures.efc
    else:
        assert after.total.figures.efc == before.total.figures.efc + raised.amount - room
