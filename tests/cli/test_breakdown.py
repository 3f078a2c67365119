"""`lynchpin breakdown` in every format, on a small draft and on the bundled sample."""

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

TOP_KEYS = {"title", "format", "pages", "eighths", "scenes", "characters"}
SCENE_KEYS = {
    "number", "heading", "int_ext", "set", "time_of_day", "eighths", "page",
    "characters", "speaking", "elements",
}
CHARACTER_KEYS = {"name", "scenes", "dialogue_blocks"}


def _json(runner: CliRunner, path: Path) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["breakdown", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_json_on_stdout_has_the_required_shape(runner: CliRunner, draft: Path) -> None:
    data = _json(runner, draft)
    assert set(data) >= TOP_KEYS
    assert data["title"] == "Ferry Test"
    assert data["format"] == "fountain"
    assert data["pages"] >= 1
    assert data["eighths"] == sum(scene["eighths"] for scene in data["scenes"])
    assert [set(scene) for scene in data["scenes"]] == [SCENE_KEYS, SCENE_KEYS]
    bar, quay = data["scenes"]
    assert (bar["number"], bar["int_ext"], bar["set"], bar["time_of_day"]) == (
        "1", "INT", "FERRY BAR", "NIGHT",
    )
    assert bar["speaking"] == ["MARA", "JONAS"]
    assert set(bar["characters"]) >= {"MARA", "JONAS"}
    assert quay["speaking"] == ["MARA"]
    assert all(isinstance(names, list) for names in bar["elements"].values())
    assert all(set(c) == CHARACTER_KEYS for c in data["characters"])
    mara = next(c for c in data["characters"] if c["name"] == "MARA")
    assert (mara["scenes"], mara["dialogue_blocks"]) == (["1", "2"], 2)


def test_json_and_csv_to_a_file(runner: CliRunner, draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["breakdown", str(draft), "-f", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [row["scene"] for row in rows] == ["1", "2"]
    assert rows[0]["heading"] == "INT. FERRY BAR - NIGHT"
    assert "Cast Members" in rows[0]
    assert "MARA" in rows[0]["Cast Members"]


def test_csv_on_stdout(runner: CliRunner, draft: Path) -> None:
    result = runner.invoke(app, ["breakdown", str(draft), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][:2] == ["scene", "heading"]
    assert len(rows) == 3


def test_xlsx_defaults_to_the_current_folder(
    runner: CliRunner, draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["breakdown", str(draft), "--format", "xlsx"])
    assert result.exit_code == 0, result.stderr
    book = load_workbook(work / "draft-breakdown.xlsx")
    assert book.sheetnames == ["Scenes", "Characters", "Summary"]
    assert book["Scenes"].max_row == 3
    assert book["Scenes"]["B2"].value == "INT. FERRY BAR - NIGHT"
    names = [row[0] for row in book["Characters"].iter_rows(min_row=2, values_only=True)]
    assert {"MARA", "JONAS"} <= set(names)


def test_pdf_has_a_cover_and_a_sheet_per_scene(
    runner: CliRunner, draft: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sheets.pdf"
    args = ["breakdown", str(draft), "-f", "pdf", "-o", str(out), "--paper", "a4"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 3
        assert round(pdf.pages[0].width) == 595
        assert "QUAY" in (pdf.pages[2].extract_text() or "")


def test_table_shows_scenes_and_totals(runner: CliRunner, draft: Path) -> None:
    result = runner.invoke(app, ["breakdown", str(draft)])
    assert result.exit_code == 0, result.stderr
    assert "INT. FERRY BAR - NIGHT" in result.stdout
    assert "EXT. QUAY - DAY" in result.stdout
    assert "2 scenes" in result.stdout
    assert "MARA" in result.stdout
    assert "confidence" not in result.stdout


def test_table_to_a_file_is_plain_text(runner: CliRunner, draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "table.txt"
    result = runner.invoke(app, ["breakdown", str(draft), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text("utf-8")
    assert "EXT. QUAY - DAY" in text
    assert "\x1b[" not in text


def test_pdf_import_shows_its_confidence(
    runner: CliRunner, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from lynchpin.cli import main
    from lynchpin.engine.screenplay.model import SourceFormat

    real = main.load_script
    monkeypatch.setattr(
        main, "load_script",
        lambda path: replace(real(path), source_format=SourceFormat.PDF, confidence=0.62,
                             warnings=("page 3: heading guessed",)),
    )
    result = runner.invoke(app, ["breakdown", str(draft)])
    assert result.exit_code == 0, result.stderr
    assert "confidence 62%" in result.stdout
    assert "page 3: heading guessed" in result.stdout


def test_sample_in_every_format(runner: CliRunner, sample: Path, tmp_path: Path) -> None:
    data = _json(runner, sample)
    assert data["title"] == "THE NIGHT FERRY"
    assert len(data["scenes"]) >= 10
    assert data["eighths"] == sum(scene["eighths"] for scene in data["scenes"])
    scene_count = len(data["scenes"])
    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"sample.{fmt}"
        result = runner.invoke(app, ["breakdown", str(sample), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "sample.csv").read_text("utf-8"))))
    assert len(rows) == scene_count
    assert load_workbook(tmp_path / "sample.xlsx")["Scenes"].max_row == scene_count + 1
    with pdfplumber.open(tmp_path / "sample.pdf") as pdf:
        assert len(pdf.pages) == scene_count + 1
    table = runner.invoke(app, ["breakdown", str(sample)])
    assert table.exit_code == 0, table.stderr
    assert f"{scene_count} scenes" in table.stdout
