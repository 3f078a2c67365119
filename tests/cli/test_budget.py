"""``lynchpin budget show | compare | export`` on small TOML budgets, a template and bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from lynchpin.cli.main import app
from lynchpin.engine.budgeting.budget_write import write_budget
from lynchpin.engine.budgeting.templates import load_template
from tests.documents.budget_sample import SMALL_TOML


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The sample budget (grand total 14,003.01 USD) as a TOML file."""
    path = tmp_path / "small.toml"
    path.write_text(SMALL_TOML, encoding="utf-8")
    return path


def _revised(tmp_path: Path, name: str, version: str, rate: str = "5000") -> Path:
    text = SMALL_TOML.replace('version = "Draft [1]"', f'version = "{version}"')
    path = tmp_path / name
    path.write_text(text.replace("rate = 5000", f"rate = {rate}"), encoding="utf-8")
    return path


def _ok(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def _fails(runner: CliRunner, args: list[str], expected: str) -> str:
    """Exit 2, nothing on stdout, one `lynchpin: error:` line containing `expected`."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lynchpin: error: ") and expected in lines[0], lines[0]
    return lines[0]


def test_show_prints_top_sheet_accounts_fringes_and_total(runner: CliRunner,
                                                          small: Path) -> None:
    out = _ok(runner, ["budget", "show", str(small)])
    assert "Tiny <Ferry> & Co - Draft [1] (USD)" in out  # brackets shown, not rich markup
    for text in ("Top sheet", "Total above the line", "Production staff", "Contingency",
                 "Accounts", "Rounding", "128.01", "Fringes", "Federal unemployment",
                 "42.00", "Grand total: 14,003.01 USD", "Net of incentives: 13,003.01 USD"):
        assert text in out, text


def test_show_json_shape(runner: CliRunner, small: Path) -> None:
    data = json.loads(_ok(runner, ["budget", "show", str(small), "--json"]))
    assert list(data) == ["title", "version", "currency", "levels", "categories", "accounts",
                          "fringes", "subtotal", "charges", "grand_total", "incentives",
                          "net_total", "violations"]
    assert data["grand_total"] == "14003.01"
    assert {a["code"]: a["total"] for a in data["accounts"]} == {
        "1101": "1000.00", "2001": "11102.00", "2002": "128.01", "6501": "500.00"}


def test_show_on_an_engine_template(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "feature.toml"
    path.write_text(write_budget(load_template("feature", title="Template test")), "utf-8")
    out = _ok(runner, ["budget", "show", str(path)])
    assert "Story & Rights" in out and "Social Security" in out
    assert "Grand total: 0.00 USD" in out
    data = json.loads(_ok(runner, ["budget", "show", str(path), "--json"]))
    assert data["categories"][0]["code"] == "1100"
    assert len(data["fringes"]) == 3


def test_show_reads_an_exported_workbook(runner: CliRunner, small: Path,
                                         tmp_path: Path) -> None:
    target = tmp_path / "small.xlsx"
    _ok(runner, ["budget", "export", str(small), "--format", "xlsx", "--out", str(target)])
    from_toml = _ok(runner, ["budget", "show", str(small), "--json"])
    assert _ok(runner, ["budget", "show", str(target), "--json"]) == from_toml


def test_compare_prints_variance_by_account(runner: CliRunner, small: Path,
                                            tmp_path: Path) -> None:
    later = _revised(tmp_path, "later.toml", "Draft 2", rate="6000")
    out = _ok(runner, ["budget", "compare", str(small), str(later)])
    assert "variance = version - Draft [1]" in out
    assert "Var Draft 2" in out
    grip = next(line for line in out.splitlines() if "Grip" in line)
    assert "11,102.00" in grip and "+1,000.00" in grip  # FUTA already capped: no more fringe
    total = next(line for line in out.splitlines() if "Grand total" in line)
    assert "+1,100.00" in total  # 1,000 plus 10 % contingency


def test_compare_four_versions_labels_by_file_when_versions_repeat(
        runner: CliRunner, small: Path, tmp_path: Path) -> None:
    files = [str(small)] + [str(_revised(tmp_path, f"v{n}.toml", "Draft [1]", str(5000 + n)))
                            for n in (1, 2, 3)]
    out = _ok(runner, ["budget", "compare", *files])
    assert "Var v3.toml" in out and "small.toml" in out


def test_compare_needs_two_to_four_files(runner: CliRunner, small: Path) -> None:
    _fails(runner, ["budget", "compare", str(small)], "give 2 to 4 budget files, not 1")
    _fails(runner, ["budget", "compare", *[str(small)] * 5], "not 5")


def test_compare_refuses_mixed_currencies(runner: CliRunner, small: Path,
                                          tmp_path: Path) -> None:
    euro = tmp_path / "euro.toml"
    euro.write_text(SMALL_TOML.replace('currency = "USD"', 'currency = "EUR"'), "utf-8")
    _fails(runner, ["budget", "compare", str(small), str(euro)], "different currencies")


def test_export_csv_to_stdout_and_file(runner: CliRunner, small: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_ok(runner, ["budget", "export", str(small),
                                                        "-f", "csv"]))))
    assert len(rows) == 10 and rows[1]["total"] == "2000.00"
    target = tmp_path / "lines.csv"
    result = runner.invoke(app, ["budget", "export", str(small), "-f", "csv", "-o",
                                 str(target)])
    assert result.exit_code == 0 and "wrote" in result.stderr
    assert target.read_text("utf-8").startswith("category,account,")


def test_export_pdf_and_xlsx_default_names(runner: CliRunner, small: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _ok(runner, ["budget", "export", str(small), "-f", "pdf", "--paper", "a4"])
    _ok(runner, ["budget", "export", str(small), "-f", "xlsx"])
    with pdfplumber.open(tmp_path / "small-budget.pdf") as pdf:
        assert "Grand total 14,003.01" in (pdf.pages[0].extract_text() or "")
        assert round(pdf.pages[0].width) == 595  # A4
    book = load_workbook(tmp_path / "small-budget.xlsx")
    assert book.sheetnames[0] == "Top Sheet"


def test_export_never_overwrites_its_input(runner: CliRunner, small: Path,
                                           tmp_path: Path) -> None:
    target = tmp_path / "small.xlsx"
    _ok(runner, ["budget", "export", str(small), "-f", "xlsx", "-o", str(target)])
    before = target.read_bytes()
    _fails(runner, ["budget", "export", str(target), "-f", "xlsx", "-o", str(target)],
           "refusing to overwrite")
    assert target.read_bytes() == before


@pytest.mark.parametrize(("content", "expected"), [
    ('title = "t"\ncurrency = "USD"\n[globals]\nX = 1.5\n', "globals.X: TOML floats"),
    ("title = \n", "not valid TOML"),
    ('title = "t"\ncurrency = "USD"\nrat = 4\n', "rat: unknown key"),
    (b"\xff\xfe\x00bad", "not UTF-8"),
])
def test_bad_toml_fails_in_one_line(runner: CliRunner, tmp_path: Path,
                                    content: str | bytes, expected: str) -> None:
    path = tmp_path / "bad.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    _fails(runner, ["budget", "show", str(path)], expected)


def test_bad_files_fail_in_one_line(runner: CliRunner, tmp_path: Path, small: Path) -> None:
    _fails(runner, ["budget", "show", str(tmp_path / "missing.toml")], "no such file")
    _fails(runner, ["budget", "show", str(tmp_path)], "is a directory")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(SMALL_TOML.encode())
    _fails(runner, ["budget", "export", str(fake), "-f", "pdf"], "not a readable .xlsx")
    _fails(runner, ["budget", "export", str(small), "-f", "pdf", "-o", str(tmp_path)],
           "is a directory")


def test_unknown_export_format_is_a_usage_error(runner: CliRunner, small: Path) -> None:
    result = runner.invoke(app, ["budget", "export", str(small), "-f", "docx"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
