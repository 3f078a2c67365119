"""Pages of accounting, under /productions/<id>/accounting/ (lynchpin.config.urls)."""

from __future__ import annotations

from django.urls import path

from lynchpin.accounting.views import ledger, periods, postings, purchase_orders, reports

app_name = "accounting"

urlpatterns = [
    path("", ledger.ledger, name="ledger"),
    path("entries/<int:entry_id>/", ledger.entry_detail, name="entry"),
    path("purchase-orders/", purchase_orders.purchase_orders, name="purchase_orders"),
    path("purchase-orders/<int:po_id>/approve/", purchase_orders.po_approve, name="po_approve"),
    path("purchase-orders/<int:po_id>/close/", purchase_orders.po_close, name="po_close"),
    path("invoices/", postings.invoices, name="invoices"),
    path("petty-cash/", postings.petty_cash, name="petty_cash"),
    path("journal/", postings.journal, name="journal"),
    path("periods/", periods.periods, name="periods"),
    path("periods/<int:period_id>/close/", periods.period_close, name="period_close"),
    path("bank/", periods.bank, name="bank"),
    path("cost-report/", reports.cost_report, name="cost_report"),
    path("hot-cost/", reports.hot_cost, name="hot_cost"),
    path("charts/", reports.charts, name="charts"),
]
