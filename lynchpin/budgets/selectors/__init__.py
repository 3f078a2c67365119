"""Reads of the budgets app, all VIEW_MONEY only and scoped to the actor's production.

- versions: `budget_list`, `budget_get`, `budget_current`, `budget_priced` (the engine
  budget and pricing other apps read), `budget_compare`; dashboard `budget_figures`,
  `budget_attention`
- sheets: `budget_topsheet`, `budget_accounts`, `budget_account_detail`, `budget_lines`,
  `budget_globals`, `budget_fringes`
- settings: `budget_settings` (charges, incentives, groups, people, exchange rates,
  units)
"""

from lynchpin.budgets.selectors.settings import SettingItem, budget_settings
from lynchpin.budgets.selectors.sheets import (
    AccountDetail,
    AccountTotal,
    CategoryTotal,
    ChargeTotal,
    FringeTotal,
    GlobalValue,
    LevelTotal,
    PricedLines,
    TopSheet,
    budget_account_detail,
    budget_accounts,
    budget_fringes,
    budget_globals,
    budget_lines,
    budget_topsheet,
)
from lynchpin.budgets.selectors.versions import (
    budget_attention,
    budget_compare,
    budget_current,
    budget_figures,
    budget_get,
    budget_list,
    budget_priced,
)

__all__ = [
    "AccountDetail",
    "AccountTotal",
    "CategoryTotal",
    "ChargeTotal",
    "FringeTotal",
    "GlobalValue",
    "LevelTotal",
    "PricedLines",
    "SettingItem",
    "TopSheet",
    "budget_account_detail",
    "budget_accounts",
    "budget_attention",
    "budget_compare",
    "budget_current",
    "budget_figures",
    "budget_fringes",
    "budget_get",
    "budget_globals",
    "budget_lines",
    "budget_list",
    "budget_priced",
    "budget_settings",
    "budget_topsheet",
]
