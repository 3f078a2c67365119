"""Demo walk-through, step 5 "Spend", in the browser (docs/web/demo.md; Lynchpin issue 7).

On the demo production, each step as the money role docs/web/accounting.md gives it:

- the accountant requests a purchase order and is offered no Approve button on it (nobody
  approves their own: a direct POST is 403, tests/accounting/test_pages.py); the producer
  approves it; the accountant posts an invoice against it; the cost report shows the actual
  and what stays committed;
- the accountant posts an envelope of receipts against the coordinator's float, a journal
  entry (a reclass) and its reversal; the cost report moves and moves back;
- the cost report's XLSX and PDF downloads answer 200 with their content types; a bank
  statement CSV uploaded twice adds its lines once.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin

import pytest

from lynchpin.accounting.models import BankLine, LedgerEntry, PurchaseOrder
from tests.browser.walkthrough_support import DemoWorld, cost_cell, demo, reported
from tests.browser_support import browser, logged_in

__all__ = ["browser", "demo"]  # fixtures, imported for this module

pytestmark = [pytest.mark.django_db(transaction=True)]


def _today() -> str:
    from lynchpin.accounting.adapters.clock import production_today
    from lynchpin.productions.models import Production

    return production_today(Production.objects.get(title="The Night Ferry")).isoformat()


def _form(page: Any, button: str) -> Any:
    """The form holding the submit button named `button`."""
    return page.locator("form").filter(has=page.get_by_role("button", name=button, exact=True))


def _row(scope: Any, number: int) -> Any:
    """Row `number` (from 0) of the lines table of a receipts or journal form."""
    return scope.locator("table.line-table tbody tr").nth(number)


def _cost_report(page: Any, demo: DemoWorld) -> None:
    page.goto(demo.url("accounting/cost-report/"))


def test_a_po_requested_by_one_role_approved_by_another_then_invoiced(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    accountant = logged_in(browser, live_server, "accountant")
    accountant.goto(demo.url("accounting/purchase-orders/"))
    accountant.get_by_label("Account:", exact=True).select_option("3002")
    accountant.get_by_label("Amount:", exact=True).fill("2400")
    accountant.get_by_label("Or another vendor:").fill("Caledonian Grip")
    accountant.get_by_label("Description:").fill("Dolly and track, week 1")
    accountant.get_by_role("button", name="Request").click()
    accountant.get_by_text("requested: someone else approves it").wait_for()
    po = PurchaseOrder.objects.get(vendor_name="Caledonian Grip")
    assert (po.state, po.account, po.amount, po.requested_by.username) == (
        "requested", "3002", Decimal("2400"), "accountant")
    row = accountant.locator("tbody tr", has_text="Caledonian Grip")
    assert "Requested" in row.inner_text()
    assert row.get_by_role("button", name="Approve").count() == 0  # not their own
    assert "someone else approves it" in row.inner_text()

    producer = logged_in(browser, live_server, "producer")
    producer.goto(demo.url("accounting/purchase-orders/"))
    producer.locator("tbody tr", has_text="Caledonian Grip").get_by_role(
        "button", name="Approve").click()
    producer.get_by_text(f"PO {po.number:04d} approved:").wait_for()
    po.refresh_from_db()
    assert po.state == "approved" and po.approved_by.username == "producer"
    _cost_report(producer, demo)
    assert cost_cell(producer, "3002", "committed") == Decimal("2400.00")

    accountant.goto(demo.url("accounting/invoices/"))
    accountant.get_by_label("Date:").fill(_today())
    accountant.get_by_label("Invoice number:").fill("CG-0117")
    accountant.get_by_label("Purchase order:").select_option(label=f"PO {po.number:04d} "
                                                             "Caledonian Grip (3002)")
    accountant.get_by_label("Account:", exact=True).select_option("3002")
    accountant.get_by_label("Amount:", exact=True).fill("1000")
    accountant.get_by_label("Or another vendor:").fill("Caledonian Grip")
    accountant.get_by_role("button", name="Post invoice").click()
    accountant.get_by_text("Invoice posted (CG-0117)").wait_for()
    invoice = LedgerEntry.objects.get(kind="invoice", reference="CG-0117")
    assert invoice.account == "3002" and invoice.amount == Decimal("1000")
    _cost_report(accountant, demo)
    assert cost_cell(accountant, "3002", "actual_to_date") == Decimal("1000.00")
    assert cost_cell(accountant, "3002", "committed") == Decimal("1400.00")
    figures = reported(demo.user("accountant"), demo.pid, "3002")
    assert (figures.actual_to_date.amount, figures.committed.amount) == (
        Decimal("1000.00"), Decimal("1400.00"))


def test_petty_cash_receipts_a_journal_entry_and_its_reversal(
        browser: Any, live_server: Any, demo: DemoWorld) -> None:
    page = logged_in(browser, live_server, "accountant")
    _cost_report(page, demo)
    travel, catering = (cost_cell(page, code, "actual_to_date") for code in ("5001", "5002"))

    page.goto(demo.url("accounting/petty-cash/"))
    envelope = _form(page, "Post envelope")
    envelope.get_by_label("Date:").fill(_today())
    envelope.get_by_label("Float:").select_option(index=1)  # the coordinator's office float
    envelope.get_by_label("Envelope:").fill("ENV-2")
    receipt = _row(envelope, 0)
    receipt.get_by_label("Account", exact=True).select_option("5002")
    receipt.get_by_label("Amount", exact=True).fill("36.50")
    receipt.get_by_label("Vendor", exact=True).fill("Harbour Bakery")
    receipt.get_by_label("Description", exact=True).fill("Rolls for the unit")
    envelope.get_by_role("button", name="Post envelope").click()
    page.get_by_text("posted (ENV-2)").wait_for()
    assert "164.90" in page.locator("table", has_text="Still out").inner_text()  # 128.40 + 36.50
    assert LedgerEntry.objects.get(kind="petty_cash", reference="ENV-2").amount == Decimal(
        "36.50")

    page.goto(demo.url("accounting/journal/"))
    page.get_by_label("Date:").fill(_today())
    page.get_by_label("Reference:").fill("JE-1")
    page.get_by_label("Memo:").fill("Reclass the rolls to travel")
    for row, (account, value) in enumerate((("5002", "-36.50"), ("5001", "36.50"))):
        _row(page, row).get_by_label("Account", exact=True).select_option(account)
        _row(page, row).get_by_label("Amount", exact=True).fill(value)
    page.get_by_role("button", name="Post journal entry").click()
    page.get_by_text("Journal entry posted (JE-1)").wait_for()
    journal = LedgerEntry.objects.get(kind="journal", reference="JE-1")
    _cost_report(page, demo)
    assert cost_cell(page, "5001", "actual_to_date") == travel + Decimal("36.50")
    assert cost_cell(page, "5002", "actual_to_date") == catering + Decimal("36.50") - Decimal(
        "36.50")

    page.goto(demo.url(f"accounting/entries/{journal.pk}/"))
    page.get_by_label("Date:").fill(_today())
    page.get_by_label("Memo:").fill("Rolls were catering after all")
    page.once("dialog", lambda dialog: dialog.accept())  # "Reverse this entry?"
    page.get_by_role("button", name="Reverse").click()
    page.get_by_text("Reversal posted").wait_for()
    reversal = LedgerEntry.objects.get(reverses=journal)
    assert reversal.kind == "reversal"
    assert page.url.endswith(f"/accounting/entries/{reversal.pk}/")
    _cost_report(page, demo)
    assert cost_cell(page, "5001", "actual_to_date") == travel
    assert cost_cell(page, "5002", "actual_to_date") == catering + Decimal("36.50")
    assert reported(demo.user("accountant"), demo.pid, "5001").actual_to_date.amount == travel


def test_cost_report_downloads_and_a_bank_statement_imported_twice(
        browser: Any, live_server: Any, demo: DemoWorld, tmp_path: Any) -> None:
    page = logged_in(browser, live_server, "accountant")
    _cost_report(page, demo)
    for name, kind, magic in (("XLSX", "spreadsheetml", b"PK"), ("PDF", "pdf", b"%PDF")):
        href = page.get_by_role("link", name=name, exact=True).get_attribute("href")
        answer = page.context.request.get(urljoin(page.url, href))
        assert answer.status == 200, name
        assert kind in answer.headers["content-type"], name
        assert answer.body().startswith(magic), name

    day = dt.date.fromisoformat(_today())
    statement = tmp_path / "statement.csv"
    statement.write_text(f"date,description,amount\n{day},Clyde Camera Hire,-1900.00\n"
                         f"{day},Harbour Bakery,-36.50\n", encoding="utf-8")
    for added in (2, 0):
        page.goto(demo.url("accounting/bank/"))
        page.get_by_label("File:").set_input_files(str(statement))
        page.get_by_role("button", name="Import").click()
        page.get_by_text(f"statement.csv: {added} new line(s)").wait_for()
    assert BankLine.objects.count() == 2
    assert page.get_by_role("cell", name="Harbour Bakery").count() == 1
    assert page.get_by_role("cell", name="Clyde Camera Hire").count() == 1
    assert not LedgerEntry.objects.filter(memo__icontains="bakery").exists()  # posts nothing
