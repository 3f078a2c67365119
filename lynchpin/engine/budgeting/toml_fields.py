"""Checked field access for the TOML budget reader: every error names its key path.

Money and quantities are TOML integers or strings (``"412.50"``); TOML floats are refused
because they are binary fractions, not exact amounts. A string that is not a plain number
in a number cell is a formula (a leading ``=`` is allowed and dropped).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.engine.budgeting.model import Cell, Formula
from lynchpin.engine.errors import InputError

_PLAIN = frozenset("0123456789.-+")


class Fields:
    """One table of the document at key path `path`, with its source name for errors."""

    def __init__(self, table: object, path: str, source: str) -> None:
        self.path = path
        self.source = source
        if not isinstance(table, dict):
            raise self.error(f"expected a table, found {_kind(table)}", path)
        self.table: dict[str, Any] = table

    def error(self, message: str, path: str | None = None) -> InputError:
        """An InputError at `path` (default: this table)."""
        where = path if path is not None else self.path
        return InputError(f"{where}: {message}", source=self.source, field=where)

    def key(self, name: str) -> str:
        """Full key path of `name` in this table."""
        return f"{self.path}.{name}" if self.path else name

    def only(self, allowed: frozenset[str]) -> None:
        """Refuse keys outside `allowed` (catches typos such as ``rat = 400``)."""
        for name in self.table:
            if name not in allowed:
                raise self.error(f"unknown key (expected one of {', '.join(sorted(allowed))})",
                                 self.key(name))

    def text(self, name: str, default: str | None = None) -> str:
        """A string value; required when `default` is None."""
        value = self.table.get(name, default)
        if not isinstance(value, str):
            missing = name not in self.table
            raise self.error("is required" if missing else f"expected text, found {_kind(value)}",
                             self.key(name))
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        """A boolean value."""
        value = self.table.get(name, default)
        if not isinstance(value, bool):
            raise self.error(f"expected true or false, found {_kind(value)}", self.key(name))
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        """An array of strings (empty when absent)."""
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error("expected an array of strings", self.key(name))
        return tuple(value)

    def number(self, name: str, default: Decimal | None = None) -> Decimal:
        """An exact number (integer or numeric string); required when `default` is None."""
        if name not in self.table:
            if default is None:
                raise self.error("is required", self.key(name))
            return default
        return exact_number(self.table[name], self.key(name), self)

    def cell(self, name: str, default: Decimal) -> Cell:
        """A number cell: an exact number or a formula string."""
        value = self.table.get(name, default)
        if isinstance(value, str) and not _is_plain(value):
            return Formula(value.strip().removeprefix("=").strip())
        return exact_number(value, self.key(name), self)

    def sub(self, name: str) -> Mapping[str, Any]:
        """A sub-table (empty when absent)."""
        value = self.table.get(name, {})
        if not isinstance(value, dict):
            raise self.error(f"expected a table, found {_kind(value)}", self.key(name))
        return value


def _is_plain(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and set(stripped) <= _PLAIN


def exact_number(value: object, path: str, fields: Fields) -> Decimal:
    """`value` as an exact Decimal; raises InputError at `path` for floats and non-numbers."""
    if isinstance(value, float):
        raise fields.error(f"TOML floats are not exact; write the number as a string "
                           f"(\"{value}\") or an integer", path)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str) and _is_plain(value):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = Decimal("NaN")
        if number.is_finite():
            return number
    raise fields.error(f"expected a number (integer or string such as \"412.50\"), "
                       f"found {_kind(value)}", path)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    names = {int: "an integer", float: "a float", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)
