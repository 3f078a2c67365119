"""Where a block may break across a page, following Final Draft's rules.

Private helper of `paginate`. Action (and other flow text) breaks only at a sentence end or
hard line break, leaving at least 2 lines on each side, and only when the paragraph has at
least `action_min_split_lines` lines. A speech breaks between its parts or at a sentence end
inside a dialogue part that wraps to 3 lines or more, with at least 2 dialogue/parenthetical
lines on each side (the cue does not count) and never right after a parenthetical; the top
ends with ``(MORE)`` (free: it prints below the last body line) and the bottom starts with
``NAME (CONT'D)``. Of the legal breaks the one that fills the page most wins. Headings,
transitions, act markers and dual dialogue never split. Thresholds are in lines and come from
final_draft_layout.json.
"""

from __future__ import annotations

from dataclasses import replace

from lynchpin.engine.screenplay.model import ElementKind
from lynchpin.engine.screenplay.paginate_blocks import (
    Block,
    BlockKind,
    Part,
    contd_cue,
    make_part,
)
from lynchpin.engine.screenplay.paginate_style import Geometry
from lynchpin.engine.screenplay.paginate_wrap import ends_sentence, sentence_ends, split_text

_TEXT_KINDS = frozenset({ElementKind.DIALOGUE, ElementKind.LYRIC})

Split = tuple[Block, Block]


def split_block(block: Block, avail: int, geometry: Geometry) -> Split | None:
    """The best legal split of `block` whose top takes at most `avail` lines, or None."""
    if avail <= 0:
        return None
    if block.kind is BlockKind.FLOW:
        return _split_flow(block, avail, geometry)
    if block.kind is BlockKind.SPEECH:
        return _split_speech(block, avail, geometry)
    return None


def _cut_part(part: Part, offset: int, geometry: Geometry) -> tuple[Part, Part, int] | None:
    """`part` cut at a sentence end: top, bottom and the bottom's widow count.

    Final Draft counts the lines left for the next page in the paragraph's original wrap:
    the lines after the one the sentence ends in (a sentence ending mid-line leaves the
    rest of that line uncounted), not the rewrapped bottom.
    """
    top_text, bottom_text = split_text(part.text, offset)
    if not top_text or not bottom_text:
        return None
    top = make_part(part.kind, top_text, part.element, geometry)
    bottom = make_part(part.kind, bottom_text, part.element, geometry)
    widow_rows = part.rows[top.height :]
    return replace(top, gap=part.gap), replace(bottom, gap=0), sum(1 for r in widow_rows if r)


def _split_flow(block: Block, avail: int, geometry: Geometry) -> Split | None:
    rules = geometry.rules
    part = block.parts[0]
    if not geometry.break_at_sentences or part.height < rules.action_min_split_lines:
        return None
    least = rules.action_min_lines_each_side
    best: tuple[Part, Part] | None = None
    for offset in sentence_ends(part.text):
        cut = _cut_part(part, offset, geometry)
        if cut is None:
            continue
        top, bottom, widows = cut
        if top.height > avail:
            break
        if top.height >= least and widows >= least:
            best = top, bottom
    if best is None:
        return None
    top_block = replace(block, parts=(best[0],))
    bottom_block = replace(block, parts=(best[1],), space_before=0, new_page=False)
    return top_block, bottom_block


def _content_lines(parts: tuple[Part, ...] | list[Part]) -> int:
    return sum(
        sum(1 for row in p.rows if row) for p in parts if p.kind is not ElementKind.CHARACTER
    )


Candidate = tuple[list[Part], list[Part], int]


def _speech_candidates(block: Block, geometry: Geometry) -> list[Candidate]:
    """Every (top parts, bottom parts, bottom widow lines) a speech may break into."""
    parts = block.parts
    out: list[Candidate] = []
    min_lines = geometry.rules.dialogue_min_part_lines_to_split
    for k in range(1, len(parts)):
        part = parts[k]
        if k > 1 and parts[k - 1].kind is not ElementKind.PARENTHETICAL:
            out.append((list(parts[:k]), list(parts[k:]), _content_lines(parts[k:])))
        if part.kind not in _TEXT_KINDS or part.height < min_lines:
            continue
        if not geometry.break_at_sentences:
            continue
        for offset in sentence_ends(part.text):
            cut = _cut_part(part, offset, geometry)
            if cut is not None:
                rest = parts[k + 1 :]
                out.append(([*parts[:k], cut[0]], [cut[1], *rest], cut[2] + _content_lines(rest)))
    return out


def _split_speech(block: Block, avail: int, geometry: Geometry) -> Split | None:
    least = geometry.rules.dialogue_min_lines_each_side
    more_cost = 1 if geometry.rules.more_costs_line else 0
    best: tuple[list[Part], list[Part]] | None = None
    best_score = (False, -1)
    for top, bottom, widows in _speech_candidates(block, geometry):
        height = _height(top) + more_cost
        # A break after a full sentence beats a fuller page (Final Draft keeps a sentence
        # split across dialogue paragraphs, e.g. lyric lines, together).
        score = (ends_sentence(top[-1].text), height)
        if height > avail or score <= best_score:
            continue
        if _content_lines(top) >= least and widows >= least:
            best, best_score = (top, bottom), score
    if best is None:
        return None
    top, bottom = best
    cue_text = contd_cue(block.cue or block.parts[0].text, geometry.continued)
    cue = make_part(ElementKind.CHARACTER, cue_text, block.element, geometry)
    if not geometry.rules.contd_costs_line:
        cue = replace(cue, rows=(), marker=cue_text)
    bottom[0] = replace(bottom[0], gap=0)
    top_block = replace(block, parts=tuple(top))
    bottom_block = replace(block, parts=(cue, *bottom), space_before=0, new_page=False)
    return top_block, bottom_block


def _height(parts: list[Part]) -> int:
    return sum(p.height + (p.gap if k else 0) for k, p in enumerate(parts))
