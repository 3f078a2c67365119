"""Reads of the schedules app, always scoped to the actor (VIEW_SCRIPT; money VIEW_MONEY).

- versions: `schedule_list`, `schedule_get`, `schedule_current`, `board_get`, `dood_get`,
  `proposal_get`, `proposal_list`, `replan_choices`
- compare: `schedule_compare` (two versions side by side)
- facts: `facts_get`
- exports: `schedule_document`, `feed_list`, `calendar_feed_ics`
- budget: `reprice_preview_get`
- dashboard: `schedules_figures`, `schedules_attention` (dashboard sources)
"""

from lynchpin.schedules.selectors.budget import RepricePage, reprice_preview_get
from lynchpin.schedules.selectors.compare import (
    PerformerDays,
    SceneChange,
    ScheduleComparison,
    VersionSummary,
    schedule_compare,
)
from lynchpin.schedules.selectors.dashboard import schedules_attention, schedules_figures
from lynchpin.schedules.selectors.exports import (
    DOCUMENTS,
    Document,
    calendar_feed_ics,
    feed_list,
    schedule_document,
)
from lynchpin.schedules.selectors.facts import CastLine, FactsPage, facts_get
from lynchpin.schedules.selectors.versions import (
    BoardPage,
    ProposalPage,
    ReplanChoices,
    board_get,
    dood_get,
    proposal_get,
    proposal_list,
    replan_choices,
    schedule_current,
    schedule_get,
    schedule_list,
)

__all__ = [
    "DOCUMENTS",
    "BoardPage",
    "CastLine",
    "Document",
    "FactsPage",
    "PerformerDays",
    "ProposalPage",
    "ReplanChoices",
    "RepricePage",
    "SceneChange",
    "ScheduleComparison",
    "VersionSummary",
    "board_get",
    "calendar_feed_ics",
    "dood_get",
    "facts_get",
    "feed_list",
    "proposal_get",
    "proposal_list",
    "replan_choices",
    "reprice_preview_get",
    "schedule_compare",
    "schedule_current",
    "schedule_document",
    "schedule_get",
    "schedule_list",
    "schedules_attention",
    "schedules_figures",
]
