"""Properties of compare_scripts and lock_numbers on generated drafts (Hypothesis)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.screenplay.model import Script
from lynchpin.engine.screenplay.revisions import ChangeStatus, compare_scripts, lock_numbers
from tests.engine.screenplay.test_revisions import SceneSpec, make_script

WORDS = ("rope", "ferry", "rain", "crate", "lamp", "keeper", "shore", "engine", "card", "fog")
SETS = ("INT. CABIN", "EXT. DECK", "INT. ENGINE ROOM", "EXT. SHORE", "INT. OFFICE")
TIMES = ("DAY", "NIGHT", "DAWN")

sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
lines = st.one_of(sentences, sentences.map(lambda s: "MARA: " + s),
                  sentences.map(lambda s: "TOMAS: " + s))
headings = st.builds(lambda s, t: f"{s} - {t}", st.sampled_from(SETS), st.sampled_from(TIMES))
scene_specs = st.builds(lambda h, ls: ("", h, tuple(ls)), headings,
                        st.lists(lines, max_size=4))
scene_lists = st.lists(scene_specs, max_size=12)


@st.composite
def drafts(draw: st.DrawFn) -> Script:
    """A draft, numbered (distinct numbers, some with letters) or not."""
    specs: list[SceneSpec] = draw(scene_lists)
    if draw(st.booleans()):
        numbers = draw(st.lists(st.integers(1, 60), min_size=len(specs), max_size=len(specs),
                                unique=True))
        suffixes = draw(st.lists(st.sampled_from(("", "", "A")), min_size=len(specs),
                                 max_size=len(specs)))
        specs = [(f"{n}{x}", h, ls) for n, x, (_, h, ls) in zip(sorted(numbers), suffixes, specs,
                                                                 strict=True)]
    return make_script(*specs)


@st.composite
def revised(draw: st.DrawFn) -> tuple[Script, Script]:
    """A draft and a revision of it: scenes dropped, inserted, edited and moved at random."""
    old_specs = draw(scene_lists)
    new_specs = list(old_specs)
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(("drop", "insert", "edit", "move")))
        at = draw(st.integers(0, max(len(new_specs) - 1, 0)))
        if action == "insert" or not new_specs:
            new_specs.insert(at, draw(scene_specs))
        elif action == "drop":
            del new_specs[at]
        elif action == "edit":
            number, heading, body = new_specs[at]
            new_specs[at] = (number, heading, (*body, draw(lines)))
        else:
            new_specs.insert(draw(st.integers(0, len(new_specs) - 1)), new_specs.pop(at))
    old_numbered = draw(st.booleans())
    if old_numbered:
        old_specs = [(str(k + 1), h, b) for k, (_, h, b) in enumerate(old_specs)]
    return make_script(*old_specs), make_script(*new_specs)


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_a_draft_compared_with_itself_is_unchanged(draft: Script) -> None:
    report = compare_scripts(draft, draft)
    assert all(c.status is ChangeStatus.UNCHANGED for c in report.changes)
    assert [(c.old_index, c.new_index) for c in report.changes] == [
        (k, k) for k in range(len(draft.scenes))
    ]
    assert lock_numbers(report) == tuple(c.new_number for c in report.changes)


@settings(max_examples=80, deadline=None)
@given(revised())
def test_every_scene_is_reported_once(pair: tuple[Script, Script]) -> None:
    old, new = pair
    report = compare_scripts(old, new)
    old_seen = Counter(c.old_index for c in report.changes if c.old_index is not None)
    new_seen = Counter(c.new_index for c in report.changes if c.new_index is not None)
    assert sorted(old_seen) == list(range(len(old.scenes)))
    assert sorted(new_seen) == list(range(len(new.scenes)))
    assert set(old_seen.values()) <= {1} and set(new_seen.values()) <= {1}
    assert [c.new_index for c in report.changes if c.new_index is not None] == sorted(new_seen)


@settings(max_examples=80, deadline=None)
@given(revised())
def test_locked_numbers_are_unique_and_keep_old_numbers(pair: tuple[Script, Script]) -> None:
    report = compare_scripts(*pair)
    locked = lock_numbers(report)
    assert len(locked) == len(pair[1].scenes)
    assert len(set(locked)) == len(locked)
    omitted = {c.old_number for c in report.with_status(ChangeStatus.OMITTED)}
    assert not omitted & set(locked)
    for change in report.changes:
        if change.new_index is not None and change.old_index is not None:
            assert locked[change.new_index] == change.old_number
