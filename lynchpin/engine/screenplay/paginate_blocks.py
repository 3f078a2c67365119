"""Turn a script's elements into measured blocks, the units that pagination places on pages.

Private helper of `paginate`. A block is what Final Draft keeps or splits as one: a scene
heading, one action paragraph, a whole speech (cue, parentheticals, dialogue), a dual-dialogue
pair, a transition, an act marker. Each part of a block carries its wrapped rows (spacing
blanks included), so heights are known before placement. Unprinted kinds take no space; a
PAGE_BREAK element or a ``starts_new_page`` flag (element or style) marks the next block as
starting a new page. Final Draft's automatic ``(CONT'D)`` is added to a cue whose speaker
spoke last in the same scene with something else in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
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


class _Builder:
    """Walks the elements once, keeping the little state auto-(CONT'D) needs."""

    def __init__(self, elements: Sequence[Element], geometry: Geometry) -> None:
        self.elements = elements
        self.geometry = geometry
        self.last_speaker = ""  # last cue's speaker in the current scene
        self.in_scene = False
        self.force_page = False

    def blocks(self) -> Iterator[Block]:
        k = 0
        n = len(self.elements)
        while k < n:
            element = self.elements[k]
            if element.kind in UNPRINTED_KINDS:
                self.force_page |= element.kind is ElementKind.PAGE_BREAK
                k += 1
                continue
            if element.kind in SPEECH_KINDS and element.dual is not None:
                end = _speech_end(self.elements, k, dual=True)
                block = self._dual(k, end)
            elif element.kind is ElementKind.CHARACTER:
                end = _speech_end(self.elements, k, dual=False)
                block = self._speech(k, end)
            else:
                end = k + 1
                block = self._single(k)
            yield block
            k = end

    def _new_page(self, element: Element) -> bool:
        forced = self.force_page or element.starts_new_page
        forced |= self.geometry.of(element.kind).starts_new_page
        self.force_page = False
        return forced

    def _single(self, k: int) -> Block:
        element = self.elements[k]
        part = make_part(element.kind, element.text, k, self.geometry)
        kind = BlockKind.FLOW
        if element.kind in _HEADING_KINDS:
            kind = BlockKind.HEADING
            if element.kind is ElementKind.SCENE_HEADING:
                self.last_speaker, self.in_scene = "", True
        elif element.kind is ElementKind.TRANSITION:
            kind = BlockKind.TRANSITION
        elif element.kind in _ACT_KINDS:
            kind = BlockKind.ACT
            self.last_speaker, self.in_scene = "", False
        return Block(kind, k, part.gap, (part,), self._new_page(self.elements[k]))

    def _speech(self, start: int, end: int) -> Block:
        cue_element = self.elements[start]
        cue = cue_element.text
        speaker = cue_element.speaker
        if self.geometry.auto_contd and self.in_scene and speaker and self.last_speaker == speaker:
            cue = contd_cue(cue, self.geometry.continued)
        parts = [make_part(ElementKind.CHARACTER, cue, start, self.geometry)]
        for k in range(start + 1, end):
            element = self.elements[k]
            if element.kind not in UNPRINTED_KINDS:
                parts.append(make_part(element.kind, element.text, k, self.geometry))
        self.last_speaker = speaker
        new_page = self._new_page(cue_element)
        gap = parts[0].gap
        return Block(BlockKind.SPEECH, start, gap, tuple(parts), new_page, cue_element.text)

    def _dual(self, start: int, end: int) -> Block:
        width = self.geometry.dual_width
        columns: dict[DualSide, list[str]] = {DualSide.LEFT: [], DualSide.RIGHT: []}
        for k in range(start, end):
            element = self.elements[k]
            if element.kind in UNPRINTED_KINDS:
                continue
            side = element.dual or DualSide.LEFT
            spacing = self.geometry.of(element.kind).spacing
            columns[side].extend(part_rows(element.text, width, width, spacing))
        left, right = columns[DualSide.LEFT], columns[DualSide.RIGHT]
        rows = tuple(
            f"{left[r] if r < len(left) else '':<{width}} | {right[r] if r < len(right) else ''}"
            for r in range(max(len(left), len(right)))
        )
        gap = self.geometry.of(ElementKind.CHARACTER).space_before
        part = Part(ElementKind.DIALOGUE, "", rows, gap, start)
        self.last_speaker = ""
        return Block(BlockKind.DUAL, start, gap, (part,), self._new_page(self.elements[start]))


def _speech_end(elements: Sequence[Element], start: int, *, dual: bool) -> int:
    """Index after the speech (or dual pair) starting at `start`."""
    end = start + 1
    while end < len(elements):
        element = elements[end]
        if element.kind in UNPRINTED_KINDS - {ElementKind.PAGE_BREAK}:
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


def build_blocks(elements: Sequence[Element], geometry: Geometry) -> list[Block]:
    """The blocks of `elements` in order (see module docstring)."""
    return list(_Builder(elements, geometry).blocks())
