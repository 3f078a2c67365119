"""Setting a production up for scheduling in one step (the demo, scripts, first use).

`schedule_setup` imports a production file into the facts when the production has none yet
and makes the first schedule version (a first plan of the current draft) when it has no
version yet; run again, it changes nothing. Needs EDIT_SCHEDULE and VIEW_MONEY (the file sets
rates), a current script draft, and raises what `facts_import` and `schedule_create` raise.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lynchpin.schedules.models import ScheduleFacts, ScheduleVersion
from lynchpin.schedules.services.facts import facts_import
from lynchpin.schedules.services.versions import schedule_create

__all__ = ["schedule_setup"]


@transaction.atomic
def schedule_setup(*, actor: Any, production_id: int, text: str, source: str,
                   name: str = "Shooting schedule") -> ScheduleVersion:
    """Facts from the production file `text` (unless the production has facts) and a first
    version named `name` (unless it has a version); returns the newest version."""
    if not ScheduleFacts.objects.filter(production_id=production_id).exists():
        facts_import(actor=actor, production_id=production_id, text=text, source=source)
    newest = ScheduleVersion.objects.filter(production_id=production_id).order_by(
        "-created", "-id").first()
    if newest is None:
        newest = schedule_create(actor=actor, production_id=production_id, name=name)
    return newest
