"""The accounting API: same services and selectors as the pages, same permissions, one error
shape, paginated lists, idempotent postings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lynchpin.core.roles import Capability, Role
from tests.accounting.conftest import DAY, approved_po, invoice
from tests.django_support import Team, roles_with

pytestmark = pytest.mark.django_db

Client = Any

GETS = ["ledger", "purchase-orders", "petty-cash/floats", "periods", "bank-imports",
        "bank-lines", "cost-report", "charts"]


def api(team: Team, path: str, production: Any = None) -> str:
    production = production or team.production
    return f"/api/v1/productions/{production.pk}/accounting/{path}"


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, body, content_type="application/json")


@pytest.mark.parametrize("path", GETS)
def test_outsider_gets_404_everywhere(books: Team, token_client: Callable[[Any], Client],
                                      path: str) -> None:
    response = token_client(books.outsider).get(api(books, path))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(("path", "role"), [(path, role) for path in GETS for role in Role])
def test_each_role_gets_exactly_the_money_endpoints(
    books: Team, token_client: Callable[[Any], Client], path: str, role: Role
) -> None:
    invoice(books, "10")
    response = token_client(books.user(role.value)).get(api(books, path))
    expected = 200 if role.value in roles_with(Capability.VIEW_MONEY) else 403
    assert response.status_code == expected
    if expected == 403:
        assert response.json()["error"]["code"] == "forbidden"


@pytest.mark.parametrize("role", ["coordinator", "department_head", "crew", "cast"])
def test_roles_without_money_cannot_post(books: Team, token_client: Callable[[Any], Client],
                                         role: str) -> None:
    body = {"key": "k1", "date": "2025-03-03", "account": "3001", "amount": "10"}
    response = post(token_client(books.user(role)), api(books, "invoices"), body)
    assert response.status_code == 403


def test_invoice_post_is_idempotent_and_refusals_list_every_violation(
    books: Team, token_client: Callable[[Any], Client]
) -> None:
    client = token_client(books.user("accountant"))
    body = {"key": "inv-clyde-1", "date": "2025-03-03", "account": "3001", "amount": "12.50",
            "vendor": "Clyde", "reference": "1042"}
    first = post(client, api(books, "invoices"), body)
    assert first.status_code == 201
    assert (first.json()["amount"], first.json()["vendor"]) == ("12.50", "Clyde")
    again = post(client, api(books, "invoices"), body)
    assert again.json()["id"] == first.json()["id"]
    clash = post(client, api(books, "invoices"), {**body, "amount": "13"})
    assert clash.status_code == 400
    bad = post(client, api(books, "invoices"), {**body, "key": "x", "account": "9",
                                                "amount": "-1"})
    error = bad.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"account", "amount"}
    assert "ledger.unknown_account" in error["message"]


def test_po_workflow_through_the_api(books: Team, token_client: Callable[[Any], Client]) -> None:
    accountant, producer = token_client(books.user("accountant")), token_client(books.producer)
    created = post(accountant, api(books, "purchase-orders"),
                   {"key": "req-1", "account": "3001", "amount": "1000", "vendor": "Clyde"})
    assert created.status_code == 201 and created.json()["status"] == "requested"
    po_id = created.json()["id"]
    own = post(accountant, api(books, f"purchase-orders/{po_id}/approve"), {})
    assert own.status_code == 403
    approved = post(producer, api(books, f"purchase-orders/{po_id}/approve"),
                    {"date": "2025-03-03"})
    assert approved.json()["status"] == "open" and approved.json()["open_balance"] == "1000.0000"
    post(accountant, api(books, "invoices"), {"key": "i", "date": "2025-03-04", "account": "3001",
                                              "amount": "400", "po_id": po_id})
    shown = accountant.get(api(books, f"purchase-orders/{po_id}")).json()
    assert (shown["status"], shown["invoiced"]) == ("partly invoiced", "400")
    closed = post(producer, api(books, f"purchase-orders/{po_id}/close"), {"date": "2025-03-05"})
    assert closed.json()["state"] == "closed" and closed.json()["status"] == "closed"


def test_reverse_and_entry_detail(books: Team, token_client: Callable[[Any], Client]) -> None:
    row = invoice(books, "75")
    client = token_client(books.producer)
    reversed_ = post(client, api(books, f"ledger/{row.pk}/reverse"),
                     {"key": "rev-1", "date": "2025-03-04"})
    assert reversed_.status_code == 201 and reversed_.json()["reverses_id"] == row.pk
    detail = client.get(api(books, f"ledger/{row.pk}")).json()
    assert detail["reversed_by_id"] == reversed_.json()["id"]
    assert detail["postings"][0]["amount"] == "75"
    foreign = token_client(books.outsider).get(
        api(books, f"ledger/{row.pk}", production=books.other_production))
    assert foreign.status_code == 404


def test_petty_cash_and_journal(books: Team, token_client: Callable[[Any], Client]) -> None:
    client = token_client(books.user("accountant"))
    cash = post(client, api(books, "petty-cash/floats"),
                {"key": "f1", "date": "2025-03-03", "custodian": "Coordinator", "amount": "200"})
    envelope = post(client, api(books, "petty-cash/envelopes"), {
        "key": "e1", "date": "2025-03-03", "float_id": cash.json()["id"],
        "receipts": [{"account": "4001", "amount": "50"}]})
    assert envelope.status_code == 201
    floats = client.get(api(books, "petty-cash/floats")).json()
    assert floats["items"][0]["remaining"] == "150"
    journal = post(client, api(books, "journal"), {
        "key": "j1", "date": "2025-03-03",
        "lines": [{"account": "3001", "amount": "-5"}, {"account": "3002", "amount": "5"}]})
    assert journal.status_code == 201
    payroll = post(client, api(books, "payroll"), {"key": "p1", "date": "2025-03-03",
                                                   "account": "1002", "amount": "1500"})
    assert payroll.json()["kind"] == "payroll"


def test_periods_and_closed_period_refusal(books: Team,
                                           token_client: Callable[[Any], Client]) -> None:
    client = token_client(books.producer)
    period = post(client, api(books, "periods"),
                  {"start_date": "2025-03-03", "end_date": "2025-03-09"}).json()
    closed = post(client, api(books, f"periods/{period['id']}/close"), {})
    assert closed.json()["closed"] is True
    late = post(client, api(books, "invoices"), {"key": "x", "date": "2025-03-05",
                                                 "account": "3001", "amount": "1"})
    assert late.status_code == 400 and "date" in late.json()["error"]["fields"]


def test_ledger_is_paginated_and_filtered(books: Team,
                                          token_client: Callable[[Any], Client]) -> None:
    for n in range(5):
        invoice(books, str(n + 1), day=DAY + dt.timedelta(days=n))
    client = token_client(books.producer)
    page = client.get(api(books, "ledger"), {"limit": 2, "offset": 0}).json()
    assert page["count"] == 5 and len(page["items"]) == 2
    assert page["items"][0]["date"] == "2025-03-07"
    filtered = client.get(api(books, "ledger"), {"date_from": "2025-03-06"}).json()
    assert filtered["count"] == 2
    assert client.get(api(books, "ledger"), {"limit": 101}).status_code == 400


def test_bank_import_twice_adds_nothing(books: Team, token_client: Callable[[Any], Client]) -> None:
    client = token_client(books.user("accountant"))
    content = b"date,description,amount\n2025-03-03,Fuel,-60.00\n2025-03-04,Cafe,-3\n"
    results = [
        client.post(api(books, "bank-imports"),
                    {"file": SimpleUploadedFile("s.csv", content)}).json()
        for _ in range(2)
    ]
    assert [r["lines_added"] for r in results] == [2, 0]
    assert client.get(api(books, "bank-lines")).json()["count"] == 2
    bad = client.post(api(books, "bank-imports"),
                      {"file": SimpleUploadedFile("b.csv", b"date,description,amount\n1,2,3\n")})
    assert bad.status_code == 400 and bad.json()["error"]["fields"]["file"][0].startswith("line 2")


def test_cost_report_and_charts(books: Team, token_client: Callable[[Any], Client]) -> None:
    invoice(books, "40000")
    approved_po(books, "25000")
    client = token_client(books.user("accountant"))
    report = client.get(api(books, "cost-report"), {"category": "3000"}).json()
    assert report["format"] == "lynchpin-costreport"
    assert report["total"]["actual_to_date"] == "40000.00"
    assert report["total"]["committed"] == "25000.00"
    charts = client.get(api(books, "charts")).json()
    assert charts["spend"]["series"][0]["values"][1] == "40000.00"


def test_hot_cost(books: Team, token_client: Callable[[Any], Client]) -> None:
    body = {"day": "2025-03-03",
            "budgeted": [{"person": "Cy", "hours": "12", "straight": "400"}],
            "actual": [{"person": "Dee", "hours": "10", "straight": "350"}]}
    result = post(token_client(books.producer), api(books, "hot-cost"), body).json()
    assert Decimal(result["variance"]) == Decimal("50")
    assert {r["kind"] for r in result["reasons"]} == {"extra_crew", "crew_not_called"}


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "1e400", "0.00001", "123456789012345678"])
def test_unusable_amounts_are_400_naming_the_field(
    books: Team, token_client: Callable[[Any], Client], amount: str
) -> None:
    body = {"key": "k", "date": "2025-03-03", "account": "3001", "amount": amount}
    response = post(token_client(books.producer), api(books, "invoices"), body)
    assert response.status_code == 400
    assert "amount" in response.json()["error"]["fields"]


def test_an_amount_in_exponent_form_is_stored_plainly(
    books: Team, token_client: Callable[[Any], Client]
) -> None:
    body = {"key": "k", "date": "2025-03-03", "account": "3001", "amount": "1E+3"}
    response = post(token_client(books.producer), api(books, "invoices"), body)
    assert response.json()["amount"] == "1000"


@pytest.mark.parametrize("path", ["ledger/{big}", "purchase-orders/{big}", "charts?budget={big}",
                                  "cost-report?period={big}", "bank-lines?batch_id={big}"])
def test_ids_beyond_64_bits_are_400_not_500(
    books: Team, token_client: Callable[[Any], Client], path: str
) -> None:
    response = token_client(books.producer).get(api(books, path.format(big=2**70)))
    assert response.status_code == 400
    huge = f"/api/v1/productions/{2**70}/accounting/ledger"
    assert token_client(books.producer).get(huge).status_code == 400
