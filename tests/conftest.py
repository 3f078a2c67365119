"""Shared fixtures: the bundled sample script and the shared screenplay corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI runs Hypothesis deterministically and without per-example deadlines (a shared, loaded
# machine must not turn a slow example into a red build); developers keep random exploration.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE = REPO / "lynchpin" / "samples" / "the-night-ferry.fountain"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared screenplay corpus; the test is skipped when it is absent."""
    if not (CORPUS / "reference.json").is_file():
        pytest.skip(f"screenplay corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_reference(corpus: Path) -> dict[str, dict[str, Any]]:
    """reference.json's per-file entries keyed by file name."""
    data = json.loads((corpus / "reference.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["files"]}
