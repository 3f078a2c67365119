"""Where a block may break across a page, following Final Draft's rules.

Private helper of `paginate`. Action (and other flow text) breaks only at a sentence end,
leaving at least 2 lines on each side, and only when the paragraph has at least
`action_min_split_lines` lines. A speech breaks between its parts or at a sentence end
inside a dialogue part that wraps to 3 lines or more, with at least 2 dialogue/parenthetical
lines on each side (the cue does not count) and never right after a parenthetical; the top
ends with ``(MORE)`` (free: it prints below the last body line) and the bottom starts with
``NAME (CONT'D)``. A break after a complete sentence beats a fuller page; otherwise the
fullest page wins. Headings, transitions, act markers and dual dialogue never split.
Thresholds are in lines and come from final_draft_layout.json.

Candidates are measured with `count_lines`; only the chosen split (and the tops that pass
the cheap tests) are wrapped into rows.
"""

from __future__ import annotations

from lynchpin.engine.screenplay.model import ElementKind
from lynchpin.engine.screenplay.paginate_blocks import (
    Block,
    BlockKind,
    Part,
    contd_cue,
    make_part,
)
from lynchpin.engine.screenplay.paginate_style import Geometry
from lynchpin.engine.screenplay.paginate_wrap import (
    count_lines,
    ends_sentence,
    sentence_ends,
    split_text,
)

_TEXT_KINDS = frozenset({ElementKind.DIALOGUE, ElementKind.LYRIC})

Split = tuple[Block, Block]
# (first part that goes on, sentence-end offset in it or -1 between parts, top height in
# lines, widow lines on the next page, text the top ends with)
Cut = tuple[int, int, int, int, str]


def may_split(kind: BlockKind, height: int, geometry: Geometry) -> bool:
    """A cheap necessary condition for `split_block` to find a split of a `height`-line block.

    Action needs `action_min_split_lines` lines; a speech needs its cue plus at least
    `dialogue_min_lines_each_side` lines on each side. Lets placement skip building the
    rows of blocks that can only move whole.
    """
    rules = geometry.rules
    if kind is BlockKind.FLOW:
        return geometry.break_at_sentences and height >= rules.action_min_split_lines
    if kind is BlockKind.SPEECH:
        return height >= 1 + 2 * rules.dialogue_min_lines_each_side
    return False


def split_block(block: Block, avail: int, geometry: Geometry) -> Split | None:
    """The best legal split of `block` whose top takes at most `avail` lines, or None."""
    if avail <= 0:
        return None
    if block.kind is BlockKind.FLOW:
        return _split_flow(block, avail, geometry)
    if block.kind is BlockKind.SPEECH:
        return _split_speech(block, avail, geometry)
    return None


def _top_lines(part: Part, offset: int, geometry: Geometry) -> int:
    """Lines of `part`'s text up to `offset` when wrapped on its own (0 if that is empty)."""
    top_text = split_text(part.text, offset)[0]
    if not top_text:
        return 0
    style = geometry.of(part.kind)
    return count_lines(top_text, style.width, style.first_width) * style.spacing


def _widows(part: Part, top_height: int) -> int:
    """Lines left for the next page, counted in the paragraph's original wrap.

    Final Draft counts the rows after the ones the top takes (a sentence ending mid-line
    leaves the rest of that line uncounted), not the rewrapped bottom.
    """
    rest = part.rows[top_height:]
    return len(rest) - rest.count("")  # the non-blank rows, counted in C


def _cut_top(part: Part, offset: int, geometry: Geometry) -> Part:
    """The top of `part` cut at a sentence end; it keeps the gap above the part."""
    top = make_part(part.kind, split_text(part.text, offset)[0], part.element, geometry)
    return Part(top.kind, top.text, top.rows, part.gap, top.element)


def _cut_bottom(part: Part, offset: int, geometry: Geometry) -> Part:
    """The rest of `part` after a sentence end, rewrapped, with no gap above."""
    bottom = make_part(part.kind, split_text(part.text, offset)[1], part.element, geometry)
    return Part(bottom.kind, bottom.text, bottom.rows, 0, bottom.element)


def _split_flow(block: Block, avail: int, geometry: Geometry) -> Split | None:
    rules = geometry.rules
    part = block.parts[0]
    if not geometry.break_at_sentences or part.height < rules.action_min_split_lines:
        return None
    least = rules.action_min_lines_each_side
    best = -1
    for offset in sentence_ends(part.text):
        if not split_text(part.text, offset)[1]:
            continue  # nothing after this sentence end
        top_height = _top_lines(part, offset, geometry)
        if top_height > avail:
            break
        if top_height >= least and _widows(part, top_height) >= least:
            best = offset
    if best < 0:
        return None
    top, bottom = _cut_top(part, best, geometry), _cut_bottom(part, best, geometry)
    return (
        Block(block.kind, block.element, block.space_before, (top,), block.new_page, block.cue),
        Block(block.kind, block.element, 0, (bottom,), False, block.cue),
    )


def _content_lines(parts: tuple[Part, ...] | list[Part]) -> int:
    """Non-blank rows of `parts`, the cue not counted (rows are counted in C: this runs
    for every candidate split)."""
    return sum(len(p.rows) - p.rows.count("") for p in parts if p.kind is not ElementKind.CHARACTER)


def _speech_cuts(block: Block, avail: int, geometry: Geometry) -> list[Cut]:
    """Every place a speech may break whose top could fit in `avail` lines (taller tops are
    never chosen, so they are not measured)."""
    parts = block.parts
    out: list[Cut] = []
    min_lines = geometry.rules.dialogue_min_part_lines_to_split
    above = parts[0].height  # lines of the parts before part k
    for k in range(1, len(parts)):
        part = parts[k]
        if above > avail:
            break
        if k > 1 and parts[k - 1].kind is not ElementKind.PARENTHETICAL:
            out.append((k, -1, above, _content_lines(parts[k:]), parts[k - 1].text))
        if part.kind in _TEXT_KINDS and part.height >= min_lines and geometry.break_at_sentences:
            out.extend(_sentence_cuts(parts, k, above + part.gap, avail, geometry))
        above += part.gap + part.height
    return out


def _sentence_cuts(
    parts: tuple[Part, ...], k: int, above: int, avail: int, geometry: Geometry
) -> list[Cut]:
    """Cuts of part k at a sentence end whose top (below `above` lines) fits in `avail`."""
    part = parts[k]
    rest = _content_lines(parts[k + 1 :])
    out: list[Cut] = []
    for offset in sentence_ends(part.text):
        top_text, bottom_text = split_text(part.text, offset)
        if not top_text or not bottom_text:
            continue
        top_height = _top_lines(part, offset, geometry)
        if above + top_height > avail:
            break  # later sentence ends only make the top taller
        out.append((k, offset, above + top_height, _widows(part, top_height) + rest, top_text))
    return out


def _top_parts(block: Block, cut: Cut, geometry: Geometry) -> list[Part]:
    k, offset = cut[0], cut[1]
    if offset < 0:
        return list(block.parts[:k])
    return [*block.parts[:k], _cut_top(block.parts[k], offset, geometry)]


def _bottom_parts(block: Block, cut: Cut, geometry: Geometry) -> list[Part]:
    k, offset = cut[0], cut[1]
    first = block.parts[k]
    if offset >= 0:
        first = _cut_bottom(first, offset, geometry)
    return [Part(first.kind, first.text, first.rows, 0, first.element), *block.parts[k + 1 :]]


def _best_speech_cut(block: Block, avail: int, geometry: Geometry) -> tuple[Cut, list[Part]] | None:
    """The best cut and the top parts it leaves (built while judging it, so kept)."""
    least = geometry.rules.dialogue_min_lines_each_side
    more_cost = 1 if geometry.rules.more_costs_line else 0
    best: tuple[Cut, list[Part]] | None = None
    best_score = (False, -1)
    for cut in _speech_cuts(block, avail - more_cost, geometry):
        height = cut[2] + more_cost
        # A break after a full sentence beats a fuller page (Final Draft keeps a sentence
        # split across dialogue paragraphs, e.g. lyric lines, together).
        score = (ends_sentence(cut[4]), height)
        if height > avail or score <= best_score or cut[3] < least:
            continue
        top = _top_parts(block, cut, geometry)
        if _content_lines(top) >= least:
            best, best_score = (cut, top), score
    return best


def _split_speech(block: Block, avail: int, geometry: Geometry) -> Split | None:
    best = _best_speech_cut(block, avail, geometry)
    if best is None:
        return None
    cut, top = best
    bottom = _bottom_parts(block, cut, geometry)
    cue_text = contd_cue(block.cue or block.parts[0].text, geometry.continued)
    cue = make_part(ElementKind.CHARACTER, cue_text, block.element, geometry)
    if not geometry.rules.contd_costs_line:
        cue = Part(cue.kind, cue.text, (), cue.gap, cue.element, cue_text)
    return (
        Block(block.kind, block.element, block.space_before, tuple(top), block.new_page, block.cue),
        Block(block.kind, block.element, 0, (cue, *bottom), False, block.cue),
    )
