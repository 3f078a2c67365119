"""Fountain speeches: a cue paragraph -> CHARACTER, PARENTHETICAL, DIALOGUE, LYRIC elements.

Dual dialogue: a cue ending in ``^`` makes its speech the RIGHT column and the speech just
before it (when nothing came in between) the LEFT column.

Hard-wrapped legacy files: wrapped dialogue and parenthetical lines are joined with spaces,
a typed ``(MORE)`` line is dropped, and when the next speech is the same character's cue with
``CONT'D`` right after it (a page split typed into the text), that cue is dropped and its
lines continue the earlier speech, so the speech counts as one dialogue block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from lynchpin.engine.screenplay import fountain_lines as fl
from lynchpin.engine.screenplay.model import DualSide, Element, ElementKind, character_name

# Hot paths compare kinds per element: module constants skip the Enum class lookup.
_CHARACTER = ElementKind.CHARACTER
_DIALOGUE = ElementKind.DIALOGUE
_LYRIC = ElementKind.LYRIC
_PARENTHETICAL = ElementKind.PARENTHETICAL

_MORE = "(MORE)"

#: Builds an `Element` from a tuple of all its fields, in field order: NamedTuple's own
#: ``__new__`` is a Python function, about twice the cost, and this runs per element.
_new_element = tuple.__new__


@dataclass
class _Part:
    """An element being assembled from one or more source lines."""

    kind: ElementKind
    texts: list[str]
    line: int
    open_paren: bool = False


class _LastSpeech(NamedTuple):
    """Where the previous speech sits in the element list, its speaker, and whether a typed
    (MORE) ended it. A NamedTuple: one is made per speech."""

    start: int
    end: int
    speaker: str
    ended_with_more: bool


class SpeechReader:
    """Reads speeches into an element list, remembering the previous one."""

    def __init__(self, legacy: bool) -> None:
        self.legacy = legacy
        self.last: _LastSpeech | None = None
        self._names: dict[str, str] = {}  # cue -> character_name(cue); cues repeat a lot

    def _speaker(self, cue: str) -> str:
        name = self._names.get(cue)
        if name is None:
            name = self._names[cue] = character_name(cue)
        return name

    def read(self, lines: list[fl.Line], first: int, elements: list[Element]) -> None:
        """Append the speech in `lines` from index `first` (the cue) on to `elements`."""
        cue, dual = fl.cue_text(lines[first].stripped)
        speaker = self._speaker(cue)
        if not self.legacy:
            side = self._dual_side(dual, elements) if dual else None
            start = len(elements)
            cue_fields = (_CHARACTER, cue, lines[first].number, speaker, side, "", False, ())
            elements.append(_new_element(Element, cue_fields))
            _append_speech_lines(lines, first + 1, speaker, side, elements)
            self.last = _LastSpeech(start, len(elements), speaker, False)
            return
        parts, more = self._parts(lines[first + 1 :])
        last = self.last
        if last is not None and self._continues(last, speaker, cue, elements):
            self._extend_last(last, parts, more, elements)
            return
        side = self._dual_side(dual, elements) if dual else None
        start = len(elements)
        elements.append(Element(_CHARACTER, cue, lines[first].number, speaker, side))
        for part in parts:
            elements.append(self._element(part, speaker, side))
        self.last = _LastSpeech(start, len(elements), speaker, more)

    def _dual_side(self, dual: bool, elements: list[Element]) -> DualSide | None:
        last = self.last
        if not dual or last is None or last.end != len(elements):
            return None
        if elements[last.start].dual is None:
            for k in range(last.start, last.end):
                elements[k] = elements[k]._replace(dual=DualSide.LEFT)
        return DualSide.RIGHT

    def _continues(
        self, last: _LastSpeech, speaker: str, cue: str, elements: list[Element]
    ) -> bool:
        return (
            self.legacy
            and last.ended_with_more
            and last.end == len(elements)
            and last.speaker == speaker
            and "CONT" in cue.upper()
        )

    def _extend_last(
        self, last: _LastSpeech, parts: list[_Part], more: bool, elements: list[Element]
    ) -> None:
        speaker, side = elements[last.start].speaker, elements[last.start].dual
        for k, part in enumerate(parts):
            element = self._element(part, speaker, side)
            previous = elements[-1]
            if k == 0 and part.kind is previous.kind is _DIALOGUE:
                elements[-1] = previous._replace(text=f"{previous.text} {element.text}")
            else:
                elements.append(element)
        self.last = _LastSpeech(last.start, len(elements), speaker, more)

    def _element(self, part: _Part, speaker: str, side: DualSide | None) -> Element:
        if not self.legacy and len(part.texts) == 1 and part.kind is _PARENTHETICAL:
            text = part.texts[0]  # one stripped, non-empty line: what reflow would give
        elif self.legacy or part.kind is _PARENTHETICAL:
            text = fl.reflow(part.texts)
        else:
            text = "\n".join(part.texts).strip("\n")
        return Element(part.kind, text, part.line, speaker, side)

    def _parts(self, lines: list[fl.Line]) -> tuple[list[_Part], bool]:
        """Split the lines after a cue into parts; True when a typed (MORE) ended it."""
        parts: list[_Part] = []
        more = False
        for line in lines:
            s = line.stripped
            if self.legacy and s.upper() == _MORE:
                more = True
                continue
            more = False
            _add_line(parts, s, line.number, self.legacy)
        return parts, more


def _add_line(parts: list[_Part], s: str, number: int, legacy: bool) -> None:
    """Add one speech line; only legacy files let a parenthetical wrap onto more lines."""
    last = parts[-1] if parts else None
    if last is not None and last.open_paren:
        last.texts.append(s)
        last.open_paren = ")" not in s
    elif s.startswith("("):
        parts.append(_Part(_PARENTHETICAL, [s], number, legacy and ")" not in s))
    elif s.startswith("~"):
        text = s[1:].strip()
        if last is not None and last.kind is _LYRIC:
            last.texts.append(text)
        else:
            parts.append(_Part(_LYRIC, [text], number))
    elif last is not None and last.kind is _DIALOGUE:
        last.texts.append(s)
    elif s:
        parts.append(_Part(_DIALOGUE, [s], number))


def _append_speech_lines(
    lines: list[fl.Line], first: int, speaker: str, side: DualSide | None, out: list[Element]
) -> None:
    """Outside legacy files: append the elements of the speech lines ``lines[first:]``.

    Gives what `SpeechReader._parts` then `_element` give when not legacy (a parenthetical is
    its one line, dialogue and lyric lines join with ``"\\n"``), streamed without building a
    `_Part` per element: speeches are most of a script's paragraphs.
    """
    kind: ElementKind | None = None  # kind of the element being assembled
    texts: list[str] = []
    number = 0
    for k in range(first, len(lines)):
        line = lines[k]
        s = line.stripped
        if s.startswith("("):
            new_kind, text = _PARENTHETICAL, s
        elif s.startswith("~"):
            new_kind, text = _LYRIC, s[1:].strip()
        elif kind is _DIALOGUE:
            texts.append(s)  # blank "two spaces" lines stay inside the dialogue
            continue
        elif s:
            new_kind, text = _DIALOGUE, s
        else:
            continue
        if new_kind is _LYRIC and kind is _LYRIC:
            texts.append(text)
            continue
        if kind is not None:
            fields = (kind, _joined(kind, texts), number, speaker, side, "", False, ())
            out.append(_new_element(Element, fields))
        kind, texts, number = new_kind, [text], line.number
    if kind is not None:
        fields = (kind, _joined(kind, texts), number, speaker, side, "", False, ())
        out.append(_new_element(Element, fields))


def _joined(kind: ElementKind, texts: list[str]) -> str:
    """An element's text from its lines (see `SpeechReader._element`, not legacy)."""
    if kind is _PARENTHETICAL:
        return texts[0]  # a parenthetical only spans lines in legacy files
    return texts[0] if len(texts) == 1 else "\n".join(texts).strip("\n")
