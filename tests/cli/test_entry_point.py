"""The installed console script, run as a person would (one subprocess each)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lynchpin import __version__

SCRIPT = Path(sys.executable).with_name("lynchpin")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "lynchpin.cli"]
    return subprocess.run(
        [*command, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_version(tmp_path: Path) -> None:
    result = _run("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"lynchpin {__version__}\n")


def test_breakdown_json_end_to_end(draft: Path, tmp_path: Path) -> None:
    result = _run("breakdown", str(draft), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [s["heading"] for s in json.loads(result.stdout)["scenes"]] == [
        "INT. FERRY BAR - NIGHT", "EXT. QUAY - DAY",
    ]


def test_bad_input_end_to_end(tmp_path: Path) -> None:
    result = _run("breakdown", "missing.fountain", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "lynchpin: error: missing.fountain: no such file\n"
