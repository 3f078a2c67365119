"""The ledger file (TOML): a production's entries, read and posted in file order.

Format: docs/formats/ledger.md. A header (``currency``, ``chart``, ``production``,
``periods_closed``) and entries as arrays of tables: ``[[po]]``, ``[[po_close]]``,
``[[invoice]]``, ``[[payroll]]``, ``[[petty_cash]]`` (a float or an envelope of receipts),
``[[journal]]`` and ``[[reversal]]``. `read_ledger` posts every entry through
`ledger.post`, so every invariant runs, in the order the entries appear in the file.

Key paths count entries of each kind from 1: the fourth ``[[invoice]]`` is ``invoice[4]``;
its first receipt or line is ``...receipts[1]``. Every error is an `InputError` naming the
source, the line of the entry's header and the key path; a refused posting lists all of its
violations (errors and warnings). Periods close in file order: a period ending on date P is
closed just before the first entry dated after P, and every listed period is closed at the
end, so an entry appended later but dated in a closed period is refused. Linear time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.book import Ledger
from lynchpin.engine.ledger.entries import (
    Entry,
    Invoice,
    JournalAdjustment,
    JournalLine,
    PayrollPosting,
    PettyCashEnvelope,
    PettyCashFloat,
    PurchaseOrder,
    PurchaseOrderClose,
    Receipt,
    Reversal,
)
from lynchpin.engine.ledger.ledger import PostingRefused, open_ledger, post
from lynchpin.engine.ledger.periods import close_period
from lynchpin.engine.table_fields import TableFields, describe
from lynchpin.engine.toml_text import load_toml

__all__ = ["ENTRY_KINDS", "LedgerHeader", "read_ledger", "read_ledger_header"]

_COMMON = frozenset({"key", "date", "reference", "memo"})
_CODED = _COMMON | {"account", "amount", "vendor", "set", "episode"}


def _coded(fields: TableFields) -> dict[str, Any]:
    return {"key": fields.text("key"), "date": fields.day("date"),
            "reference": fields.text("reference", ""), "memo": fields.text("memo", ""),
            "account": fields.text("account"), "amount": fields.money("amount"),
            "vendor": fields.text("vendor", ""), "set_code": fields.text("set", ""),
            "episode": fields.text("episode", "")}


def _base(fields: TableFields) -> dict[str, Any]:
    return {"key": fields.text("key"), "date": fields.day("date"),
            "reference": fields.text("reference", ""), "memo": fields.text("memo", "")}


def _po(fields: TableFields) -> Entry:
    fields.only(_CODED)
    return PurchaseOrder(**_coded(fields))


def _po_close(fields: TableFields) -> Entry:
    fields.only(_COMMON | {"po"})
    return PurchaseOrderClose(**_base(fields), po_key=fields.text("po"))


def _invoice(fields: TableFields) -> Entry:
    fields.only(_CODED | {"po", "credit"})
    return Invoice(**_coded(fields), po_key=fields.text("po", ""), credit=fields.flag("credit"))


def _payroll(fields: TableFields) -> Entry:
    fields.only(_CODED)
    return PayrollPosting(**_coded(fields))


def _receipt(fields: TableFields) -> Receipt:
    fields.only(frozenset({"account", "amount", "vendor", "description", "set", "episode"}))
    return Receipt(account=fields.text("account"), amount=fields.money("amount"),
                   vendor=fields.text("vendor", ""), description=fields.text("description", ""),
                   set_code=fields.text("set", ""), episode=fields.text("episode", ""))


def _journal_line(fields: TableFields) -> JournalLine:
    fields.only(frozenset({"account", "amount", "set", "episode"}))
    return JournalLine(account=fields.text("account"), amount=fields.money("amount"),
                       set_code=fields.text("set", ""), episode=fields.text("episode", ""))


def _children(fields: TableFields, name: str) -> list[TableFields]:
    return [TableFields(item, f"{fields.path}.{name}[{n}]", fields.source, fields.line,
                        fields.currency)
            for n, item in enumerate(fields.tables(name), start=1)]


def _petty_cash(fields: TableFields) -> Entry:
    is_float = "custodian" in fields.table
    if is_float == ("float" in fields.table):
        raise fields.error("a petty cash entry is either a float (custodian, amount) or an "
                           "envelope (float, receipts)")
    if is_float:
        fields.only(_COMMON | {"custodian", "amount"})
        return PettyCashFloat(**_base(fields), custodian=fields.text("custodian"),
                              amount=fields.money("amount"))
    fields.only(_COMMON | {"float", "receipts"})
    receipts = tuple(_receipt(child) for child in _children(fields, "receipts"))
    return PettyCashEnvelope(**_base(fields), float_key=fields.text("float"), receipts=receipts)


def _journal(fields: TableFields) -> Entry:
    fields.only(_COMMON | {"lines"})
    lines = tuple(_journal_line(child) for child in _children(fields, "lines"))
    return JournalAdjustment(**_base(fields), lines=lines)


def _reversal(fields: TableFields) -> Entry:
    fields.only(_COMMON | {"reverses"})
    return Reversal(**_base(fields), reverses=fields.text("reverses"))


_READERS: dict[str, Callable[[TableFields], Entry]] = {
    "po": _po, "po_close": _po_close, "invoice": _invoice, "payroll": _payroll,
    "petty_cash": _petty_cash, "journal": _journal, "reversal": _reversal,
}

#: The entry tables a ledger file may hold, in documentation order.
ENTRY_KINDS = tuple(_READERS)
_HEADER_KEYS = frozenset({"currency", "chart", "production", "periods_closed"})


@dataclass(frozen=True, slots=True)
class LedgerHeader:
    """The ledger file's header: currency (ISO 4217), chart and production labels, and the
    end dates of the closed periods (ascending)."""

    currency: str
    chart: str
    production: str
    periods_closed: tuple[dt.date, ...]


def _header(root: dict[str, Any], source: str) -> LedgerHeader:
    for name in root:
        if name not in _HEADER_KEYS and name not in _READERS:
            raise InputError(f"{name}: unknown key (expected one of "
                             f"{', '.join(sorted(_HEADER_KEYS | set(_READERS)))})",
                             source=source, field=name)
    top = TableFields({k: v for k, v in root.items() if k in _HEADER_KEYS}, "", source,
                      None, "XXX")
    currency = top.text("currency").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise InputError(f"currency: not a currency code: {currency!r}", source=source,
                         field="currency")
    closed = root.get("periods_closed", [])
    if not isinstance(closed, list) or not all(
            isinstance(d, dt.date) and not isinstance(d, dt.datetime) for d in closed):
        raise InputError(f"periods_closed: expected an array of dates such as [2027-03-19], "
                         f"found {describe(closed)}", source=source, field="periods_closed")
    return LedgerHeader(currency, top.text("chart", ""), top.text("production", ""),
                        tuple(sorted(closed)))


def read_ledger_header(text: str, *, source: str = "") -> LedgerHeader:
    """The header of a ledger file; raises InputError (bad TOML, unknown key, bad value)."""
    return _header(load_toml(text, source=source), source)


def _entry_lines(text: str) -> list[tuple[str, int]]:
    """(kind, 1-based line) of every top-level entry header, in file order."""
    found: list[tuple[str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line.startswith("[["):
            continue
        end = line.find("]]")
        name = line[2:end].strip() if end > 0 else ""
        if name in _READERS:
            found.append((name, number))
    return found


def _in_file_order(root: dict[str, Any], text: str, source: str) -> list[tuple[str, int, object]]:
    """(path, line, table) of every entry in file order; InputError when a kind is not an
    array of tables or the headers cannot be matched to the parsed tables."""
    positions = _entry_lines(text)
    counts: dict[str, int] = {}
    for kind in _READERS:
        tables = root.get(kind, [])
        if not isinstance(tables, list):
            raise InputError(f"{kind}: expected [[{kind}]] tables, found {describe(tables)}",
                             source=source, field=kind)
        counts[kind] = len(tables)
    if any(counts[kind] != sum(1 for k, _ in positions if k == kind) for kind in _READERS):
        raise InputError("cannot place the entries in file order: write each entry as a "
                         "[[kind]] table header on its own line", source=source)
    seen: dict[str, int] = {}
    ordered: list[tuple[str, int, object]] = []
    for kind, line in positions:
        seen[kind] = seen.get(kind, 0) + 1
        ordered.append((f"{kind}[{seen[kind]}]", line, root[kind][seen[kind] - 1]))
    return ordered


def _post(ledger: Ledger, entry: Entry, fields: TableFields) -> Ledger:
    try:
        return post(ledger, entry)
    except PostingRefused as refused:
        problems = "; ".join(f"{v.severity}: {v.rule}: {v.message}" for v in refused.violations)
        raise fields.error(f"entry {entry.key!r} refused: {problems}") from None


def read_ledger(text: str, *, source: str = "", accounts: Iterable[str]) -> Ledger:
    """Read a ledger file and post its entries in file order over the chart `accounts`.

    Raises InputError naming the source, line and key path (``invoice[4].amount: ...``) for
    bad TOML, unknown keys, missing or mistyped values (TOML floats for money included), and
    for a posting the invariants refuse (every violation listed).
    """
    root = load_toml(text, source=source)
    header = _header(root, source)
    ledger = open_ledger(currency=header.currency, accounts=accounts)
    pending = list(header.periods_closed)
    for path, line, table in _in_file_order(root, text, source):
        kind = path.split("[", 1)[0]
        fields = TableFields(table, path, source, line, header.currency)
        try:
            entry = _READERS[kind](fields)
        except InputError as error:
            if error.field and error.field.startswith(path):
                raise
            raise fields.error(error.message) from None
        while pending and entry.date > pending[0]:
            ledger = close_period(ledger, pending.pop(0))
        ledger = _post(ledger, entry, fields)
    for period_end in pending:
        ledger = close_period(ledger, period_end)
    return ledger
