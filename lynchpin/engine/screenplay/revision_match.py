"""Pair each scene of an old draft with its scene in a new draft (or with none).

Four passes, each only over the scenes earlier passes left unpaired:

1. **Number**: when both drafts are numbered (see `revision_numbers.draft_numbers`), scenes
   with the same number (exact string) are paired, wherever they sit. If fewer than
   `NUMBER_TRUST` of those pairs also look alike (similarity >= `MATCH_THRESHOLD`) the new
   draft was renumbered from scratch, and numbers are ignored altogether.
2. **Identical**: scenes whose normalised text (heading and every printed element) occurs
   exactly once in each draft are paired.
3. **In order**: pairs so far that keep script order (a longest increasing run) become
   anchors; between two anchors the remaining scenes are aligned by a weighted longest
   common subsequence over similarity, so two similar scenes are never swapped.
4. **Moved**: what is left is paired greedily, most similar first, which finds scenes the
   writer moved.

Similarity (0..1) = `HEADING_WEIGHT` x Dice coefficient of the heading's word sets +
`BODY_WEIGHT` x Dice coefficient of the body's word-bigram sets (word order counts, common
words alone do not make two scenes alike). Pairs below `MATCH_THRESHOLD` are never made by
passes 3 and 4. Set operations on pre-computed frozensets keep a pair's cost to a few
microseconds, and a size bound skips pairs that cannot reach the threshold, so two
200-scene features compare in milliseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from lynchpin.engine.screenplay.model import UNPRINTED_KINDS, ElementKind, Script

#: A pair of scenes is a match when its similarity reaches this (0..1). Tuned so a heading
#: rewrite over an unchanged body (>= 0.7) and a body edit under an unchanged heading
#: matches, while two different scenes at the same set (heading 1.0, body ~0.1) do not.
MATCH_THRESHOLD = 0.5
#: Share of the similarity given to the heading and to the body (they sum to 1).
HEADING_WEIGHT = 0.3
BODY_WEIGHT = 0.7
#: Share of number-matched pairs that must look alike for scene numbers to be trusted.
NUMBER_TRUST = 0.5

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


class MatchMethod(StrEnum):
    """Which pass paired two scenes."""

    NUMBER = "number"
    IDENTICAL = "identical"
    CONTENT = "content"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class SceneText:
    """A scene reduced to what matching compares.

    `heading` is the printed heading with whitespace collapsed; `body` the printed elements
    after it as (kind, text) with whitespace collapsed; `heading_words` and `shingles` are
    lower-case word sets and word-bigram sets.
    """

    heading: str
    body: tuple[tuple[ElementKind, str], ...]
    heading_words: frozenset[str]
    shingles: frozenset[str]

    @property
    def signature(self) -> tuple[str, tuple[tuple[ElementKind, str], ...]]:
        """Everything printed: two scenes with equal signatures are textually identical."""
        return self.heading, self.body


@dataclass(frozen=True, slots=True)
class Match:
    """Old scene index `old` paired with new scene index `new`."""

    old: int
    new: int
    similarity: float
    method: MatchMethod


def scene_texts(script: Script) -> tuple[SceneText, ...]:
    """Normalised text of every scene of `script`, in scene order."""
    texts: list[SceneText] = []
    for scene in script.scenes:
        elements = script.scene_elements(scene)[1:]
        body = tuple(
            (e.kind, _collapse(e.text)) for e in elements if e.kind not in UNPRINTED_KINDS
        )
        heading = _collapse(scene.heading.text)
        words = [w for _, text in body for w in _WORD.findall(text.lower())]
        shingles = {f"{a} {b}" for a, b in pairwise(words)} or set(words)
        texts.append(SceneText(heading, body, frozenset(_WORD.findall(heading.lower())),
                               frozenset(shingles)))
    return tuple(texts)


def similarity(a: SceneText, b: SceneText) -> float:
    """How alike two scenes are, 0..1 (1.0 for equal word content)."""
    return HEADING_WEIGHT * _dice(a.heading_words, b.heading_words) + BODY_WEIGHT * _dice(
        a.shingles, b.shingles
    )


def _could_match(a: SceneText, b: SceneText) -> bool:
    """False when even a perfect heading cannot lift the pair to the threshold (size bound)."""
    small, large = sorted((len(a.shingles), len(b.shingles)))
    if large == 0:
        return True
    return HEADING_WEIGHT + BODY_WEIGHT * 2 * small / (small + large) >= MATCH_THRESHOLD


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    if not x and not y:
        return 1.0
    return 2 * len(x & y) / (len(x) + len(y))


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def match_scenes(
    old: Sequence[SceneText],
    new: Sequence[SceneText],
    old_numbers: Sequence[str] | None,
    new_numbers: Sequence[str] | None,
) -> tuple[tuple[Match, ...], bool]:
    """Pair old and new scenes (indexes into `old` and `new`).

    Pass the drafts' numbers only when both drafts are numbered (else None). Returns the
    pairs sorted by new index, each scene in at most one pair, and whether numbers were used.
    """
    pairs: dict[int, Match] = {}  # keyed by old index
    numbers_used = False
    if old_numbers is not None and new_numbers is not None:
        by_number = _number_pairs(old, new, old_numbers, new_numbers)
        alike = sum(1 for m in by_number if m.similarity >= MATCH_THRESHOLD)
        if by_number and alike >= NUMBER_TRUST * len(by_number):
            pairs.update((m.old, m) for m in by_number)
            numbers_used = True
    _add(pairs, _identical_pairs(old, new, pairs))
    _add(pairs, _aligned_pairs(old, new, pairs))
    _add(pairs, _moved_pairs(old, new, pairs))
    return tuple(sorted(pairs.values(), key=lambda m: m.new)), numbers_used


def _add(pairs: dict[int, Match], found: Sequence[Match]) -> None:
    pairs.update((m.old, m) for m in found)


def _number_pairs(
    old: Sequence[SceneText],
    new: Sequence[SceneText],
    old_numbers: Sequence[str],
    new_numbers: Sequence[str],
) -> list[Match]:
    position = {number: k for k, number in enumerate(new_numbers)}
    return [
        Match(k, position[n], similarity(old[k], new[position[n]]), MatchMethod.NUMBER)
        for k, n in enumerate(old_numbers)
        if n in position
    ]


def _identical_pairs(
    old: Sequence[SceneText], new: Sequence[SceneText], pairs: dict[int, Match]
) -> list[Match]:
    """Pairs of unpaired scenes whose text is unique in both drafts and identical."""
    taken = {m.new for m in pairs.values()}
    old_free = [k for k in range(len(old)) if k not in pairs]
    new_free = [k for k in range(len(new)) if k not in taken]
    old_counts = Counter(old[k].signature for k in old_free)
    new_counts = Counter(new[k].signature for k in new_free)
    where = {new[k].signature: k for k in new_free}
    return [
        Match(k, where[old[k].signature], 1.0, MatchMethod.IDENTICAL)
        for k in old_free
        if old_counts[old[k].signature] == 1 and new_counts.get(old[k].signature) == 1
    ]


def _aligned_pairs(
    old: Sequence[SceneText], new: Sequence[SceneText], pairs: dict[int, Match]
) -> list[Match]:
    """Order-keeping pairs of unpaired scenes between consecutive anchors."""
    anchors = in_order(sorted((m.new, m.old) for m in pairs.values()))
    taken = {m.new for m in pairs.values()}
    bounds = [(-1, -1), *((o, n) for n, o in anchors), (len(old), len(new))]
    found: list[Match] = []
    for (o1, n1), (o2, n2) in pairwise(bounds):
        old_gap = [k for k in range(o1 + 1, o2) if k not in pairs]
        new_gap = [k for k in range(n1 + 1, n2) if k not in taken]
        if old_gap and new_gap:
            found.extend(_align(old, new, old_gap, new_gap))
    return found


def _align(
    old: Sequence[SceneText], new: Sequence[SceneText], old_gap: list[int], new_gap: list[int]
) -> list[Match]:
    """Weighted longest common subsequence of two runs of scenes (similarity as weight)."""
    rows, cols = len(old_gap), len(new_gap)
    weight = [[_pair_weight(old[o], new[n]) for n in new_gap] for o in old_gap]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            take = best[i + 1][j + 1] + weight[i][j] if weight[i][j] else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    found: list[Match] = []
    i = j = 0
    while i < rows and j < cols:
        w = weight[i][j]
        if w and best[i][j] == best[i + 1][j + 1] + w:
            found.append(Match(old_gap[i], new_gap[j], w, MatchMethod.CONTENT))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return found


def _pair_weight(a: SceneText, b: SceneText) -> float:
    """The pair's similarity when it reaches the threshold, else 0.0 (not a candidate)."""
    if not _could_match(a, b):
        return 0.0
    score = similarity(a, b)
    return score if score >= MATCH_THRESHOLD else 0.0


def _moved_pairs(
    old: Sequence[SceneText], new: Sequence[SceneText], pairs: dict[int, Match]
) -> list[Match]:
    """Greedy pairs of the scenes still unpaired, most similar (then nearest) first."""
    taken = {m.new for m in pairs.values()}
    candidates = [
        (-w, abs(o - n), o, n)
        for o in range(len(old))
        if o not in pairs
        for n in range(len(new))
        if n not in taken and (w := _pair_weight(old[o], new[n]))
    ]
    found: list[Match] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for negative, _, o, n in sorted(candidates):
        if o not in used_old and n not in used_new:
            found.append(Match(o, n, -negative, MatchMethod.MOVED))
            used_old.add(o)
            used_new.add(n)
    return found


def in_order(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A longest subsequence of `points` (sorted by first value) whose second values increase.

    O(n log n) patience sorting; used to tell scenes kept in order from moved ones.
    """
    tails: list[int] = []  # second value ending the best run of each length
    tail_at: list[int] = []  # index in points of that run's last point
    before: list[int] = [-1] * len(points)
    for k, (_, value) in enumerate(points):
        size = bisect_left(tails, value)
        if size == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[size] = value
            tail_at[size] = k
        before[k] = tail_at[size - 1] if size else -1
    run: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        run.append(points[k])
        k = before[k]
    return run[::-1]
