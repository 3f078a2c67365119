"""Number cells as stored text <-> the engine's `Cell` (a Decimal or a Formula).

Stored form: a number is its exact decimal text (``"412.50"``); a formula is ``"="`` and
its text (``"=SHOOT_DAYS + 2"``). Reading is lenient the way a spreadsheet is: a leading
``=`` always means a formula; otherwise text that is a finite decimal number is a number, and
anything else (``"SHOOT_DAYS"``, ``"1+2"``) is a formula. So `cell_text(cell_from_text(t))`
is the canonical form of `t`, and `cell_from_text(cell_text(c)) == c` for every number and
every formula whose text has no surrounding spaces (the engine strips formulas it reads).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from lynchpin.core.errors import Invalid
from lynchpin.engine.budgeting.formulas import FormulaError, compile_formula
from lynchpin.engine.budgeting.model import Cell, Formula

__all__ = ["cell_from_text", "cell_text", "checked_cell", "decimal_from_text"]


def decimal_from_text(text: str) -> Decimal | None:
    """`text` as a finite Decimal, or None when it is not a plain number."""
    if "_" in text:  # Decimal() reads "1_000", but a cell number is plain digits
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@lru_cache(maxsize=65536)
def cell_from_text(text: str) -> Cell:
    """The engine cell of stored or typed `text` (see the module docstring); never raises.
    Cached: cells are immutable and budgets repeat the same texts ("1", "=SHOOT_DAYS")."""
    stripped = text.strip()
    if stripped.startswith("="):
        return Formula(stripped[1:].strip())
    number = decimal_from_text(stripped)
    return number if number is not None else Formula(stripped)


def cell_text(cell: Cell) -> str:
    """The stored text of an engine cell."""
    if isinstance(cell, Formula):
        return f"={cell.text}"
    return str(cell)


def checked_cell(text: str, *, field: str) -> str:
    """The canonical stored text of a typed cell, after checking that a formula parses.

    Unknown globals are not refused here (the global may be added next); pricing reports
    them on the line. Raises Invalid naming `field` for an empty cell or a formula the
    engine refuses (the message names the offending token).
    """
    if not text.strip():
        raise Invalid(f"{field}: enter a number or a formula.", fields={field: ["Required."]})
    cell = cell_from_text(text)
    if isinstance(cell, Formula):
        try:
            compile_formula(cell.text)
        except FormulaError as error:
            raise Invalid(f"{field}: {error}", fields={field: [str(error)]}) from None
    return cell_text(cell)
