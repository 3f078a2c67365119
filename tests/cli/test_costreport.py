"""``lynchpin costreport`` and ``lynchpin price-budget`` end to end on the bundled sample."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from lynchpin.cli.main import app
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.templates import load_template
from tests.conftest import SAMPLE

SAMPLES = SAMPLE.parent
BUDGET = SAMPLES / "the-night-ferry.budget.toml"
LEDGER = SAMPLES / "the-night-ferry.ledger.toml"
PRODUCTION = SAMPLES / "the-night-ferry.production.toml"
COLUMNS = ("budget", "this_period", "actual_to_date", "committed", "total_cost", "etc", "efc",
           "variance")


def _json(runner: CliRunner, *extra: str) -> dict[str, object]:
    result = runner.invoke(app, ["costreport", str(BUDGET), str(LEDGER), "--json", *extra])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_sample_budget_is_laid_out_as_the_short_template() -> None:
    budget = read_budget(BUDGET.read_text("utf-8"), source=str(BUDGET))
    template = load_template("short", currency="GBP")
    layout = [(c.code, c.name, [(a.code, a.name) for a in c.accounts]) for c in budget.categories]
    assert layout == [(c.code, c.name, [(a.code, a.name) for a in c.accounts])
                      for c in template.categories]
    assert any(line.amount != Decimal(1) for _, a in budget.accounts() for line in a.lines)


def test_cost_report_rows_hold_efc_identity(runner: CliRunner) -> None:
    data = _json(runner)
    rows = [*data["lines"], data["total"]]  # type: ignore[misc]
    for row in rows:
        figures = {key: Decimal(row[key]) for key in COLUMNS}
        # Cells are rounded once each, so allow a cent per summed cell.
        assert abs(figures["efc"] - figures["actual_to_date"] - figures["committed"]
                   - figures["etc"]) <= Decimal("0.02")
        assert abs(figures["variance"] - (figures["budget"] - figures["efc"])) <= Decimal("0.01")
    total = data["total"]
    assert Decimal(total["actual_to_date"]) > 0 and Decimal(total["committed"]) > 0  # type: ignore[index]
    assert data["period"] == {"start": "2027-03-13", "end": "2027-03-19"}
    leaves = [row for row in data["lines"] if row["is_leaf"]]  # type: ignore[union-attr]
    assert sum(Decimal(r["budget"]) for r in leaves) == pytest.approx(
        Decimal(total["budget"]), abs=Decimal("0.05"))  # type: ignore[index]


def test_reversal_in_the_sample_nets_to_zero(runner: CliRunner) -> None:
    data = _json(runner)
    sound = next(r for r in data["lines"] if r["code"] == "3003")  # type: ignore[union-attr]
    assert Decimal(sound["actual_to_date"]) == Decimal("900.00")  # 990 keyed, reversed, 900


def test_period_options_change_this_period(runner: CliRunner) -> None:
    data = _json(runner, "--period-end", "2027-02-19", "--period-start", "2027-02-15")
    total = data["total"]
    assert Decimal(total["this_period"]) == Decimal(total["actual_to_date"])  # type: ignore[index]
    assert Decimal(total["actual_to_date"]) == Decimal("21750.00")  # type: ignore[index]


def test_projection_raises_efc_when_behind(runner: CliRunner) -> None:
    base = _json(runner)
    behind = _json(runner, "--etc", "projection", "--planned", "5", "--shot", "3",
                   "--work-planned", "200", "--work-shot", "60", "--shoot-account", "2002",
                   "--shoot-account", "3001")
    assert Decimal(behind["total"]["efc"]) > Decimal(base["total"]["efc"])  # type: ignore[index]
    assert "extra days" in str(behind["etc_basis"])


def test_table_prints_columns_and_sign_convention(runner: CliRunner) -> None:
    result = runner.invoke(app, ["costreport", str(BUDGET), str(LEDGER)])
    assert result.exit_code == 0, result.output
    for word in ("Budget", "This period", "Actual to date", "Committed", "ETC", "EFC",
                 "Variance", "TOTAL", "positive is under budget"):
        assert word in result.stdout
    assert "ledger.po_overrun" in result.stderr  # the catering invoice's warning


def test_xlsx_and_pdf_exports(runner: CliRunner, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "cr.xlsx", tmp_path / "cr.pdf"
    for target in (xlsx, pdf):
        result = runner.invoke(app, ["costreport", str(BUDGET), str(LEDGER), "--format",
                                     target.suffix[1:], "--out", str(target)])
        assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(xlsx.read_bytes())).active
    assert sheet is not None
    codes = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "1004" in codes and "TOTAL" in codes
    with pdfplumber.open(pdf) as document:
        text = "".join(page.extract_text() or "" for page in document.pages)
    assert "Cast" in text and "positive is under budget" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing.toml", str(LEDGER)], "no such file"),
        ([str(BUDGET), "missing-ledger.toml"], "no such file"),
        ([str(BUDGET), str(LEDGER), "--format", "pdf"], "needs --out"),
        ([str(BUDGET), str(LEDGER), "--period-end", "19/03/2027"], "not a date"),
        ([str(BUDGET), str(LEDGER), "--period-end", "2027-03-01", "--period-start",
          "2027-03-05"], "after"),
        ([str(BUDGET), str(LEDGER), "--etc", "projection", "--planned", "5"], "--shot"),
        ([str(BUDGET), str(LEDGER), "--etc", "projection", "--planned", "5", "--shot", "1",
          "--work-planned", "8", "--work-shot", "4", "--shoot-account", "9999"], "9999"),
    ],
)
def test_errors_exit_2_with_one_line(runner: CliRunner, args: list[str], words: str) -> None:
    result = runner.invoke(app, ["costreport", *args])
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (('amount = "7000.00"', "amount = 7000.5"), "invoice[2].amount"),
        (('account = "1003"', 'account = "1999"'), "ledger.unknown_account"),
        (('reverses = "inv-soundkit-118"', 'reverses = "nothing"'), "reversal[1]"),
    ],
)
def test_bad_ledger_exits_2_naming_the_entry(
    runner: CliRunner, write: Callable[[str, str], Path], change: tuple[str, str], words: str,
) -> None:
    ledger = write("ledger.toml", LEDGER.read_text("utf-8").replace(*change, 1))
    result = runner.invoke(app, ["costreport", str(BUDGET), str(ledger)])
    assert result.exit_code == 2, result.output
    assert words in result.stderr and result.stderr.count("\n") == 1


SCHEDULE = {
    "format": "lynchpin-schedule", "version": 1, "title": "test", "currency": "GBP",
    "days": [{"number": 1, "date": "2027-03-15", "strips": ["1", "2", "3"]},
             {"number": 2, "date": "2027-03-16", "strips": ["4", "5"]}],
    "boneyard": [], "banners": [], "locked": False,
}


def test_price_budget_lists_changes_and_writes_a_budget(
    runner: CliRunner, write: Callable[[str, str], Path], tmp_path: Path,
) -> None:
    schedule = write("schedule.json", json.dumps(SCHEDULE))
    out = tmp_path / "priced.toml"
    result = runner.invoke(app, ["price-budget", str(BUDGET), "--schedule", str(schedule),
                                 "--production", str(PRODUCTION), "--script", str(SAMPLE),
                                 "--wrap-weeks", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 shoot days" in result.stdout and "Camera package" in result.stdout
    priced = read_budget(out.read_text("utf-8"), source=str(out))
    values = {g.name: g.value for g in priced.globals}
    assert values["SHOOT_DAYS"] == Decimal(2) and values["WRAP_WEEKS"] == Decimal(1)
    assert values["PREP_WEEKS"] == Decimal(4)  # kept from the budget
    costed = runner.invoke(app, ["costreport", str(out), str(LEDGER), "--json"])
    assert costed.exit_code == 0, costed.output


def test_price_budget_bad_weeks_exit_2(runner: CliRunner,
                                       write: Callable[[str, str], Path]) -> None:
    schedule = write("schedule.json", json.dumps(SCHEDULE))
    result = runner.invoke(app, ["price-budget", str(BUDGET), "--schedule", str(schedule),
                                 "--production", str(PRODUCTION), "--script", str(SAMPLE),
                                 "--prep-weeks", "-2"])
    assert result.exit_code == 2 and "--prep-weeks" in result.stderr
