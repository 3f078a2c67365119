"""Carry a breakdown over to a new draft, keeping every decision a person made.

`carry_breakdown(old, report, fresh)` takes the old draft's breakdown, the `RevisionReport`
comparing the drafts and `fresh`, the machine breakdown of the new draft, and returns the
new draft's breakdown:

- a matched scene gets its fresh sheet, where an item (same category and name) that a person
  decided in the old sheet keeps the old status; an ACCEPTED or MANUAL item the fresh
  breakdown did not find is added with origin CARRIED and no spans (nothing in the new text
  points at it); a REJECTED item the fresh breakdown did not find is dropped (nothing left
  to reject); fresh items nobody decided stay as suggested;
- an added scene gets its fresh sheet unchanged;
- an omitted scene keeps its old sheet, marked ``omitted=True`` with its old number (its
  1-based old position when the old draft was unnumbered; ``scene`` stays the OLD index);
  sheets already omitted in the old breakdown are kept too;
- omitted sheets are placed in number order among the new sheets, using the numbers the
  scenes would have with the old numbers locked (`lock_numbers`); where a number has no
  order (``"12-1"``) the sheet follows the scene that preceded it in the old draft.

Raises InputError when `fresh` is not one sheet per new scene or `old` does not fit the
report's old draft.
"""

from __future__ import annotations

from dataclasses import replace

from lynchpin.engine.breakdown.model import (
    Breakdown,
    BreakdownItem,
    Origin,
    SceneBreakdown,
    Status,
)
from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.revision_numbers import number_key
from lynchpin.engine.screenplay.revisions import ChangeStatus, RevisionReport, lock_numbers

_Key = tuple[int, str]


def carry_breakdown(old: Breakdown, report: RevisionReport, fresh: Breakdown) -> Breakdown:
    """The new draft's breakdown with the old draft's decisions carried over (rules above)."""
    fresh_sheets = _fresh_by_scene(fresh, report)
    old_sheets = _old_by_scene(old, report)
    new_to_old = report.new_to_old()
    current = [
        _carry_sheet(old_sheets.get(new_to_old[k]), sheet) if k in new_to_old else sheet
        for k, sheet in enumerate(fresh_sheets)
    ]
    old_to_new = {o: n for n, o in new_to_old.items()}
    cut: list[tuple[SceneBreakdown, int]] = []
    for change in report.with_status(ChangeStatus.OMITTED):
        index = change.old_index if change.old_index is not None else 0
        sheet = old_sheets.get(index, SceneBreakdown(index, change.old_number))
        sheet = replace(sheet, number=sheet.number or change.old_number, omitted=True)
        cut.append((sheet, _anchor(index, old_to_new)))
    cut.extend(_earlier_omitted(old, old_to_new))
    return Breakdown(_place(current, cut, lock_numbers(report)))


def carry_items(
    old: tuple[BreakdownItem, ...], fresh: tuple[BreakdownItem, ...]
) -> tuple[BreakdownItem, ...]:
    """Fresh items with old decisions applied, then decided items the fresh ones lack.

    Fresh order first, then carried items in old order; an item is keyed by (category, name).
    """
    decided: dict[_Key, BreakdownItem] = {}
    for item in old:
        if item.status is not Status.SUGGESTED or item.origin is Origin.MANUAL:
            decided.setdefault((item.category, item.name), item)
    found = {(item.category, item.name) for item in fresh}
    merged = [
        replace(item, status=decided[(item.category, item.name)].status)
        if (item.category, item.name) in decided
        else item
        for item in fresh
    ]
    merged.extend(
        replace(item, origin=Origin.CARRIED, spans=())
        for key, item in decided.items()
        if key not in found and item.status is not Status.REJECTED
    )
    return tuple(merged)


def _carry_sheet(old: SceneBreakdown | None, fresh: SceneBreakdown) -> SceneBreakdown:
    if old is None:
        return fresh
    return replace(fresh, items=carry_items(old.items, fresh.items))


def _fresh_by_scene(fresh: Breakdown, report: RevisionReport) -> list[SceneBreakdown]:
    """Fresh sheets in new scene order; exactly one per scene of the new draft."""
    by_scene = {sheet.scene: sheet for sheet in fresh.scenes if not sheet.omitted}
    if len(fresh.scenes) != report.new_scene_count or set(by_scene) != set(
        range(report.new_scene_count)
    ):
        raise InputError(
            f"fresh breakdown has {len(fresh.scenes)} sheets for a new draft of "
            f"{report.new_scene_count} scenes (need one sheet per scene, indexes 0..n-1)",
            source="breakdown",
            field="fresh",
        )
    return [by_scene[k] for k in range(report.new_scene_count)]


def _old_by_scene(old: Breakdown, report: RevisionReport) -> dict[int, SceneBreakdown]:
    """Current (not omitted) old sheets by old scene index; a missing sheet is allowed."""
    by_scene: dict[int, SceneBreakdown] = {}
    for sheet in old.scenes:
        if sheet.omitted:
            continue
        if not 0 <= sheet.scene < report.old_scene_count or sheet.scene in by_scene:
            raise InputError(
                f"old breakdown sheet for scene index {sheet.scene} does not fit an old "
                f"draft of {report.old_scene_count} scenes (or repeats)",
                source="breakdown",
                field="old",
            )
        by_scene[sheet.scene] = sheet
    return by_scene


def _anchor(old_index: int, old_to_new: dict[int, int]) -> int:
    """New index of the nearest kept scene before `old_index` in the old draft, else -1."""
    return next((old_to_new[k] for k in range(old_index - 1, -1, -1) if k in old_to_new), -1)


def _earlier_omitted(
    old: Breakdown, old_to_new: dict[int, int]
) -> list[tuple[SceneBreakdown, int]]:
    """Sheets omitted before this revision, each anchored after its old predecessor."""
    kept: list[tuple[SceneBreakdown, int]] = []
    anchor = -1
    for sheet in old.scenes:
        if sheet.omitted:
            kept.append((sheet, anchor))
        elif sheet.scene in old_to_new:
            anchor = old_to_new[sheet.scene]
    return kept


def _place(
    current: list[SceneBreakdown], cut: list[tuple[SceneBreakdown, int]], locked: tuple[str, ...]
) -> tuple[SceneBreakdown, ...]:
    """Insert omitted sheets among the current ones, by number where numbers order."""
    keys = [number_key(n) for n in locked]
    slots: list[list[tuple[tuple[int, int, str, str] | None, int, SceneBreakdown]]] = [
        [] for _ in range(len(current) + 1)
    ]
    for order, (sheet, anchor) in enumerate(cut):
        key = number_key(sheet.number)
        slot = anchor + 1
        if key is not None and None not in keys:
            slot = next((k for k, other in enumerate(keys) if other and other > key), len(keys))
        slots[slot].append((key, order, sheet))
    placed: list[SceneBreakdown] = []
    for k in range(len(current) + 1):
        placed.extend(s for *_, s in sorted(slots[k], key=lambda e: (e[0] or (0, 0, "", ""), e[1])))
        if k < len(current):
            placed.append(current[k])
    return tuple(placed)
