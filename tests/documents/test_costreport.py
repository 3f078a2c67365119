"""Cost report renderers: JSON, XLSX (read back with openpyxl), PDF (text via pdfplumber)."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal

import pdfplumber
import pytest
from openpyxl import load_workbook

from lynchpin.documents.costreport_inputs import budget_accounts, budget_chart
from lynchpin.documents.costreport_json import render_costreport_json
from lynchpin.documents.costreport_pdf import costreport_html, render_costreport_pdf
from lynchpin.documents.costreport_xlsx import HEADER_ROW, render_costreport_xlsx
from lynchpin.engine.budgeting.model import Account, Budget, Category, DetailLine, Level
from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.costreport import CostReport, cost_report
from lynchpin.engine.ledger.entries import Invoice, PurchaseOrder
from lynchpin.engine.ledger.ledger import open_ledger, post
from lynchpin.engine.money import Money


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def _budget() -> Budget:
    camera = Account("2100", "Camera <rental>", (DetailLine("Package", rate=Decimal(100000)),))
    grip = Account("2200", "Grip", (DetailLine("Grip", rate=Decimal("0.335")),))
    return Budget("Oracle", "USD", categories=(
        Category("2000", "Production", Level.PRODUCTION, (camera, grip)),))


def _report() -> CostReport:
    """The issue's oracle: budget 100,000, actual 40,000, open POs 25,000, ETC 30,000."""
    budget = _budget()
    ledger = open_ledger(currency="USD", accounts=["2100", "2200"])
    ledger = post(ledger, Invoice(key="i", date=date(2026, 3, 2), account="2100",
                                  amount=usd("40000")))
    ledger = post(ledger, PurchaseOrder(key="p", date=date(2026, 3, 3), account="2100",
                                        amount=usd("25000")))
    return cost_report(budget_accounts(budget), budget_chart(budget), ledger,
                       period=(date(2026, 3, 1), date(2026, 3, 7)),
                       etc={"2100": usd("30000"), "2200": usd("0.335")})


def test_adapter_builds_categories_over_accounts() -> None:
    tree = budget_chart(_budget())
    assert list(tree.walk()) == [("2000", 0), ("2100", 1), ("2200", 1)]
    assert tree.node("2100").name == "Camera <rental>"
    assert budget_accounts(_budget())["2200"] == usd("0.335")


def test_adapter_refuses_a_category_sharing_an_account_code() -> None:
    clash = Budget("x", "USD", categories=(
        Category("2000", "P", Level.PRODUCTION, (Account("2000", "A"),)),))
    with pytest.raises(InputError, match="2000"):
        budget_chart(clash)


def test_json_has_every_column_rounded_once() -> None:
    data = json.loads(render_costreport_json(_report(), title="Oracle"))
    camera = next(line for line in data["lines"] if line["code"] == "2100")
    assert (camera["total_cost"], camera["efc"], camera["variance"]) == (
        "65000.00", "95000.00", "5000.00")
    grip = next(line for line in data["lines"] if line["code"] == "2200")
    assert grip["budget"] == "0.34"
    assert data["total"]["efc"] == "95000.34"
    assert "positive is under budget" in data["sign_convention"]
    assert data["period"] == {"start": "2026-03-01", "end": "2026-03-07"}


def test_xlsx_round_trips_the_figures() -> None:
    sheet = load_workbook(io.BytesIO(render_costreport_xlsx(_report(), title="Oracle"))).active
    assert sheet is not None
    header = [cell.value for cell in sheet[HEADER_ROW]]
    assert header[:4] == ["Code", "Account", "Budget", "This period"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)}
    camera = rows["2100"]
    efc, variance = header.index("EFC"), header.index("Variance")
    assert Decimal(str(camera[efc])) == Decimal(95000)
    assert Decimal(str(camera[variance])) == Decimal(5000)
    assert rows["TOTAL"][1] == "Total"
    assert "positive is under" in str(sheet["B4"].value)


def test_pdf_text_shows_the_oracle_and_sign_convention() -> None:
    with pdfplumber.open(io.BytesIO(render_costreport_pdf(_report(), title="Oracle"))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Oracle" in text
    assert "95,000.00" in text and "65,000.00" in text and "5,000.00" in text
    assert "positive is under budget" in text


def test_html_escapes_names() -> None:
    html = costreport_html(_report(), title="A & B")
    assert "Camera &lt;rental&gt;" in html and "A &amp; B" in html
