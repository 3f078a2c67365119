"""Writes of a version's globals and fringes: set (add or change) and delete.

EDIT_BUDGET, an unlocked version, one transaction, one audit entry each. `*_set` without
`expected_version` adds (Conflict when the name is taken: someone else added it); with it,
changes the row read at that version (Conflict when stale). A global's name and a fringe's
code are what formulas and lines refer to, so they are never renamed, and one still in use
is not deleted (Invalid says where it is used).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max

from lynchpin.budgets.adapters import checked_cell, priced_budget
from lynchpin.budgets.models import BudgetFringe, BudgetGlobal, BudgetVersion, valid_id
from lynchpin.budgets.services.common import (
    computed,
    in_use,
    member,
    number_field,
    touch,
    version_for_update,
)
from lynchpin.core.audit import audit_record, changes_between, snapshot
from lynchpin.core.errors import Conflict, NotFound
from lynchpin.core.roles import Capability
from lynchpin.core.validation import clean_or_invalid
from lynchpin.engine.budgeting.formulas import FormulaError, compile_formula
from lynchpin.engine.budgeting.model import Budget, Formula

__all__ = ["fringe_delete", "fringe_set", "global_delete", "global_set"]

GLOBAL_FIELDS = ("value", "description", "schedule_fed", "feed_key")
FRINGE_FIELDS = ("name", "kind", "rate", "per", "cutoff", "uses_ytd")


def _next_order(rows: Any) -> int:
    last = rows.aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


def _existing(model: Any, version: BudgetVersion, key: dict[str, Any],
              expected_version: int | None, label: str) -> Any:
    """The row to change (locked), or None to add one; Conflict/NotFound when the caller's
    idea of the row is out of date."""
    row = model.objects.select_for_update().filter(budget=version, **key).first()
    if row is None and expected_version is not None:
        raise NotFound(f"{label} no longer exists; reload the page.")
    if row is not None and expected_version is None:
        raise Conflict(f"{label} already exists (someone may have just added it); reload "
                       "the page and change it there.")
    return row


def _save(row: Any, fields: tuple[str, ...], expected_version: int | None) -> None:
    clean_or_invalid(row)
    if expected_version is None:
        row.save()
    else:
        version = expected_version if valid_id(expected_version) else 0  # 0: never stored
        row.compare_and_set(expected_version=version, fields=fields)


@transaction.atomic
def global_set(
    *, actor: Any, production_id: int, budget_id: int, name: str, value: str,
    description: str = "", schedule_fed: bool = False, feed_key: str = "",
    expected_version: int | None = None,
) -> BudgetGlobal:
    """Add global `name` (no `expected_version`) or change it (read at
    `expected_version`). `value` is a number or a formula over other globals; a
    `schedule_fed` global follows the schedule value `feed_key` (upper-cased). Requires
    EDIT_BUDGET; raises NotFound, Conflict or Invalid naming the bad fields."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    name = name.strip()
    row = _existing(BudgetGlobal, version, {"name": name}, expected_version, f"Global {name}")
    if row is None:
        row = BudgetGlobal(budget=version, name=name, order=_next_order(version.globals))
    before = snapshot(row, GLOBAL_FIELDS) if row.pk else {}
    row.value = checked_cell(value, field="value")
    row.description, row.schedule_fed = description.strip(), schedule_fed
    row.feed_key = feed_key.strip().upper()
    _save(row, GLOBAL_FIELDS, expected_version)
    touch(version)
    computed(lambda: priced_budget(version, title=membership.production.title))
    audit_record(actor=actor, action="budget_global.set", target=row,
                 production_id=production_id, label=f"{version.name}: {name}",
                 changes=changes_between(before, snapshot(row, GLOBAL_FIELDS)))
    return row


def _row(model: Any, production_id: int, pk: int, budget_id: int | None) -> Any:
    """The production's row `pk` (of version `budget_id` when given), or None."""
    if not valid_id(pk) or not (budget_id is None or valid_id(budget_id)):
        return None
    rows = model.objects.filter(pk=pk, budget__production_id=production_id)
    return (rows if budget_id is None else rows.filter(budget_id=budget_id)).first()


def _formula_names(cells: Any) -> set[str]:
    names: set[str] = set()
    for cell in cells:
        if isinstance(cell, Formula):
            try:
                names |= compile_formula(cell.text).names
            except FormulaError:
                continue  # a broken formula uses nothing; pricing reports it
    return names


def _global_users(budget: Budget, name: str) -> list[str]:
    """Where global `name` is used: line references and other globals' names."""
    users = [f"{account.code} line {n}" for _, account in budget.accounts()
             for n, line in enumerate(account.lines, start=1)
             if name in _formula_names((line.amount, line.multiplier, line.rate))]
    users += [g.name for g in budget.globals
              if g.name != name and name in _formula_names((g.value,))]
    return users


@transaction.atomic
def global_delete(*, actor: Any, production_id: int, global_id: int, expected_version: int,
                  budget_id: int | None = None) -> None:
    """Delete a global read at `expected_version`. Requires EDIT_BUDGET; raises NotFound,
    Conflict (stale, locked) or Invalid when a line or another global still uses it."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    row = _row(BudgetGlobal, production_id, global_id, budget_id)
    if row is None:
        raise NotFound("Global not found.")
    version = version_for_update(production_id, row.budget_id)
    users = _global_users(priced_budget(version, title=membership.production.title).budget,
                          row.name)
    if users:
        raise in_use(f"Global {row.name}", users)
    row.compare_and_set(expected_version=expected_version if valid_id(expected_version) else 0)
    audit_record(actor=actor, action="budget_global.delete", target=row,
                 production_id=production_id, label=f"{version.name}: {row.name}",
                 changes={"value": [row.value, None]})
    row.delete()
    touch(version)


@transaction.atomic
def fringe_set(
    *, actor: Any, production_id: int, budget_id: int, code: str, name: str, kind: str,
    rate: Decimal | str, per: str = "hour", cutoff: Decimal | str | None = None,
    uses_ytd: bool = True, expected_version: int | None = None,
) -> BudgetFringe:
    """Add fringe `code` (no `expected_version`) or change it. `kind` percent (`rate` in
    percent of the line total) or flat (`rate` money per `per`: hour, day, week, unit);
    `cutoff` caps the wage base (percent) or the amount (flat) per fringe range. Requires
    EDIT_BUDGET; raises NotFound, Conflict or Invalid naming the bad fields."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    code = code.strip()
    row = _existing(BudgetFringe, version, {"code": code}, expected_version, f"Fringe {code}")
    if row is None:
        row = BudgetFringe(budget=version, code=code, order=_next_order(version.fringes))
    before = snapshot(row, FRINGE_FIELDS) if row.pk else {}
    row.name, row.kind, row.per, row.uses_ytd = name.strip(), kind, per, uses_ytd
    row.rate = number_field(rate, "rate")
    row.cutoff = number_field(cutoff, "cutoff", optional=True)
    _save(row, FRINGE_FIELDS, expected_version)
    touch(version)
    computed(lambda: priced_budget(version, title=membership.production.title))
    audit_record(actor=actor, action="budget_fringe.set", target=row,
                 production_id=production_id, label=f"{version.name}: {code}",
                 changes=changes_between(before, snapshot(row, FRINGE_FIELDS)))
    return row


@transaction.atomic
def fringe_delete(*, actor: Any, production_id: int, fringe_id: int, expected_version: int,
                  budget_id: int | None = None) -> None:
    """Delete a fringe read at `expected_version`. Requires EDIT_BUDGET; raises NotFound,
    Conflict (stale, locked) or Invalid while lines still carry it."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    row = _row(BudgetFringe, production_id, fringe_id, budget_id)
    if row is None:
        raise NotFound("Fringe not found.")
    version = version_for_update(production_id, row.budget_id)
    budget = priced_budget(version, title=membership.production.title).budget
    users = [f"{account.code} line {n}" for _, account in budget.accounts()
             for n, line in enumerate(account.lines, start=1) if row.code in line.fringes]
    if users:
        raise in_use(f"Fringe {row.code}", users)
    row.compare_and_set(expected_version=expected_version if valid_id(expected_version) else 0)
    audit_record(actor=actor, action="budget_fringe.delete", target=row,
                 production_id=production_id, label=f"{version.name}: {row.code}",
                 changes={"rate": [str(row.rate), None]})
    row.delete()
    touch(version)
