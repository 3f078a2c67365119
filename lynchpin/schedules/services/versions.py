"""Writes of schedule versions: create, copy, lock, unlock, delete.

`schedule_create` builds the strips of the current script draft and lays them out either all
in the boneyard or as a first plan (the optimiser's greedy start: every strip on a day it can
take, no search). Copies keep days, strips and banners. A locked version refuses every
change (Conflict); unlocking needs EDIT_PRODUCTION. All are audited and version-checked.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from lynchpin.core.access import require
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.core.roles import Capability
from lynchpin.core.validation import clean_or_invalid
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem
from lynchpin.engine.scheduling.solver_greedy import greedy_assignment
from lynchpin.engine.scheduling.solver_input import SolveSpec, candidate_days
from lynchpin.engine.scheduling.solver_order import build_schedule
from lynchpin.schedules.adapters.board import board_of, write_board
from lynchpin.schedules.adapters.plan import problem_for
from lynchpin.schedules.models import Banner, ScheduleVersion, ShootDay, Strip
from lynchpin.schedules.rights import editor, no_nul, unlocked, version_in
from lynchpin.scripts.models import ScriptVersion

__all__ = [
    "first_plan",
    "new_version",
    "schedule_copy",
    "schedule_create",
    "schedule_delete",
    "schedule_lock",
    "schedule_unlock",
]

MODES = ("greedy", "boneyard")


def first_plan(problem: ScheduleProblem) -> Schedule:
    """A first plan: the optimiser's greedy assignment of strips to candidate days, ordered
    within each day. Raises InputError naming a strip that fits no day."""
    spec = SolveSpec(problem, problem.days)
    assignment = greedy_assignment(spec, candidate_days(spec))
    return build_schedule(problem, problem.days, assignment, {},
                          sorted(set(assignment.values())))


def new_version(*, actor: Any, production_id: int, name: str, script_version: ScriptVersion,
                origin: str, based_on: ScheduleVersion | None = None,
                note: str = "") -> ScheduleVersion:
    """Validate and save a new, empty version (Invalid for a bad or taken name)."""
    no_nul(name=name, note=note)
    version = ScheduleVersion(
        production_id=production_id, name=name, script_version=script_version, origin=origin,
        based_on=based_on, note=note, created_by=actor)
    clean_or_invalid(version, exclude=("production",))  # the name's uniqueness: below
    if ScheduleVersion.objects.filter(production_id=production_id, name=version.name).exists():
        raise Invalid("That name is taken.", fields={"name": ["A schedule has this name."]})
    try:
        with transaction.atomic():
            version.save()
    except IntegrityError:  # the same name saved by someone else in the meantime
        raise Invalid("That name is taken.", fields={"name": ["That name is taken."]}) from None
    return version


def _current_draft(production_id: int) -> ScriptVersion:
    draft = ScriptVersion.objects.filter(production_id=production_id,
                                         status=ScriptVersion.Status.READY).first()
    if draft is None:
        raise Invalid("Import the script first: a schedule is made of its scenes.")
    return draft


@transaction.atomic
def schedule_create(*, actor: Any, production_id: int, name: str,
                    mode: str = "greedy") -> ScheduleVersion:
    """A new version of the current script draft: `mode` ``greedy`` (a first plan) or
    ``boneyard`` (no days; every strip in the boneyard). Requires EDIT_SCHEDULE. Raises
    Invalid (no script, bad name or mode) or InputError (the facts give no start date, a
    strip fits no shoot day: create it with the boneyard and plan by hand)."""
    membership = editor(actor, production_id)
    if mode not in MODES:
        raise Invalid(f"Choose one of {', '.join(MODES)}.", fields={"mode": ["Unknown mode."]})
    draft = _current_draft(production_id)
    production = membership.production
    built = problem_for(draft, title=production.title, currency=production.currency,
                        start_fallback=production.start_date, country=production.country,
                        region=production.region)
    schedule = first_plan(built.problem) if mode == "greedy" else Schedule(days=())
    version = new_version(actor=actor, production_id=production_id, name=name,
                          script_version=draft, origin=mode)
    write_board(version, schedule, built.draft)
    audit_record(actor=actor, action="schedule.create", target=version,
                 production_id=production_id,
                 changes={"name": [None, version.name], "mode": [None, mode]})
    return version


def copy_rows(source: ScheduleVersion, target: ScheduleVersion) -> None:
    """Copy the days, strips and banners of `source` into the empty `target`."""
    board = board_of(source)
    days = {int(day.pk): ShootDay(schedule=target, number=day.number, date=day.date,
                                  unit=day.unit) for day in board.days}
    ShootDay.objects.bulk_create(days.values())
    Strip.objects.bulk_create(
        Strip(schedule=target, scene_id=scene_id, day=days.get(day_id) if day_id else None,
              position=position) for _, scene_id, day_id, position in board.strips)
    Banner.objects.bulk_create(Banner(schedule=target, day=days[day_id], text=text)
                               for _, day_id, text in board.banners if day_id in days)


@transaction.atomic
def schedule_copy(*, actor: Any, production_id: int, schedule_id: int,
                  name: str) -> ScheduleVersion:
    """A new, unlocked version with the board of `schedule_id` (a scenario or a revision)."""
    editor(actor, production_id)
    source = version_in(production_id, schedule_id)
    version = new_version(actor=actor, production_id=production_id, name=name,
                          script_version=source.script_version, origin="copy",
                          based_on=source, note=f"Copy of {source.name}")
    copy_rows(source, version)
    audit_record(actor=actor, action="schedule.copy", target=version,
                 production_id=production_id, changes={"based_on": [None, source.name]})
    return version


@transaction.atomic
def schedule_lock(*, actor: Any, production_id: int, schedule_id: int,
                  expected_version: int) -> ScheduleVersion:
    """Lock a version (an approved schedule): it refuses every change until unlocked."""
    editor(actor, production_id)
    version = unlocked(version_in(production_id, schedule_id, for_update=True))
    version.locked, version.locked_at, version.locked_by = True, timezone.now(), actor
    version.compare_and_set(expected_version=expected_version,
                            fields=("locked", "locked_at", "locked_by"))
    audit_record(actor=actor, action="schedule.lock", target=version,
                 production_id=production_id, changes={"locked": [False, True]})
    return version


@transaction.atomic
def schedule_unlock(*, actor: Any, production_id: int, schedule_id: int,
                    expected_version: int) -> ScheduleVersion:
    """Unlock a locked version. Requires EDIT_PRODUCTION (producer, PM)."""
    require(editor(actor, production_id), Capability.EDIT_PRODUCTION)
    version = version_in(production_id, schedule_id, for_update=True)
    if not version.locked:
        raise Conflict(f"{version.name} is not locked.")
    version.locked, version.locked_at, version.locked_by = False, None, None
    version.compare_and_set(expected_version=expected_version,
                            fields=("locked", "locked_at", "locked_by"))
    audit_record(actor=actor, action="schedule.unlock", target=version,
                 production_id=production_id, changes={"locked": [True, False]})
    return version


@transaction.atomic
def schedule_delete(*, actor: Any, production_id: int, schedule_id: int,
                    expected_version: int) -> None:
    """Delete an unlocked version (Conflict when locked or changed since it was read)."""
    editor(actor, production_id)
    version = unlocked(version_in(production_id, schedule_id, for_update=True))
    if version.version != expected_version:
        raise Conflict(f"{version.name} was changed by someone else since you opened it; "
                       "reload it first.")
    audit_record(actor=actor, action="schedule.delete", target=version,
                 production_id=production_id, changes={"name": [version.name, None]})
    ScheduleVersion.objects.filter(based_on=version).update(based_on=None)
    version.delete()
