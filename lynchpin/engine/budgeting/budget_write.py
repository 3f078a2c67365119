"""Writing a `Budget` as TOML (docs/formats/budget.md); `read_budget` reads it back equal.

Numbers are written as strings (exact), formulas as strings with a leading ``=``, keys
quoted when they are not bare TOML keys. Empty and default fields are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from lynchpin.engine.budgeting.model import (
    Budget,
    Cell,
    DetailLine,
    FringeKind,
    Incentive,
    PostingMode,
)

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _key(name: str) -> str:
    return name if name and set(name) <= _BARE else _text(name)


def _escape(char: str) -> str:
    if char in "\\\"":
        return "\\" + char
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x20 or code == 0x7F else char


def _text(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters (with DEL) escaped."""
    return '"' + "".join(_escape(char) for char in value) + '"'


def _number(value: Decimal) -> str:
    return _text(str(value))


def _cell(value: Cell) -> str:
    return _number(value) if isinstance(value, Decimal) else _text(f"={value.text}")


def _array(values: Iterable[str]) -> str:
    return "[" + ", ".join(_text(v) for v in sorted(values)) + "]"


def _head(budget: Budget) -> list[str]:
    out = [f"title = {_text(budget.title)}", f"currency = {_text(budget.currency)}"]
    if budget.version:
        out.append(f"version = {_text(budget.version)}")
    posting = budget.fringe_posting
    if posting.mode is not PostingMode.ACCOUNT or posting.account:
        out += ["", "[fringe_posting]", f"mode = {_text(posting.mode.value)}"]
        out += [f"account = {_text(posting.account)}"] if posting.account else []
    for name, rows in (
        ("units", [(u.name, "\"none\"" if u.hours is None else _number(u.hours))
                   for u in budget.units]),
        ("globals", [(g.name, _cell(g.value)) for g in budget.globals]),
        ("exchange_rates", [(c, _number(r)) for c, r in budget.exchange_rates.items()]),
    ):
        if rows:
            out += ["", f"[{name}]"] + [f"{_key(k)} = {v}" for k, v in rows]
    return out


def _tables(budget: Budget) -> list[str]:
    out: list[str] = []
    for fringe in budget.fringes:
        out += ["", f"[fringes.{_key(fringe.id)}]", f"name = {_text(fringe.name)}",
                f"{fringe.kind.value} = {_number(fringe.rate)}"]
        out += [f"per = {_text(fringe.per.value)}"] if fringe.kind is FringeKind.FLAT else []
        out += [f"cutoff = {_number(fringe.cutoff)}"] if fringe.cutoff is not None else []
        out += [] if fringe.uses_ytd else ["ytd = false"]
    for person in budget.people:
        out += ["", f"[people.{_key(person.id)}]", f"name = {_text(person.name)}",
                f"ytd_wages = {_number(person.ytd_wages)}"]
    for group in budget.groups:
        out += ["", f"[groups.{_key(group.id)}]", f"name = {_text(group.name)}",
                f"excluded = {'true' if group.excluded else 'false'}"]
    for charge in budget.charges:
        out += ["", f"[charges.{_key(charge.id)}]", f"name = {_text(charge.name)}",
                f"{charge.kind.value} = {_number(charge.rate)}",
                f"exclude_accounts = {_array(charge.excluded_accounts)}",
                f"exclude_categories = {_array(charge.excluded_categories)}"]
    for incentive in budget.incentives:
        out += _incentive(incentive)
    return out


def _incentive(incentive: Incentive) -> list[str]:
    out = ["", f"[incentives.{_key(incentive.id)}]", f"name = {_text(incentive.name)}",
           f"percent = {_number(incentive.percent)}",
           f"accounts = {_array(incentive.accounts)}",
           f"categories = {_array(incentive.categories)}"]
    return out + ([f"cap = {_number(incentive.cap)}"] if incentive.cap is not None else [])


def _line(line: DetailLine) -> list[str]:
    out = [f"description = {_text(line.description)}", f"amount = {_cell(line.amount)}",
           f"unit = {_text(line.unit)}", f"x = {_cell(line.multiplier)}",
           f"rate = {_cell(line.rate)}"]
    for name in ("currency", "notes", "person", "id"):
        value = getattr(line, name)
        out += [f"{name} = {_text(value)}"] if value else []
    for name in ("fringes", "groups", "locations", "sets"):
        values: tuple[str, ...] = getattr(line, name)
        out += [f"{name} = [{', '.join(_text(v) for v in values)}]"] if values else []
    return out + (["individual = true"] if line.individual else [])


def _chart(budget: Budget) -> list[str]:
    out: list[str] = []
    for category in budget.categories:
        out += ["", f"[categories.{_key(category.code)}]", f"name = {_text(category.name)}",
                f"level = {_text(category.level.value)}"]
        if category.fringe_account:
            out.append(f"fringe_account = {_text(category.fringe_account)}")
    for category, account in budget.accounts():
        head = f"accounts.{_key(account.code)}"
        out += ["", f"[{head}]", f"name = {_text(account.name)}",
                f"category = {_text(category.code)}"]
        for line in account.lines:
            out += ["", f"[[{head}.lines]]", *_line(line)]
    return out


def write_budget(budget: Budget) -> str:
    """`budget` as TOML text (UTF-8, ending with a newline)."""
    return "\n".join(_head(budget) + _tables(budget) + _chart(budget)) + "\n"
