"""The engine steps behind a command: file -> Script -> pagination + breakdown -> report.

Kept apart from the command definitions so tests can drive it directly. Engine modules are
imported when first needed, so ``lynchpin --version`` and ``--help`` stay fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from lynchpin.cli.files import read_script_bytes
from lynchpin.engine.breakdown.report import BreakdownReport, breakdown_report
from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.model import Script


class PaperName(StrEnum):
    """Paper sizes the command line accepts (``--paper``)."""

    LETTER = "letter"
    A4 = "a4"


def load_script(path: Path) -> Script:
    """Read and parse the screenplay at `path` (any supported format).

    Raises InputError naming `path` (and the line where known) for unusable input.
    """
    from lynchpin.engine.screenplay.read import read_script

    data = read_script_bytes(path)
    try:
        return read_script(data, name=str(path))
    except InputError as error:
        if error.source:
            raise
        raise InputError(
            error.message, source=str(path), line=error.line, field=error.field
        ) from None


def report_for(script: Script, paper: PaperName = PaperName.LETTER) -> BreakdownReport:
    """Paginate and break down `script`, and join the results into a `BreakdownReport`."""
    from lynchpin.engine.breakdown.tagging import break_down
    from lynchpin.engine.screenplay.paginate import Paper, paginate

    pagination = paginate(script, paper=Paper.A4 if paper is PaperName.A4 else Paper.LETTER)
    return breakdown_report(script, pagination, break_down(script))
