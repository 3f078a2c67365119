"""Two schedule versions side by side: their days, strips and (money roles) cost, every
performer's days, and every scene whose day differs.

Scenes are matched by scene number (a strip's id), so versions of different drafts compare
too: a scene only one of them has is listed as missing from the other. VIEW_SCRIPT; the
cost only for VIEW_MONEY (None otherwise, as everywhere in this app).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lynchpin.core.errors import Invalid
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.dood import DoodRow
from lynchpin.schedules.adapters.plan import Plan, plan_of
from lynchpin.schedules.adapters.view import BoardView, CostView, board_view
from lynchpin.schedules.models import ScheduleVersion
from lynchpin.schedules.rights import reader, sees_money, version_in
from lynchpin.schedules.selectors.versions import dood_of

__all__ = ["PerformerDays", "SceneChange", "ScheduleComparison", "VersionSummary",
           "schedule_compare"]


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """One side: its shoot days, first and last date, strips scheduled and in the boneyard,
    eighths scheduled, and its cost (None for roles without money)."""

    version: ScheduleVersion
    days: int
    first: date | None
    last: date | None
    scheduled: int
    boneyard: int
    eighths: int
    cost: CostView | None


@dataclass(frozen=True, slots=True)
class PerformerDays:
    """A performer's work, hold and paid days (Movie Magic's TOTAL) in each version."""

    performer: str
    label: str
    first: tuple[int, int, int]
    second: tuple[int, int, int]

    @property
    def paid_change(self) -> int:
        """Paid days in the second version less those in the first."""
        return self.second[2] - self.first[2]


@dataclass(frozen=True, slots=True)
class SceneChange:
    """A scene whose place differs: its day number and date in each version (day None: in
    the boneyard; `present` False: the version does not have the scene)."""

    scene: str
    label: str
    first_day: int | None
    first_date: date | None
    first_present: bool
    second_day: int | None
    second_date: date | None
    second_present: bool


@dataclass(frozen=True)
class ScheduleComparison:
    """The comparison of `first` (the base) with `second`: `cost_change` is the second's cost
    less the first's, printed with its sign (None for roles without money); `unchanged`
    counts the scenes on the same day in both."""

    first: VersionSummary
    second: VersionSummary
    cost_change: str | None
    performers: tuple[PerformerDays, ...]
    scenes: tuple[SceneChange, ...]
    unchanged: int


def _summary(plan: Plan, board: BoardView) -> VersionSummary:
    dates = [day.date for day in plan.schedule.days]
    scheduled = sum(len(day.strips) for day in plan.schedule.days)
    return VersionSummary(plan.version, len(dates), min(dates, default=None),
                          max(dates, default=None), scheduled, len(board.boneyard),
                          board.eighths, board.cost)


def _places(plan: Plan) -> dict[str, tuple[int | None, date | None]]:
    """Scene number -> (day number, date); (None, None) in the boneyard."""
    places: dict[str, tuple[int | None, date | None]] = {
        strip: (None, None) for strip in plan.schedule.boneyard}
    for day in plan.schedule.days:
        places.update((strip, (day.number, day.date)) for strip in day.strips)
    return places


def _labels(*boards: BoardView) -> dict[str, str]:
    labels: dict[str, str] = {}
    for board in boards:
        for strip in [s for day in board.days for s in day.strips] + list(board.boneyard):
            labels.setdefault(strip.strip, f"{strip.int_ext} {strip.set_name} {strip.day_night}")
    return labels


def _performers(first: Plan, second: Plan) -> tuple[PerformerDays, ...]:
    def days(row: DoodRow | None) -> tuple[int, int, int]:
        return (0, 0, 0) if row is None else (row.work, row.hold, row.paid)

    rows_a = {row.performer: row for row in dood_of(first).rows}
    rows_b = {row.performer: row for row in dood_of(second).rows}
    result = []
    for performer in [*rows_a, *(p for p in rows_b if p not in rows_a)]:
        row = rows_a.get(performer) or rows_b[performer]
        label = f"{row.number}. {row.name}" if row.number else row.name
        result.append(PerformerDays(performer, label, days(rows_a.get(performer)),
                                    days(rows_b.get(performer))))
    return tuple(result)


def _scene_key(scene: str) -> tuple[int, str]:
    digits = "".join(ch for ch in scene if ch.isdigit())
    return (int(digits) if digits else 0, scene)


def schedule_compare(*, actor: Any, production_id: int, first_id: int,
                     second_id: int) -> ScheduleComparison:
    """Version `first_id` (the base) beside version `second_id` of the production. Raises
    NotFound (a version of another production), Invalid (the same version twice)."""
    membership = reader(actor, production_id)
    if first_id == second_id:
        raise Invalid("Choose two different versions.",
                      fields={"second": ["Choose another version than the first."]})
    money = sees_money(membership)
    first = plan_of(version_in(production_id, first_id))
    second = plan_of(version_in(production_id, second_id))
    board_a, board_b = board_view(first, money=money), board_view(second, money=money)
    places_a, places_b = _places(first), _places(second)
    labels = _labels(board_a, board_b)
    scenes = []
    for scene in sorted(places_a.keys() | places_b.keys(), key=_scene_key):
        a, b = places_a.get(scene), places_b.get(scene)
        if a == b:
            continue
        scenes.append(SceneChange(scene, labels.get(scene, ""), *(a or (None, None)),
                                  a is not None, *(b or (None, None)), b is not None))
    change = None
    if board_a.cost is not None and board_b.cost is not None:
        difference = Money(board_b.cost.amount - board_a.cost.amount, first.problem.currency)
        change = f"{difference.rounded().amount:+,}"
    unchanged = sum(1 for scene in places_a.keys() & places_b.keys()
                    if places_a[scene] == places_b[scene])
    return ScheduleComparison(_summary(first, board_a), _summary(second, board_b), change,
                              _performers(first, second), tuple(scenes), unchanged)
