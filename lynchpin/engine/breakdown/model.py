"""Breakdown values: what each scene needs, by category, and why it was suggested.

A `Breakdown` has one `SceneBreakdown` per scene of a `Script` (same order, keyed by the
scene's index and number). Each `BreakdownItem` names a category (Universal Schedule Standard
id, 100..124), an element name (upper case, e.g. ``"HORSE"``), whether a person accepted it,
where it came from, and the text spans that caused it, so a person can accept or reject it.
Values are immutable; decisions produce new values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Status(StrEnum):
    """A person's decision on an item. Suggestions start SUGGESTED."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Origin(StrEnum):
    """Why an item is in the breakdown."""

    SPEAKING = "speaking"  # has a dialogue cue in the scene
    INTRODUCED = "introduced"  # named in CAPS in the action
    LEXICON = "lexicon"  # a word from a category lexicon
    TAGGED = "tagged"  # Final Draft Tagger data in the .fdx
    MANUAL = "manual"  # added by a person
    CARRIED = "carried"  # carried over from an earlier draft's breakdown


@dataclass(frozen=True, slots=True)
class Span:
    """Where in the script an item was found.

    `element` is the index into ``Script.elements``; `start`/`end` are character offsets in
    that element's text (``end`` exclusive); `text` is the matched text itself.
    """

    element: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class BreakdownItem:
    """One element of a scene's breakdown (a cast member, a prop, a horse...)."""

    category: int
    name: str
    status: Status = Status.SUGGESTED
    origin: Origin = Origin.LEXICON
    spans: tuple[Span, ...] = ()

    def decided(self, status: Status) -> BreakdownItem:
        """This item with a person's decision applied."""
        return replace(self, status=status)


@dataclass(frozen=True, slots=True)
class SceneBreakdown:
    """The breakdown sheet of one scene. `omitted` marks a scene cut from the current draft."""

    scene: int
    number: str
    items: tuple[BreakdownItem, ...] = ()
    omitted: bool = False

    def by_category(self, *, include_rejected: bool = False) -> dict[int, tuple[str, ...]]:
        """Item names grouped by category id, in category order, rejected items left out."""
        groups: dict[int, list[str]] = {}
        for item in sorted(self.items, key=lambda i: (i.category, i.name)):
            if item.status is Status.REJECTED and not include_rejected:
                continue
            names = groups.setdefault(item.category, [])
            if item.name not in names:
                names.append(item.name)
        return {cat: tuple(names) for cat, names in groups.items()}


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A whole script's breakdown: one sheet per scene, in script order."""

    scenes: tuple[SceneBreakdown, ...]
