"""Who may read and change schedules, and finding a production's rows for them.

A schedule is read by every role that reads the script (VIEW_SCRIPT) and changed by roles
with EDIT_SCHEDULE (producer, production manager, coordinator/AD). Money in it (rates,
costs, budget effects) is for VIEW_MONEY roles only. Unlocking a locked version needs
EDIT_PRODUCTION (producer, PM): the lock records an approval that editors cannot undo.
Rows of another production are NotFound, as if they did not exist.
"""

from __future__ import annotations

from typing import Any

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.errors import Conflict, Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.schedules.models import ScheduleProposal, ScheduleVersion, ShootDay, Strip
from lynchpin.schedules.models.values import contains_nul

__all__ = [
    "MAX_ROW_ID",
    "day_in",
    "editor",
    "no_nul",
    "proposal_in",
    "reader",
    "sees_money",
    "strip_in",
    "unlocked",
    "valid_id",
    "version_in",
]

#: Largest row id (signed 64-bit): larger values cannot be compared with a column.
MAX_ROW_ID = 2**63 - 1


def valid_id(value: int | None) -> bool:
    """True when `value` can be a row id."""
    return value is not None and 1 <= value <= MAX_ROW_ID


def no_nul(**values: Any) -> None:
    """Raise Invalid naming the first value that holds a NUL character (never storable)."""
    for name, value in values.items():
        if contains_nul(value):
            raise Invalid("Text may not contain NUL characters.",
                          fields={name: ["Remove the NUL character."]})


def reader(actor: Any, production_id: int) -> Any:
    """The actor's membership if it may read schedules (NotFound / Forbidden otherwise)."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_SCRIPT)
    return membership


def editor(actor: Any, production_id: int) -> Any:
    """The actor's membership if it may change schedules and facts."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.EDIT_SCHEDULE)
    return membership


def sees_money(membership: Any) -> bool:
    """True when the member may see rates, costs and budget effects."""
    return can(membership, Capability.VIEW_MONEY)


def version_in(production_id: int, schedule_id: int, *, for_update: bool = False
               ) -> ScheduleVersion:
    """Schedule version `schedule_id` of the production (locked for update if asked)."""
    rows = ScheduleVersion.objects.select_related("production", "script_version")
    if for_update:
        rows = rows.select_for_update(of=("self",))
    version = rows.filter(pk=schedule_id, production_id=production_id).first() \
        if valid_id(schedule_id) else None
    if version is None:
        raise NotFound("Schedule not found.")
    return version


def unlocked(version: ScheduleVersion) -> ScheduleVersion:
    """`version`, or Conflict when it is locked."""
    if version.locked:
        raise Conflict(f"{version.name} is locked; copy it to make changes, or ask a producer "
                       "to unlock it.")
    return version


def day_in(production_id: int, day_id: int) -> ShootDay:
    """Shoot day `day_id` of one of the production's versions."""
    day = ShootDay.objects.filter(pk=day_id, schedule__production_id=production_id).first() \
        if valid_id(day_id) else None
    if day is None:
        raise NotFound("Shoot day not found.")
    return day


def strip_in(production_id: int, strip_id: int) -> Strip:
    """Strip row `strip_id` of one of the production's versions (its day and scene loaded)."""
    rows = Strip.objects.select_related("day", "scene")
    strip = rows.filter(pk=strip_id, schedule__production_id=production_id).first() \
        if valid_id(strip_id) else None
    if strip is None:
        raise NotFound("Strip not found.")
    return strip


def proposal_in(production_id: int, proposal_id: int, *, for_update: bool = False
                ) -> ScheduleProposal:
    """Proposal `proposal_id` of the production."""
    rows = ScheduleProposal.objects.select_related("schedule", "run")
    if for_update:
        rows = rows.select_for_update(of=("self",))
    proposal = rows.filter(pk=proposal_id, production_id=production_id).first() \
        if valid_id(proposal_id) else None
    if proposal is None:
        raise NotFound("Proposal not found.")
    return proposal
