"""Checked field access for the payroll file reader: hours, clock times, dates, amounts.

Extends the shared `TableFields` of `lynchpin.engine.table_fields` (text, flags, dates,
amounts, unknown-key checks; every error names the key path) with what a payroll file adds:

- hours (``"10"``, ``"1.5"`` or an integer; never a TOML float, which is a binary fraction),
  bounded so that no value can overflow the arithmetic that follows;
- clock times ``"HH:MM"`` (or TOML local times such as ``07:00:00``), where hours 24..47 mean
  the next day (``"25:30"`` is 01:30 the next morning);
- arrays of dates (``holidays``), tables of amounts (``allowances``) and arrays of meals;
- the engine's card field names (``2027-03-22.meals[0].back``) as the file's key paths
  (``meals[1].in``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.model import Meal, MealKind
from lynchpin.engine.money import Money
from lynchpin.engine.table_fields import TableFields, describe

__all__ = ["MAX_AMOUNT", "PayrollFields", "describe", "engine_key", "engine_message"]

#: The largest amount a deal may state (a rate, a kit rental, an allowance).
MAX_AMOUNT = Decimal(10) ** 9
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
_MINUTES_A_DAY = 24 * 60
_MEAL_KEYS = frozenset({"out", "in", "kind"})
_ENGINE_MEAL = re.compile(r"meals\[(\d+)\]\.(\w+)")


class PayrollFields(TableFields):
    """One TOML table of a payroll file at key path `path` (e.g. ``timecard[3]``)."""

    def child(self, value: object, name: str) -> PayrollFields:
        """The table `value` found at key `name` of this table (e.g. ``meals[1]``)."""
        return PayrollFields(value, f"{self.path}.{name}", self.source, self.line, self.currency)

    def hours(self, name: str, *, maximum: Decimal, default: Decimal | None = None) -> Decimal:
        """Hours from 0 to `maximum`: an integer or a decimal string; required without
        `default`. TOML floats, negative, exponent or non-numeric text are refused."""
        if name not in self.table:
            if default is None:
                raise self.error("is required", name)
            return default
        value = self.table[name]
        if isinstance(value, float):
            raise self.error(f"TOML floats are not exact; write the hours as a string "
                             f"(\"{value}\") or an integer", name)
        number: Decimal | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = Decimal(value)
        elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
            number = Decimal(value.strip())
        if number is None:
            raise self.error(f"expected hours such as \"10\" or \"1.5\", found {describe(value)}",
                             name)
        if not Decimal(0) <= number <= maximum:
            raise self.error(f"hours must be between 0 and {maximum}, found {number}", name)
        return number

    def amount(self, name: str, *, positive: bool = False) -> Money:
        """A required amount (see `TableFields.money`), at least 0 (above 0 when `positive`)
        and below `MAX_AMOUNT`."""
        value = self.money(name)
        return self._bounded(value, name, positive=positive)

    def optional_amount(self, name: str) -> Money | None:
        """An amount of at least 0, or None when the key is absent."""
        return self.amount(name) if name in self.table else None

    def amounts(self, name: str) -> tuple[tuple[str, Money], ...]:
        """A table of named amounts (``allowances = { car = "25.00" }``), in file order."""
        value = self.table.get(name, {})
        if not isinstance(value, dict):
            raise self.error(f"expected a table of amounts such as {{ car = \"25.00\" }}, "
                             f"found {describe(value)}", name)
        inner = PayrollFields(value, f"{self.path}.{name}", self.source, self.line,
                              self.currency)
        return tuple((key, inner.amount(key)) for key in value)

    def _bounded(self, value: Money, name: str, *, positive: bool) -> Money:
        if value.amount < 0 or (positive and value.amount == 0):
            raise self.error(f"must be {'above' if positive else 'at least'} 0, "
                             f"found {value.amount}", name)
        if value.amount >= MAX_AMOUNT:
            raise self.error(f"must be below {MAX_AMOUNT:,}, found {value.amount}", name)
        return value

    def clock(self, name: str, *, next_day: bool = True) -> int:
        """A required clock time as minutes after midnight of the day: ``"07:00"`` is 420.

        ``"HH:MM"`` text (hours 0..47 when `next_day`, 0..23 otherwise; ``"25:30"`` = 1530)
        or a TOML local time without seconds."""
        if name not in self.table:
            raise self.error("is required", name)
        value = self.table[name]
        limit = 2 * _MINUTES_A_DAY if next_day else _MINUTES_A_DAY
        minutes: int | None = None
        if isinstance(value, dt.time) and not value.second and not value.microsecond:
            minutes = value.hour * 60 + value.minute
        elif isinstance(value, str) and (match := _CLOCK.fullmatch(value.strip())):
            hour, minute = int(match.group(1)), int(match.group(2))
            minutes = hour * 60 + minute if minute < 60 else None
        if minutes is None or minutes >= limit:
            latest = "47:59" if next_day else "23:59"
            raise self.error(f"expected a time such as \"07:00\" (00:00 to {latest}), "
                             f"found {describe(value)}", name)
        return minutes

    def moment(self, name: str, day: dt.date, call: int) -> dt.datetime:
        """The clock time `name` as a datetime on `day`; a time of day at or before the call
        (`call`, minutes after midnight; -1 for the call itself) is on the next day."""
        minutes = self.clock(name, next_day=call >= 0)
        if minutes < _MINUTES_A_DAY and minutes <= call:
            minutes += _MINUTES_A_DAY
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)

    def meals(self, day: dt.date, call: int) -> tuple[Meal, ...]:
        """The ``meals`` array (``{ out, in, kind }`` tables) as Meal values, in file order."""
        meals: list[Meal] = []
        for number, item in enumerate(self.array("meals"), start=1):
            meal = self.child(item, f"meals[{number}]")
            meal.only(_MEAL_KEYS)
            kind = meal.text("kind", MealKind.MEAL.value)
            if kind not in {k.value for k in MealKind}:
                raise meal.error(f"expected \"meal\" or \"ndb\" (non-deductible breakfast), "
                                 f"found {kind[:40]!r}", "kind")
            meals.append(Meal(out=meal.moment("out", day, call),
                              back=meal.moment("in", day, call), kind=MealKind(kind)))
        return tuple(meals)

    def dates(self, name: str) -> tuple[dt.date, ...]:
        """An array of TOML dates (``[2027-03-26]``), empty when absent."""
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(
                isinstance(d, dt.date) and not isinstance(d, dt.datetime) for d in value):
            raise self.error(f"expected an array of dates such as [2027-03-26], "
                             f"found {describe(value)}", name)
        return tuple(value)

    def array(self, name: str) -> list[object]:
        """An array (possibly empty, empty when absent) of tables to read one by one."""
        value = self.table.get(name, [])
        if not isinstance(value, list):
            raise self.error(f"expected an array of tables, found {describe(value)}", name)
        return value


def engine_key(error: InputError, day: dt.date) -> str | None:
    """The file's key path inside a card for the field `worktime.check_timecard` named: the
    engine counts meals from 0 and calls a meal's return ``back``; the file counts from 1 and
    says ``in``. None when the error names no field of the card."""
    prefix = f"{day.isoformat()}."
    field = error.field or ""
    if not field.startswith(prefix):
        return None
    key = field[len(prefix):]
    meal = _ENGINE_MEAL.fullmatch(key)
    if meal is None:
        return key or None
    name = "in" if meal.group(2) == "back" else meal.group(2)
    return f"meals[{int(meal.group(1)) + 1}].{name}"


def engine_message(error: InputError, day: dt.date) -> str:
    """An engine error's message without its leading date (the key path says where)."""
    return error.message.removeprefix(f"{day.isoformat()}: ")
