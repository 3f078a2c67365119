"""Fountain body: paragraphs of lines -> `Element`s.

Lines are grouped into paragraphs separated by blank lines (a "two spaces" line inside a
speech does not separate). Inside a paragraph, sections, synopses, page breaks and centred
lines stand alone; what is left is classified by its first line: a one-line scene heading or
transition, a cue followed by a speech, else action. In hard-wrapped legacy files (see
fountain_legacy) indentation is ignored and wrapped lines are re-flowed with spaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lynchpin.engine.screenplay import fountain_lines as fl
from lynchpin.engine.screenplay.fountain_speech import SpeechReader
from lynchpin.engine.screenplay.model import Element, ElementKind


@dataclass
class BodyResult:
    """Elements in order, and the scene number found on each heading (by element index)."""

    elements: list[Element] = field(default_factory=list)
    scene_numbers: dict[int, str] = field(default_factory=dict)


def paragraphs(lines: list[fl.Line]) -> list[list[fl.Line]]:
    """Group lines into paragraphs; a soft blank line stays inside a started speech."""
    groups: list[list[fl.Line]] = []
    current: list[fl.Line] = []
    for line in lines:
        if line.stripped or _soft_blank_in_speech(line, current):
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _soft_blank_in_speech(line: fl.Line, current: list[fl.Line]) -> bool:
    """A "two spaces" line after a cue and at least one speech line keeps the speech open."""
    return line.soft_blank and len(current) >= 2 and fl.is_cue(current[0].stripped)


def read_body(lines: list[fl.Line], *, legacy: bool) -> BodyResult:
    """Classify every paragraph of `lines` into elements (see the module docstring)."""
    builder = _Builder(legacy)
    for paragraph in paragraphs(lines):
        builder.paragraph(paragraph)
    return builder.result


class _Builder:
    """Accumulates elements; remembers the last speech for dual dialogue and (MORE) joins."""

    def __init__(self, legacy: bool) -> None:
        self.legacy = legacy
        self.result = BodyResult()
        self.speech = SpeechReader(legacy)

    @property
    def elements(self) -> list[Element]:
        return self.result.elements

    def paragraph(self, lines: list[fl.Line]) -> None:
        i = 0
        while i < len(lines):
            s = lines[i].stripped
            alone = i + 1 == len(lines) or fl.is_structural(lines[i + 1].stripped)
            if fl.is_structural(s):
                i = self._structural(lines, i)
            elif alone and (heading := fl.heading_text(s)) is not None:
                self._heading(heading, lines[i].number)
                i += 1
            elif alone and (transition := fl.transition_text(s)) is not None:
                self._add(Element(ElementKind.TRANSITION, transition, lines[i].number))
                i += 1
            elif s.startswith("~"):
                i = self._lyrics(lines, i)
            elif not alone and fl.is_cue(s):
                self.speech.read(lines[i:], self.elements)
                i = len(lines)
            else:
                i = self._action(lines, i)

    def _add(self, element: Element) -> None:
        self.elements.append(element)

    def _heading(self, text: str, number: int) -> None:
        heading, scene_number = fl.split_scene_number(text)
        if scene_number:
            self.result.scene_numbers[len(self.elements)] = scene_number
        self._add(Element(ElementKind.SCENE_HEADING, heading, number))

    def _structural(self, lines: list[fl.Line], i: int) -> int:
        s, number = lines[i].stripped, lines[i].number
        if fl.is_page_break(s):
            self._add(Element(ElementKind.PAGE_BREAK, "", number))
        elif fl.is_synopsis(s):
            self._add(Element(ElementKind.SYNOPSIS, s[1:].strip(), number))
        elif fl.is_section(s):
            self._add(Element(ElementKind.SECTION, s.lstrip("#").strip(), number))
        else:
            return self._centered(lines, i)
        return i + 1

    def _centered(self, lines: list[fl.Line], i: int) -> int:
        texts: list[str] = []
        j = i
        while j < len(lines) and fl.is_centered(lines[j].stripped):
            texts.append(lines[j].stripped[1:-1].strip())
            j += 1
        self._add(Element(ElementKind.CENTERED, "\n".join(texts), lines[i].number))
        return j

    def _lyrics(self, lines: list[fl.Line], i: int) -> int:
        """Lyric lines outside a speech: one LYRIC element with no speaker."""
        j = i
        while j < len(lines) and lines[j].stripped.startswith("~"):
            j += 1
        text = "\n".join(line.stripped[1:].strip() for line in lines[i:j])
        self._add(Element(ElementKind.LYRIC, text, lines[i].number))
        return j

    def _action(self, lines: list[fl.Line], i: int) -> int:
        j = i + 1
        while j < len(lines) and not _ends_action(lines[j].stripped):
            j += 1
        if self.legacy:
            text = fl.reflow([_unforce(line.stripped) for line in lines[i:j]])
        else:
            text = "\n".join(_unforce(line.plain.rstrip().expandtabs(4)) for line in lines[i:j])
        self._add(Element(ElementKind.ACTION, text, lines[i].number))
        return j


def _ends_action(s: str) -> bool:
    return fl.is_structural(s) or s.startswith("~")


def _unforce(text: str) -> str:
    """Drop the ``!`` that forces a line to be action, keeping its indentation."""
    body = text.lstrip()
    if body.startswith("!"):
        return text[: len(text) - len(body)] + body[1:]
    return text

