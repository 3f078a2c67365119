"""Reads of timecards, always scoped to the actor: weeks (`weeks`), who may open one
(`access`), planned-day warnings (`planned`) and the dashboard (`dashboard`)."""

from lynchpin.people.timecards.selectors.access import (
    TimecardAccess,
    own_engagements,
    timecard_access,
)
from lynchpin.people.timecards.selectors.dashboard import timecard_attention, timecard_figures
from lynchpin.people.timecards.selectors.planned import (
    STANDARD_DAY,
    PlannedDay,
    PlannedEntry,
    PlannedPerson,
    StandardDay,
    Warning,
    planned_day_check,
    planned_day_people,
    without_amounts,
)
from lynchpin.people.timecards.selectors.weeks import (
    DayView,
    LineView,
    WeekRow,
    WeekView,
    payroll_account_list,
    timecard_list,
    timecard_waiting,
    timecard_week_get,
)

__all__ = [
    "STANDARD_DAY",
    "DayView",
    "LineView",
    "PlannedDay",
    "PlannedEntry",
    "PlannedPerson",
    "StandardDay",
    "TimecardAccess",
    "Warning",
    "WeekRow",
    "WeekView",
    "own_engagements",
    "payroll_account_list",
    "planned_day_check",
    "planned_day_people",
    "timecard_access",
    "timecard_attention",
    "timecard_figures",
    "timecard_list",
    "timecard_waiting",
    "timecard_week_get",
    "without_amounts",
]
