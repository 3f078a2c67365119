"""Build small `Script` values by hand for breakdown tests (no parser involved)."""

from __future__ import annotations

from lynchpin.engine.screenplay.model import (
    Element,
    ElementKind,
    Scene,
    Script,
    SourceFormat,
    TagRef,
    parse_heading,
)

K = ElementKind


def heading(text: str) -> Element:
    return Element(K.SCENE_HEADING, text)


def action(text: str, *tags: TagRef) -> Element:
    return Element(K.ACTION, text, tags=tags)


def speech(name: str, *lines: str) -> list[Element]:
    """A cue (as printed, extensions allowed) and its dialogue lines."""
    speaker = name.split("(")[0].strip().upper()
    return [Element(K.CHARACTER, name, speaker=speaker)] + [
        Element(K.DIALOGUE, line, speaker=speaker) for line in lines
    ]


def script(*scenes: list[Element]) -> Script:
    """A script of the given scenes; each list starts with its heading."""
    elements: list[Element] = []
    index: list[Scene] = []
    for number, scene in enumerate(scenes, start=1):
        start = len(elements)
        elements.extend(scene)
        parsed = parse_heading(scene[0].text)
        index.append(Scene(number - 1, parsed, start, len(elements), str(number)))
    return Script(SourceFormat.FOUNTAIN, tuple(elements), tuple(index))
