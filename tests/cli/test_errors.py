"""Bad input: one line on stderr, exit code 2, never a traceback; bugs: exit code 1."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lynchpin.cli.main import app

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<FinalDraft DocumentType="Script" Version="5"><Content>
<Paragraph Type="Action"><Text>&lol4;</Text></Paragraph>
</Content></FinalDraft>
"""


def _fails_cleanly(runner: CliRunner, args: list[str], name: str) -> str:
    """Run, check exit 2 and a single `lynchpin: error: <name>...` line; return the line."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"lynchpin: error: {name}")
    assert "Traceback" not in result.stderr
    return lines[0]


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "nope.fountain"
    assert "no such file" in _fails_cleanly(runner, ["breakdown", str(path)], str(path))


def test_directory(runner: CliRunner, tmp_path: Path) -> None:
    assert "directory" in _fails_cleanly(runner, ["breakdown", str(tmp_path)], str(tmp_path))


def test_too_large_is_refused_before_reading(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.fountain"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    line = _fails_cleanly(runner, ["breakdown", str(path), "-f", "json"], str(path))
    assert "21.0 MB" in line and "20 MB" in line


def test_random_binary_is_not_a_screenplay(
    runner: CliRunner, write: Callable[[str, bytes], Path]
) -> None:
    noise = random.Random(7).randbytes(4096)
    path = write("noise.fountain", noise)
    _fails_cleanly(runner, ["breakdown", str(path)], str(path))


def test_xml_bomb_is_refused(runner: CliRunner, write: Callable[[str, bytes], Path]) -> None:
    path = write("bomb.fdx", BOMB)
    _fails_cleanly(runner, ["breakdown", str(path), "-f", "json"], str(path))


def test_corrupt_fdx(runner: CliRunner, write: Callable[[str, bytes], Path]) -> None:
    path = write("broken.fdx", b'<?xml version="1.0"?><FinalDraft><Content><Paragraph Ty')
    _fails_cleanly(runner, ["breakdown", str(path)], str(path))


def test_corrupt_pdf(runner: CliRunner, write: Callable[[str, bytes], Path]) -> None:
    path = write("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    _fails_cleanly(runner, ["breakdown", str(path)], str(path))


def test_unknown_encoding_names_the_line(
    runner: CliRunner, write: Callable[[str, bytes], Path]
) -> None:
    text = "INT. CAFÉ - NIGHT\n\nMARA\nHéllo.\n".encode("latin-1")
    path = write("latin.fountain", text)
    line = _fails_cleanly(runner, ["breakdown", str(path)], f"{path}:1")
    assert "UTF-8" in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes only")
def test_named_pipe_does_not_hang(runner: CliRunner, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.fountain"
    os.mkfifo(pipe)
    assert "regular file" in _fails_cleanly(runner, ["breakdown", str(pipe)], str(pipe))


def test_refuses_to_overwrite_the_input(runner: CliRunner, draft: Path) -> None:
    before = draft.read_bytes()
    args = ["breakdown", str(draft), "-f", "json", "--out", str(draft)]
    assert "overwrite" in _fails_cleanly(runner, args, str(draft))
    assert draft.read_bytes() == before


def test_unwritable_output_folder(runner: CliRunner, draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "x.pdf"
    _fails_cleanly(runner, ["breakdown", str(draft), "-f", "pdf", "-o", str(out)], str(out))
    assert not list(tmp_path.glob("missing*"))


def test_unknown_format_is_a_usage_error(runner: CliRunner, draft: Path) -> None:
    result = runner.invoke(app, ["breakdown", str(draft), "--format", "docx"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_a_bug_is_reported_as_internal_error(
    runner: CliRunner, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lynchpin.cli import main

    def broken(*args: object) -> None:
        raise KeyError("boom")

    monkeypatch.delenv("LYNCHPIN_DEBUG", raising=False)
    monkeypatch.setattr(main, "report_for", broken)
    result = runner.invoke(app, ["breakdown", str(draft)])
    assert result.exit_code == 1
    assert result.stderr.startswith("lynchpin: internal error: KeyError")
    assert "report" in result.stderr
    assert "Traceback" not in result.stderr
