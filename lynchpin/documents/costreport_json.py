"""The cost report as JSON (``lynchpin costreport --json``).

Shape (docs/costreport.md)::

    {"format": "lynchpin-costreport", "version": 1, "title": ..., "currency": "GBP",
     "period": {"start": "2027-03-15", "end": "2027-03-21"},
     "sign_convention": "...", "etc_basis": "...",
     "columns": ["budget", ..., "variance"],
     "lines": [{"code", "name", "depth", "parent", "is_leaf", "budget", ..., "variance"}],
     "total": {"code": "TOTAL", ..., "efc": "95000.00", ...}}

Amounts are decimal strings rounded once to the currency's minor unit (never floats).
"""

from __future__ import annotations

import json
from typing import Any

from lynchpin.documents.costreport_cells import COLUMNS, cell
from lynchpin.engine.ledger.costreport import CostLine, CostReport

__all__ = ["costreport_data", "render_costreport_json"]

FORMAT_NAME = "lynchpin-costreport"
FORMAT_VERSION = 1


def _line(line: CostLine) -> dict[str, Any]:
    data: dict[str, Any] = {"code": line.code, "name": line.name, "depth": line.depth,
                            "parent": line.parent, "is_leaf": line.is_leaf}
    data.update({key: str(cell(line.figures, key)) for key, _ in COLUMNS})
    return data


def costreport_data(report: CostReport, *, title: str = "") -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": title,
        "currency": report.currency,
        "period": {"start": report.period.start.isoformat(),
                   "end": report.period.end.isoformat()},
        "sign_convention": report.sign_convention,
        "etc_basis": report.etc_basis,
        "columns": [key for key, _ in COLUMNS],
        "lines": [_line(line) for line in report.lines],
        "total": _line(report.total),
    }


def render_costreport_json(report: CostReport, *, title: str = "") -> str:
    """Indented JSON text ending with a newline."""
    return json.dumps(costreport_data(report, title=title), indent=2, ensure_ascii=False) + "\n"
