"""The schedule as an iCalendar file (RFC 5545, the `icalendar` package).

One all-day event per shoot day: summary ``<title>: Day n (<pages> pages)``, the location(s)
of the day, and the scenes in the description (one line each: scene, I/E, set, D/N, pages,
cast). Each event's UID is stable for the same production title, unit and day number
(``day-<n>-<unit>-<hash>@lynchpin``) so a calendar that re-imports the file updates the day
instead of duplicating it. `stamp` (DTSTAMP) is passed in: the renderer reads no clock.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from lynchpin.documents.schedule_view import DayView, ScheduleView, day_night_letter
from lynchpin.engine.units import format_eighths


def day_uid(title: str, day: DayView) -> str:
    """The stable UID of `day`'s event (same title, unit and day number: same UID)."""
    digest = hashlib.sha256(f"{title}\n{day.unit}".encode()).hexdigest()[:16]
    return f"day-{day.number}-{day.unit}-{digest}@lynchpin"


def render_ics(view: ScheduleView, *, stamp: datetime) -> bytes:
    """The schedule as .ics bytes; `stamp` (an aware datetime) is every event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", "-//Lynchpin//Shooting schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{view.title or 'Schedule'} - shooting schedule")
    for day in view.days:
        calendar.add_component(_event(view, day, stamp))
    return bytes(calendar.to_ical())


def _event(view: ScheduleView, day: DayView, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", day_uid(view.title, day))
    event.add("dtstamp", stamp)
    event.add("dtstart", day.date)
    event.add("dtend", day.date + timedelta(days=1))  # all-day: DTEND is exclusive
    title = view.title or "Shoot"
    event.add("summary", f"{title}: Day {day.number} ({format_eighths(day.eighths)} pages)")
    places = list(dict.fromkeys(strip.location for strip in day.strips))
    if places:
        event.add("location", ", ".join(places))
    lines = [
        f"Sc. {s.scene} {s.int_ext.value} {s.set_name} {day_night_letter(s)} "
        f"{format_eighths(s.eighths)} pgs - cast {view.numbers(s.cast) or 'none'}"
        for s in day.strips
    ]
    event.add("description", "\n".join(lines) or "No scenes scheduled")
    return event
