"""Compare two drafts of a script: which scenes were added, omitted, changed or renumbered.

`compare_scripts(old, new)` pairs scenes (rules in `revision_match`) and describes each pair
in a `SceneChange`; `lock_numbers(report)` gives the new draft's production numbers when
the old draft's numbers are locked (rules in `revision_numbers`). Page lengths play no part
here (pagination is a separate step). Everything is a pure function of the two scripts.

Invariants of a `RevisionReport`:
- every old scene appears in exactly one change (matched or OMITTED), every new scene in
  exactly one change (matched or ADDED);
- `changes` follow the new draft's order; an omitted scene sits right after the change of
  the old scene that preceded it in the old draft (at the start when none did);
- scene numbers in a change are the draft's own numbers when that draft is numbered, else
  the scene's 1-based position (see `revision_numbers.draft_numbers`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from lynchpin.engine.screenplay.model import SPEECH_KINDS, ElementKind, Script
from lynchpin.engine.screenplay.revision_match import (
    Match,
    SceneText,
    in_order,
    match_scenes,
    scene_texts,
)
from lynchpin.engine.screenplay.revision_numbers import draft_numbers, fill_numbers

#: Element kinds reported as "action" changes; speech kinds are "dialogue"; the rest "other".
ACTION_KINDS = frozenset(
    {ElementKind.ACTION, ElementKind.GENERAL, ElementKind.SHOT, ElementKind.CENTERED}
)


class ChangeStatus(StrEnum):
    """What happened to a scene between drafts.

    A matched scene whose text changed is CHANGED even when its number changed too (then
    `SceneChange.renumbered` is also True); RENUMBERED means only the number changed.
    """

    ADDED = "added"
    OMITTED = "omitted"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"


@dataclass(frozen=True, slots=True)
class SceneDiff:
    """What differs inside a scene. Lengths count printed elements (heading included) and
    characters of their text; the side a scene does not exist on has zero lengths."""

    heading_changed: bool = False
    action_changed: bool = False
    dialogue_changed: bool = False
    other_changed: bool = False
    old_elements: int = 0
    new_elements: int = 0
    old_characters: int = 0
    new_characters: int = 0
    speakers_added: tuple[str, ...] = ()
    speakers_removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SceneChange:
    """One scene's fate. Indexes are into the drafts' `scenes` (None where absent).

    `matched_by` names the matching pass (``""`` for ADDED/OMITTED); `similarity` is the
    match score 0..1 (0.0 unmatched); `moved` marks a matched scene that left script order.
    """

    status: ChangeStatus
    old_index: int | None
    new_index: int | None
    old_number: str = ""
    new_number: str = ""
    old_heading: str = ""
    new_heading: str = ""
    renumbered: bool = False
    moved: bool = False
    matched_by: str = ""
    similarity: float = 0.0
    diff: SceneDiff = SceneDiff()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class RevisionReport:
    """Scene-by-scene comparison of two drafts, plus speaking characters added and removed.

    `numbers_matched` says whether scene numbers were used to pair scenes; `warnings` lists
    drafts whose numbering was ignored (partial or repeated numbers).
    """

    changes: tuple[SceneChange, ...]
    characters_added: tuple[str, ...]
    characters_removed: tuple[str, ...]
    old_scene_count: int
    new_scene_count: int
    old_numbered: bool
    new_numbered: bool
    numbers_matched: bool
    warnings: tuple[str, ...] = ()

    def with_status(self, *statuses: ChangeStatus) -> tuple[SceneChange, ...]:
        """The changes having any of `statuses`, in report order."""
        return tuple(c for c in self.changes if c.status in statuses)

    def new_to_old(self) -> dict[int, int]:
        """New scene index -> old scene index, for matched scenes."""
        return {
            c.new_index: c.old_index
            for c in self.changes
            if c.new_index is not None and c.old_index is not None
        }


def compare_scripts(old: Script, new: Script) -> RevisionReport:
    """Compare draft `old` with draft `new`; see the module docstring for the guarantees.

    Never raises on well-formed `Script` values; empty drafts give an empty or all-ADDED /
    all-OMITTED report.
    """
    old_texts, new_texts = scene_texts(old), scene_texts(new)
    old_numbers, old_numbered = draft_numbers(old)
    new_numbers, new_numbered = draft_numbers(new)
    both = old_numbered and new_numbered
    matches, numbers_used = match_scenes(
        old_texts, new_texts, old_numbers if both else None, new_numbers if both else None
    )
    moved = _moved(matches)
    matched = [
        _matched_change(m, old, new, (old_texts[m.old], new_texts[m.new]),
                        (old_numbers[m.old], new_numbers[m.new]), m.new in moved)
        for m in matches
    ]
    added = [_added_change(k, new, new_texts[k], new_numbers[k])
             for k in sorted(set(range(len(new_texts))) - {m.new for m in matches})]
    omitted = [_omitted_change(k, old, old_texts[k], old_numbers[k])
               for k in sorted(set(range(len(old_texts))) - {m.old for m in matches})]
    old_names = [c.name for c in old.characters]
    new_names = [c.name for c in new.characters]
    return RevisionReport(
        changes=_in_report_order(matched + added, omitted),
        characters_added=tuple(n for n in new_names if n not in set(old_names)),
        characters_removed=tuple(n for n in old_names if n not in set(new_names)),
        old_scene_count=len(old_texts),
        new_scene_count=len(new_texts),
        old_numbered=old_numbered,
        new_numbered=new_numbered,
        numbers_matched=numbers_used,
        warnings=tuple(_numbering_warnings(("old", old), ("new", new))),
    )


def lock_numbers(report: RevisionReport) -> tuple[str, ...]:
    """Production numbers for the new draft's scenes (in new-draft order), old numbers locked.

    A matched scene keeps its old number; an added scene gets the next free A-number after
    the scene before it (12A, 12B; A1 before the first scene); numbers of omitted scenes are
    never reused. The result has one distinct number per new scene.
    """
    current = sorted(
        (c for c in report.changes if c.new_index is not None), key=lambda c: c.new_index or 0
    )
    taken = {c.old_number for c in report.changes if c.old_index is not None}
    return fill_numbers([c.old_number if c.old_index is not None else None for c in current],
                        taken)


def _moved(matches: tuple[Match, ...]) -> set[int]:
    """New indexes of matched scenes outside the longest run that keeps old order."""
    kept = in_order([(m.new, m.old) for m in matches])
    return {m.new for m in matches} - {n for n, _ in kept}


def _matched_change(
    match: Match,
    old: Script,
    new: Script,
    texts: tuple[SceneText, SceneText],
    numbers: tuple[str, str],
    moved: bool,
) -> SceneChange:
    diff = _diff(texts[0], texts[1], _speakers(old, match.old), _speakers(new, match.new))
    changed = texts[0].signature != texts[1].signature
    renumbered = numbers[0] != numbers[1]
    status = ChangeStatus.CHANGED if changed else ChangeStatus.UNCHANGED
    if not changed and renumbered:
        status = ChangeStatus.RENUMBERED
    change = SceneChange(
        status=status, old_index=match.old, new_index=match.new,
        old_number=numbers[0], new_number=numbers[1],
        old_heading=texts[0].heading, new_heading=texts[1].heading,
        renumbered=renumbered, moved=moved, similarity=round(match.similarity, 4),
        matched_by=str(match.method),
        diff=diff,
    )
    return _with_summary(change)


def _added_change(index: int, new: Script, text: SceneText, number: str) -> SceneChange:
    diff = _diff(None, text, (), _speakers(new, index))
    return _with_summary(SceneChange(ChangeStatus.ADDED, None, index, new_number=number,
                                     new_heading=text.heading, diff=diff))


def _omitted_change(index: int, old: Script, text: SceneText, number: str) -> SceneChange:
    diff = _diff(text, None, _speakers(old, index), ())
    return _with_summary(SceneChange(ChangeStatus.OMITTED, index, None, old_number=number,
                                     old_heading=text.heading, diff=diff))


def _speakers(script: Script, index: int) -> tuple[str, ...]:
    """Speaking characters of a scene in order of first cue."""
    names: dict[str, None] = {}
    for speaker, _ in script.speeches(script.scenes[index]):
        if speaker:
            names.setdefault(speaker)
    return tuple(names)


def _diff(
    old: SceneText | None,
    new: SceneText | None,
    old_speakers: tuple[str, ...],
    new_speakers: tuple[str, ...],
) -> SceneDiff:
    old_body = old.body if old else ()
    new_body = new.body if new else ()
    both = old is not None and new is not None
    return SceneDiff(
        heading_changed=old is not None and new is not None and old.heading != new.heading,
        action_changed=both and _part(old_body, ACTION_KINDS) != _part(new_body, ACTION_KINDS),
        dialogue_changed=both and _part(old_body, SPEECH_KINDS) != _part(new_body, SPEECH_KINDS),
        other_changed=both and _other(old_body) != _other(new_body),
        old_elements=len(old_body) + 1 if old else 0,
        new_elements=len(new_body) + 1 if new else 0,
        old_characters=_length(old) if old else 0,
        new_characters=_length(new) if new else 0,
        speakers_added=tuple(s for s in new_speakers if s not in old_speakers),
        speakers_removed=tuple(s for s in old_speakers if s not in new_speakers),
    )


def _part(
    body: tuple[tuple[ElementKind, str], ...], kinds: frozenset[ElementKind]
) -> tuple[tuple[ElementKind, str], ...]:
    return tuple(e for e in body if e[0] in kinds)


def _other(body: tuple[tuple[ElementKind, str], ...]) -> tuple[tuple[ElementKind, str], ...]:
    return tuple(e for e in body if e[0] not in ACTION_KINDS | SPEECH_KINDS)


def _length(text: SceneText) -> int:
    return len(text.heading) + sum(len(t) for _, t in text.body)


def _with_summary(change: SceneChange) -> SceneChange:
    """`change` with its one-line human summary filled in."""
    return replace(change, summary=describe(change))


def describe(change: SceneChange) -> str:
    """A short English summary of `change`, e.g. ``"dialogue changed; +2 elements"``."""
    diff = change.diff
    if change.status is ChangeStatus.ADDED:
        return f"new scene: {diff.new_elements} elements, {diff.new_characters} characters"
    if change.status is ChangeStatus.OMITTED:
        return f"omitted: was {diff.old_elements} elements, {diff.old_characters} characters"
    parts = [name for name, flag in (
        ("heading changed", diff.heading_changed), ("action changed", diff.action_changed),
        ("dialogue changed", diff.dialogue_changed), ("other changed", diff.other_changed),
    ) if flag]
    if change.status is ChangeStatus.CHANGED and not parts:
        parts.append("elements reordered")
    if change.renumbered:
        parts.append(f"renumbered {change.old_number} -> {change.new_number}")
    if change.moved:
        parts.append("moved")
    parts.extend(_length_notes(diff))
    if diff.speakers_added:
        parts.append("speakers added: " + ", ".join(diff.speakers_added))
    if diff.speakers_removed:
        parts.append("speakers removed: " + ", ".join(diff.speakers_removed))
    return "; ".join(parts) or "unchanged"


def _length_notes(diff: SceneDiff) -> list[str]:
    notes = []
    if diff.new_elements != diff.old_elements:
        notes.append(f"{diff.new_elements - diff.old_elements:+d} elements")
    if diff.new_characters != diff.old_characters:
        notes.append(f"{diff.new_characters - diff.old_characters:+d} characters")
    return notes


def _in_report_order(
    current: list[SceneChange], omitted: list[SceneChange]
) -> tuple[SceneChange, ...]:
    """New-draft order, each omitted scene after the change of its old predecessor."""
    position = {
        c.old_index: c.new_index
        for c in current
        if c.old_index is not None and c.new_index is not None
    }
    keyed: list[tuple[tuple[int, int, int], SceneChange]] = [
        ((c.new_index or 0, 0, 0), c) for c in current
    ]
    for change in omitted:
        old_index = change.old_index or 0
        anchor = next((position[k] for k in range(old_index - 1, -1, -1) if k in position), -1)
        keyed.append(((anchor, 1, old_index), change))
    return tuple(change for _, change in sorted(keyed, key=lambda pair: pair[0]))


def _numbering_warnings(*drafts: tuple[str, Script]) -> Iterable[str]:
    for label, script in drafts:
        numbers = [s.number.strip().upper() for s in script.scenes]
        if any(numbers) and not all(numbers):
            yield f"{label} draft numbers only some scenes; its numbers were ignored"
        elif all(numbers) and numbers and len(set(numbers)) != len(numbers):
            yield f"{label} draft repeats scene numbers; its numbers were ignored"
