"""A good first order for the talent search: greedy with one-step lookahead, then local search.

The upper bound it gives prunes the exact search from the start and is the answer when a limit
stops the search. Greedy: from the front, shoot the scene whose step cost plus the lower bound of
what remains is smallest. Local search: move one scene to another position while that lowers the
holding cost (first improvement), for a bounded number of passes. O(n) per evaluated order.
"""

from __future__ import annotations

from collections.abc import Callable

from lynchpin.engine.scheduling.bitset import set_bits
from lynchpin.engine.scheduling.talent_bound import TalentCore
from lynchpin.engine.scheduling.talent_limits import never
from lynchpin.engine.scheduling.talent_native import compiled_for

#: Local-search passes over all (scene, position) moves; each pass costs O(n^3) bit operations.
MAX_PASSES = 8
#: Orders costed or bounds computed (O(n) each) between two looks at `should_stop`.
CHECK_EVERY = 16


def holding_cost(core: TalentCore, order: list[int]) -> int:
    """Holding cost of a full order of the reduced scenes."""
    masks = core.masks
    after = [0] * (len(order) + 1)
    for i in range(len(order) - 1, -1, -1):
        after[i] = after[i + 1] | masks[order[i]]
    before = 0
    total = 0
    for i, scene in enumerate(order):
        held = before & after[i + 1] & ~masks[scene]
        if held:
            total += core.durations[scene] * core.cost_of(held)
        before |= masks[scene]
    return total


def greedy_order(
    core: TalentCore,
    remaining: int | None = None,
    started: int = 0,
    should_stop: Callable[[], bool] = never,
) -> list[int]:
    """Front-to-back greedy: minimise step cost + bound of the rest at every step.

    Orders the scenes of `remaining` (default: all) after scenes whose actors are `started`.
    A step costs O(n) bounds of O(n + m log m) each; `should_stop` is asked every
    `CHECK_EVERY` bounds and, once it says yes, the rest follows cheaply (cheapest step first,
    no lookahead), so a time limit is honoured even at a few hundred scenes.
    """
    remaining = core.full if remaining is None else remaining
    order: list[int] = []
    stop: Callable[[], bool] | None = should_stop
    while remaining:
        best = _best_next(core, remaining, started, stop)
        if best < 0:  # told to stop during the lookahead: redo this step without it
            stop = None
            best = _best_next(core, remaining, started, None)
        order.append(best)
        remaining &= ~(1 << best)
        started |= core.masks[best]
    return order


def _best_next(
    core: TalentCore, remaining: int, started: int, should_stop: Callable[[], bool] | None
) -> int:
    """The next scene of the greedy (lookahead only with `should_stop`); -1 when told to stop."""
    on_location = started & core.cast_of(remaining)
    best_key: tuple[int, int] | None = None
    best = -1
    for count, scene in enumerate(set_bits(remaining)):
        value = core.step_cost(on_location, scene)
        if should_stop is not None:
            if count % CHECK_EVERY == 0 and should_stop():
                return -1
            rest = remaining & ~(1 << scene)
            moved = started | core.masks[scene]
            value += core.bound(rest, moved & core.cast_of(rest))
        key = (value, -core.durations[scene])
        if best_key is None or key < best_key:
            best_key, best = key, scene
    return best


def improve(
    core: TalentCore, order: list[int], should_stop: Callable[[], bool]
) -> tuple[list[int], int]:
    """Insertion local search from `order`; returns the improved order and its holding cost."""
    compiled = compiled_for(core)
    if compiled is not None:  # the same moves, clock looks and result, in C
        improved_order: list[int]
        improved_order, value = compiled.improve_order(
            core.masks, core.durations, core.costs, order, should_stop, MAX_PASSES, CHECK_EVERY
        )
        return improved_order, value
    best = holding_cost(core, order)
    for _ in range(MAX_PASSES):
        improved = False
        for i in range(len(order)):
            for j, candidate in enumerate(_insertions(order, i)):
                if j % CHECK_EVERY == 0 and should_stop():
                    return order, best
                value = holding_cost(core, candidate)
                if value < best:
                    order, best, improved = candidate, value, True
                    break
        if not improved:
            break
    return order, best


def _insertions(order: list[int], i: int) -> list[list[int]]:
    """Every order obtained by moving the scene at position i elsewhere."""
    rest = order[:i] + order[i + 1 :]
    return [[*rest[:j], order[i], *rest[j:]] for j in range(len(order)) if j != i]
