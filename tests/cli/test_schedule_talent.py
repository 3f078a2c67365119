"""`lynchpin schedule talent FILE [--time-limit S] [--json]`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from lynchpin.cli.main import app

#: de la Banda, Stuckey & Chu (2011)'s worked example (optimum 434 total, 53 holding).
EXAMPLE = """delabanda2011_example
12
6
1 0 1 0 0 1 0 1 1 1 1 1 20
1 1 1 1 1 0 1 0 1 0 1 0 5
0 1 0 0 0 0 1 1 0 0 0 0 4
1 1 0 0 1 1 0 0 0 0 0 0 10
0 0 0 1 0 0 0 1 1 0 0 0 4
0 0 0 0 0 0 0 0 0 1 0 0 7
1 1 2 1 3 1 1 2 1 2 1 1
"""


def test_json_output(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    path = write("example.txt", EXAMPLE)
    result = runner.invoke(app, ["schedule", "talent", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "instance",
        "cost",
        "holding_cost",
        "optimal",
        "lower_bound",
        "order",
        "seconds",
    }
    assert data["instance"] == "delabanda2011_example"
    assert (data["cost"], data["holding_cost"]) == (434, 53)
    assert data["optimal"] is True and data["lower_bound"] == 434
    assert sorted(data["order"]) == list(range(1, 13))
    assert data["seconds"] >= 0


def test_readable_summary(runner: CliRunner, write: Callable[[str, str], Path]) -> None:
    path = write("example.txt", EXAMPLE)
    result = runner.invoke(app, ["schedule", "talent", str(path), "--time-limit", "30"])
    assert result.exit_code == 0, result.stderr
    assert "434" in result.stdout and "53 (fixed 381)" in result.stdout
    assert "proven optimal" in result.stdout


def test_bad_file_is_one_line_and_exit_2(
    runner: CliRunner, write: Callable[[str, str], Path]
) -> None:
    path = write("bad.txt", EXAMPLE.replace("1 1 2 1 3", "1 1 x 1 3"))
    result = runner.invoke(app, ["schedule", "talent", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("scene 3 duration: 'x' is not an integer")
    assert "bad.txt:10:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_and_directory(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["schedule", "talent", str(tmp_path / "gone.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    folder = runner.invoke(app, ["schedule", "talent", str(tmp_path)])
    assert folder.exit_code == 2 and "not a regular file" in folder.stderr
