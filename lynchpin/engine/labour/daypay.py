"""A day's pay: one person's timecard priced under their deal and agreement.

`price_day` turns worked time (see `worktime`) into pay lines, in this order:
1. time: STRAIGHT, OVERTIME and GOLDEN lines, one per band of the day kind's bands (worker
   class = the deal's performer class) holding worked hours; or one FLAT line for a flat or
   overtime-exempt deal;
2. GUARANTEE lines topping the day up to its guaranteed hours (`rates.day_guarantee`), the
   missing hours priced at the multipliers of the bands they would have fallen in, so
   "$500/10" worked 6 h pays exactly $500;
3. TRAVEL lines (travel before call, after wrap) at straight time, outside the bands;
4. MEAL_PENALTY lines (`meals`), KIT and ALLOWANCE lines (per day worked).

Every amount is exact (Money x Decimal hours x multiplier, or the rate-first premium rate x
hours); `DayPay.total` rounds once. Each line names the rule id and clause that produced it.
Violations: late meals (``labour.meal_penalty``), an NDB that does not count (``labour.ndb``)
and hours in golden time (``labour.golden_hours``), each stating its cost.
"""

from __future__ import annotations

from decimal import Decimal

from lynchpin.engine.errors import InputError, Severity, Violation
from lynchpin.engine.labour.agreement import Agreement, Band
from lynchpin.engine.labour.meals import assess_meals
from lynchpin.engine.labour.model import (
    Basis,
    DayKind,
    DayPay,
    Deal,
    PayKind,
    PayLine,
    Timecard,
)
from lynchpin.engine.labour.rates import HourlyRates, band_hours, day_guarantee, hourly_rates
from lynchpin.engine.labour.worktime import worked_time
from lynchpin.engine.money import Money

__all__ = ["price_day"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_DAYS_A_WEEK = 5
#: Time lines come straight, overtime, golden; bands of one kind keep their order.
_TIME_ORDER = {PayKind.STRAIGHT: 0, PayKind.OVERTIME: 1, PayKind.GOLDEN: 2}
TRAVEL_RULE = "labour.travel"
TRAVEL_CLAUSE = "travel paid at straight time, outside the overtime bands (docs/labour/pay.md)"


def _line(card: Timecard, kind: PayKind, hours: Decimal, multiplier: Decimal, rate: Money,
          amount: Money, rule: str, clause: str) -> PayLine:
    return PayLine(card.person, card.day, kind, hours, multiplier, rate, amount, rule, clause)


def _band_lines(card: Timecard, bands: tuple[Band, ...], hours: Decimal,
                rates: HourlyRates) -> tuple[PayLine, ...]:
    lines = [_line(card, band.kind, piece, band.multiplier, rates.straight,
                   rates.pay(piece, band.multiplier), band.rule, band.clause)
             for band, piece in band_hours(bands, _ZERO, hours)]
    return tuple(sorted(lines, key=lambda line: _TIME_ORDER.get(line.kind, len(_TIME_ORDER))))


def _guarantee_lines(card: Timecard, deal: Deal, agreement: Agreement, bands: tuple[Band, ...],
                     hours: Decimal, rates: HourlyRates) -> tuple[PayLine, ...]:
    guaranteed, by_deal = day_guarantee(deal, agreement)
    if by_deal:
        rule, clause = "deal.guarantee", f"deal memo: {guaranteed} h a day guaranteed"
    else:
        rules = agreement.rules_for(deal.performer_class)
        rule = rules.minimum_call_rule or "labour.minimum_call"
        clause = rules.minimum_call_clause
    return tuple(_line(card, PayKind.GUARANTEE, piece, band.multiplier, rates.straight,
                       rates.pay(piece, band.multiplier), rule, clause)
                 for band, piece in band_hours(bands, hours, guaranteed))


def _flat_line(card: Timecard, deal: Deal, agreement: Agreement, hours: Decimal) -> PayLine:
    """A flat deal's day rate, or an overtime-exempt deal's pay without premiums: the day
    rate (daily), a fifth of the week's (weekly), or the hours at the rate, at least the
    guarantee (hourly). `rate` on the line is the amount per day (per hour when hourly)."""
    rule = "deal.flat" if deal.basis == Basis.FLAT else "deal.overtime_exempt"
    clause = ("deal memo: flat day rate, no overtime" if deal.basis == Basis.FLAT
              else "deal memo: exempt from overtime")
    if deal.basis == Basis.HOURLY:
        paid = max(hours, day_guarantee(deal, agreement)[0])
        return _line(card, PayKind.FLAT, paid, _ONE, deal.rate, deal.rate * paid, rule, clause)
    day = deal.rate if deal.basis != Basis.WEEKLY else Money(
        deal.rate.amount / _DAYS_A_WEEK, deal.rate.currency)
    return _line(card, PayKind.FLAT, hours, _ONE, day, day, rule, clause)


def _travel_lines(card: Timecard, rates: HourlyRates) -> tuple[PayLine, ...]:
    return tuple(_line(card, PayKind.TRAVEL, hours, _ONE, rates.straight, rates.pay(hours, _ONE),
                       TRAVEL_RULE, f"{TRAVEL_CLAUSE} ({name.replace('_', ' ')})")
                 for name, hours in (("travel_before", card.travel_before),
                                     ("travel_after", card.travel_after)) if hours > 0)


def _deal_lines(card: Timecard, deal: Deal) -> tuple[PayLine, ...]:
    lines = []
    if deal.kit_rental is not None and deal.kit_rental:
        lines.append(_line(card, PayKind.KIT, _ZERO, _ONE, deal.kit_rental, deal.kit_rental,
                           "deal.kit", "deal memo: kit rental per day worked"))
    lines += [_line(card, PayKind.ALLOWANCE, _ZERO, _ONE, amount, amount,
                    f"deal.allowance.{name}", f"deal memo: {name} allowance per day worked")
              for name, amount in deal.allowances if amount]
    return tuple(lines)


def _golden_warning(card: Timecard, lines: tuple[PayLine, ...],
                    bands: tuple[Band, ...]) -> tuple[Violation, ...]:
    golden = [line for line in lines if line.kind == PayKind.GOLDEN]
    if not golden:
        return ()
    start = min(band.after_hours for band in bands if band.kind == PayKind.GOLDEN)
    hours = sum((line.hours for line in golden), _ZERO)
    cost = Money(sum((line.amount.amount for line in golden), _ZERO),
                 golden[0].amount.currency)  # printed rounded
    return (Violation("labour.golden_hours", Severity.WARNING,
                      f"{card.person} {card.day}: {hours:.2f} h in golden time past {start} h "
                      f"worked, {cost}", reference=f"{card.person} {card.day}"),)


def price_day(deal: Deal, card: Timecard, agreement: Agreement, *,
              kind: DayKind = DayKind.REGULAR) -> DayPay:
    """What `card`'s person is owed for the day under `deal` and `agreement`.

    `kind` picks the agreement's bands (sixth, seventh day, holiday; the week decides it).
    Lines come in a stable order: time (straight, overtime, golden; or flat), guarantee,
    travel, meal penalties, kit, allowances. Raises InputError for an invalid card, a card of
    another person, a deal under another agreement or in another currency; NotInForce when
    no rate table of the agreement covers the day.
    """
    if card.person != deal.person:
        raise InputError(f"timecard of {card.person!r} priced with the deal of {deal.person!r}",
                         source=card.person, field=f"{card.day.isoformat()}.person")
    rates = hourly_rates(deal, agreement)
    agreement.table_on(card.day)  # no rate table in force: nothing on this day can be paid
    worked = worked_time(card, agreement)
    hours = worked.hours
    bands = agreement.rules_for(deal.performer_class).bands_for(kind)
    if deal.basis == Basis.FLAT or deal.overtime_exempt:
        time: tuple[PayLine, ...] = (_flat_line(card, deal, agreement, hours),)
    else:
        time = (_band_lines(card, bands, hours, rates)
                + _guarantee_lines(card, deal, agreement, bands, hours, rates))
    meals = assess_meals(card, worked, deal, agreement)
    lines = time + _travel_lines(card, rates) + meals.lines + _deal_lines(card, deal)
    return DayPay(card.person, card.day, kind, hours, lines,
                  meals.violations + _golden_warning(card, time, bands))
