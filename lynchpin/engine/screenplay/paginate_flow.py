"""Place measured blocks on pages: greedy fill with Final Draft's keep-together rules.

Private helper of `paginate`. Pages hold `lines_per_page` body lines. A block's space before
is dropped at the top of a page. A block that does not fit is split where the rules allow
(`paginate_split`) or moved whole to the next page; a heading moves unless what follows can
start below it on the same page (whole, or split legally); a transition never opens a page;
a block taller than a whole page is cut at the page end when no legal split exists, so layout
always terminates. Linear in the number of blocks.

Blocks that fit whole are placed from the `BlockTable` columns alone; only a block that meets
a page end is built with its rows (`BlockTable.block`) to be split. With ``record`` the
printed lines are kept too (`layout_pages`); the placement decisions are the same code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lynchpin.engine.screenplay.model import ElementKind
from lynchpin.engine.screenplay.paginate_blocks import Block, BlockKind, BlockTable, Part
from lynchpin.engine.screenplay.paginate_split import may_split, split_block

# Bound once: on Python 3.11 `Enum.MEMBER` is a slow descriptor lookup (read per block).
_HEADING, _FLOW, _SPEECH = BlockKind.HEADING, BlockKind.FLOW, BlockKind.SPEECH
_TRANSITION = BlockKind.TRANSITION


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
    """The result of placement.

    `starts[j]` is (page index, line) of block j's first line; `used[p]` the lines page p
    uses down to its last printed line (the rest of the page is left blank); `pages` holds
    the printed lines of each page when recording, else stays ``[[]]``.
    """

    lines_per_page: int
    record: bool = True
    pages: list[list[PrintedLine]] = field(default_factory=lambda: [[]])
    starts: list[tuple[int, int]] = field(default_factory=list)
    used: list[int] = field(default_factory=list)
    page: int = 0
    y: int = 0

    def new_page(self) -> None:
        self.used.append(self.y)
        if self.record:
            self.pages.append([])
        self.page += 1
        self.y = 0

    def put(self, block: Block, gap: int) -> None:
        """Print `block` at the cursor after `gap` blank lines (the caller checked the fit)."""
        self.y += gap
        for k, part in enumerate(block.parts):
            if k:
                self.y += part.gap
            self._put_part(part)

    def _put_part(self, part: Part) -> None:
        if not self.record:
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
        if self.record:
            self.pages[-1].append(PrintedLine(self.y, ElementKind.CHARACTER, text, element, True))

    @property
    def end(self) -> tuple[int, int]:
        """(page index, line) just after the last printed line."""
        return self.page, self.y


def _can_start(table: BlockTable, j: int, avail: int) -> bool:
    """Whether block `j` (and, for headings, what follows) can begin within `avail` lines."""
    if j >= len(table.kinds):
        return True
    if table.new_page[j]:
        return True  # a forced break follows: nothing could travel with the heading anyway
    room = avail - table.space_before[j]
    height = table.heights[j]
    kind = table.kinds[j]
    if height <= room:
        if kind is _HEADING:
            return _can_start(table, j + 1, room - height)
        return True
    if kind is not _FLOW and kind is not _SPEECH:
        return False  # only action and speeches split
    return split_block(table.block(j), room, table.geometry) is not None


def _fits_whole(table: BlockTable, j: int, height: int, gap: int, flow: Flow) -> bool:
    """Whether block `j` (or what is left of it, `height` lines) goes on this page whole."""
    room = flow.lines_per_page - flow.y - gap
    if height > room:
        return False
    if flow.y == 0:
        return True
    rest = room - height
    if table.kinds[j] is _HEADING:
        return _can_start(table, j + 1, rest)
    follower = j + 1
    if (
        follower < len(table.kinds)
        and table.kinds[follower] is _TRANSITION
        and not table.new_page[follower]
    ):  # a transition never opens a page
        return table.space_before[follower] + table.heights[follower] <= rest
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


def _place(table: BlockTable, j: int, flow: Flow) -> None:
    """Place block j: whole from the table's figures when it fits, else split (slow path)."""
    if table.new_page[j] and flow.y > 0:
        flow.new_page()
    height = table.heights[j]
    while True:
        gap = table.space_before[j] if flow.y > 0 else 0
        if _fits_whole(table, j, height, gap, flow):
            flow.starts.append((flow.page, flow.y + gap))
            if flow.record:
                flow.put(table.block(j), gap)
            else:
                flow.y += gap + height
            return
        if flow.y == 0 or may_split(table.kinds[j], height, table.geometry):
            _place_across(table, j, flow)
            return
        flow.new_page()  # it cannot split: it moves whole


def _place_across(table: BlockTable, j: int, flow: Flow) -> None:
    """Place block j, which does not fit whole here: split it or move it on."""
    block = table.block(j)
    geometry = table.geometry
    first = True
    while True:
        if block.new_page and flow.y > 0:
            flow.new_page()
        gap = block.space_before if flow.y > 0 else 0
        if _fits_whole(table, j, block.height, gap, flow):
            if first:
                flow.starts.append((flow.page, flow.y + gap))
            flow.put(block, gap)
            return
        avail = flow.lines_per_page - flow.y - gap
        pieces = split_block(block, avail, geometry) if not block.keep_with_next else None
        if pieces is None and flow.y == 0:
            pieces = _force_cut(block, avail)
        if pieces is None:
            flow.new_page()
            continue
        if first:
            flow.starts.append((flow.page, flow.y + gap))
            first = False
        flow.put(pieces[0], gap)
        if block.kind is _SPEECH:
            flow.mark_more(geometry.more, block.element)
        flow.new_page()
        block = pieces[1]


def lay_out(table: BlockTable, *, record: bool = True) -> Flow:
    """Place every block of `table` on pages (see `Flow` for what is returned).

    With `record` False the printed lines are not kept (pages stay one empty list), which is
    all `paginate` needs.

    Most blocks fit whole below the text already on the page and nothing after them needs
    to travel with them; those are placed here from the table's columns with the cursor in
    local variables (this loop runs per block). Every other block goes through `_place`,
    which makes the same decision the long way and handles splits and moves.
    """
    flow = Flow(table.geometry.lines_per_page, record)
    per_page = flow.lines_per_page
    kinds, heights, befores = table.kinds, table.heights, table.space_before
    new_page, starts = table.new_page, flow.starts
    last = len(kinds) - 1
    y = page = 0
    for j, kind in enumerate(kinds):
        if y and new_page[j]:
            flow.y = y
            flow.new_page()
            y, page = 0, flow.page
        after = y + befores[j] + heights[j] if y else heights[j]
        # nothing after block j needs room on this page? (a heading keeps what follows with
        # it and a transition never opens a page: both go the long way, via `_fits_whole`)
        alone = kind is not _HEADING and (
            j == last or kinds[j + 1] is not _TRANSITION or new_page[j + 1]
        )
        if after <= per_page and (y == 0 or alone):
            starts.append((page, after - heights[j]))
            if record:
                flow.y = y
                flow.put(table.block(j), after - heights[j] - y)
            y = after
            continue
        flow.y = y
        _place(table, j, flow)
        y, page = flow.y, flow.page
    flow.y = y
    flow.used.append(y)
    return flow
