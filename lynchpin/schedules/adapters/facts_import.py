"""A production file (engine `Production`, read by `read_production`) -> unsaved facts rows.

Every key of the file has a field (docs/formats/production.md): calendar, capacity, rules,
costs, cast, elements, locations, moves. The production's own title, currency, country and
region are not facts: the service checks that the file's currency is the production's. The
calendar's `start` becomes the facts' start date; the file's `shoot_days` the candidate days.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import Availability, Performer, PerformerKind
from lynchpin.engine.scheduling.production import Production
from lynchpin.schedules.adapters.facts import FactRows
from lynchpin.schedules.models import LocationFacts, MoveFacts, PerformerFacts, ScheduleFacts

__all__ = ["facts_rows_from"]


def _iso(days: tuple[date, ...]) -> list[str]:
    return [day.isoformat() for day in days]


def _hours(minutes: int | None) -> Decimal | None:
    return None if minutes is None else Decimal(minutes) / 60


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _availability(availability: Availability) -> dict[str, list[object]]:
    return {
        "available": [[w.first.isoformat(), w.last.isoformat()] for w in availability.windows],
        "blackouts": _iso(availability.blackouts),
    }


def _facts(production_id: int, file: Production) -> ScheduleFacts:
    rules, capacity, calendar = file.rules, file.capacity, file.calendar
    return ScheduleFacts(
        production_id=production_id, start_date=calendar.start, week_days=calendar.week_days,
        shoot_days=file.shoot_days, days_off=_iso(calendar.days_off),
        travel_days=_iso(calendar.travel_days), extra_work_days=_iso(calendar.extra_work_days),
        standard_hours=_hours(capacity.standard_minutes), max_hours=_hours(capacity.max_minutes),
        max_eighths=capacity.max_eighths, minutes_per_eighth=file.minutes_per_eighth,
        crew_rest_hours=rules.crew_rest_hours, cast_rest_hours=rules.cast_rest_hours,
        day_call=_clock(rules.day_call), night_call=_clock(rules.night_call),
        default_move_minutes=rules.default_move_minutes,
        default_move_cost=_amount(rules.default_move_cost),
        crew_daily_cost=file.crew_daily_cost.amount,
        overtime_hourly_cost=file.overtime_hourly_cost.amount,
        default_cast_rate=file.default_cast_rate.amount,
        precedences=[list(pair) for pair in rules.precedences],
        same_day=[list(group) for group in rules.same_day],
        pinned=[[scene, day.isoformat()] for scene, day in rules.pinned],
        cover_sets=[list(pair) for pair in rules.cover_sets],
    )


def _performer(production_id: int, performer: Performer, matches: tuple[str, ...] = (),
               scenes: tuple[str, ...] = ()) -> PerformerFacts:
    return PerformerFacts(
        production_id=production_id, name=performer.name, kind=performer.kind.value,
        number=performer.number, daily_rate=performer.daily_rate.amount,
        matches=list(matches) if performer.kind is not PerformerKind.CAST else [],
        scenes=list(scenes), holds_allowed=performer.holds_allowed,
        drop_pickup_allowed=performer.drop_pickup_allowed,
        drop_min_gap_days=performer.drop_min_gap_days, minor=performer.minor,
        max_hours=_hours(performer.max_minutes), travel_days=performer.travel_days,
        start_date=performer.earliest_start, finish_date=performer.latest_finish,
        **_availability(performer.availability),
    )


def facts_rows_from(production_id: int, file: Production) -> FactRows:
    """Unsaved rows holding everything `file` says (see the module docstring)."""
    performers = [_performer(production_id, p) for p in file.cast]
    performers += [_performer(production_id, e.performer, e.matches, e.scenes)
                   for e in file.elements]
    locations = tuple(
        LocationFacts(production_id=production_id, name=loc.name,
                      daily_cost=loc.daily_cost.amount, **_availability(loc.availability))
        for loc in file.locations)
    moves = tuple(
        MoveFacts(production_id=production_id, a=min(m.a, m.b), b=max(m.a, m.b),
                  minutes=m.minutes, cost=m.cost.amount)
        for m in file.moves)
    return FactRows(_facts(production_id, file), tuple(performers), locations, moves)
