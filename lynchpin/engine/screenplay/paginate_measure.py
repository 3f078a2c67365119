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
from lynchpin.engine.screenplay.paginate_wrap import count_hard_line, count_lines

# Enum members bound once: on Python 3.11 `Enum.MEMBER` is a descriptor lookup, ten times
# slower than a module global, and these are read for every element.
_CHARACTER, _SCENE_HEADING, _PAGE_BREAK = K.CHARACTER, K.SCENE_HEADING, K.PAGE_BREAK
_FLOW, _ACT, _SPEECH, _DUAL = BlockKind.FLOW, BlockKind.ACT, BlockKind.SPEECH, BlockKind.DUAL


class _Style(NamedTuple):
    """What measuring needs of one element kind (widths in characters, heights in lines).

    The measuring loops unpack it by position: keep the field order in step with them.
    """

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


def _wrapped(text: str, width: int, first_width: int) -> int:
    """`count_lines`, going straight to `count_hard_line` for the usual single paragraph."""
    if "\n" in text:
        return count_lines(text, width, first_width)
    return count_hard_line(text, width, first_width)


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
        # bound once, and elements and styles unpacked by position (all eight fields of
        # `Element` and of `_Style`): this loop runs per element and is most of paginate's time
        new_page, starts, kinds = table.new_page.append, table.starts.append, table.kinds.append
        heights, befores = table.heights.append, table.space_before.append
        forced = False
        k, n = 0, len(elements)
        while k < n:
            kind, text, _, _, dual, _, element_new_page, _ = elements[k]
            style = styles[kind]
            width, first_width, spacing, before, style_breaks, block_kind, unprinted, _ = style
            if unprinted:
                forced |= kind is _PAGE_BREAK
                k += 1
                continue
            new_page(forced or style_breaks or element_new_page)
            forced = False
            starts(k)
            if kind is _CHARACTER and dual is None:
                k = self._speech(k)
            elif dual is not None and kind in SPEECH_KINDS:
                k = self._dual(k)
            else:
                if block_kind is not _FLOW:
                    self._scene_mark(kind, block_kind)
                kinds(block_kind)
                if len(text) <= first_width and "\n" not in text:
                    heights(spacing)
                else:
                    heights(_wrapped(text, width, first_width) * spacing)
                befores(before)
                k += 1
        return table

    def _scene_mark(self, kind: K, block_kind: BlockKind) -> None:
        """A scene heading or act marker: the scene's speaker is forgotten."""
        if kind is _SCENE_HEADING or block_kind is _ACT:
            self.table.scene_breaks.append(len(self.table.kinds))
            self.last_speaker, self.in_scene = "", kind is _SCENE_HEADING

    def _speech(self, start: int) -> int:
        """Measure the speech whose cue is elements[start]; return the index after it.

        The same bounds as `speech_end(dual=False)`: notes inside are skipped, anything
        else that is not a parenthetical, dialogue or lyric of a single speech ends it.
        Styles and elements are unpacked as plain tuples: this loop runs for most elements.
        """
        table, styles, elements = self.table, self.styles, self.table.elements
        cue, speaker = elements[start].text, elements[start].speaker
        if self.auto_contd and speaker and self.in_scene and self.last_speaker == speaker:
            cue = table.cues[len(table.kinds)] = contd_cue(cue, table.geometry.continued)
        self.last_speaker = speaker
        width, first_width, height, cue_before, _, _, _, _ = styles[_CHARACTER]
        if len(cue) > first_width or "\n" in cue:  # a cue is one line but for a long name
            height *= _wrapped(cue, width, first_width)
        end, n = start + 1, len(elements)
        while end < n:
            kind, text, _, _, dual, _, _, _ = elements[end]
            width, first_width, spacing, before, _, _, unprinted, in_speech = styles[kind]
            if not in_speech or (dual is not None and not unprinted):
                break
            if not unprinted:
                if len(text) > first_width or "\n" in text:
                    spacing *= _wrapped(text, width, first_width)
                height += before + spacing
            end += 1
        while end > start + 1 and styles[elements[end - 1].kind].unprinted:
            end -= 1  # trailing notes belong to what follows
        table.kinds.append(_SPEECH)
        table.heights.append(height)
        table.space_before.append(cue_before)
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
