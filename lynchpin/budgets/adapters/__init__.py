"""ORM rows <-> engine budget values: the only place the budgets app meets the engine.

- `cells`: number cells as stored text <-> Decimal / Formula
- `extras`: the version's JSON extras (units, rates, people, groups, charges, incentives)
- `rows`: `load_budget` / `save_budget` between rows and an engine `Budget`
- `cache`: priced budgets kept per process, keyed by the version's revision
- `figures`: printed (rounded) figures and what an edit changed
- `schedule`: what a schedule feed would change
"""

from lynchpin.budgets.adapters.cache import (
    PricedBudget,
    priced_budget,
    remember,
    shared,
    with_line,
)
from lynchpin.budgets.adapters.cells import (
    cell_from_text,
    cell_text,
    checked_cell,
    decimal_from_text,
)
from lynchpin.budgets.adapters.extras import (
    SETTING_KEYS,
    item_token,
    setting_items,
    with_setting_items,
)
from lynchpin.budgets.adapters.figures import (
    PricedLine,
    TotalsChange,
    money,
    priced_line,
    totals_change,
)
from lynchpin.budgets.adapters.rows import (
    LoadedBudget,
    line_fields,
    line_from_row,
    load_budget,
    save_budget,
)
from lynchpin.budgets.adapters.schedule import (
    Feed,
    GlobalChange,
    LineChange,
    SchedulePreview,
    feed_mapping,
    schedule_preview,
)

__all__ = [
    "SETTING_KEYS",
    "Feed",
    "GlobalChange",
    "LineChange",
    "LoadedBudget",
    "PricedBudget",
    "PricedLine",
    "SchedulePreview",
    "TotalsChange",
    "cell_from_text",
    "cell_text",
    "checked_cell",
    "decimal_from_text",
    "feed_mapping",
    "item_token",
    "line_fields",
    "line_from_row",
    "load_budget",
    "money",
    "priced_budget",
    "priced_line",
    "remember",
    "save_budget",
    "schedule_preview",
    "setting_items",
    "shared",
    "totals_change",
    "with_line",
    "with_setting_items",
]
