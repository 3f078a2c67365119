"""Fountain 1.1 import: text -> `Script`.

Pipeline (each step linear in the input):
1. `decode_text` (bytes -> text, in fountain_text): UTF-8 with/without BOM, UTF-16 with BOM,
   newlines normalised to ``"\\n"``, NBSP -> space.
2. notes ``[[ ]]`` and boneyard ``/* */`` are cut out (fountain_text.strip_markup); a line
   left with nothing but whitespace is dropped.
3. the title page is read (fountain_title).
4. hard-wrapped legacy text is detected (indentation ignored, wraps re-flowed).
5. body lines are grouped into paragraphs in one pass (fountain_body.paragraphs), each extra
   blank line in a row becoming an empty ACTION; paragraphs become elements (fountain_body,
   fountain_speech); headings (printed in capitals) index scenes.

Never raises anything but `InputError`; see docs/formats/fountain.md for the syntax covered.
"""

from __future__ import annotations

from lynchpin.engine.screenplay import fountain_lines as fl
from lynchpin.engine.screenplay.fountain_body import paragraphs, read_body
from lynchpin.engine.screenplay.fountain_rules import rules
from lynchpin.engine.screenplay.fountain_text import (
    decode_text,
    normalise_newlines,
    strip_markup,
)
from lynchpin.engine.screenplay.fountain_title import split_title_page
from lynchpin.engine.screenplay.model import (
    Element,
    ElementKind,
    Layout,
    Scene,
    Script,
    SourceFormat,
    parse_heading,
)

__all__ = ["decode_text", "is_hard_wrapped", "parse_fountain"]


def parse_fountain(text: str, *, source: str = "") -> Script:
    """Parse Fountain text into a `Script` (source_format FOUNTAIN, source_name `source`).

    `text` may still carry CR/CRLF line ends and NBSPs (they are normalised). Empty text gives
    a script with no elements. Element.line is the 1-based source line. Warnings (such as an
    unterminated boneyard that swallowed the rest of the file) go to Script.warnings.
    """
    stripped = strip_markup(normalise_newlines(text.removeprefix("\ufeff")))
    title = split_title_page(stripped.texts)
    start = title.body_start
    body = paragraphs(stripped.numbers[start:], stripped.texts[start:])
    legacy = is_hard_wrapped([line for paragraph in body for line in paragraph.lines])
    result = read_body(body, legacy=legacy)
    elements = tuple(result.elements)
    warnings = list(stripped.warnings)
    if legacy:
        warnings.append("hard-wrapped text: indentation ignored and wrapped lines re-flowed")
    return Script(
        source_format=SourceFormat.FOUNTAIN,
        elements=elements,
        scenes=_scenes(elements, result.heading_indexes, result.scene_numbers),
        title_page=title.pairs,
        layout=Layout(multicam=title.multicam),
        warnings=tuple(warnings),
        source_name=source,
    )


def is_hard_wrapped(lines: list[fl.Line]) -> bool:
    """True for legacy plain-text scripts: many body lines indented with spaces.

    Such files (e.g. Charade) place cues, parentheticals and dialogue by indentation and
    wrap every line by hand; thresholds are in fountain_syntax.json (``legacy``).
    """
    config = rules()
    prefix = " " * config.legacy_min_indent
    non_blank = [line for line in lines if line.stripped]
    indented = sum(1 for line in non_blank if line.plain.startswith(prefix))
    return (
        indented >= config.legacy_min_lines
        and indented >= config.legacy_min_indented_share * len(non_blank)
    )


def _scenes(
    elements: tuple[Element, ...], starts: list[int], numbers: dict[int, str]
) -> tuple[Scene, ...]:
    """One scene per heading (`starts`: their indexes), running to the next or the end."""
    scenes: list[Scene] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(elements)
        scenes.append(
            Scene(
                index=index,
                heading=parse_heading(elements[start].text),
                start=start,
                end=end,
                number=numbers.get(start, ""),
                synopsis=_synopsis(elements, start + 1, end),
            )
        )
    return tuple(scenes)


def _synopsis(elements: tuple[Element, ...], first: int, end: int) -> str:
    """Synopsis lines directly after a heading, joined with ``"\\n"``."""
    texts: list[str] = []
    k = first
    while k < end and elements[k].kind is ElementKind.SYNOPSIS:
        texts.append(elements[k].text)
        k += 1
    return "\n".join(texts)
