"""Breakdown report as JSON: the shape documented in docs/cli.md (``BreakdownReport.as_dict``)."""

from __future__ import annotations

import json

from lynchpin.engine.breakdown.report import BreakdownReport


def render_json(report: BreakdownReport) -> str:
    """The report as pretty-printed UTF-8 JSON text (non-ASCII kept), ending with a newline."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
