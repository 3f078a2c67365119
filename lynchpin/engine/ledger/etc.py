"""Estimate to complete (ETC): what each account will still cost, by policy.

All ETC values are per account code, never below zero, at full Decimal precision.

- `UnspentBudget` (the default): ETC = max(0, budget - actual to date - committed).
- `ScheduleProjection`: the remaining shoot re-priced at the pace achieved so far. With
  P planned shoot days, S days shot, W work planned and D work done (eighths of a page, or
  setups: any unit counted the same way on both sides):

      pace            = D / S                      (work per shot day)
      projected left  = (W - D) / pace             (days; 0 when no work remains)
      planned left    = P - S                      (may be negative when over plan)
      extra days      = projected left - planned left
      ETC(account)    = max(0, budget - actual - committed + extra days * daily budget)

  for the shoot-driven accounts given a daily budget; other accounts use `UnspentBudget`.
  The unspent part is not floored before the extra days are added, so days already shot
  beyond plan (and paid in actual) are not counted twice.
  With S = 0 there is no pace yet (extra days = 0). The pace is never taken below
  `SLOWEST_PACE_SHARE` (half) of the planned pace W / P: a day or two with almost nothing shot
  (rain, a breakdown) cannot project the shoot to take forever, and the projection stays
  monotone (less work shot never lowers the ETC; D = 0 included). `whole_days` rounds
  projected left up to whole days. docs/ledger.md has a worked example.
- An explicit mapping {code: ETC}: the accountant's figures; codes absent use `UnspentBudget`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money

#: The slowest pace a projection assumes, as a share of the planned pace (work per day).
SLOWEST_PACE_SHARE = Decimal("0.5")

__all__ = [
    "EtcPolicy",
    "ScheduleProjection",
    "ShootProgress",
    "UnspentBudget",
    "estimate_to_complete",
    "unspent",
]


def unspent(budget: Money, actual: Money, committed: Money) -> Money:
    """max(0, budget - actual - committed): the default ETC of one account."""
    left = budget - actual - committed
    return left if left.amount > 0 else Money.zero(budget.currency)


@dataclass(frozen=True, slots=True)
class ShootProgress:
    """Plain progress figures from the production reports (days and work units, >= 0).

    `planned_days` and `work_planned` must be above zero; `work_*` are eighths of a page (or
    setups) for the whole shoot and for the days shot so far. Raises InputError otherwise.
    """

    planned_days: int
    days_shot: int
    work_planned: int
    work_shot: int

    def __post_init__(self) -> None:
        for name in ("planned_days", "days_shot", "work_planned", "work_shot"):
            if getattr(self, name) < 0:
                raise InputError("must not be negative", source="shoot progress", field=name)
        for name in ("planned_days", "work_planned"):
            if getattr(self, name) == 0:
                raise InputError("must be above zero", source="shoot progress", field=name)

    def projected_days_left(self, *, whole_days: bool = False) -> Decimal:
        """Shoot days still needed at the achieved pace (see the module docstring)."""
        remaining = Decimal(max(self.work_planned - self.work_shot, 0))
        if self.days_shot == 0:
            return Decimal(self.planned_days)
        planned_pace = Decimal(self.work_planned) / self.planned_days
        pace = max(Decimal(self.work_shot) / self.days_shot, planned_pace * SLOWEST_PACE_SHARE)
        days = remaining / pace
        return days.to_integral_value(ROUND_CEILING) if whole_days else days

    def extra_days(self, *, whole_days: bool = False) -> Decimal:
        """Projected days left minus planned days left: > 0 behind plan, < 0 ahead."""
        if self.days_shot == 0:
            return Decimal(0)
        planned_left = Decimal(self.planned_days - self.days_shot)
        return self.projected_days_left(whole_days=whole_days) - planned_left


@dataclass(frozen=True, slots=True)
class UnspentBudget:
    """Default policy: ETC = unspent budget, never below zero."""

    def describe(self) -> str:
        """One line for the report: how ETC was estimated."""
        return "ETC = unspent budget (budget - actual - committed, not below zero)"


@dataclass(frozen=True)
class ScheduleProjection:
    """ETC re-priced from the remaining schedule at the pace shot so far.

    `daily_budget` maps each shoot-driven account code to its budgeted cost per shoot day.
    """

    progress: ShootProgress
    daily_budget: Mapping[str, Money] = field(default_factory=dict)
    whole_days: bool = False

    def describe(self) -> str:
        """One line for the report: how ETC was estimated, with the projected extra days."""
        extra = self.progress.extra_days(whole_days=self.whole_days)
        return (
            f"ETC = unspent budget + extra shoot days x daily budget on shoot-driven "
            f"accounts; extra days {extra.normalize():f} at the pace shot so far"
        )


EtcPolicy = UnspentBudget | ScheduleProjection


def estimate_to_complete(
    policy: EtcPolicy | Mapping[str, Money],
    *,
    budget: Mapping[str, Money],
    actual: Mapping[str, Money],
    committed: Mapping[str, Money],
    currency: str,
) -> dict[str, Money]:
    """ETC per account code for every code in `budget`, `actual` or `committed` (and in an
    explicit mapping or a projection's daily budget). Raises InputError on a negative
    explicit ETC or daily budget."""
    zero = Money.zero(currency)
    codes = dict.fromkeys([*budget, *actual, *committed])
    base = {
        c: unspent(budget.get(c, zero), actual.get(c, zero), committed.get(c, zero)) for c in codes
    }
    if isinstance(policy, UnspentBudget):
        return base
    if isinstance(policy, ScheduleProjection):
        raw = {
            c: budget.get(c, zero) - actual.get(c, zero) - committed.get(c, zero)
            for c in [*codes, *policy.daily_budget]
        }
        return {**base, **_projected(policy, raw, zero)}
    for code, value in policy.items():
        if value.amount < 0:
            raise InputError("estimate to complete must not be negative", source="ETC", field=code)
    return {**base, **policy}


def _projected(policy: ScheduleProjection, raw: dict[str, Money], zero: Money) -> dict[str, Money]:
    """ETC of the shoot-driven accounts; `raw` is budget - actual - committed, unfloored."""
    extra = policy.progress.extra_days(whole_days=policy.whole_days)
    result: dict[str, Money] = {}
    for code, daily in policy.daily_budget.items():
        if daily.amount < 0:
            raise InputError("daily budget must not be negative", source="ETC", field=code)
        estimate = raw[code] + daily * extra
        result[code] = estimate if estimate.amount > 0 else zero
    return result
