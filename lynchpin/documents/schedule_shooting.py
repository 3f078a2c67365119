"""The shooting schedule as PDF: per shoot day, each scene with its full detail.

For every day (``Day n of N - <date>``): each scene's heading (scene number, I/E, set, D/N),
synopsis when the script has one (Fountain ``=`` lines), cast by number and name, costed
elements, background count, pages and estimated minutes; then the day's totals. All text is
HTML-escaped.
"""

from __future__ import annotations

from html import escape

from lynchpin.documents.schedule_view import (
    DayView,
    ScheduleView,
    day_night_letter,
    render_html_pdf,
)
from lynchpin.engine.scheduling.model import Strip
from lynchpin.engine.units import format_eighths


def render_shooting_schedule(view: ScheduleView) -> bytes:
    """The shooting schedule of `view` as PDF bytes (A4 portrait)."""
    body = ['<p class="kind">Shooting schedule</p>']
    body.extend(_day(view, day, len(view.days)) for day in view.days)
    return render_html_pdf(view.title, "".join(body))


def _day(view: ScheduleView, day: DayView, count: int) -> str:
    title = f"Day {day.number} of {count} - {day.date:%A %d %B %Y}"
    scenes = "".join(_scene(view, strip) for strip in day.strips)
    hours, minutes = divmod(day.minutes, 60)
    total = (
        f"End of day {day.number}: {len(day.strips)} scenes, "
        f"{format_eighths(day.eighths)} pages, about {hours} h {minutes:02d} min"
    )
    return (
        f'<div class="dayblock"><h2>{escape(title)}</h2>{scenes}'
        f'<p class="total">{escape(total)}</p></div>'
    )


def _scene(view: ScheduleView, strip: Strip) -> str:
    head = (
        f"Sc. {strip.scene} - {strip.int_ext.value}. {strip.set_name} - "
        f"{day_night_letter(strip)} - {format_eighths(strip.eighths)} pgs"
    )
    rows = [f'<div class="head">{escape(head)}</div>']
    if strip.notes:
        rows.append(f'<div class="synopsis">{escape(strip.notes)}</div>')
    rows.append(_labelled("Cast", view.names(strip.cast) or "none"))
    if strip.elements:
        rows.append(_labelled("Elements", view.names(strip.elements)))
    if strip.background:
        rows.append(_labelled("Background", str(strip.background)))
    rows.append(_labelled("Location", strip.location))
    return f'<div class="scene">{"".join(rows)}</div>'


def _labelled(label: str, text: str) -> str:
    return f'<div><span class="label">{escape(label)}</span>{escape(text)}</div>'
