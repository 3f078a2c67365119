"""Who may open a person's timecard: the one check every timecard service and selector makes.

A member opens a timecard when it is their OWN (the engagement's contact is linked to their
account) or when their role has VIEW_MONEY (producer, production manager, accountant: the
production office, who see everyone's). For anyone else another person's timecard does not
exist: NotFound (404), exactly like an id of another production, so the answer never tells
whose timecards there are. Whoever may open a timecard sees its pay: the office, and the
person their own pay (docs/web/timecards.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lynchpin.core.access import can, membership_for
from lynchpin.core.errors import NotFound
from lynchpin.core.roles import Capability
from lynchpin.people.models import Engagement

__all__ = ["TimecardAccess", "own_engagements", "timecard_access"]


@dataclass(frozen=True)
class TimecardAccess:
    """The actor's membership, the engagement, and why they may open its timecards:
    `own` (their own engagement) and/or `office` (VIEW_MONEY)."""

    membership: Any
    engagement: Engagement
    own: bool
    office: bool

    @property
    def approves(self) -> bool:
        """May approve or send back: the office, never for their own timecard."""
        return self.office and not self.own and can(self.membership, Capability.POST_LEDGER)


def timecard_access(*, actor: Any, production_id: int, engagement_id: int) -> TimecardAccess:
    """The actor's access to the timecards of engagement `engagement_id`.

    Raises NotFound for a non-member, an engagement not of this production, or another
    person's engagement when the actor's role lacks VIEW_MONEY.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    # pk=, not id: an id beyond the 64-bit range is then "not found", not an overflow.
    engagement = (Engagement.objects.select_related("contact", "production")
                  .filter(pk=engagement_id, production_id=membership.production_id).first())
    if engagement is None:
        raise NotFound("Timecard not found.")
    own = engagement.contact.user_id is not None and engagement.contact.user_id == actor.pk
    office = can(membership, Capability.VIEW_MONEY)
    if not (own or office):
        raise NotFound("Timecard not found.")
    return TimecardAccess(membership, engagement, own, office)


def own_engagements(*, actor: Any, production_id: int) -> list[Engagement]:
    """The actor's own engagements on the production (their contact card's), newest first."""
    return list(Engagement.objects.select_related("contact")
                .filter(production_id=production_id, contact__user__pk=actor.pk)
                .order_by("-start_date", "-id"))
