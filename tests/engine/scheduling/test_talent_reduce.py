"""Preprocessing of talent instances: unheld actors leave, identical scenes merge."""

from __future__ import annotations

from lynchpin.engine.scheduling.talent_reduce import reduce_instance


def test_unheld_actors_leave_and_identical_scenes_merge() -> None:
    # actor 0 plays in every scene, actor 3 in one, actor 4 costs nothing: none can wait.
    cast = (
        frozenset({0, 1, 2}),
        frozenset({0, 1, 3, 4}),
        frozenset({0, 2, 4}),
        frozenset({0, 1, 2}),
        frozenset({0}),
    )
    reduced = reduce_instance((1, 2, 3, 4, 5), (9, 5, 7, 4, 0), cast)
    assert reduced.front == (4,)  # no actor left: shot first
    assert reduced.groups == ((0, 3), (1,), (2,))  # scenes 0 and 3 need the same actors
    assert reduced.durations == (5, 2, 3)
    assert reduced.costs == (5, 7)  # actors 1 and 2 remain, as bits 0 and 1
    assert reduced.masks == (0b11, 0b01, 0b10)
    assert reduced.expand((2, 0, 1)) == (4, 2, 0, 3, 1)


def test_merging_repeats_until_nothing_changes() -> None:
    # actor 2 (one scene) leaves, so scenes 0 and 1 need the same actors and merge; then
    # actor 1 plays in one group only and leaves too.
    cast = (frozenset({0, 1}), frozenset({0, 1, 2}), frozenset({0, 3}), frozenset({3}))
    reduced = reduce_instance((1, 1, 1, 1), (1, 1, 1, 1), cast)
    assert reduced.groups == ((0, 1), (2,), (3,))
    assert reduced.front == ()
    assert reduced.costs == (1, 1)  # actors 0 and 3
    assert reduced.masks == (0b01, 0b11, 0b10)
