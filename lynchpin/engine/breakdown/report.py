"""The breakdown report: exactly what every breakdown output (table, JSON, CSV, XLSX, PDF) shows.

`breakdown_report` joins a `Script`, its pagination and its `Breakdown` into one immutable
value, so every renderer prints the same figures. Lengths are in eighths of a page (integers);
scene numbers are strings (the script's own number, or the 1-based position of the scene when
the script carries no number). Rejected breakdown items are left out; suggested and accepted
ones are shown.

Cast: a scene's `characters` are its speaking characters (in order of first cue) followed by
the other Cast Members (category 100) of its breakdown, in breakdown order; `speaking` is the
first group only. The report's `characters` list every cast member of the script: speaking
characters in order of first appearance, then non-speaking cast in order of first scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from lynchpin.engine.breakdown.model import Breakdown, SceneBreakdown
from lynchpin.engine.screenplay.model import Script

#: Universal Schedule Standard id of the Cast Members category.
CAST_CATEGORY = 100


class ScenePages(Protocol):
    """Where one scene sits: its length in eighths and the page it starts on."""

    @property
    def eighths(self) -> int: ...

    @property
    def page(self) -> int: ...


class PagesOfScript(Protocol):
    """What the report reads from a pagination: page count, total eighths, one entry per scene."""

    @property
    def pages(self) -> int: ...

    @property
    def total_eighths(self) -> int: ...

    @property
    def scenes(self) -> Sequence[ScenePages]: ...


class CategoryInfo(Protocol):
    """A breakdown category as the report needs it: id, display name, colour (``#rrggbb``)."""

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def colour(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CategoryColumn:
    """A breakdown category as printed: display name and colour (``#rrggbb``), in id order."""

    id: int
    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class SceneReport:
    """One scene's line of the report. `elements` maps category name -> element names."""

    number: str
    heading: str
    int_ext: str
    set: str
    time_of_day: str
    eighths: int
    page: int
    characters: tuple[str, ...]
    speaking: tuple[str, ...]
    elements: tuple[tuple[str, tuple[str, ...]], ...]

    def elements_dict(self) -> dict[str, list[str]]:
        """`elements` as a plain dict (category name -> names), in category order."""
        return {category: list(names) for category, names in self.elements}

    def as_dict(self) -> dict[str, Any]:
        """The scene in the documented JSON shape (see docs/cli.md)."""
        return {
            "number": self.number,
            "heading": self.heading,
            "int_ext": self.int_ext,
            "set": self.set,
            "time_of_day": self.time_of_day,
            "eighths": self.eighths,
            "page": self.page,
            "characters": list(self.characters),
            "speaking": list(self.speaking),
            "elements": self.elements_dict(),
        }


@dataclass(frozen=True, slots=True)
class CharacterReport:
    """A cast member: name, scene numbers they appear in, dialogue blocks (0 when silent)."""

    name: str
    scenes: tuple[str, ...]
    dialogue_blocks: int

    def as_dict(self) -> dict[str, Any]:
        """The character in the documented JSON shape."""
        return {
            "name": self.name,
            "scenes": list(self.scenes),
            "dialogue_blocks": self.dialogue_blocks,
        }


@dataclass(frozen=True, slots=True)
class BreakdownReport:
    """A whole script's breakdown report.

    `format` is the importer that read the script (``fountain``, ``fdx``, ``pdf``);
    `confidence` (0..1) and `warnings` come from the importer (PDF imports guess);
    `categories` lists every known category in id order, for renderers that lay out one
    column or box per category.
    """

    title: str
    format: str
    pages: int
    eighths: int
    scenes: tuple[SceneReport, ...]
    characters: tuple[CharacterReport, ...]
    categories: tuple[CategoryColumn, ...]
    confidence: float = 1.0
    warnings: tuple[str, ...] = ()
    source: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The report in the documented JSON shape (see docs/cli.md); JSON-serialisable."""
        return {
            "title": self.title,
            "format": self.format,
            "pages": self.pages,
            "eighths": self.eighths,
            "confidence": self.confidence,
            "warnings": list(self.warnings),
            "scenes": [scene.as_dict() for scene in self.scenes],
            "characters": [character.as_dict() for character in self.characters],
        }


def breakdown_report(
    script: Script,
    pagination: PagesOfScript,
    breakdown: Breakdown,
    *,
    categories: Sequence[CategoryInfo] | None = None,
) -> BreakdownReport:
    """Join a script, its pagination and its breakdown into the report every output prints.

    `categories` defaults to the Universal Schedule Standard categories
    (`lynchpin.engine.breakdown.categories.load_categories`); an item whose category id is
    unknown is shown under ``"Category <id>"``. Raises ValueError when the pagination or the
    breakdown does not have exactly one entry per scene of the script.
    """
    if len(pagination.scenes) != len(script.scenes) or len(breakdown.scenes) != len(
        script.scenes
    ):
        raise ValueError(
            f"script has {len(script.scenes)} scenes, pagination {len(pagination.scenes)}, "
            f"breakdown {len(breakdown.scenes)}"
        )
    columns = _columns(categories)
    names = {column.id: column.name for column in columns}
    scenes = tuple(
        _scene_report(script, position, pagination.scenes[position], sheet, names)
        for position, sheet in enumerate(breakdown.scenes)
    )
    return BreakdownReport(
        title=script.title,
        format=str(script.source_format),
        pages=pagination.pages,
        eighths=pagination.total_eighths,
        scenes=scenes,
        characters=_characters(script, scenes),
        categories=columns,
        confidence=script.confidence,
        warnings=script.warnings,
        source=script.source_name,
    )


def _columns(categories: Sequence[CategoryInfo] | None) -> tuple[CategoryColumn, ...]:
    """The categories as report columns, in id order."""
    if categories is None:
        from lynchpin.engine.breakdown.categories import load_categories

        categories = load_categories()
    return tuple(
        CategoryColumn(c.id, c.name, c.colour) for c in sorted(categories, key=lambda c: c.id)
    )


def _scene_report(
    script: Script,
    position: int,
    pages: ScenePages,
    sheet: SceneBreakdown,
    category_names: dict[int, str],
) -> SceneReport:
    """One scene's report line; `position` is the scene's 0-based index in the script."""
    scene = script.scenes[position]
    by_category = sheet.by_category()
    speaking = _speaking(script, position)
    silent = [n for n in by_category.get(CAST_CATEGORY, ()) if n not in speaking]
    elements = tuple(
        (category_names.get(category, f"Category {category}"), names)
        for category, names in sorted(by_category.items())
    )
    return SceneReport(
        number=scene.number or str(position + 1),
        heading=scene.heading.text,
        int_ext=str(scene.heading.int_ext),
        set=scene.heading.set_name,
        time_of_day=scene.heading.time_of_day,
        eighths=pages.eighths,
        page=pages.page,
        characters=(*speaking, *silent),
        speaking=speaking,
        elements=elements,
    )


def _speaking(script: Script, position: int) -> tuple[str, ...]:
    """Speakers of the scene in order of first cue, each once."""
    names: list[str] = []
    for speaker, _ in script.speeches(script.scenes[position]):
        if speaker and speaker not in names:
            names.append(speaker)
    return tuple(names)


def _characters(script: Script, scenes: tuple[SceneReport, ...]) -> tuple[CharacterReport, ...]:
    """Every cast member: speaking ones first (script order), then the silent ones."""
    blocks = {character.name: character.dialogue_blocks for character in script.characters}
    appearances: dict[str, list[str]] = {name: [] for name in blocks}
    for scene in scenes:
        for name in scene.characters:
            seen = appearances.setdefault(name, [])
            if scene.number not in seen:
                seen.append(scene.number)
    return tuple(
        CharacterReport(name, tuple(numbers), blocks.get(name, 0))
        for name, numbers in appearances.items()
    )
