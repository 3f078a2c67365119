"""Facts rows <-> the engine's `Production` (the value a production file reads into).

`production_of(...)` turns the stored facts, performers, locations, moves and the cast deals
of the people app into an engine `Production`, which `build_problem` joins with the strips
exactly as ``lynchpin schedule plan`` does with a production file. `facts_rows_from(...)`
(`facts_import`) goes the other way for importing a production file.

Cast performers: every `PerformerFacts` of kind cast, plus every engaged character without
one. A character's daily rate is their deal memo's daily cost, else the planning rate of
their facts row, else the facts' default cast rate; their board number is the engagement's
cast number, else the facts row's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import (
    Availability,
    Calendar,
    DateRange,
    DayCapacity,
    Location,
    Move,
    Performer,
    PerformerKind,
    Rules,
)
from lynchpin.engine.scheduling.production import ElementEntry, Production
from lynchpin.schedules.adapters.cast import CastDeal
from lynchpin.schedules.models import LocationFacts, MoveFacts, PerformerFacts, ScheduleFacts
from lynchpin.schedules.models.values import parse_day

__all__ = ["FactRows", "minutes_of", "production_of"]


@dataclass(frozen=True)
class FactRows:
    """A production's facts as rows (unsaved when made by `facts_rows_from`)."""

    facts: ScheduleFacts
    performers: tuple[PerformerFacts, ...]
    locations: tuple[LocationFacts, ...]
    moves: tuple[MoveFacts, ...]


def minutes_of(hours: Decimal | None) -> int | None:
    """Decimal hours as whole minutes (None stays None)."""
    return None if hours is None else int((Decimal(hours) * 60).to_integral_value())


def _days(values: list[Any]) -> tuple[date, ...]:
    return tuple(parse_day(value) for value in values)


def _availability(available: list[Any], blackouts: list[Any]) -> Availability:
    windows = tuple(DateRange(parse_day(a), parse_day(b)) for a, b in available)
    return Availability(windows, _days(blackouts))


def _calendar(facts: ScheduleFacts, start: date, country: str, region: str) -> Calendar:
    return Calendar(
        start=start, week_days=int(facts.week_days), days_off=_days(facts.days_off),
        country=country.upper(), subdivision=region.upper(),
        travel_days=_days(facts.travel_days), extra_work_days=_days(facts.extra_work_days),
    )


def _rules(facts: ScheduleFacts, currency: str) -> Rules:
    move_cost = facts.default_move_cost
    return Rules(
        precedences=tuple((a, b) for a, b in facts.precedences),
        same_day=tuple(tuple(group) for group in facts.same_day),
        pinned=tuple((scene, parse_day(day)) for scene, day in facts.pinned),
        cover_sets=tuple((a, b) for a, b in facts.cover_sets),
        crew_rest_hours=int(facts.crew_rest_hours),
        cast_rest_hours=int(facts.cast_rest_hours),
        day_call=facts.day_call.hour * 60 + facts.day_call.minute,
        night_call=facts.night_call.hour * 60 + facts.night_call.minute,
        default_move_minutes=int(facts.default_move_minutes),
        default_move_cost=None if move_cost is None else Money(Decimal(move_cost), currency),
    )


def _performer(row: PerformerFacts, rate: Money, number: int) -> Performer:
    return Performer(
        id=row.engine_id, name=row.name, daily_rate=rate, kind=PerformerKind(row.kind),
        number=number, availability=_availability(row.available, row.blackouts),
        earliest_start=row.start_date, latest_finish=row.finish_date,
        holds_allowed=row.holds_allowed, drop_pickup_allowed=row.drop_pickup_allowed,
        drop_min_gap_days=int(row.drop_min_gap_days), minor=row.minor,
        max_minutes=minutes_of(row.max_hours), travel_days=int(row.travel_days),
    )


def _cast(rows: tuple[PerformerFacts, ...], deals: dict[str, CastDeal],
          default: Money) -> tuple[Performer, ...]:
    cast = []
    for row in rows:
        if row.kind != PerformerFacts.Kind.CAST:
            continue
        deal = deals.get(row.name)
        planned = Money(Decimal(row.daily_rate), default.currency) if row.daily_rate is not None \
            else default
        rate = deal.daily_cost if deal and deal.daily_cost is not None else planned
        number = deal.number if deal and deal.number else int(row.number)
        cast.append(_performer(row, rate, number))
    known = {row.name for row in rows if row.kind == PerformerFacts.Kind.CAST}
    for name, deal in sorted(deals.items()):
        if name not in known:
            cast.append(Performer(name, name, deal.daily_cost or default, number=deal.number))
    return tuple(cast)


def _elements(rows: tuple[PerformerFacts, ...], currency: str) -> tuple[ElementEntry, ...]:
    entries = []
    for row in rows:
        if row.kind == PerformerFacts.Kind.CAST:
            continue
        rate = Money(Decimal(row.daily_rate or 0), currency)
        matches = tuple(row.matches) or (row.name,)
        entries.append(ElementEntry(_performer(row, rate, int(row.number)), matches,
                                    tuple(row.scenes)))
    return tuple(entries)


def production_of(rows: FactRows, deals: dict[str, CastDeal], *, title: str, currency: str,
                  start: date, country: str, region: str, shoot_days: int) -> Production:
    """The engine `Production` of the stored facts (see the module docstring). `start` is
    the first day of the calendar; `shoot_days` how many candidate days to offer."""
    facts = rows.facts

    def money(value: Decimal) -> Money:
        return Money(Decimal(value), currency)

    return Production(
        title=title, currency=currency, crew_daily_cost=money(facts.crew_daily_cost),
        overtime_hourly_cost=money(facts.overtime_hourly_cost),
        minutes_per_eighth=int(facts.minutes_per_eighth),
        calendar=_calendar(facts, start, country, region), shoot_days=shoot_days,
        capacity=DayCapacity(minutes_of(facts.standard_hours) or 600,
                             minutes_of(facts.max_hours) or 720, facts.max_eighths),
        rules=_rules(facts, currency),
        cast=_cast(rows.performers, deals, money(facts.default_cast_rate)),
        elements=_elements(rows.performers, currency),
        locations=tuple(Location(row.name, row.name, money(row.daily_cost),
                                 _availability(row.available, row.blackouts))
                        for row in rows.locations),
        moves=tuple(Move(row.a, row.b, int(row.minutes), money(row.cost)) for row in rows.moves),
        default_cast_rate=money(facts.default_cast_rate),
    )
