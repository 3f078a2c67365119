"""What the schedules app adds to the production dashboard.

Figures (every member who reads schedules): the current schedule's shoot days and first and
last dates; for VIEW_MONEY roles also its cost. Attention (EDIT_SCHEDULE roles): proposals
ready to review, and errors on the current schedule's board.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from lynchpin.core.access import can
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.roles import Capability
from lynchpin.engine.errors import InputError
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.adapters.view import board_view
from lynchpin.schedules.models import ScheduleProposal
from lynchpin.schedules.selectors.versions import current_version

__all__ = ["schedules_attention", "schedules_figures"]


def _board_url(production_id: int, schedule_id: int) -> str:
    return reverse("schedules:board", kwargs={"production_id": production_id,
                                               "schedule_id": schedule_id})


def schedules_figures(*, actor: Any, membership: Any) -> list[KeyFigure]:
    """Shoot days of the current schedule (and its cost for money roles)."""
    if not can(membership, Capability.VIEW_SCRIPT):
        return []
    version = current_version(int(membership.production_id))
    if version is None:
        return []
    try:
        plan = plan_of(version)
    except InputError:
        return []
    days = plan.schedule.days
    url = _board_url(int(membership.production_id), int(version.pk))
    note = f"{days[0].date:%d %b} - {days[-1].date:%d %b %Y}" if days else "no shoot days yet"
    figures = [KeyFigure("Shoot days", str(len(days)), url, f"{version.name}: {note}")]
    if can(membership, Capability.VIEW_MONEY):
        cost = board_view(plan, money=True).cost
        if cost is not None:
            figures.append(KeyFigure("Schedule cost", f"{cost.total} {plan.problem.currency}",
                                     url, "crew, cast, locations, moves, overtime"))
    return figures


def schedules_attention(*, actor: Any, membership: Any) -> list[AttentionItem]:
    """Proposals waiting for review and board errors, for roles that edit schedules."""
    if not can(membership, Capability.EDIT_SCHEDULE):
        return []
    production_id = int(membership.production_id)
    items = []
    ready = ScheduleProposal.objects.filter(production_id=production_id,
                                            status=ScheduleProposal.Status.READY)
    for proposal in ready.select_related("schedule")[:5]:
        url = reverse("schedules:proposal", kwargs={"production_id": production_id,
                                                    "proposal_id": proposal.pk})
        items.append(AttentionItem(f"{proposal.get_kind_display()} of {proposal.schedule} "
                                   "is ready to review", Level.INFO, url))
    version = current_version(production_id)
    if version is not None:
        try:
            errors = board_view(plan_of(version), money=False).errors
        except InputError as error:
            items.append(AttentionItem(f"{version.name}: {error.message}", Level.ERROR,
                                       _board_url(production_id, int(version.pk))))
            errors = 0
        if errors:
            items.append(AttentionItem(f"{version.name} has {errors} conflicts",
                                       Level.WARNING, _board_url(production_id,
                                                                 int(version.pk)), errors))
    return items
