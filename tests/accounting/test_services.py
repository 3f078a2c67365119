"""Services: every posting goes through the engine's invariants; refusals list every
violation and save nothing; reversals net to zero; closed periods refuse back-dating."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lynchpin.accounting import services
from lynchpin.accounting.models import AppendOnly, LedgerEntry, PurchaseOrder
from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from tests.accounting.conftest import DAY, approved_po, invoice, key
from tests.django_support import Team

pytestmark = pytest.mark.django_db


def _entries(team: Team) -> int:
    return LedgerEntry.objects.filter(production=team.production).count()


def test_an_invoice_is_posted_with_its_postings_and_an_audit_entry(books: Team) -> None:
    row = invoice(books, "1250.50", reference="INV-1")
    assert (row.kind, row.account, row.amount, row.currency) == (
        "invoice", "3001", Decimal("1250.50"), "USD")
    assert row.postings == [{"date": "2025-03-03", "account": "3001", "kind": "actual",
                             "amount": "1250.50", "against": "", "set_code": "",
                             "episode": ""}]
    assert row.payload["amount"] == "1250.50"
    audit = AuditEntry.objects.get(action="ledger_entry.post", target_id=str(row.pk))
    assert audit.changes["amount"] == [None, "1250.50"]
    assert audit.actor == books.user("accountant")


def test_refusal_lists_every_violation_and_saves_nothing(books: Team) -> None:
    services.period_create(actor=books.producer, production_id=books.production.pk,
                           start_date=DAY, end_date=DAY + dt.timedelta(days=6))
    period = books.production.accounting_accountingperiod_set.get()
    services.period_close(actor=books.producer, production_id=books.production.pk,
                          period_id=period.pk)
    with pytest.raises(Invalid) as refused:
        invoice(books, "-5", account="9999", day=DAY + dt.timedelta(days=1))
    fields = refused.value.fields
    assert set(fields) == {"account", "date", "amount"}
    assert "ledger.unknown_account" in refused.value.message
    assert "ledger.closed_period" in refused.value.message
    assert "ledger.negative_amount" in refused.value.message
    assert _entries(books) == 0


def test_same_key_same_content_posts_once(books: Team) -> None:
    first = invoice(books, "100", key="inv-clyde-1042")
    again = invoice(books, "100", key="inv-clyde-1042")
    assert again.pk == first.pk
    assert _entries(books) == 1


def test_same_key_other_content_is_refused(books: Team) -> None:
    invoice(books, "100", key="inv-clyde-1042")
    with pytest.raises(Invalid) as refused:
        invoice(books, "101", key="inv-clyde-1042")
    assert "ledger.duplicate_key" in refused.value.message
    assert "key" in refused.value.fields


def test_reversal_negates_the_original_and_cannot_be_repeated(books: Team) -> None:
    original = invoice(books, "300", account="3002")
    reversal = services.entry_reverse(
        actor=books.producer, production_id=books.production.pk, entry_id=original.pk,
        key=key("rev"), date=DAY + dt.timedelta(days=2), memo="wrong account")
    assert reversal.reverses_id == original.pk
    assert reversal.amount == Decimal("-300")
    assert [p["amount"] for p in reversal.postings] == ["-300"]
    assert original.reversal == reversal
    with pytest.raises(Invalid) as twice:
        services.entry_reverse(actor=books.producer, production_id=books.production.pk,
                               entry_id=original.pk, key=key("rev"), date=DAY)
    assert "ledger.already_reversed" in twice.value.message
    with pytest.raises(Invalid) as of_reversal:
        services.entry_reverse(actor=books.producer, production_id=books.production.pk,
                               entry_id=reversal.pk, key=key("rev"), date=DAY)
    assert "ledger.reverse_reversal" in of_reversal.value.message


def test_closed_period_refuses_back_dated_posting_but_not_later_dates(books: Team) -> None:
    pid = books.production.pk
    first = services.period_create(actor=books.producer, production_id=pid, start_date=DAY,
                                   end_date=DAY + dt.timedelta(days=6))
    second = services.period_create(actor=books.producer, production_id=pid,
                                    end_date=DAY + dt.timedelta(days=13))
    posted = invoice(books, "50", day=DAY + dt.timedelta(days=1))
    services.period_close(actor=books.producer, production_id=pid, period_id=first.pk)
    with pytest.raises(Invalid) as refused:
        invoice(books, "60", day=DAY + dt.timedelta(days=6))
    assert refused.value.fields["date"]
    with pytest.raises(Invalid):  # a reversal dated in the closed period too
        services.entry_reverse(actor=books.producer, production_id=pid, entry_id=posted.pk,
                               key=key("rev"), date=DAY + dt.timedelta(days=2))
    later = invoice(books, "60", day=DAY + dt.timedelta(days=7))
    assert later.period_id == second.pk
    fix = services.entry_reverse(actor=books.producer, production_id=pid, entry_id=posted.pk,
                                 key=key("rev"), date=DAY + dt.timedelta(days=8))
    assert fix.date == DAY + dt.timedelta(days=8)


def test_closing_a_period_closes_every_earlier_one(books: Team) -> None:
    pid = books.production.pk
    first = services.period_create(actor=books.producer, production_id=pid, start_date=DAY,
                                   end_date=DAY + dt.timedelta(days=6))
    second = services.period_create(actor=books.producer, production_id=pid,
                                    end_date=DAY + dt.timedelta(days=13))
    services.period_close(actor=books.producer, production_id=pid, period_id=second.pk)
    first.refresh_from_db()
    assert first.closed and first.closed_by == books.producer


def test_periods_follow_each_other(books: Team) -> None:
    pid = books.production.pk
    with pytest.raises(Invalid) as no_start:
        services.period_create(actor=books.producer, production_id=pid, end_date=DAY)
    assert "start_date" in no_start.value.fields
    services.period_create(actor=books.producer, production_id=pid, start_date=DAY,
                           end_date=DAY + dt.timedelta(days=6))
    with pytest.raises(Invalid) as gap:
        services.period_create(actor=books.producer, production_id=pid,
                               start_date=DAY + dt.timedelta(days=9),
                               end_date=DAY + dt.timedelta(days=13))
    assert "2025-03-10" in gap.value.message


def test_a_new_period_files_the_entries_already_posted_on_its_dates(books: Team) -> None:
    row = invoice(books, "10")
    assert row.period_id is None
    period = services.period_create(actor=books.producer, production_id=books.production.pk,
                                    start_date=DAY, end_date=DAY + dt.timedelta(days=6))
    row.refresh_from_db()
    assert row.period_id == period.pk


def test_the_requester_cannot_approve_their_own_po(books: Team) -> None:
    pid = books.production.pk
    po = services.po_request(actor=books.user("accountant"), production_id=pid, key=key(),
                             account="3001", amount=Decimal("4750"), vendor="Clyde Camera Hire")
    assert po.state == "requested" and po.number == 1
    assert _entries(books) == 0  # a request commits nothing
    with pytest.raises(Forbidden):
        services.po_approve(actor=books.user("accountant"), production_id=pid, po_id=po.pk)
    approved = services.po_approve(actor=books.producer, production_id=pid, po_id=po.pk, on=DAY)
    assert approved.state == "approved" and approved.approved_by == books.producer
    assert approved.entry.key == "po-0001"
    assert approved.entry.postings[0]["kind"] == "committed"


def test_a_po_request_is_checked_before_anyone_approves_it(books: Team) -> None:
    with pytest.raises(Invalid) as refused:
        services.po_request(actor=books.producer, production_id=books.production.pk,
                            key=key(), account="7777", amount=Decimal("0"), vendor="X")
    assert set(refused.value.fields) == {"account", "amount"}
    assert not PurchaseOrder.objects.exists()


def test_invoice_against_a_po_relieves_it_and_warns_on_overrun(books: Team) -> None:
    po = approved_po(books, "1000")
    row = invoice(books, "1200", po_id=po.pk)
    assert {p["kind"]: Decimal(p["amount"]) for p in row.postings} == {
        "actual": Decimal(1200), "committed": Decimal(-1000)}
    assert [w["rule"] for w in row.warnings] == ["ledger.po_overrun"]


def test_an_invoice_needs_an_approved_po(books: Team) -> None:
    po = services.po_request(actor=books.producer, production_id=books.production.pk,
                             key=key(), account="3001", amount=Decimal("10"), vendor="V")
    with pytest.raises(Invalid) as refused:
        invoice(books, "5", po_id=po.pk)
    assert "po" in refused.value.fields


def test_closing_a_po_releases_its_balance_and_reversing_the_close_reopens_it(
    books: Team,
) -> None:
    pid = books.production.pk
    po = approved_po(books, "1000")
    invoice(books, "400", po_id=po.pk)
    closed = services.po_close(actor=books.producer, production_id=pid, po_id=po.pk, on=DAY)
    assert closed.state == "closed"
    assert closed.close_entry.amount == Decimal("-600")
    services.entry_reverse(actor=books.producer, production_id=pid,
                           entry_id=closed.close_entry_id, key=key(), date=DAY)
    po.refresh_from_db()
    assert (po.state, po.close_entry_id) == ("approved", None)
    again = services.po_close(actor=books.producer, production_id=pid, po_id=po.pk, on=DAY)
    assert again.close_entry.key == "po-0001-close-2"


def test_reversing_a_po_with_invoices_drawing_on_it_is_refused(books: Team) -> None:
    po = approved_po(books, "1000")
    invoice(books, "400", po_id=po.pk)
    with pytest.raises(Invalid) as refused:
        services.entry_reverse(actor=books.producer, production_id=books.production.pk,
                               entry_id=po.entry_id, key=key(), date=DAY)
    assert "ledger.reverse_drawn_on" in refused.value.message


def test_petty_cash_receipts_may_not_exceed_the_float(books: Team) -> None:
    pid = books.production.pk
    cash = services.petty_cash_float_post(
        actor=books.user("accountant"), production_id=pid, key=key(), date=DAY,
        custodian="Production coordinator", amount=Decimal("500"))
    assert cash.postings == []
    envelope = services.petty_cash_post(
        actor=books.user("accountant"), production_id=pid, key=key(), date=DAY,
        float_id=cash.pk, receipts=[{"account": "4001", "amount": "120.50", "vendor": "Cafe"},
                                    {"account": "3002", "amount": "80"}])
    assert envelope.amount == Decimal("200.50")
    assert envelope.account == ""  # several accounts
    with pytest.raises(Invalid) as refused:
        services.petty_cash_post(
            actor=books.user("accountant"), production_id=pid, key=key(), date=DAY,
            float_id=cash.pk, receipts=[{"account": "4001", "amount": "300"}])
    assert "ledger.float_exceeded" in refused.value.message


def test_a_journal_entry_moves_cost_between_accounts(books: Team) -> None:
    row = services.journal_post(
        actor=books.producer, production_id=books.production.pk, key=key(), date=DAY,
        lines=[{"account": "3001", "amount": "-500"}, {"account": "3002", "amount": "500"}],
        memo="reclass grip")
    assert row.amount == Decimal("500")
    assert sorted(p["amount"] for p in row.postings) == ["-500", "500"]


def test_payroll_and_vendor_rows_of_the_people_app(books: Team) -> None:
    from lynchpin.people.models import Vendor

    vendor = Vendor.objects.create(production=books.production, name="Reel Payroll Ltd")
    row = services.payroll_post(actor=books.producer, production_id=books.production.pk,
                                key=key(), date=DAY, account="1002", amount=Decimal("1500"),
                                vendor_id=vendor.pk)
    assert (row.vendor, row.vendor_name, row.kind) == (vendor, "Reel Payroll Ltd", "payroll")
    other = Vendor.objects.create(production=books.other_production, name="Elsewhere")
    with pytest.raises(Invalid):
        services.payroll_post(actor=books.producer, production_id=books.production.pk,
                              key=key(), date=DAY, account="1002", amount=Decimal("1"),
                              vendor_id=other.pk)


@pytest.mark.parametrize("role", ["coordinator", "department_head", "crew", "cast"])
def test_roles_without_money_cannot_post(books: Team, role: str) -> None:
    with pytest.raises(Forbidden):
        invoice(books, "10", actor=books.user(role))


def test_outsiders_cannot_post(books: Team) -> None:
    with pytest.raises(NotFound):
        invoice(books, "10", actor=books.outsider)


def test_amounts_keep_at_most_four_decimals(books: Team) -> None:
    with pytest.raises(Invalid) as refused:
        invoice(books, "1.23456")
    assert "amount" in refused.value.fields


def test_ledger_rows_are_append_only(books: Team) -> None:
    row = invoice(books, "10")
    row.memo = "changed"
    with pytest.raises(AppendOnly):
        row.save()
    with pytest.raises(AppendOnly):
        row.delete()


def test_without_a_budget_nothing_can_be_posted(team: Team) -> None:
    with pytest.raises(Invalid) as refused:
        invoice(team, "10")
    assert "no budget" in refused.value.message
