"""Fountain body: paragraphs of lines -> `Element`s.

Lines are grouped into paragraphs separated by blank lines (a "two spaces" line inside a
speech does not separate). Inside a paragraph, sections, synopses, page breaks and centred
lines stand alone; what is left is classified by its first line: a one-line scene heading or
transition, a cue followed by a speech, else action. In hard-wrapped legacy files (see
fountain_legacy) indentation is ignored and wrapped lines are re-flowed with spaces.
Blank lines beyond the one separating two paragraphs become empty ACTION elements (see
`paragraphs`); scene headings are upper-cased, as Final Draft prints them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lynchpin.engine.screenplay import fountain_lines as fl
from lynchpin.engine.screenplay.fountain_speech import SpeechReader
from lynchpin.engine.screenplay.model import Element, ElementKind

# Hot paths compare kinds per element: module constants skip the Enum class lookup.
_ACTION = ElementKind.ACTION
_CENTERED = ElementKind.CENTERED
_LYRIC = ElementKind.LYRIC
_PAGE_BREAK = ElementKind.PAGE_BREAK
_SCENE_HEADING = ElementKind.SCENE_HEADING
_SECTION = ElementKind.SECTION
_SYNOPSIS = ElementKind.SYNOPSIS
_TRANSITION = ElementKind.TRANSITION

_new_element = tuple.__new__  # builds an Element from all its fields (see fountain_speech)


@dataclass
class BodyResult:
    """Elements in order, the scene number found on each heading (by element index) and the
    index of every heading, in order."""

    elements: list[Element] = field(default_factory=list)
    scene_numbers: dict[int, str] = field(default_factory=dict)
    heading_indexes: list[int] = field(default_factory=list)


class Paragraph(NamedTuple):
    """The lines of one paragraph and the extra blank lines that came right before it.

    `extra_blanks` holds the source numbers of blank lines beyond the one that separates
    this paragraph from the previous one (see `paragraphs`). A NamedTuple (immutable, a
    third of the cost of a frozen dataclass to build): one is made per paragraph.
    """

    lines: list[fl.Line]
    extra_blanks: tuple[int, ...] = ()


def paragraphs(numbers: Sequence[int], texts: Sequence[str]) -> list[Paragraph]:
    """Group source lines into paragraphs; a soft blank line stays inside a started speech.

    `numbers` and `texts` are the lines' 1-based source numbers and texts (see `Stripped`).

    A blank line (empty or whitespace only) outside a speech separates paragraphs. A blank
    line whose source line directly above is also a separating blank line is an *extra*
    blank: Fountain keeps every carriage return, and Final Draft prints each as an empty
    Action paragraph. A line dropped for holding only a note or boneyard breaks such a run
    (the blank lines around a note on its own line are removed, fountain.io "Notes").
    Extras before the first paragraph and after the last are not kept.
    """
    groups: list[Paragraph] = []
    current: list[fl.Line] = []
    extras: list[int] = []
    last_blank = -1
    prepare = fl.prepare
    for number, text in zip(numbers, texts, strict=True):
        line = prepare(number, text) if text else None
        if line is not None and (line.stripped or _soft_blank_in_speech(line, current)):
            if not current:
                current = []
                groups.append(Paragraph(current, tuple(extras) if groups else ()))
                extras = []
            current.append(line)
            continue
        if current:
            current = []
        elif last_blank == number - 1 and groups:
            extras.append(number)
        last_blank = number
    return groups


def _soft_blank_in_speech(line: fl.Line, current: list[fl.Line]) -> bool:
    """A "two spaces" line after a cue and at least one speech line keeps the speech open."""
    return line.soft_blank and len(current) >= 2 and fl.is_cue(current[0].stripped)


def read_body(paragraph_list: list[Paragraph], *, legacy: bool) -> BodyResult:
    """Classify every paragraph into elements (see the module docstring).

    Outside hard-wrapped legacy text, each extra blank line becomes an empty ACTION element
    (text ``""``, line = the blank line) before its paragraph.
    """
    builder = _Builder(legacy)
    elements = builder.elements
    for paragraph in paragraph_list:
        if not legacy:
            for number in paragraph.extra_blanks:
                elements.append(Element(_ACTION, "", number))
        builder.paragraph(paragraph.lines)
    return builder.result


class _Builder:
    """Accumulates elements; remembers the last speech for dual dialogue and (MORE) joins."""

    def __init__(self, legacy: bool) -> None:
        self.legacy = legacy
        self.result = BodyResult()
        self.speech = SpeechReader(legacy)
        self.elements = self.result.elements

    def paragraph(self, lines: list[fl.Line]) -> None:
        i = 0
        count = len(lines)
        while i < count:
            line = lines[i]
            s = line.stripped
            alone = i + 1 == count or lines[i + 1].structural
            if line.structural:
                i = self._structural(lines, i)
            elif alone and (heading := fl.heading_text(s)) is not None:
                self._heading(heading, lines[i].number)
                i += 1
            elif alone and (transition := fl.transition_text(s)) is not None:
                self._add(Element(_TRANSITION, transition, lines[i].number))
                i += 1
            elif s.startswith("~"):
                i = self._lyrics(lines, i)
            elif not alone and fl.is_cue(s):
                self.speech.read(lines, i, self.elements)
                i = len(lines)
            else:
                i = self._action(lines, i)

    def _add(self, element: Element) -> None:
        self.elements.append(element)

    def _heading(self, text: str, number: int) -> None:
        heading, scene_number = fl.split_scene_number(text)
        if scene_number:
            self.result.scene_numbers[len(self.elements)] = scene_number
        self.result.heading_indexes.append(len(self.elements))
        # Final Draft prints headings in capitals (its Scene Heading style is all caps).
        self._add(Element(_SCENE_HEADING, heading.upper(), number))

    def _structural(self, lines: list[fl.Line], i: int) -> int:
        s, number = lines[i].stripped, lines[i].number
        if fl.is_page_break(s):
            self._add(Element(_PAGE_BREAK, "", number))
        elif fl.is_synopsis(s):
            self._add(Element(_SYNOPSIS, s[1:].strip(), number))
        elif fl.is_section(s):
            self._add(Element(_SECTION, s.lstrip("#").strip(), number))
        else:
            return self._centered(lines, i)
        return i + 1

    def _centered(self, lines: list[fl.Line], i: int) -> int:
        texts: list[str] = []
        j = i
        while j < len(lines) and fl.is_centered(lines[j].stripped):
            texts.append(lines[j].stripped[1:-1].strip())
            j += 1
        self._add(Element(_CENTERED, "\n".join(texts), lines[i].number))
        return j

    def _lyrics(self, lines: list[fl.Line], i: int) -> int:
        """Lyric lines outside a speech: one LYRIC element with no speaker."""
        j = i
        while j < len(lines) and lines[j].stripped.startswith("~"):
            j += 1
        text = "\n".join(line.stripped[1:].strip() for line in lines[i:j])
        self._add(Element(_LYRIC, text, lines[i].number))
        return j

    def _action(self, lines: list[fl.Line], i: int) -> int:
        j = i + 1
        while j < len(lines) and not _ends_action(lines[j]):
            j += 1
        if self.legacy:
            text = fl.reflow([_unforce(line.stripped) for line in lines[i:j]])
        elif j == i + 1:  # one line, the common case
            text = _unforce(lines[i].plain.rstrip().expandtabs(4))
        else:
            text = "\n".join(_unforce(line.plain.rstrip().expandtabs(4)) for line in lines[i:j])
        fields = (_ACTION, text, lines[i].number, "", None, "", False, ())
        self.elements.append(_new_element(Element, fields))
        return j


def _ends_action(line: fl.Line) -> bool:
    return line.structural or line.stripped.startswith("~")


def _unforce(text: str) -> str:
    """Drop the ``!`` that forces a line to be action, keeping its indentation."""
    body = text.lstrip()
    if body.startswith("!"):
        return text[: len(text) - len(body)] + body[1:]
    return text
