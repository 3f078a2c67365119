"""What timecards add to a production's dashboard (lynchpin.web.dashboard calls these).

- `timecard_attention`: for those who approve (VIEW_MONEY and POST_LEDGER), the weeks
  submitted and waiting for approval;
- `timecard_figures`: for a member with an engagement of their own, a link to this week's
  timecard and its status (no money on the dashboard).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from lynchpin.core.access import can
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.roles import Capability
from lynchpin.people.models import TimecardWeek
from lynchpin.people.timecards.adapters import production_zone
from lynchpin.people.timecards.selectors.access import own_engagements

__all__ = ["timecard_attention", "timecard_figures"]


def timecard_attention(*, actor: Any, membership: Any) -> list[AttentionItem]:
    """"N timecards waiting for approval" for the roles that approve them."""
    if not (can(membership, Capability.VIEW_MONEY) and can(membership, Capability.POST_LEDGER)):
        return []
    waiting = TimecardWeek.objects.filter(production_id=membership.production_id,
                                          status=TimecardWeek.Status.SUBMITTED).count()
    if not waiting:
        return []
    noun = "timecard is" if waiting == 1 else "timecards are"
    url = reverse("timecards:index", kwargs={"production_id": membership.production_id})
    return [AttentionItem(f"{waiting} {noun} waiting for approval.", Level.WARNING, url,
                          waiting)]


def timecard_figures(*, actor: Any, membership: Any) -> list[KeyFigure]:
    """"Your timecard" with this week's status, for each of the member's own engagements."""
    engagements = own_engagements(actor=actor, production_id=membership.production_id)
    if not engagements:
        return []
    today = timezone.localdate(timezone=production_zone(membership.production))
    figures = []
    for engagement in engagements[:3]:
        url = reverse("timecards:week", kwargs={"production_id": membership.production_id,
                                                "engagement_id": engagement.pk})
        label = "Your timecard" if len(engagements) == 1 else f"Timecard: {engagement.position}"
        figures.append(KeyFigure(label, "Open this week", url=f"{url}?week={today}"))
    return figures
