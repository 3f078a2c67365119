"""What the stripboard shows, from a `Plan`: strips in colour, day breaks with totals,
banners, boneyard, conflicts on the strips that cause them, and (money roles) the cost.

`board_view(plan, money=...)` is computed from engine values only: `schedule_cost` gives each
day's length (strip minutes plus in-day company moves, overtime) and the cost by component;
`board_conflicts` the violations tied to strips. Strip colours and D/N letters are the
documents' (``strips.json``: INT/DAY white, EXT/DAY yellow, INT/NIGHT blue, EXT/NIGHT green).
`money=False` leaves every amount out (the values have None there), so no template can show
one by mistake.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lynchpin.documents.colours import text_colour_on
from lynchpin.documents.schedule_view import day_night_letter, schedule_view, strip_background
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import CostBreakdown, DayLoad, schedule_cost
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem
from lynchpin.engine.units import format_eighths
from lynchpin.schedules.adapters.conflicts import StripConflict, board_conflicts
from lynchpin.schedules.adapters.plan import Plan

__all__ = ["BoardView", "CostView", "DayView", "StripView", "board_view", "cost_view",
           "day_view"]


@dataclass(frozen=True, slots=True)
class StripView:
    """One strip as drawn: `row_id` is the Strip row (for moves), `strip` the scene number."""

    row_id: int
    strip: str
    int_ext: str
    set_name: str
    day_night: str
    eighths: int
    length: str
    minutes: int
    cast: str
    colour: str
    text_colour: str
    conflicts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DayView:
    """A shoot day with its totals: page length, strip minutes, move minutes, overtime;
    `over` when a conflict concerns the day's capacity or dates; banners shown before it."""

    row_id: int
    number: int
    date: date
    strips: tuple[StripView, ...]
    eighths: int
    length: str
    strip_minutes: int
    move_minutes: int
    overtime_minutes: int
    banners: tuple[tuple[int, str], ...]
    conflicts: tuple[str, ...]

    @property
    def minutes(self) -> int:
        """Strip and in-day move minutes."""
        return self.strip_minutes + self.move_minutes

    @property
    def hours(self) -> str:
        """The estimated day length in hours, one decimal (``"9.5"``)."""
        return str((Decimal(self.minutes) / 60).quantize(Decimal("0.1")))


@dataclass(frozen=True, slots=True)
class CostView:
    """A schedule's cost by component, printed (money roles only)."""

    total: str
    crew: str
    cast: str
    locations: str
    moves: str
    overtime: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class BoardView:
    """The whole board: days, boneyard, every conflict, totals, and the cost (or None)."""

    days: tuple[DayView, ...]
    boneyard: tuple[StripView, ...]
    conflicts: tuple[StripConflict, ...]
    eighths: int
    cost: CostView | None

    @property
    def errors(self) -> int:
        """How many errors (not warnings) the board has."""
        return sum(1 for c in self.conflicts if c.severity == "error")


def cost_view(cost: CostBreakdown) -> CostView:
    """The printed cost components of `cost`."""
    def shown(money: Money) -> str:
        return f"{money.rounded().amount:,}"

    cast = cost.cast_work + cost.cast_hold + cost.cast_travel
    return CostView(shown(cost.total), shown(cost.crew), shown(cast), shown(cost.location_total),
                    shown(cost.move_total), shown(cost.overtime), cost.total.amount)


def _strip_views(plan_problem: ScheduleProblem, schedule: Schedule, row_ids: dict[str, int],
                 marks: dict[str, list[str]], only: Collection[str] | None
                 ) -> dict[str, StripView]:
    """Views of the problem's strips (those in `only`, when given) by strip id."""
    printable = schedule_view(plan_problem, schedule)
    views = {}
    for strip in plan_problem.strips:
        if only is not None and strip.id not in only:
            continue
        colour = strip_background(strip)
        views[strip.id] = StripView(
            row_ids.get(strip.id, 0), strip.id, strip.int_ext.value, strip.set_name,
            day_night_letter(strip), strip.eighths, format_eighths(strip.eighths),
            strip.minutes, printable.numbers(strip.cast), colour, text_colour_on(colour),
            tuple(marks.get(strip.id, ())))
    return views


def day_view(row_id: int, load: DayLoad, day_strips: tuple[StripView, ...], when: date,
             banners: tuple[tuple[int, str], ...], conflicts: tuple[str, ...]) -> DayView:
    """One day's view from its engine load and strip views."""
    eighths = sum(s.eighths for s in day_strips)
    return DayView(row_id, load.day, when, day_strips, eighths, format_eighths(eighths),
                   load.strip_minutes, load.move_minutes, load.overtime_minutes, banners,
                   conflicts)


def _marks(conflicts: tuple[StripConflict, ...]) -> tuple[dict[str, list[str]],
                                                           dict[int, list[str]]]:
    strips: dict[str, list[str]] = {}
    days: dict[int, list[str]] = {}
    for conflict in conflicts:
        if conflict.severity != "error":
            continue
        for strip_id in conflict.strips:
            strips.setdefault(strip_id, []).append(conflict.message)
        if not conflict.strips and conflict.day is not None:
            days.setdefault(conflict.day, []).append(conflict.message)
    return strips, days


def board_view(plan: Plan, *, money: bool, only_days: Collection[int] | None = None
               ) -> BoardView:
    """The board of `plan` (see the module docstring). With `only_days` (shoot day row ids)
    only those days are drawn, and no boneyard: what a move's answer needs; the conflicts,
    the cost and the total eighths are still the whole board's."""
    problem, schedule = plan.problem, plan.schedule
    cost = schedule_cost(problem, schedule)
    conflicts = board_conflicts(problem, schedule)
    strip_marks, day_marks = _marks(conflicts)
    names = plan.built.draft.names()
    row_ids = {names[scene_id]: row_id for row_id, scene_id, _, _ in plan.board.strips
               if scene_id in names}
    placed = tuple(zip(plan.board.days, schedule.days, cost.days, strict=True))
    drawn = placed if only_days is None else tuple(p for p in placed if p[0].pk in only_days)
    only = None if only_days is None else {s for _, day, _ in drawn for s in day.strips}
    views = _strip_views(problem, schedule, row_ids, strip_marks, only)
    banners: dict[int, list[tuple[int, str]]] = {}
    for banner_id, day_id, text in plan.board.banners:
        banners.setdefault(day_id, []).append((banner_id, text))
    days = tuple(
        day_view(int(row.pk), load, tuple(views[s] for s in day.strips if s in views), day.date,
                 tuple(banners.get(int(row.pk), ())), tuple(day_marks.get(day.number, ())))
        for row, day, load in drawn)
    boneyard = () if only_days is not None else \
        tuple(views[s] for s in schedule.boneyard if s in views)
    eighths = {strip.id: strip.eighths for strip in problem.strips}
    total = sum(eighths.get(s, 0) for day in schedule.days for s in day.strips)
    return BoardView(days, boneyard, conflicts, total, cost_view(cost) if money else None)
