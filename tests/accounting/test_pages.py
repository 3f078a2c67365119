"""Accounting pages: outsiders 404, roles without money 403, money roles 200; the forms post
through the services and show refusals on the form."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from lynchpin.accounting import services
from lynchpin.accounting.models import BankLine, LedgerEntry, PurchaseOrder
from lynchpin.core.roles import Capability, Role
from tests.accounting.conftest import DAY, approved_po, invoice, key
from tests.django_support import Team, roles_with

pytestmark = pytest.mark.django_db

Client = Any

PAGES = ["ledger", "purchase_orders", "invoices", "petty_cash", "journal", "periods", "bank",
         "cost_report", "hot_cost", "charts"]


def url(team: Team, name: str, **kwargs: Any) -> str:
    return reverse(f"accounting:{name}", kwargs={"production_id": team.production.pk, **kwargs})


def _status(role: Role) -> int:
    return 200 if role.value in roles_with(Capability.VIEW_MONEY) else 403


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_login(books: Team, client_as: Callable[[Any], Client],
                                              name: str) -> None:
    response = client_as(None).get(url(books, name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", PAGES)
def test_outsiders_get_404(books: Team, client_as: Callable[[Any], Client], name: str) -> None:
    assert client_as(books.outsider).get(url(books, name)).status_code == 404


@pytest.mark.parametrize(("name", "role"), [(name, role) for name in PAGES for role in Role])
def test_each_role_gets_exactly_the_money_pages(
    books: Team, client_as: Callable[[Any], Client], name: str, role: Role
) -> None:
    invoice(books, "10")
    assert client_as(books.user(role.value)).get(url(books, name)).status_code == _status(role)


def test_entry_page_isolation(books: Team, client_as: Callable[[Any], Client]) -> None:
    row = invoice(books, "10")
    entry_url = url(books, "entry", entry_id=row.pk)
    assert client_as(books.outsider).get(entry_url).status_code == 404
    assert client_as(books.user("coordinator")).get(entry_url).status_code == 403
    page = client_as(books.user("accountant")).get(entry_url)
    assert page.status_code == 200 and "Reverse this entry" in page.content.decode()
    other = reverse("accounting:entry", kwargs={"production_id": books.other_production.pk,
                                                "entry_id": row.pk})
    assert client_as(books.outsider).get(other).status_code == 404


def test_navigation_shows_accounting_to_money_roles_only(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    dashboard = reverse("productions:dashboard", kwargs={"production_id": books.production.pk})
    assert url(books, "ledger") in client_as(books.producer).get(dashboard).content.decode()
    coordinator = client_as(books.user("coordinator")).get(dashboard).content.decode()
    assert url(books, "ledger") not in coordinator


def test_request_and_approve_a_po_from_the_page(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    form = {"key": "web-1", "account": "3001", "amount": "4750.00", "vendor_id": "",
            "vendor": "Clyde Camera Hire", "description": "Camera package"}
    response = client_as(books.user("accountant")).post(url(books, "purchase_orders"), form)
    assert response.status_code == 302
    po = PurchaseOrder.objects.get()
    again = client_as(books.user("accountant")).post(url(books, "purchase_orders"), form)
    assert again.status_code == 302 and PurchaseOrder.objects.count() == 1  # double submit
    own = client_as(books.user("accountant")).post(url(books, "po_approve", po_id=po.pk))
    assert own.status_code == 403
    approve = client_as(books.producer).post(url(books, "po_approve", po_id=po.pk))
    assert approve.status_code == 302
    po.refresh_from_db()
    assert po.state == "approved"
    page = client_as(books.producer).get(url(books, "purchase_orders")).content.decode()
    assert "4,750.00" in page and "Open" in page


def test_a_refused_invoice_is_shown_on_the_form_and_nothing_is_posted(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    services.period_create(actor=books.producer, production_id=books.production.pk,
                           start_date=DAY, end_date=DAY + dt.timedelta(days=6))
    period = books.production.accounting_accountingperiod_set.get()
    services.period_close(actor=books.producer, production_id=books.production.pk,
                          period_id=period.pk)
    form = {"key": "web-2", "date": DAY.isoformat(), "reference": "INV-9", "account": "3001",
            "amount": "100", "vendor": "Clyde"}
    response = client_as(books.user("accountant")).post(url(books, "invoices"), form)
    assert response.status_code == 400
    assert "closed through 2025-03-09" in response.content.decode()
    assert not LedgerEntry.objects.exists()


def test_an_invoice_over_its_po_is_posted_with_a_warning(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    po = approved_po(books, "100")
    form = {"key": "web-3", "date": DAY.isoformat(), "reference": "INV-10", "account": "3001",
            "amount": "130", "vendor": "Clyde", "po_id": str(po.pk)}
    response = client_as(books.user("accountant")).post(url(books, "invoices"), form,
                                                        follow=True)
    page = response.content.decode()
    assert "Invoice posted (INV-10)" in page and "ledger.po_overrun" in page


def test_petty_cash_float_and_envelope_from_the_page(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    client = client_as(books.user("accountant"))
    client.post(url(books, "petty_cash"), {
        "action": "float", "float-key": "web-f", "float-date": DAY.isoformat(),
        "float-custodian": "Coordinator", "float-amount": "300"})
    cash = LedgerEntry.objects.get(kind="petty_cash")
    receipts = {"receipts-TOTAL_FORMS": "2", "receipts-INITIAL_FORMS": "0",
                "receipts-0-account": "4001", "receipts-0-amount": "20",
                "receipts-1-account": "", "receipts-1-amount": ""}
    response = client.post(url(books, "petty_cash"), {
        "action": "envelope", "envelope-key": "web-e", "envelope-date": DAY.isoformat(),
        "envelope-float_id": str(cash.pk), **receipts})
    assert response.status_code == 302
    page = client.get(url(books, "petty_cash")).content.decode()
    assert "280.00" in page  # still out


def test_journal_from_the_page(books: Team, client_as: Callable[[Any], Client]) -> None:
    data = {"key": "web-j", "date": DAY.isoformat(), "memo": "reclass",
            "lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0",
            "lines-0-account": "3001", "lines-0-amount": "-50",
            "lines-1-account": "3002", "lines-1-amount": "50"}
    response = client_as(books.producer).post(url(books, "journal"), data)
    assert response.status_code == 302
    assert LedgerEntry.objects.get(kind="journal").amount == Decimal("50")
    empty = {**data, "key": "web-k", "lines-0-account": "", "lines-0-amount": "",
             "lines-1-account": "", "lines-1-amount": ""}
    refused = client_as(books.producer).post(url(books, "journal"), empty)
    assert refused.status_code == 400 and "at least one line" in refused.content.decode()


def test_reverse_from_the_entry_page(books: Team, client_as: Callable[[Any], Client]) -> None:
    row = invoice(books, "10")
    response = client_as(books.producer).post(
        url(books, "entry", entry_id=row.pk), {"key": "web-r", "date": DAY.isoformat()})
    assert response.status_code == 302
    assert LedgerEntry.objects.get(kind="reversal").reverses == row


def test_periods_page_adds_and_closes(books: Team, client_as: Callable[[Any], Client]) -> None:
    client = client_as(books.producer)
    response = client.post(url(books, "periods"), {"start_date": DAY.isoformat(),
                                                   "end_date": "2025-03-09"})
    assert response.status_code == 302
    period = books.production.accounting_accountingperiod_set.get()
    assert client.post(url(books, "period_close", period_id=period.pk)).status_code == 302
    period.refresh_from_db()
    assert period.closed


def test_bank_import_page_is_idempotent(books: Team, client_as: Callable[[Any], Client]) -> None:
    content = b"date,description,amount\n2025-03-03,Fuel,-60.00\n"
    client = client_as(books.user("accountant"))
    for _ in range(2):
        upload = SimpleUploadedFile("march.csv", content, content_type="text/csv")
        assert client.post(url(books, "bank"), {"file": upload}).status_code == 302
    assert BankLine.objects.count() == 1
    bad = SimpleUploadedFile("bad.csv", b"date,description,amount\nx,y,z\n")
    response = client.post(url(books, "bank"), {"file": bad})
    assert response.status_code == 400 and "line 2: date" in response.content.decode()


def test_cost_report_page_and_downloads(books: Team, client_as: Callable[[Any], Client]) -> None:
    invoice(books, "40000")
    client = client_as(books.user("accountant"))
    page = client.get(url(books, "cost_report"), {"category": "3000"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "40,000.00" in text and "Total Camera and grip" in text
    assert "Variance = budget - EFC" in text
    xlsx = client.get(url(books, "cost_report"), {"category": "3000", "format": "xlsx"})
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert any(row[0] == "3001" for row in sheet.iter_rows(values_only=True))
    pdf = client.get(url(books, "cost_report"), {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    bad = client.get(url(books, "cost_report"), {"category": "9999"})
    assert bad.status_code == 400


def test_cost_report_page_without_a_budget_says_so(
    team: Team, client_as: Callable[[Any], Client]
) -> None:
    page = client_as(team.producer).get(url(team, "cost_report"))
    assert page.status_code == 200 and "no budget yet" in page.content.decode()


def test_hot_cost_page(books: Team, client_as: Callable[[Any], Client]) -> None:
    data = {"day": DAY.isoformat(),
            "budgeted-TOTAL_FORMS": "1", "budgeted-INITIAL_FORMS": "0",
            "budgeted-0-person": "Ana", "budgeted-0-hours": "12", "budgeted-0-straight": "600",
            "actual-TOTAL_FORMS": "1", "actual-INITIAL_FORMS": "0",
            "actual-0-person": "Ana", "actual-0-hours": "14", "actual-0-straight": "600",
            "actual-0-overtime": "150", "actual-0-overtime_hours": "2"}
    response = client_as(books.producer).post(url(books, "hot_cost"), data)
    page = response.content.decode()
    assert response.status_code == 200 and "-150.00" in page and "overtime" in page


def test_charts_page_embeds_the_data_and_the_vendored_library(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    invoice(books, "10")
    page = client_as(books.producer).get(url(books, "charts")).content.decode()
    assert 'id="accounting-charts"' in page and "vendor/chartjs/chart.umd.min.js" in page
    assert '"Actual to date"' in page


def test_dashboard_shows_figures_to_money_roles(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    invoice(books, "4321")
    services.po_request(actor=books.producer, production_id=books.production.pk, key=key(),
                        account="3001", amount=Decimal("1"), vendor="V")
    dashboard = reverse("productions:dashboard", kwargs={"production_id": books.production.pk})
    page = client_as(books.user("accountant")).get(dashboard).content.decode()
    assert "4,321.00 USD" in page and "waits for approval" in page


def test_the_requester_of_a_po_is_offered_no_approve_button(
    books: Team, client_as: Callable[[Any], Client]
) -> None:
    po = services.po_request(actor=books.user("accountant"), production_id=books.production.pk,
                             key=key(), account="3001", amount=Decimal("250"), vendor="V")
    approve = url(books, "po_approve", po_id=po.pk)
    own = client_as(books.user("accountant")).get(url(books, "purchase_orders")).content.decode()
    assert approve not in own and "Your request: someone else approves it" in own
    other = client_as(books.producer).get(url(books, "purchase_orders")).content.decode()
    assert approve in other


@pytest.mark.parametrize("name", ["petty_cash", "journal", "hot_cost"])
def test_every_input_of_a_lines_table_is_named_for_screen_readers(
    books: Team, client_as: Callable[[Any], Client], name: str
) -> None:
    services.petty_cash_float_post(actor=books.producer, production_id=books.production.pk,
                                   key=key(), date=DAY, custodian="Coordinator",
                                   amount=Decimal("100"))  # so the receipts form is shown
    page = client_as(books.producer).get(url(books, name)).content.decode()
    assert 'aria-label="Account"' in page
    assert 'aria-label="None"' not in page
    assert 'aria-label="Episode"' in page or name == "hot_cost"
