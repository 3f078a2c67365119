"""Writes of the stripboard: move a strip, add or remove a shoot day, add or remove a banner.

Each change claims the schedule version (`compare_and_set` with the version the editor
read: a stale change is a Conflict, 409), refuses a locked version, is audited, and runs in
one transaction (a move's answer is computed after it commits). A move is incremental: only
the rows of the day (or boneyard) it lands in get new positions. `strip_move` answers with
what the board needs to redraw: the totals of the days the strip left and joined, every
conflict tied to its strips, and for money roles the schedule's cost and its effect on the
current budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction

from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.engine.calendar import is_work_day, public_holidays
from lynchpin.schedules.adapters.conflicts import StripConflict
from lynchpin.schedules.adapters.plan import plan_of, problem_for
from lynchpin.schedules.adapters.view import CostView, DayView, board_view
from lynchpin.schedules.effects import BudgetEffect, budget_effect
from lynchpin.schedules.models import Banner, ScheduleVersion, ShootDay, Strip
from lynchpin.schedules.rights import (
    day_in,
    editor,
    no_nul,
    sees_money,
    strip_in,
    unlocked,
    valid_id,
    version_in,
)

__all__ = [
    "MoveResult",
    "banner_add",
    "banner_remove",
    "shoot_day_add",
    "shoot_day_remove",
    "strip_move",
]

#: Longest banner text.
BANNER_LENGTH = 120


@dataclass(frozen=True)
class MoveResult:
    """After a move: the version's new `version`, the strip, the days it left and joined
    (totals and strips), every conflict, and (money roles; else None) cost and budget."""

    schedule_id: int
    version: int
    strip_id: int
    days: tuple[DayView, ...]
    conflicts: tuple[StripConflict, ...]
    cost: CostView | None
    budget: BudgetEffect | None


def _claim(production_id: int, schedule_id: int, expected_version: int) -> ScheduleVersion:
    """The unlocked version, locked for update and its version raised (Conflict if stale)."""
    version = unlocked(version_in(production_id, schedule_id, for_update=True))
    version.compare_and_set(expected_version=expected_version)
    return version


def _placed(strip: Strip, day_id: int | None, position: int) -> list[Strip]:
    """The rows to save to put `strip` at `position` of `day_id` (None: the boneyard),
    renumbering that list (`strip` and every sibling whose position changes)."""
    siblings = list(Strip.objects.filter(schedule_id=strip.schedule_id, day_id=day_id)
                    .exclude(pk=strip.pk).order_by("position", "id"))
    siblings.insert(min(position, len(siblings)), strip)
    strip.day_id = day_id
    changed = []
    for index, row in enumerate(siblings):
        if row.position != index or row is strip:
            row.position = index
            changed.append(row)
    return changed


def strip_move(*, actor: Any, production_id: int, strip_id: int, day_id: int | None,
               position: int, expected_version: int) -> MoveResult:
    """Move strip `strip_id` to `position` (0-based) of shoot day `day_id` (None: the
    boneyard) of its version, read at `expected_version`. Requires EDIT_SCHEDULE. Raises
    NotFound, Invalid (a day of another version, a negative position), Conflict (locked,
    stale).

    The move commits first; the answer (totals, conflicts, cost, budget effect) is then
    computed from the board as committed, outside the transaction, so a move holds the
    database's write lock only for its own rows. Should another editor's move land in
    between, the answer shows it too, and the version returned is this move's: the next
    move from this editor is then a Conflict, as it must be."""
    membership = editor(actor, production_id)
    version, strip, source = _move(actor, production_id, strip_id, day_id, position,
                                   expected_version)
    plan = plan_of(version)
    board = board_view(plan, money=sees_money(membership), only_days={source, day_id} - {None})
    return MoveResult(version.pk, version.version, strip.pk, board.days, board.conflicts,
                      board.cost, budget_effect(actor=actor, membership=membership, plan=plan))


def _move(actor: Any, production_id: int, strip_id: int, day_id: int | None, position: int,
          expected_version: int) -> tuple[ScheduleVersion, Strip, int | None]:
    """The move itself (see `strip_move`): the claimed version, the strip, its old day.

    Everything is read and checked first; the transaction then only writes: it claims the
    version (compare and set: a Conflict when it changed since the editor read it), saves the
    new positions and the audit entry, so it holds the database's write lock for three
    statements. Reading first is safe: every change of a board (and a lock) raises its
    version, so a board changed since the rows were read makes the claim a Conflict."""
    strip = strip_in(production_id, strip_id)
    target = day_in(production_id, day_id) if day_id is not None else None
    if target is not None and target.schedule_id != strip.schedule_id:
        raise Invalid("That day belongs to another schedule.", fields={"day_id": ["Not a day "
                      "of this schedule."]})
    if position < 0:
        raise Invalid("Positions count from 0.", fields={"position": ["Must be 0 or more."]})
    version = unlocked(version_in(production_id, strip.schedule_id))
    source = strip.day_id
    before = [strip.day.number if strip.day is not None else None, strip.position]
    changed = _placed(strip, day_id, position)
    with transaction.atomic():
        version.compare_and_set(expected_version=expected_version)
        Strip.objects.bulk_update(changed, ["day", "position"])
        audit_record(actor=actor, action="strip.move", target=version,
                     production_id=production_id,
                     label=f"{version.name}: scene {strip.scene.number}",
                     changes={"day": [before[0], target.number if target else None],
                              "position": [before[1], strip.position]})
    return version, strip, source


def _next_work_day(version: ScheduleVersion, membership: Any) -> Any:
    """The first work date after the version's last day (or the calendar's first day)."""
    production = membership.production
    last = version.days.order_by("-date").values_list("date", flat=True).first()
    built = problem_for(version.script_version, title=production.title,
                        currency=production.currency, start_fallback=production.start_date,
                        country=production.country, region=production.region,
                        last_board_date=last)
    calendar = built.production.calendar
    day = max(calendar.start, last + timedelta(days=1)) if last else calendar.start
    holidays = frozenset(public_holidays(calendar, range(day.year, day.year + 3)))
    for _ in range(3 * 366):
        if is_work_day(calendar, day, holidays):
            return day
        day += timedelta(days=1)
    raise Invalid("The calendar has no work day after the last shoot day.")


@transaction.atomic
def shoot_day_add(*, actor: Any, production_id: int, schedule_id: int,
                  expected_version: int) -> ShootDay:
    """Add a shoot day after the last one, on the next work day of the facts' calendar."""
    membership = editor(actor, production_id)
    version = _claim(production_id, schedule_id, expected_version)
    number = (version.days.order_by("-number").values_list("number", flat=True).first()
              or 0) + 1
    day = ShootDay.objects.create(schedule=version, number=number,
                                  date=_next_work_day(version, membership))
    audit_record(actor=actor, action="shoot_day.add", target=version,
                 production_id=production_id, label=f"{version.name}: day {number}",
                 changes={"day": [None, f"{number} {day.date.isoformat()}"]})
    return day


@transaction.atomic
def shoot_day_remove(*, actor: Any, production_id: int, day_id: int,
                     expected_version: int) -> None:
    """Remove a shoot day: its strips go to the end of the boneyard, its banners go, the
    days after it are numbered one lower (their dates stay)."""
    editor(actor, production_id)
    day = day_in(production_id, day_id)
    version = _claim(production_id, day.schedule_id, expected_version)
    strips = list(Strip.objects.filter(day=day).order_by("position", "id"))
    tail = Strip.objects.filter(schedule=version, day__isnull=True).count()
    for offset, strip in enumerate(strips):
        strip.day, strip.position = None, tail + offset
    Strip.objects.bulk_update(strips, ["day", "position"])
    number = day.number
    day.delete()
    for later in version.days.filter(number__gt=number).order_by("number"):
        later.number -= 1
        later.save(update_fields=["number"])
    audit_record(actor=actor, action="shoot_day.remove", target=version,
                 production_id=production_id, label=f"{version.name}: day {number}",
                 changes={"day": [number, None], "strips_to_boneyard": [None, len(strips)]})


@transaction.atomic
def banner_add(*, actor: Any, production_id: int, day_id: int, text: str,
               expected_version: int) -> Banner:
    """Add a banner (e.g. "END OF WEEK 1") before shoot day `day_id`."""
    editor(actor, production_id)
    day = day_in(production_id, day_id)
    no_nul(text=text)
    cleaned = " ".join(str(text).split())
    if not cleaned or len(cleaned) > BANNER_LENGTH:
        message = f"Write the banner's text (at most {BANNER_LENGTH} characters)."
        raise Invalid(message, fields={"text": [message]})
    version = _claim(production_id, day.schedule_id, expected_version)
    banner = Banner.objects.create(schedule=version, day=day, text=cleaned)
    audit_record(actor=actor, action="banner.add", target=version, production_id=production_id,
                 changes={"banner": [None, f"before day {day.number}: {cleaned}"]})
    return banner


@transaction.atomic
def banner_remove(*, actor: Any, production_id: int, banner_id: int,
                  expected_version: int) -> None:
    """Remove a banner."""
    editor(actor, production_id)
    banner = Banner.objects.filter(pk=banner_id, schedule__production_id=production_id).first() \
        if valid_id(banner_id) else None
    if banner is None:
        raise NotFound("Banner not found.")
    version = _claim(production_id, banner.schedule_id, expected_version)
    audit_record(actor=actor, action="banner.remove", target=version,
                 production_id=production_id, changes={"banner": [banner.text, None]})
    banner.delete()
