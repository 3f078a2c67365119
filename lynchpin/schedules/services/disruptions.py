"""A disruption as a person states it (form or API) -> the re-plan engine's `Disruption`.

Kinds (as in disruption files, docs/formats/production.md): ``performer_unavailable``
(`performer`, `dates`), ``location_lost`` (`location`, `from_date`), ``weather_day``
(`date`), ``day_ran_short`` (`date`, `unshot` scene numbers). Performers are named as on the
board (``KEITH``, ``MOSS`` for the animal); locations as in the facts. Every problem is an
`Invalid` naming the field, so the form shows it beside the input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from lynchpin.core.errors import Invalid
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem
from lynchpin.engine.scheduling.replan import (
    DayRanShort,
    Disruption,
    LocationLost,
    PerformerUnavailable,
    WeatherDay,
)
from lynchpin.schedules.models.values import MAX_ENTRIES, normalise, parse_day

__all__ = ["KINDS", "Stated", "disruption_from"]

#: The kinds of disruption, with their labels.
KINDS = {
    "performer_unavailable": "A performer cannot work on some dates",
    "location_lost": "A location is lost from a date on",
    "weather_day": "Weather rules out exteriors on a day",
    "day_ran_short": "A day ran short: scenes were not shot",
}


@dataclass(frozen=True, slots=True)
class Stated:
    """The engine disruption and a one-line note for the new version."""

    disruption: Disruption
    note: str


def _invalid(field: str, message: str) -> Invalid:
    return Invalid(message, fields={field: [message]})


def _day(value: Any, field: str) -> date:
    try:
        return parse_day(value)
    except ValueError as error:
        raise _invalid(field, str(error)) from None


def _days(values: Any, field: str) -> tuple[date, ...]:
    if not isinstance(values, Sequence) or isinstance(values, str) or not values:
        raise _invalid(field, "Give at least one date.")
    if len(values) > MAX_ENTRIES:
        raise _invalid(field, f"At most {MAX_ENTRIES} dates.")
    return tuple(sorted({_day(value, field) for value in values}))


def _performer(problem: ScheduleProblem, name: Any) -> str:
    wanted = normalise(str(name or ""))
    for performer in problem.performers:
        if wanted in (performer.id, performer.name):
            return performer.id
    raise _invalid("performer", f"No performer {wanted or '(none)'} in this schedule.")


def _location(problem: ScheduleProblem, name: Any) -> str:
    wanted = normalise(str(name or ""))
    if wanted not in {location.id for location in problem.locations}:
        raise _invalid("location", f"No location {wanted or '(none)'} in this schedule.")
    return wanted


def _unshot(schedule: Schedule, when: date, scenes: Any) -> tuple[str, ...]:
    if not isinstance(scenes, Sequence) or isinstance(scenes, str) or not scenes:
        raise _invalid("unshot", "List the scenes the day did not shoot.")
    day = next((d for d in schedule.days if d.date == when), None)
    if day is None:
        raise _invalid("date", f"{when} is not a shoot day of this schedule.")
    wanted = [normalise(str(scene)) for scene in scenes][:MAX_ENTRIES]
    missing = [scene for scene in wanted if scene not in day.strips]
    if missing:
        raise _invalid("unshot", f"Not on day {day.number}: {', '.join(missing)}.")
    return tuple(dict.fromkeys(wanted))


def disruption_from(stated: Mapping[str, Any], problem: ScheduleProblem,
                    schedule: Schedule) -> Stated:
    """The engine disruption of `stated` (see the module docstring). Raises Invalid."""
    kind = stated.get("kind")
    if kind == "performer_unavailable":
        who, dates = _performer(problem, stated.get("performer")), _days(stated.get("dates"),
                                                                          "dates")
        days = ", ".join(d.isoformat() for d in dates)
        return Stated(PerformerUnavailable(who, dates), f"{who} unavailable on {days}")
    if kind == "location_lost":
        place, first = _location(problem, stated.get("location")), _day(
            stated.get("from_date"), "from_date")
        return Stated(LocationLost(place, first), f"{place} lost from {first.isoformat()}")
    if kind == "weather_day":
        when = _day(stated.get("date"), "date")
        return Stated(WeatherDay(when), f"weather day on {when.isoformat()}")
    if kind == "day_ran_short":
        when = _day(stated.get("date"), "date")
        unshot = _unshot(schedule, when, stated.get("unshot"))
        return Stated(DayRanShort(when, unshot),
                      f"{when.isoformat()} ran short: {', '.join(unshot)} not shot")
    raise _invalid("kind", f"Choose one of: {', '.join(KINDS)}.")
