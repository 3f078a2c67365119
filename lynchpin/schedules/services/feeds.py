"""Calendar links: a secret iCalendar address per member, for calendar apps that cannot log in.

`calendar_feed_create` makes (or replaces) a member's link: scope ``person`` (their own
calls) or ``production`` (every shoot day). The token is returned once; only its SHA-256
digest is stored, so a new link is the only way to see one again, and making one revokes the
previous. `calendar_feed_revoke` removes a link. Any member who reads schedules may have both.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.core.tokens import new_token, token_digest
from lynchpin.schedules.models import CalendarFeed
from lynchpin.schedules.rights import reader

__all__ = ["FEED_PREFIX", "calendar_feed_create", "calendar_feed_revoke"]

#: Prefix of a calendar token (tells it apart from an API key when pasted somewhere).
FEED_PREFIX = "cal_"


def _scope(scope: str) -> str:
    if scope not in CalendarFeed.Scope.values:
        raise Invalid("Choose my calls or every shoot day.", fields={"scope": ["Unknown."]})
    return scope


@transaction.atomic
def calendar_feed_create(*, actor: Any, production_id: int,
                         scope: str) -> tuple[CalendarFeed, str]:
    """A new secret link of `scope` for the actor (replacing theirs); returns the row and
    the token, shown once. Requires VIEW_SCRIPT."""
    reader(actor, production_id)
    token = new_token(FEED_PREFIX)
    feed, _ = CalendarFeed.objects.update_or_create(
        production_id=production_id, user=actor, scope=_scope(scope),
        defaults={"token_digest": token_digest(token)})
    audit_record(actor=actor, action="calendar_feed.create", target=feed,
                 production_id=production_id, changes={"scope": [None, scope]})
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, actor: Any, production_id: int, scope: str) -> None:
    """Remove the actor's link of `scope` (NotFound when there is none)."""
    reader(actor, production_id)
    feed = CalendarFeed.objects.filter(production_id=production_id, user=actor,
                                       scope=_scope(scope)).first()
    if feed is None:
        raise NotFound("You have no such calendar link.")
    audit_record(actor=actor, action="calendar_feed.revoke", target=feed,
                 production_id=production_id, changes={"scope": [scope, None]})
    feed.delete()
