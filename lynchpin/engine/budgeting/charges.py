"""Top-sheet contractual charges (contingency, insurance, overhead, bond) and incentives.

Charges: a PERCENT charge is ``rate`` % of its base, the sum of the account totals (fringes
as posted) outside its excluded accounts and categories; a FLAT charge is ``rate`` in the
budget currency. Charges never compound: each base leaves other charges out.
Incentives come after charges: ``percent`` % of the qualifying accounts' and categories'
totals, at most `cap`; they reduce the net total, not the grand total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from lynchpin.engine.budgeting.model import ChargeKind, ContractualCharge, Incentive

_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class ChargeAmount:
    """A charge or incentive on the top sheet: its `base` and `amount` (full precision)."""

    id: str
    name: str
    base: Decimal
    amount: Decimal


def _base(
    account_totals: Mapping[str, Decimal],
    account_category: Mapping[str, str],
    accounts: frozenset[str],
    categories: frozenset[str],
    *,
    include: bool,
) -> Decimal:
    """Sum of the accounts listed (include=True) or of all others (include=False)."""
    total = Decimal(0)
    for code, amount in account_totals.items():
        listed = code in accounts or account_category.get(code) in categories
        if listed == include:
            total += amount
    return total


def charge_amounts(
    charges: tuple[ContractualCharge, ...],
    account_totals: Mapping[str, Decimal],
    account_category: Mapping[str, str],
) -> tuple[ChargeAmount, ...]:
    """Every charge's base and amount."""
    result = []
    for charge in charges:
        base = _base(account_totals, account_category, charge.excluded_accounts,
                     charge.excluded_categories, include=False)
        amount = base * charge.rate / _HUNDRED if charge.kind is ChargeKind.PERCENT else charge.rate
        result.append(ChargeAmount(charge.id, charge.name, base, amount))
    return tuple(result)


def incentive_amounts(
    incentives: tuple[Incentive, ...],
    account_totals: Mapping[str, Decimal],
    account_category: Mapping[str, str],
) -> tuple[ChargeAmount, ...]:
    """Every incentive's qualifying base and credit (capped)."""
    result = []
    for incentive in incentives:
        base = _base(account_totals, account_category, incentive.accounts,
                     incentive.categories, include=True)
        amount = base * incentive.percent / _HUNDRED
        if incentive.cap is not None:
            amount = min(amount, incentive.cap)
        result.append(ChargeAmount(incentive.id, incentive.name, base, amount))
    return tuple(result)
