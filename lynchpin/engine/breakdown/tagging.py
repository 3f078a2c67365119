"""Turn a `Script` into a `Breakdown`: one sheet per scene, every item with its spans.

Per scene, in this order of precedence when two sources name the same (category, name):

1. Final Draft Tagger tags on the scene's elements -> TAGGED, ACCEPTED (category by
   `category_for_name`; scene-level categories such as Script Day are skipped; unknown
   category names go to 124 Other).
2. Dialogue cues -> Cast Members, SPEAKING, ACCEPTED.
3. Capitalised introductions in the action (see `cast`) -> Cast Members, INTRODUCED,
   ACCEPTED for characters who speak somewhere in the script, else SUGGESTED; a plural
   group after a quantity word (``two HIKERS``) -> Background Actors, SUGGESTED.
4. Lexicon terms (see `lexicon` and ``lexicons/``) in the element kinds each lexicon scans
   (never dialogue: people talk about things that are not there) -> LEXICON, SUGGESTED.
   Sung lyrics suggest a Music item ``SONG (SINGER)``.

Items are deduplicated per (category, name) with all their spans (sorted by element and
offset) and sorted by (category, name). Every span satisfies
``span.text == script.elements[span.element].text[span.start:span.end]``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from lynchpin.engine.breakdown.cast import (
    Introduction,
    find_introductions,
    speaking_cues,
    text_span,
)
from lynchpin.engine.breakdown.categories import (
    BACKGROUND_ACTORS,
    CAST_MEMBERS,
    MUSIC,
    OTHER,
    category_for_name,
    is_scene_category,
)
from lynchpin.engine.breakdown.lexicon import Lexicon, lexicon_matcher, load_lexicons
from lynchpin.engine.breakdown.model import (
    Breakdown,
    BreakdownItem,
    Origin,
    SceneBreakdown,
    Span,
    Status,
)
from lynchpin.engine.screenplay.model import Element, ElementKind, Scene, Script

#: When two sources name the same item, the first origin in this tuple wins.
ORIGIN_PRECEDENCE = (Origin.TAGGED, Origin.SPEAKING, Origin.INTRODUCED, Origin.LEXICON)

_SPACES = re.compile(r"\s+")
_OMITTED_WORDS = frozenset({"OMITTED", "OMIT"})


class _Sheet:
    """Items of one scene being collected: (category, name) -> status, origin, spans."""

    def __init__(self) -> None:
        self.items: dict[tuple[int, str], tuple[Status, Origin, dict[Span, None]]] = {}

    def add(self, category: int, name: str, status: Status, origin: Origin, span: Span) -> None:
        key = (category, name)
        if key not in self.items:
            self.items[key] = (status, origin, {span: None})
            return
        old_status, old_origin, spans = self.items[key]
        if status is Status.ACCEPTED:
            old_status = status
        if ORIGIN_PRECEDENCE.index(origin) < ORIGIN_PRECEDENCE.index(old_origin):
            old_origin = origin
        spans[span] = None  # a dict keeps spans unique and in insertion order
        self.items[key] = (old_status, old_origin, spans)

    def freeze(self) -> tuple[BreakdownItem, ...]:
        return tuple(
            BreakdownItem(cat, name, status, origin, tuple(sorted(spans, key=_span_order)))
            for (cat, name), (status, origin, spans) in sorted(self.items.items())
        )


def _span_order(span: Span) -> tuple[int, int, int]:
    return span.element, span.start, span.end


def break_down(script: Script) -> Breakdown:
    """The suggested breakdown of `script`: one `SceneBreakdown` per scene, in order.

    Pure and deterministic; reads only the packaged category and lexicon data (which raise
    InputError if malformed). Linear in the script's length.
    """
    lexicons = {lexicon.id: lexicon for lexicon in load_lexicons()}
    introductions: dict[int, list[Introduction]] = defaultdict(list)
    for intro in find_introductions(script):
        introductions[intro.element].append(intro)
    return Breakdown(
        tuple(_scene_sheet(script, scene, introductions, lexicons) for scene in script.scenes)
    )


def _scene_sheet(
    script: Script,
    scene: Scene,
    introductions: Mapping[int, list[Introduction]],
    lexicons: Mapping[str, Lexicon],
) -> SceneBreakdown:
    sheet = _Sheet()
    for name, span in speaking_cues(script, scene):
        sheet.add(CAST_MEMBERS, name, Status.ACCEPTED, Origin.SPEAKING, span)
    for k in range(scene.start, scene.end):
        element = script.elements[k]
        _add_tags(sheet, k, element)
        for intro in introductions.get(k, ()):
            status = Status.ACCEPTED if intro.known else Status.SUGGESTED
            category = BACKGROUND_ACTORS if intro.group else CAST_MEMBERS
            sheet.add(category, intro.name, status, Origin.INTRODUCED, intro.span(element.text))
        _add_lexicon_matches(sheet, k, element, lexicons)
        if element.kind is ElementKind.LYRIC and element.text.strip():
            song = f"SONG ({element.speaker})" if element.speaker else "SONG"
            sheet.add(MUSIC, song, Status.SUGGESTED, Origin.LEXICON, text_span(k, element.text, ""))
    return SceneBreakdown(scene.index, scene.number, sheet.freeze(), omitted=_is_omitted(scene))


def _add_lexicon_matches(
    sheet: _Sheet, index: int, element: Element, lexicons: Mapping[str, Lexicon]
) -> None:
    if not any(element.kind in lexicon.scan for lexicon in lexicons.values()):
        return
    text = element.text
    for match in lexicon_matcher().find(text):
        lexicon = lexicons[match.key]
        if element.kind in lexicon.scan:
            span = Span(index, match.start, match.end, text[match.start : match.end])
            sheet.add(lexicon.category, match.name, Status.SUGGESTED, Origin.LEXICON, span)


def _add_tags(sheet: _Sheet, index: int, element: Element) -> None:
    """Tagger tags: accepted items; scene-level categories (Script Day...) are skipped."""
    for tag in element.tags:
        name = _SPACES.sub(" ", tag.label).strip().upper()
        if not name or is_scene_category(tag.category):
            continue
        category = category_for_name(tag.category)
        ident = category.id if category else OTHER
        span = text_span(index, element.text, tag.label)
        sheet.add(ident, name, Status.ACCEPTED, Origin.TAGGED, span)


def _is_omitted(scene: Scene) -> bool:
    """A scene whose heading says OMITTED (kept as a numbered placeholder)."""
    return bool(_OMITTED_WORDS & set(re.findall(r"[A-Z]+", scene.heading.text.upper())))
