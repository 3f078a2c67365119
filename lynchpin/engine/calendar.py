"""Production calendar: which dates are shoot days, and which are public holidays.

A `Calendar` (engine.scheduling.model) resolves to numbered `WorkDay`s: from `start`, the
first `week_days` days of each week (5: Monday-Friday, 6: Monday-Saturday), less the public
holidays of `country`/`subdivision` (the `holidays` package), less `days_off` and company
`travel_days`, plus `extra_work_days` (a Saturday or a holiday the company works anyway).

Precedence, from strongest: a date before `start` is never a work day; `days_off` and
`travel_days` always remove a date (the company cannot shoot while it travels); an
`extra_work_days` date is worked even on a weekend or public holiday; otherwise the weekday
pattern and the public holidays decide.

Pure: no clock, no network. Dates are `datetime.date`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import holidays

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.model import Calendar, WorkDay

__all__ = ["holidays_between", "is_work_day", "public_holidays", "work_days"]

#: Work weeks the calendar supports: days worked per week, counted from Monday.
WEEK_LENGTHS = frozenset({5, 6})

#: A work week of 5 or 6 days always yields a work day within this many days, unless the
#: caller blocks dates explicitly; `work_days` stops looking after this many blocked days in
#: a row so that a pathological calendar raises instead of looping.
_MAX_BLOCKED_RUN = 3660


def public_holidays(calendar: Calendar, years: range) -> dict[date, str]:
    """Public holidays of the calendar's country/subdivision in `years`: date -> name.

    An empty `country` means no public holidays. Raises InputError naming the field
    (``country`` or ``subdivision``) when the `holidays` package does not know it.
    """
    if not calendar.country:
        return {}
    country = calendar.country.strip().upper()
    subdivision = calendar.subdivision.strip().upper() or None
    try:
        table = holidays.country_holidays(country, subdiv=subdivision, years=list(years))
    except NotImplementedError:
        if subdivision and country in holidays.list_supported_countries():
            raise InputError(
                f"unknown subdivision {calendar.subdivision!r} of country {country}",
                source="calendar",
                field="subdivision",
            ) from None
        raise InputError(
            f"unknown country {calendar.country!r} (expected an ISO 3166 code such as GB or US)",
            source="calendar",
            field="country",
        ) from None
    return {day: str(name) for day, name in sorted(table.items())}


def is_work_day(calendar: Calendar, day: date, holiday_dates: frozenset[date]) -> bool:
    """True when the company shoots on `day` (see the module docstring for precedence)."""
    if day < calendar.start or day in calendar.days_off or day in calendar.travel_days:
        return False
    if day in calendar.extra_work_days:
        return True
    return day.weekday() < calendar.week_days and day not in holiday_dates


def _check(calendar: Calendar, count: int) -> None:
    if count < 0:
        raise InputError(f"cannot plan {count} shoot days", source="calendar", field="count")
    if calendar.week_days not in WEEK_LENGTHS:
        raise InputError(
            f"a work week has 5 or 6 days, not {calendar.week_days}",
            source="calendar",
            field="week_days",
        )


def _dates_from(start: date) -> Iterator[date]:
    day = start
    while True:
        yield day
        day += timedelta(days=1)


def work_days(calendar: Calendar, count: int) -> tuple[WorkDay, ...]:
    """The first `count` shoot days from `calendar.start`, numbered 1..count, in date order.

    Raises InputError for a negative `count`, a week that is not 5 or 6 days, an unknown
    country or subdivision (naming the field), or a calendar that blocks every date for
    ten years running.
    """
    _check(calendar, count)
    result: list[WorkDay] = []
    holiday_dates: frozenset[date] = frozenset()
    loaded_year = calendar.start.year - 1
    blocked = 0
    for day in _dates_from(calendar.start):
        if len(result) >= count:
            break
        if day.year > loaded_year:  # load holidays a year at a time, as the walk needs them
            loaded_year = day.year
            holiday_dates = frozenset(public_holidays(calendar, range(day.year, day.year + 1)))
        if is_work_day(calendar, day, holiday_dates):
            result.append(WorkDay(len(result) + 1, day))
            blocked = 0
            continue
        blocked += 1
        if blocked > _MAX_BLOCKED_RUN:
            raise InputError("no work day in ten years of calendar", source="calendar")
    return tuple(result)


def holidays_between(calendar: Calendar, first: date, last: date) -> tuple[tuple[date, str], ...]:
    """Public holidays from `first` to `last` (both included) that the company does not work
    (an `extra_work_days` date is left out), as (date, name) in date order.

    Used for the "company holiday" columns of a day out of days. Raises InputError as
    `public_holidays` does; an empty range (last < first) gives ``()``.
    """
    if last < first:
        return ()
    table = public_holidays(calendar, range(first.year, last.year + 1))
    return tuple(
        (day, name)
        for day, name in table.items()
        if first <= day <= last and day not in calendar.extra_work_days
    )
