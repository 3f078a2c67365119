"""The engine values kept in `BudgetVersion.extras` (JSON) <-> engine values.

Shape (every number a decimal string, so JSON never holds a float)::

    {"units": [{"name": "Day", "hours": "10"}, {"name": "Flat", "hours": null}],
     "exchange_rates": {"GBP": "1.27"},
     "people": [{"id": "p1", "name": "Ann", "ytd_wages": "25000"}],
     "groups": [{"id": "OPTION", "name": "Optional scenes", "excluded": true}],
     "charges": [{"id": "CONT", "name": "Contingency", "kind": "percent", "rate": "10",
                  "excluded_accounts": [], "excluded_categories": []}],
     "incentives": [{"id": "TAX", "name": "Credit", "percent": "25", "accounts": [],
                     "categories": ["2300"], "cap": null}]}

Absent keys mean none. `extras_from_json` raises Invalid naming ``extras.<key>`` for a
malformed document (only possible when the column was edited by hand).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from lynchpin.core.errors import Invalid
from lynchpin.engine.budgeting.model import (
    Budget,
    ChargeKind,
    ContractualCharge,
    Group,
    Incentive,
    Person,
    Unit,
)

__all__ = ["SETTING_KEYS", "extras_from_json", "extras_to_json", "item_token", "setting_items",
           "with_setting_items"]

#: The keys of the document edited item by item (all of them).
SETTING_KEYS = ("charges", "incentives", "groups", "people", "exchange_rates", "units")


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def extras_to_json(budget: Budget) -> dict[str, Any]:
    """The JSON document of `budget`'s units, rates, people, groups, charges, incentives."""
    data: dict[str, Any] = {
        "units": [{"name": u.name, "hours": _number(u.hours)} for u in budget.units],
        "exchange_rates": {code: str(rate) for code, rate in budget.exchange_rates.items()},
        "people": [{"id": p.id, "name": p.name, "ytd_wages": str(p.ytd_wages)}
                   for p in budget.people],
        "groups": [{"id": g.id, "name": g.name, "excluded": g.excluded} for g in budget.groups],
        "charges": [{"id": c.id, "name": c.name, "kind": c.kind.value, "rate": str(c.rate),
                     "excluded_accounts": sorted(c.excluded_accounts),
                     "excluded_categories": sorted(c.excluded_categories)}
                    for c in budget.charges],
        "incentives": [{"id": i.id, "name": i.name, "percent": str(i.percent),
                        "accounts": sorted(i.accounts), "categories": sorted(i.categories),
                        "cap": _number(i.cap)} for i in budget.incentives],
    }
    return {key: value for key, value in data.items() if value}


def _dec(text: Any, where: str) -> Decimal:
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or isinstance(text, float):
        raise Invalid(f"{where}: expected a number as text, found {text!r}",
                      fields={"extras": [f"{where} is not a number."]})
    return value


def _items(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise Invalid(f"extras.{key}: expected a list of objects",
                      fields={"extras": [f"extras.{key} is malformed."]})
    return items


def _charge(item: dict[str, Any]) -> ContractualCharge:
    return ContractualCharge(
        item["id"], item.get("name", item["id"]), ChargeKind(item.get("kind", "percent")),
        _dec(item.get("rate", "0"), f"extras.charges.{item['id']}.rate"),
        frozenset(item.get("excluded_accounts", ())),
        frozenset(item.get("excluded_categories", ())))


def _incentive(item: dict[str, Any]) -> Incentive:
    where = f"extras.incentives.{item['id']}"
    cap = item.get("cap")
    return Incentive(
        item["id"], item.get("name", item["id"]), _dec(item["percent"], f"{where}.percent"),
        frozenset(item.get("accounts", ())), frozenset(item.get("categories", ())),
        None if cap is None else _dec(cap, f"{where}.cap"))


def extras_from_json(data: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments of `Budget` (units, exchange_rates, people, groups, charges,
    incentives) from the JSON document; raises Invalid for a malformed one."""
    try:
        rates = data.get("exchange_rates", {})
        return {
            "units": tuple(Unit(u["name"], None if u.get("hours") is None
                                else _dec(u["hours"], f"extras.units.{u['name']}"))
                           for u in _items(data, "units")),
            "exchange_rates": {str(code).upper(): _dec(rate, f"extras.exchange_rates.{code}")
                               for code, rate in dict(rates).items()},
            "people": tuple(Person(p["id"], p.get("name", ""),
                                   _dec(p.get("ytd_wages", "0"), f"extras.people.{p['id']}"))
                            for p in _items(data, "people")),
            "groups": tuple(Group(g["id"], g.get("name", ""), bool(g.get("excluded", False)))
                            for g in _items(data, "groups")),
            "charges": tuple(_charge(c) for c in _items(data, "charges")),
            "incentives": tuple(_incentive(i) for i in _items(data, "incentives")),
        }
    except (KeyError, TypeError, ValueError) as error:
        raise Invalid(f"The budget's extra settings are malformed ({error}).",
                      fields={"extras": ["Malformed."]}) from None


def setting_items(extras: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    """The items under `key` (one of SETTING_KEYS) in order, each a new dict with its
    ``id``; exchange rates, kept as a mapping, become ``{"id": currency, "rate": ...}``, and
    units, named by their ``name``, ``{"id": name, "hours": ...}``."""
    if key == "exchange_rates":
        return [{"id": code, "rate": rate}
                for code, rate in dict(extras.get(key) or {}).items()]
    if key == "units":
        return [{"id": unit["name"], "hours": unit.get("hours")} for unit in extras.get(key) or ()]
    return [dict(item) for item in extras.get(key) or ()]


def with_setting_items(extras: Mapping[str, Any], key: str,
                       items: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of `extras` with `items` (as `setting_items` gives them) under `key`; an
    empty list removes the key."""
    document = dict(extras)
    value: Any = items
    if key == "exchange_rates":
        value = {item["id"]: item["rate"] for item in items}
    elif key == "units":
        value = [{"name": item["id"], "hours": item["hours"]} for item in items]
    if value:
        document[key] = value
    else:
        document.pop(key, None)
    return document


def item_token(item: Mapping[str, Any]) -> str:
    """A digest of `item` as stored: the token an editor sends back to change it."""
    printed = json.dumps(item, sort_keys=True, default=str)
    return hashlib.sha256(printed.encode()).hexdigest()[:16]
