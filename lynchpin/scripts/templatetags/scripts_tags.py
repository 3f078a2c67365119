"""Template tags of the script pages: ``{% scene_text paragraphs %}``,
``{% scene_rows scenes production_id %}`` and ``colour|swatch``.

The scene text is built here rather than in a template loop so that no whitespace creeps in
between the highlighted pieces of a sentence; the scene list's rows (a hundred a page) are
written here too, as a template loop per row cost most of that page's time. Every piece of
script text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from lynchpin.core.links import row_link
from lynchpin.scripts.highlight import Paragraph, Segment

register = template.Library()

#: Screen colours of the revision colours (paper shades; the name is always shown too).
SWATCHES = {
    "white": "#FFFFFF",
    "blue": "#AFCBEF",
    "pink": "#F6C1D0",
    "yellow": "#FCEB8C",
    "green": "#B9E3B0",
    "goldenrod": "#DAA520",
    "buff": "#F0DC82",
    "salmon": "#F9A98F",
    "cherry": "#DE3163",
}


def _segment(segment: Segment) -> SafeString:
    if not segment.marks:
        return format_html("{}", segment.text)
    first = segment.marks[0]
    return format_html(
        '<mark class="tag tag-{}" style="--tag: {}" title="{}">{}'
        '<span class="visually-hidden"> [{}]</span></mark>',
        first.status, first.colour, segment.label, segment.text, segment.label,
    )


@register.simple_tag
def scene_text(paragraphs: Sequence[Paragraph]) -> SafeString:
    """The scene's paragraphs as ``<p class="sp sp-<kind>">`` with highlighted segments."""
    return format_html_join(
        "\n",
        '<p class="sp sp-{}">{}</p>',
        ((p.css, SafeString("".join(_segment(s) for s in p.segments))) for p in paragraphs),
    )


def _scene_row(scene: Any, url: str) -> SafeString:
    if scene.omitted:
        return format_html(
            '<tr class="omitted"><th scope="row"><a href="{}">{}</a></th><td>'
            '<span class="badge">Omitted</span> <s>{}</s></td><td class="num">\u2014</td>'
            '<td class="num">\u2014</td><td class="num">{}</td><td class="num">{}</td></tr>',
            url, scene.number, scene.heading, scene.accepted, _suggested(scene.suggested))
    return format_html(
        '<tr><th scope="row"><a href="{}">{}</a></th><td><a href="{}">{}</a></td>'
        '<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>'
        '<td class="num">{}</td></tr>',
        url, scene.number, url, scene.heading, scene.page, scene.length, scene.accepted,
        _suggested(scene.suggested))


def _suggested(count: int) -> SafeString:
    return format_html("<strong>{}</strong>", count) if count else SafeString("0")


@register.simple_tag
def scene_rows(scenes: Iterable[Any], production_id: int) -> SafeString:
    """The scene list's table rows: number and heading linking to the scene, page, length,
    accepted elements and suggestions to review (scenes annotated by `scene_list`)."""
    link = row_link("scripts:scene", {"production_id": production_id}, "scene_id")
    return SafeString("\n".join(_scene_row(scene, link(scene.pk)) for scene in scenes))


@register.filter
def swatch(colour: str) -> str:
    """The screen colour of a revision colour name (white when unknown)."""
    return SWATCHES.get(colour, "#FFFFFF")
