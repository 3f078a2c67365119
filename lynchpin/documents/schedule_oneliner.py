"""The one-line schedule as PDF: per shoot day, one compact line per scene.

Each day starts with ``Day n - <date>``; each line gives scene number, I/E, set, D/N, pages
and cast numbers; the day ends with its total pages. Unscheduled strips follow under
``Boneyard``. All text is HTML-escaped.
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


def render_oneliner(view: ScheduleView) -> bytes:
    """The one-liner of `view` as PDF bytes (A4 portrait)."""
    parts = ['<p class="kind">One-line schedule</p>']
    parts.extend(_day(view, day) for day in view.days)
    if view.boneyard:
        parts.append(_block(view, "Boneyard", view.boneyard, ""))
    return render_html_pdf(view.title, "".join(parts))


def _day(view: ScheduleView, day: DayView) -> str:
    title = f"Day {day.number} - {day.date:%A %d %B %Y}"
    banners = "".join(f"<p><b>{escape(text)}</b></p>" for text in view.banners_before(day.number))
    total = f"Total: {format_eighths(day.eighths)} pages"
    return banners + _block(view, title, day.strips, total)


def _block(view: ScheduleView, title: str, strips: tuple[Strip, ...], total: str) -> str:
    lines = "".join(_line(view, strip) for strip in strips)
    foot = f'<tr><td colspan="5" class="total">{escape(total)}</td></tr>' if total else ""
    return (
        f'<div class="day"><h2>{escape(title)}</h2><table>{lines}{foot}</table></div>'
    )


def _line(view: ScheduleView, strip: Strip) -> str:
    cells = (
        f"Sc. {strip.scene}",
        f"{strip.int_ext.value} {strip.set_name} - {day_night_letter(strip)}",
        f"{format_eighths(strip.eighths)} pgs",
        f"Cast: {view.numbers(strip.cast) or '-'}",
    )
    return "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"
