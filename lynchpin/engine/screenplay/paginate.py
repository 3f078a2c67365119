"""Paginate a `Script` the way Final Draft does: page count and scene lengths in eighths.

The script is laid out on US letter (default) or A4 in Courier 12 with Final Draft's element
geometry (the script's own FDX ``ElementSettings`` where the importer kept them, else the
defaults in ``final_draft_layout.json``): greedy word wrap, non-additive space before, no
space at a page top, headings kept with what follows, action and dialogue split only at
sentence ends with 2 lines each side, ``(MORE)``/``NAME (CONT'D)`` around dialogue splits,
automatic ``(CONT'D)`` on cues, forced page breaks. See docs/pagination.md.

A scene's length is the body lines from its heading line to the line before the next scene
heading, act marker or the end of the script, less the blank space at the bottom of each page
the scene continues past (Final Draft does not count it; the blank bottom of the page a scene
ends on is counted); ``eighths = max(1, ceil(lines * 8 / lines_per_page))``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from lynchpin.engine.screenplay.model import Script
from lynchpin.engine.screenplay.paginate_blocks import BlockTable
from lynchpin.engine.screenplay.paginate_flow import Flow, PrintedLine, lay_out
from lynchpin.engine.screenplay.paginate_measure import build_table
from lynchpin.engine.screenplay.paginate_style import Paper, resolve_geometry
from lynchpin.engine.units import lines_to_eighths

__all__ = ["Pagination", "Paper", "PrintedLine", "ScenePagination", "layout_pages", "paginate"]


@dataclass(frozen=True, slots=True)
class ScenePagination:
    """Where one scene prints and how long it is.

    `page` is the 1-based body page its heading prints on (title page not counted);
    `lines` the body lines from its heading line to the next scene's (its span on paper,
    blank page bottoms included); `length_lines` the lines its length is measured in: `lines`
    less the blank space at the bottom of each page the scene continues past (Final Draft
    does not count it); `eighths` its length, ``max(1, ceil(length_lines * 8 / per page))``.
    Invariant: ``0 <= length_lines <= lines``.
    """

    index: int
    number: str
    page: int
    lines: int
    eighths: int
    length_lines: int


@dataclass(frozen=True, slots=True)
class Pagination:
    """A paginated script: body page count, lines per page and every scene's length.

    `total_eighths` is the sum of the rounded scene lengths (Final Draft's way, so it may
    differ slightly from ``pages * 8``).
    """

    paper: Paper
    lines_per_page: int
    pages: int
    scenes: tuple[ScenePagination, ...]
    total_eighths: int


def _flow(script: Script, paper: Paper, *, record: bool) -> tuple[BlockTable, Flow]:
    table = build_table(script.elements, resolve_geometry(script.layout, paper))
    return table, lay_out(table, record=record)


def layout_pages(script: Script, *, paper: Paper = Paper.LETTER) -> list[list[PrintedLine]]:
    """The printed lines of each body page (for debugging and tests); blanks are omitted."""
    return _flow(script, paper, record=True)[1].pages


def _page_count(flow: Flow) -> int:
    page, line = flow.end
    return page + 1 if (page or line) else 0


def _blank_before_page(flow: Flow) -> list[int]:
    """``out[p]``: blank lines at the bottom of pages 0..p-1 together (prefix sums).

    Lets each scene's uncounted page bottoms be read in O(1) instead of summed per scene.
    """
    out = [0]
    total = 0
    for used in flow.used:
        total += flow.lines_per_page - used
        out.append(total)
    return out


def _unused_bottoms(blank: list[int], start: tuple[int, int], end: tuple[int, int]) -> int:
    """Blank lines at the bottom of the pages a scene continues past (start..end positions).

    The page the scene ends on is not among them: when the next scene starts at the top of
    a page, the blank bottom before it is the ending scene's. `blank` is
    `_blank_before_page`'s table.
    """
    last = end[0] if end[1] else end[0] - 1
    return blank[last] - blank[start[0]] if last > start[0] else 0


def paginate(script: Script, *, paper: Paper = Paper.LETTER) -> Pagination:
    """Lay out `script` on `paper` and measure every scene.

    Never raises for a well-formed `Script`; an empty script has 0 pages and no scenes.
    """
    table, flow = _flow(script, paper, record=False)
    per_page = flow.lines_per_page
    boundaries = table.scene_breaks
    keep_bottoms = table.geometry.rules.scene_counts_blank_bottoms_it_continues_past
    blank = _blank_before_page(flow)
    block_starts, flow_starts = table.starts, flow.starts
    scenes: list[ScenePagination] = []
    cursor = 0
    for scene in script.scenes:
        start_block = bisect_left(block_starts, scene.start)  # starts are increasing
        if start_block == len(block_starts) or block_starts[start_block] != scene.start:
            continue
        while cursor < len(boundaries) and boundaries[cursor] <= start_block:
            cursor += 1
        end = flow_starts[boundaries[cursor]] if cursor < len(boundaries) else flow.end
        start = flow_starts[start_block]
        lines = (end[0] - start[0]) * per_page + end[1] - start[1]
        counted = lines if keep_bottoms else lines - _unused_bottoms(blank, start, end)
        eighths = lines_to_eighths(counted, per_page)
        scenes.append(
            ScenePagination(scene.index, scene.number, start[0] + 1, lines, eighths, counted)
        )
    return Pagination(
        paper=paper,
        lines_per_page=per_page,
        pages=_page_count(flow),
        scenes=tuple(scenes),
        total_eighths=sum(s.eighths for s in scenes),
    )
