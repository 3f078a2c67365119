"""Deal memo rows <-> the labour engine's `Deal` values (the only place both worlds meet).

`deal_from_memo` prices a stored deal memo with the engine (timecards, planned days, hot
costs); `memo_values_from_deal` turns an engine `Deal` (e.g. one read from a payroll file by
`lynchpin.engine.labour.payroll_file.read_payroll`) into the field values of a DealMemo.
Amounts stay exact both ways: the row keeps 4 decimal places, `Money` full precision.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lynchpin.engine.labour.model import Basis, Deal
from lynchpin.engine.money import Money
from lynchpin.people.models import DealMemo, Engagement

__all__ = ["deal_from_memo", "memo_values_from_deal"]


def deal_from_memo(memo: DealMemo) -> Deal:
    """The engine's Deal for `memo`: person = the contact's name (for cast, the character
    name, as payroll files and schedules name performers by their character cue), position
    and department from the engagement. Allowances are ordered by name (a JSON object has no
    reliable order in PostgreSQL's jsonb).

    Raises ValueError (from Money/Basis) for a row that bypassed validation.
    """
    engagement: Engagement = memo.engagement
    currency = memo.currency
    kit = Money(Decimal(memo.kit_rental), currency) if memo.kit_rental is not None else None
    allowances = tuple(
        (name, Money(Decimal(str(amount)), currency))
        for name, amount in sorted(dict(memo.allowances or {}).items())
    )
    return Deal(
        person=_person_name(engagement),
        position=engagement.position,
        agreement=memo.agreement,
        rate=Money(Decimal(memo.rate), currency),
        basis=Basis(memo.basis),
        guaranteed_hours=(
            Decimal(memo.guaranteed_hours) if memo.guaranteed_hours is not None else None
        ),
        department=engagement.department,
        kit_rental=kit,
        allowances=allowances,
        overtime_exempt=bool(memo.overtime_exempt),
        performer_class=memo.performer_class,
    )


def _person_name(engagement: Engagement) -> str:
    if engagement.kind == Engagement.Kind.CAST and engagement.character:
        return engagement.character
    return str(engagement.contact.name)


def memo_values_from_deal(deal: Deal) -> dict[str, Any]:
    """DealMemo field values (keyword arguments of `services.deal_memo_set`) for `deal`.

    The person, position and department belong to the engagement, not the memo, so they
    are not in the result.
    """
    return {
        "rate": deal.rate.amount,
        "currency": deal.rate.currency,
        "basis": deal.basis.value,
        "guaranteed_hours": deal.guaranteed_hours,
        "agreement": deal.agreement,
        "kit_rental": deal.kit_rental.amount if deal.kit_rental is not None else None,
        "allowances": {name: format(amount.amount, "f") for name, amount in deal.allowances},
        "overtime_exempt": deal.overtime_exempt,
        "performer_class": deal.performer_class,
    }
