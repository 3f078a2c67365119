"""Hypothesis: whatever bytes a file holds, the CLI exits 0 or 2, never crashes (exit 1)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lynchpin.cli.main import app

PREFIXES = st.sampled_from(
    [
        b"",
        b"%PDF-1.4\n",
        b'<?xml version="1.0"?><FinalDraft>',
        b"INT. BAR - NIGHT\n\n",
        b"\xef\xbb\xbf",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=PREFIXES, body=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_exit_0_or_2(prefix: bytes, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.fountain"
        path.write_bytes(prefix + body)
        result = CliRunner().invoke(app, ["breakdown", str(path), "--format", "json"])
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith("lynchpin: error: ")
