"""Place measured blocks on pages: greedy fill with Final Draft's keep-together rules.

Private helper of `paginate`. Pages hold `lines_per_page` body lines. A block's space before
is dropped at the top of a page. A block that does not fit is split where the rules allow
(`paginate_split`) or moved whole to the next page; a heading moves unless what follows can
start below it on the same page (whole, or split legally with at least
`heading_min_follow_lines` lines); a block taller than a whole page is cut at the page end
when no legal split exists, so layout always terminates. Linear in the number of blocks
(splitting only happens at page ends).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lynchpin.engine.screenplay.model import ElementKind
from lynchpin.engine.screenplay.paginate_blocks import Block, BlockKind, Part
from lynchpin.engine.screenplay.paginate_split import split_block
from lynchpin.engine.screenplay.paginate_style import Geometry


@dataclass(frozen=True, slots=True)
class PrintedLine:
    """One body line as laid out: its 0-based line on the page, kind, text, element index.

    Markers that cost no line are reported with `free` True: ``(MORE)`` on the line after the
    last body line it follows, ``NAME (CONT'D)`` on line -1 above a page's first line.
    """

    line: int
    kind: ElementKind
    text: str
    element: int
    free: bool = False


@dataclass(slots=True)
class Flow:
    """The result of placement: lines of each page and where each block starts."""

    lines_per_page: int
    record: bool = True
    pages: list[list[PrintedLine]] = field(default_factory=lambda: [[]])
    starts: list[tuple[int, int]] = field(default_factory=list)
    y: int = 0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0

    def put(self, block: Block, gap: int) -> None:
        """Print `block` at the cursor after `gap` blank lines (the caller checked the fit)."""
        self.y += gap
        for k, part in enumerate(block.parts):
            if k:
                self.y += part.gap
            self._put_part(part)

    def _put_part(self, part: Part) -> None:
        if not self.record:  # measuring only: the rows themselves are not needed
            self.y += part.height
            return
        page = self.pages[-1]
        if part.marker:
            page.append(PrintedLine(self.y - 1, part.kind, part.marker, part.element, True))
        for row in part.rows:
            if row:
                page.append(PrintedLine(self.y, part.kind, row, part.element))
            self.y += 1

    def mark_more(self, text: str, element: int) -> None:
        """Print (MORE) below the last line; it costs no body line."""
        if not self.record:
            return
        self.pages[-1].append(PrintedLine(self.y, ElementKind.CHARACTER, text, element, True))

    @property
    def end(self) -> tuple[int, int]:
        """(page index, line) just after the last printed line."""
        return len(self.pages) - 1, self.y


def _gap(block: Block, y: int) -> int:
    return block.space_before if y > 0 else 0


def _can_start(blocks: Sequence[Block], j: int, avail: int, geometry: Geometry) -> bool:
    """Whether block `j` (and, for headings, what follows) can begin within `avail` lines."""
    if j >= len(blocks):
        return True
    block = blocks[j]
    if block.new_page:
        return True  # a forced break follows: nothing could travel with the heading anyway
    room = avail - block.space_before
    if block.height <= room:
        if block.keep_with_next:
            return _can_start(blocks, j + 1, room - block.height, geometry)
        return True
    if block.kind is BlockKind.HEADING:
        return False
    return split_block(block, room, geometry) is not None


def _fits_whole(
    blocks: Sequence[Block], j: int, block: Block, flow: Flow, geometry: Geometry
) -> bool:
    """Whether `block` (blocks[j] or what is left of it) goes on this page whole."""
    room = geometry.lines_per_page - flow.y - _gap(block, flow.y)
    if block.height > room:
        return False
    if flow.y == 0:
        return True
    rest = room - block.height
    if block.keep_with_next:
        return _can_start(blocks, j + 1, rest, geometry)
    follower = blocks[j + 1] if j + 1 < len(blocks) else None
    if follower is not None and follower.kind is BlockKind.TRANSITION and not follower.new_page:
        return follower.space_before + follower.height <= rest  # a transition never opens a page
    return True


def _force_cut(block: Block, avail: int) -> tuple[Block, Block]:
    """Cut an over-tall block after `avail` rows, ignoring the split rules."""
    rows: list[str] = []
    for k, part in enumerate(block.parts):
        rows.extend([""] * (part.gap if k else 0))
        rows.extend(part.rows)
    first = block.parts[0]
    top = Part(first.kind, "", tuple(rows[:avail]), 0, first.element)
    bottom = Part(first.kind, "", tuple(rows[avail:]), 0, first.element)
    return (
        Block(block.kind, block.element, block.space_before, (top,), block.new_page, block.cue),
        Block(block.kind, block.element, 0, (bottom,), False, block.cue),
    )


def _place(blocks: Sequence[Block], j: int, flow: Flow, geometry: Geometry) -> None:
    block = blocks[j]
    first = True
    while True:
        if block.new_page and flow.y > 0:
            flow.new_page()
        if _fits_whole(blocks, j, block, flow, geometry):
            if first:
                flow.starts.append((len(flow.pages) - 1, flow.y + _gap(block, flow.y)))
            flow.put(block, _gap(block, flow.y))
            return
        gap = _gap(block, flow.y)
        avail = geometry.lines_per_page - flow.y - gap
        pieces = split_block(block, avail, geometry) if not block.keep_with_next else None
        if pieces is None and flow.y == 0:
            pieces = _force_cut(block, avail)
        if pieces is None:
            flow.new_page()
            continue
        if first:
            flow.starts.append((len(flow.pages) - 1, flow.y + gap))
            first = False
        flow.put(pieces[0], gap)
        if block.kind is BlockKind.SPEECH:
            flow.mark_more(geometry.more, block.element)
        flow.new_page()
        block = pieces[1]


def lay_out(blocks: Sequence[Block], geometry: Geometry, *, record: bool = True) -> Flow:
    """Place `blocks` on pages; `Flow.starts[i]` is (page index, line) of block i's first line.

    With `record` False the printed lines are not kept (pages stay empty lists), which is
    all `paginate` needs.
    """
    flow = Flow(geometry.lines_per_page, record)
    for j in range(len(blocks)):
        _place(blocks, j, flow, geometry)
    return flow
