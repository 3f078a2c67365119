"""The payroll accounts of a production: which budget account each department's approved
timecards are posted to (department "" is the default for the others)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from lynchpin.core.access import membership_for, require
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Invalid
from lynchpin.core.roles import Capability
from lynchpin.people.models import PayrollAccount

__all__ = ["payroll_accounts_set"]

_DEPARTMENT_LENGTH = 80
_ACCOUNT_LENGTH = 40


def _cleaned(accounts: Mapping[str, str]) -> dict[str, str]:
    """Department -> account, stripped; Invalid naming the department for bad text."""
    cleaned: dict[str, str] = {}
    for department, account in accounts.items():
        name, code = str(department).strip(), str(account or "").strip()
        if len(name) > _DEPARTMENT_LENGTH or "\x00" in name:
            raise Invalid("Department names are at most 80 characters.",
                          fields={"department": ["At most 80 characters."]})
        if len(code) > _ACCOUNT_LENGTH or "\x00" in code:
            message = f"{name or 'Default'}: an account code is at most 40 characters."
            raise Invalid(message, fields={name or "default": [message]})
        cleaned[name] = code
    return cleaned


@transaction.atomic
def payroll_accounts_set(*, actor: Any, production_id: int,
                         accounts: Mapping[str, str]) -> dict[str, str]:
    """Set the payroll account of each department in `accounts` (department "" is the
    default; an empty account removes the department's row). Departments not named keep
    theirs. Returns every department's account after the change.

    Requires VIEW_MONEY and POST_LEDGER. The account codes are checked against the budget
    when a week is posted (the ledger refuses an account that is not in the budget).
    """
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_MONEY)
    require(membership, Capability.POST_LEDGER)
    rows = PayrollAccount.objects.select_for_update().filter(production_id=production_id)
    before = dict(rows.values_list("department", "account"))
    for department, account in _cleaned(accounts).items():
        if account:
            PayrollAccount.objects.update_or_create(
                production_id=production_id, department=department,
                defaults={"account": account})
        else:
            PayrollAccount.objects.filter(production_id=production_id,
                                          department=department).delete()
    after = dict(PayrollAccount.objects.filter(production_id=production_id)
                 .values_list("department", "account"))
    changes = {f"account[{name or 'default'}]": [before.get(name), after.get(name)]
               for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name)}
    if changes:
        audit_record(actor=actor, action="payroll_accounts.set",
                     target=membership.production, production_id=production_id,
                     changes=changes, label="Payroll accounts")
    return after
