"""Classify body lines by position and group them into paragraphs.

A line's kind comes from its left edge against the calibrated indents (bands halfway between
neighbouring indents), its centre (centred text) and its content (cues are upper case,
parentheticals open with "(", split markers). Consecutive lines of the same kind on
consecutive grid lines form one paragraph; a blank grid line or a change of kind ends it.
Two upper-case runs side by side on one line open a dual-dialogue block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from lynchpin.engine.screenplay.pdf_extract import RULES
from lynchpin.engine.screenplay.pdf_layout import POINTS_PER_INCH, BodyLine, BodyPage, Calibration

_MORE = frozenset(RULES["more_markers"])
_CONTINUED = re.compile(RULES["continued_pattern"])


class LineKind(StrEnum):
    """What a printed line is, before paragraphs are turned into script elements."""

    ACTION = "action"
    CHARACTER = "character"
    PARENTHETICAL = "parenthetical"
    DIALOGUE = "dialogue"
    TRANSITION = "transition"
    CENTERED = "centered"
    MORE = "more"
    CONTINUED = "continued"
    DUAL = "dual"


#: Kinds whose consecutive lines join into one paragraph.
_JOINABLE = frozenset(
    {LineKind.ACTION, LineKind.DIALOGUE, LineKind.PARENTHETICAL, LineKind.CENTERED,
     LineKind.TRANSITION}
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Lines of one kind on consecutive grid lines of one page.

    `index` is the first line's 0-based grid line; `gap` the grid lines from the previous
    paragraph's last line on the page (None for the first paragraph of a page);
    `on_indent` counts lines whose left edge sits on a calibrated indent or centre.
    """

    kind: LineKind
    lines: tuple[BodyLine, ...]
    page: int
    index: int
    gap: int | None
    on_indent: int

    @property
    def text(self) -> str:
        """The lines joined with single spaces."""
        return " ".join(line.text.strip() for line in self.lines).strip()

    @property
    def scene_number(self) -> str:
        """A scene number printed in a margin of the first line, else ``""``."""
        return self.lines[0].scene_number


def is_upper(text: str) -> bool:
    """True when `text` has letters and none of them is lower case."""
    return any(c.isalpha() for c in text) and text == text.upper()


def page_paragraphs(page: BodyPage, cal: Calibration) -> list[Paragraph]:
    """Classify the lines of `page` and group them into paragraphs, top to bottom."""
    result: list[Paragraph] = []
    group: list[BodyLine] = []
    kind: LineKind | None = None
    last_index: int | None = None
    k = 0
    while k < len(page.lines):
        line = page.lines[k]
        index = cal.line_index(line.top)
        if _is_dual_start(line, page.width):
            line_kind: LineKind = LineKind.DUAL
        else:
            line_kind = classify_line(line, cal, page.width, kind)
        contiguous = last_index is not None and index - last_index == 1
        if group and not (contiguous and line_kind == kind and kind in _JOINABLE):
            result.append(_paragraph(kind, group, page.number, cal, result))
            group = []
        if line_kind is LineKind.DUAL:
            block = _dual_block(page.lines, k, cal)
            result.append(_paragraph(LineKind.DUAL, block, page.number, cal, result))
            k += len(block)
            last_index, kind = cal.line_index(block[-1].top), None
            continue
        group.append(line)
        kind, last_index = line_kind, index
        k += 1
    if group and kind is not None:
        result.append(_paragraph(kind, group, page.number, cal, result))
    return result


def _paragraph(
    kind: LineKind | None, lines: list[BodyLine], page: int, cal: Calibration,
    before: list[Paragraph],
) -> Paragraph:
    index = cal.line_index(lines[0].top)
    gap = None
    if before:
        previous = before[-1]
        gap = index - cal.line_index(previous.lines[-1].top)
    on_indent = sum(1 for line in lines if _on_indent(line, cal))
    return Paragraph(kind or LineKind.ACTION, tuple(lines), page, index, gap, on_indent)


def classify_line(
    line: BodyLine, cal: Calibration, page_width: float, previous: LineKind | None
) -> LineKind:
    """The kind of one line from its position and text (see the module docstring)."""
    text = line.text.strip()
    if text.upper() in _MORE:
        return LineKind.MORE
    if _CONTINUED.match(text.upper()):
        return LineKind.CONTINUED
    if _is_centred(line, page_width, cal) and not _on_indent(line, cal):
        return LineKind.CENTERED
    x = line.x0
    if x >= cal.transition_min:
        return LineKind.TRANSITION
    if x < (cal.action + cal.dialogue) / 2:
        return LineKind.ACTION
    if x < (cal.dialogue + cal.parenthetical) / 2:
        return LineKind.PARENTHETICAL if text.startswith("(") else LineKind.DIALOGUE
    if x < (cal.parenthetical + cal.character) / 2:
        if text.startswith("(") or previous is LineKind.PARENTHETICAL:
            return LineKind.PARENTHETICAL
        return LineKind.DIALOGUE
    return LineKind.CHARACTER if is_upper(text) else LineKind.ACTION


def _is_centred(line: BodyLine, page_width: float, cal: Calibration) -> bool:
    """Centred on the paper (afterwriting, FD New Act) or on the action column (FD Centered)."""
    centre = (line.x0 + line.x1) / 2
    column_right = page_width - float(RULES["body_right_margin_in"]) * POINTS_PER_INCH
    tolerance = float(RULES["centre_tolerance_pt"])
    return any(
        abs(centre - middle) <= tolerance
        for middle in (page_width / 2, (cal.action + column_right) / 2)
    )


def _on_indent(line: BodyLine, cal: Calibration) -> bool:
    """Left edge on a calibrated indent (a parenthetical's hanging line one cell in counts)."""
    tolerance = float(RULES["indent_tolerance_pt"])
    indents = (
        cal.action, cal.dialogue, cal.parenthetical, cal.parenthetical + cal.char_width,
        cal.character,
    )
    return any(abs(line.x0 - x) <= tolerance for x in indents)


def is_recognised(line: BodyLine, cal: Calibration, page_width: float) -> bool:
    """On an indent, centred, or a right-hand transition: a line the reader understood."""
    return (
        _on_indent(line, cal)
        or _is_centred(line, page_width, cal)
        or (line.x0 >= cal.transition_min and is_upper(line.text))
    )


def _is_dual_start(line: BodyLine, page_width: float) -> bool:
    """Two upper-case runs, one each side of the page centre: two cues side by side."""
    runs = line.runs
    return (
        len(runs) == 2
        and runs[0].x1 < page_width / 2 <= runs[1].x0
        and is_upper(runs[0].text)
        and is_upper(runs[1].text)
        and not runs[1].text.rstrip().endswith(":")
    )


def _dual_block(lines: tuple[BodyLine, ...], start: int, cal: Calibration) -> list[BodyLine]:
    """The cue line at `start` and the lines on the following consecutive grid lines."""
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if cal.line_index(line.top) - cal.line_index(block[-1].top) != 1:
            break
        text = line.text.strip()
        # A right-column line starts past the transition edge too; only a transition-like
        # line (upper case, ending in ":") or a scene continued ends the block early.
        if _CONTINUED.match(text.upper()) or (is_upper(text) and text.endswith(":")):
            break
        block.append(line)
    return block
