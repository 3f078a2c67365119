"""Price a whole set of timecards: per person, per work week, in order.

Cards are grouped by person and by work week (each person's agreement decides where weeks
start) and each week is priced by `week.price_week`, passing the person's last end of duty and
the number of days they worked in the week before, so the first call of a week is checked
against the weekend rest (or, after a gap, simply finds it kept). Work is linear in the number
of cards apart from one sort: a season of 100 people x 60 days is a few thousand cards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement
from lynchpin.engine.labour.model import Deal, Timecard, WeekPay
from lynchpin.engine.labour.rest import end_of_duty
from lynchpin.engine.labour.week import price_week, week_start

__all__ = ["price_timecards"]


def _terms(card: Timecard, deals: Mapping[str, Deal],
           agreements: Mapping[str, Agreement]) -> tuple[Deal, Agreement]:
    """The card's deal and agreement; InputError naming the person and day when missing."""
    deal = deals.get(card.person)
    if deal is None:
        raise InputError(f"{card.day}: timecard for {card.person!r}, who has no deal",
                         source=card.person, field=f"{card.day}.person")
    agreement = agreements.get(deal.agreement)
    if agreement is None:
        raise InputError(f"{card.day}: {card.person!r}'s deal names unknown agreement "
                         f"{deal.agreement!r}", source=card.person, field=f"{card.day}.agreement")
    return deal, agreement


def _person_weeks(deal: Deal, agreement: Agreement, cards: Sequence[Timecard],
                  holidays: frozenset[date]) -> list[WeekPay]:
    """One person's weeks in order, each told the end of duty and length of the one before."""
    weeks: dict[date, list[Timecard]] = {}
    for card in cards:
        weeks.setdefault(week_start(card.day, agreement), []).append(card)
    priced: list[WeekPay] = []
    previous_end: datetime | None = None
    previous_days: int | None = None
    for start in sorted(weeks):
        week = weeks[start]
        priced.append(price_week(deal, week, agreement, holidays=holidays,
                                 previous_end_of_duty=previous_end,
                                 previous_week_days=previous_days))
        previous_end = max(end_of_duty(card) for card in week)
        previous_days = len({card.day for card in week})
    return priced


def price_timecards(deals: Mapping[str, Deal], cards: Sequence[Timecard],
                    agreements: Mapping[str, Agreement], *,
                    holidays: frozenset[date] = frozenset()) -> tuple[WeekPay, ...]:
    """Every person's work weeks priced, sorted by person then week start.

    `deals` maps a person to their deal, `agreements` an agreement id to the agreement;
    `holidays` are dates paid as holidays for everyone. Raises InputError for a card of a
    person with no deal (naming the person and day), a deal naming an unknown agreement, or
    anything `week.price_week` refuses; NotInForce when no rate table covers a day.
    """
    by_person: dict[str, list[Timecard]] = {}
    for card in cards:
        _terms(card, deals, agreements)
        by_person.setdefault(card.person, []).append(card)
    weeks: list[WeekPay] = []
    for person in sorted(by_person):
        person_cards = by_person[person]
        deal, agreement = _terms(person_cards[0], deals, agreements)
        weeks.extend(_person_weeks(deal, agreement, person_cards, holidays))
    return tuple(weeks)
