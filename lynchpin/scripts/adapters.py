"""Rows <-> engine values: the only place where the scripts app's models meet the engine.

- `analyse(content, file_name)`: bytes -> `Analysis` (parsed `Script`, `Pagination`, the
  machine `Breakdown`); `script_of(version)` re-reads a stored draft.
- `scene_row` / `omitted_row` / `item_values` / `character_rows`: engine values -> unsaved rows.
- `items_of(scenes)`: the breakdown rows of scenes; `breakdown_of(scenes, items)`: rows ->
  engine `Breakdown` (for carrying decisions).
- `report_of(version, script, scenes, items)`: rows + re-read script -> `BreakdownReport`.
- `revision_json(...)`: a `RevisionReport` and the carried decisions as JSON for the review.

Span offsets are stored relative to the scene (paragraph 0 is the heading) so that a
scene's highlights need nothing but the scene row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lynchpin.engine.breakdown.model import (
    Breakdown,
    BreakdownItem,
    Origin,
    SceneBreakdown,
    Span,
    Status,
)
from lynchpin.engine.breakdown.report import BreakdownReport, breakdown_report
from lynchpin.engine.breakdown.tagging import break_down
from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.model import UNPRINTED_KINDS, Script
from lynchpin.engine.screenplay.paginate import Pagination, ScenePagination, paginate
from lynchpin.engine.screenplay.read import read_script
from lynchpin.engine.screenplay.revisions import RevisionReport
from lynchpin.scripts.models import Character, Scene, SceneElement, ScriptVersion

__all__ = [
    "Analysis",
    "ItemValues",
    "analyse",
    "breakdown_of",
    "character_rows",
    "item_values",
    "items_of",
    "omitted_row",
    "report_of",
    "revision_json",
    "scene_row",
    "script_of",
]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the engine makes of one draft: the script, its pagination, its breakdown."""

    script: Script
    pagination: Pagination
    breakdown: Breakdown

    def pages_of(self, index: int) -> ScenePagination | None:
        """The pagination of scene `index` (None if the paginator skipped it)."""
        return _pagination_by_index(self.pagination).get(index)


def _pagination_by_index(pagination: Pagination) -> dict[int, ScenePagination]:
    return {scene.index: scene for scene in pagination.scenes}


def analyse(content: bytes, file_name: str) -> Analysis:
    """Parse, paginate (US letter) and break down a screenplay of any supported format.

    Raises InputError naming `file_name` (and the line, where the format has lines) for a
    file that is not a readable screenplay, or one without a single scene.
    """
    try:
        script = read_script(content, name=file_name)
    except InputError as error:
        if error.source:
            raise
        raise InputError(
            error.message, source=file_name, line=error.line, field=error.field
        ) from None
    if not script.scenes:
        raise InputError("no scene headings found; is this a screenplay?", source=file_name)
    return Analysis(script, paginate(script), break_down(script))


def script_of(version: ScriptVersion) -> Script:
    """Re-read the stored file of `version` (the parser is deterministic, so the scenes are
    the ones stored). Raises InputError when the file is missing or unreadable."""
    try:
        with version.source.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError) as error:
        raise InputError(
            f"the stored file cannot be read ({error})", source=version.file_name
        ) from None
    return read_script(data, name=version.file_name)


def _paragraphs(script: Script, start: int, end: int) -> list[dict[str, str]]:
    """The printed paragraphs of elements ``start..end`` as JSON (unprinted kinds kept as
    empty text so that indexes stay aligned with span offsets)."""
    return [
        {"type": str(e.kind), "text": "" if e.kind in UNPRINTED_KINDS else e.text}
        for e in script.elements[start:end]
    ]


def scene_row(
    version: ScriptVersion, analysis: Analysis, index: int, *, number: str, order: int
) -> Scene:
    """An unsaved Scene for scene `index` of the analysed draft."""
    scene = analysis.script.scenes[index]
    pages = analysis.pages_of(index)
    heading = scene.heading
    return Scene(
        production_id=version.production_id,
        script_version=version,
        order=order,
        number=number[:32],
        script_number=scene.number[:32],
        script_index=index,
        first_element=scene.start,
        heading=heading.text,
        int_ext=str(heading.int_ext),
        set_name=heading.set_name,
        time_of_day=heading.time_of_day[:60],
        eighths=pages.eighths if pages else 0,
        page=pages.page if pages else 0,
        omitted=False,
        elements=_paragraphs(analysis.script, scene.start, scene.end),
    )


def omitted_row(version: ScriptVersion, old: Scene, *, order: int) -> Scene:
    """An unsaved placeholder in `version` for `old`, a scene cut from the draft: its number,
    heading and text are kept; it has no length and no place in the new file."""
    return Scene(
        production_id=version.production_id,
        script_version=version,
        order=order,
        number=old.number,
        script_number=old.script_number,
        script_index=None,
        first_element=old.first_element,  # its spans still count from the old heading
        heading=old.heading,
        int_ext=old.int_ext,
        set_name=old.set_name,
        time_of_day=old.time_of_day,
        eighths=0,
        page=0,
        omitted=True,
        elements=old.elements,
    )


@dataclass(frozen=True, slots=True)
class ItemValues:
    """One breakdown item as the service stores it: element key plus SceneElement fields."""

    category: int
    name: str
    status: str
    origin: str
    spans: list[dict[str, Any]]


def item_values(sheet: SceneBreakdown, first_element: int) -> list[ItemValues]:
    """The items of an engine sheet, spans made relative to the scene's heading."""
    return [
        ItemValues(
            item.category,
            item.name,
            str(item.status),
            str(item.origin),
            [
                {"element": s.element - first_element, "start": s.start, "end": s.end,
                 "text": s.text}
                for s in item.spans
                if s.element >= first_element
            ],
        )
        for item in sheet.items
    ]


def character_rows(version: ScriptVersion, script: Script) -> list[Character]:
    """Unsaved Character rows: every speaking character with scene and block counts."""
    return [
        Character(
            production_id=version.production_id,
            script_version=version,
            name=character.name[:200],
            scene_count=len(character.scenes),
            dialogue_blocks=character.dialogue_blocks,
        )
        for character in script.characters
        if character.name
    ]


def _item(row: SceneElement, first_element: int) -> BreakdownItem:
    spans = tuple(
        Span(int(s["element"]) + first_element, int(s["start"]), int(s["end"]), str(s["text"]))
        for s in row.spans
    )
    return BreakdownItem(
        row.element.category, row.element.name, Status(row.status), Origin(row.origin), spans
    )


def items_of(scenes: Sequence[Scene]) -> dict[int, list[SceneElement]]:
    """The SceneElement rows of `scenes` (elements loaded), by scene id, by category and name."""
    wanted = {scene.pk for scene in scenes}
    drafts = {scene.script_version_id for scene in scenes}
    # By draft, not by a list of scene ids: SQLite takes at most 999 query parameters.
    rows = SceneElement.objects.filter(scene__script_version__in=drafts).select_related("element")
    grouped: dict[int, list[SceneElement]] = {}
    for row in rows.order_by("scene_id", "element__category", "element__name"):
        if row.scene_id in wanted:
            grouped.setdefault(row.scene_id, []).append(row)
    return grouped


def breakdown_of(
    scenes: Sequence[Scene], items: Mapping[int, Sequence[SceneElement]]
) -> tuple[Breakdown, dict[int, Scene]]:
    """The engine Breakdown of a draft's scene rows (`items`: scene id -> its rows), and
    each sheet's `scene` key -> row.

    A current scene's sheet is keyed by its `script_index`; omitted placeholders get keys
    after the last current scene, so every key is distinct.
    """
    current = sum(1 for scene in scenes if not scene.omitted)
    sheets: list[SceneBreakdown] = []
    rows: dict[int, Scene] = {}
    extra = current
    for scene in scenes:
        if scene.omitted:
            key, extra = extra, extra + 1
        else:
            key = scene.script_index if scene.script_index is not None else 0
        offset = scene.first_element
        sheet_items = tuple(_item(row, offset) for row in items.get(scene.pk, ()))
        sheets.append(SceneBreakdown(key, scene.number, sheet_items, omitted=scene.omitted))
        rows[key] = scene
    return Breakdown(tuple(sheets)), rows


@dataclass(frozen=True, slots=True)
class _StoredPages:
    """Pagination read back from scene rows (the `PagesOfScript` the report needs)."""

    pages: int
    total_eighths: int
    scenes: tuple[Scene, ...]


def report_of(
    version: ScriptVersion,
    script: Script,
    scenes: Sequence[Scene],
    items: Mapping[int, Sequence[SceneElement]],
) -> BreakdownReport:
    """The breakdown report of `version`: its current scenes with their production numbers
    and stored lengths, and only ACCEPTED elements (a suggestion is not on a breakdown
    sheet until a person accepts it).

    Raises InputError when the re-read `script` no longer has the stored scenes.
    """
    current = sorted((s for s in scenes if not s.omitted), key=lambda s: s.script_index or 0)
    if [s.script_index for s in current] != list(range(len(script.scenes))):
        raise InputError(
            "the stored file no longer matches the imported scenes; import it again",
            source=version.file_name,
        )
    numbered = dataclasses.replace(
        script,
        scenes=tuple(dataclasses.replace(s, number=row.number)
                     for s, row in zip(script.scenes, current, strict=True)),
    )
    breakdown, _ = breakdown_of(current, items)
    accepted = Breakdown(
        tuple(
            dataclasses.replace(
                sheet, items=tuple(i for i in sheet.items if i.status is Status.ACCEPTED)
            )
            for sheet in breakdown.scenes
        )
    )
    pages = _StoredPages(version.pages, version.eighths, tuple(current))
    return breakdown_report(numbered, pages, accepted)


def revision_json(
    report: RevisionReport,
    old_numbers: Mapping[int, str],
    new_numbers: Mapping[int, str],
    carried: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The revision report as stored for the review page: every scene change with the
    production number it had (`old_numbers`: old scene index -> number) and will have
    (`new_numbers`: new scene index -> number), characters added and removed, warnings,
    and the decisions carried over (`carried`)."""
    return {
        "changes": [
            {
                **dataclasses.asdict(change),
                "old_production_number": _number(old_numbers, change.old_index),
                "new_production_number": _number(new_numbers, change.new_index),
            }
            for change in report.changes
        ],
        "characters_added": list(report.characters_added),
        "characters_removed": list(report.characters_removed),
        "warnings": list(report.warnings),
        "old_scene_count": report.old_scene_count,
        "new_scene_count": report.new_scene_count,
        "carried": [dict(entry) for entry in carried],
    }


def _number(numbers: Mapping[int, str], index: int | None) -> str:
    return numbers.get(index, "") if index is not None else ""
