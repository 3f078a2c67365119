"""A crawl as each role without money rights finds no amount of the ledger anywhere: not on
the accounting pages and endpoints (403), not on the dashboard, not in the navigation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from lynchpin.accounting import services
from tests.accounting.conftest import DAY, approved_po, invoice, key
from tests.django_support import Team

pytestmark = pytest.mark.django_db

#: Amounts posted by the fixture, in every way a page or the API could print them.
AMOUNTS = ("98765.43", "98,765.43", "98765.4300", "4321.09", "4,321.09", "4321.0900",
           "555.55", "555.5500")

PAGES = ["ledger", "purchase_orders", "invoices", "petty_cash", "journal", "periods", "bank",
         "cost_report", "hot_cost", "charts"]
API = ["ledger", "purchase-orders", "petty-cash/floats", "periods", "bank-imports",
       "bank-lines", "cost-report", "charts"]


@pytest.fixture
def spent(books: Team) -> dict[str, int]:
    """A ledger with an invoice, an approved PO, a float, and a bank line."""
    pid = books.production.pk
    row = invoice(books, "98765.43")
    po = approved_po(books, "4321.09")
    services.petty_cash_float_post(actor=books.producer, production_id=pid, key=key(),
                                   date=DAY, custodian="Coordinator", amount=Decimal("555.55"))
    services.bank_csv_import(actor=books.producer, production_id=pid, file_name="s.csv",
                             content=b"date,description,amount\n2025-03-03,Hire,-98765.43\n")
    services.period_create(actor=books.producer, production_id=pid, start_date=DAY,
                           end_date=DAY + dt.timedelta(days=6))
    return {"entry": row.pk, "po": po.pk}


def _urls(team: Team, spent: dict[str, int]) -> list[str]:
    pid = team.production.pk
    pages = [reverse(f"accounting:{name}", kwargs={"production_id": pid}) for name in PAGES]
    pages.append(reverse("accounting:entry", kwargs={"production_id": pid,
                                                     "entry_id": spent["entry"]}))
    pages += [reverse("accounting:cost_report", kwargs={"production_id": pid}) + "?format=xlsx",
              reverse("productions:dashboard", kwargs={"production_id": pid}),
              reverse("productions:list")]
    api = [f"/api/v1/productions/{pid}/accounting/{path}" for path in API]
    api += [f"/api/v1/productions/{pid}/accounting/ledger/{spent['entry']}",
            f"/api/v1/productions/{pid}/accounting/purchase-orders/{spent['po']}",
            f"/api/v1/productions/{pid}"]
    return pages + api


@pytest.mark.parametrize("role", ["coordinator", "department_head", "crew", "cast"])
def test_a_crawl_without_money_rights_finds_no_amount(
    books: Team, spent: dict[str, int], client_as: Callable[[Any], Any], role: str
) -> None:
    client = client_as(books.user(role))
    seen = 0
    for url in _urls(books, spent):
        response = client.get(url)
        body = response.content.decode("utf-8", errors="replace")
        assert response.status_code in {200, 403}, url
        for amount in AMOUNTS:
            assert amount not in body, (url, amount)
        seen += response.status_code == 200
    assert seen >= 3  # the dashboard, the list and the API pages were really read


def test_the_same_crawl_as_the_accountant_does_find_the_amounts(
    books: Team, spent: dict[str, int], client_as: Callable[[Any], Any]
) -> None:
    client = client_as(books.user("accountant"))
    bodies = " ".join(client.get(url).content.decode("utf-8", errors="replace")
                      for url in _urls(books, spent))
    assert "98,765.43" in bodies and "4321.0900" in bodies
