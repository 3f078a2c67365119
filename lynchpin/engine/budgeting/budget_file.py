"""Reading the human-writable TOML budget format (docs/formats/budget.md).

`read_budget(text, source=...)` returns a `Budget` or raises `InputError` naming the source,
the line (for TOML syntax errors) or the key path (e.g. ``accounts.2301.lines[2].rate``).
Lines are numbered from 1 in key paths. The document's order is the budget order.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    ChargeKind,
    ContractualCharge,
    DetailLine,
    FlatPer,
    Fringe,
    FringeKind,
    FringePosting,
    Global,
    Group,
    Incentive,
    Level,
    Person,
    PostingMode,
    Unit,
)
from lynchpin.engine.budgeting.toml_fields import Fields
from lynchpin.engine.toml_text import load_toml

_TOP = frozenset({"title", "currency", "version", "units", "globals", "exchange_rates",
                  "fringe_posting", "fringes", "people", "groups", "categories", "accounts",
                  "charges", "incentives"})
_LINE = frozenset({"description", "amount", "unit", "x", "rate", "currency", "fringes",
                   "groups", "locations", "sets", "notes", "person", "individual", "id"})
_FRINGE = frozenset({"name", "percent", "flat", "per", "cutoff", "ytd"})
_ONE = Decimal(1)


def _choice(fields: Fields, name: str, kind: type[Any], default: str) -> Any:
    value = fields.text(name, default)
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise fields.error(f"expected one of {allowed}", fields.key(name)) from None


def _tables(root: Fields, name: str) -> list[Fields]:
    return [Fields(value, f"{name}.{key}", root.source) for key, value in root.sub(name).items()]


def _units(root: Fields) -> tuple[Unit, ...]:
    units = []
    table = Fields(root.sub("units"), "units", root.source)
    for name, value in table.table.items():
        hours = None if value == "none" else table.number(name)
        units.append(Unit(name, hours))
    return tuple(units)


def _globals(root: Fields) -> tuple[Global, ...]:
    table = Fields(root.sub("globals"), "globals", root.source)
    for name in table.table:
        if not name.isidentifier():
            raise table.error("a global's name must be letters, digits and _", table.key(name))
    return tuple(Global(name, table.cell(name, Decimal(0))) for name in table.table)


def _fringe(fields: Fields) -> Fringe:
    fields.only(_FRINGE)
    key = fields.path.split(".", 1)[1]
    cutoff = fields.number("cutoff") if "cutoff" in fields.table else None
    if ("percent" in fields.table) == ("flat" in fields.table):
        raise fields.error("give exactly one of percent or flat")
    kind = FringeKind.PERCENT if "percent" in fields.table else FringeKind.FLAT
    return Fringe(key, fields.text("name", key), kind, fields.number(kind.value),
                  _choice(fields, "per", FlatPer, "hour"), cutoff, fields.flag("ytd", True))


def _line(fields: Fields) -> DetailLine:
    fields.only(_LINE)
    person = fields.text("person", "") or None
    return DetailLine(
        description=fields.text("description"), amount=fields.cell("amount", _ONE),
        unit=fields.text("unit", "Allow"), multiplier=fields.cell("x", _ONE),
        rate=fields.cell("rate", Decimal(0)), currency=fields.text("currency", "") or None,
        fringes=fields.texts("fringes"), groups=fields.texts("groups"),
        locations=fields.texts("locations"), sets=fields.texts("sets"),
        notes=fields.text("notes", ""), person=person,
        individual=fields.flag("individual"), id=fields.text("id", ""))


def _account(fields: Fields) -> tuple[str, Account]:
    fields.only(frozenset({"name", "category", "lines"}))
    raw = fields.table.get("lines", [])
    if not isinstance(raw, list):
        raise fields.error("expected an array of tables [[...lines]]", fields.key("lines"))
    lines = tuple(_line(Fields(item, f"{fields.key('lines')}[{n}]", fields.source))
                  for n, item in enumerate(raw, start=1))
    code = fields.path.split(".", 1)[1]
    return fields.text("category", ""), Account(code, fields.text("name", code), lines)


def _category_for(code: str, named: str, categories: Mapping[str, Category]) -> str | None:
    if named:
        return named if named in categories else None
    best = None
    for candidate in categories:
        stem = candidate.rstrip("0")
        if code.startswith(stem) and (best is None or len(stem) > len(best.rstrip("0"))):
            best = candidate
    return best


def _categories(root: Fields) -> tuple[Category, ...]:
    categories: dict[str, Category] = {}
    for fields in _tables(root, "categories"):
        fields.only(frozenset({"name", "level", "fringe_account"}))
        code = fields.path.split(".", 1)[1]
        categories[code] = Category(code, fields.text("name", code),
                                    _choice(fields, "level", Level, "production"),
                                    fringe_account=fields.text("fringe_account", "") or None)
    accounts: dict[str, list[Account]] = {code: [] for code in categories}
    for fields in _tables(root, "accounts"):
        named, account = _account(fields)
        home = _category_for(account.code, named, categories)
        if home is None:
            raise fields.error(f"no category {named!r}" if named else
                               "no category matches this code; add category = \"...\"")
        accounts[home].append(account)
    return tuple(Category(c.code, c.name, c.level, tuple(accounts[code]), c.fringe_account)
                 for code, c in categories.items())


def _charge(fields: Fields) -> ContractualCharge:
    fields.only(frozenset({"name", "percent", "flat", "exclude_accounts",
                           "exclude_categories"}))
    if ("percent" in fields.table) == ("flat" in fields.table):
        raise fields.error("give exactly one of percent or flat")
    kind = ChargeKind.PERCENT if "percent" in fields.table else ChargeKind.FLAT
    key = fields.path.split(".", 1)[1]
    return ContractualCharge(key, fields.text("name", key), kind, fields.number(kind.value),
                             frozenset(fields.texts("exclude_accounts")),
                             frozenset(fields.texts("exclude_categories")))


def _incentive(fields: Fields) -> Incentive:
    fields.only(frozenset({"name", "percent", "accounts", "categories", "cap"}))
    key = fields.path.split(".", 1)[1]
    cap = fields.number("cap") if "cap" in fields.table else None
    return Incentive(key, fields.text("name", key), fields.number("percent"),
                     frozenset(fields.texts("accounts")), frozenset(fields.texts("categories")),
                     cap)


def _person(fields: Fields) -> Person:
    fields.only(frozenset({"name", "ytd_wages"}))
    key = fields.path.split(".", 1)[1]
    return Person(key, fields.text("name", ""), fields.number("ytd_wages", Decimal(0)))


def _group(fields: Fields) -> Group:
    fields.only(frozenset({"name", "excluded"}))
    key = fields.path.split(".", 1)[1]
    return Group(key, fields.text("name", ""), fields.flag("excluded"))


def _rates(root: Fields) -> dict[str, Decimal]:
    table = Fields(root.sub("exchange_rates"), "exchange_rates", root.source)
    return {code.upper(): table.number(code) for code in table.table}


def _posting(root: Fields) -> FringePosting:
    fields = Fields(root.sub("fringe_posting"), "fringe_posting", root.source)
    fields.only(frozenset({"mode", "account"}))
    return FringePosting(_choice(fields, "mode", PostingMode, "account"),
                         fields.text("account", ""))


def read_budget(text: str, *, source: str = "") -> Budget:
    """Read a TOML budget; raises InputError naming the key path of the first problem."""
    root = Fields(load_toml(text, source=source), "", source)
    root.only(_TOP)
    currency = root.text("currency")
    if len(currency) != 3 or not currency.isalpha():
        raise root.error("expected a 3-letter currency code such as \"USD\"", "currency")
    return Budget(
        title=root.text("title"), currency=currency.upper(), version=root.text("version", ""),
        categories=_categories(root), fringes=tuple(_fringe(f) for f in _tables(root, "fringes")),
        globals=_globals(root), units=_units(root),
        groups=tuple(_group(f) for f in _tables(root, "groups")),
        people=tuple(_person(f) for f in _tables(root, "people")),
        charges=tuple(_charge(f) for f in _tables(root, "charges")),
        incentives=tuple(_incentive(f) for f in _tables(root, "incentives")),
        fringe_posting=_posting(root), exchange_rates=_rates(root))
