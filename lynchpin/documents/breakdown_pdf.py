"""Breakdown report as PDF breakdown sheets (WeasyPrint).

A cover page (title, totals, elements by category, and for a PDF import a confidence note),
then one sheet per scene: a header strip in the scene's strip colour (scene number, heading,
INT/EXT, day/night, length in eighths, page), the set and time of day, then one box per
category in the category's colour listing the scene's elements. Cast Members always gets a
box, listing speaking cast then non-speaking cast (in italics). A sheet with very many elements
may run onto a second page.

The HTML and CSS come from ``templates/`` (string.Template placeholders); every piece of
script text is HTML-escaped before it is placed, colours are checked to be ``#rrggbb``, and
WeasyPrint is given a URL fetcher that fetches nothing.
"""

from __future__ import annotations

from html import escape
from pathlib import PurePath

from lynchpin.documents.colours import css_colour, text_colour_on
from lynchpin.documents.html_pdf import (
    Markup,
    check_page_size,
    fill,
    print_pdf,
    template,
)
from lynchpin.documents.strips import day_night, strip_colour
from lynchpin.engine.breakdown.report import CAST_CATEGORY, BreakdownReport, SceneReport
from lynchpin.engine.units import format_eighths

_DAY_NIGHT_WORDS = {"D": "Day", "N": "Night", "": "—"}


def render_pdf(report: BreakdownReport, *, page_size: str = "letter") -> bytes:
    """The report as PDF bytes: cover page, then one breakdown sheet per scene.

    `page_size` is ``"letter"`` or ``"A4"``; raises ValueError for anything else.
    """
    check_page_size(page_size)
    css = template("breakdown.css").substitute(page_size=page_size)
    return print_pdf(breakdown_html(report), css)


def breakdown_html(report: BreakdownReport) -> str:
    """The HTML document `render_pdf` prints (all script text escaped)."""
    strips = day_night(report.scenes)
    sheets = "\n".join(
        _sheet(report, scene, dn) for scene, dn in zip(report.scenes, strips, strict=True)
    )
    return fill(
        "breakdown.html",
        title=report.title or report.source or "Untitled",
        cover=Markup(_cover(report)),
        sheets=Markup(sheets),
    )


def _cover(report: BreakdownReport) -> str:
    """The cover page: title, totals, confidence note, elements by category."""
    speaking = sum(1 for character in report.characters if character.dialogue_blocks > 0)
    return fill(
        "breakdown-cover.html",
        title=report.title or "Untitled",
        source=PurePath(report.source).name,  # the file name, never the folders it sat in
        note=Markup(_note(report)),
        scenes=len(report.scenes),
        pages=report.pages,
        length=format_eighths(report.eighths),
        eighths=report.eighths,
        cast=len(report.characters),
        speaking=speaking,
        format=report.format,
        categories=Markup(_category_rows(report)),
    )


def _note(report: BreakdownReport) -> str:
    """The PDF-import confidence note, or nothing for Fountain and FDX."""
    if report.format != "pdf" and report.confidence >= 1.0 and not report.warnings:
        return ""
    warnings = "".join(f"<li>{escape(warning)}</li>" for warning in report.warnings)
    return fill(
        "breakdown-note.html",
        confidence=f"{report.confidence:.0%}",
        warnings=Markup(f"<ul>{warnings}</ul>" if warnings else ""),
    )


def _category_rows(report: BreakdownReport) -> str:
    """One cover-table row per category used in the script: distinct elements, scenes."""
    rows = []
    for column in report.categories:
        names: set[str] = set()
        scenes = 0
        for scene in report.scenes:
            found = dict(scene.elements).get(column.name, ())
            names.update(found)
            scenes += bool(found)
        if names:
            rows.append(
                fill(
                    "breakdown-cover-category.html",
                    colour=css_colour(column.colour),
                    name=column.name,
                    elements=len(names),
                    scenes=scenes,
                )
            )
    return "".join(rows)


def _sheet(report: BreakdownReport, scene: SceneReport, dn: str) -> str:
    """One scene's breakdown sheet."""
    strip = strip_colour(scene.int_ext, dn)
    return fill(
        "breakdown-sheet.html",
        strip=strip,
        strip_text=text_colour_on(strip),
        number=scene.number,
        heading=scene.heading,
        int_ext=scene.int_ext or "—",
        day_night=_DAY_NIGHT_WORDS.get(dn, dn),
        length=format_eighths(scene.eighths),
        page=scene.page,
        set=scene.set or "—",
        time_of_day=scene.time_of_day or "—",
        boxes=Markup(_boxes(report, scene)),
    )


def _boxes(report: BreakdownReport, scene: SceneReport) -> str:
    """Category boxes: Cast Members always, then every category with elements, in id order;
    categories the table does not know come last, in grey."""
    elements = dict(scene.elements)
    boxes = []
    for column in report.categories:
        if column.id == CAST_CATEGORY:
            items = _cast_items(scene)
        elif column.name in elements:
            items = _items(elements[column.name])
        else:
            continue
        boxes.append(_box(column.name, css_colour(column.colour), items))
    known = {column.name for column in report.categories}
    boxes.extend(
        _box(name, "#dddddd", _items(names)) for name, names in scene.elements if name not in known
    )
    return "\n".join(boxes)


def _box(name: str, colour: str, items: str) -> str:
    """One category box; `colour` is a checked ``#rrggbb``, `items` escaped ``<li>`` HTML."""
    return fill(
        "breakdown-box.html",
        colour=colour,
        text=text_colour_on(colour),
        name=name,
        items=Markup(items),
    )


def _items(names: tuple[str, ...]) -> str:
    """Escaped list items."""
    return "".join(f"<li>{escape(name)}</li>" for name in names)


def _cast_items(scene: SceneReport) -> str:
    """Cast list items: speaking cast, then non-speaking cast marked silent."""
    if not scene.characters:
        return '<li class="empty">none</li>'
    return "".join(
        f"<li>{escape(name)}</li>" if name in scene.speaking
        else f'<li class="silent">{escape(name)}</li>'
        for name in scene.characters
    )
