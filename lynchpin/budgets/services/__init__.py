"""Writes of the budgets app: ``<entity>_<verb>(*, actor, production_id, ...)``.

Every service checks membership (NotFound for outsiders) and EDIT_BUDGET (Forbidden), runs in
one transaction, refuses edits of a locked version (Conflict), records an audit entry, and
never stores a total: totals come from the engine through `lynchpin.budgets.adapters`.

- versions: `budget_create_from_template`, `budget_import`, `budget_version_copy`,
  `budget_lock`, `budget_delete`
- lines: `budget_line_add`, `budget_line_update` (fast incremental re-pricing),
  `budget_line_delete`
- tables: `global_set`, `global_delete`, `fringe_set`, `fringe_delete`
- settings: `budget_setting_set`, `budget_setting_delete` (charges, incentives, groups,
  people, exchange rates, units; `SETTINGS` describes each)
- schedule: `budget_reprice_preview`, `budget_reprice_summary` (its totals, shared by the
  web processes), `budget_reprice_from_schedule` (the schedules app's entry points: pass
  the engine's ScheduleFeed)
"""

from lynchpin.budgets.services.lines import (
    LINE_FIELDS,
    LineResult,
    budget_line_add,
    budget_line_delete,
    budget_line_update,
)
from lynchpin.budgets.services.schedule import (
    RepriceResult,
    RepriceSummary,
    budget_reprice_from_schedule,
    budget_reprice_preview,
    budget_reprice_summary,
)
from lynchpin.budgets.services.settings import (
    SETTINGS,
    Setting,
    budget_setting_delete,
    budget_setting_set,
)
from lynchpin.budgets.services.tables import (
    fringe_delete,
    fringe_set,
    global_delete,
    global_set,
)
from lynchpin.budgets.services.versions import (
    SCHEDULE_GLOBALS,
    budget_create_from_template,
    budget_delete,
    budget_import,
    budget_lock,
    budget_version_copy,
)

__all__ = [
    "LINE_FIELDS",
    "SCHEDULE_GLOBALS",
    "SETTINGS",
    "LineResult",
    "RepriceResult",
    "RepriceSummary",
    "Setting",
    "budget_create_from_template",
    "budget_delete",
    "budget_import",
    "budget_line_add",
    "budget_line_delete",
    "budget_line_update",
    "budget_lock",
    "budget_reprice_from_schedule",
    "budget_reprice_preview",
    "budget_reprice_summary",
    "budget_setting_delete",
    "budget_setting_set",
    "budget_version_copy",
    "fringe_delete",
    "fringe_set",
    "global_delete",
    "global_set",
]
