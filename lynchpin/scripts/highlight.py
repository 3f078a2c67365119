"""Split a scene's paragraphs into text segments, each with the breakdown elements it shows.

Pure functions over plain values (no database): the scene page renders each segment, and a
segment covered by elements is highlighted in the first element's category colour with every
covering element named in its label (colour is never the only cue). Spans that do not fit
their paragraph (text edited since) are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

__all__ = ["Mark", "Paragraph", "Segment", "highlight"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A breakdown element as shown on the text: category, colour (#RRGGBB), name, status."""

    category: int
    category_name: str
    colour: str
    name: str
    status: str

    @property
    def label(self) -> str:
        """``"Props: DOG BOWL (suggested)"``."""
        return f"{self.category_name}: {self.name} ({self.status})"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text and the elements covering it (none: plain text)."""

    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def label(self) -> str:
        """Every covering element's label, joined with "; "."""
        return "; ".join(mark.label for mark in self.marks)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One printed paragraph: its kind (``"Scene Heading"``, ``"Dialogue"``...), a CSS-safe
    form of it, and its segments."""

    kind: str
    css: str
    segments: tuple[Segment, ...]


def _css(kind: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in kind.lower()) or "other"


def _fits(span: Mapping[str, Any], text: str) -> bool:
    start, end = span.get("start"), span.get("end")
    return (
        isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        and text[start:end] == span.get("text", text[start:end])
    )


def _segments(text: str, marked: Sequence[tuple[int, int, Mark]]) -> tuple[Segment, ...]:
    """`text` cut at every span boundary; each piece lists the marks covering it."""
    cuts = sorted({0, len(text), *(s for s, _, _ in marked), *(e for _, e, _ in marked)})
    segments = []
    for start, end in pairwise(cuts):
        covering = tuple(mark for s, e, mark in marked if s <= start and end <= e)
        segments.append(Segment(text[start:end], covering))
    return tuple(segments)


def highlight(
    paragraphs: Sequence[Mapping[str, Any]],
    items: Iterable[tuple[Mark, Sequence[Mapping[str, Any]]]],
) -> list[Paragraph]:
    """Paragraphs (``{"type", "text"}``) with the spans of `items` (mark, stored spans)
    marked. Empty paragraphs (unprinted kinds) are left out; marks in one segment keep the
    order of `items`."""
    by_paragraph: dict[int, list[tuple[int, int, Mark]]] = {}
    for mark, spans in items:
        for span in spans:
            index = span.get("element")
            if isinstance(index, int) and 0 <= index < len(paragraphs):
                text = str(paragraphs[index].get("text", ""))
                if _fits(span, text):
                    by_paragraph.setdefault(index, []).append((span["start"], span["end"], mark))
    result = []
    for index, paragraph in enumerate(paragraphs):
        text = str(paragraph.get("text", ""))
        if not text:
            continue
        kind = str(paragraph.get("type", ""))
        result.append(Paragraph(kind, _css(kind), _segments(text, by_paragraph.get(index, []))))
    return result
