"""Writes of a version's settings: contractual charges, tax incentives, line groups, people
(the year-to-date wages of fringe ranges), exchange rates and units (their hours).

They are kept with the version as one JSON document (`BudgetVersion.extras`, shape in
`adapters.extras`); here each is an item with an id: a charge's or incentive's code, a
group's id, a person's id, a currency, a unit's name (found whatever its case, as lines
name units). `budget_setting_set` without `expected` adds an item
(Conflict when the id is taken: someone else added it); with it, changes the item read with
that token (`adapters.item_token`, a digest of the item as stored: Conflict when anyone changed
it since, so two people editing different items never collide). EDIT_BUDGET, an unlocked
version, one transaction, one audit entry; the budget is priced before the write commits.
Ids are what lines and reports refer to, so they are never renamed, and a group, person,
currency or unit of its own (not one of the default units, which it only overrides) still used
by a line is not deleted (Invalid names the lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from lynchpin.budgets.adapters import (
    item_token,
    priced_budget,
    setting_items,
    with_setting_items,
)
from lynchpin.budgets.models import BudgetVersion
from lynchpin.budgets.services.common import (
    computed,
    in_use,
    member,
    number_field,
    touch,
    version_for_update,
)
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.engine.budgeting.model import Budget, ChargeKind
from lynchpin.engine.budgeting.units import default_units

__all__ = ["SETTINGS", "Setting", "budget_setting_delete", "budget_setting_set"]

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")
_CURRENCY = re.compile(r"[A-Z]{3}")
#: Largest percent a charge or incentive may take (a charge of 1,000 % is a typing slip).
MAX_PERCENT = Decimal(1000)


def _bad(field: str, message: str) -> Invalid:
    return Invalid(f"{field}: {message}", fields={field: [message]})


def _code_id(item_id: str, version: BudgetVersion) -> str:
    """A code, a name or an id as typed (without surrounding spaces)."""
    item_id = item_id.strip()
    if not _CODE.fullmatch(item_id):
        raise _bad("id", "Use letters, digits, '.', '_' or '-', at most 40.")
    return item_id


def _currency_id(item_id: str, version: BudgetVersion) -> str:
    """A currency code, upper-cased; never the version's own currency."""
    item_id = item_id.strip().upper()
    if not _CURRENCY.fullmatch(item_id):
        raise _bad("id", "Use a three-letter currency code such as USD.")
    if item_id == version.currency:
        raise _bad("id", f"{item_id} is the budget's own currency.")
    return item_id


def _text(item: Mapping[str, Any], field: str, *, limit: int = 120) -> str:
    value = str(item.get(field) or "").strip()
    if len(value) > limit or "\x00" in value:
        raise _bad(field, f"Use at most {limit} characters.")
    return value


def _decimal(item: Mapping[str, Any], field: str, *, high: Decimal | None = None,
             optional: bool = False, positive: bool = False) -> str | None:
    """The field as a decimal string, 0 or more (`positive`: above 0) and at most `high`;
    None when `optional` and blank (`common.number_field` reads it)."""
    value = number_field(item.get(field), field, optional=optional)
    if value is None:
        return None
    if value < 0 or (positive and value == 0) or (high is not None and value > high):
        bound = "above 0" if positive else "0 or more"
        raise _bad(field, f"Enter a number {bound}{'' if high is None else f' up to {high}'}.")
    return str(value)


def _codes(item: Mapping[str, Any], field: str, known: set[str], what: str) -> list[str]:
    """Codes typed as a list or as text separated by commas or spaces; each must be one of
    `known` (the budget's account or category codes)."""
    raw = item.get(field) or []
    if isinstance(raw, str):
        parts = re.split(r"[\s,]+", raw)
    elif isinstance(raw, list | tuple) and all(isinstance(code, str) for code in raw):
        parts = list(raw)
    else:
        raise _bad(field, f"List the {what} codes, separated by commas.")
    codes = sorted({part.strip() for part in parts if part.strip()})
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise _bad(field, f"No {what} {', '.join(unknown[:5])} in this budget.")
    return codes


def _account_codes(budget: Budget) -> set[str]:
    return {account.code for _, account in budget.accounts()}


def _category_codes(budget: Budget) -> set[str]:
    return {category.code for category in budget.categories}


def _charge(item: Mapping[str, Any], budget: Budget) -> dict[str, Any]:
    kind = str(item.get("kind") or ChargeKind.PERCENT.value)
    if kind not in {k.value for k in ChargeKind}:
        raise _bad("kind", "Choose percent or flat.")
    high = MAX_PERCENT if kind == ChargeKind.PERCENT.value else None
    return {"name": _text(item, "name"), "kind": kind, "rate": _decimal(item, "rate", high=high),
            "excluded_accounts": _codes(item, "excluded_accounts", _account_codes(budget),
                                        "account"),
            "excluded_categories": _codes(item, "excluded_categories", _category_codes(budget),
                                          "category")}


def _incentive(item: Mapping[str, Any], budget: Budget) -> dict[str, Any]:
    cleaned = {"name": _text(item, "name"),
               "percent": _decimal(item, "percent", high=Decimal(100)),
               "accounts": _codes(item, "accounts", _account_codes(budget), "account"),
               "categories": _codes(item, "categories", _category_codes(budget), "category"),
               "cap": _decimal(item, "cap", optional=True)}
    if not cleaned["accounts"] and not cleaned["categories"]:
        raise _bad("accounts", "Name the qualifying accounts or categories.")
    return cleaned


def _group(item: Mapping[str, Any], budget: Budget) -> dict[str, Any]:
    return {"name": _text(item, "name"), "excluded": bool(item.get("excluded"))}


def _person(item: Mapping[str, Any], budget: Budget) -> dict[str, Any]:
    return {"name": _text(item, "name"), "ytd_wages": _decimal(item, "ytd_wages")}


def _rate(item: Mapping[str, Any], budget: Budget) -> dict[str, Any]:
    return {"rate": _decimal(item, "rate", positive=True)}


def _unit(item: Mapping[str, Any], budget: Budget) -> dict[str, Any]:
    return {"hours": _decimal(item, "hours", optional=True, positive=True)}


def _unit_users(budget: Budget, name: str) -> list[str]:
    if name.lower() in {unit.name.lower() for unit in default_units()}:
        return []  # deleting an override brings the default back
    return _lines_where(budget, lambda line: line.unit.lower() == name.lower())


def _lines_where(budget: Budget, used: Callable[[Any], bool]) -> list[str]:
    return [f"{account.code} line {n}" for _, account in budget.accounts()
            for n, line in enumerate(account.lines, start=1) if used(line)]


@dataclass(frozen=True)
class Setting:
    """One kind of setting: its key in the extras document, the name of one item, the
    cleaning of a typed item (fields without the id; raises Invalid naming the field), the
    check of a typed id (its stored form, or Invalid), the lines that use an item (a used item
    is not deleted) and the form of an id two items must not share."""

    key: str
    label: str
    clean: Callable[[Mapping[str, Any], Budget], dict[str, Any]]
    check_id: Callable[[str, BudgetVersion], str] = _code_id
    used_by: Callable[[Budget, str], list[str]] = lambda budget, item_id: []
    same: Callable[[str], str] = str


#: Every setting by its key (`adapters.SETTING_KEYS`, in that order: the extras document's
#: keys and the names pages and the API use).
SETTINGS: dict[str, Setting] = {setting.key: setting for setting in (
    Setting("charges", "Contractual charge", _charge),
    Setting("incentives", "Incentive", _incentive),
    Setting("groups", "Group", _group,
            used_by=lambda b, i: _lines_where(b, lambda line: i in line.groups)),
    Setting("people", "Person", _person,
            used_by=lambda b, i: _lines_where(b, lambda line: line.person == i)),
    Setting("exchange_rates", "Exchange rate", _rate, check_id=_currency_id,
            used_by=lambda b, i: _lines_where(b, lambda line: line.currency == i)),
    Setting("units", "Unit", _unit, used_by=_unit_users, same=str.lower),
)}


def _store(version: BudgetVersion, key: str, items: list[dict[str, Any]]) -> None:
    version.extras = with_setting_items(version.extras, key, items)
    BudgetVersion.objects.filter(pk=version.pk).update(extras=version.extras)


def _setting(key: str) -> Setting:
    setting = SETTINGS.get(key)
    if setting is None:
        raise NotFound("No such budget setting.")
    return setting


def _find(items: list[dict[str, Any]], item_id: str, setting: Setting) -> int | None:
    key = setting.same(item_id)
    return next((n for n, item in enumerate(items) if setting.same(item["id"]) == key), None)


def _current(items: list[dict[str, Any]], index: int | None, setting: Setting, item_id: str,
             expected: str | None) -> dict[str, Any] | None:
    """The stored item being changed (None: adding), checked against `expected`."""
    if index is None:
        if expected:
            raise NotFound(f"{setting.label} {item_id} no longer exists; reload the page.")
        return None
    if not expected:
        raise Conflict(f"{setting.label} {item_id} already exists (someone may have just "
                       "added it); reload the page and change it there.")
    if item_token(items[index]) != expected:
        raise Conflict(f"{setting.label} {item_id} was changed by someone else since you read "
                       "it; reload the page to see the change.")
    return items[index]


@transaction.atomic
def budget_setting_set(*, actor: Any, production_id: int, budget_id: int, key: str,
                       item_id: str, fields: Mapping[str, Any],
                       expected: str | None = None) -> dict[str, Any]:
    """Add item `item_id` of setting `key` (no `expected`) or change it (read with token
    `expected`); returns the stored item. Requires EDIT_BUDGET; raises NotFound (no such
    version or setting), Conflict (locked, taken id, stale token) or Invalid naming the bad
    field (a currency equal to the budget's own is one)."""
    setting = _setting(key)
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    item_id = setting.check_id(str(item_id or ""), version)
    items = setting_items(version.extras, key)
    index = _find(items, item_id, setting)
    if index is not None:
        item_id = items[index]["id"]  # as first typed
    before = _current(items, index, setting, item_id, expected)
    budget = priced_budget(version, title=membership.production.title).budget
    item = {"id": item_id, **setting.clean(fields, budget)}
    if index is None:
        items.append(item)
    else:
        items[index] = item
    _store(version, key, items)
    touch(version)
    computed(lambda: priced_budget(version, title=membership.production.title))
    audit_record(actor=actor, action=f"budget_{key}.set", target=version,
                 production_id=production_id, label=f"{version.name}: {item_id}",
                 changes={name: [None if before is None else before.get(name), value]
                          for name, value in item.items()
                          if before is None or before.get(name) != value})
    return item


@transaction.atomic
def budget_setting_delete(*, actor: Any, production_id: int, budget_id: int, key: str,
                          item_id: str, expected: str) -> None:
    """Delete item `item_id` of setting `key`, read with token `expected`. Requires
    EDIT_BUDGET; raises NotFound, Conflict (locked, stale) or Invalid while lines use it."""
    setting = _setting(key)
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    items = setting_items(version.extras, key)
    index = _find(items, str(item_id), setting)
    if index is None:
        raise NotFound(f"{setting.label} {item_id} no longer exists; reload the page.")
    _current(items, index, setting, str(item_id), expected or "-")
    budget = priced_budget(version, title=membership.production.title).budget
    users = setting.used_by(budget, str(item_id))
    if users:
        raise in_use(f"{setting.label} {item_id}", users)
    removed = items.pop(index)
    _store(version, key, items)
    touch(version)
    computed(lambda: priced_budget(version, title=membership.production.title))
    audit_record(actor=actor, action=f"budget_{key}.delete", target=version,
                 production_id=production_id, label=f"{version.name}: {item_id}",
                 changes={name: [value, None] for name, value in removed.items()})
