"""Build a draft's rows from the engine's analysis: scenes, breakdown items, characters.

A first draft stores the machine breakdown as it is. A revised draft is compared with the
current one (`compare_scripts`), the current draft's decisions are carried over
(`carry_breakdown`), scene numbers are locked (a kept scene keeps its production number, an
inserted one gets a free A-number, omitted numbers are never reused) and cut scenes stay as
omitted placeholders. Called inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lynchpin.engine.breakdown.categories import category_by_id
from lynchpin.engine.breakdown.merge import carry_breakdown
from lynchpin.engine.breakdown.model import Breakdown, Origin, SceneBreakdown, Status
from lynchpin.engine.screenplay.revision_numbers import draft_numbers, fill_numbers
from lynchpin.engine.screenplay.revisions import RevisionReport, compare_scripts
from lynchpin.scripts import adapters
from lynchpin.scripts.adapters import Analysis, ItemValues
from lynchpin.scripts.models import (
    BreakdownElement,
    Character,
    Scene,
    SceneElement,
    ScriptVersion,
    normalise_name,
)

__all__ = ["Rows", "describe_analysis", "first_draft_rows", "revision_rows", "save_rows"]

Rows = list[tuple[Scene, list[ItemValues]]]


def describe_analysis(version: ScriptVersion, analysis: Analysis) -> None:
    """Copy what the importer found onto `version` (not saved)."""
    script = analysis.script
    version.format = str(script.source_format)
    version.title = script.title[:200]
    version.pages = analysis.pagination.pages
    version.eighths = analysis.pagination.total_eighths
    version.confidence = min(1.0, max(0.0, float(script.confidence)))
    version.warnings = list(script.warnings)


def first_draft_rows(version: ScriptVersion, analysis: Analysis) -> Rows:
    """Scenes numbered as the file numbers them (or 1..n), with the machine breakdown."""
    numbers, _ = draft_numbers(analysis.script)
    rows: Rows = []
    for sheet in analysis.breakdown.scenes:
        row = adapters.scene_row(
            version, analysis, sheet.scene, number=numbers[sheet.scene], order=len(rows)
        )
        rows.append((row, adapters.item_values(sheet, row.first_element)))
    return rows


def revision_rows(
    version: ScriptVersion, base: ScriptVersion, analysis: Analysis
) -> tuple[Rows, dict[str, Any]]:
    """Rows of a revised draft compared with `base`, and the revision report as JSON."""
    report = compare_scripts(adapters.script_of(base), analysis.script)
    old_scenes = list(base.scenes.order_by("order"))
    old_breakdown, old_by_key = adapters.breakdown_of(old_scenes, adapters.items_of(old_scenes))
    carried = carry_breakdown(old_breakdown, report, analysis.breakdown)
    numbers = _locked_numbers(report, old_scenes)
    rows: Rows = []
    for sheet in carried.scenes:
        if sheet.omitted:
            row = adapters.omitted_row(version, old_by_key[sheet.scene], order=len(rows))
        else:
            row = adapters.scene_row(
                version, analysis, sheet.scene, number=numbers[sheet.scene], order=len(rows)
            )
        rows.append((row, adapters.item_values(sheet, row.first_element)))
    old_numbers = {s.script_index: s.number for s in old_scenes if s.script_index is not None}
    revision = adapters.revision_json(
        report, old_numbers, dict(enumerate(numbers)),
        _carried(old_breakdown, report, carried, analysis.breakdown, numbers),
    )
    return rows, revision


def _locked_numbers(report: RevisionReport, old_scenes: Sequence[Scene]) -> tuple[str, ...]:
    """Production numbers of the new draft's scenes: kept scenes keep theirs, inserted ones
    get free numbers (every old number, omitted ones included, stays taken)."""
    old_number = {s.script_index: s.number for s in old_scenes if s.script_index is not None}
    new_to_old = report.new_to_old()
    locked = [
        old_number.get(new_to_old[k]) if k in new_to_old else None
        for k in range(report.new_scene_count)
    ]
    return fill_numbers(locked, {s.number for s in old_scenes})


def _decided(sheet: SceneBreakdown) -> set[tuple[int, str]]:
    return {
        (item.category, item.name)
        for item in sheet.items
        if item.status is not Status.SUGGESTED or item.origin is Origin.MANUAL
    }


def _carried(
    old: Breakdown, report: RevisionReport, carried: Breakdown, fresh: Breakdown,
    numbers: Sequence[str],
) -> list[dict[str, Any]]:
    """The decisions the carry-over changed: items of kept scenes whose status differs from
    what the machine breakdown of the new draft says, or that the new text no longer shows
    (`found` False: kept without text evidence)."""
    old_sheets = {sheet.scene: sheet for sheet in old.scenes if not sheet.omitted}
    fresh_status = {
        (sheet.scene, item.category, item.name): item.status
        for sheet in fresh.scenes for item in sheet.items
    }
    new_to_old = report.new_to_old()
    entries = []
    for sheet in carried.scenes:
        if sheet.omitted or sheet.scene not in new_to_old:
            continue
        decided = _decided(old_sheets.get(new_to_old[sheet.scene], SceneBreakdown(0, "")))
        for item in sheet.items:
            key = (item.category, item.name)
            machine = fresh_status.get((sheet.scene, *key))
            if key in decided and (item.origin is Origin.CARRIED or machine is not item.status):
                entries.append({
                    "number": numbers[sheet.scene],
                    "category": item.category,
                    "category_name": _category_name(item.category),
                    "name": item.name,
                    "status": str(item.status),
                    "found": item.origin is not Origin.CARRIED,
                })
    return entries


def _category_name(category: int) -> str:
    try:
        return category_by_id(category).name
    except KeyError:
        return f"Category {category}"


def save_rows(version: ScriptVersion, rows: Rows, analysis: Analysis) -> None:
    """Store `rows` (scenes and their items) and the draft's characters."""
    Scene.objects.bulk_create([scene for scene, _ in rows])
    elements = _elements(version.production_id, rows)
    links: list[SceneElement] = []
    for scene, items in rows:
        seen: set[tuple[int, str]] = set()
        for item in items:
            key = _key(item)
            if key in seen:
                continue  # two names that only differ beyond the stored length
            seen.add(key)
            links.append(SceneElement(
                production_id=version.production_id, scene=scene, element=elements[key],
                status=item.status, origin=item.origin, spans=item.spans,
            ))
    SceneElement.objects.bulk_create(links)
    Character.objects.bulk_create(adapters.character_rows(version, analysis.script))


def _key(item: ItemValues) -> tuple[int, str]:
    return item.category, normalise_name(item.name)[:200]


def _elements(production_id: int, rows: Rows) -> dict[tuple[int, str], BreakdownElement]:
    """The production's BreakdownElements for every item key in `rows`, created as needed
    (conflicts ignored: an element someone added meanwhile is simply reused)."""
    elements = BreakdownElement.objects.filter(production_id=production_id)
    known = {(e.category, e.name): e for e in elements}
    missing = {_key(item) for _, items in rows for item in items} - set(known)
    if missing:
        BreakdownElement.objects.bulk_create(
            [
                BreakdownElement(production_id=production_id, category=category, name=name)
                for category, name in sorted(missing)
            ],
            ignore_conflicts=True,
        )
        known = {(e.category, e.name): e for e in elements.all()}
    return known
