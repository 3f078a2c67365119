"""Turn the FDX paragraphs, in script order, into `Element`s and `Scene`s.

Speeches: a CHARACTER cue names the speaker (`model.character_name`) of itself and of the
PARENTHETICAL / DIALOGUE / LYRIC paragraphs right after it; any other kind ends the speech.
Dual dialogue: inside one ``<DualDialogue>`` group the first speech is LEFT, later ones RIGHT;
no speech continues into or out of a group.

Scenes: every SCENE_HEADING opens a scene (with or without INT/EXT); a scene ends before the
next heading, before a NEW_ACT / END_OF_ACT (act breaks belong to no scene, as in Final
Draft's scene lengths) or at the end of the script. A scene's synopsis is its
``SceneProperties`` Summary, else the text of the Summary paragraphs inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lynchpin.engine.screenplay.model import (
    SPEECH_KINDS,
    DualSide,
    Element,
    ElementKind,
    Scene,
    TagRef,
    character_name,
    parse_heading,
)

_SCENE_ENDS = frozenset({ElementKind.NEW_ACT, ElementKind.END_OF_ACT})


@dataclass(frozen=True, slots=True)
class SceneProperties:
    """What Final Draft stored about a scene: length (eighths), page label, summary."""

    stored_length: int | None = None
    stored_page: str = ""
    synopsis: str = ""


@dataclass(frozen=True, slots=True)
class RawParagraph:
    """One kept paragraph before speeches and scenes are worked out.

    `dual_group` is 0 outside dual dialogue, else the number of its ``<DualDialogue>``.
    `number` and `properties` are only read on scene headings.
    """

    kind: ElementKind
    text: str
    line: int
    revision: str = ""
    tags: tuple[TagRef, ...] = ()
    starts_new_page: bool = False
    dual_group: int = 0
    number: str = ""
    properties: SceneProperties | None = None


def assemble(paragraphs: list[RawParagraph]) -> tuple[tuple[Element, ...], tuple[Scene, ...]]:
    """Elements (with speakers and dual sides) and the scene index over them."""
    elements = tuple(_elements(paragraphs))
    return elements, tuple(_scenes(paragraphs))


def _elements(paragraphs: list[RawParagraph]) -> list[Element]:
    elements: list[Element] = []
    speaker, group, cues_in_group = "", 0, 0
    for raw in paragraphs:
        if raw.dual_group != group:
            # A dual-dialogue group is a unit: no speech runs into or out of it.
            group, cues_in_group, speaker = raw.dual_group, 0, ""
        if raw.kind is ElementKind.CHARACTER:
            speaker = character_name(raw.text)
            cues_in_group += 1
        elif raw.kind not in SPEECH_KINDS:
            speaker = ""
        in_speech = raw.kind in SPEECH_KINDS
        side = None
        if group and in_speech:
            side = DualSide.LEFT if cues_in_group <= 1 else DualSide.RIGHT
        elements.append(
            Element(
                kind=raw.kind,
                text=raw.text,
                line=raw.line,
                speaker=speaker if in_speech else "",
                dual=side,
                revision=raw.revision,
                starts_new_page=raw.starts_new_page,
                tags=raw.tags,
            )
        )
    return elements


def _scenes(paragraphs: list[RawParagraph]) -> list[Scene]:
    scenes: list[Scene] = []
    start: int | None = None
    for k, raw in enumerate(paragraphs):
        if raw.kind is not ElementKind.SCENE_HEADING and raw.kind not in _SCENE_ENDS:
            continue
        if start is not None:
            scenes.append(_scene(len(scenes), paragraphs, start, k))
        start = k if raw.kind is ElementKind.SCENE_HEADING else None
    if start is not None:
        scenes.append(_scene(len(scenes), paragraphs, start, len(paragraphs)))
    return scenes


def _scene(index: int, paragraphs: list[RawParagraph], start: int, end: int) -> Scene:
    heading = paragraphs[start]
    properties = heading.properties or SceneProperties()
    synopsis = properties.synopsis or "\n".join(
        raw.text for raw in paragraphs[start:end] if raw.kind is ElementKind.SYNOPSIS and raw.text
    )
    return Scene(
        index=index,
        heading=parse_heading(heading.text),
        start=start,
        end=end,
        number=heading.number,
        stored_length=properties.stored_length,
        stored_page=properties.stored_page,
        synopsis=synopsis,
    )
