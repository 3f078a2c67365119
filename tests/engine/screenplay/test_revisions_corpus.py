"""compare_scripts on the shared corpus: one draft in two formats matches scene for scene."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lynchpin.engine.screenplay.model import Script
from lynchpin.engine.screenplay.read import read_script
from lynchpin.engine.screenplay.revisions import ChangeStatus, compare_scripts, lock_numbers

pytestmark = pytest.mark.corpus

#: Drafts stored both as Fountain and as Final Draft in the corpus (same text).
SAME_DRAFT = ("big-fish", "brick-and-steel", "the-last-birthday-card", "farmland", "vikings",
              "gumshoe")


def load(corpus: Path, name: str) -> Script:
    return read_script((corpus / name).read_bytes(), name=name)


@pytest.mark.parametrize("stem", SAME_DRAFT)
def test_fountain_and_fdx_of_one_draft_match_every_scene(corpus: Path, stem: str) -> None:
    fountain, fdx = load(corpus, f"{stem}.fountain"), load(corpus, f"{stem}.fdx")
    report = compare_scripts(fountain, fdx)
    assert len(fountain.scenes) == len(fdx.scenes)
    assert [(c.old_index, c.new_index) for c in report.changes] == [
        (k, k) for k in range(len(fdx.scenes))
    ]
    assert not report.with_status(ChangeStatus.ADDED, ChangeStatus.OMITTED)
    assert not any(c.moved for c in report.changes)
    assert report.characters_added == report.characters_removed == ()


def test_a_revision_of_big_fish(corpus: Path) -> None:
    """Scene 40 cut, two scenes written after scene 100, locked numbering on top."""
    draft = load(corpus, "big-fish.fountain")
    kept = [s for s in draft.scenes if s.index != 39]
    inserted = [draft.scenes[5], draft.scenes[6]]  # reuse two scenes' text as "new" ones
    order = kept[:99] + inserted + kept[99:]
    elements, scenes = [], []
    for k, source in enumerate(order):
        start = len(elements)
        elements.extend(draft.scene_elements(source))
        scenes.append(replace(source, index=k, start=start, end=len(elements)))
    revision = Script(draft.source_format, tuple(elements), tuple(scenes))
    report = compare_scripts(draft, revision)
    omitted = report.with_status(ChangeStatus.OMITTED)
    assert [c.old_number for c in omitted] == ["40"]
    assert len(report.with_status(ChangeStatus.ADDED)) == 2
    locked = lock_numbers(report)
    assert locked[98:102] == ("100", "100A", "100B", "101")
    assert "40" not in locked and len(set(locked)) == len(locked) == len(draft.scenes) + 1
