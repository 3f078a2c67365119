"""A cheap fingerprint of the rows a production's planning reads besides the board and draft.

`planning_fingerprint(production_id)` reads, in one query, for each table the planning
reads (the production's schedule facts, performers, locations and moves; the people app's
contacts, engagements and deal memos) the number of rows, the newest `updated` time, the
sum of the rows' `version` numbers and the highest id. Every accepted edit of those rows
changes at least one of them: a save refreshes `updated` (``auto_now``) and raises `version`
(`compare_and_set`), an insert adds a row and a newer `updated`, a delete removes a row, and
an import that deletes and re-inserts the same number of rows gives new ids and times. So
two equal fingerprints mean the same facts and deals, and whatever is computed from them can
be kept per process under the fingerprint (`adapters.plan`).

Database timestamps are compared as the database returns them (a string on SQLite, an
aware datetime on PostgreSQL); the tuple is only ever compared for equality.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connection

from lynchpin.people.models import Contact, DealMemo, Engagement
from lynchpin.schedules.models import LocationFacts, MoveFacts, PerformerFacts, ScheduleFacts

__all__ = ["planning_fingerprint"]

_SCOPED = (ScheduleFacts, PerformerFacts, LocationFacts, MoveFacts, Contact, Engagement)
_AGGREGATES = "{part}, COUNT(*), MAX({t}.updated), SUM({t}.version), MAX({t}.id)"


@cache
def _sql() -> str:
    """One UNION ALL of an aggregate row per table, numbered and in that order."""
    parts = [f"SELECT {_AGGREGATES.format(part=part, t=model._meta.db_table)} FROM "
             f"{model._meta.db_table} WHERE {model._meta.db_table}.production_id = %s"
             for part, model in enumerate(_SCOPED)]
    memo, engagement = DealMemo._meta.db_table, Engagement._meta.db_table
    parts.append(f"SELECT {_AGGREGATES.format(part=len(parts), t=memo)} FROM {memo} "
                 f"INNER JOIN {engagement} ON {memo}.engagement_id = {engagement}.id "
                 f"WHERE {engagement}.production_id = %s")
    return " UNION ALL ".join(parts) + " ORDER BY 1"


def planning_fingerprint(production_id: int) -> tuple[Any, ...]:
    """The fingerprint of `production_id`'s facts and cast deals (module docstring)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql(), [production_id] * (len(_SCOPED) + 1))
        return tuple(tuple(row) for row in cursor.fetchall())
