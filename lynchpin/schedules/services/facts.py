"""Writes of the production facts: the facts row, performers, locations, moves, import.

Every service needs EDIT_SCHEDULE; a field holding money (`MONEY_FIELDS`) may be given only
by a role with VIEW_MONEY (Forbidden otherwise: a coordinator edits facts without ever
seeing or setting a rate, and the stored amounts are kept). Each write is validated
(`clean_or_invalid`: field-keyed errors), version-checked (Conflict when stale), audited,
and runs in one transaction. `facts_import` replaces all facts with a production file's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models, transaction

from lynchpin.core.audit import audit_record, changes_between, snapshot
from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.validation import clean_or_invalid
from lynchpin.engine.scheduling.production import read_production
from lynchpin.schedules.adapters.facts import FactRows
from lynchpin.schedules.adapters.facts_import import facts_rows_from
from lynchpin.schedules.models import LocationFacts, MoveFacts, PerformerFacts, ScheduleFacts
from lynchpin.schedules.rights import editor, no_nul, sees_money, valid_id

__all__ = [
    "FACT_FIELDS",
    "LOCATION_FIELDS",
    "MONEY_FIELDS",
    "MOVE_FIELDS",
    "PERFORMER_FIELDS",
    "facts_import",
    "facts_update",
    "location_facts_delete",
    "location_facts_save",
    "move_facts_delete",
    "move_facts_save",
    "performer_facts_delete",
    "performer_facts_save",
]

#: Editable fields of the facts row.
FACT_FIELDS = (
    "start_date", "week_days", "shoot_days", "days_off", "travel_days", "extra_work_days",
    "standard_hours", "max_hours", "max_eighths", "minutes_per_eighth", "crew_rest_hours",
    "cast_rest_hours", "day_call", "night_call", "default_move_minutes", "default_move_cost",
    "crew_daily_cost", "overtime_hourly_cost", "default_cast_rate", "prep_weeks", "wrap_weeks",
    "precedences", "same_day", "pinned", "cover_sets",
)
PERFORMER_FIELDS = (
    "name", "kind", "number", "daily_rate", "matches", "scenes", "holds_allowed",
    "drop_pickup_allowed", "drop_min_gap_days", "minor", "max_hours", "travel_days",
    "start_date", "finish_date", "available", "blackouts",
)
LOCATION_FIELDS = ("name", "daily_cost", "available", "blackouts")
MOVE_FIELDS = ("a", "b", "minutes", "cost")
#: Fields holding money: given only by roles with VIEW_MONEY.
MONEY_FIELDS = frozenset({"default_move_cost", "crew_daily_cost", "overtime_hourly_cost",
                          "default_cast_rate", "daily_rate", "daily_cost", "cost"})


def _checked(actor: Any, production_id: int, values: Mapping[str, Any],
             allowed: tuple[str, ...]) -> Any:
    """The editor's membership, after refusing unknown fields and money from non-money roles."""
    membership = editor(actor, production_id)
    no_nul(**values)
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise Invalid(f"Unknown field {unknown[0]}.", fields={unknown[0]: ["Unknown field."]})
    money = sorted(set(values) & MONEY_FIELDS)
    if money and not sees_money(membership):
        raise Forbidden("Your role on this production may not see or set rates and costs.")
    return membership


def _save(row: models.Model, values: Mapping[str, Any], *, actor: Any, production_id: int,
          action: str, expected_version: int | None, fields: tuple[str, ...]) -> Any:
    """Create (`expected_version` None) or update `row` with `values`; audited."""
    before = snapshot(row, fields) if row.pk else {}
    for name, value in values.items():
        setattr(row, name, value)
    clean_or_invalid(row)
    if row.pk is None:
        row.save()
    else:
        assert expected_version is not None
        row.compare_and_set(expected_version=expected_version, fields=fields)  # type: ignore[attr-defined]
    audit_record(actor=actor, action=action, target=row, production_id=production_id,
                 changes=changes_between(before, snapshot(row, fields)))
    return row


def _row(model: type[models.Model], production_id: int, pk: int | None, label: str) -> Any:
    found = model._default_manager.select_for_update().filter(
        pk=pk, production_id=production_id).first() if valid_id(pk) else None
    if found is None:
        raise NotFound(f"{label} not found.")
    return found


@transaction.atomic
def facts_update(*, actor: Any, production_id: int, expected_version: int | None,
                 **values: Any) -> ScheduleFacts:
    """Set fields of the production's facts (`FACT_FIELDS`); `expected_version` None creates
    the row (Conflict when someone created it first). Raises Invalid, Forbidden, Conflict."""
    _checked(actor, production_id, values, FACT_FIELDS)
    facts = ScheduleFacts.objects.select_for_update().filter(production_id=production_id).first()
    if facts is None and expected_version is not None:
        raise NotFound("These facts no longer exist; reload the page.")
    if facts is not None and expected_version is None:
        raise Conflict("Someone saved the facts since you opened them; reload to see them.")
    row = facts or ScheduleFacts(production_id=production_id)
    return _save(row, values, actor=actor, production_id=production_id, action="facts.update",
                 expected_version=expected_version, fields=FACT_FIELDS)


def _named_save(model: type[models.Model], label: str, action: str, fields: tuple[str, ...],
                *, actor: Any, production_id: int, pk: int | None,
                expected_version: int | None, values: Mapping[str, Any]) -> Any:
    _checked(actor, production_id, values, fields)
    if pk is None:
        row = model(production_id=production_id)
        if expected_version is not None:
            raise Invalid("A new row has no version.", fields={"version": ["Leave empty."]})
    else:
        row = _row(model, production_id, pk, label)
        if expected_version is None:
            raise Invalid("Say which version you are changing.",
                          fields={"version": ["Required."]})
    return _save(row, values, actor=actor, production_id=production_id, action=action,
                 expected_version=expected_version, fields=fields)


def _named_delete(model: type[models.Model], label: str, action: str, *, actor: Any,
                  production_id: int, pk: int, expected_version: int) -> None:
    editor(actor, production_id)
    row = _row(model, production_id, pk, label)
    if row.version != expected_version:
        raise Conflict(f"This {label.lower()} was changed by someone else since you opened it; "
                       "reload it, then decide again.")
    audit_record(actor=actor, action=action, target=row, production_id=production_id)
    row.delete()


@transaction.atomic
def performer_facts_save(*, actor: Any, production_id: int, performer_id: int | None = None,
                         expected_version: int | None = None, **values: Any) -> PerformerFacts:
    """Add (no `performer_id`) or change a performer (`PERFORMER_FIELDS`)."""
    return _named_save(PerformerFacts, "Performer", "performer_facts.save", PERFORMER_FIELDS,
                       actor=actor, production_id=production_id, pk=performer_id,
                       expected_version=expected_version, values=values)


@transaction.atomic
def performer_facts_delete(*, actor: Any, production_id: int, performer_id: int,
                           expected_version: int) -> None:
    """Remove a performer's facts (a cast member's deal memo still prices them)."""
    _named_delete(PerformerFacts, "Performer", "performer_facts.delete", actor=actor,
                  production_id=production_id, pk=performer_id,
                  expected_version=expected_version)


@transaction.atomic
def location_facts_save(*, actor: Any, production_id: int, location_id: int | None = None,
                        expected_version: int | None = None, **values: Any) -> LocationFacts:
    """Add or change a location (`LOCATION_FIELDS`)."""
    return _named_save(LocationFacts, "Location", "location_facts.save", LOCATION_FIELDS,
                       actor=actor, production_id=production_id, pk=location_id,
                       expected_version=expected_version, values=values)


@transaction.atomic
def location_facts_delete(*, actor: Any, production_id: int, location_id: int,
                          expected_version: int) -> None:
    """Remove a location's facts (it is then costed at 0 a day, always available)."""
    _named_delete(LocationFacts, "Location", "location_facts.delete", actor=actor,
                  production_id=production_id, pk=location_id, expected_version=expected_version)


@transaction.atomic
def move_facts_save(*, actor: Any, production_id: int, move_id: int | None = None,
                    expected_version: int | None = None, **values: Any) -> MoveFacts:
    """Add or change a company move (`MOVE_FIELDS`)."""
    return _named_save(MoveFacts, "Move", "move_facts.save", MOVE_FIELDS, actor=actor,
                       production_id=production_id, pk=move_id,
                       expected_version=expected_version, values=values)


@transaction.atomic
def move_facts_delete(*, actor: Any, production_id: int, move_id: int,
                      expected_version: int) -> None:
    """Remove a company move (the rules' defaults then apply)."""
    _named_delete(MoveFacts, "Move", "move_facts.delete", actor=actor,
                  production_id=production_id, pk=move_id, expected_version=expected_version)


def _replace_rows(production_id: int, rows: FactRows) -> None:
    """Validate `rows`, then put them in place of the production's facts (the facts row
    keeps its id and its version goes up by one)."""
    for row in (*rows.performers, *rows.locations, *rows.moves):
        clean_or_invalid(row, exclude=("production",))
    clean_or_invalid(rows.facts, exclude=("production",))
    for model in (PerformerFacts, LocationFacts, MoveFacts):
        model.objects.filter(production_id=production_id).delete()
    old = ScheduleFacts.objects.select_for_update().filter(production_id=production_id).first()
    if old is not None:
        rows.facts.pk, rows.facts.version = old.pk, old.version + 1
        rows.facts.created = old.created
    rows.facts.save()
    for model, items in ((PerformerFacts, rows.performers), (LocationFacts, rows.locations),
                         (MoveFacts, rows.moves)):
        model.objects.bulk_create(items)


@transaction.atomic
def facts_import(*, actor: Any, production_id: int, text: str, source: str) -> ScheduleFacts:
    """Replace every fact with those of a production file (TOML, docs/formats/production.md).

    Needs EDIT_SCHEDULE and VIEW_MONEY (the file sets rates). Raises Invalid naming the key
    (``cast[3].daily_rate: ...``) for a bad file, or a currency other than the production's.
    """
    membership = editor(actor, production_id)
    if not sees_money(membership):
        raise Forbidden("Importing a production file sets rates; your role may not.")
    file = read_production(text, source=source)
    currency = membership.production.currency
    if file.currency != currency:
        message = f"{source}: the file is in {file.currency}, the production in {currency}."
        raise Invalid(message, fields={"file": [message]})
    rows = facts_rows_from(production_id, file)
    no_nul(file=[[p.name, p.matches, p.scenes] for p in rows.performers]
           + [[row.name] for row in rows.locations]
           + [rows.facts.precedences, rows.facts.same_day, rows.facts.pinned,
              rows.facts.cover_sets])
    _replace_rows(production_id, rows)
    audit_record(actor=actor, action="facts.import", target=rows.facts,
                 production_id=production_id,
                 changes={"file": [None, source], "performers": [None, len(rows.performers)],
                          "locations": [None, len(rows.locations)]})
    return rows.facts
