"""Errors and rule violations raised or returned by the engine.

Engine functions raise a `DomainError` subclass when they cannot produce a value at all, and
return `Violation` values when they can but a person should see problems (all of them at once).
Interfaces map `DomainError` to a clear message (CLI: exit code 2; API: 400/403/404/409).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DomainError(Exception):
    """Base of every error the engine raises on purpose."""


class InputError(DomainError):
    """Input that cannot be read: names the source and, where known, the line or field.

    `source` is a file name or other label for the input, `line` is 1-based (None when
    unknown), `field` names the offending field or XML element when that is the better anchor.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "",
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        if self.field:
            where = f"{where} ({self.field})" if where else self.field
        return f"{where}: {self.message}" if where else self.message


class Severity(StrEnum):
    """How bad a violation is: errors block an action, warnings inform."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Violation:
    """One problem found by a rule check.

    `rule` is a stable machine name (e.g. ``"pdf.low_confidence"``), `reference` points at
    the thing concerned (a scene number, a line, a field name).
    """

    rule: str
    severity: Severity
    message: str
    reference: str = ""
