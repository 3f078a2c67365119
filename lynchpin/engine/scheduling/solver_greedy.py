"""A greedy first schedule, used as the optimiser's warm-start hint.

Fixed strips first, then day-call strips, then night strips, each group sorted by location then
cast, are placed first fit on the earliest candidate day that keeps: the standard day (then the
maximum day), at most two locations, the page cap, minors' minutes, the turnaround after a
night day, and the precedences among strips already placed. When no day keeps all of them the
strip goes to its first candidate day: the result is only a hint, the model repairs it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise, permutations
from math import ceil

from lynchpin.engine.scheduling.costing import move_between
from lynchpin.engine.scheduling.model import Strip
from lynchpin.engine.scheduling.solver_input import (
    MAX_LOCATIONS_PER_DAY,
    NIGHT_PARTS,
    SolveSpec,
    turnaround_broken,
)


def _route_minutes(spec: SolveSpec, places: set[str], cache: dict[frozenset[str], int]) -> int:
    """Fewest in-day move minutes visiting `places` (at most three: try every order);
    memoised in `cache` (the greedy asks for the same sets thousands of times)."""
    if len(places) < 2:
        return 0
    key = frozenset(places)
    if key not in cache:
        cache[key] = min(
            sum(move_between(spec.problem, a, b)[0] for a, b in pairwise(order))
            for order in permutations(sorted(places))
        )
    return cache[key]


@dataclass
class Board:
    spec: SolveSpec
    placed: dict[str, int] = field(default_factory=dict)
    loads: dict[int, int] = field(default_factory=dict)
    pages: dict[int, int] = field(default_factory=dict)
    places: dict[int, set[str]] = field(default_factory=dict)
    nights: set[int] = field(default_factory=set)
    mornings: set[int] = field(default_factory=set)
    minutes: dict[tuple[str, int], int] = field(default_factory=dict)
    routes: dict[frozenset[str], int] = field(default_factory=dict)

    def broken(self, day: int) -> bool:
        rules = self.spec.problem.rules
        hours = min(rules.crew_rest_hours, rules.cast_rest_hours)
        return day + 1 < len(self.spec.days) and turnaround_broken(self.spec, day, hours)

    def turnaround_ok(self, strip: Strip, day: int) -> bool:
        if strip.day_part in NIGHT_PARTS:
            return not (self.broken(day) and day + 1 in self.mornings)
        return not (day > 0 and self.broken(day - 1) and day - 1 in self.nights)

    def order_ok(self, strip: Strip, day: int) -> bool:
        """Precedences hold; a pair at two locations is kept off one day (simpler order)."""
        locations = {s.id: s.location for s in self.spec.problem.strips}
        for a, b in self.spec.problem.rules.precedences:
            other = b if a == strip.id else a if b == strip.id else None
            if other is None or other not in self.placed:
                continue
            there = self.placed[other]
            if (b == strip.id and there > day) or (a == strip.id and there < day):
                return False
            if there == day and locations[other] != strip.location:
                return False
        return True

    def room_ok(self, strip: Strip, day: int, limit: int) -> bool:
        problem = self.spec.problem
        cap = problem.capacity.max_eighths
        if cap is not None and self.pages.get(day, 0) + strip.eighths > cap:
            return False
        for performer in problem.performers:
            most = performer.max_minutes
            used = self.minutes.get((performer.id, day), 0)
            if most is not None and performer.id in strip.cast and used + strip.minutes > most:
                return False
        places = self.places.get(day, set()) | {strip.location}
        moving = _route_minutes(self.spec, places, self.routes)
        return self.loads.get(day, 0) + strip.minutes + moving <= limit and (
            len(places) <= MAX_LOCATIONS_PER_DAY)

    def fits(self, strip: Strip, day: int, limit: int) -> bool:
        return (self.room_ok(strip, day, limit) and self.turnaround_ok(strip, day)
                and self.order_ok(strip, day))

    def remove(self, strip: Strip) -> None:
        day = self.placed.pop(strip.id)
        self.loads[day] -= strip.minutes
        self.pages[day] -= strip.eighths
        rest = [s for s in self.spec.problem.strips if self.placed.get(s.id) == day]
        self.places[day] = {s.location for s in rest}
        self.nights.discard(day)
        self.mornings.discard(day)
        for other in rest:
            (self.nights if other.day_part in NIGHT_PARTS else self.mornings).add(day)
        for person in strip.cast:
            self.minutes[person, day] -= strip.minutes

    def place(self, strip: Strip, day: int) -> None:
        self.placed[strip.id] = day
        self.loads[day] = self.loads.get(day, 0) + strip.minutes
        self.pages[day] = self.pages.get(day, 0) + strip.eighths
        self.places.setdefault(day, set()).add(strip.location)
        (self.nights if strip.day_part in NIGHT_PARTS else self.mornings).add(day)
        for person in strip.cast:
            self.minutes[person, day] = self.minutes.get((person, day), 0) + strip.minutes


def _predecessors_first(order: list[Strip], spec: SolveSpec) -> list[Strip]:
    """`order` with each strip's predecessors (precedences) pulled in just before it, so a
    constrained strip is not left waiting for a flexible predecessor; cycles are cut."""
    before: dict[str, list[str]] = {}
    for a, b in spec.problem.rules.precedences:
        before.setdefault(b, []).append(a)
    strips = {s.id: s for s in order}
    result: list[Strip] = []
    done: set[str] = set()

    def visit(strip_id: str, path: set[str]) -> None:
        if strip_id in done or strip_id in path:
            return
        for earlier in before.get(strip_id, []):
            visit(earlier, path | {strip_id})
        done.add(strip_id)
        result.append(strips[strip_id])

    for strip in order:
        visit(strip.id, set())
    return result


def night_days(spec: SolveSpec) -> set[int]:
    """Day indexes set aside for night work: the last days of each run of days joined by a
    short turnaround (a week), in proportion to the night strips' share of minutes, so that
    nights run into the weekend instead of into a day call."""
    strips = spec.problem.strips
    night = sum(s.minutes for s in strips if s.day_part in NIGHT_PARTS)
    share = night / max(1, sum(s.minutes for s in strips))
    hours = spec.problem.rules.crew_rest_hours
    runs: list[list[int]] = [[0]]
    for day in range(1, len(spec.days)):
        if turnaround_broken(spec, day - 1, hours):
            runs[-1].append(day)
        else:
            runs.append([day])
    result: set[int] = set()
    for run in runs:
        count = ceil(share * len(run))
        result |= set(run[len(run) - count:]) if count else set()
    return result


def _choose(board: Board, strip: Strip, days: tuple[int, ...], nights: set[int]) -> int | None:
    capacity = board.spec.problem.capacity
    is_night = strip.day_part in NIGHT_PARTS
    for keep_pattern in (True, False):
        for limit in (capacity.standard_minutes, capacity.max_minutes):
            for same_place in (True, False):  # join the location where it already is
                for day in days:
                    if keep_pattern and (day in nights) != is_night:
                        continue
                    if same_place and strip.location not in board.places.get(day, ()):
                        continue
                    if board.fits(strip, day, limit):
                        return day
    return None


def eject_one(board: Board, strip: Strip, candidates: dict[str, tuple[int, ...]]) -> bool:
    """Place `strip` by moving one strip of a candidate day to another day (one-step
    ejection chain); False when no such pair of moves exists."""
    strips = {s.id: s for s in board.spec.problem.strips}
    for day in candidates[strip.id]:
        for other_id in [s for s, d in board.placed.items() if d == day]:
            if other_id in board.spec.fixed:
                continue
            other = strips[other_id]
            board.remove(other)
            if board.fits(strip, day, board.spec.problem.capacity.max_minutes):
                board.place(strip, day)
                elsewhere = _choose(board, other, candidates[other_id], set())
                if elsewhere is not None and elsewhere != day:
                    board.place(other, elsewhere)
                    return True
                board.remove(strip)
            board.place(other, day)
    return False


def fill_gaps(board: Board, candidates: dict[str, tuple[int, ...]]) -> set[int]:
    """Move a strip into each empty day between used days (the model's shoot days are one
    run), taking it from a day that keeps another strip; returns the gaps left."""
    strips = {s.id: s for s in board.spec.problem.strips}
    limit = board.spec.problem.capacity.max_minutes
    left: set[int] = set()
    used = set(board.placed.values())
    for gap in (d for d in range(min(used), max(used)) if d not in used):
        counts = Counter(board.placed.values())
        for strip_id, day in list(board.placed.items()):
            if strip_id in board.spec.fixed or counts[day] < 2 or gap not in candidates[strip_id]:
                continue
            board.remove(strips[strip_id])
            if board.fits(strips[strip_id], gap, limit):
                board.place(strips[strip_id], gap)
                break
            board.place(strips[strip_id], day)
        else:
            left.add(gap)
    return left


def greedy_assignment(
    spec: SolveSpec, candidates: dict[str, tuple[int, ...]]
) -> dict[str, int]:
    """Strip id -> day index, every strip on one of its candidate days."""
    return greedy_plan(spec, candidates)[0]


def greedy_plan(
    spec: SolveSpec, candidates: dict[str, tuple[int, ...]], *, eject: bool = True
) -> tuple[dict[str, int], frozenset[int]]:
    """The greedy assignment and the days to re-open if it breaks a rule: the candidate days
    of strips it could not place, and the days around gaps it could not fill. `eject=False`
    skips the ejection chain (slow when many strips fit nowhere, as on a too short horizon)."""
    misplaced: set[str] = set()
    board = Board(spec)
    nights = night_days(spec)
    order = sorted(
        spec.problem.strips,
        key=lambda s: (s.id not in spec.fixed, len(candidates[s.id]) // 5,
                       s.day_part in NIGHT_PARTS, s.location, sorted(s.cast)),
    )
    for strip in _predecessors_first(order, spec):
        day = _choose(board, strip, candidates[strip.id], nights)
        if day is not None:
            board.place(strip, day)
        elif not (eject and eject_one(board, strip, candidates)):
            board.place(strip, candidates[strip.id][0])  # only a hint: the model repairs it
            misplaced.add(strip.id)
    reopen = {d for strip_id in misplaced for d in candidates[strip_id]}
    if board.placed and not spec.idle_days_allowed:
        reopen |= {d + step for d in fill_gaps(board, candidates) for step in range(-5, 6)}
    return board.placed, frozenset(reopen)
