"""Posting: invariants run first, all violations at once, idempotency by key, POs, petty cash."""

from __future__ import annotations

import pytest

from lynchpin.engine.errors import InputError, Severity
from lynchpin.engine.ledger.book import PoStatus, PostingKind, ledger_of
from lynchpin.engine.ledger.entries import (
    Invoice,
    JournalAdjustment,
    JournalLine,
    PettyCashEnvelope,
    PettyCashFloat,
    PurchaseOrderClose,
    Receipt,
)
from lynchpin.engine.ledger.invariants import CHECKS, check_entry
from lynchpin.engine.ledger.ledger import PostingRefused, post, post_all, reverse
from lynchpin.engine.money import Money

from .builders import day, empty, invoice, payroll, po, usd


def test_post_returns_a_new_ledger_and_leaves_the_old_one_alone() -> None:
    before = empty()
    after = post(before, po("PO1", 1000))
    assert before.records == ()
    assert [r.entry.key for r in after.records] == ["PO1"]
    assert after.open_balance("PO1") == usd(1000)


def test_every_violation_is_listed_and_nothing_is_posted() -> None:
    bad = Invoice(key="I1", date=day(3), account="9999", amount=Money.parse("-5 EUR"))
    with pytest.raises(PostingRefused) as refused:
        post(empty(), bad)
    rules = {v.rule for v in refused.value.violations}
    assert rules == {"ledger.currency", "ledger.unknown_account", "ledger.negative_amount"}
    assert "ledger.unknown_account" in str(refused.value)


def test_same_key_same_content_is_a_no_op() -> None:
    ledger = post(empty(), po("PO1", 1000))
    assert post(ledger, po("PO1", 1000)) is ledger


def test_same_key_different_content_is_refused() -> None:
    ledger = post(empty(), po("PO1", 1000))
    with pytest.raises(PostingRefused, match=r"ledger\.duplicate_key"):
        post(ledger, po("PO1", 1200))


def test_po_goes_open_then_partly_invoiced_then_closed() -> None:
    ledger = post(empty(), po("PO1", 1000))
    assert ledger.po_status("PO1") is PoStatus.OPEN
    ledger = post(ledger, invoice("I1", 400, po_key="PO1"))
    assert ledger.po_status("PO1") is PoStatus.PARTLY_INVOICED
    assert ledger.open_balance("PO1") == usd(600)
    ledger = post(ledger, invoice("I2", 600, po_key="PO1", on=7))
    assert ledger.po_status("PO1") is PoStatus.CLOSED
    assert ledger.open_balance("PO1") == usd(0)


def test_closing_a_po_releases_its_open_balance() -> None:
    ledger = post_all(empty(), [po("PO1", 1000), invoice("I1", 300, po_key="PO1")])
    ledger = post(ledger, PurchaseOrderClose(key="C1", date=day(8), po_key="PO1"))
    assert ledger.po_status("PO1") is PoStatus.CLOSED
    assert ledger.open_balance("PO1") == usd(0)
    with pytest.raises(PostingRefused, match=r"ledger\.po_closed"):
        post(ledger, invoice("I2", 50, po_key="PO1", on=9))


def test_invoice_above_the_po_balance_is_a_warning_and_only_the_balance_is_relieved() -> None:
    ledger = post(empty(), po("PO1", 1000))
    ledger = post(ledger, invoice("I1", 1100, po_key="PO1", vendor="Other Rentals"))
    warnings = {v.rule for v in ledger.records[-1].warnings}
    assert warnings == {"ledger.po_overrun", "ledger.po_vendor"}
    assert all(v.severity is Severity.WARNING for v in ledger.records[-1].warnings)
    kinds = {(p.kind, p.amount) for p in ledger.records[-1].postings}
    assert kinds == {(PostingKind.ACTUAL, usd(1100)), (PostingKind.COMMITTED, usd(-1000))}


def test_invoice_against_an_unknown_po_is_refused() -> None:
    with pytest.raises(PostingRefused, match=r"ledger\.unknown_po"):
        post(empty(), invoice("I1", 10, po_key="NOPE"))


def test_negative_amounts_only_on_credits_and_adjustments() -> None:
    with pytest.raises(PostingRefused, match=r"ledger\.negative_amount"):
        post(empty(), payroll("P1", -10))
    credit = Invoice(key="CN1", date=day(4), account="2100", amount=usd(-50), credit=True)
    adjustment = JournalAdjustment(
        key="J1",
        date=day(4),
        lines=(
            JournalLine(account="2100", amount=usd(-75)),
            JournalLine(account="2200", amount=usd(75)),
        ),
    )
    ledger = post_all(empty(), [credit, adjustment])
    assert [p.amount for p in ledger.postings()] == [usd(-50), usd(-75), usd(75)]


def test_petty_cash_receipts_may_not_exceed_the_float() -> None:
    ledger = post(empty(), PettyCashFloat(key="F1", date=day(1), custodian="APOC", amount=usd(500)))
    first = PettyCashEnvelope(
        key="E1",
        date=day(4),
        float_key="F1",
        receipts=(
            Receipt(account="2200", amount=usd(120), vendor="Hardware"),
            Receipt(account="3100", amount=usd(80), vendor="Courier"),
        ),
    )
    ledger = post(ledger, first)
    assert ledger.float_spent("F1") == usd(200)
    too_much = PettyCashEnvelope(
        key="E2", date=day(5), float_key="F1", receipts=(Receipt(account="2200", amount=usd(301)),)
    )
    with pytest.raises(PostingRefused, match=r"ledger\.float_exceeded"):
        post(ledger, too_much)
    unknown = PettyCashEnvelope(
        key="E3", date=day(5), float_key="F9", receipts=(Receipt(account="2200", amount=usd(1)),)
    )
    with pytest.raises(PostingRefused, match=r"ledger\.unknown_float"):
        post(ledger, unknown)


def test_reversing_an_invoice_restores_the_po_balance() -> None:
    ledger = post_all(empty(), [po("PO1", 1000), invoice("I1", 400, po_key="PO1")])
    ledger = reverse(ledger, "I1", date=day(10), key="R1")
    assert ledger.open_balance("PO1") == usd(1000)
    assert ledger.po_status("PO1") is PoStatus.OPEN
    reversal = ledger.record("R1")
    assert reversal is not None and all(p.date == day(10) for p in reversal.postings)


def test_reversal_rules() -> None:
    ledger = post_all(empty(), [po("PO1", 1000), invoice("I1", 400, po_key="PO1")])
    with pytest.raises(PostingRefused, match=r"ledger\.reverse_drawn_on"):
        reverse(ledger, "PO1", date=day(10), key="R0")
    with pytest.raises(PostingRefused, match=r"ledger\.unknown_entry"):
        reverse(ledger, "NOPE", date=day(10), key="R0")
    ledger = reverse(ledger, "I1", date=day(10), key="R1")
    with pytest.raises(PostingRefused, match=r"ledger\.already_reversed"):
        reverse(ledger, "I1", date=day(11), key="R2")
    with pytest.raises(PostingRefused, match=r"ledger\.reverse_reversal"):
        reverse(ledger, "R1", date=day(11), key="R3")
    ledger = reverse(ledger, "PO1", date=day(11), key="R4")
    assert ledger.po_status("PO1") is PoStatus.CLOSED


def test_entries_refuse_empty_keys_and_empty_envelopes() -> None:
    with pytest.raises(InputError, match="key"):
        po(" ", 10)
    with pytest.raises(InputError, match="receipt"):
        PettyCashEnvelope(key="E", date=day(1), float_key="F", receipts=())


def test_check_entry_reports_without_posting_and_registry_is_a_tuple() -> None:
    assert isinstance(CHECKS, tuple) and all(name for name, _ in CHECKS)
    found = check_entry(empty(), invoice("I1", 10, account="9999"))
    assert [v.rule for v in found] == ["ledger.unknown_account"]
    assert found[0].reference == "I1"


def test_a_ledger_rebuilt_from_its_records_answers_like_the_posted_one() -> None:
    entries = [po("PO1", 1000), invoice("INV1", 400, po_key="PO1"), payroll("P1", 50)]
    posted = post_all(empty(), entries)
    rebuilt = ledger_of(currency=posted.currency, accounts=posted.accounts,
                        records=posted.records, closed_through=posted.closed_through)
    assert rebuilt == posted
    assert rebuilt.record("INV1") is posted.record("INV1")
    assert rebuilt.open_balance("PO1") == usd(600)
    assert post(rebuilt, payroll("P2", 10)).record("P2") is not None
