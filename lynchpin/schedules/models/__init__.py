"""Models of the schedules app: production facts (`facts`) and the board (`board`)."""

from lynchpin.schedules.models.board import (
    Banner,
    CalendarFeed,
    ScheduleProposal,
    ScheduleVersion,
    ShootDay,
    Strip,
)
from lynchpin.schedules.models.facts import (
    MAX_SHOOT_DAYS,
    LocationFacts,
    MoveFacts,
    PerformerFacts,
    ScheduleFacts,
)

__all__ = [
    "MAX_SHOOT_DAYS",
    "Banner",
    "CalendarFeed",
    "LocationFacts",
    "MoveFacts",
    "PerformerFacts",
    "ScheduleFacts",
    "ScheduleProposal",
    "ScheduleVersion",
    "ShootDay",
    "Strip",
]
