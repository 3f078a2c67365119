"""Checked access to one TOML table of a data file (ledger, payroll): errors name the key path.

Money is a TOML integer or a string (``"412.50"``, or ``"412.50 EUR"`` to state another
currency, which the posting invariants then refuse); TOML floats are refused because they are
binary fractions, not exact amounts. Dates are TOML dates (``2027-03-15``), never strings.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money

__all__ = ["TableFields", "describe"]

_PLAIN = frozenset("0123456789.-+")


def describe(value: object) -> str:
    """A short description of a TOML value's kind, for error messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    names = {int: "an integer", float: "a float", list: "an array", dict: "a table",
             dt.date: "a date", dt.datetime: "a date-time"}
    return names.get(type(value), type(value).__name__)


class TableFields:
    """One TOML table at key path `path` (e.g. ``invoice[4]``), read with checks.

    `line` is the 1-based line of the table's header in the file, when known.
    """

    def __init__(self, table: object, path: str, source: str, line: int | None,
                 currency: str) -> None:
        self.path = path
        self.source = source
        self.line = line
        self.currency = currency
        if not isinstance(table, dict):
            raise self.error(f"expected a table, found {describe(table)}")
        self.table: dict[str, Any] = table

    def error(self, message: str, name: str | None = None) -> InputError:
        """An InputError at this table, or at its key `name`."""
        where = self.path if name is None else f"{self.path}.{name}" if self.path else name
        return InputError(f"{where}: {message}", source=self.source, line=self.line, field=where)

    def only(self, allowed: frozenset[str]) -> None:
        """Refuse keys outside `allowed` (catches typos such as ``ammount``)."""
        for name in self.table:
            if name not in allowed:
                raise self.error(f"unknown key (expected one of {', '.join(sorted(allowed))})",
                                 name)

    def text(self, name: str, default: str | None = None) -> str:
        """A string; required (and non-empty) when `default` is None."""
        if name not in self.table and default is not None:
            return default
        value = self.table.get(name)
        if value is None:
            raise self.error("is required", name)
        if not isinstance(value, str):
            raise self.error(f"expected text, found {describe(value)}", name)
        if default is None and not value.strip():
            raise self.error("must not be empty", name)
        return value

    def flag(self, name: str) -> bool:
        """A boolean, false when absent."""
        value = self.table.get(name, False)
        if not isinstance(value, bool):
            raise self.error(f"expected true or false, found {describe(value)}", name)
        return value

    def day(self, name: str) -> dt.date:
        """A required TOML date (not a date-time, not text)."""
        value = self.table.get(name)
        if value is None:
            raise self.error("is required", name)
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.error(f"expected a date such as 2027-03-15, found {describe(value)}",
                             name)
        return value

    def money(self, name: str) -> Money:
        """A required amount: integer or numeric string, optionally followed by a currency."""
        if name not in self.table:
            raise self.error("is required", name)
        value = self.table[name]
        if isinstance(value, float):
            raise self.error(f"TOML floats are not exact; write the amount as a string "
                             f"(\"{value}\") or an integer", name)
        if isinstance(value, int) and not isinstance(value, bool):
            return Money(Decimal(value), self.currency)
        if isinstance(value, str):
            parsed = _parse_money(value, self.currency)
            if parsed is not None:
                return parsed
        raise self.error(f"expected an amount such as \"1200.00\" or \"1200.00 {self.currency}\""
                         f", found {describe(value)}", name)

    def tables(self, name: str) -> list[Any]:
        """A required non-empty array of tables (e.g. ``[[journal.lines]]``)."""
        value = self.table.get(name)
        if value is None:
            raise self.error("is required", name)
        if not isinstance(value, list) or not value:
            raise self.error(f"expected one or more tables, found {describe(value)}", name)
        return value


def _parse_money(text: str, currency: str) -> Money | None:
    parts = text.replace(",", "").split()
    if len(parts) == 2 and parts[1].isalpha() and len(parts[1]) == 3:
        amount, code = parts
    elif len(parts) == 1:
        amount, code = parts[0], currency
    else:
        return None
    if not set(amount) <= _PLAIN:
        return None
    try:
        number = Decimal(amount)
    except InvalidOperation:
        return None
    return Money(number, code.upper()) if number.is_finite() else None
