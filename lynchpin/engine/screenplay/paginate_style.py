"""Page geometry for pagination: lines per page and per-kind line widths in characters.

Private helper of `paginate`. Reads the Final Draft defaults from ``final_draft_layout.json``
(next to this module, with its cited source) and overlays what the importer found in
`Script.layout`. Units: indents in inches from the left paper edge, widths in characters of
Final Draft's Courier (7.0 pt advance), heights in 12-pt lines.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from lynchpin.engine.screenplay.model import ElementKind, Layout, ParagraphStyle

POINTS_PER_INCH = 72.0


class Paper(StrEnum):
    """Paper size the script is paginated for."""

    LETTER = "letter"
    A4 = "a4"


@dataclass(frozen=True, slots=True)
class KindGeometry:
    """How one element kind is set: widths in characters, space before and spacing in lines."""

    first_width: int
    width: int
    space_before: int
    spacing: int
    starts_new_page: bool


@dataclass(frozen=True, slots=True)
class Rules:
    """Keep-together and split thresholds, in lines (see final_draft_layout.json)."""

    heading_min_follow_lines: int
    action_min_split_lines: int
    action_min_lines_each_side: int
    dialogue_min_part_lines_to_split: int
    dialogue_min_lines_each_side: int
    more_costs_line: bool
    contd_costs_line: bool
    scene_counts_blank_bottoms_it_continues_past: bool


@dataclass(frozen=True, slots=True)
class Geometry:
    """Everything the layout needs: page height, per-kind geometry, dual columns, markers."""

    lines_per_page: int
    kinds: dict[ElementKind, KindGeometry]
    dual_width: int
    rules: Rules
    more: str
    continued: str
    auto_contd: bool
    break_at_sentences: bool

    def of(self, kind: ElementKind) -> KindGeometry:
        """Geometry of `kind`; kinds without a style of their own are set as Action."""
        return self.kinds.get(kind) or self.kinds[ElementKind.ACTION]


@cache
def layout_defaults() -> dict[str, Any]:
    """The parsed ``final_draft_layout.json`` (read once)."""
    text = resources.files(__package__).joinpath("final_draft_layout.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def chars_that_fit(span_in: float, pitch_pt: float) -> int:
    """Largest n with ``n * pitch < span`` (Final Draft's fit test), at least 1."""
    span_pt = span_in * POINTS_PER_INCH
    return max(1, math.ceil(span_pt / pitch_pt) - 1)


def default_style(kind: ElementKind, *, multicam: bool = False) -> ParagraphStyle | None:
    """Final Draft's default style for `kind` (multi-camera overrides when asked), or None."""
    data = layout_defaults()
    raw = data["multicam"].get(kind.value) if multicam else None
    raw = raw or data["styles"].get(kind.value)
    if raw is None:
        return None
    return ParagraphStyle(**raw)


def _style_for(kind: ElementKind, layout: Layout) -> ParagraphStyle | None:
    found = layout.style(kind)
    if found is not None:
        return found
    return default_style(kind, multicam=layout.multicam)


def _kind_geometry(style: ParagraphStyle, right_limit: float, pitch: float) -> KindGeometry:
    right = min(style.right, right_limit)
    return KindGeometry(
        first_width=chars_that_fit(right - style.left - style.first_indent, pitch),
        width=chars_that_fit(right - style.left, pitch),
        space_before=max(0, style.space_before),
        spacing=max(1, round(style.spacing)),
        starts_new_page=style.starts_new_page,
    )


def _rules() -> Rules:
    return Rules(**layout_defaults()["rules"])


def lines_per_page(layout: Layout, paper: Paper) -> int:
    """Body lines per page: the layout's own count on letter, paper height less margins on A4.

    A4 keeps the letter margins (``top_margin``/``bottom_margin`` points): 11.69 in - 2 in
    = 697.9 pt = 58 lines of 12 pt.
    """
    if paper is Paper.LETTER:
        return layout.page.lines_per_page
    data = layout_defaults()
    height_pt = data["papers"][paper.value]["height_in"] * POINTS_PER_INCH
    body = height_pt - layout.page.top_margin - layout.page.bottom_margin
    return int(body // data["line_height_pt"])


def resolve_geometry(layout: Layout, paper: Paper) -> Geometry:
    """Geometry for `layout` on `paper`.

    Right indents are clamped to the paper width minus the default 1-inch right margin,
    which only bites on A4 (action 1.5-7.27 in = 59 characters).
    """
    data = layout_defaults()
    pitch = float(data["pitch_pt"])
    right_limit = data["papers"][paper.value]["width_in"] - data["right_margin_in"]
    kinds: dict[ElementKind, KindGeometry] = {}
    for kind in ElementKind:
        style = _style_for(kind, layout)
        if style is not None:
            kinds[kind] = _kind_geometry(style, right_limit, pitch)
    if ElementKind.ACTION not in kinds:  # pragma: no cover - the defaults define Action
        raise ValueError("layout defaults lack an Action style")
    left, right = data["dual_dialogue"]["left"]
    page = layout.page
    return Geometry(
        lines_per_page=lines_per_page(layout, paper),
        kinds=kinds,
        dual_width=chars_that_fit(right - left, pitch),
        rules=_rules(),
        more=page.more,
        continued=page.continued,
        auto_contd=page.auto_contd,
        break_at_sentences=page.break_at_sentences,
    )
