"""Fringes on detail lines: percentages and flat amounts, cut-offs, fringe ranges, YTD caps.

- PERCENT: ``rate`` % of the wages the cut-off still allows: with a cut-off C, a range may
  fringe at most C of wages (less the person's year-to-date wages when `uses_ytd`).
- FLAT: ``rate`` per hour/day/week through the line's hours (a $1.00/hour fringe on a
  12-hour Day is $12 a day; on a 60-hour Week it is $60), or per unit of quantity; a cut-off
  caps the fringe amount itself.
- A fringe range is every non-individual line of one person, filled in budget order; a line
  marked `individual`, or without a person, is a range of its own.
Excluded lines (groups excluded from totals) carry no fringes and use no cut-off.
Full Decimal precision; nothing is rounded here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from lynchpin.engine.budgeting.lines import LineAmount
from lynchpin.engine.budgeting.model import DetailLine, FlatPer, Fringe, FringeKind
from lynchpin.engine.errors import Severity, Violation

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)

FringeAmounts = tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True, slots=True)
class FringeContext:
    """Fringes by id, people's year-to-date wages, hours in each flat period."""

    fringes: Mapping[str, Fringe]
    ytd_wages: Mapping[str, Decimal]
    period_hours: Mapping[FlatPer, Decimal | None]
    #: rate / 100 of each PERCENT fringe without a cut-off: the fast path (one multiplication)
    simple: Mapping[str, Decimal] = field(default_factory=dict)
    #: rate / 100 of each PERCENT fringe with a cut-off: the second fast path
    capped: Mapping[str, Decimal] = field(default_factory=dict)


def fringe_context(fringes: Iterable[Fringe], ytd_wages: Mapping[str, Decimal],
                   period_hours: Mapping[FlatPer, Decimal | None]) -> FringeContext:
    """A context with its fast-path table filled in."""
    table = {fringe.id: fringe for fringe in fringes}
    percent = [fringe for fringe in table.values() if fringe.kind is FringeKind.PERCENT]
    simple = {f.id: f.rate / _HUNDRED for f in percent if f.cutoff is None}
    capped = {f.id: f.rate / _HUNDRED for f in percent if f.cutoff is not None}
    return FringeContext(table, ytd_wages, period_hours, simple, capped)


@dataclass(frozen=True, slots=True)
class LineFringes:
    """The fringes of one line, in the order the line lists them, and their sum."""

    amounts: FringeAmounts
    violations: tuple[Violation, ...]
    total: Decimal = _ZERO


_NONE = LineFringes((), ())


def range_key(line: DetailLine, index: int) -> str | int:
    """Key of the line's fringe range: its person (str), or the line's index (int)."""
    if line.person and not line.individual:
        return line.person
    return index


def fills_range(line: DetailLine, ctx: FringeContext) -> bool:
    """True when a change of the line's amount can change other lines' fringes: it belongs
    to a person's range and carries a fringe with a cut-off (the range shares the room)."""
    if not line.person or line.individual:
        return False
    known = ctx.fringes
    return any(fringe_id in known and known[fringe_id].cutoff is not None
               for fringe_id in line.fringes)


def _initial_room(fringe: Fringe, line: DetailLine, ctx: FringeContext) -> Decimal:
    room = fringe.cutoff if fringe.cutoff is not None else _ZERO
    if fringe.kind is FringeKind.PERCENT and fringe.uses_ytd and line.person:
        room -= ctx.ytd_wages.get(line.person, _ZERO)
    return max(room, _ZERO)


def _flat_base(fringe: Fringe, priced: LineAmount, ctx: FringeContext) -> Decimal | None:
    """Number of `per` periods in the line, None when the line's unit has no hours."""
    if fringe.per is FlatPer.UNIT:
        return priced.quantity
    period = ctx.period_hours.get(fringe.per)
    if priced.hours is None or not period:
        return None
    return priced.hours / period


def _uncapped(fringe: Fringe, priced: LineAmount, ctx: FringeContext) -> Decimal | None:
    """The fringe before any cut-off; None when a flat fringe cannot be timed."""
    if fringe.kind is FringeKind.PERCENT:
        return priced.total * fringe.rate / _HUNDRED
    periods = _flat_base(fringe, priced, ctx)
    return None if periods is None else periods * fringe.rate


def _capped(fringe: Fringe, priced: LineAmount, room: Decimal,
            ctx: FringeContext) -> tuple[Decimal | None, Decimal]:
    """(fringe amount or None when untimeable, room left) under a cut-off."""
    if fringe.kind is FringeKind.PERCENT:
        wages = min(priced.total, room)
        return wages * fringe.rate / _HUNDRED, room - wages
    amount = _uncapped(fringe, priced, ctx)
    if amount is None:
        return None, room
    amount = min(amount, room)
    return amount, room - amount


def _hours_problem(fringe: Fringe, ref: str) -> Violation:
    message = f"{ref}: fringe {fringe.id} is per {fringe.per} but the unit has no hours"
    return Violation("budget.fringe.hours", Severity.WARNING, message, ref)


def _unknown(fringe_id: str, ref: str) -> Violation:
    return Violation("budget.fringe.unknown", Severity.ERROR,
                     f"{ref}: unknown fringe {fringe_id!r}", ref)


def apply_fringes(
    items: Iterable[tuple[int, str, DetailLine, LineAmount]], ctx: FringeContext
) -> dict[int, LineFringes]:
    """Fringes of the given lines `(index, ref, line, priced)`, which must come in budget order
    and contain every line of each person range involved."""
    rooms: dict[tuple[str | int, str], Decimal] = {}
    result: dict[int, LineFringes] = {}
    simple, capped = ctx.simple, ctx.capped
    for index, ref, line, priced in items:
        if priced.excluded or not line.fringes:
            result[index] = _NONE
            continue
        amounts: list[tuple[str, Decimal]] = []
        problems: list[Violation] = []
        line_total = priced.total
        key = range_key(line, index)
        # The hot loop of a full pricing: percentages are inlined, the rest goes to _general.
        for fringe_id in line.fringes:
            factor = simple.get(fringe_id)
            if factor is not None:
                amounts.append((fringe_id, line_total * factor))
                continue
            factor = capped.get(fringe_id)
            if factor is None:
                _general(fringe_id, (index, ref, line, priced), ctx, rooms, amounts, problems)
                continue
            slot = (key, fringe_id)
            room = rooms.get(slot)
            if room is None:
                room = _initial_room(ctx.fringes[fringe_id], line, ctx)
            wages = line_total if line_total < room else room
            rooms[slot] = room - wages
            amounts.append((fringe_id, wages * factor))
        total = sum([amount for _, amount in amounts], _ZERO)
        result[index] = LineFringes(tuple(amounts), tuple(problems), total)
    return result


def _general(fringe_id: str, item: tuple[int, str, DetailLine, LineAmount], ctx: FringeContext,
             rooms: dict[tuple[str | int, str], Decimal], amounts: list[tuple[str, Decimal]],
             problems: list[Violation]) -> None:
    """One fringe with a cut-off, a flat fringe, or an unknown fringe id."""
    index, ref, line, priced = item
    fringe = ctx.fringes.get(fringe_id)
    if fringe is None:
        problems.append(_unknown(fringe_id, ref))
        return
    if fringe.cutoff is None:
        amount = _uncapped(fringe, priced, ctx)
    else:
        slot = (range_key(line, index), fringe_id)
        room = rooms[slot] if slot in rooms else _initial_room(fringe, line, ctx)
        amount, rooms[slot] = _capped(fringe, priced, room, ctx)
    if amount is None:
        problems.append(_hours_problem(fringe, ref))
        amount = _ZERO
    amounts.append((fringe_id, amount))
