"""Paginate a `Script` the way Final Draft does: page count and scene lengths in eighths.

The script is laid out on US letter (default) or A4 in Courier 12 with Final Draft's element
geometry (the script's own FDX ``ElementSettings`` where the importer kept them, else the
defaults in ``final_draft_layout.json``): greedy word wrap, non-additive space before, no
space at a page top, headings kept with what follows, action and dialogue split only at
sentence ends with 2 lines each side, ``(MORE)``/``NAME (CONT'D)`` around dialogue splits,
automatic ``(CONT'D)`` on cues, forced page breaks. See docs/pagination.md.

A scene's length is the body lines from its heading line to the line before the next scene
heading, act marker or the end of the script, counting on each page it crosses the space left
unused at the bottom; ``eighths = max(1, ceil(lines * 8 / lines_per_page))``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lynchpin.engine.screenplay.model import ElementKind, Script
from lynchpin.engine.screenplay.paginate_blocks import Block, BlockKind, build_blocks
from lynchpin.engine.screenplay.paginate_flow import Flow, PrintedLine, lay_out
from lynchpin.engine.screenplay.paginate_style import Paper, resolve_geometry
from lynchpin.engine.units import lines_to_eighths

__all__ = ["Pagination", "Paper", "PrintedLine", "ScenePagination", "layout_pages", "paginate"]


@dataclass(frozen=True, slots=True)
class ScenePagination:
    """Where one scene prints and how long it is.

    `page` is the 1-based body page its heading prints on (title page not counted);
    `lines` the body lines it occupies, unusable space at page bottoms included;
    `eighths` its length, at least 1.
    """

    index: int
    number: str
    page: int
    lines: int
    eighths: int


@dataclass(frozen=True, slots=True)
class Pagination:
    """A paginated script: body page count, lines per page and every scene's length.

    `total_eighths` is the sum of the rounded scene lengths (Final Draft's way, so it may
    exceed ``pages * 8`` slightly).
    """

    paper: Paper
    lines_per_page: int
    pages: int
    scenes: tuple[ScenePagination, ...]
    total_eighths: int


def _flow(script: Script, paper: Paper, *, record: bool) -> tuple[list[Block], Flow]:
    geometry = resolve_geometry(script.layout, paper)
    blocks = build_blocks(script.elements, geometry)
    return blocks, lay_out(blocks, geometry, record=record)


def layout_pages(script: Script, *, paper: Paper = Paper.LETTER) -> list[list[PrintedLine]]:
    """The printed lines of each body page (for debugging and tests); blanks are omitted."""
    return _flow(script, paper, record=True)[1].pages


def _page_count(flow: Flow) -> int:
    page, line = flow.end
    return page + 1 if (page or line) else 0


def paginate(script: Script, *, paper: Paper = Paper.LETTER) -> Pagination:
    """Lay out `script` on `paper` and measure every scene.

    Never raises for a well-formed `Script`; an empty script has 0 pages and no scenes.
    """
    blocks, flow = _flow(script, paper, record=False)
    per_page = flow.lines_per_page
    block_of = {block.element: k for k, block in enumerate(blocks)}
    boundaries = [
        k
        for k, block in enumerate(blocks)
        if block.kind is BlockKind.ACT
        or (
            block.kind is BlockKind.HEADING
            and script.elements[block.element].kind is ElementKind.SCENE_HEADING
        )
    ]
    scenes: list[ScenePagination] = []
    cursor = 0
    for scene in script.scenes:
        start_block = block_of.get(scene.start)
        if start_block is None:
            continue
        while cursor < len(boundaries) and boundaries[cursor] <= start_block:
            cursor += 1
        end = flow.starts[boundaries[cursor]] if cursor < len(boundaries) else flow.end
        page, line = flow.starts[start_block]
        lines = (end[0] - page) * per_page + end[1] - line
        eighths = lines_to_eighths(lines, per_page)
        scenes.append(ScenePagination(scene.index, scene.number, page + 1, lines, eighths))
    return Pagination(
        paper=paper,
        lines_per_page=per_page,
        pages=_page_count(flow),
        scenes=tuple(scenes),
        total_eighths=sum(s.eighths for s in scenes),
    )
