"""Writes of budget versions: create from a template, import, copy, lock, delete.

Every one needs EDIT_BUDGET, runs in one transaction and records one audit entry. A new
version takes the production's currency (an imported budget keeps its own). The original
budget is locked once approved; revisions are copies of it (`based_on`), and a locked version
refuses every edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from lynchpin.budgets.adapters import load_budget, save_budget
from lynchpin.budgets.models import BudgetVersion, valid_id
from lynchpin.budgets.services.common import computed, member, version_for_update
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.core.roles import Capability
from lynchpin.core.validation import clean_or_invalid
from lynchpin.engine.budgeting.model import Budget, Global
from lynchpin.engine.budgeting.templates import load_template, template_names
from lynchpin.engine.budgeting.totals import price_budget

__all__ = [
    "SCHEDULE_GLOBALS",
    "budget_create_from_template",
    "budget_delete",
    "budget_import",
    "budget_lock",
    "budget_version_copy",
]

#: Globals every budget made from a template starts with, fed by the schedule (name = key).
SCHEDULE_GLOBALS = (
    Global("SHOOT_DAYS", Decimal(0), "Shoot days (from the schedule)"),
    Global("PREP_WEEKS", Decimal(0), "Prep weeks (from the schedule)"),
    Global("WRAP_WEEKS", Decimal(0), "Wrap weeks (from the schedule)"),
)


def _create(membership: Any, actor: Any, *, name: str, template: str, budget: Budget,
            feed_keys: Mapping[str, str], based_on: BudgetVersion | None,
            action: str) -> BudgetVersion:
    """Save a new version holding `budget`; Invalid names `name` when it is taken."""
    name = name.strip()
    if BudgetVersion.objects.filter(production=membership.production, name=name).exists():
        raise Invalid(f"There is already a budget version called \u201c{name}\u201d.",
                      fields={"name": ["Choose another name."]})
    version = BudgetVersion(production=membership.production, name=name,
                            template=template,
                            currency=budget.currency.upper(), based_on=based_on,
                            created_by=actor)
    clean_or_invalid(version)
    computed(lambda: price_budget(budget))  # refuses a budget that cannot be priced
    version.save()
    save_budget(version, budget, feed_keys=feed_keys)
    lines = sum(len(account.lines) for _, account in budget.accounts())
    changes = {"name": [None, version.name], "template": [None, template],
               "currency": [None, version.currency], "lines": [None, lines]}
    if based_on is not None:
        changes["based_on"] = [None, based_on.name]
    audit_record(actor=actor, action=action, target=version,
                 production_id=membership.production_id, changes=changes)
    return version


@transaction.atomic
def budget_create_from_template(
    *, actor: Any, production_id: int, template: str, name: str
) -> BudgetVersion:
    """A new, empty version laid out as chart-of-accounts `template` (engine
    `template_names()`), with its fringe table and the schedule-fed globals SHOOT_DAYS,
    PREP_WEEKS and WRAP_WEEKS at 0. Requires EDIT_BUDGET; Invalid for an unknown template
    or a name already used by another version of the production."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    if template not in template_names():
        raise Invalid(f"Unknown budget template {template!r}.",
                      fields={"template": [f"Choose one of {', '.join(template_names())}."]})
    production = membership.production
    budget = load_template(template, currency=production.currency, title=production.title)
    budget = replace(budget, globals=SCHEDULE_GLOBALS)
    links = {item.name: item.name for item in SCHEDULE_GLOBALS}
    return _create(membership, actor, name=name, template=template, budget=budget,
                   feed_keys=links, based_on=None, action="budget.create")


@transaction.atomic
def budget_import(
    *, actor: Any, production_id: int, name: str, budget: Budget,
    feed_keys: Mapping[str, str] | None = None
) -> BudgetVersion:
    """A new version holding the engine `budget` (read from a TOML budget or an exported
    workbook, or built by the demo), in the budget's own currency. `feed_keys` marks
    globals as schedule-fed (global name -> feed key); by default every global named like
    a schedule value (SHOOT_DAYS, CAST_..._WORK, LOC_..._DAYS...) follows it. Requires
    EDIT_BUDGET; Invalid for a taken name or values the rows cannot hold."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    links = dict(feed_keys) if feed_keys is not None else _schedule_named(budget)
    return _create(membership, actor, name=name, template="", budget=budget, feed_keys=links,
                   based_on=None, action="budget.import")


def _schedule_named(budget: Budget) -> dict[str, str]:
    """Globals whose names are schedule feed keys, each following itself."""
    fixed = {"SHOOT_DAYS", "PREP_WEEKS", "WRAP_WEEKS"}
    suffixes = ("_WORK", "_HOLD", "_TRAVEL")
    return {g.name: g.name for g in budget.globals
            if g.name in fixed or (g.name.startswith("CAST_") and g.name.endswith(suffixes))
            or (g.name.startswith("LOC_") and g.name.endswith("_DAYS"))}


@transaction.atomic
def budget_version_copy(
    *, actor: Any, production_id: int, budget_id: int, name: str
) -> BudgetVersion:
    """A new version with everything of version `budget_id` (locked or not): chart,
    lines, fringes, globals with their schedule links, extras. Requires EDIT_BUDGET; raises
    NotFound, or Invalid for a taken name."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    source = version_for_update(production_id, budget_id, editing=False)
    loaded = load_budget(source, title=membership.production.title)
    links = dict(source.globals.filter(schedule_fed=True).values_list("name", "feed_key"))
    return _create(membership, actor, name=name, template=source.template,
                   budget=loaded.budget, feed_keys=links, based_on=source,
                   action="budget.copy")


@transaction.atomic
def budget_lock(
    *, actor: Any, production_id: int, budget_id: int, expected_version: int
) -> BudgetVersion:
    """Lock the version read at `expected_version` (e.g. the approved original): from
    now on it refuses edits. Requires EDIT_BUDGET; Conflict when stale or already locked."""
    member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    version.locked, version.locked_at, version.locked_by = True, timezone.now(), actor
    version.compare_and_set(expected_version=expected_version if valid_id(expected_version)
                            else 0, fields=("locked", "locked_at", "locked_by"))
    audit_record(actor=actor, action="budget.lock", target=version,
                 production_id=production_id, changes={"locked": [False, True]})
    return version


@transaction.atomic
def budget_delete(
    *, actor: Any, production_id: int, budget_id: int, expected_version: int
) -> None:
    """Delete an unlocked version read at `expected_version` with all its rows. Requires
    EDIT_BUDGET; Conflict when stale or locked (a locked version is kept)."""
    member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    if version.version != expected_version:
        raise Conflict(f"The budget version \u201c{version.name}\u201d was changed by someone "
                       "else since you opened it; reload it, then try again.")
    audit_record(actor=actor, action="budget.delete", target=version,
                 production_id=production_id, changes={"name": [version.name, None]})
    version.delete()
