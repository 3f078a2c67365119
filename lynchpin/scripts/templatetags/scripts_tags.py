"""Template tags of the script pages: ``{% scene_text paragraphs %}`` and ``colour|swatch``.

The scene text is built here rather than in a template loop so that no whitespace creeps in
between the highlighted pieces of a sentence; every piece of script text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

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


@register.filter
def swatch(colour: str) -> str:
    """The screen colour of a revision colour name (white when unknown)."""
    return SWATCHES.get(colour, "#FFFFFF")
