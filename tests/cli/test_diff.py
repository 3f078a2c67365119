"""`lynchpin script diff OLD NEW` on two small drafts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from lynchpin.cli.main import app
from tests.cli.conftest import REVISED


def test_diff_lists_changes_and_counts(
    runner: CliRunner, draft: Path, write: Callable[[str, str], Path]
) -> None:
    revised = write("revised.fountain", REVISED)
    result = runner.invoke(app, ["script", "diff", str(draft), str(revised)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    added = next(line for line in lines if "EXT. FERRY DECK - NIGHT" in line)
    assert "added" in added and "- -> 2" in added
    changed = next(line for line in lines if "INT. FERRY BAR - NIGHT" in line)
    assert "changed" in changed and "dialogue changed" in changed
    quay = next(line for line in lines if "EXT. QUAY - DAY" in line)
    assert "2 -> 3" in quay
    assert "2 scenes -> 3 scenes: 1 added, 0 omitted, 1 changed, 1 renumbered, 0 unchanged" in (
        result.stdout
    )


def test_diff_changes_only_and_identical_drafts(runner: CliRunner, draft: Path) -> None:
    result = runner.invoke(app, ["script", "diff", "--changes-only", str(draft), str(draft)])
    assert result.exit_code == 0, result.stderr
    assert "FERRY BAR" not in result.stdout
    assert "0 added, 0 omitted, 0 changed, 0 renumbered, 2 unchanged" in result.stdout


def test_diff_with_a_missing_draft(runner: CliRunner, draft: Path, tmp_path: Path) -> None:
    missing = tmp_path / "gone.fdx"
    result = runner.invoke(app, ["script", "diff", str(draft), str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"lynchpin: error: {missing}: no such file\n"
