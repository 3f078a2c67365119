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

# Hot paths compare kinds per element: module constants skip the Enum class lookup.
_CHARACTER = ElementKind.CHARACTER
_END_OF_ACT = ElementKind.END_OF_ACT
_NEW_ACT = ElementKind.NEW_ACT
_SCENE_HEADING = ElementKind.SCENE_HEADING
_SYNOPSIS = ElementKind.SYNOPSIS

_SCENE_ENDS = frozenset({_NEW_ACT, _END_OF_ACT})
_LEFT, _RIGHT = DualSide.LEFT, DualSide.RIGHT

#: Builds an `Element` from a tuple of all its fields, in field order. NamedTuple's own
#: ``__new__`` is a Python function taking keywords and defaults: for one element per
#: paragraph, calling tuple's constructor directly costs about half as much.
_new_element = tuple.__new__


@dataclass(frozen=True, slots=True)
class SceneProperties:
    """What Final Draft stored about a scene: length (eighths), page label, summary."""

    stored_length: int | None = None
    stored_page: str = ""
    synopsis: str = ""


#: What a heading without ``SceneProperties`` has (shared: the value is immutable).
_NO_PROPERTIES = SceneProperties()


class ElementAssembler:
    """Builds `Element`s one kept paragraph at a time, in script order, then the scenes.

    Speakers and dual sides are worked out as paragraphs arrive (see the module docstring);
    scene headings and act breaks are remembered by element index for `scenes`.
    """

    def __init__(self) -> None:
        self.elements: list[Element] = []
        self._marks: list[tuple[int, str, SceneProperties | None]] = []
        self._speaker = ""
        self._group = 0
        self._cues_in_group = 0
        self._names: dict[str, str] = {}  # cue text -> character_name; cues repeat a lot
        self._synopses = False  # any SYNOPSIS added: scenes() need look for them only then

    def add(
        self,
        kind: ElementKind,
        text: str,
        line: int,
        revision: str = "",
        tags: tuple[TagRef, ...] = (),
        starts_new_page: bool = False,
        dual_group: int = 0,
        number: str = "",
        properties: SceneProperties | None = None,
    ) -> None:
        """Append one paragraph; `dual_group` is 0 outside dual dialogue, else its group.

        `number` and `properties` are only read on scene headings.
        """
        if dual_group != self._group:
            # A dual-dialogue group is a unit: no speech runs into or out of it.
            self._group, self._cues_in_group, self._speaker = dual_group, 0, ""
        side = None
        if kind in SPEECH_KINDS:
            if kind is _CHARACTER:
                self._speaker = self._name(text)
                self._cues_in_group += 1
            speaker = self._speaker
            if dual_group:
                side = _LEFT if self._cues_in_group <= 1 else _RIGHT
        else:  # anything else ends the speech
            self._speaker = speaker = ""
            if kind is _SYNOPSIS:
                self._synopses = True
            elif kind is _SCENE_HEADING or kind in _SCENE_ENDS:
                self._marks.append((len(self.elements), number, properties))
        fields = (kind, text, line, speaker, side, revision, starts_new_page, tags)
        self.elements.append(_new_element(Element, fields))

    def _name(self, cue: str) -> str:
        name = self._names.get(cue)
        if name is None:
            name = self._names[cue] = character_name(cue)
        return name

    def scenes(self) -> tuple[Scene, ...]:
        """The scene index over the elements added so far (see the module docstring)."""
        scenes: list[Scene] = []
        elements = self.elements
        open_scene: tuple[int, str, SceneProperties | None] | None = None
        for mark in self._marks:
            if open_scene is not None:
                scenes.append(self._scene(len(scenes), open_scene, mark[0]))
            is_heading = elements[mark[0]].kind is _SCENE_HEADING
            open_scene = mark if is_heading else None
        if open_scene is not None:
            scenes.append(self._scene(len(scenes), open_scene, len(elements)))
        return tuple(scenes)

    def _scene(self, index: int, mark: tuple[int, str, SceneProperties | None], end: int) -> Scene:
        start, number, properties = mark
        properties = properties or _NO_PROPERTIES
        synopsis = properties.synopsis
        if not synopsis and self._synopses:
            synopsis = "\n".join(
                element.text
                for element in self.elements[start:end]
                if element.kind is _SYNOPSIS and element.text
            )
        return Scene(
            index=index,
            heading=parse_heading(self.elements[start].text),
            start=start,
            end=end,
            number=number,
            stored_length=properties.stored_length,
            stored_page=properties.stored_page,
            synopsis=synopsis,
        )
