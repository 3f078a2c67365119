"""A compact warm start: the greedy schedule with its end days emptied, when that is cheaper.

The greedy (`solver_greedy`) fills days first fit below the standard day first, so it spreads
the shoot over nearly every candidate day. A crew day (65,000 USD on the benchmark feature)
costs far more than the overtime of fuller days, and CP-SAT's local search rarely empties a
whole day on its own (every strip of that day has to move at once). Shoot days are one run of
consecutive candidate days, so only the first or the last day of the run can go: its strips
are moved, longest first, to other used days where they fit (maximum day, locations, pages,
minors, turnarounds, precedences; else by a one-step ejection), and the day is dropped;
repeated while it works. A gap inside the run (a night day before a day the greedy could not
fill) is first closed by moving that night day's night strips away. The cheapest gapless plan
(by `costing.schedule_cost`) that `conflicts.check_schedule` finds no error in wins.
`compact_plan` applies this to the greedy plan; the solver also applies `compact_assignment`
to the first complete CP-SAT solution (always one gapless run) and re-completes it with every
strip fixed. Deterministic; pure.
"""

from __future__ import annotations

from lynchpin.engine.errors import Severity
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.model import Strip
from lynchpin.engine.scheduling.solver_greedy import Board, eject_one, fill_gaps, greedy_plan
from lynchpin.engine.scheduling.solver_input import NIGHT_PARTS, SolveSpec
from lynchpin.engine.scheduling.solver_order import build_schedule

#: At most this many days are emptied (each try costs a pricing pass, ~10 ms at 200 strips).
MAX_DAYS_REMOVED = 12

Plan = tuple[dict[str, int], frozenset[int]]


def _price(spec: SolveSpec, assignment: dict[str, int]) -> Money | None:
    """Cost of the plan as a schedule, or None when it breaks a hard rule."""
    schedule = build_schedule(spec.problem, spec.days, assignment, {},
                              sorted(set(assignment.values())))
    if any(v.severity is Severity.ERROR for v in check_schedule(spec.problem, schedule)):
        return None
    return schedule_cost(spec.problem, schedule).total


def _move_away(board: Board, day: int, leaving: list[Strip],
               candidates: dict[str, tuple[int, ...]]) -> bool:
    """Move `leaving` (strips on `day`), longest first, to other used days; False (and
    every strip back on `day`) when one of them fits nowhere."""
    limit = board.spec.problem.capacity.max_minutes
    leaving = sorted(leaving, key=lambda strip: (-strip.minutes, strip.id))
    if not leaving or any(strip.id in board.spec.fixed for strip in leaving):
        return False
    for strip in leaving:
        board.remove(strip)
    used = set(board.placed.values()) - {day}
    others = {s: tuple(d for d in days if d in used) for s, days in candidates.items()}
    moved: list[Strip] = []
    for strip in leaving:
        # Join the strip's location where it already is, else the emptiest day.
        options = sorted(others[strip.id], key=lambda d: (
            strip.location not in board.places.get(d, ()), board.loads.get(d, 0), d))
        target = next((d for d in options if board.fits(strip, d, limit)), None)
        if target is not None:
            board.place(strip, target)
        elif not (others[strip.id] and eject_one(board, strip, others)):
            for done in moved:
                board.remove(done)
            for back in leaving:
                board.place(back, day)
            return False
        moved.append(strip)
    return True


def _on_day(board: Board, day: int) -> list[Strip]:
    return [s for s in board.spec.problem.strips if board.placed.get(s.id) == day]


def _gaps(board: Board) -> list[int]:
    used = set(board.placed.values())
    return [d for d in range(min(used), max(used)) if d not in used] if used else []


def _close_gaps(board: Board, candidates: dict[str, tuple[int, ...]]) -> None:
    """Unused days inside the run (the model's shoot days are one run): usually a night day
    before them forbids a day call on them; move that day's night strips elsewhere, then
    fill the gap."""
    for gap in _gaps(board):
        nights = [s for s in _on_day(board, gap - 1) if s.day_part in NIGHT_PARTS]
        if nights:
            _move_away(board, gap - 1, nights, candidates)
    if _gaps(board):
        fill_gaps(board, candidates)


def compact_assignment(spec: SolveSpec, assignment: dict[str, int],
                       candidates: dict[str, tuple[int, ...]]) -> dict[str, int] | None:
    """A cheaper error-free assignment without gaps inside the run, made from `assignment`
    by emptying end days (and first closing gaps), or None when none is found."""
    board = Board(spec)
    strips = {s.id: s for s in spec.problem.strips}
    for strip_id, day in assignment.items():
        board.place(strips[strip_id], day)
    start_cost = _price(spec, assignment)
    best: dict[str, int] | None = None
    best_cost = None if _gaps(board) else start_cost
    if _gaps(board):
        _close_gaps(board, candidates)
        if not _gaps(board) and (cost := _price(spec, board.placed)) is not None:
            best, best_cost = dict(board.placed), cost
    for _ in range(MAX_DAYS_REMOVED):
        used = sorted(set(board.placed.values()))
        if len(used) < 2 or not any(_move_away(board, end, _on_day(board, end), candidates)
                                    for end in (used[-1], used[0])):
            break
        cost = _price(spec, board.placed)
        if (cost is not None and not _gaps(board)
                and (best_cost is None or cost.amount < best_cost.amount)):
            best, best_cost = dict(board.placed), cost
    return best


def compact_plan(spec: SolveSpec, candidates: dict[str, tuple[int, ...]]) -> Plan:
    """The greedy plan (assignment, days to re-open), or a cheaper error-free one with days
    emptied at either end. Re-planning specs (fixed strips, idle days) keep the greedy's."""
    plan = greedy_plan(spec, candidates)
    if spec.fixed or spec.idle_days_allowed or not plan[0]:
        return plan
    better = compact_assignment(spec, plan[0], candidates)
    return plan if better is None else (better, plan[1])
