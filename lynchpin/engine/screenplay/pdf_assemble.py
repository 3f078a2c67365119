"""Turn classified paragraphs of a printed screenplay into script elements and scenes.

Scene headings are action-indent paragraphs starting with a heading prefix (INT, EXT, EST,
I/E...), or carrying a margin scene number, or - for headings without a prefix - upper-case
action paragraphs that stand out the way the document's prefixed headings do (see
`find_headings`). Page-split speeches are merged back: a "(MORE)" at the foot of a page and
the same speaker's cue at the top of the next page are dropped and the speech continues.
`Element.line` is ``page * 1000 + grid line`` (physical PDF page, 1-based; grid line 0-based).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from lynchpin.engine.screenplay.model import (
    SPEECH_KINDS,
    DualSide,
    Element,
    ElementKind,
    Scene,
    character_name,
    parse_heading,
)
from lynchpin.engine.screenplay.pdf_classify import LineKind, Paragraph, is_upper
from lynchpin.engine.screenplay.pdf_extract import RULES

_TERMINAL = frozenset(".!?:;,\"'…-–—)")

_KIND = {
    LineKind.ACTION: ElementKind.ACTION,
    LineKind.TRANSITION: ElementKind.TRANSITION,
    LineKind.CENTERED: ElementKind.CENTERED,
    LineKind.DIALOGUE: ElementKind.DIALOGUE,
    LineKind.PARENTHETICAL: ElementKind.PARENTHETICAL,
}


def heading_prefix_pattern() -> re.Pattern[str]:
    """Regex matching the start of a scene heading (prefixes from `pdf_rules.json`)."""
    prefixes = sorted(RULES["heading_prefixes"], key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"^(?:{alternatives})(?:\.|\s|$)", re.IGNORECASE)


def find_headings(paragraphs: list[Paragraph], prefix: re.Pattern[str]) -> set[int]:
    """Indexes of the paragraphs that are scene headings.

    Prefixed or numbered action paragraphs always are. When the document sets its prefixed
    headings further apart than action paragraphs (Final Draft's 24-pt space before), an
    upper-case action paragraph of at most two lines with at least that gap is one too;
    otherwise a one-line upper-case paragraph of two or more words without closing
    punctuation, followed by action, is taken as a heading without a prefix.
    """
    action = [i for i, p in enumerate(paragraphs) if p.kind is LineKind.ACTION]
    sure = {i for i in action if prefix.match(paragraphs[i].text) or paragraphs[i].scene_number}
    heading_gap = _mode(paragraphs[i].gap for i in sure)
    action_gap = _mode(
        paragraphs[i].gap
        for i in action
        if i not in sure and i > 0 and paragraphs[i - 1].kind is LineKind.ACTION
    )
    extra: set[int] = set()
    for i in set(action) - sure:
        para = paragraphs[i]
        if not is_upper(para.text):
            continue
        if heading_gap and action_gap and heading_gap > action_gap:
            if para.gap is not None and para.gap >= heading_gap and len(para.lines) <= 2:
                extra.add(i)
        elif _looks_like_bare_heading(paragraphs, i):
            extra.add(i)
    return sure | extra


def _looks_like_bare_heading(paragraphs: list[Paragraph], i: int) -> bool:
    para = paragraphs[i]
    text = para.text
    following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
    return (
        len(para.lines) == 1
        and len(text.split()) >= 2
        and text[-1] not in _TERMINAL
        and following is not None
        and following.kind is LineKind.ACTION
    )


def _mode(values: Iterable[int | None]) -> int | None:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


@dataclass
class Assembly:
    """Elements and scene starts built so far, plus counts for the reader's warnings."""

    elements: list[Element] = field(default_factory=list)
    scene_starts: list[tuple[int, str]] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    speaker: str = ""
    pending_more: bool = False
    continuing: bool = False


def assemble(
    pages: list[tuple[float, list[Paragraph]]], prefix: re.Pattern[str]
) -> tuple[tuple[Element, ...], tuple[Scene, ...], Counter[str]]:
    """Elements, scenes and drop counts from (page width, paragraphs) per body page."""
    flat = [para for _, paras in pages for para in paras]
    headings = find_headings(flat, prefix)
    state = Assembly()
    k = 0
    for width, paras in pages:
        first_on_page = True
        for para in paras:
            kept = _add(state, para, k in headings, first_on_page, width)
            first_on_page = first_on_page and not kept
            k += 1
    elements = tuple(state.elements)
    return elements, _scenes(elements, state.scene_starts), state.dropped


def _line(para: Paragraph) -> int:
    return para.page * 1000 + max(0, para.index)


def _add(state: Assembly, para: Paragraph, heading: bool, first: bool, width: float) -> bool:
    """Add one paragraph; False when it was a dropped marker or continuation cue."""
    if para.kind is LineKind.MORE:
        state.dropped["(MORE)"] += 1
        state.pending_more = bool(state.speaker)
        return False
    if para.kind is LineKind.CONTINUED:
        state.dropped["CONTINUED"] += 1
        return False
    if para.kind is LineKind.CHARACTER:
        return _add_cue(state, para, first)
    if para.kind in (LineKind.DIALOGUE, LineKind.PARENTHETICAL):
        _add_speech_part(state, para)
        return True
    state.pending_more = state.continuing = False
    state.speaker = ""
    if para.kind is LineKind.DUAL:
        state.elements.extend(_dual_elements(para, width))
        return True
    if heading:
        state.scene_starts.append((len(state.elements), para.scene_number))
        kind = ElementKind.SCENE_HEADING
    else:
        kind = _KIND.get(para.kind, ElementKind.ACTION)
    state.elements.append(Element(kind, para.text, _line(para)))
    return True


def _add_cue(state: Assembly, para: Paragraph, first: bool) -> bool:
    name = character_name(para.text)
    if state.pending_more and first and name == state.speaker:
        state.dropped["(CONT'D)"] += 1
        state.pending_more, state.continuing = False, True
        return False
    state.pending_more = state.continuing = False
    state.speaker = name
    state.elements.append(Element(ElementKind.CHARACTER, para.text, _line(para), speaker=name))
    return True


def _add_speech_part(state: Assembly, para: Paragraph) -> None:
    kind = _KIND[para.kind]
    in_speech = bool(state.elements) and state.elements[-1].kind in SPEECH_KINDS
    speaker = state.speaker if in_speech else ""
    last = state.elements[-1] if state.elements else None
    if state.continuing and last is not None and last.kind is kind is ElementKind.DIALOGUE:
        state.elements[-1] = Element(kind, f"{last.text} {para.text}", last.line, speaker)
    else:
        state.elements.append(Element(kind, para.text, _line(para), speaker))
    state.pending_more = state.continuing = False


def _dual_elements(para: Paragraph, width: float) -> list[Element]:
    """Left column's speech then the right column's, each cue + parentheticals + dialogue."""
    columns: dict[DualSide, list[tuple[int, str]]] = {DualSide.LEFT: [], DualSide.RIGHT: []}
    for offset, line in enumerate(para.lines):
        for run in line.runs:
            side = DualSide.LEFT if run.x0 < width / 2 else DualSide.RIGHT
            columns[side].append((offset, run.text.strip()))
    elements: list[Element] = []
    for side, entries in columns.items():
        elements.extend(_column_elements(entries, side, para))
    return elements


def _column_elements(
    entries: list[tuple[int, str]], side: DualSide, para: Paragraph
) -> list[Element]:
    if not entries:
        return []
    cue = entries[0][1]
    name = character_name(cue)
    line = para.page * 1000 + max(0, para.index)
    parts: list[tuple[ElementKind, int, str]] = []
    in_paren = False
    for offset, text in entries[1:]:
        kind = ElementKind.PARENTHETICAL if text.startswith("(") or in_paren else (
            ElementKind.DIALOGUE
        )
        in_paren = kind is ElementKind.PARENTHETICAL and not text.endswith(")")
        if parts and parts[-1][0] is kind and not text.startswith("("):
            parts[-1] = (kind, parts[-1][1], f"{parts[-1][2]} {text}")
        else:
            parts.append((kind, line + offset, text))
    return [Element(ElementKind.CHARACTER, cue, line, speaker=name, dual=side)] + [
        Element(kind, text, at, speaker=name, dual=side) for kind, at, text in parts
    ]


def _scenes(elements: tuple[Element, ...], starts: list[tuple[int, str]]) -> tuple[Scene, ...]:
    scenes = []
    for n, (start, number) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(elements)
        heading = parse_heading(elements[start].text)
        scenes.append(Scene(n, heading, start, end, number=number))
    return tuple(scenes)
