"""Cast from the people app: each engaged character's board number and daily cost.

A cast engagement names the character as the script writes it and the cast number; its deal
memo prices the character per shoot day, converted to a daily cost for the optimiser:

| deal basis | daily cost |
| --- | --- |
| daily, flat | the rate |
| hourly | rate x guaranteed hours, else x the facts' standard day |
| weekly | rate / the facts' days per week |

A deal in another currency than the production's is not used (the planning rate applies
and a warning says why). When a character has several engagements (a recast), the one
still running wins (no end date, else the latest end). These are money: callers show them
only to roles with VIEW_MONEY; the optimiser uses them regardless.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.money import Money
from lynchpin.people.models import DealMemo, Engagement
from lynchpin.schedules.models.values import normalise

__all__ = ["CastDeal", "cast_deals"]


@dataclass(frozen=True, slots=True)
class CastDeal:
    """An engaged character: board number (0 when the engagement gives none), daily cost
    (None without a usable deal memo), the engagement and the contact's member account."""

    character: str
    number: int
    daily_cost: Money | None
    engagement_id: int
    user_id: int | None


def _daily(memo: DealMemo, standard_hours: Decimal, week_days: int) -> Decimal:
    rate = Decimal(memo.rate)
    if memo.basis == DealMemo.Basis.HOURLY:
        hours = Decimal(memo.guaranteed_hours) if memo.guaranteed_hours else standard_hours
        return rate * hours
    if memo.basis == DealMemo.Basis.WEEKLY:
        return rate / week_days
    return rate


def _rank(engagement: Engagement) -> tuple[int, str]:
    """Running engagements first, then the latest end."""
    if engagement.end_date is None:
        return (1, "")
    return (0, engagement.end_date.isoformat())


def cast_deals(production_id: int, currency: str, *, standard_hours: Decimal,
               week_days: int) -> tuple[dict[str, CastDeal], tuple[Violation, ...]]:
    """Character (normalised) -> `CastDeal`, and warnings for deals that cannot be used."""
    chosen: dict[str, Engagement] = {}
    rows = Engagement.objects.in_production(production_id).filter(kind=Engagement.Kind.CAST)
    for engagement in rows.select_related("contact").order_by("id"):
        name = normalise(engagement.character)
        if name and (name not in chosen or _rank(engagement) >= _rank(chosen[name])):
            chosen[name] = engagement
    memos = {memo.engagement_id: memo for memo in DealMemo.objects.filter(
        engagement__in=[e.pk for e in chosen.values()])}
    deals: dict[str, CastDeal] = {}
    warnings: list[Violation] = []
    for name, engagement in chosen.items():
        memo = memos.get(engagement.pk)
        cost = None
        if memo is not None and memo.currency == currency:
            cost = Money(_daily(memo, standard_hours, week_days), currency)
        elif memo is not None:
            warnings.append(Violation(
                "facts.deal_currency", Severity.WARNING,
                f"{name}'s deal memo is in {memo.currency}, the production's currency is "
                f"{currency}: the planning rate is used", name))
        number = int(engagement.cast_number) if engagement.cast_number.isdigit() else 0
        deals[name] = CastDeal(name, number, cost, engagement.pk, engagement.contact.user_id)
    return deals, tuple(warnings)
