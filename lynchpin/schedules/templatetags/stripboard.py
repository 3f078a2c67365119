"""The stripboard's strips, written in Python: ``{% strip_item strip can_move %}``.

A board shows every strip of the schedule (200 and more); including a template per strip
cost most of the page's time, so one strip's list item is built here with `format_html`
(every value escaped), the same markup the keyboard and drag-and-drop script reads:
``data-strip`` (the Strip row), ``data-scene``, the colours, and a note per conflict.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from lynchpin.schedules.adapters.view import StripView

register = template.Library()


def _label(strip: StripView) -> str:
    label = (f"Scene {strip.strip}, {strip.int_ext} {strip.set_name}, {strip.day_night}, "
             f"{strip.length} pages")
    count = len(strip.conflicts)
    if count:
        label += f", {count} conflict{'' if count == 1 else 's'}"
    return label


@register.simple_tag
def strip_item(strip: StripView, can_move: bool) -> SafeString:
    """One strip as a list item of the board (draggable and focusable when `can_move`)."""
    movable = format_html(' draggable="true" tabindex="0" aria-describedby="board-help"') \
        if can_move else ""
    notes = format_html_join("", '<span class="conflict">⚠ {}</span>',
                             ((message,) for message in strip.conflicts))
    return format_html(
        '<li class="strip{}" id="strip-{}" data-strip="{}" data-scene="{}" '
        'style="background: {}; color: {}"{} aria-label="{}">'
        '<span class="num">{}</span><span class="ie">{}</span><span class="set">{}</span>'
        '<span class="dn">{}</span><span class="pages">{}</span><span class="cast">{}</span>'
        '<span class="conflicts" role="note">{}</span></li>',
        " has-conflict" if strip.conflicts else "", strip.row_id, strip.row_id, strip.strip,
        strip.colour, strip.text_colour, movable, _label(strip),
        strip.strip, strip.int_ext, strip.set_name, strip.day_night, strip.length, strip.cast,
        notes)
