"""The demo's budget and payroll accounts, through the budgets and timecards services.

- `add_budget`: the sample budget (the-night-ferry.budget.toml, GBP, the engine's "short"
  chart of accounts) imported as the "Original budget" with the budgets app's
  `budget_import`, whose default links every schedule-named global (SHOOT_DAYS, CAST_..._WORK,
  LOC_..._DAYS...) to the schedule. Skipped when the production has a budget already.
- `add_payroll_accounts`: the budget account each department's approved timecards post to
  (`PAYROLL_ACCOUNTS`: camera, electric and grip crews to 2002 Camera & lighting, cast to
  1004 Cast...; department "" is the default for the others). Only departments without an
  account are set, so an account someone changed on the site survives a re-run.

Both return a one-line note for people and are skipped, with a note, when their app is not
installed. The actor needs EDIT_BUDGET, VIEW_MONEY and POST_LEDGER (the demo producer).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.apps import apps

from lynchpin.demo.samples import BUDGET_FILE, sample_bytes

__all__ = ["BUDGET_NAME", "PAYROLL_ACCOUNTS", "add_budget", "add_payroll_accounts"]

#: Name of the demo's imported budget version.
BUDGET_NAME = "Original budget"

#: Department of the demo people -> account of the sample budget's chart ("" = default).
PAYROLL_ACCOUNTS: Mapping[str, str] = {
    "": "2001",                      # Production
    "Camera": "2002",                # Camera & lighting
    "Camera (second unit)": "2002",
    "Electric": "2002",
    "Grip": "2002",
    "Sound": "2003",                 # Sound
    "Script": "2001",                # Production (the script supervisor)
    "Makeup": "2004",                # Art, wardrobe, makeup
    "Locations": "4001",             # Locations & permits
    "Cast": "1004",                  # Cast
}


def add_budget(*, actor: Any, production_id: int) -> str:
    """Import the sample budget unless the production has one; a one-line note.

    Raises the engine's InputError for a broken sample and the budgets app's errors (bugs).
    """
    if not apps.is_installed("lynchpin.budgets"):
        return "Budget: the budgets app is not installed; no budget imported."
    from lynchpin.budgets.selectors import budget_list
    from lynchpin.budgets.services import budget_import
    from lynchpin.engine.budgeting.budget_file import read_budget

    versions = budget_list(actor=actor, production_id=production_id)
    if versions.exists():
        return f"Budget: kept the {versions.count()} version(s) already there."
    budget = read_budget(sample_bytes(BUDGET_FILE).decode("utf-8"), source=BUDGET_FILE)
    version = budget_import(actor=actor, production_id=production_id, name=BUDGET_NAME,
                            budget=budget)
    accounts = version.accounts.count()
    fed = version.globals.filter(schedule_fed=True).count()
    return (f"Budget: {BUDGET_FILE} imported as \u201c{BUDGET_NAME}\u201d ({budget.currency}, "
            f"{accounts} accounts, {fed} globals fed by the schedule).")


def add_payroll_accounts(*, actor: Any, production_id: int) -> str:
    """Set `PAYROLL_ACCOUNTS` for each of its departments the production has (and the
    default) that has no payroll account yet; a one-line note. Other departments post to
    the default. Raises the timecards services' errors (bugs)."""
    if not apps.is_installed("lynchpin.people"):
        return "Payroll accounts: the people app is not installed; none set."
    from lynchpin.people.timecards.selectors import payroll_account_list
    from lynchpin.people.timecards.services import payroll_accounts_set

    current = {row["department"]: row["account"]
               for row in payroll_account_list(actor=actor, production_id=production_id)}
    missing = {department: account for department, account in PAYROLL_ACCOUNTS.items()
               if department in current.keys() | {""} and not current.get(department)}
    if missing:
        payroll_accounts_set(actor=actor, production_id=production_id, accounts=missing)
    kept = sum(1 for account in current.values() if account)
    if not missing:
        return f"Payroll accounts: kept the {kept} already set."
    return (f"Payroll accounts: {len(missing)} set, each department to its budget account "
            f"(default {PAYROLL_ACCOUNTS['']})" + (f"; {kept} kept." if kept else "."))
