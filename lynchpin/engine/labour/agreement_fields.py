"""Checked access to one table of an agreement file: every error names the file and key path.

Key paths count array items from 1 (``rules.day.bands.regular[2].multiplier``). Hours,
multipliers and money are exact: TOML integers or strings, never TOML floats. Rule ids are
registered as they are read so a file cannot use one id twice.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money

__all__ = ["AgreementFields", "describe"]

_E = TypeVar("_E", bound=StrEnum)

_NUMBER = re.compile(r"[+-]?\d{1,12}(\.\d{1,12})?")
_IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_CURRENCY = re.compile(r"[A-Z]{3}")


def describe(value: object) -> str:
    """A short description of a TOML value's kind, for error messages."""
    names = {bool: "a boolean", int: "an integer", float: "a float", list: "an array",
             dict: "a table", dt.date: "a date", dt.datetime: "a date-time", dt.time: "a time"}
    return f"text {value[:40]!r}" if isinstance(value, str) else names.get(type(value), "?")


class AgreementFields:
    """One TOML table at key path `path` with only the keys `allowed` (None: any key).

    `ids` is shared by every table of one file: rule id -> key path where it was first seen.
    """

    def __init__(self, value: object, path: str, source: str, allowed: frozenset[str] | None,
                 ids: dict[str, str]) -> None:
        self.path, self.source, self.ids = path, source, ids
        if not isinstance(value, dict):
            raise self.error(f"expected a table, found {describe(value)}")
        self.data: dict[str, Any] = value
        unknown = [name for name in value if allowed is not None and name not in allowed]
        if unknown and allowed is not None:
            raise self.error(f"unknown key (expected one of {', '.join(sorted(allowed))})",
                             unknown[0])

    def key(self, name: str) -> str:
        """Full key path of `name` in this table."""
        return f"{self.path}.{name}" if self.path else name

    def error(self, message: str, name: str | None = None) -> InputError:
        """An InputError at this table, or at its key `name`."""
        where = self.path if name is None else self.key(name)
        return InputError(f"{where}: {message}" if where else message,
                          source=self.source, field=where or None)

    def required(self, name: str) -> Any:
        if name not in self.data:
            raise self.error("is required", name)
        return self.data[name]

    def text(self, name: str, default: str | None = None) -> str:
        """Text; required and not blank when `default` is None."""
        if default is not None and name not in self.data:
            return default
        value = self.required(name)
        if not isinstance(value, str):
            raise self.error(f"expected text, found {describe(value)}", name)
        if default is None and not value.strip():
            raise self.error("must not be empty", name)
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        """A required, non-empty array of non-empty texts."""
        value = self.required(name)
        if not isinstance(value, list) or not value:
            raise self.error(f"expected an array of texts, found {describe(value)}", name)
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"expected non-empty text, found {describe(item)}",
                                 f"{name}[{number}]")
        return tuple(value)

    def flag(self, name: str) -> bool:
        """A boolean, false when absent."""
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            raise self.error(f"expected true or false, found {describe(value)}", name)
        return value

    def integer(self, name: str, low: int, high: int, default: int | None = None) -> int:
        """A TOML integer in low..high; required when `default` is None."""
        if default is not None and name not in self.data:
            return default
        value = self.required(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"expected a whole number, found {describe(value)}", name)
        if not low <= value <= high:
            raise self.error(f"must be from {low} to {high}, found {value}", name)
        return value

    def number(self, name: str, low: Decimal, high: Decimal,
               default: Decimal | None = None) -> Decimal:
        """An exact number (integer or numeric text) in low..high."""
        if default is not None and name not in self.data:
            return default
        return self.check_number(self.required(name), name, low, high)

    def check_number(self, value: object, name: str, low: Decimal, high: Decimal) -> Decimal:
        if isinstance(value, float):
            raise self.error(f"TOML floats are not exact; write the number as text "
                             f"(\"{value}\") or an integer", name)
        if isinstance(value, int) and not isinstance(value, bool):
            number = Decimal(value)
        elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
            number = Decimal(value.strip())
        else:
            raise self.error(f"expected a number such as 8 or \"5.5\", found {describe(value)}",
                             name)
        if not low <= number <= high:
            raise self.error(f"must be from {low:f} to {high:f}, found {number}", name)
        return number

    def money(self, value: object, name: str, currency: str) -> Money:
        """A non-negative amount: integer, ``"7.50"`` or ``"7.50 USD"`` in `currency`."""
        if isinstance(value, str) and len(parts := value.split()) == 2:
            if parts[1] != currency:
                raise self.error(f"amount in {parts[1][:8]!r} but the agreement's currency "
                                 f"is {currency}", name)
            value = parts[0]
        amount = self.check_number(value, name, Decimal(0), Decimal("1e12"))
        return Money(amount, currency)

    def choice(self, name: str, kinds: type[_E], default: _E | None = None) -> _E:
        """One of the values of the enum `kinds`."""
        if default is not None and name not in self.data:
            return default
        value = self.required(name)
        allowed = [kind.value for kind in kinds]
        if not isinstance(value, str) or value not in allowed:
            raise self.error(f"expected one of {', '.join(allowed)}, found {describe(value)}",
                             name)
        return kinds(value)

    def rule_id(self, name: str = "id", *, register: bool = True) -> str:
        """An id (lower case, digits, ``.``, ``_``, ``-``); a rule's must be unique in the file."""
        value = self.text(name)
        if not _IDENTIFIER.fullmatch(value):
            raise self.error(f"not an id (lower case letters, digits, '.', '_', '-'): "
                             f"{value[:40]!r}", name)
        if not register:
            return value
        if value in self.ids:
            raise self.error(f"rule id {value!r} is already used at {self.ids[value]}", name)
        self.ids[value] = self.key(name)
        return value

    def table(self, name: str, allowed: frozenset[str] | None) -> AgreementFields:
        """The required sub-table `name`."""
        return AgreementFields(self.required(name), self.key(name), self.source, allowed, self.ids)

    def tables(self, name: str, allowed: frozenset[str]) -> list[AgreementFields]:
        """The required, non-empty array of tables `name` (``[[name]]``), paths from 1."""
        value = self.required(name)
        if not isinstance(value, list) or not value:
            raise self.error(f"expected one or more tables, found {describe(value)}", name)
        return [AgreementFields(item, f"{self.key(name)}[{number}]", self.source, allowed, self.ids)
                for number, item in enumerate(value, start=1)]
