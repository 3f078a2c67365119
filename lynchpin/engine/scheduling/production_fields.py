"""Typed reading of one TOML table of a production file, with errors naming the key path.

A `Fields` wraps a table (a dict from ``tomllib``) with its key path (``"cast[3]"``) and the
file name; each getter checks one key's type and range and raises `InputError` naming
``<path>.<key>`` (e.g. ``cast[3].daily_rate: not an amount ...``). `finish` refuses keys the
format does not know, so a typo never passes silently.

Money is never read from a TOML float (a float has already lost the exact amount): amounts
are strings (``"950.00"``, ``"950.00 GBP"``) or integers (whole units).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.units import EIGHTHS_PER_PAGE, parse_eighths

#: The largest whole number any count or duration in a production file may take.
MAX_NUMBER = 1_000_000


@dataclass
class Fields:
    """One table of the file being read; `used` collects the keys read so far."""

    table: dict[str, Any]
    path: str
    source: str
    used: set[str] = field(default_factory=set)

    def error(self, key: str, message: str) -> InputError:
        """An InputError for `key` of this table (``path.key: message``)."""
        where = f"{self.path}.{key}" if self.path else key
        return InputError(f"{where}: {message}", source=self.source)

    def raw(self, key: str) -> Any:
        """The value of `key` as TOML gave it, or None when absent."""
        self.used.add(key)
        return self.table.get(key)

    def text(self, key: str, default: str | None = None) -> str:
        """A non-empty string; `default` when absent (None: required)."""
        value = self.raw(key)
        if value is None and default is not None:
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"expected a non-empty text, got {_shown(value)}")
        return value.strip()

    def integer(self, key: str, default: int | None = None, *, minimum: int = 0) -> int:
        """A whole number >= `minimum` (and <= MAX_NUMBER); `default` when absent."""
        value = self.raw(key)
        if value is None and default is not None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"expected a whole number, got {_shown(value)}")
        if not minimum <= value <= MAX_NUMBER:
            raise self.error(key, f"must be between {minimum} and {MAX_NUMBER}, got {value}")
        return value

    def optional_integer(self, key: str, *, minimum: int = 0) -> int | None:
        """Like `integer`, None when absent."""
        return None if self.table.get(key) is None else self.integer(key, minimum=minimum)

    def hours(self, key: str, default: int | None = None) -> int | None:
        """Hours (whole or decimal, e.g. ``10`` or ``"9.5"``) as whole minutes; None if absent."""
        value = self.raw(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.error(key, f"expected a number of hours, got {_shown(value)}")
        try:
            minutes = Decimal(str(value)) * 60
        except InvalidOperation:
            raise self.error(key, f"expected a number of hours, got {_shown(value)}") from None
        if not 0 < minutes <= 24 * 60:
            raise self.error(key, f"must be more than 0 and at most 24 hours, got {value}")
        return int(minutes.to_integral_value())

    def boolean(self, key: str, default: bool) -> bool:
        """true or false; `default` when absent."""
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, got {_shown(value)}")
        return value

    def money(self, key: str, currency: str, default: Money | None = None) -> Money:
        """An amount in `currency`: ``"950.00"``, ``"950.00 GBP"`` or a whole number.

        Floats are refused (they cannot carry an exact amount); another currency is refused.
        """
        value = self.raw(key)
        if value is None and default is not None:
            return default
        if isinstance(value, float):
            raise self.error(
                key, f"not an amount: write money as a string, e.g. \"{value:.2f}\" (a TOML "
                "decimal number is a float and may not be exact)"
            )
        amount = _money(value, currency)
        if amount is None:
            raise self.error(key, f"not an amount (expected e.g. \"950.00\"): {_shown(value)}")
        if amount.currency != currency:
            raise self.error(key, f"is in {amount.currency}; the production's currency is "
                             f"{currency}")
        if amount.amount < 0:
            raise self.error(key, f"must not be negative, got {value}")
        return amount

    def day(self, key: str) -> date:
        """A date (TOML ``2027-03-01`` or the string ``"2027-03-01"``)."""
        return _date(self.raw(key), lambda m: self.error(key, m))

    def optional_day(self, key: str) -> date | None:
        """Like `day`, None when absent."""
        return None if self.table.get(key) is None else self.day(key)

    def days(self, key: str) -> tuple[date, ...]:
        """A list of dates (empty when absent)."""
        items = self.items(key)
        return tuple(
            _date(item, lambda m, i=i: self.error(f"{key}[{i}]", m)) for i, item in enumerate(items)
        )

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of non-empty strings (empty when absent)."""
        items = self.items(key)
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{key}[{index}]", f"expected a text, got {_shown(item)}")
        return tuple(str(item).strip() for item in items)

    def pages(self, key: str) -> int | None:
        """A length in pages: a whole number or ``"4 3/8"``; returned in eighths, None if absent."""
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 1000:
            return value * EIGHTHS_PER_PAGE
        try:
            eighths = parse_eighths(value) if isinstance(value, str) else 0
        except ValueError:
            eighths = 0
        if eighths <= 0:
            raise self.error(key, f"expected pages such as 4 or \"4 3/8\", got {_shown(value)}")
        return eighths

    def items(self, key: str) -> list[Any]:
        """A TOML array (empty when absent)."""
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list [...], got {_shown(value)}")
        return value

    def tables(self, key: str) -> list[Fields]:
        """An array of tables (``[[key]]`` or ``key = [{...}]``) as Fields, paths ``key[i]``."""
        result = []
        for index, item in enumerate(self.items(key)):
            if not isinstance(item, dict):
                raise self.error(f"{key}[{index}]", f"expected a table {{...}}, got {_shown(item)}")
            result.append(Fields(item, self.child(f"{key}[{index}]"), self.source))
        return result

    def table_of(self, key: str) -> Fields:
        """A sub-table (``[key]``) as Fields; an empty one when absent."""
        value = self.raw(key)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table [{key}], got {_shown(value)}")
        return Fields(value, self.child(key), self.source)

    def child(self, key: str) -> str:
        """The key path of `key` under this table."""
        return f"{self.path}.{key}" if self.path else key

    def finish(self) -> None:
        """Raise InputError for the first key of this table that was never read."""
        for key in self.table:
            if key not in self.used:
                raise self.error(key, "unknown key (see docs/formats/production.md)")


def _money(value: object, currency: str) -> Money | None:
    """`value` as Money (None when it is not an amount)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Money(Decimal(value), currency)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text.split()) == 1:
        text = f"{text} {currency}"
    try:
        amount = Money.parse(text)
    except ValueError:
        return None
    return amount if amount.amount.is_finite() else None


def _date(value: object, error: Any) -> date:
    """`value` (a TOML date or ISO string) as a date; raises error(message) otherwise."""
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise error(f"expected a date such as 2027-03-01, got {_shown(value)}")


def _shown(value: object) -> str:
    """A short, one-line rendering of a TOML value for messages."""
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
