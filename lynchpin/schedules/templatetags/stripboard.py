"""The stripboard's days and strips, written in Python: ``{% day_section day %}`` and
``{% strip_item strip can_move %}``.

A board shows every strip of the schedule (200 and more) in 40 or more days; rendering a
template per strip and per day cost most of the page's time, so the markup is built here with
`format_html` (every value escaped): the same markup the keyboard and drag-and-drop script
reads (``data-strip``, ``data-day``, ``data-total``). A strip's item is a function of its
values alone (`StripView` and `DayView` are frozen values), so each process keeps the items
and day sections it drew last: a board drawn again costs a lookup per day that did not
change. The day's forms carry the request's CSRF token, put in after the lookup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from lynchpin.schedules.adapters.view import DayView, StripView

register = template.Library()


def _label(strip: StripView) -> str:
    label = (f"Scene {strip.strip}, {strip.int_ext} {strip.set_name}, {strip.day_night}, "
             f"{strip.length} pages")
    count = len(strip.conflicts)
    if count:
        label += f", {count} conflict{'' if count == 1 else 's'}"
    return label


#: Strip items kept per process (a few boards' worth; each is a few hundred characters).
ITEMS_KEPT = 4096
#: Day sections kept per process (each a day's strips: a few kilobytes).
DAYS_KEPT = 512
#: Stands for the CSRF field in a kept day section (a NUL never occurs in escaped text).
_CSRF = "\x00csrf\x00"
_MOVABLE = mark_safe(' draggable="true" tabindex="0" aria-describedby="board-help"')


@register.simple_tag
def strip_item(strip: StripView, can_move: bool) -> SafeString:
    """One strip as a list item of the board (draggable and focusable when `can_move`)."""
    return _item(strip, bool(can_move))


@lru_cache(maxsize=ITEMS_KEPT)
def _item(strip: StripView, can_move: bool) -> SafeString:
    movable = _MOVABLE if can_move else ""
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


@register.simple_tag(takes_context=True)
def day_section(context: Any, day: DayView) -> SafeString:
    """A shoot day of the board: its strips, the day break with totals and conflicts, and
    (editable boards) the day's tools: a banner before it, remove the day."""
    data, version = context["data"], context["version"]
    editable = bool(data.editable)
    html = _section(day, editable, int(context["production"].pk), int(version.pk),
                    int(version.version))
    if not editable:
        return html
    token = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
                        context.get("csrf_token", ""))
    return mark_safe(html.replace(_CSRF, token))  # both parts escaped


@lru_cache(maxsize=DAYS_KEPT)
def _section(day: DayView, editable: bool, production_id: int, schedule_id: int,
             version: int) -> SafeString:
    strips = mark_safe("".join(_item(strip, editable) for strip in day.strips))  # escaped items
    moves = f" (moves {day.move_minutes} min)" if day.move_minutes else ""
    notes = format_html_join("", '<span class="conflict">⚠ {}</span>',
                             ((message,) for message in day.conflicts))
    tools = _tools(day, production_id, schedule_id, version) if editable else ""
    return format_html(
        '<section class="day" id="day-{}" data-day="{}" data-number="{}" aria-label="Day {}, {}">'
        '<ol class="strips" data-day="{}">{}</ol><div class="daybreak">'
        '<span>END OF DAY {} – {} – <span data-total="length">{}</span> pages – '
        '<span data-total="hours">{}</span> h<span data-total="moves">{}</span></span>'
        ' <span class="day-conflicts" role="note">{}</span>{}</div></section>',
        day.row_id, day.row_id, day.number, day.number, f"{day.date:%A} {day.date.day} "
        f"{day.date:%B}", day.row_id, strips, day.number,
        f"{day.date:%a} {day.date.day} {day.date:%b %Y}", day.length, day.hours, moves, notes,
        tools)


def _tools(day: DayView, production_id: int, schedule_id: int, version: int) -> SafeString:
    ids = {"production_id": production_id, "schedule_id": schedule_id, "day_id": day.row_id}
    return format_html(
        '<details class="day-tools"><summary>Day {}</summary>'
        '<form method="post" action="{}" class="inline-form">{}'
        '<input type="hidden" name="version" value="{}"><label for="banner-{}">Banner before'
        '</label> <input id="banner-{}" name="text" maxlength="120" placeholder="END OF WEEK 1">'
        ' <button type="submit" class="secondary">Add</button></form>'
        '<form method="post" action="{}" class="inline-form" data-confirm="Remove day {}? Its '
        'strips go to the boneyard.">{}<input type="hidden" name="version" value="{}">'
        '<button type="submit" class="danger">Remove day</button></form></details>',
        day.number, reverse("schedules:banner_add", kwargs=ids), mark_safe(_CSRF), version,
        day.row_id, day.row_id, reverse("schedules:day_remove", kwargs=ids), day.number,
        mark_safe(_CSRF), version)
