"""Checked input of the schedule optimiser: candidate days per strip and the pre-checks.

`SolveSpec` is what `solver_model` builds a CP-SAT model from: the problem, the candidate
shoot days (date order), and what re-planning adds (strips fixed to a day, forbidden
strip/day pairs, days that must be used, a penalty per strip moved off its old day).
`candidate_days` restricts each strip to the days on which everybody and everything it needs
is available (this keeps the model compact) and raises `InputError` naming the strip and every
reason when a strip has no day at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.model import (
    DayPart,
    Location,
    Performer,
    ScheduleProblem,
    Strip,
    WorkDay,
)

#: Day parts that make a night day (late wrap), as in `conflicts`; DUSK/DAWN keep the day call.
NIGHT_PARTS = frozenset({DayPart.NIGHT})
#: At most this many locations per shoot day in the optimiser (two in-day company moves).
MAX_LOCATIONS_PER_DAY = 3


@dataclass(frozen=True, slots=True)
class SolveSpec:
    """One optimisation: `days` are the candidate shoot days (date order, indexes 0..D-1).

    `fixed`: strip id -> day index it must stay on; `forbidden`: (strip id, day index) pairs
    excluded; `forced_used`: day indexes that are shoot days whatever is on them; `penalties`:
    strip id -> (old day index or None, penalty in minor units) charged when the strip is not
    on its old day. `idle_days_allowed`: used days may have gaps (re-planning); otherwise they
    are one run of consecutive days.
    """

    problem: ScheduleProblem
    days: tuple[WorkDay, ...]
    fixed: Mapping[str, int] = field(default_factory=dict)
    forbidden: frozenset[tuple[str, int]] = frozenset()
    forced_used: frozenset[int] = frozenset()
    penalties: Mapping[str, tuple[int | None, int]] = field(default_factory=dict)
    idle_days_allowed: bool = False


def _performer_allows(performer: Performer, day: date) -> str | None:
    if performer.earliest_start is not None and day < performer.earliest_start:
        return f"{performer.id} starts {performer.earliest_start}"
    if performer.latest_finish is not None and day > performer.latest_finish:
        return f"{performer.id} finishes {performer.latest_finish}"
    if not performer.availability.allows(day):
        return f"{performer.id} unavailable"
    return None


def _location_allows(location: Location, day: date) -> str | None:
    return None if location.availability.allows(day) else f"location {location.id} unavailable"


def _strip_reason(
    spec: SolveSpec, strip: Strip, index: int, pins: Mapping[str, date]
) -> str | None:
    """Why `strip` cannot be on day `index`, or None when it can."""
    problem = spec.problem
    day = spec.days[index].date
    if strip.id in spec.fixed:  # shot or in the past: stays where it is, whatever changed
        return None if spec.fixed[strip.id] == index else "fixed to another day"
    if (strip.id, index) in spec.forbidden:
        return "excluded by the disruption"
    if strip.id in pins and pins[strip.id] != day:
        return f"pinned to {pins[strip.id]}"
    locations = {loc.id: loc for loc in problem.locations}
    reason = _location_allows(locations[strip.location], day)
    if reason:
        return reason
    performers = {p.id: p for p in problem.performers}
    for person in (*strip.cast, *strip.elements):
        reason = _performer_allows(performers[person], day)
        if reason:
            return reason
        limit = performers[person].max_minutes
        if limit is not None and strip.minutes > limit:
            return f"{person} may work at most {limit} minutes a day"
    if strip.minutes > problem.capacity.max_minutes:
        return f"longer than a day ({problem.capacity.max_minutes} minutes)"
    return None


def check_references(problem: ScheduleProblem) -> None:
    """Raise `InputError` for unknown performer/location/strip ids or duplicate strip ids."""
    performers = {p.id for p in problem.performers}
    locations = {loc.id for loc in problem.locations}
    strip_ids = [strip.id for strip in problem.strips]
    if len(set(strip_ids)) != len(strip_ids):
        raise InputError("strip ids are not unique", field="strips")
    for strip in problem.strips:
        if strip.location not in locations:
            raise InputError(f"strip {strip.id}: unknown location {strip.location!r}",
                             field="location")
        for person in (*strip.cast, *strip.elements):
            if person not in performers:
                raise InputError(f"strip {strip.id}: unknown performer {person!r}", field="cast")
    known = set(strip_ids)
    rules = problem.rules
    named = [s for pair in rules.precedences for s in pair] + [s for g in rules.same_day for s in g]
    named += [strip_id for strip_id, _ in rules.pinned]
    for strip_id in named:
        if strip_id not in known:
            raise InputError(f"rules name unknown strip {strip_id!r}", field="rules")


def candidate_days(spec: SolveSpec) -> dict[str, tuple[int, ...]]:
    """Day indexes each strip may be shot on. Raises `InputError` when a strip has none
    (listing each distinct reason) or when there are no candidate days."""
    if not spec.days:
        raise InputError("no shoot days to schedule into", field="days")
    check_references(spec.problem)
    pins = dict(spec.problem.rules.pinned)
    result: dict[str, tuple[int, ...]] = {}
    for strip in spec.problem.strips:
        reasons: list[str] = []
        ok: list[int] = []
        for index in range(len(spec.days)):
            reason = _strip_reason(spec, strip, index, pins)
            if reason is None:
                ok.append(index)
            elif reason not in reasons:
                reasons.append(reason)
        if not ok:
            raise InputError(f"strip {strip.id} fits no shoot day: " + "; ".join(reasons),
                             field=f"strip {strip.id}")
        result[strip.id] = tuple(ok)
    return result


def turnaround_broken(spec: SolveSpec, index: int, rest_hours: int) -> bool:
    """True when a night day at `index` followed by a day-call day at `index + 1` leaves less
    than `rest_hours` between wrap (night call + standard day) and the next day call."""
    problem = spec.problem
    rules = problem.rules
    wrap = rules.night_call + problem.capacity.standard_minutes
    gap_days = (spec.days[index + 1].date - spec.days[index].date).days
    next_call = gap_days * 24 * 60 + rules.day_call
    return wrap + rest_hours * 60 > next_call
