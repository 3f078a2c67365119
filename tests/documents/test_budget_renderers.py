"""Budget documents: XLSX cells (openpyxl), CSV rows, PDF text (pdfplumber), JSON summary."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pdfplumber
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from lynchpin.documents.budget_csv import HEADER, render_budget_csv
from lynchpin.documents.budget_json import budget_summary, render_budget_json
from lynchpin.documents.budget_pdf import budget_html, render_budget_pdf
from lynchpin.documents.budget_table import input_cell, plain
from lynchpin.documents.budget_xlsx import DATA_SHEET, money_format, render_budget_xlsx
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.totals import Pricing, price_budget
from tests.documents.budget_sample import SMALL_TOML


@pytest.fixture(scope="module")
def pricing() -> Pricing:
    """The small sample budget, priced."""
    return price_budget(read_budget(SMALL_TOML, source="small.toml"))


@pytest.fixture(scope="module")
def workbook(pricing: Pricing) -> dict[str, Worksheet]:
    """The exported workbook's sheets by name."""
    book = load_workbook(io.BytesIO(render_budget_xlsx(pricing)))
    return {sheet.title: sheet for sheet in book.worksheets}


def _rows(sheet: Worksheet) -> list[tuple[object, ...]]:
    return [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]


def test_xlsx_sheets_in_order_with_hidden_data(workbook: dict[str, Worksheet]) -> None:
    assert list(workbook) == ["Top Sheet", "Accounts", "Detail", "Fringes", "Globals",
                              DATA_SHEET]
    assert workbook[DATA_SHEET].sheet_state == "hidden"
    assert workbook["Detail"].sheet_state == "visible"


def test_xlsx_detail_line_is_amt_unit_x_rate_total(workbook: dict[str, Worksheet]) -> None:
    sheet = workbook["Detail"]
    header = [cell.value for cell in sheet[1]]
    assert header[4:12] == ["Description", "Amt", "Unit", "X", "Rate", "Cur", "Total",
                            "Fringes"]
    grip = next(row for row in _rows(sheet) if row[4] == "Key grip <b>")
    assert grip[5:12] == (5, "Day", 1, 400, "USD", 2000, 60)  # $1/h on 12-hour Days
    assert grip[19] == "Amt = DAYS"


def test_xlsx_numbers_are_numbers_with_currency_format(workbook: dict[str, Worksheet]) -> None:
    sheet = workbook["Detail"]
    total = sheet.cell(2, 11)
    assert isinstance(total.value, (int, float))
    assert total.number_format == money_format("USD")
    assert "USD" in total.number_format and "0.00" in total.number_format


def test_xlsx_money_is_rounded_once_per_printed_cell(workbook: dict[str, Worksheet]) -> None:
    thirds = [row for row in _rows(workbook["Detail"]) if str(row[4]).startswith("Third")]
    assert [row[10] for row in thirds] == [0.34, 0.34, 0.34]  # 0.335 each, half-up
    accounts = {row[0]: row[4] for row in _rows(workbook["Accounts"])[1:]}
    assert accounts["2002"] == 128.01  # 1.005 + 127 (GBP 100 at 1.27), rounded once
    top = {row[1]: row[2] for row in _rows(workbook["Top Sheet"])[2:]}
    assert top["Grand total"] == 14003.01
    assert top["Net of incentives"] == 13003.01
    assert top["State credit"] == -1000


def test_xlsx_text_that_looks_like_a_formula_stays_text(workbook: dict[str, Worksheet]) -> None:
    cell = next(c for (c,) in workbook["Detail"].iter_rows(min_col=5, max_col=5)
                if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_xlsx_excluded_line_counts_zero(workbook: dict[str, Worksheet]) -> None:
    option = next(row for row in _rows(workbook["Detail"]) if row[4] == "Option rig")
    assert option[10] == 0 and option[20] is True and option[15] == "OPT"


def test_xlsx_fringes_and_globals(workbook: dict[str, Worksheet]) -> None:
    fringes = {row[0]: row for row in _rows(workbook["Fringes"])[1:]}
    assert fringes["FUTA"][3] == 0.6 and fringes["FUTA"][5] == 7000
    assert fringes["FUTA"][7] == 42  # one person's 4,000 + 5,000 capped at 7,000
    assert fringes["PH"][4] == "1 per hour" and fringes["PH"][7] == 60
    globals_ = {row[0]: row for row in _rows(workbook["Globals"])[1:]}
    assert globals_["WEEKS"][1:3] == ("DAYS / 5", 1)


def test_input_cells_round_to_four_places() -> None:
    assert input_cell(Decimal("12.125")) == Decimal("12.125")
    assert input_cell(Decimal("1.000049")) == Decimal(1)
    assert input_cell(Decimal("0.00005")) == Decimal("0.0001")
    assert plain(input_cell(Decimal(500))) == "500"


def test_csv_detail_lines(pricing: Pricing) -> None:
    text = render_budget_csv(pricing)
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 10
    grip = next(row for row in rows if row["description"] == "Key grip <b>")
    assert (grip["amount"], grip["unit"], grip["x"], grip["rate"], grip["total"],
            grip["fringes"]) == ("5", "Day", "1", "400", "2000.00", "60.00")
    assert grip["formulas"] == "Amt = DAYS"
    london = next(row for row in rows if row["description"] == "London")
    assert (london["currency"], london["total"]) == ("GBP", "127.00")
    assert rows[0]["description"].startswith("'=HYPERLINK")  # defused for spreadsheets
    assert next(r for r in rows if r["description"] == "Option rig")["excluded"] == "yes"


def test_pdf_top_sheet_and_detail_text(pricing: Pricing) -> None:
    with pdfplumber.open(io.BytesIO(render_budget_pdf(pricing))) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    top, detail = pages[0], "\n".join(pages[1:])
    assert "Tiny <Ferry> & Co" in top
    assert "Grand total 14,003.01" in top
    assert "Net of incentives 13,003.01" in top
    assert "Contingency 1,273.00" in top
    assert "Confidential" in top
    assert "Key grip <b> 5 Day 1 400 2,000.00 60.00" in detail
    assert detail.count("0.34") >= 3
    assert "100 GBP 127.00" in detail
    assert "Total 2002 (fringes as posted) 128.01" in detail


def test_pdf_html_escapes_budget_text(pricing: Pricing) -> None:
    html = budget_html(pricing)
    assert "Key grip &lt;b&gt;" in html and "<b>" not in html
    assert "Tiny &lt;Ferry&gt; &amp; Co" in html


def test_pdf_refuses_unknown_page_size(pricing: Pricing) -> None:
    with pytest.raises(ValueError, match="page size"):
        render_budget_pdf(pricing, page_size="legal")


def test_json_summary_amounts_are_strings(pricing: Pricing) -> None:
    data = json.loads(render_budget_json(pricing))
    assert data == budget_summary(pricing)
    assert data["grand_total"] == "14003.01" and data["net_total"] == "13003.01"
    assert data["subtotal"] == "12730.01"
    assert {a["code"]: a["total"] for a in data["accounts"]}["2002"] == "128.01"
    assert data["charges"] == [{"id": "CONT", "name": "Contingency", "base": "12730.01",
                                "amount": "1273.00"}]
    futa = next(f for f in data["fringes"] if f["id"] == "FUTA")
    assert futa == {"id": "FUTA", "name": "Federal unemployment", "kind": "percent",
                    "rate": "0.6", "per": None, "cutoff": "7000", "total": "42.00"}
    assert [level["level"] for level in data["levels"]] == [
        "above_the_line", "production", "post", "other"]
    assert data["violations"] == []
