"""Fixtures for command-line tests: a runner, small drafts written to tmp_path, the sample."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLE

DRAFT = """\
Title: Ferry Test
Author: Lynchpin tests

INT. FERRY BAR - NIGHT

MARA pours a drink. A brass key sits on the bar.

MARA
Last ferry's gone.

JONAS (O.S.)
Then we wait.

EXT. QUAY - DAY

Rain. A DECKHAND coils rope beside a van.

MARA
Morning.
"""

REVISED = """\
Title: Ferry Test

INT. FERRY BAR - NIGHT

MARA pours a drink. A brass key sits on the bar.

MARA
The last ferry has gone.

JONAS (O.S.)
Then we wait.

EXT. FERRY DECK - NIGHT

Wind. Spray over the rail.

EXT. QUAY - DAY

Rain. A DECKHAND coils rope beside a van.

MARA
Morning.
"""


@pytest.fixture
def runner() -> CliRunner:
    """A CliRunner (stdout and stderr kept apart)."""
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text or bytes to tmp_path/name and return the path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write


@pytest.fixture
def draft(write: Callable[[str, str | bytes], Path]) -> Path:
    """A two-scene Fountain draft."""
    return write("draft.fountain", DRAFT)


@pytest.fixture
def sample() -> Path:
    """The bundled sample screenplay (must exist: the demo depends on it)."""
    assert SAMPLE.is_file(), f"bundled sample missing: {SAMPLE}"
    return SAMPLE
