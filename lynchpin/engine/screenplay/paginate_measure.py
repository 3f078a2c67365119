"""Measure every block of a script in one pass: paginate's fast path.

Private helper of `paginate`. Fills a `BlockTable` (see `paginate_blocks`) with each block's
kind, first element, height in lines (space before excluded), space before and forced page
break, counting wrapped lines without building them. Final Draft's automatic ``(CONT'D)`` is
added to a cue whose speaker spoke last in the same scene with something else in between
(the scene's speaker is forgotten at a scene heading, an act marker or dual dialogue).
Linear in the length of the text; the per-kind style is looked up once per element.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lynchpin.engine.screenplay.model import SPEECH_KINDS, UNPRINTED_KINDS, DualSide, Element
from lynchpin.engine.screenplay.model import ElementKind as K
from lynchpin.engine.screenplay.paginate_blocks import (
    BlockKind,
    BlockTable,
    block_kind_of,
    contd_cue,
    speech_end,
)
from lynchpin.engine.screenplay.paginate_style import Geometry
from lynchpin.engine.screenplay.paginate_wrap import count_lines

# Enum members bound once: on Python 3.11 `Enum.MEMBER` is a descriptor lookup, ten times
# slower than a module global, and these are read for every element.
_CHARACTER, _SCENE_HEADING, _PAGE_BREAK = K.CHARACTER, K.SCENE_HEADING, K.PAGE_BREAK
_FLOW, _ACT, _SPEECH, _DUAL = BlockKind.FLOW, BlockKind.ACT, BlockKind.SPEECH, BlockKind.DUAL


class _Style(NamedTuple):
    """What measuring needs of one element kind (widths in characters, heights in lines)."""

    width: int
    first_width: int
    spacing: int
    space_before: int
    starts_new_page: bool
    block_kind: BlockKind
    unprinted: bool
    in_speech: bool  # may continue a speech (parenthetical, dialogue, lyric; notes skipped)


def _styles(geometry: Geometry) -> dict[K, _Style]:
    out: dict[K, _Style] = {}
    for kind in K:
        g = geometry.of(kind)
        unprinted = kind in UNPRINTED_KINDS
        in_speech = (kind in SPEECH_KINDS and kind is not K.CHARACTER) or (
            unprinted and kind is not K.PAGE_BREAK
        )
        out[kind] = _Style(
            width=g.width,
            first_width=g.first_width,
            spacing=g.spacing,
            space_before=g.space_before,
            starts_new_page=g.starts_new_page,
            block_kind=block_kind_of(kind),
            unprinted=unprinted,
            in_speech=in_speech,
        )
    return out


def _lines(style: _Style, text: str) -> int:
    """Rows `text` prints in `style`, spacing blanks included."""
    if len(text) <= style.first_width and "\n" not in text:
        return style.spacing  # one line: most paragraphs
    return count_lines(text, style.width, style.first_width) * style.spacing


def _speech(
    elements: Sequence[Element], start: int, cue: str, styles: dict[K, _Style]
) -> tuple[int, int]:
    """(end, height) of the speech whose cue (printed as `cue`) is elements[start].

    The same bounds as `speech_end(dual=False)`: notes inside are skipped, anything else
    that is not a parenthetical, dialogue or lyric of a single speech ends it.
    """
    height = _lines(styles[_CHARACTER], cue)
    end, n = start + 1, len(elements)
    while end < n:
        element = elements[end]
        style = styles[element.kind]
        if not style.in_speech or (element.dual is not None and not style.unprinted):
            break
        if not style.unprinted:
            text = element.text
            if len(text) <= style.first_width and "\n" not in text:
                height += style.space_before + style.spacing
            else:
                height += style.space_before + _lines(style, text)
        end += 1
    while end > start + 1 and styles[elements[end - 1].kind].unprinted:
        end -= 1  # trailing notes belong to what follows
    return end, height


def _dual(elements: Sequence[Element], start: int, end: int, geometry: Geometry) -> int:
    """Height of a dual-dialogue pair: its taller column."""
    width = geometry.dual_width
    left = right = 0
    for element in elements[start:end]:
        if element.kind in UNPRINTED_KINDS:
            continue
        rows = count_lines(element.text, width, width) * geometry.of(element.kind).spacing
        if element.dual is DualSide.RIGHT:
            right += rows
        else:
            left += rows
    return max(left, right)


class _Measurer:
    """One pass over the elements; keeps the little state auto-(CONT'D) needs."""

    def __init__(self, elements: Sequence[Element], geometry: Geometry) -> None:
        self.table = BlockTable(elements, geometry)
        self.styles = _styles(geometry)
        self.auto_contd = geometry.auto_contd
        self.last_speaker = ""  # last cue's speaker in the current scene
        self.in_scene = False

    def run(self) -> BlockTable:
        table, styles, elements = self.table, self.styles, self.table.elements
        # bound once: this loop runs per element and is most of paginate's time
        new_page, starts, kinds = table.new_page.append, table.starts.append, table.kinds.append
        heights, befores = table.heights.append, table.space_before.append
        forced = False
        k, n = 0, len(elements)
        while k < n:
            element = elements[k]
            style = styles[element.kind]
            if style.unprinted:
                forced |= element.kind is _PAGE_BREAK
                k += 1
                continue
            new_page(forced or style.starts_new_page or element.starts_new_page)
            forced = False
            starts(k)
            if element.kind is _CHARACTER and element.dual is None:
                k = self._speech(k)
            elif element.dual is not None and element.kind in SPEECH_KINDS:
                k = self._dual(k)
            else:
                if style.block_kind is not _FLOW:
                    self._scene_mark(element.kind)
                kinds(style.block_kind)
                text = element.text
                if len(text) <= style.first_width and "\n" not in text:
                    heights(style.spacing)
                else:
                    heights(_lines(style, text))
                befores(style.space_before)
                k += 1
        return table

    def _scene_mark(self, kind: K) -> None:
        """A scene heading or act marker: the scene's speaker is forgotten."""
        if kind is _SCENE_HEADING or block_kind_of(kind) is _ACT:
            self.table.scene_breaks.append(len(self.table.kinds))
            self.last_speaker, self.in_scene = "", kind is _SCENE_HEADING

    def _speech(self, start: int) -> int:
        table = self.table
        cue_element = table.elements[start]
        cue, speaker = cue_element.text, cue_element.speaker
        if self.auto_contd and speaker and self.in_scene and self.last_speaker == speaker:
            cue = contd_cue(cue, table.geometry.continued)
            table.cues[len(table.kinds)] = cue
        self.last_speaker = speaker
        end, height = _speech(table.elements, start, cue, self.styles)
        table.kinds.append(_SPEECH)
        table.heights.append(height)
        table.space_before.append(self.styles[_CHARACTER].space_before)
        return end

    def _dual(self, start: int) -> int:
        table = self.table
        end = speech_end(table.elements, start, dual=True)
        self.last_speaker = ""
        table.kinds.append(_DUAL)
        table.heights.append(_dual(table.elements, start, end, table.geometry))
        table.space_before.append(self.styles[_CHARACTER].space_before)
        return end


def build_table(elements: Sequence[Element], geometry: Geometry) -> BlockTable:
    """Measure every block of `elements` (see module docstring)."""
    return _Measurer(elements, geometry).run()
