"""Join a `Production` with a script's strips into the `ScheduleProblem` the optimiser solves.

- Cast: strip cast names (``"NELL"``) are performer ids. A name in the strips but not in the
  file becomes a performer at the file's ``default_cast_rate`` (a warning says so); a cast
  entry the script never uses is dropped (a warning too).
- Elements: a strip's breakdown element names (``"animal:DOG"``) are replaced by the ids of the
  `[[element]]` entries whose ``matches`` contain them (limited to their ``scenes`` if given);
  names no entry matches are not costed and are dropped from the strip.
- Locations: a strip location missing from the file gets a daily cost of 0 (a warning).
- Rules name scenes; a scene split into parts stands for all its strips. A rule naming a
  scene the script does not have is an InputError naming the rule's key path.
- Days: `production.shoot_days` candidate days from `engine.calendar.work_days`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from lynchpin.engine.calendar import work_days
from lynchpin.engine.errors import InputError, Severity, Violation
from lynchpin.engine.scheduling.model import (
    Location,
    Performer,
    Rules,
    ScheduleProblem,
    Strip,
)
from lynchpin.engine.scheduling.production import Production


def cast_ids(production: Production) -> dict[str, str]:
    """Script cast name -> performer id, for `strips_from_script(cast_ids=...)`."""
    return {performer.name: performer.id for performer in production.cast}


def build_problem(production: Production, strips: tuple[Strip, ...]) -> ScheduleProblem:
    """The problem to solve: `strips` (elements mapped, see module doc) with the file's data.

    Raises InputError when a rule names an unknown scene or the calendar yields no days.
    """
    mapped = tuple(_map_elements(production, strip) for strip in strips)
    try:
        days = work_days(production.calendar, production.shoot_days)
    except InputError as error:
        key = f"calendar.{error.field}" if error.field else "calendar"
        raise InputError(f"{key}: {error.message}", source=production.source) from None
    return ScheduleProblem(
        strips=mapped,
        performers=_performers(production, mapped),
        locations=_locations(production, mapped),
        days=days,
        crew_daily_cost=production.crew_daily_cost,
        overtime_hourly_cost=production.overtime_hourly_cost,
        moves=production.moves,
        capacity=production.capacity,
        rules=_rules(production, mapped),
        currency=production.currency,
    )


def production_warnings(production: Production, strips: tuple[Strip, ...]) -> tuple[Violation, ...]:
    """What `build_problem` filled in or left out, as warnings (cast, elements, locations)."""
    used_cast = {name for strip in strips for name in strip.cast}
    known_cast = {performer.id for performer in production.cast}
    warnings = [
        _warning("production.cast_missing", name, f"{name} is in the script but not in the "
                 f"production file: costed at the default rate {production.default_cast_rate}")
        for name in sorted(used_cast - known_cast)
    ]
    warnings += [
        _warning("production.cast_unused", name, f"{name} is in the production file but has "
                 "no scene in the script")
        for name in sorted(known_cast - used_cast)
    ]
    known_places = {location.id for location in production.locations}
    warnings += [
        _warning("production.location_missing", place, f"location {place!r} is not in the "
                 "production file: costed at 0 a day")
        for place in sorted({strip.location for strip in strips} - known_places)
    ]
    mapped = {e for strip in strips for e in _map_elements(production, strip).elements}
    warnings += [
        _warning("production.element_unused", entry.performer.id, f"element "
                 f"{entry.performer.name} matches no scene (matches: {', '.join(entry.matches)})")
        for entry in production.elements
        if entry.performer.id not in mapped
    ]
    return tuple(warnings)


def _warning(rule: str, reference: str, message: str) -> Violation:
    return Violation(rule, Severity.WARNING, message, reference)


def _map_elements(production: Production, strip: Strip) -> Strip:
    """`strip` with breakdown element names replaced by matching element ids."""
    ids: list[str] = []
    # strips_from_script names elements "animal:DOG"; the file's matches say "DOG".
    names = {name.split(":", 1)[-1].upper() for name in strip.elements}
    for entry in production.elements:
        if entry.scenes and strip.scene not in entry.scenes:
            continue
        if names & set(entry.matches) and entry.performer.id not in ids:
            ids.append(entry.performer.id)
    return replace(strip, elements=tuple(ids))


def _performers(production: Production, strips: tuple[Strip, ...]) -> tuple[Performer, ...]:
    used = {name for strip in strips for name in (*strip.cast, *strip.elements)}
    known = [p for p in production.cast if p.id in used]
    known += [e.performer for e in production.elements if e.performer.id in used]
    ids = {p.id for p in known}
    next_number = max((p.number for p in production.cast), default=0) + 1
    for name in _in_order(n for strip in strips for n in strip.cast):
        if name not in ids:
            known.append(Performer(name, name, production.default_cast_rate, number=next_number))
            ids.add(name)
            next_number += 1
    return tuple(known)


def _locations(production: Production, strips: tuple[Strip, ...]) -> tuple[Location, ...]:
    by_id = {location.id: location for location in production.locations}
    zero = production.crew_daily_cost * 0
    return tuple(
        by_id.get(place, Location(place, place, zero))
        for place in _in_order(strip.location for strip in strips)
    )


def _in_order(names: Iterable[str]) -> list[str]:
    """Distinct `names` in order of first appearance."""
    return list(dict.fromkeys(names))


def _rules(production: Production, strips: tuple[Strip, ...]) -> Rules:
    """The file's rules with scene numbers resolved to strip ids."""
    by_scene: dict[str, list[str]] = {}
    for strip in strips:
        by_scene.setdefault(strip.scene, []).append(strip.id)
        if strip.id != strip.scene:
            by_scene.setdefault(strip.id, []).append(strip.id)
    rules = production.rules

    def ids(scene: str, where: str) -> list[str]:
        if scene not in by_scene:
            raise InputError(f"{where}: the script has no scene {scene!r}",
                             source=production.source)
        return by_scene[scene]

    return replace(
        rules,
        precedences=tuple(
            (a, b) for i, (x, y) in enumerate(rules.precedences)
            for a in ids(x, f"rules.precedences[{i}]") for b in ids(y, f"rules.precedences[{i}]")
        ),
        same_day=tuple(
            tuple(s for scene in group for s in ids(scene, f"rules.same_day[{i}]"))
            for i, group in enumerate(rules.same_day)
        ),
        pinned=_pins(rules.pinned, ids),
        cover_sets=tuple(
            (a, b) for i, (x, y) in enumerate(rules.cover_sets)
            for a in ids(x, f"rules.cover_sets[{i}]") for b in ids(y, f"rules.cover_sets[{i}]")
        ),
    )


def _pins(
    pinned: tuple[tuple[str, date], ...], resolve: Callable[[str, str], list[str]]
) -> tuple[tuple[str, date], ...]:
    return tuple(
        (strip, day) for i, (scene, day) in enumerate(pinned)
        for strip in resolve(scene, f"rules.pinned[{i}].scene")
    )

