"""The `Script` value every importer produces and every later step reads.

A script is a flat, ordered tuple of printable `Element`s plus an index of `Scene`s into it.
Importers (fountain, fdx, pdf) only build these values; pagination, breakdown and revisions
only read them. Everything here is immutable.

Invariants:
- `Element.text` is plain text as printed (no markup, no notes, no boneyard); explicit line
  breaks inside one element are ``"\\n"``; NBSP is a plain space.
- Scene `i` owns elements ``start <= k < end``; ``elements[start]`` is its heading;
  scenes are in script order and do not overlap; elements before the first heading belong to
  no scene.
- `Element.speaker` is the normalised character name (`character_name`) on CHARACTER,
  PARENTHETICAL and DIALOGUE/LYRIC elements inside a speech, else ``""``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple


class ElementKind(StrEnum):
    """Paragraph types. Values are Final Draft's paragraph type names where one exists."""

    SCENE_HEADING = "Scene Heading"
    ACTION = "Action"
    CHARACTER = "Character"
    PARENTHETICAL = "Parenthetical"
    DIALOGUE = "Dialogue"
    LYRIC = "Lyric"
    TRANSITION = "Transition"
    SHOT = "Shot"
    GENERAL = "General"
    CENTERED = "Centered"
    NEW_ACT = "New Act"
    END_OF_ACT = "End of Act"
    CAST_LIST = "Cast List"
    PAGE_BREAK = "Page Break"
    SECTION = "Section"
    SYNOPSIS = "Synopsis"


#: Kinds that are not printed (they structure the outline only).
UNPRINTED_KINDS = frozenset({ElementKind.SECTION, ElementKind.SYNOPSIS, ElementKind.PAGE_BREAK})

#: Kinds that make up a speech (a dialogue block starts at a CHARACTER cue).
SPEECH_KINDS = frozenset(
    {ElementKind.CHARACTER, ElementKind.PARENTHETICAL, ElementKind.DIALOGUE, ElementKind.LYRIC}
)


class DualSide(StrEnum):
    """Column of a dual-dialogue speech: the first speaker is LEFT, the `^` one RIGHT."""

    LEFT = "left"
    RIGHT = "right"


class IntExt(StrEnum):
    """Where a scene is shot, from its heading prefix."""

    INT = "INT"
    EXT = "EXT"
    INT_EXT = "INT/EXT"
    NONE = ""


class SourceFormat(StrEnum):
    """Which importer read the script."""

    FOUNTAIN = "fountain"
    FDX = "fdx"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class TagRef:
    """A Final Draft Tagger tag on a text run: category name and item label as tagged."""

    category: str
    label: str


class Element(NamedTuple):
    """One printed paragraph.

    `line` is the 1-based source line (Fountain, FDX) or page*1000+line for PDF imports, used
    in messages and as the anchor of breakdown suggestions. `revision` is the revision id of
    the run(s) carrying a revision mark (FDX), else ``""``. `starts_new_page` forces a page
    break before the element (Fountain ``===`` is a separate PAGE_BREAK element instead).
    `tags` are Tagger tags on the element's runs (FDX only).

    A NamedTuple rather than a frozen dataclass: a feature script has thousands of elements
    and building a NamedTuple costs a third of a frozen dataclass (docs/decisions/0002).
    Change one with ``element._replace(...)``.
    """

    kind: ElementKind
    text: str
    line: int = 0
    speaker: str = ""
    dual: DualSide | None = None
    revision: str = ""
    starts_new_page: bool = False
    tags: tuple[TagRef, ...] = ()


@dataclass(frozen=True, slots=True)
class SceneHeading:
    """A scene heading split into the parts a schedule needs.

    ``"INT./EXT. BLOOM HOUSE - KITCHEN - NIGHT (1987)"`` ->
    int_ext=INT_EXT, set_name="BLOOM HOUSE - KITCHEN", time_of_day="NIGHT",
    qualifiers=("1987",). `text` is the heading as printed (upper case).
    """

    text: str
    int_ext: IntExt = IntExt.NONE
    set_name: str = ""
    time_of_day: str = ""
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scene:
    """A scene: its heading, its number (a string: ``"12A"``) and its slice of elements.

    `stored_length` is the length Final Draft stored in ``SceneProperties`` (eighths), kept
    apart from the length Lynchpin computes; `stored_page` likewise. Both None when absent.
    """

    index: int
    heading: SceneHeading
    start: int
    end: int
    number: str = ""
    stored_length: int | None = None
    stored_page: str = ""
    synopsis: str = ""


@dataclass(frozen=True, slots=True)
class Revision:
    """A revision set (FDX ``<Revisions>``): id, name and colour (e.g. ``"Blue"``)."""

    id: str
    name: str
    colour: str = ""


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """Layout of one element kind on the page.

    Indents are inches from the left paper edge; `space_before` in lines (12 pt each);
    `spacing` is line spacing (1 single, 2 double); `all_caps` prints upper case;
    `align` is "left", "right" or "center"; `starts_new_page` forces a page break.
    """

    left: float
    right: float
    space_before: int = 0
    spacing: float = 1.0
    all_caps: bool = False
    align: str = "left"
    starts_new_page: bool = False
    first_indent: float = 0.0


@dataclass(frozen=True, slots=True)
class PageSetup:
    """The page: size in inches and margins in points, 12-pt lines.

    `lines_per_page` is the body height in lines (54 on Final Draft's US letter default).
    `break_at_sentences` lets action and dialogue split at sentence ends across pages.
    `more` and `continued` are the dialogue-split markers.
    """

    width: float = 8.5
    height: float = 11.0
    top_margin: float = 72.0
    bottom_margin: float = 72.0
    header_margin: float = 36.0
    footer_margin: float = 36.0
    lines_per_page: int = 54
    break_at_sentences: bool = True
    more: str = "(MORE)"
    continued: str = "(CONT'D)"
    auto_contd: bool = True


@dataclass(frozen=True, slots=True)
class Layout:
    """How a script is laid out: page setup plus a style per element kind.

    Importers that read layout (FDX ``ElementSettings``/``PageLayout``) fill `styles` with
    what they found; kinds missing there fall back to the paginator's Final Draft defaults.
    """

    page: PageSetup = field(default_factory=PageSetup)
    styles: tuple[tuple[ElementKind, ParagraphStyle], ...] = ()
    multicam: bool = False

    def style(self, kind: ElementKind) -> ParagraphStyle | None:
        """The style stored for `kind`, or None when the importer found none."""
        for k, style in self.styles:
            if k is kind:
                return style
        return None


@dataclass(frozen=True, slots=True)
class Character:
    """A speaking character: normalised name, scene indexes they speak in, dialogue blocks."""

    name: str
    scenes: tuple[int, ...]
    dialogue_blocks: int


@dataclass(frozen=True)
class Script:
    """A screenplay as imported.

    `title_page` keeps the title page's keys in file order with multi-line values joined by
    ``"\\n"``. `confidence` is 1.0 for Fountain and FDX and the reader's own estimate (0..1)
    for PDF imports; `warnings` says what the importer had to guess or skip.
    """

    source_format: SourceFormat
    elements: tuple[Element, ...]
    scenes: tuple[Scene, ...]
    title_page: tuple[tuple[str, str], ...] = ()
    layout: Layout = field(default_factory=Layout)
    revisions: tuple[Revision, ...] = ()
    confidence: float = 1.0
    warnings: tuple[str, ...] = ()
    source_name: str = ""

    @property
    def title(self) -> str:
        """The title page's Title (first line, emphasis already stripped), else ``""``."""
        for key, value in self.title_page:
            if key.lower() == "title":
                return value.strip().split("\n")[0].strip()
        return ""

    def scene_elements(self, scene: Scene) -> tuple[Element, ...]:
        """The elements of `scene`, heading first."""
        return self.elements[scene.start : scene.end]

    def speeches(self, scene: Scene) -> Iterator[tuple[str, tuple[Element, ...]]]:
        """(speaker, elements) for each dialogue block in `scene`, cue first."""
        return iter_speeches(self.scene_elements(scene))

    @cached_property
    def characters(self) -> tuple[Character, ...]:
        """Speaking characters in order of first appearance, with scenes and block counts.

        Dialogue before the first scene counts towards blocks but no scene.
        """
        blocks: dict[str, int] = {}
        scenes: dict[str, list[int]] = {}
        owner = _scene_owner(self)
        for k, element in enumerate(self.elements):
            if element.kind is not ElementKind.CHARACTER or not element.speaker:
                continue
            name = element.speaker
            blocks[name] = blocks.get(name, 0) + 1
            seen = scenes.setdefault(name, [])
            scene = owner[k]
            if scene is not None and scene not in seen:
                seen.append(scene)
        return tuple(Character(n, tuple(scenes[n]), blocks[n]) for n in blocks)


def _scene_owner(script: Script) -> list[int | None]:
    """For each element index, the index of the scene it belongs to (None before scene 1)."""
    owner: list[int | None] = [None] * len(script.elements)
    for scene in script.scenes:
        for k in range(scene.start, scene.end):
            owner[k] = scene.index
    return owner


def iter_speeches(elements: tuple[Element, ...]) -> Iterator[tuple[str, tuple[Element, ...]]]:
    """Split a run of elements into dialogue blocks: (speaker, cue + what follows it)."""
    k = 0
    while k < len(elements):
        if elements[k].kind is not ElementKind.CHARACTER:
            k += 1
            continue
        end = k + 1
        while end < len(elements) and elements[end].kind in SPEECH_KINDS - {ElementKind.CHARACTER}:
            end += 1
        yield elements[k].speaker, elements[k:end]
        k = end


_EXTENSION = re.compile(r"\([^)]*\)?")
_SPACES = re.compile(r"\s+")
_CONTD = re.compile(r"\bCONT['’`]?D\b\.?", re.IGNORECASE)


def character_name(cue: str) -> str:
    """Normalise a character cue to the character's name.

    Drops parenthesised extensions (``(V.O.)``, ``(O.S.)``, ``(CONT'D)``, glued or not),
    a bare ``CONT'D``, leading ``@`` and trailing ``^`` marks; collapses whitespace (NBSP
    included); upper-cases. ``"@McCLANE (V.O.)(CONT’D) ^"`` -> ``"MCCLANE"``.
    """
    name = cue.strip().lstrip("@").rstrip().rstrip("^")
    name = _EXTENSION.sub(" ", name)
    name = _CONTD.sub(" ", name)
    return _SPACES.sub(" ", name.replace("\u00a0", " ")).strip().upper()


_PREFIX = re.compile(
    r"^(?P<prefix>INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT\.?/EXT|I\.?\s*/\s*E|INT|EXT|EST)"
    r"(?:\.|\s|$)\s*",
    re.IGNORECASE,
)
#: ``\s+[-–—]+\s*|\s*[-–—]+\s+|,\s*`` with the second branch's ``\s*`` dropped: where
#: whitespace starts, the first branch already matches whenever that one could (and is tried
#: first), so the splits are the same; the regex just tries less at each character.
_TIME_SEPARATOR = re.compile(r"\s+[-–—]+\s*|[-–—]+\s+|,\s*")
_QUALIFIER = re.compile(r"\s*[(\[]([^)\]]*)[)\]]\s*")
#: Times of day a heading may end with. English, plus the commonest Polish, Spanish, French
#: and German words (scripts in the corpus and in the wild use them).
TIMES_OF_DAY = frozenset(
    """DAY NIGHT MORNING AFTERNOON EVENING DAWN DUSK SUNRISE SUNSET TWILIGHT NOON MIDNIGHT
    LATER CONTINUOUS SAME PRE-DAWN NIGHTFALL DAYBREAK FLASHBACK PRESENT
    DZIEŃ NOC WIECZÓR RANO ŚWIT ZMIERZCH POPOŁUDNIE DÍA NOCHE TARDE MAÑANA AMANECER ATARDECER
    JOUR NUIT SOIR MATIN AUBE CRÉPUSCULE NACHT ABEND MORGEN DÄMMERUNG""".split()  # noqa: SIM905
) | frozenset(
    {
        "MAGIC HOUR", "MOMENTS LATER", "SAME TIME", "LATE NIGHT", "EARLY MORNING",
        "LATE AFTERNOON", "EARLY EVENING", "SAME DAY", "NEXT DAY", "NEXT MORNING",
    }
)  # fmt: skip


def parse_heading(text: str) -> SceneHeading:
    """Split a scene heading into INT/EXT, set name, time of day and qualifiers.

    Copes with ``INT./EXT.``, ``I/E``, ``EST``, double spaces, en dashes, comma separators,
    bracketed years and notes (``(1973)``, ``[CONTINUOUS]``) and headings with no INT/EXT at
    all (forced headings: the whole text is the set name). The time of day is the last
    dash- or comma-separated part when it is a known time of day (or has one after
    brackets are removed); a weather word after it (``- NIGHT - RAIN``) becomes a qualifier.
    """
    printed = text.replace("\u00a0", " ")
    if "  " in printed or "\t" in printed or "\n" in printed:
        printed = _SPACES.sub(" ", printed)
    printed = printed.strip().upper()
    int_ext, rest = _NO_INT_EXT, printed
    match = _PREFIX.match(printed)
    if match:
        prefix = match.group("prefix").replace(".", "").replace(" ", "")
        int_ext = _INT_EXT_BY_PREFIX.get(prefix, _INT_AND_EXT)
        rest = printed[match.end() :]
    qualifiers: tuple[str, ...] = ()
    if "(" in rest or "[" in rest:
        qualifiers = tuple(q.strip() for q in _QUALIFIER.findall(rest) if q.strip())
        rest = _SPACES.sub(" ", _QUALIFIER.sub(" ", rest))
    bare = rest.strip(" -–—.,")
    parts = [part for piece in _TIME_SEPARATOR.split(bare) if (part := piece.strip(" ."))]
    if len(parts) > 2 and parts[-1] in WEATHER and _is_time_of_day(parts[-2]):
        qualifiers = (*qualifiers, parts.pop())
    time_of_day = ""
    if len(parts) > 1 and _is_time_of_day(parts[-1]):
        time_of_day = parts.pop()
    elif not parts:
        parts = [bare]
    return SceneHeading(printed, int_ext, " - ".join(parts), time_of_day, qualifiers)


_INT_EXT_BY_PREFIX = {"INT": IntExt.INT, "EXT": IntExt.EXT, "EST": IntExt.EXT}
# Bound once: on Python 3.11 reading an Enum member off its class is a slow descriptor lookup.
_NO_INT_EXT, _INT_AND_EXT = IntExt.NONE, IntExt.INT_EXT

#: Weather that headings sometimes add after the time of day (``EXT. PIER - NIGHT - RAIN``).
WEATHER = frozenset({"RAIN", "SNOW", "STORM", "FOG", "WIND", "HAIL", "SLEET", "THUNDERSTORM"})


def _is_time_of_day(part: str) -> bool:
    if part in TIMES_OF_DAY:
        return True  # the common case: no need to split into words
    words = part.split()
    return bool(words) and words[-1] in TIMES_OF_DAY and len(words) <= 3
