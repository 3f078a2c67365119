"""The stripboard as PDF (WeasyPrint, landscape): one coloured strip per scene.

Strips run in shooting order: scene number, I/E, set, D/N, pages in eighths, cast numbers,
in the strip colour (INT/DAY white, EXT/DAY yellow, INT/NIGHT blue, EXT/NIGHT green). Banners
come before their day; each day ends with a black day break ``END OF DAY n - <date> - <pages>
PAGES``; strips not scheduled follow under ``BONEYARD``. All text is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from lynchpin.documents.colours import css_colour, text_colour_on
from lynchpin.documents.schedule_view import (
    DayView,
    ScheduleView,
    day_night_letter,
    render_html_pdf,
    strip_background,
)
from lynchpin.engine.scheduling.model import Strip
from lynchpin.engine.units import format_eighths

_HEADER = (
    "<tr><th>Scene</th><th>I/E</th><th>Set</th><th>D/N</th><th>Pages</th>"
    "<th>Cast</th></tr>"
)


def render_stripboard(view: ScheduleView) -> bytes:
    """The stripboard of `view` as PDF bytes (A4 landscape)."""
    body = '<p class="kind">Stripboard</p>' + stripboard_html(view)
    return render_html_pdf(view.title, body, landscape=True)


def stripboard_html(view: ScheduleView) -> str:
    """The board as an escaped HTML table (used by `render_stripboard`)."""
    rows = [_HEADER]
    for day in view.days:
        rows.extend(_banner(text) for text in view.banners_before(day.number))
        rows.extend(strip_row(view, strip) for strip in day.strips)
        rows.append(_day_break(day))
    if view.boneyard:
        rows.append('<tr class="boneyard"><td colspan="6">BONEYARD</td></tr>')
        rows.extend(strip_row(view, strip) for strip in view.boneyard)
    return f'<table class="board">{"".join(rows)}</table>'


def day_break_text(day: DayView) -> str:
    """``END OF DAY 3 - Wed 17 Mar 2027 - 4 3/8 PAGES``."""
    return (
        f"END OF DAY {day.number} - {day.date:%a %d %b %Y} - "
        f"{format_eighths(day.eighths)} PAGES"
    )


def strip_row(view: ScheduleView, strip: Strip) -> str:
    """One strip as a table row in its colour."""
    colour = css_colour(strip_background(strip), "#ffffff")
    cells = (
        ("num", strip.scene),
        ("ie", strip.int_ext.value),
        ("set", strip.set_name),
        ("dn", day_night_letter(strip)),
        ("pages", format_eighths(strip.eighths)),
        ("cast", view.numbers(strip.cast)),
    )
    tds = "".join(f'<td class="{name}">{escape(text)}</td>' for name, text in cells)
    style = f"background: {colour}; color: {text_colour_on(colour)}"
    return f'<tr class="strip" style="{style}">{tds}</tr>'


def _day_break(day: DayView) -> str:
    return f'<tr class="daybreak"><td colspan="6">{escape(day_break_text(day))}</td></tr>'


def _banner(text: str) -> str:
    return f'<tr class="banner"><td colspan="6">{escape(text)}</td></tr>'
