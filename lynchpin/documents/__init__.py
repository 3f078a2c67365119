"""Documents: engine values rendered as files people open (JSON, CSV, XLSX, PDF).

Renderers are functions of an engine value (`BreakdownReport`) and return text or bytes; they
never read or write files and never import the CLI, typer or rich. Callers decide where the
output goes. The renderers are loaded on first use (WeasyPrint is slow to import), so
``from lynchpin.documents import render_csv`` does not load the PDF stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_RENDERERS = {
    "render_json": "lynchpin.documents.breakdown_json",
    "render_csv": "lynchpin.documents.breakdown_csv",
    "render_xlsx": "lynchpin.documents.breakdown_xlsx",
    "render_pdf": "lynchpin.documents.breakdown_pdf",
    "breakdown_html": "lynchpin.documents.breakdown_pdf",
}

__all__ = sorted(_RENDERERS)


def __getattr__(name: str) -> Any:
    """Load a renderer from its module on first use."""
    if name in _RENDERERS:
        return getattr(import_module(_RENDERERS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
