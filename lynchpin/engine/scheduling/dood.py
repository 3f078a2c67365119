"""Day out of days (DOOD): for each performer, what they do on every date of the shoot.

Columns are calendar dates from the first to the last shoot day of the schedule (weekends
and holidays included), widened when a travel, fitting or rehearsal day falls outside them.
Rows are performers (cast, or any kind asked for), grouped by kind (cast, animals,
vehicles, other), numbered ones first in number order, then by name.
Codes follow Movie Magic Scheduling (docs/scheduling/dood.md, ``dood_codes.json``):

- work days: ``SW`` first, ``WF`` last, ``SWF`` when both, ``W`` between;
- ``H`` hold: a company shoot day between start and finish without work, only for
  performers whose `holds_allowed` is set (others show blank: unpaid days of a day player);
  company off days (weekends, days off, dates nobody shoots) are never holds;
- ``/`` company holiday inside the engagement (`holidays` argument), not counted as hold;
- drop/pick-up (``WD`` ... ``PW``): decided by `engagement.paid_spans`, the one rule
  `costing.schedule_cost` also prices: where `drop_pickup_allowed` (and holds allowed), more
  than `drop_min_gap_days` calendar days lie strictly between the drop and pick-up dates,
  and the hold days saved exceed `travel_days` (travelling back in is paid). At most
  ``max_drops_per_performer`` breaks (SAG-AFTRA: one), chosen where they save most (ties:
  the earliest);
- ``TR`` travel on the `travel_days` dates just before the start and each pick-up;
- ``FT``/``R`` on the dates given in `fittings`/`rehearsals` (performer id -> dates);
  a work day wins over them.

Totals per row: work, hold, holiday, travel, fitting and rehearsal days, drops, idle days
(dates inside an engagement with neither work nor travel/fitting/rehearsal: holds, holidays
and off days), and the start and finish dates. Pure; never raises for a well-formed problem.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from lynchpin.engine.scheduling.dood_codes import (
    BLANK,
    FITTING,
    HOLD,
    HOLIDAY,
    REHEARSAL,
    TRAVEL,
    code_totals,
    work_code,
)
from lynchpin.engine.scheduling.engagement import paid_spans
from lynchpin.engine.scheduling.model import Performer, PerformerKind, Schedule, ScheduleProblem

__all__ = ["Dood", "DoodRow", "day_out_of_days"]


#: Row groups in order: cast first, then animals, vehicles and other elements.
_KIND_ORDER = tuple(PerformerKind)


@dataclass(frozen=True, slots=True)
class DoodRow:
    """One performer's line of the DOOD: a code per `Dood.dates` entry and the totals.

    `start`/`finish` are the first and last work dates (None when the performer does not
    work). `idle` counts dates inside an engagement without work, travel, fitting or
    rehearsal (holds, holidays, off days); dropped dates are not idle.
    """

    performer: str
    name: str
    number: int
    kind: PerformerKind
    cells: tuple[str, ...]
    start: date | None
    finish: date | None
    work: int
    hold: int
    holiday: int
    travel: int
    fitting: int
    rehearsal: int
    drops: int
    idle: int

    @property
    def paid(self) -> int:
        """Days paid: work, hold, travel, fitting and rehearsal (Movie Magic's TOTAL)."""
        return self.work + self.hold + self.travel + self.fitting + self.rehearsal


@dataclass(frozen=True, slots=True)
class Dood:
    """A day out of days: `dates` (one column each), the shoot day number on each date
    (None when nobody shoots), the company holiday name on each date (``""`` if none),
    and the rows."""

    dates: tuple[date, ...]
    shoot_days: tuple[int | None, ...]
    holidays: tuple[str, ...]
    rows: tuple[DoodRow, ...]

    def row(self, performer_id: str) -> DoodRow | None:
        """The row of `performer_id`, or None."""
        return next((r for r in self.rows if r.performer == performer_id), None)


@dataclass(frozen=True, slots=True)
class _Context:
    shoot_dates: frozenset[date]
    holidays: Mapping[date, str]
    fittings: Mapping[str, Collection[date]]
    rehearsals: Mapping[str, Collection[date]]


def _work_dates(problem: ScheduleProblem, schedule: Schedule) -> dict[str, set[date]]:
    """Performer id -> dates they work (any unit)."""
    by_id = {strip.id: strip for strip in problem.strips}
    dates: dict[str, set[date]] = {}
    for day in schedule.days:
        for strip_id in day.strips:
            strip = by_id.get(strip_id)
            if strip is None:
                continue
            for ident in (*strip.cast, *strip.elements):
                dates.setdefault(ident, set()).add(day.date)
    return dates


def _code_segments(
    performer: Performer, segments: tuple[tuple[date, ...], ...], ctx: _Context
) -> dict[date, str]:
    cells: dict[date, str] = {}
    for index, segment in enumerate(segments):
        for k, day in enumerate(segment):
            cells[day] = work_code(
                start=index == 0 and k == 0,
                pickup=index > 0 and k == 0,
                drop=index < len(segments) - 1 and k == len(segment) - 1,
                finish=index == len(segments) - 1 and k == len(segment) - 1,
            )
        _fill_between(performer, segment[0], segment[-1], cells, ctx)
        for back in range(1, performer.travel_days + 1):
            cells.setdefault(segment[0] - timedelta(days=back), TRAVEL)
    return cells


def _fill_between(performer: Performer, first: date, last: date, cells: dict[date, str],
                  ctx: _Context) -> None:  # fmt: skip
    day = first
    while day < last:
        day += timedelta(days=1)
        if day in cells:
            continue
        if day in ctx.holidays:
            cells[day] = HOLIDAY
        elif day in ctx.shoot_dates and performer.holds_allowed:
            cells[day] = HOLD
        else:
            cells[day] = BLANK


def _events(performer: Performer, cells: dict[date, str], ctx: _Context) -> None:
    """Fittings and rehearsals: on any date the performer does not work or travel."""
    for code, table in ((FITTING, ctx.fittings), (REHEARSAL, ctx.rehearsals)):
        for day in table.get(performer.id, ()):
            if cells.get(day, BLANK) in (BLANK, HOLD, HOLIDAY):
                cells[day] = code


def _performer_cells(
    performer: Performer, work: list[date], ctx: _Context
) -> tuple[dict[date, str], int]:
    cells: dict[date, str] = {}
    engaged = paid_spans(performer, work, ctx.shoot_dates)
    if work:
        cells = _code_segments(performer, engaged.segments(), ctx)
    _events(performer, cells, ctx)
    return cells, len(engaged.drops)


def _row(performer: Performer, work: list[date], dates: tuple[date, ...], ctx: _Context) -> DoodRow:
    cells, drops = _performer_cells(performer, work, ctx)
    counts = dict.fromkeys(("work", "hold", "holiday", "travel", "fitting", "rehearsal"), 0)
    totals = code_totals()
    for code in cells.values():
        kind = totals.get(code, "none")
        if kind in counts:
            counts[kind] += 1
    engaged = [day for day, code in cells.items() if code in (BLANK, HOLD, HOLIDAY)]
    return DoodRow(
        performer=performer.id,
        name=performer.name,
        number=performer.number,
        kind=performer.kind,
        cells=tuple(cells.get(day, BLANK) for day in dates),
        start=work[0] if work else None,
        finish=work[-1] if work else None,
        drops=drops,
        idle=len(engaged),
        **counts,
    )


def _columns(schedule: Schedule, performers: list[Performer], ctx: _Context) -> tuple[date, ...]:
    """Every calendar date from the earliest to the latest date of any shoot day, travel,
    fitting or rehearsal of the performers shown."""
    marks = set(ctx.shoot_dates)
    for performer in performers:
        marks.update(ctx.fittings.get(performer.id, ()))
        marks.update(ctx.rehearsals.get(performer.id, ()))
        if performer.travel_days and ctx.shoot_dates:
            marks.add(min(ctx.shoot_dates) - timedelta(days=performer.travel_days))
    if not marks:
        return ()
    first, last = min(marks), max(marks)
    return tuple(first + timedelta(days=k) for k in range((last - first).days + 1))


def day_out_of_days(
    problem: ScheduleProblem,
    schedule: Schedule,
    *,
    kinds: frozenset[PerformerKind] | None = None,
    holidays: Mapping[date, str] | None = None,
    fittings: Mapping[str, Collection[date]] | None = None,
    rehearsals: Mapping[str, Collection[date]] | None = None,
) -> Dood:
    """The DOOD of `schedule` for the performers of `problem` whose kind is in `kinds`
    (None: every kind). `holidays` maps company holidays to their names (e.g.
    ``dict(engine.calendar.holidays_between(calendar, first, last))``); a date somebody
    shoots on is not a holiday. Strip ids unknown to `problem` are ignored (conflicts.py
    reports them)."""
    shoot_dates = frozenset(day.date for day in schedule.days)
    ctx = _Context(
        shoot_dates=shoot_dates,
        holidays={d: n for d, n in (holidays or {}).items() if d not in shoot_dates},
        fittings=fittings or {},
        rehearsals=rehearsals or {},
    )
    performers = sorted(
        (p for p in problem.performers if kinds is None or p.kind in kinds),
        key=lambda p: (_KIND_ORDER.index(p.kind), p.number <= 0, p.number, p.name, p.id),
    )
    dates = _columns(schedule, performers, ctx)
    numbers = {day.date: day.number for day in schedule.days}
    work = _work_dates(problem, schedule)
    rows = tuple(_row(p, sorted(work.get(p.id, ())), dates, ctx) for p in performers)
    return Dood(
        dates=dates,
        shoot_days=tuple(numbers.get(day) for day in dates),
        holidays=tuple(ctx.holidays.get(day, "") for day in dates),
        rows=rows,
    )
