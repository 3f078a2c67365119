"""Hourly rates of a deal, the hours a day's guarantee covers, and hours split into bands.

The straight (1x) hourly rate of a deal:
- hourly: the rate itself;
- daily "$R/G": R / pay_hours(G) on the regular day's bands ("$500/10" under California bands
  0:1x, 8:1.5x, 12:2x is 8 + 2 x 1.5 = 11 pay hours, 500/11 = 45.4545... an hour); a day rate
  with no hours stated covers 8 hours (R / pay_hours(8) = R / 8 wherever straight time runs
  through the 8th hour, as California's regular-rate rule has it);
- weekly "$R/G": five equal days of G/5 hours: R / (pay_hours(G/5) x 5); no hours stated
  means 40 (five days of 8);
- flat: R / 8 (used only for penalties and travel: a flat day pays no overtime).

Rounding (the agreement's `rate_rounding`, the one rounding step before a total):
``exact`` keeps the straight rate at full precision and a premium is rate x multiplier;
``rate_first`` rounds the straight rate to the cent and each premium rate is
round(rounded rate x multiplier), half-up: "$800/10" is 72.73, 109.10 (72.73 x 1.5 = 109.095),
145.46 and 218.19 for 1x, 1.5x, 2x and 3x, where exact rates give 72.7272..., 109.0909...,
145.4545... and 218.1818... (printed 72.73, 109.09, 145.45, 218.18).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, Band, Rounding
from lynchpin.engine.labour.model import Basis, DayKind, Deal
from lynchpin.engine.money import Money

__all__ = [
    "DEFAULT_DAY_HOURS",
    "DEFAULT_WEEK_HOURS",
    "HourlyRates",
    "band_hours",
    "check_deal",
    "day_guarantee",
    "hourly_rates",
    "pay_hours",
    "premium_rate",
    "straight_rate",
]

#: Hours a day rate covers when the deal states none (California: regular rate = day rate / 8).
DEFAULT_DAY_HOURS = Decimal(8)
#: Hours a weekly rate covers when the deal states none (five days of eight).
DEFAULT_WEEK_HOURS = Decimal(40)
_DAYS_A_WEEK = 5
_ZERO = Decimal(0)


def band_hours(bands: tuple[Band, ...], start: Decimal,
               end: Decimal) -> tuple[tuple[Band, Decimal], ...]:
    """The hours of the day from `start` to `end` (decimal hours since call, worked) falling
    in each band, in band order, leaving out bands with none.

    Bands start at 0 and rise strictly (an agreement invariant), so the pieces add up to
    exactly `end - start`: every hour falls in exactly one band.
    """
    pieces: list[tuple[Band, Decimal]] = []
    for index, band in enumerate(bands):
        upper = bands[index + 1].after_hours if index + 1 < len(bands) else None
        low = max(start, band.after_hours)
        high = end if upper is None else min(end, upper)
        if high > low:
            pieces.append((band, high - low))
    return tuple(pieces)


def pay_hours(hours: Decimal, bands: tuple[Band, ...]) -> Decimal:
    """Straight-time equivalent of `hours` worked on one day: sum of hours x multiplier over
    the bands ("10 hours" under 0:1x, 8:1.5x is 8 + 2 x 1.5 = 11 pay hours)."""
    return sum((piece * band.multiplier for band, piece in band_hours(bands, _ZERO, hours)),
               _ZERO)


def _deal_error(deal: Deal, field: str, message: str) -> InputError:
    return InputError(f"deal for {deal.position or 'position?'}: {message}",
                      source=deal.person, field=field)


def check_deal(deal: Deal, agreement: Agreement) -> None:
    """A deal that can be priced under `agreement`: its agreement, currency and hours.

    Raises InputError (source = the person, field = the deal field) when the deal names
    another agreement, any amount is in another currency than the agreement's or negative,
    or its guaranteed hours are not positive.
    """
    if deal.agreement != agreement.id:
        raise _deal_error(deal, "agreement", f"names agreement {deal.agreement!r}, "
                          f"not {agreement.id!r}")
    amounts = [("rate", deal.rate)] + [(f"allowances.{name}", amount)
                                       for name, amount in deal.allowances]
    if deal.kit_rental is not None:
        amounts.append(("kit_rental", deal.kit_rental))
    for field, amount in amounts:
        if amount.currency != agreement.currency:
            raise _deal_error(deal, field, f"{amount} is not in {agreement.currency}, the "
                              f"currency of agreement {agreement.id!r}")
        if not amount.amount.is_finite() or amount.amount < 0:
            raise _deal_error(deal, field, f"{amount.amount} is not an amount")
    hours = deal.guaranteed_hours
    if hours is not None and (not hours.is_finite() or hours <= 0 or hours > 168):
        raise _deal_error(deal, "guaranteed_hours", f"{hours} guaranteed hours is not a "
                          "positive number of hours")


@dataclass(frozen=True, slots=True)
class HourlyRates:
    """A deal's straight hourly rate and how premiums derive from it (`rounding`)."""

    straight: Money
    rounding: Rounding

    def at(self, multiplier: Decimal) -> Money:
        """The hourly rate at `multiplier` (exact, or rounded to the cent when rate-first)."""
        if self.rounding is Rounding.RATE_FIRST:
            return (self.straight * multiplier).rounded()
        return self.straight * multiplier

    def pay(self, hours: Decimal, multiplier: Decimal) -> Money:
        """`hours` at `multiplier`, exact (rate x (hours x multiplier), or the rate-first
        premium rate x hours)."""
        if self.rounding is Rounding.RATE_FIRST:
            return self.at(multiplier) * hours
        return Money(self.straight.amount * (hours * multiplier), self.straight.currency)


def _exact_straight(deal: Deal, agreement: Agreement) -> Money:
    bands = agreement.rules_for(deal.performer_class).bands_for(DayKind.REGULAR)
    if deal.basis == Basis.HOURLY:
        return deal.rate
    if deal.basis == Basis.FLAT:
        return Money(deal.rate.amount / DEFAULT_DAY_HOURS, deal.rate.currency)
    if deal.basis == Basis.WEEKLY:
        day = (deal.guaranteed_hours or DEFAULT_WEEK_HOURS) / _DAYS_A_WEEK
        covered = pay_hours(day, bands) * _DAYS_A_WEEK
    else:
        covered = pay_hours(deal.guaranteed_hours or DEFAULT_DAY_HOURS, bands)
    if covered <= 0:
        raise _deal_error(deal, "guaranteed_hours", "the guaranteed hours are worth no pay "
                          f"hours under agreement {agreement.id!r}")
    return Money(deal.rate.amount / covered, deal.rate.currency)


def hourly_rates(deal: Deal, agreement: Agreement) -> HourlyRates:
    """The deal's straight rate under the agreement's rounding policy (module docstring).

    Raises InputError for a deal `check_deal` refuses.
    """
    check_deal(deal, agreement)
    straight = _exact_straight(deal, agreement)
    if agreement.rate_rounding is Rounding.RATE_FIRST:
        straight = straight.rounded()
    return HourlyRates(straight, agreement.rate_rounding)


def straight_rate(deal: Deal, agreement: Agreement) -> Money:
    """The deal's straight (1x) hourly rate: exact, or rounded to the cent when rate-first.

    Raises InputError for a deal `check_deal` refuses.
    """
    return hourly_rates(deal, agreement).straight


def premium_rate(deal: Deal, agreement: Agreement, multiplier: Decimal) -> Money:
    """The deal's hourly rate at `multiplier` under the agreement's rounding policy.

    Raises InputError for a deal `check_deal` refuses.
    """
    return hourly_rates(deal, agreement).at(multiplier)


def day_guarantee(deal: Deal, agreement: Agreement) -> tuple[Decimal, bool]:
    """Hours a day of `deal` pays at least, and whether the deal (True) or the agreement's
    minimum call (False) sets them.

    Daily: the guaranteed hours (8 when none are stated); weekly: a fifth of the week's
    (40 when none); hourly: the deal's hours if any. The agreement's minimum call is the
    floor for every deal. Flat deals pay their rate and have no hours guarantee (0).
    """
    if deal.basis == Basis.FLAT:
        return _ZERO, True
    if deal.basis == Basis.DAILY:
        hours = deal.guaranteed_hours or DEFAULT_DAY_HOURS
    elif deal.basis == Basis.WEEKLY:
        hours = (deal.guaranteed_hours or DEFAULT_WEEK_HOURS) / _DAYS_A_WEEK
    else:
        hours = deal.guaranteed_hours or _ZERO
    minimum = agreement.rules_for(deal.performer_class).minimum_call_hours
    return (hours, True) if hours >= minimum else (minimum, False)
