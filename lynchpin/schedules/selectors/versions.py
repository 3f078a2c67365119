"""Reads of schedule versions: the list, the stripboard, the DOOD, proposals, re-plan choices.

Every selector checks membership (NotFound) and VIEW_SCRIPT (Forbidden). Money (costs,
budget effects, a proposal's `costs`) is included only for VIEW_MONEY roles: the values hold
None otherwise, so no page or API response can show it by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from lynchpin.core.access import can
from lynchpin.core.roles import Capability
from lynchpin.engine.calendar import holidays_between
from lynchpin.engine.errors import Violation
from lynchpin.engine.scheduling.dood import Dood, day_out_of_days
from lynchpin.schedules.adapters.board import schedule_from_json
from lynchpin.schedules.adapters.plan import Plan, plan_of
from lynchpin.schedules.adapters.view import BoardView, board_view
from lynchpin.schedules.effects import BudgetEffect, budget_effect
from lynchpin.schedules.models import ScheduleProposal, ScheduleVersion
from lynchpin.schedules.rights import proposal_in, reader, sees_money, version_in

__all__ = [
    "BoardPage",
    "ProposalPage",
    "ReplanChoices",
    "board_get",
    "dood_get",
    "proposal_get",
    "replan_choices",
    "schedule_current",
    "schedule_get",
    "schedule_list",
]


def schedule_list(*, actor: Any, production_id: int) -> QuerySet[ScheduleVersion]:
    """The production's versions, newest first, with `day_count` and `boneyard_count`."""
    reader(actor, production_id)
    return (ScheduleVersion.objects.in_production(production_id)
            .select_related("script_version", "based_on")
            .annotate(day_count=Count("days", distinct=True),
                      boneyard_count=Count("strips", filter=Q(strips__day__isnull=True),
                                           distinct=True))
            .order_by("-created", "-id"))


def schedule_get(*, actor: Any, production_id: int, schedule_id: int) -> ScheduleVersion:
    """One version of the production (NotFound for another production's)."""
    reader(actor, production_id)
    return version_in(production_id, schedule_id)


def schedule_current(*, actor: Any, production_id: int) -> ScheduleVersion | None:
    """The production's current schedule: the most recently locked version, else the
    newest; None when there is none."""
    reader(actor, production_id)
    return current_version(production_id)


def current_version(production_id: int) -> ScheduleVersion | None:
    """`schedule_current` without the access check (for feeds, whose token is the check)."""
    rows = ScheduleVersion.objects.in_production(production_id).select_related(
        "production", "script_version")
    return (rows.filter(locked=True).order_by("-locked_at", "-id").first()
            or rows.order_by("-created", "-id").first())


@dataclass(frozen=True)
class BoardPage:
    """The stripboard of a version: the board view, the facts' warnings, the budget effect
    (money roles with a budget), and whether the member may edit and see money."""

    version: ScheduleVersion
    board: BoardView
    warnings: tuple[Violation, ...]
    budget: BudgetEffect | None
    editable: bool
    money: bool


def board_get(*, actor: Any, production_id: int, schedule_id: int) -> BoardPage:
    """Everything the stripboard page and the board API show."""
    membership = reader(actor, production_id)
    plan = plan_of(version_in(production_id, schedule_id))
    money = sees_money(membership)
    editable = can(membership, Capability.EDIT_SCHEDULE) and not plan.version.locked
    return BoardPage(plan.version, board_view(plan, money=money), plan.built.warnings,
                     budget_effect(actor=actor, membership=membership, plan=plan), editable,
                     money)


def dood_get(*, actor: Any, production_id: int, schedule_id: int) -> tuple[ScheduleVersion,
                                                                               Dood]:
    """The day out of days of a version (every performer kind; company holidays marked)."""
    reader(actor, production_id)
    plan = plan_of(version_in(production_id, schedule_id))
    return plan.version, dood_of(plan)


def dood_of(plan: Plan) -> Dood:
    """The DOOD of a plan, with the calendar's public holidays in its range."""
    dates = [day.date for day in plan.schedule.days]
    holidays = dict(holidays_between(plan.built.production.calendar, min(dates), max(dates))) \
        if dates else {}
    return day_out_of_days(plan.problem, plan.schedule, holidays=holidays)


@dataclass(frozen=True)
class CompareRow:
    """Day `number`: the current board's date and strips beside the proposal's."""

    number: int
    current_date: date | None
    current: tuple[str, ...]
    proposed_date: date | None
    proposed: tuple[str, ...]


@dataclass(frozen=True)
class ProposalPage:
    """A proposal, its version, the days side by side, and its money (None for others)."""

    proposal: ScheduleProposal
    version: ScheduleVersion
    rows: tuple[CompareRow, ...]
    costs: dict[str, Any] | None
    editable: bool


def _compare(plan: Plan, proposal: ScheduleProposal) -> tuple[CompareRow, ...]:
    proposed = schedule_from_json(proposal.days, proposal.boneyard)
    current = {day.number: day for day in plan.schedule.days}
    new = {day.number: day for day in proposed.days}
    rows = []
    for number in sorted(set(current) | set(new)):
        old_day, new_day = current.get(number), new.get(number)
        rows.append(CompareRow(number, old_day.date if old_day else None,
                               old_day.strips if old_day else (),
                               new_day.date if new_day else None,
                               new_day.strips if new_day else ()))
    return tuple(rows)


def proposal_get(*, actor: Any, production_id: int, proposal_id: int) -> ProposalPage:
    """A proposal with its days beside the current board's (empty while it runs)."""
    membership = reader(actor, production_id)
    proposal = proposal_in(production_id, proposal_id)
    plan = plan_of(version_in(production_id, proposal.schedule_id))
    rows = _compare(plan, proposal) if proposal.days else ()
    return ProposalPage(proposal, plan.version, rows,
                        dict(proposal.costs) if sees_money(membership) else None,
                        can(membership, Capability.EDIT_SCHEDULE))


@dataclass(frozen=True)
class ReplanChoices:
    """What a disruption can name: performers (id, label), locations, shoot days."""

    version: ScheduleVersion
    performers: tuple[tuple[str, str], ...]
    locations: tuple[str, ...]
    days: tuple[tuple[int, date], ...]
    money: bool


def replan_choices(*, actor: Any, production_id: int, schedule_id: int) -> ReplanChoices:
    """The choices of the re-plan form of a version."""
    membership = reader(actor, production_id)
    plan = plan_of(version_in(production_id, schedule_id))
    performers = tuple((p.id, f"{p.number}. {p.name}" if p.number else p.name)
                       for p in plan.problem.performers)
    return ReplanChoices(plan.version, performers,
                         tuple(loc.id for loc in plan.problem.locations),
                         tuple((day.number, day.date) for day in plan.schedule.days),
                         sees_money(membership))


def proposal_list(*, actor: Any, production_id: int,
                  schedule_id: int) -> QuerySet[ScheduleProposal]:
    """The proposals of a version, newest first."""
    reader(actor, production_id)
    version = version_in(production_id, schedule_id)
    return ScheduleProposal.objects.filter(schedule=version).order_by("-created", "-id")
