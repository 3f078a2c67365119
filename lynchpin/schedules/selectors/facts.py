"""Reads of the production facts, as plain values with money only for VIEW_MONEY roles.

`facts_get` returns the facts row, performers, locations and moves as dicts (a model
instance could lead a template to a rate), the cast list the optimiser will use (each
character with their board number, whether they are engaged, where their daily cost comes
from and, for money roles, the cost), and the warnings the engine gives about the facts
against the current draft (cast missing from the facts, unknown locations, stale rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lynchpin.core.access import can, require
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import InputError, Severity, Violation
from lynchpin.engine.scheduling.model import PerformerKind
from lynchpin.schedules.adapters.cast import cast_deals
from lynchpin.schedules.adapters.plan import fact_rows, problem_for
from lynchpin.schedules.models import PerformerFacts
from lynchpin.schedules.rights import reader, sees_money
from lynchpin.scripts.models import ScriptVersion

__all__ = ["MONEY_KEYS", "CastLine", "FactsPage", "facts_get"]

#: Keys of the returned dicts that hold money (left out for roles without VIEW_MONEY).
MONEY_KEYS = frozenset({"default_move_cost", "crew_daily_cost", "overtime_hourly_cost",
                        "default_cast_rate", "daily_rate", "daily_cost", "cost"})
_FACT_KEYS = (
    "start_date", "week_days", "shoot_days", "days_off", "travel_days", "extra_work_days",
    "standard_hours", "max_hours", "max_eighths", "minutes_per_eighth", "crew_rest_hours",
    "cast_rest_hours", "day_call", "night_call", "default_move_minutes", "default_move_cost",
    "crew_daily_cost", "overtime_hourly_cost", "default_cast_rate", "prep_weeks", "wrap_weeks",
    "precedences", "same_day", "pinned", "cover_sets", "version",
)
_PERFORMER_KEYS = (
    "id", "name", "kind", "number", "daily_rate", "matches", "scenes", "holds_allowed",
    "drop_pickup_allowed", "drop_min_gap_days", "minor", "max_hours", "travel_days",
    "start_date", "finish_date", "available", "blackouts", "version",
)


@dataclass(frozen=True, slots=True)
class CastLine:
    """A cast member as the optimiser prices them: `source` is ``deal memo``, ``planning
    rate`` or ``default rate``; `daily_cost` is None for roles without VIEW_MONEY."""

    name: str
    number: int
    engaged: bool
    source: str
    daily_cost: Decimal | None


@dataclass(frozen=True)
class FactsPage:
    """The facts as values (`exists`: saved at least once), cast lines and warnings."""

    facts: dict[str, Any]
    exists: bool
    performers: tuple[dict[str, Any], ...]
    locations: tuple[dict[str, Any], ...]
    moves: tuple[dict[str, Any], ...]
    cast: tuple[CastLine, ...]
    warnings: tuple[Violation, ...]
    money: bool
    editable: bool


def _values(row: Any, keys: tuple[str, ...], money: bool) -> dict[str, Any]:
    return {key: getattr(row, key) for key in keys if money or key not in MONEY_KEYS}


def _cast(membership: Any, money: bool) -> tuple[tuple[CastLine, ...], tuple[Violation, ...]]:
    """Cast lines from the engine problem of the current draft (or the facts alone)."""
    production = membership.production
    draft = ScriptVersion.objects.filter(production=production,
                                         status=ScriptVersion.Status.READY).first()
    if draft is None:
        return (), ()
    facts = fact_rows(production.pk).facts
    deals, _ = cast_deals(production.pk, production.currency,
                          standard_hours=facts.standard_hours, week_days=int(facts.week_days))
    rates = {p.name: p.daily_rate for p in PerformerFacts.objects.in_production(production.pk)
             .filter(kind=PerformerFacts.Kind.CAST)}
    try:
        built = problem_for(draft, title=production.title, currency=production.currency,
                            start_fallback=production.start_date, country=production.country,
                            region=production.region)
    except InputError as error:
        return (), (Violation("facts.incomplete", Severity.ERROR, str(error), error.field),)
    lines = []
    for performer in built.problem.performers:
        if performer.kind is not PerformerKind.CAST:
            continue
        deal = deals.get(performer.id)
        source = "deal memo" if deal and deal.daily_cost is not None else (
            "planning rate" if rates.get(performer.id) is not None else "default rate")
        lines.append(CastLine(performer.name, performer.number, deal is not None, source,
                              performer.daily_rate.amount if money else None))
    return tuple(lines), built.warnings


def facts_get(*, actor: Any, production_id: int) -> FactsPage:
    """The production's facts for the facts page and API (see the module docstring).

    Requires VIEW_PEOPLE or EDIT_SCHEDULE: the team's availability is personal (crew and
    cast read the schedule, not each other's blackout dates)."""
    membership = reader(actor, production_id)
    if not can(membership, Capability.EDIT_SCHEDULE):
        require(membership, Capability.VIEW_PEOPLE)
    money = sees_money(membership)
    rows = fact_rows(production_id)
    cast, warnings = _cast(membership, money)
    facts = _values(rows.facts, _FACT_KEYS, money)
    if rows.facts.pk is None:
        facts["version"] = None  # nothing saved yet: the first save creates the row
    return FactsPage(
        facts=facts,
        exists=rows.facts.pk is not None,
        performers=tuple(_values(p, _PERFORMER_KEYS, money) | {"engine_id": p.engine_id}
                         for p in rows.performers),
        locations=tuple(_values(loc, ("id", "name", "daily_cost", "available", "blackouts",
                                      "version"), money) for loc in rows.locations),
        moves=tuple(_values(m, ("id", "a", "b", "minutes", "cost", "version"), money)
                    for m in rows.moves),
        cast=cast, warnings=warnings, money=money,
        editable=can(membership, Capability.EDIT_SCHEDULE),
    )
