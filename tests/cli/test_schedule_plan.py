"""`lynchpin schedule plan` and `replan` end to end on the bundled sample, and error exits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from lynchpin.cli.main import app
from lynchpin.cli.schedule_steps import OUTPUT_FILES
from tests.conftest import SAMPLE

PRODUCTION = SAMPLE.with_name("the-night-ferry.production.toml")


def _invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, ["schedule", *args])


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """One plan run of the sample (5 s limit), shared by the tests that read its output."""
    out = tmp_path_factory.mktemp("plan") / "schedule"
    result = _invoke(CliRunner(), "plan", str(SAMPLE), "--production", str(PRODUCTION),
                     "--time-limit", "5", "--out", str(out))
    return out, result


def test_plan_writes_every_file(planned: tuple[Path, Result]) -> None:
    out, result = planned
    assert result.exit_code == 0, result.stderr
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    assert (out / "stripboard.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "dood.xlsx").read_bytes().startswith(b"PK")
    assert (out / "schedule.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_plan_schedules_every_scene_once(planned: tuple[Path, Result]) -> None:
    out, _ = planned
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    placed = [s for day in data["days"] for s in day["strips"]] + data["boneyard"]
    assert sorted(placed, key=int) == [str(n) for n in range(1, 49)]
    assert 4 <= len(data["days"]) <= 10
    assert data["currency"] == "GBP"
    assert data["days"][0]["date"] == "2027-03-15"
    assert "1" in data["days"][0]["strips"]  # pinned to the first day
    assert data["cost"]["crew_days"] == len(data["days"])


def test_plan_prints_a_summary(planned: tuple[Path, Result]) -> None:
    _, result = planned
    stdout = result.stdout
    assert "shoot days" in stdout
    assert "Cost by component" in stdout and "crew days" in stdout
    assert "Most expensive holds:" in stdout or "No performer is held." in stdout
    assert "lower bound" in stdout
    assert "Conflicts:" in stdout
    assert "wrote 7 files" in result.stderr


def test_replan_after_a_weather_day(planned: tuple[Path, Result], tmp_path: Path) -> None:
    out, _ = planned
    data = json.loads((out / "schedule.json").read_text("utf-8"))
    second = data["days"][1]
    disruption = tmp_path / "weather.toml"
    disruption.write_text(f'kind = "weather_day"\ndate = {second["date"]}\n', "utf-8")
    shot = ",".join(data["days"][0]["strips"])
    new_out = tmp_path / "replanned"
    result = _invoke(CliRunner(), "replan", str(SAMPLE), "--production", str(PRODUCTION),
                     "--schedule", str(out / "schedule.json"), "--disruption", str(disruption),
                     "--shot", shot, "--time-limit", "5", "--out", str(new_out))
    assert result.exit_code == 0, result.stderr
    assert "strip change(s)" in result.stdout
    after = json.loads((new_out / "schedule.json").read_text("utf-8"))
    assert after["days"][0]["date"] == data["days"][0]["date"]
    assert set(after["days"][0]["strips"]) == set(data["days"][0]["strips"])  # shot: stay put
    placed = [s for day in after["days"] for s in day["strips"]] + after["boneyard"]
    assert sorted(placed, key=int) == [str(n) for n in range(1, 49)]
    for name in OUTPUT_FILES:
        assert (new_out / name).is_file()


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda d: ("missing.toml",), "missing.toml: no such file"),
        (lambda d: (_write(d, "bad.toml", "[production\n"),), "not valid TOML"),
        (lambda d: (_write(d, "float.toml", PRODUCTION.read_text("utf-8").replace(
            'crew_daily_cost = "16500.00"', "crew_daily_cost = 16500.0")),),
         "production.crew_daily_cost: not an amount"),
        (lambda d: (_write(d, "pin.toml", PRODUCTION.read_text("utf-8").replace(
            'scene = "1"', 'scene = "99"')),), "rules.pinned[0].scene"),
    ],
)
def test_bad_production_files_exit_2_with_one_line(
    tmp_path: Path, setup: Callable[[Path], tuple[str]], expected: str
) -> None:
    (production,) = setup(tmp_path)
    path = production if "/" in production else str(tmp_path / production)
    result = _invoke(CliRunner(), "plan", str(SAMPLE), "--production", path,
                     "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    stderr = result.stderr
    assert stderr.startswith("lynchpin: error: ") and stderr.count("\n") == 1
    assert expected in stderr
    assert not (tmp_path / "out").exists()


def test_missing_script_exits_2(tmp_path: Path) -> None:
    result = _invoke(CliRunner(), "plan", str(tmp_path / "none.fountain"), "--production",
                     str(PRODUCTION))
    assert result.exit_code == 2
    assert "none.fountain: no such file" in result.stderr


def test_replan_with_a_bad_disruption_exits_2(
    planned: tuple[Path, Result], tmp_path: Path
) -> None:
    out, _ = planned
    disruption = _write(tmp_path, "d.toml", 'kind = "alien_invasion"\n')
    result = _invoke(CliRunner(), "replan", str(SAMPLE), "--production", str(PRODUCTION),
                     "--schedule", str(out / "schedule.json"), "--disruption", disruption)
    assert result.exit_code == 2
    assert "d.toml: kind: expected one of" in result.stderr


def test_replan_with_an_unknown_shot_scene_exits_2(
    planned: tuple[Path, Result], tmp_path: Path
) -> None:
    out, _ = planned
    disruption = _write(tmp_path, "d.toml", 'kind = "weather_day"\ndate = 2027-03-16\n')
    result = _invoke(CliRunner(), "replan", str(SAMPLE), "--production", str(PRODUCTION),
                     "--schedule", str(out / "schedule.json"), "--disruption", disruption,
                     "--shot", "1,999")
    assert result.exit_code == 2
    assert "--shot: the script has no scene '999'" in result.stderr


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def test_out_naming_a_file_exits_2(tmp_path: Path) -> None:
    target = Path(_write(tmp_path, "taken", "x"))
    result = _invoke(CliRunner(), "plan", str(SAMPLE), "--production", str(PRODUCTION),
                     "--time-limit", "1", "--out", str(target))
    assert result.exit_code == 2
    assert "taken: is a file; --out names a folder" in result.stderr
