"""Preprocessing of a talent scheduling instance (Garcia de la Banda, Stuckey & Chu 2011, sec. 3).

Every step keeps the holding cost of every order unchanged, or keeps an optimal order reachable:
- actors who cost nothing, play in one scene only, or play in every scene are never paid to wait
  whatever the order, so they leave the problem (their pay is part of the fixed cost);
- scenes needing exactly the same (remaining) actors can be shot back to back in some optimal
  order, so they merge into one scene whose duration is the sum;
- scenes left with no actor cost nothing when shot first, so they go to the front.
The first two steps repeat until nothing changes (a merge can leave an actor with one scene).
Actors become bits of a Python int; scenes of the reduced problem are "groups".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReducedInstance:
    """The core problem left after preprocessing, in bitmask form.

    `masks[g]` is the actor bitmask of group g, `durations[g]` its days, `costs[a]` the daily
    cost of reduced actor a; `groups[g]` lists the original scenes of group g (in input order)
    and `front` the original scenes with no actor left, which are shot first.
    """

    durations: tuple[int, ...]
    costs: tuple[int, ...]
    masks: tuple[int, ...]
    groups: tuple[tuple[int, ...], ...]
    front: tuple[int, ...]

    def expand(self, order: tuple[int, ...]) -> tuple[int, ...]:
        """The original scene order for an order of groups (0-based in both)."""
        scenes = list(self.front)
        for group in order:
            scenes.extend(self.groups[group])
        return tuple(scenes)


def reduce_instance(
    durations: tuple[int, ...], costs: tuple[int, ...], cast: tuple[frozenset[int], ...]
) -> ReducedInstance:
    """Apply the preprocessing above; the result has no empty or duplicate actor sets."""
    groups: list[tuple[int, ...]] = [(s,) for s in range(len(durations))]
    sets: list[frozenset[int]] = [frozenset(a for a in c if costs[a] > 0) for c in cast]
    while True:
        sets = _drop_unheld_actors(sets)
        merged_groups, merged_sets = _merge_identical(groups, sets)
        if len(merged_groups) == len(groups):
            break
        groups, sets = merged_groups, merged_sets
    front = tuple(s for g, k in zip(groups, sets, strict=True) if not k for s in g)
    kept = [(g, k) for g, k in zip(groups, sets, strict=True) if k]
    actors = sorted({a for _, k in kept for a in k})
    bit = {a: i for i, a in enumerate(actors)}
    return ReducedInstance(
        durations=tuple(sum(durations[s] for s in g) for g, _ in kept),
        costs=tuple(costs[a] for a in actors),
        masks=tuple(sum(1 << bit[a] for a in k) for _, k in kept),
        groups=tuple(g for g, _ in kept),
        front=front,
    )


def _drop_unheld_actors(sets: list[frozenset[int]]) -> list[frozenset[int]]:
    """Remove actors in at most one set or in every set: they never wait."""
    count: dict[int, int] = {}
    for actors in sets:
        for a in actors:
            count[a] = count.get(a, 0) + 1
    unheld = {a for a, k in count.items() if k <= 1 or k == len(sets)}
    return [frozenset(actors - unheld) for actors in sets]


def _merge_identical(
    groups: list[tuple[int, ...]], sets: list[frozenset[int]]
) -> tuple[list[tuple[int, ...]], list[frozenset[int]]]:
    """Merge groups with equal actor sets (first occurrence keeps its place)."""
    index: dict[frozenset[int], int] = {}
    out_groups: list[tuple[int, ...]] = []
    out_sets: list[frozenset[int]] = []
    for group, actors in zip(groups, sets, strict=True):
        if actors in index:
            at = index[actors]
            out_groups[at] = out_groups[at] + group
            continue
        index[actors] = len(out_groups)
        out_groups.append(group)
        out_sets.append(actors)
    return out_groups, out_sets
