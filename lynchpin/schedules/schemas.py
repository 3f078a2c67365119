"""Input and output schemas of the schedules API (lynchpin.schedules.api).

Money is sent as printed decimal strings (``"182,467.50"`` on boards, as the pages show it)
and is null for roles without VIEW_MONEY. Dates are ISO dates; lengths are eighths of a page
(``eighths``) with the printed form (``length``, ``"4 5/8"``); times are minutes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, P, PathEx, QueryEx, Schema

from lynchpin.schedules.rights import MAX_ROW_ID

#: Ids and versions a row can have (larger ones are refused with 400 before any query).
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
PathId = PathEx[int, P(ge=1, le=MAX_ROW_ID)]
QueryId = QueryEx[int, P(ge=1, le=MAX_ROW_ID)]
Seconds = Annotated[float, Field(ge=1, le=600)]

__all__ = [
    "BoardOut",
    "BudgetOut",
    "CompareOut",
    "ComparePerformerOut",
    "CompareSceneOut",
    "CompareSideOut",
    "ConflictOut",
    "CopyIn",
    "CostOut",
    "CreateIn",
    "DayOut",
    "DoodOut",
    "FactsOut",
    "MoveIn",
    "MoveOut",
    "OptimiseIn",
    "PathId",
    "ProposalOut",
    "QueryId",
    "ReplanIn",
    "RowId",
    "StripOut",
    "VersionIn",
    "VersionOut",
]


class VersionOut(Schema):
    """A schedule version; send `version` back with every change of its board."""

    id: int
    name: str
    script_version_id: int
    origin: str
    note: str
    based_on_id: int | None
    locked: bool
    locked_at: dt.datetime | None
    created: dt.datetime
    version: int


class CreateIn(Schema):
    """A new version of the current draft: `mode` greedy (a first plan) or boneyard."""

    name: str = Field(max_length=120)
    mode: str = "greedy"


class CopyIn(Schema):
    """The name of the copy (or of the version a proposal becomes)."""

    name: str = Field(max_length=120)


class VersionIn(Schema):
    """The version of the schedule the change was decided on."""

    version: RowId


class StripOut(Schema):
    """A strip: `id` is its row (for moves), `strip` the scene number; `cast` the board
    numbers; `conflicts` the messages of the errors it causes."""

    id: int
    strip: str
    int_ext: str
    set_name: str
    day_night: str
    eighths: int
    length: str
    minutes: int
    cast: str
    colour: str
    conflicts: list[str]


class DayOut(Schema):
    """A shoot day with its totals (minutes: strips plus in-day company moves)."""

    id: int
    number: int
    date: dt.date
    eighths: int
    length: str
    strip_minutes: int
    move_minutes: int
    overtime_minutes: int
    hours: str
    banners: list[str]
    conflicts: list[str]
    strips: list[StripOut]


class ConflictOut(Schema):
    """A rule broken (severity error) or a warning, with the strips it is shown on."""

    rule: str
    severity: str
    message: str
    strips: list[str]
    day: int | None


class CostOut(Schema):
    """The schedule's cost by component (VIEW_MONEY only), printed."""

    total: str
    crew: str
    cast: str
    locations: str
    moves: str
    overtime: str


class BudgetOut(Schema):
    """The current budget's grand total now and re-priced from this schedule."""

    budget_id: int
    name: str
    current: str
    with_schedule: str
    difference: str
    lines: int
    revision: str


class BoardOut(Schema):
    """A version's board: days with strips, boneyard, conflicts, cost and budget effect."""

    schedule: VersionOut
    days: list[DayOut]
    boneyard: list[StripOut]
    conflicts: list[ConflictOut]
    eighths: int
    cost: CostOut | None
    budget: BudgetOut | None
    warnings: list[str]


class MoveIn(Schema):
    """Move to `position` (0-based) of day `day_id` (null: the boneyard), decided on the
    schedule's `version`."""

    day_id: RowId | None = None
    position: int = Field(ge=0, le=10_000)
    version: RowId


class MoveOut(Schema):
    """After a move: the schedule's new `version`, the days it touched, every conflict, and
    for money roles the cost and the budget effect."""

    schedule_id: int
    version: int
    strip_id: int
    days: list[DayOut]
    conflicts: list[ConflictOut]
    cost: CostOut | None
    budget: BudgetOut | None


class OptimiseIn(Schema):
    """Seconds the optimiser may search."""

    time_limit: Seconds = 30.0


class ReplanIn(Schema):
    """A disruption (see docs/web/schedules.md): `kind` and the fields it uses; `shot`
    scenes stay where they are; `change_penalty` (money roles) per changed strip."""

    kind: str = Field(max_length=40)
    performer: str = Field("", max_length=120)
    dates: list[dt.date] = Field(default_factory=list, max_length=400)
    location: str = Field("", max_length=200)
    from_date: dt.date | None = None
    date: dt.date | None = None
    unshot: list[Annotated[str, Field(max_length=32)]] = Field(default_factory=list,
                                                                max_length=400)
    shot: list[Annotated[str, Field(max_length=32)]] = Field(default_factory=list,
                                                              max_length=400)
    change_penalty: Decimal | None = Field(None, ge=0, le=10**9)
    time_limit: Seconds = 10.0


class ProposalOut(Schema):
    """An optimiser run or re-plan: its status, the task's progress, what it proposes
    (`days`: strip ids by day), what anyone may read (`outcome`) and the money (`costs`,
    VIEW_MONEY only)."""

    id: int
    schedule_id: int
    kind: str
    status: str
    run_id: int | None
    progress: int
    message: str
    error: str
    days: list[dict[str, Any]]
    boneyard: list[str]
    outcome: dict[str, Any]
    costs: dict[str, Any] | None
    applied_version_id: int | None


class DoodRowOut(Schema):
    """One performer's DOOD line: a code per date and the totals."""

    performer: str
    name: str
    number: int
    kind: str
    cells: list[str]
    start: dt.date | None
    finish: dt.date | None
    work: int
    hold: int
    holiday: int
    travel: int
    idle: int
    paid: int


class DoodOut(Schema):
    """Day out of days: dates, the shoot day on each (null: none), holiday names, rows."""

    dates: list[dt.date]
    shoot_days: list[int | None]
    holidays: list[str]
    rows: list[DoodRowOut]


class FactsOut(Schema):
    """The production facts (money keys left out for roles without VIEW_MONEY), the cast
    the optimiser prices and the warnings about the facts."""

    exists: bool
    facts: dict[str, Any]
    performers: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    moves: list[dict[str, Any]]
    cast: list[dict[str, Any]]
    warnings: list[str]


class CompareSideOut(Schema):
    """One version of a comparison: days, dates, strips, eighths and (money roles) cost."""

    version: VersionOut
    days: int
    first: dt.date | None
    last: dt.date | None
    scheduled: int
    boneyard: int
    eighths: int
    cost: CostOut | None = None


class ComparePerformerOut(Schema):
    """A performer's work, hold and paid days in the first and the second version."""

    performer: str
    label: str
    first: list[int]
    second: list[int]


class CompareSceneOut(Schema):
    """A scene in another place: day number and date per version (null day: boneyard;
    `*_present` false: not in that version)."""

    scene: str
    label: str
    first_day: int | None
    first_date: dt.date | None
    first_present: bool
    second_day: int | None
    second_date: dt.date | None
    second_present: bool


class CompareOut(Schema):
    """Two versions side by side; `cost_change` (second less first, printed, money roles
    only), the scenes in another place and the number on the same day."""

    first: CompareSideOut
    second: CompareSideOut
    cost_change: str | None = None
    performers: list[ComparePerformerOut]
    scenes: list[CompareSceneOut]
    unchanged: int
