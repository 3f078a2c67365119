"""Turn a script's elements into measured blocks, the units that pagination places on pages.

Private helper of `paginate`. A block is what Final Draft keeps or splits as one: a scene
heading, one action paragraph, a whole speech (cue, parentheticals, dialogue), a dual-dialogue
pair, a transition, an act marker. Unprinted kinds take no space; a PAGE_BREAK element or a
``starts_new_page`` flag (element or style) marks the next block as starting a new page.
Final Draft's automatic ``(CONT'D)`` is added to a cue whose speaker spoke last in the same
scene with something else in between.

`paginate_measure.build_table` fills a `BlockTable` in one pass (heights counted without
building the wrapped rows: paginate's fast path). `BlockTable.block` builds one block's parts
with their rows on demand, for splitting at a page end and for `layout_pages`; its height
always equals the table's (tests check this on the corpus).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from lynchpin.engine.screenplay.model import (
    SPEECH_KINDS,
    UNPRINTED_KINDS,
    DualSide,
    Element,
    ElementKind,
)
from lynchpin.engine.screenplay.paginate_style import Geometry
from lynchpin.engine.screenplay.paginate_wrap import wrap

_CONTD = re.compile(r"\bCONT['’`]?D\b", re.IGNORECASE)
_ACT_KINDS = frozenset({ElementKind.NEW_ACT, ElementKind.END_OF_ACT})
_HEADING_KINDS = frozenset({ElementKind.SCENE_HEADING, ElementKind.SHOT})
_SKIPPED_IN_SPEECH = UNPRINTED_KINDS - {ElementKind.PAGE_BREAK}


class BlockKind(StrEnum):
    """What a block is, which decides how it may be kept or split."""

    HEADING = "heading"
    FLOW = "flow"
    SPEECH = "speech"
    DUAL = "dual"
    TRANSITION = "transition"
    ACT = "act"


@dataclass(frozen=True, slots=True)
class Part:
    """One paragraph inside a block: its kind, text as wrapped, rows and the gap above it.

    `marker` is text printed above the part's first row without using a line (Final Draft's
    ``NAME (CONT'D)`` at the top of a page after a dialogue split).
    """

    kind: ElementKind
    text: str
    rows: tuple[str, ...]
    gap: int
    element: int
    marker: str = ""

    @property
    def height(self) -> int:
        """Rows the part prints, spacing blanks included (the gap is not)."""
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of placement. `element` is the index of its first element in the script."""

    kind: BlockKind
    element: int
    space_before: int
    parts: tuple[Part, ...]
    new_page: bool = False
    cue: str = ""

    @property
    def height(self) -> int:
        """Lines the block takes when placed whole below other text, space before excluded."""
        total = 0
        for k, part in enumerate(self.parts):
            total += part.height + (part.gap if k else 0)
        return total

    @property
    def keep_with_next(self) -> bool:
        """Headings never end a page: they travel with what follows."""
        return self.kind is BlockKind.HEADING


def block_kind_of(kind: ElementKind) -> BlockKind:
    """The block a paragraph of `kind` makes when it stands alone (not in a speech)."""
    if kind in _HEADING_KINDS:
        return BlockKind.HEADING
    if kind is ElementKind.TRANSITION:
        return BlockKind.TRANSITION
    return BlockKind.ACT if kind in _ACT_KINDS else BlockKind.FLOW


def part_rows(text: str, first_width: int, width: int, spacing: int) -> tuple[str, ...]:
    """Wrapped rows of `text`, each followed by ``spacing - 1`` blank rows."""
    lines = wrap(text, width, first_width)
    if spacing <= 1:
        return tuple(lines)
    rows: list[str] = []
    for line in lines:
        rows.append(line)
        rows.extend([""] * (spacing - 1))
    return tuple(rows)


def make_part(kind: ElementKind, text: str, element: int, geometry: Geometry) -> Part:
    """A part of `kind` set with the geometry's widths and spacing."""
    kg = geometry.of(kind)
    rows = part_rows(text, kg.first_width, kg.width, kg.spacing)
    return Part(kind, text, rows, kg.space_before, element)


def contd_cue(cue: str, continued: str) -> str:
    """`cue` with the continued marker appended unless it already carries one."""
    if not continued or _CONTD.search(cue) or continued.lower() in cue.lower():
        return cue
    return f"{cue.rstrip()} {continued}"


@dataclass(slots=True)
class BlockTable:
    """Every block of a script as parallel columns (one entry per block, in print order).

    `starts[j]` is the block's first element; `heights[j]` its lines, space before excluded;
    `cues` holds the cues that print with an automatic ``(CONT'D)`` (by block). `scene_breaks`
    lists the blocks that end the scene before them (scene headings and act markers).
    """

    elements: Sequence[Element]
    geometry: Geometry
    kinds: list[BlockKind] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    space_before: list[int] = field(default_factory=list)
    heights: list[int] = field(default_factory=list)
    new_page: list[bool] = field(default_factory=list)
    cues: dict[int, str] = field(default_factory=dict)
    scene_breaks: list[int] = field(default_factory=list)
    built: dict[int, Block] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.kinds)

    def block(self, j: int) -> Block:
        """Block `j` with its parts and wrapped rows (built once, then kept in `built`)."""
        found = self.built.get(j)
        if found is None:
            found = self.built[j] = self._build(j)
        return found

    def _build(self, j: int) -> Block:
        kind, start, elements = self.kinds[j], self.starts[j], self.elements
        if kind is BlockKind.DUAL:
            end = speech_end(elements, start, dual=True)
            part = _dual_part(elements, start, end, self.geometry)
            return Block(kind, start, self.space_before[j], (part,), self.new_page[j])
        element = elements[start]
        label = self.cues.get(j, element.text)
        parts = [make_part(element.kind, label, start, self.geometry)]
        end = speech_end(elements, start, dual=False) if kind is BlockKind.SPEECH else start
        for k in range(start + 1, end):
            other = elements[k]
            if other.kind not in UNPRINTED_KINDS:
                parts.append(make_part(other.kind, other.text, k, self.geometry))
        cue = element.text if kind is BlockKind.SPEECH else ""
        return Block(kind, start, self.space_before[j], tuple(parts), self.new_page[j], cue)


def _dual_part(elements: Sequence[Element], start: int, end: int, geometry: Geometry) -> Part:
    """Both columns of a dual-dialogue pair side by side, as one part."""
    width = geometry.dual_width
    columns: dict[DualSide, list[str]] = {DualSide.LEFT: [], DualSide.RIGHT: []}
    for k in range(start, end):
        element = elements[k]
        if element.kind in UNPRINTED_KINDS:
            continue
        spacing = geometry.of(element.kind).spacing
        columns[element.dual or DualSide.LEFT].extend(
            part_rows(element.text, width, width, spacing)
        )
    left, right = columns[DualSide.LEFT], columns[DualSide.RIGHT]
    rows = tuple(
        f"{left[r] if r < len(left) else '':<{width}} | {right[r] if r < len(right) else ''}"
        for r in range(max(len(left), len(right)))
    )
    gap = geometry.of(ElementKind.CHARACTER).space_before
    return Part(ElementKind.DIALOGUE, "", rows, gap, start)


def speech_end(elements: Sequence[Element], start: int, *, dual: bool) -> int:
    """Index after the speech (or dual pair) starting at `start`."""
    end = start + 1
    n = len(elements)
    while end < n:
        element = elements[end]
        if element.kind in _SKIPPED_IN_SPEECH:
            end += 1
            continue
        if element.kind not in SPEECH_KINDS:
            break
        if dual and element.dual is None:
            break
        if not dual and (element.kind is ElementKind.CHARACTER or element.dual is not None):
            break
        end += 1
    while end > start + 1 and elements[end - 1].kind in UNPRINTED_KINDS:
        end -= 1
    return end
