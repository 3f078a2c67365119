"""Reads of the accounting app: keyword-only, actor first, VIEW_MONEY for everything.

- `ledger`: ledger_list, entry_get, period_list, float_list, bank_line_list, bank_import_list
- `purchase_orders`: po_list, po_get (with the ledger's open balance and status)
- `reports`: cost_report, cost_report_filters, hot_cost_for_day
- `charts`: chart_data (burn against plan, EFC over time, spend by category)
- `choices`: form_choices (accounts, vendors, open POs, live floats for the forms)
- `dashboard`: accounting_figures, accounting_attention (dashboard sources)
"""

from lynchpin.accounting.selectors.charts import chart_data
from lynchpin.accounting.selectors.choices import form_choices
from lynchpin.accounting.selectors.dashboard import accounting_attention, accounting_figures
from lynchpin.accounting.selectors.ledger import (
    bank_import_list,
    bank_line_list,
    entry_get,
    float_list,
    ledger_list,
    period_list,
)
from lynchpin.accounting.selectors.purchase_orders import po_get, po_list
from lynchpin.accounting.selectors.reports import (
    cost_report,
    cost_report_filters,
    hot_cost_for_day,
)

__all__ = [
    "accounting_attention",
    "accounting_figures",
    "bank_import_list",
    "bank_line_list",
    "chart_data",
    "cost_report",
    "cost_report_filters",
    "entry_get",
    "float_list",
    "form_choices",
    "hot_cost_for_day",
    "ledger_list",
    "period_list",
    "po_get",
    "po_list",
]
