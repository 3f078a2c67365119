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

from lynchpin.engine.screenplay import fountain_lines as fl
from lynchpin.engine.screenplay.model import DualSide, Element, ElementKind, character_name

# Hot paths compare kinds per element: module constants skip the Enum class lookup.
_CHARACTER = ElementKind.CHARACTER
_DIALOGUE = ElementKind.DIALOGUE
_LYRIC = ElementKind.LYRIC
_PARENTHETICAL = ElementKind.PARENTHETICAL

_MORE = "(MORE)"


@dataclass
class _Part:
    """An element being assembled from one or more source lines."""

    kind: ElementKind
    texts: list[str]
    line: int
    open_paren: bool = False


@dataclass
class _LastSpeech:
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

    def read(self, lines: list[fl.Line], elements: list[Element]) -> None:
        """Append the speech in `lines` (cue first) to `elements`."""
        cue, dual = fl.cue_text(lines[0].stripped)
        speaker = self._speaker(cue)
        parts, more = self._parts(lines[1:])
        last = self.last
        if self.legacy and last is not None and self._continues(last, speaker, cue, elements):
            self._extend_last(last, parts, more, elements)
            return
        side = self._dual_side(dual, elements) if dual else None
        start = len(elements)
        elements.append(Element(_CHARACTER, cue, lines[0].number, speaker, side))
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
