"""The exact bound for the actors on location (`TalentCore.exact_on_location`) against brute force.

For a state (the scenes still to shoot), the actors on location are those of the scenes shot who
are in a scene still to shoot; the bound is the least they can wait over the remaining scenes,
the other actors ignored. It must equal that optimum (all orders of the remaining scenes tried),
never exceed it when the search stops early at `enough`, and stay at least Smith's bound.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.scheduling.bitset import set_bits
from lynchpin.engine.scheduling.talent import TalentInstance
from lynchpin.engine.scheduling.talent_bound import ResidualMemo, TalentCore
from lynchpin.engine.scheduling.talent_reduce import reduce_instance

from .talent_strategies import talent_instances


def _on_location_optimum(core: TalentCore, remaining: int, on_location: int) -> int:
    """Least holding cost of the `on_location` actors over the `remaining` scenes (all orders)."""
    scenes = set_bits(remaining)
    best = None
    for order in itertools.permutations(scenes):
        day = 0
        last: dict[int, int] = {}
        for scene in order:
            day += core.durations[scene]
            for actor in set_bits(core.masks[scene] & on_location):
                last[actor] = day
        value = sum(
            core.costs[a] * (last[a] - core.days_of(remaining & core.scenes_of[a])) for a in last
        )
        best = value if best is None or value < best else best
    return best or 0


def _state(core: TalentCore, shot: int) -> tuple[int, int]:
    """(remaining scenes, actors on location) once the scenes of bitmask `shot` are shot."""
    remaining = core.full & ~shot
    return remaining, core.cast_of(shot) & core.cast_of(remaining)


def _drawn_state(instance: TalentInstance, data: st.DataObject
                 ) -> tuple[TalentCore, int, int, int]:
    """A drawn state of `instance`: its core, remaining scenes, actors on location, and the
    optimal wait of those actors alone (brute force)."""
    core = TalentCore(reduce_instance(instance.durations, instance.costs, instance.cast))
    shot = data.draw(st.integers(0, core.full), label="shot")
    remaining, on_location = _state(core, shot)
    return core, remaining, on_location, _on_location_optimum(core, remaining, on_location)


@settings(max_examples=120, deadline=None)
@given(instance=talent_instances(max_scenes=8, max_actors=6), data=st.data())
def test_exact_on_location_is_the_optimum_of_the_actors_on_location(
    instance: TalentInstance, data: st.DataObject
) -> None:
    core, remaining, on_location, truth = _drawn_state(instance, data)
    smith = core.bound(remaining, on_location)
    assert smith <= truth
    huge = 10**12
    assert core.exact_on_location(remaining, on_location, huge, 0) == truth
    # what the search knows for the state (at least Smith's bound) does not change the answer
    assert core.exact_on_location(remaining, on_location, huge, smith) == truth


@settings(max_examples=120, deadline=None)
@given(instance=talent_instances(max_scenes=8, max_actors=6), data=st.data())
def test_stopping_at_enough_gives_a_bound_never_above_the_optimum(
    instance: TalentInstance, data: st.DataObject
) -> None:
    core, remaining, on_location, truth = _drawn_state(instance, data)
    enough = data.draw(st.integers(0, truth + 5), label="enough")
    bound = core.exact_on_location(remaining, on_location, enough, 0)
    assert bound <= truth
    assert bound == truth or bound >= enough


#: Two actors on location (scene 0 shot), each with one scene of its own and one scene shared
#: with the other: one of them must wait for the other's own scene, Smith's rule splits it.
CROSS = TalentInstance(
    name="cross",
    durations=(1, 3, 3, 1, 1),
    costs=(5, 4, 1),
    cast=(
        frozenset({0, 1, 2}),
        frozenset({0, 2}),
        frozenset({1, 2}),
        frozenset({0, 1}),
        frozenset({2}),
    ),
)


def test_exact_on_location_beats_smith_on_a_crossing_pattern() -> None:
    core = TalentCore(reduce_instance(CROSS.durations, CROSS.costs, CROSS.cast))
    remaining, on_location = _state(core, 1 << 0)
    truth = _on_location_optimum(core, remaining, on_location)
    assert core.bound(remaining, on_location) < truth
    assert core.exact_on_location(remaining, on_location, 10**9, 0) == truth


@settings(max_examples=60, deadline=None)
@given(instance=talent_instances(max_scenes=7, max_actors=5), data=st.data())
def test_a_memo_shared_by_many_calls_keeps_every_bound_valid(
    instance: TalentInstance, data: st.DataObject
) -> None:
    # one memo for calls on many states, stopped at drawn thresholds (what they prove is
    # learnt), then on the same states to the end: still the exact optimum, and every stored
    # residual bound is at most that residual's optimum (brute force)
    core = TalentCore(reduce_instance(instance.durations, instance.costs, instance.cast))
    memo = ResidualMemo(core)
    shots = data.draw(st.lists(st.integers(0, core.full), min_size=1, max_size=12), label="shots")
    states = [_state(core, shot) for shot in shots]
    truths = [_on_location_optimum(core, remaining, on) for remaining, on in states]
    for (remaining, on_location), truth in zip(states, truths, strict=True):
        enough = data.draw(st.integers(0, truth + 5), label="enough")
        bound = core.exact_on_location(remaining, on_location, enough, 0, memo)
        assert bound <= truth
        assert bound == truth or bound >= enough
    for (remaining, on_location), truth in zip(states, truths, strict=True):
        assert core.exact_on_location(remaining, on_location, 10**12, 0, memo) == truth
    for left, scenes, wait in memo._slots.values():
        assert core.bound_and_cast(scenes, left)[0] <= wait
        assert wait <= _on_location_optimum(core, scenes, left)


def test_the_memo_learns_from_a_call_stopped_at_its_threshold() -> None:
    # the crossing pattern's state stopped at its threshold, then again with the memo: the
    # second call starts from what the first proved (at least the threshold) at its root
    core = TalentCore(reduce_instance(CROSS.durations, CROSS.costs, CROSS.cast))
    remaining, on_location = _state(core, 1 << 0)
    truth = _on_location_optimum(core, remaining, on_location)
    memo = ResidualMemo(core)
    smith = core.bound(remaining, on_location)
    # a residual of the call: its entry starts as Smith's bound
    assert memo.wait(on_location, remaining) == smith < truth
    assert smith < core.exact_on_location(remaining, on_location, smith + 1, 0, memo) <= truth
    entry = memo.find(on_location, remaining)
    assert entry is not None and smith < entry[2] <= truth
    assert core.exact_on_location(remaining, on_location, 0, 0, memo) >= entry[2]
