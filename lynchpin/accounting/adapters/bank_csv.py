"""Bank and card statement CSV -> statement lines (docs/web/accounting.md, "Bank lines").

Format: UTF-8 (a byte-order mark is allowed), comma-separated, a header row naming the
columns in any order and case: ``date`` (YYYY-MM-DD), ``description``, ``amount`` (a
decimal, negative for money out; thousands separators allowed inside quotes), and optionally
``id`` (the bank's transaction id) and ``reference``. Blank lines are skipped.

Each line gets an `external_id`: the bank's id when given, else ``sha256:`` and a digest of
its date, description, amount, reference and how many identical lines came before it in the
file, so importing the same file again yields the same ids (and adds nothing) while two
identical purchases on one day in one file stay two lines.

Every bad line is reported at once (InputError naming the first, `BankCsvErrors` listing all).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.engine.errors import InputError

__all__ = ["MAX_LINES", "BankCsvErrors", "StatementLine", "read_bank_csv"]

#: The most lines one file may hold (larger statements: split them by month).
MAX_LINES = 50_000
_REQUIRED = ("date", "description", "amount")
_OPTIONAL = ("id", "reference")
_LONGEST = {"description": 300, "reference": 120, "id": 120}


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One statement line: `line` is its 1-based line number in the file."""

    line: int
    date: dt.date
    description: str
    amount: Decimal
    reference: str
    external_id: str


class BankCsvErrors(InputError):
    """The file has bad lines; `problems` lists each as ``line N: message``."""

    def __init__(self, problems: list[str], *, source: str) -> None:
        self.problems = tuple(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}", source=source)


def _columns(header: list[str], source: str) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    missing = [name for name in _REQUIRED if name not in names]
    if missing:
        raise InputError(f"the header row lacks the column(s) {', '.join(missing)} (expected "
                         "date, description, amount, and optionally id, reference)",
                         source=source, line=1)
    return {name: names.index(name) for name in (*_REQUIRED, *_OPTIONAL) if name in names}


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def _amount(text: str) -> Decimal:
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"amount: not a number: {text!r}") from None
    exponent = amount.as_tuple().exponent
    if not amount.is_finite() or not isinstance(exponent, int) or exponent < -4:
        raise ValueError(f"amount: use at most 4 decimals: {text!r}")
    if abs(amount) >= Decimal(10) ** 14:
        raise ValueError(f"amount: too large: {text!r}")
    return amount


def _fields(row: list[str], columns: dict[str, int]) -> tuple[dt.date, str, Decimal, str, str]:
    text = _cell(row, columns, "date")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date: expected YYYY-MM-DD, found {text!r}") from None
    description = _cell(row, columns, "description")
    if not description:
        raise ValueError("description: empty")
    values = {"description": description, "reference": _cell(row, columns, "reference"),
              "id": _cell(row, columns, "id")}
    for name, longest in _LONGEST.items():
        if len(values[name]) > longest:
            raise ValueError(f"{name}: longer than {longest} characters")
    amount = _amount(_cell(row, columns, "amount"))
    return day, description, amount, values["reference"], values["id"]


def _digest(parts: tuple[str, ...]) -> str:
    return "sha256:" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:40]


def read_bank_csv(content: bytes, *, source: str = "statement") -> list[StatementLine]:
    """The statement lines of a CSV file. Raises InputError for an unreadable file or header
    and BankCsvErrors naming every bad line."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text: export the statement as UTF-8 CSV",
                         source=source) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        lines, problems = _read_rows(reader, source)
    except csv.Error as exc:
        raise InputError(f"not a CSV file: {exc}", source=source, line=reader.line_num) from None
    if problems:
        raise BankCsvErrors(problems, source=source)
    return lines


def _read_rows(reader: Any, source: str) -> tuple[list[StatementLine], list[str]]:
    """(lines, problems) of the rows after the header."""
    header = next(reader, None)
    if header is None:
        raise InputError("the file is empty", source=source)
    columns = _columns(header, source)
    lines: list[StatementLine] = []
    problems: list[str] = []
    seen: dict[tuple[str, ...], int] = {}
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(lines) + len(problems) >= MAX_LINES:
            raise InputError(f"more than {MAX_LINES} lines: split the statement", source=source)
        try:
            day, description, amount, reference, bank_id = _fields(row, columns)
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        identity = (day.isoformat(), description, format(amount.normalize(), "f"), reference)
        seen[identity] = seen.get(identity, 0) + 1
        external = bank_id or _digest((*identity, str(seen[identity])))
        lines.append(StatementLine(number, day, description, amount, reference, external))
    return lines, problems
