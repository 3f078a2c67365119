"""A good first order for the talent search: greedy with one-step lookahead, then local search.

The upper bound it gives prunes the exact search from the start and is the answer when a limit
stops the search. Greedy: from the front, shoot the scene whose step cost plus the lower bound of
what remains is smallest. Local search: move one scene to another position while that lowers the
holding cost (first improvement), for a bounded number of passes. O(n) per evaluated order.
"""

from __future__ import annotations

from collections.abc import Callable

from lynchpin.engine.scheduling.talent_bound import TalentCore

#: Local-search passes over all (scene, position) moves; each pass costs O(n^3) bit operations.
MAX_PASSES = 8


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


def greedy_order(core: TalentCore, remaining: int | None = None, started: int = 0) -> list[int]:
    """Front-to-back greedy: minimise step cost + bound of the rest at every step.

    Orders the scenes of `remaining` (default: all) after scenes whose actors are `started`.
    """
    remaining = core.full if remaining is None else remaining
    order: list[int] = []
    while remaining:
        on_location = started & core.cast_of(remaining)
        best_key: tuple[int, int] | None = None
        best = -1
        for scene in _bits(remaining):
            rest = remaining & ~(1 << scene)
            moved = started | core.masks[scene]
            ahead = core.bound(rest, moved & core.cast_of(rest))
            value = core.step_cost(on_location, scene) + ahead
            key = (value, -core.durations[scene])
            if best_key is None or key < best_key:
                best_key, best = key, scene
        order.append(best)
        remaining &= ~(1 << best)
        started |= core.masks[best]
    return order


def improve(
    core: TalentCore, order: list[int], should_stop: Callable[[], bool]
) -> tuple[list[int], int]:
    """Insertion local search from `order`; returns the improved order and its holding cost."""
    best = holding_cost(core, order)
    for _ in range(MAX_PASSES):
        improved = False
        for i in range(len(order)):
            if should_stop():
                return order, best
            for candidate in _insertions(order, i):
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


def _bits(mask: int) -> list[int]:
    """Indexes of the set bits of `mask`, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
