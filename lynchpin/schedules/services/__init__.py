"""Writes of the schedules app: ``<entity>_<verb>(*, actor, production_id, ...)``.

Every service checks membership (NotFound for outsiders) and EDIT_SCHEDULE (Forbidden; money
fields also need VIEW_MONEY), runs in one transaction, refuses changes of a locked version
(Conflict), claims the schedule version it changes (a stale version is a Conflict, 409) and
records an audit entry.

- facts: `facts_update`, `performer_facts_save` / `_delete`, `location_facts_save` /
  `_delete`, `move_facts_save` / `_delete`, `facts_import` (a production file)
- versions: `schedule_create`, `schedule_copy`, `schedule_lock`, `schedule_unlock`,
  `schedule_delete`
- board: `strip_move` (day totals, conflicts, cost and budget effect), `shoot_day_add`,
  `shoot_day_remove`, `banner_add`, `banner_remove`
- proposals: `schedule_optimise`, `schedule_replan` (background tasks), `proposal_apply`,
  `proposal_discard`, `proposal_stop`
- budget: `schedule_budget_reprice` (the preview is a selector)
- feeds: `calendar_feed_create`, `calendar_feed_revoke`
- setup: `schedule_setup` (facts from a production file and a first version, idempotent)
"""

from lynchpin.schedules.services.board import (
    MoveResult,
    banner_add,
    banner_remove,
    shoot_day_add,
    shoot_day_remove,
    strip_move,
)
from lynchpin.schedules.services.budget import schedule_budget_reprice
from lynchpin.schedules.services.facts import (
    FACT_FIELDS,
    LOCATION_FIELDS,
    MONEY_FIELDS,
    MOVE_FIELDS,
    PERFORMER_FIELDS,
    facts_import,
    facts_update,
    location_facts_delete,
    location_facts_save,
    move_facts_delete,
    move_facts_save,
    performer_facts_delete,
    performer_facts_save,
)
from lynchpin.schedules.services.feeds import calendar_feed_create, calendar_feed_revoke
from lynchpin.schedules.services.proposals import (
    proposal_apply,
    proposal_discard,
    proposal_stop,
    schedule_optimise,
    schedule_replan,
)
from lynchpin.schedules.services.setup import schedule_setup
from lynchpin.schedules.services.versions import (
    schedule_copy,
    schedule_create,
    schedule_delete,
    schedule_lock,
    schedule_unlock,
)

__all__ = [
    "FACT_FIELDS",
    "LOCATION_FIELDS",
    "MONEY_FIELDS",
    "MOVE_FIELDS",
    "PERFORMER_FIELDS",
    "MoveResult",
    "banner_add",
    "banner_remove",
    "calendar_feed_create",
    "calendar_feed_revoke",
    "facts_import",
    "facts_update",
    "location_facts_delete",
    "location_facts_save",
    "move_facts_delete",
    "move_facts_save",
    "performer_facts_delete",
    "performer_facts_save",
    "proposal_apply",
    "proposal_discard",
    "proposal_stop",
    "schedule_budget_reprice",
    "schedule_copy",
    "schedule_create",
    "schedule_delete",
    "schedule_lock",
    "schedule_optimise",
    "schedule_replan",
    "schedule_setup",
    "schedule_unlock",
    "shoot_day_add",
    "shoot_day_remove",
    "strip_move",
]
