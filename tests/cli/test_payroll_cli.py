"""``lynchpin payroll timecard`` and ``payroll plan``: the demo week, JSON shapes, published
oracles end to end, and one-line errors for unusable input."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lynchpin.cli.main import app
from tests.conftest import SAMPLE

PAYROLL = SAMPLE.parent / "the-night-ferry.payroll.toml"
Write = Callable[[str, str | bytes], Path]


def _json(runner: CliRunner, command: str, path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["payroll", command, str(path), "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_demo_week_prints_pay_lines_totals_and_violations(runner: CliRunner) -> None:
    result = runner.invoke(app, ["payroll", "timecard", str(PAYROLL)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("The Night Ferry: timecards priced", "Tomasz Nowak - 1st Assistant Camera",
                 "iatse.golden", "Week total", "Totals per person", "Grand total", "GBP",
                 "labour.meal_penalty", "labour.golden_hours", "labour.rest.daily",
                 "forced call", "guarantee", "Fri 26 Mar (holiday)", "Violations ("):
        assert text in out, text


def test_demo_week_json_adds_up(runner: CliRunner) -> None:
    data = _json(runner, "timecard", PAYROLL)
    assert (data["format"], data["version"], data["production"]) == (
        "lynchpin-payroll", 1, "The Night Ferry")
    assert set(data["totals"]) == {"USD", "GBP"}
    kinds = {line["kind"] for week in data["weeks"] for day in week["days"]
             for line in day["lines"]}
    assert {"straight", "overtime", "golden", "guarantee", "meal_penalty", "forced_call",
            "flat", "kit", "allowance", "travel"} <= kinds
    for week in data["weeks"]:
        exact = sum(Decimal(line["amount_exact"]) for day in week["days"]
                    for line in day["lines"])
        assert Decimal(week["total"]) == exact.quantize(Decimal("0.01"), ROUND_HALF_UP)
    for code, amount in data["totals"].items():
        people = [Decimal(p["total"]) for p in data["people"] if p["currency"] == code]
        assert abs(sum(people) - Decimal(amount)) <= Decimal("0.01") * len(people)
    rules = {v["rule"] for week in data["weeks"] for day in week["days"]
             for v in day["violations"]}
    assert {"labour.meal_penalty", "labour.golden_hours", "labour.rest.daily"} <= rules
    assert data["violation_count"] >= len(rules)
    # People in the file's order: crew, cast, second unit.
    assert [p["person"] for p in data["people"]][:2] == ["Callum Reid", "Isla Fraser"]
    assert data["people"][-1]["person"] == "Alasdair Munro"


def test_plan_warns_with_projected_costs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["payroll", "plan", str(PAYROLL)])
    assert result.exit_code == 0, result.output
    assert "Planned Mon 29 Mar 2027" in result.stdout
    data = _json(runner, "plan", PAYROLL)
    assert data["format"] == "lynchpin-payroll-plan"
    (day,) = data["days"]
    assert day["date"] == "2027-03-29"
    assert set(day["totals"]) == {"USD", "GBP"}
    usd = sum(Decimal(p["projected"]) for p in day["people"] if p["currency"] == "USD")
    assert usd == Decimal(day["totals"]["USD"])
    rules = {warning["rule"] for warning in data["warnings"]}
    assert {"labour.meal_penalty", "labour.golden_hours", "labour.rest.weekend"} <= rules
    # Each warning names its person and a projected cost; the second unit has none.
    assert all("USD" in warning["message"] for warning in data["warnings"])
    assert not any("Jess Thornton" in warning["message"] for warning in data["warnings"])


CA_DEALS = """
currency = "USD"

[[deal]]
person = "Dana"
position = "Grip"
agreement = "ca-nonunion"
rate = "500.00"
basis = "daily"
hours = 10

[[deal]]
person = "Sam"
position = "Production Assistant"
agreement = "ca-nonunion"
rate = "30.00"
basis = "hourly"
"""


def test_published_oracles_end_to_end(runner: CliRunner, write: Write) -> None:
    # Issue 5 oracles: California daily-rate convention, "$500/10" worked 10 h is the day
    # rate exactly (11 pay hours at 500/11); $30/h for 12 h is $420 (8 + 4 x 1.5 pay hours).
    cards = """
[[timecard]]
person = "Dana"
date = 2027-03-22
call = "07:00"
meals = [{ out = "11:30", in = "12:00" }]
wrap = "17:30"

[[timecard]]
person = "Sam"
date = 2027-03-22
call = "07:00"
meals = [{ out = "11:00", in = "11:30" }, { out = "16:00", in = "16:30" }]
wrap = "20:00"
"""
    path = write("ca.payroll.toml", CA_DEALS + cards)
    data = _json(runner, "timecard", path)
    totals = {p["person"]: p["total"] for p in data["people"]}
    assert totals == {"Dana": "500.00", "Sam": "420.00"}
    assert data["violation_count"] == 0
    table = runner.invoke(app, ["payroll", "timecard", str(path)]).stdout
    assert "45.4545" in table  # the exact straight rate of "$500/10", four decimals
    assert "920.00 USD" in table and "No violations." in table


def test_out_writes_the_table_or_json(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "week.txt"
    result = runner.invoke(app, ["payroll", "timecard", str(PAYROLL), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Grand total" in target.read_text("utf-8")
    assert f"wrote {target}" in result.stderr
    target = tmp_path / "plan.json"
    result = runner.invoke(app, ["payroll", "plan", str(PAYROLL), "--json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text("utf-8"))["days"][0]["date"] == "2027-03-29"


def test_the_input_file_is_never_overwritten(runner: CliRunner, write: Write) -> None:
    path = write("p.toml", CA_DEALS + '[[planned]]\nperson = "Sam"\ndate = 2027-03-22\n'
                 'call = "07:00"\nwrap = "12:00"\n')
    before = path.read_text("utf-8")
    result = runner.invoke(app, ["payroll", "plan", str(path), "--out", str(path)])
    assert result.exit_code == 2
    assert path.read_text("utf-8") == before


@pytest.mark.parametrize(("content", "command", "words"), [
    (CA_DEALS.replace('rate = "30.00"', "rate = 30.5"), "timecard",
     'p.toml:12 (deal[2].rate): deal[2].rate: TOML floats are not exact'),
    (CA_DEALS + "[[timecard]\n", "timecard", "p.toml:18: not valid TOML"),
    (CA_DEALS, "timecard", "p.toml: no [[timecard]] tables to price"),
    (CA_DEALS, "plan", "p.toml: no [[planned]] calls to check"),
    (CA_DEALS + '[[timecard]]\nperson = "Sam"\ndate = 2027-03-22\ncall = "07:00"\n'
     'meals = [{ out = "06:00", in = "06:30" }]\nwrap = "12:00"\n', "timecard",
     "(timecard[1].meals[1].out): timecard[1].meals[1].out: meal out 06:00 is not before wrap"),
])
def test_unusable_input_is_one_line_and_exit_2(runner: CliRunner, write: Write, content: str,
                                                command: str, words: str) -> None:
    path = write("p.toml", content)
    result = runner.invoke(app, ["payroll", command, str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("lynchpin: error: ")
    assert words in result.stderr


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["payroll", "timecard", str(tmp_path / "none.toml")])
    assert result.exit_code == 2
    assert "none.toml: no such file" in result.stderr
